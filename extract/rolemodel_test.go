package extract

import (
	"maps"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// withModelFile is lex with model file set to the given weights (feature
// -> class -> weight).
func withModelFile(lex *lexicon.Lexicon, file string, w map[string]map[string]string) *lexicon.Lexicon {
	l := *lex
	l.Files = maps.Clone(l.Files)
	entries := []lexicon.Entry{{Phrase: PriorFeature, Attrs: w[PriorFeature], File: file + ":5"}}
	for _, f := range slices.Sorted(maps.Keys(w)) {
		if f != PriorFeature {
			entries = append(entries, lexicon.Entry{Phrase: f, Attrs: w[f], File: file + ":9"})
		}
	}
	l.Files[file] = entries
	return &l
}

// roleLabels are the roles of text as "person / title, organization".
func roleLabels(t *testing.T, lex *lexicon.Lexicon, text string) []string {
	t.Helper()
	ex, err := New(lex).Document(kg.Document{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
	}
	var out []string
	for _, r := range ex.Roles {
		out = append(out, names[r.Person]+" / "+r.Title+", "+names[r.Organization])
	}
	return out
}

// TestRoleModelReadsWhatTheRulesDoNot: a person and a title no rule
// pairs become a role when the role model scores the pair as one by more
// than roleMargin, with the organization named after the title; not when
// the model scores it within the margin, nor when the context names no
// organization.
func TestRoleModelReadsWhatTheRulesDoNot(t *testing.T) {
	const text = "Acme Corp. reported a loss on Monday. Jane Roe has long held the role of treasurer of Acme Corp., the company said."
	const want = "Jane Roe / Treasurer, Acme Corp"
	if got := roleLabels(t, rulesLexicon(), text); len(got) != 0 {
		t.Fatalf("the rules read %v; the test wants a sentence they miss", got)
	}
	strong := withModelFile(rulesLexicon(), "role_model", map[string]map[string]string{
		PriorFeature: {"role": "-1"},
		"bw=role":    {"role": "2"},
	})
	if got := roleLabels(t, strong, text); !slices.Contains(got, want) {
		t.Errorf("a model that scores the pair a role by 1 gives %v, want %s", got, want)
	}
	weak := withModelFile(rulesLexicon(), "role_model", map[string]map[string]string{
		PriorFeature: {"role": "-1"},
		"bw=role":    {"role": "0.9"},
	})
	if got := roleLabels(t, weak, text); len(got) != 0 {
		t.Errorf("a model within the margin gives %v, want no role", got)
	}
	const noOrg = "Acme Corp. reported a loss on Monday. Jane Roe has long held the role of treasurer, the company said."
	if got := roleLabels(t, strong, noOrg); len(got) != 0 {
		t.Errorf("with no organization in the context the model gives %v, want no role", got)
	}
}

// TestAttachModelMovesOrganization: the attachment model gives a role
// the organization it prefers when that beats the rules' choice by more
// than attachMargin, and leaves the rules' choice otherwise.
func TestAttachModelMovesOrganization(t *testing.T) {
	const text = "Bolt Logistics won the contract. Jane Roe, the chief financial officer of Acme Corp., said the award was fair."
	rules := roleLabels(t, rulesLexicon(), text)
	if !slices.Contains(rules, "Jane Roe / Chief Financial Officer, Acme Corp") {
		t.Fatalf("the rules read %v; the test wants the officer at Acme Corp.", rules)
	}
	strong := withModelFile(rulesLexicon(), "attach_model", map[string]map[string]string{
		PriorFeature: {"yes": "0"},
		"sd=1":       {"yes": "2"},
	})
	if got := roleLabels(t, strong, text); !slices.Contains(got, "Jane Roe / Chief Financial Officer, Bolt Logistics") {
		t.Errorf("a model that prefers the organization of the sentence before by 2 gives %v", got)
	}
	weak := withModelFile(rulesLexicon(), "attach_model", map[string]map[string]string{
		PriorFeature: {"yes": "0"},
		"sd=1":       {"yes": "0.4"},
	})
	if got := roleLabels(t, weak, text); !slices.Equal(got, rules) {
		t.Errorf("a model within the margin gives %v, want the rules' %v", got, rules)
	}
}
