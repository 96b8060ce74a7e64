package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseGold(t *testing.T) {
	g := mustGold(t, `
# a comment
documents: {"000": {publisher: GeekWire, published: 2020-02-10}}
persons:
  - {name: Mark Esper, aliases: [Esper], docs: ["000"]}
organizations:
  - name: Department of Defense
    aliases: [DoD]
roles:
  - {person: Mark Esper, title: Defense Secretary, org: [Department of Defense, null], status: current}
  - {person: Mark Esper, title: [Secretary], org: null, optional: true, note: "free text"}
events:
  - {id: review, type: review, agent: Mark Esper, date: 2019-08, target: JEDI}
  - {id: order, type: court_order, agent: [court], type_accept: order}
claims:
  - {id: fair, claimant: Mark Esper, stance: denies, stance_accept: [neutral], quote_contains: "freely and fairly"}
questions:
  who_holds_a_role_at_dod: {want: [Mark Esper]}
  who_alleged_bias: {any: [Amazon], ok: [Oracle]}
  who_defended_the_process: [Mark Esper]
`)
	want := &Gold{
		Persons:       []GoldEntity{{Name: "Mark Esper", Aliases: []string{"Esper"}}},
		Organizations: []GoldEntity{{Name: "Department of Defense", Aliases: []string{"DoD"}}},
		Roles: []GoldRole{
			{Person: Names{"Mark Esper"}, Title: Names{"Defense Secretary"}, Org: Orgs{Names: []string{"Department of Defense"}, OrNone: true}, Status: "current"},
			{Person: Names{"Mark Esper"}, Title: Names{"Secretary"}, Optional: true},
		},
		Events: []GoldEvent{
			{ID: "review", Type: "review", Agent: Names{"Mark Esper"}},
			{ID: "order", Type: "court_order", Agent: Names{"court"}, TypeAccept: Names{"order"}},
		},
		Claims: []GoldClaim{{ID: "fair", Claimant: Names{"Mark Esper"}, Stance: "denies", StanceAccept: Names{"neutral"}, QuoteContains: "freely and fairly"}},
		Questions: []GoldQuestion{
			{Name: "who_holds_a_role_at_dod", Want: []string{"Mark Esper"}},
			{Name: "who_alleged_bias", Any: []string{"Amazon"}, OK: []string{"Oracle"}},
			{Name: "who_defended_the_process", Want: []string{"Mark Esper"}},
		},
	}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("ParseGold (-want +got):\n%s", diff)
	}
}

func TestParseGoldErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"syntax", "persons:\n  - {name: A\n", "[2:5]"},
		{"a map for a list", "persons: {name: A}\n", "[1:10]"},
		{"name missing", "persons:\n  - {name: A}\n  - {aliases: [B]}\n", "persons[1]: name is missing"},
		{"org as a map", "roles:\n  - {person: A, title: x, org: {a: b}}\n", "roles[0].org (line 2): want a name or a list of names, not a map"},
		{"nested title", "roles:\n  - person: A\n    title:\n      - [x]\n", "roles[0].title (line 4)"},
		{"role title missing", "roles:\n  - {person: A, org: X}\n", "roles[0] (A): title is missing"},
		{"role status", "roles:\n  - {person: A, title: x, status: past}\n", `roles[0] (A): status "past" is not current or former`},
		{"event id missing", "events:\n  - {type: award}\n", "events[0]: id is missing"},
		{"event type missing", "events:\n  - {id: e1}\n", "events[0] (e1): type is missing"},
		{"claim stance", "claims:\n  - {id: c1, claimant: A, stance: alleged, quote_contains: x}\n", `claims[0] (c1): stance "alleged" is not alleges, denies or neutral`},
		{"claim stance_accept", "claims:\n  - {id: c1, claimant: A, stance: alleges, stance_accept: [deny], quote_contains: x}\n", `stance "deny"`},
		{"claim quote missing", "claims:\n  - {id: c1, claimant: A, stance: alleges}\n", "claims[0] (c1): quote_contains is missing"},
		{"question key", "questions:\n  who_alleged_bias: {want: [A], maybe: [B]}\n", `questions.who_alleged_bias: unknown key "maybe"`},
		{"question empty", "questions:\n  who_alleged_bias: {}\n", "questions.who_alleged_bias: no names"},
		{"question a name", "questions:\n  who_alleged_bias: Amazon\n", "questions.who_alleged_bias: want a map"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseGold([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestReadGoldNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.gold.yaml")
	if err := os.WriteFile(bad, []byte("roles:\n  - {person: A}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, filepath.Join(dir, "missing.gold.yaml")} {
		_, err := ReadGold(path)
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("ReadGold(%s) = %v, want an error naming the file", path, err)
		}
	}
}

// TestGoldFiles reads every gold file of the project.
func TestGoldFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "extract", "testdata", "*", "*.gold.yaml"))
	if len(files) < 25 {
		t.Fatalf("found %d gold files in extract/testdata, want at least 25", len(files))
	}
	files = append(files, filepath.Join("..", "data", "corpus.gold.yaml"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			g, err := ReadGold(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Persons) == 0 || len(g.Organizations) == 0 || len(g.Claims) == 0 {
				t.Errorf("%s: %d persons, %d organizations, %d claims; want some of each", f, len(g.Persons), len(g.Organizations), len(g.Claims))
			}
		})
	}
}
