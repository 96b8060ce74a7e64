package resolve

import (
	"fmt"
	"sort"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/google/go-cmp/cmp"
)

func ent(t kg.EntityType, name string, aliases ...string) kg.Entity {
	return kg.Entity{ID: kg.EntityID(t, name), Type: t, Name: name, Aliases: aliases,
		Mentions: []kg.Mention{{Text: name}}}
}

func doc(id string, es ...kg.Entity) kg.Extraction {
	for i := range es {
		for j := range es[i].Mentions {
			es[i].Mentions[j].Document = id
		}
	}
	return kg.Extraction{Document: kg.Document{ID: id}, Entities: es}
}

func graphNames(g kg.Graph) []string {
	var out []string
	for _, e := range g.Entities {
		out = append(out, string(e.Type)[:3]+":"+e.Name)
	}
	sort.Strings(out)
	return out
}

func TestCorpusMerges(t *testing.T) {
	P, O := kg.Person, kg.Organization
	tests := []struct {
		name string
		exs  []kg.Extraction
		want []string
	}{
		{"same key", []kg.Extraction{doc("1", ent(O, "Acme")), doc("2", ent(O, "acme"))}, []string{"org:Acme"}},
		{"legal form", []kg.Extraction{doc("1", ent(O, "Globex Corporation")), doc("2", ent(O, "Globex")), doc("3", ent(O, "Globex Inc."))}, []string{"org:Globex Corporation"}},
		{"dot com", []kg.Extraction{doc("1", ent(O, "Hooli.com")), doc("2", ent(O, "Hooli"))}, []string{"org:Hooli"}},
		{"alias lexicon", []kg.Extraction{doc("1", ent(O, "Pentagon")), doc("2", ent(O, "Defense Department")), doc("3", ent(O, "DoD"))}, []string{"org:Department of Defense"}},
		{"acronym learned in one document", []kg.Extraction{doc("1", ent(O, "Initech Cloud Services", "ICS")), doc("2", ent(O, "ICS"))}, []string{"org:Initech Cloud Services"}},
		{"ticker", []kg.Extraction{doc("1", ent(O, "Hooli", "HOOL")), doc("2", ent(O, "HOOL"))}, []string{"org:Hooli"}},
		{"nickname", []kg.Extraction{doc("1", ent(P, "Jim Rowan")), doc("2", ent(P, "James Rowan"))}, []string{"per:James Rowan"}},
		{"surname unique", []kg.Extraction{doc("1", ent(P, "Maria Ortiz")), doc("2", ent(P, "Ortiz"))}, []string{"per:Maria Ortiz"}},
		{"possessive", []kg.Extraction{doc("1", ent(O, "Hooli")), doc("2", ent(O, "Hooli’s"))}, []string{"org:Hooli"}},
		// Must not merge.
		{"company and its unit", []kg.Extraction{doc("1", ent(O, "Initech"), ent(O, "Initech Cloud Services"))}, []string{"org:Initech", "org:Initech Cloud Services"}},
		{"departments sharing a word", []kg.Extraction{doc("1", ent(O, "Department of Defense"), ent(O, "Department of Justice"))}, []string{"org:Department of Defense", "org:Department of Justice"}},
		{"ambiguous surname", []kg.Extraction{doc("1", ent(P, "Maria Ortiz")), doc("2", ent(P, "Juan Ortiz")), doc("3", ent(P, "Ortiz"))}, []string{"per:Juan Ortiz", "per:Maria Ortiz", "per:Ortiz"}},
		{"different first names", []kg.Extraction{doc("1", ent(P, "Maria Ortiz")), doc("2", ent(P, "Juan Ortiz"))}, []string{"per:Juan Ortiz", "per:Maria Ortiz"}},
		{"person and org never merge", []kg.Extraction{doc("1", ent(P, "Ford")), doc("2", ent(O, "Ford"))}, []string{"org:Ford", "per:Ford"}},
	}
	lex := lexicon.Must()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, g := Corpus(tt.exs, lex, nil)
			if diff := cmp.Diff(tt.want, graphNames(g)); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCorpusRewritesIDs(t *testing.T) {
	P, O := kg.Person, kg.Organization
	jim, rowan, acme := ent(P, "Jim Rowan"), ent(P, "Rowan"), ent(O, "Acme Inc.")
	ex1 := doc("1", jim, acme)
	ex1.Roles = []kg.Role{{ID: "r", Person: jim.ID, Title: "CEO", Organization: acme.ID, Status: kg.Current}}
	ex1.Claims = []kg.Claim{{ID: "c", Claimant: jim.ID, About: []string{acme.ID}}}
	ex2 := doc("2", ent(P, "James Rowan"), ent(O, "Acme"))
	ex3 := doc("3", rowan)
	ex3.Events = []kg.Event{{ID: "e", Participants: []kg.Participant{{Entity: rowan.ID, As: "agent"}}}}
	exs, g := Corpus([]kg.Extraction{ex1, ex2, ex3}, lexicon.Must(), nil)
	pid, oid := kg.EntityID(P, "James Rowan"), kg.EntityID(O, "Acme Inc.")
	if got := exs[0].Roles[0]; got.Person != pid || got.Organization != oid || got.ID != kg.ID("rol", pid, "CEO", oid, kg.Current) {
		t.Errorf("role not rewritten: %+v", got)
	}
	if got := exs[0].Claims[0]; got.Claimant != pid || got.About[0] != oid {
		t.Errorf("claim not rewritten: %+v", got)
	}
	if got := exs[2].Events[0].Participants[0].Entity; got != pid {
		t.Errorf("event participant = %s, want %s", got, pid)
	}
	if len(exs[2].Entities) != 1 || exs[2].Entities[0].ID != pid || exs[2].Entities[0].Name != "James Rowan" {
		t.Errorf("doc 3 entities = %+v", exs[2].Entities)
	}
	var merges []string
	for _, e := range g.Entities {
		for _, m := range e.Merges {
			merges = append(merges, m.Rule+":"+m.Name+"->"+m.Into+"@"+m.Where)
		}
	}
	sort.Strings(merges)
	want := []string{"legal-form:Acme->Acme Inc.@2", "nickname:Jim Rowan->James Rowan@1", "surname:Rowan->James Rowan@3"}
	if diff := cmp.Diff(want, merges); diff != "" {
		t.Errorf("merges (-want +got):\n%s", diff)
	}
}

func TestCorpusKnownSeeds(t *testing.T) {
	known := []kg.Entity{{ID: kg.EntityID(kg.Organization, "Hooli Incorporated"), Type: kg.Organization, Name: "Hooli Incorporated", Aliases: []string{"Hooli"}}}
	exs, _ := Corpus([]kg.Extraction{doc("1", ent(kg.Organization, "Hooli"))}, lexicon.Must(), known)
	if got := exs[0].Entities[0].Name; got != "Hooli Incorporated" {
		t.Errorf("name = %q, want the known entity's", got)
	}
}

func TestCorpusDeterministic(t *testing.T) {
	mk := func() []kg.Extraction {
		return []kg.Extraction{doc("1", ent(kg.Person, "Jim Rowan"), ent(kg.Organization, "Pentagon")),
			doc("2", ent(kg.Person, "Rowan"), ent(kg.Organization, "DoD"), ent(kg.Person, "James Rowan"))}
	}
	_, a := Corpus(mk(), lexicon.Must(), nil)
	for range 5 {
		_, b := Corpus(mk(), lexicon.Must(), nil)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("not deterministic (-first +again):\n%s", diff)
		}
	}
}

