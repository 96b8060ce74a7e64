package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// An Extractor built with New extracts what Document does with the same
// lexicon, and a role pattern that does not compile fails each document as
// it did when patterns were compiled on first use.
func TestExtractorMatchesDocument(t *testing.T) {
	files, _ := filepath.Glob("../data/corpus/*.txt")
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	lex := lexicon.Must()
	ex := New(lex)
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := kg.Document{ID: string(rune('a' + i)), Text: string(b)}
		want, err := Document(doc, lex)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ex.Document(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Extractor.Document differs from Document", f)
		}
	}
	bad, err := lexicon.Load(fstest.MapFS{"role_patterns.txt": {Data: []byte("no capture here | title=x\n")}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(bad).Document(kg.Document{ID: "x", Text: "Acme named Jane Roe chief executive."})
	if err == nil || !strings.Contains(err.Error(), "no {person}") {
		t.Errorf("bad role pattern: err = %v, want the pattern's error", err)
	}
}

// The continues=1 reporting verbs give the participles that go on with a
// speaker's claim after a comma.
func TestContinuations(t *testing.T) {
	got := compileClaimLex(lexicon.Must()).continuations
	want := []string{"saying that ", "adding that ", "noting that ", "arguing that "}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("continuations = %q, want %q", got, want)
	}
}

// title_scopes.txt only= lines mark the offices only a university or a
// company has, anywhere in the title or, with start=1, at its start.
func TestTitleOnly(t *testing.T) {
	x := New(lexicon.Must()).x
	for _, c := range []struct {
		title      string
		university bool
		company    bool
	}{
		{"Associate Professor", true, false},
		{"Dean of Students", true, false},
		{"Provost", true, false},
		{"Co-founder", false, true},
		{"Lead Independent Director", false, true},
		{"Board Chair", false, true},
		{"Chair of the Board", false, false},
		{"Chief Executive", false, false},
	} {
		if got := academicTitle(x, c.title); got != c.university {
			t.Errorf("academicTitle(%q) = %v", c.title, got)
		}
		if got := companyTitle(x, c.title); got != c.company {
			t.Errorf("companyTitle(%q) = %v", c.title, got)
		}
	}
}

// Every class= of role_words.txt and event_words.txt is one the extractor
// reads: a misspelt class would drop its words silently.
func TestWordClasses(t *testing.T) {
	lex := lexicon.Must()
	for file, known := range map[string]map[string]*map[string]bool{
		"role_words":  (&roleWords{}).classes(),
		"event_words": (&eventWords{}).classes(),
	} {
		if len(lex.Entries(file)) == 0 {
			t.Errorf("%s is empty", file)
		}
		for _, e := range lex.Entries(file) {
			for _, c := range strings.Split(e.Attr("class"), ",") {
				if _, ok := known[strings.TrimSpace(c)]; !ok {
					t.Errorf("%s: class %q is not read", e.File, c)
				}
			}
		}
	}
}
