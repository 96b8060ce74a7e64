package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// The hand-written articles in testdata/general (invented people and
// companies, kinds of story the bundled corpus lacks) guard the extractor's
// general behaviour: a few key facts per article. Full gold annotations for
// the evaluator (package eval, cmd/evaluate) sit beside them (?.gold.yaml).
func TestGeneralArticles(t *testing.T) {
	type role struct{ person, title, org, status string }
	cases := []struct {
		file, published string
		persons, orgs   []string // canonical names or aliases that must be entities
		notSame         [][2]string
		roles           []role
	}{
		{"a.txt", "2024-03-08",
			[]string{"Marisol Quintero", "Derek Manning", "Patricia Elwood", "Brian Tolliver", "Rachel Kim"},
			[]string{"Corvane Technologies", "Halvorsen Dynamics", "Department of the Army", "Court of Federal Claims", "Whitfield Crane LLP"},
			nil,
			[]role{{"Derek Manning", "spokesman", "Department of the Army", "current"}, {"Brian Tolliver", "general counsel", "Halvorsen Dynamics", "current"}, {"Rachel Kim", "lawyer", "Whitfield Crane LLP", "current"}}},
		{"b.txt", "2024-04-17",
			[]string{"Anita Raman", "Owen Fairbanks", "Terrence Hale", "Daniel Whitaker"},
			[]string{"Bluefield Health Analytics", "Meridel Corp", "Department of Veterans Affairs", "Government Accountability Office"},
			nil,
			[]role{{"Owen Fairbanks", "senior vice president", "Meridel Corp", "current"}, {"Daniel Whitaker", "attorney", "Government Accountability Office", "former"}}},
		{"c.txt", "2024-05-02",
			[]string{"Raymond Okafor", "Lillian Okafor", "Amanda Reyes", "Jonathan Pike", "Miriam Feld"},
			[]string{"Pacific Gridworks Inc.", "Stillwater Energy Corp", "Hollis & Grant LLP", "U.S. District Court for the Northern District of California"},
			[][2]string{{"Raymond Okafor", "Lillian Okafor"}},
			[]role{{"Jonathan Pike", "lawyer", "Pacific Gridworks Inc.", "current"}, {"Victor Lamb", "chief executive", "Pacific Gridworks Inc.", "current"}}},
		{"d.txt", "2024-06-11",
			[]string{"Gregory Lund", "Nadia Okonkwo", "Eleanor Whitcomb"},
			[]string{"Tessaro Foods Inc.", "Kellogg", "Harlan Packaging", "Marrow Quint LLP"},
			nil,
			[]role{{"Gregory Lund", "chief executive", "Tessaro Foods Inc.", "former"}, {"Nadia Okonkwo", "interim ceo", "Tessaro Foods Inc.", "current"}, {"Eleanor Whitcomb", "chief executive", "Brightwell Dairy", "former"}}},
		{"e.txt", "2024-08-20",
			[]string{"Howard Pell", "Renata Vos", "Samuel Adeyemi", "Steven Alcott"},
			[]string{"Orbis Pharmaceuticals", "Lakeshore Municipal Employees' Pension Fund", "Brandt Milner LLP", "Castlerock Generics"},
			nil,
			[]role{{"Samuel Adeyemi", "chief executive", "Orbis Pharmaceuticals", "current"}, {"Howard Pell", "chief executive", "Orbis Pharmaceuticals", "former"}}},
	}
	lex := lexicon.Must()
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "general", c.file))
			if err != nil {
				t.Fatal(err)
			}
			ex, err := Document(kg.Document{ID: c.file, File: c.file, Text: string(b), PublishedAt: c.published}, lex)
			if err != nil {
				t.Fatal(err)
			}
			find := func(typ kg.EntityType, name string) []kg.Entity {
				var out []kg.Entity
				for _, e := range ex.Entities {
					if e.Type != typ {
						continue
					}
					if kg.Key(e.Name) == kg.Key(name) {
						out = append(out, e)
						continue
					}
					for _, a := range e.Aliases {
						if kg.Key(a) == kg.Key(name) {
							out = append(out, e)
							break
						}
					}
				}
				return out
			}
			for _, p := range c.persons {
				if n := len(find(kg.Person, p)); n != 1 {
					t.Errorf("person %q: %d entities, want 1", p, n)
				}
			}
			for _, o := range c.orgs {
				if n := len(find(kg.Organization, o)); n != 1 {
					t.Errorf("organization %q: %d entities, want 1", o, n)
				}
			}
			for _, ns := range c.notSame {
				a, b := find(kg.Person, ns[0]), find(kg.Person, ns[1])
				if len(a) == 1 && len(b) == 1 && a[0].ID == b[0].ID {
					t.Errorf("%q and %q are one entity", ns[0], ns[1])
				}
			}
			name := map[string]string{}
			for _, e := range ex.Entities {
				name[e.ID] = e.Name
			}
			for _, r := range c.roles {
				ok := false
				for _, got := range ex.Roles {
					if kg.Key(name[got.Person]) == kg.Key(r.person) && strings.EqualFold(got.Title, r.title) &&
						len(find(kg.Organization, r.org)) == 1 && find(kg.Organization, r.org)[0].ID == got.Organization && got.Status == r.status {
						ok = true
					}
				}
				if !ok {
					t.Errorf("missing role %v", r)
				}
			}
		})
	}
}