// Two wordings of one office, in any case, are one role under the titles
// lexicon's spelling; a title the lexicon lacks keeps its words.
func TestCorpusOneRolePerOffice(t *testing.T) {
	P, O := kg.Person, kg.Organization
	p, dod := ent(P, "Maria Ortiz"), ent(O, "Department of Defense")
	ex1, ex2 := doc("1", p, dod), doc("2", p, dod)
	ex1.Roles = []kg.Role{
		{ID: "a", Person: p.ID, Title: "Defense Secretary", Organization: dod.ID, Status: kg.Current, Sources: []kg.Source{{Document: "1", Start: 0, End: 5}}},
		{ID: "b", Person: p.ID, Title: "chief of digital things", Organization: dod.ID, Status: kg.Current},
	}
	ex2.Roles = []kg.Role{{ID: "c", Person: p.ID, Title: "secretary of defense", Organization: dod.ID, Status: kg.Current, Sources: []kg.Source{{Document: "2", Start: 7, End: 9}}}}
	_, g := Corpus([]kg.Extraction{ex1, ex2}, lexicon.Must(), nil)
	var got []string
	for _, r := range g.Roles {
		got = append(got, fmt.Sprintf("%s/%d", r.Title, len(r.Sources)))
	}
	sort.Strings(got)
	if diff := cmp.Diff([]string{"Secretary of Defense/2", "chief of digital things/0"}, got); diff != "" {
		t.Errorf("roles (-want +got):\n%s", diff)
	}
}

func TestCorpusPlacePrefixedAgency(t *testing.T) {
	O := kg.Organization
	exs := []kg.Extraction{doc("1", ent(O, "U.S. Government Accountability Office"), ent(O, "U.S. Steel")), doc("2", ent(O, "Government Accountability Office"), ent(O, "Steel"))}
	_, g := Corpus(exs, lexicon.Must(), nil)
	want := []string{"org:Government Accountability Office", "org:Steel", "org:U.S. Steel"}
	if diff := cmp.Diff(want, graphNames(g)); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
}

// TestKnownKindVotes: a stored entity's kind counts one vote for each
// stored document a load leaves unread, so that a top-up whose one new
// document reads the entity otherwise does not change its kind; documents
// read again vote themselves, and their stored votes come off.
func TestKnownKindVotes(t *testing.T) {
	known := func(votes int) []kg.Entity {
		return []kg.Entity{{ID: kg.EntityID(kg.Organization, "Hooli Labs"), Type: kg.Organization, Name: "Hooli Labs", Kind: "company", Votes: votes}}
	}
	newDoc := func() kg.Extraction {
		e := ent(kg.Organization, "Hooli Labs")
		e.Kind = "agency"
		return doc("new", e)
	}
	kind := func(tb *Table) string {
		tb.Add(newDoc())
		tb.Resolve()
		return tb.Apply(0, newDoc()).Entities[0].Kind
	}
	if got := kind(NewTable(lexicon.Must(), known(3))); got != "company" {
		t.Errorf("three unread stored documents against one new: kind %q, want company", got)
	}
	if got := kind(NewTable(lexicon.Must(), known(1))); got != "agency" {
		t.Errorf("one stored vote against one new, the tie broken by name: kind %q, want agency", got)
	}
	tb := NewTable(lexicon.Must(), known(3))
	tb.Unvote(map[string]int{kg.EntityID(kg.Organization, "Hooli Labs"): 3})
	if got := kind(tb); got != "agency" {
		t.Errorf("every stored document read again: kind %q, want agency (one vote each side)", got)
	}
}
