package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// withTypeModel is rulesLexicon with a type model of the given weights
// (feature -> class -> weight).
func withTypeModel(w map[string]map[string]string) *lexicon.Lexicon {
	return withModelFile(rulesLexicon(), "type_model", w)
}

func entityTypes(t *testing.T, lex *lexicon.Lexicon, text string) map[string]kg.EntityType {
	t.Helper()
	ex, err := New(lex).Document(kg.Document{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]kg.EntityType{}
	for _, e := range ex.Entities {
		out[e.Name] = e.Type
	}
	return out
}

// TestTypeModelOverrulesNamingRules: a name the rules read as a person
// becomes an organization when the model's organization score beats the
// rules' class by more than typeMargin, and not when it is within it.
func TestTypeModelOverrulesNamingRules(t *testing.T) {
	text := "\"We will appeal,\" said Jane Roe Ferrer, president of Pavimentadora Hooli de Obras (CHO)."
	const name = "Pavimentadora Hooli de Obras"
	if got := entityTypes(t, rulesLexicon(), text)[name]; got != kg.Person {
		t.Fatalf("the rules type %q %q; the test wants a name they read as a person", name, got)
	}
	strong := withTypeModel(map[string]map[string]string{
		PriorFeature:    {"person": "0"},
		"acronym-after": {"organization": "2"},
	})
	if got := entityTypes(t, strong, text)[name]; got != kg.Organization {
		t.Errorf("a model that scores it an organization by 2 gives %q", got)
	}
	weak := withTypeModel(map[string]map[string]string{
		PriorFeature:    {"person": "0"},
		"acronym-after": {"organization": "1.4"},
	})
	if got := entityTypes(t, weak, text)[name]; got != kg.Person {
		t.Errorf("a model within the margin overrules the rules: %q", got)
	}
}

// TestTypeModelLeavesPlacesAndPrograms: names the rules block (a place, a
// program) and names a program word ends stay no entity, whatever the
// model says.
func TestTypeModelLeavesPlacesAndPrograms(t *testing.T) {
	text := "The agency runs the Joint Logistics Modernization Program (JLMP) from Paris. JLMP is late, the program called Bluebird too."
	lex := withTypeModel(map[string]map[string]string{PriorFeature: {"organization": "9"}})
	got := entityTypes(t, lex, text)
	for _, n := range []string{"Joint Logistics Modernization Program", "JLMP", "Bluebird", "Paris"} {
		if typ, ok := got[n]; ok {
			t.Errorf("%s became an entity (%s): %v", n, typ, got)
		}
	}
}

// TestTypeFeatures: the features of a name describe its context in
// lower-case words and marks, its shape and what the rules gave it (they
// read this one as a person); no
// feature holds the name's own words.
func TestTypeFeatures(t *testing.T) {
	_, trace, err := New(rulesLexicon()).TypeFeatures(kg.Document{ID: "t",
		Text: "Jane Roe, president of Hooli Vial del Sur (HVS), said no. Hooli Vial del Sur appealed."})
	if err != nil {
		t.Fatal(err)
	}
	fs := trace["Hooli Vial del Sur"]
	for _, want := range []string{"rule=person", "pw=of", "pw2=president", "title-of", "acronym-after", "inner=del", "ntok=4", "mentions=2", "nw=appealed"} {
		if !slices.Contains(fs, want) {
			t.Errorf("no %s in %v", want, fs)
		}
	}
	for _, f := range fs {
		if strings.Contains(strings.ToLower(f), "hooli") || strings.Contains(strings.ToLower(f), "vial") {
			t.Errorf("feature %s holds the name", f)
		}
	}
	if fs := trace["Jane Roe"]; !slices.Contains(fs, "rule=person") || !slices.Contains(fs, "given+surname") {
		t.Errorf("Jane Roe: %v", fs)
	}
}

// TestBadTypeModelWeightFailsDocuments: a weight that is no number fails
// every document with an error naming the document and the model's line.
func TestBadTypeModelWeightFailsDocuments(t *testing.T) {
	lex := withTypeModel(map[string]map[string]string{PriorFeature: {"person": "x1"}})
	_, err := New(lex).Document(kg.Document{ID: "t", Text: "Jane Roe sued Globex Inc. in March."})
	if err == nil || !strings.Contains(err.Error(), "type_model:5") || !strings.Contains(err.Error(), "document t") {
		t.Errorf("error %v, want one naming the document and type_model:5", err)
	}
}

// TestProgramAfter: a name followed, past its acronym and a few
// lower-case words, by a program's noun is a program the model may not
// make a body of; a name followed by other words is not marked.
func TestProgramAfter(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"Microsoft won the Joint Enterprise Defense Infrastructure (JEDI) cloud computing program in 2019.", "Joint Enterprise Defense Infrastructure", true},
		{"Microsoft won the Joint Enterprise Defense Infrastructure (JEDI) in 2019.", "Joint Enterprise Defense Infrastructure", false},
	} {
		d := &docState{Doc: kg.Document{ID: "t", Text: tt.text}, Lex: lexicon.Must()}
		clean(d)
		segment(d)
		x := d.index()
		got := false
		for si := range d.Sents {
			toks := d.Sents[si].Tokens
			for a := range toks {
				for b := a + 1; b <= len(toks); b++ {
					if spanText(d, toks, a, b) == tt.name {
						got = programAfter(d, x, newPiece(d, si, a, b))
					}
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q: programAfter(%q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}
