package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

type resolved struct{ Path, Text, Name, MatchedBy string }

// queryExt posts q and returns the data, errors and extensions.resolved.
func (e *env) queryExt(t *testing.T, q string, out any) ([]gqlError, []resolved) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q})
	resp, err := e.srv.Client().Post(e.srv.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data       json.RawMessage
		Errors     []gqlError
		Extensions struct{ Resolved []resolved }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d: %v", resp.StatusCode, err)
	}
	if out != nil && len(r.Data) > 0 {
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatal(err)
		}
	}
	return r.Errors, r.Extensions.Resolved
}

// TestNameLookup asks for entities by names as a user types them, against
// the bundled corpus: articles and honorifics, a surname the articles never
// use alone, a typo; and checks extensions.resolved says what was chosen.
func TestNameLookup(t *testing.T) {
	e := setup(t)
	tests := []struct {
		field, arg, want, by string
	}{
		{"entity", "the Pentagon", "Department of Defense", "STRIPPED"},
		{"person", "Mr. Esper", "Mark Esper", "STRIPPED"},
		{"person", "Jassy", "Andy Jassy", "SURNAME"},
		{"entity", "Andy Jasy", "Andy Jassy", "FUZZY"},
		{"organization", "Microsft", "Microsoft", "FUZZY"},
		{"person", "Mark Esper", "Mark Esper", ""},
	}
	for _, tt := range tests {
		t.Run(tt.field+" "+tt.arg, func(t *testing.T) {
			var r map[string]*struct{ Name string }
			errs, res := e.queryExt(t, `{ `+tt.field+`(name: "`+tt.arg+`") { name } }`, &r)
			if len(errs) > 0 {
				t.Fatalf("errors %+v", errs)
			}
			if got := r[tt.field]; got == nil || got.Name != tt.want {
				t.Fatalf("%s(name: %q) = %+v, want %s", tt.field, tt.arg, got, tt.want)
			}
			if tt.by == "" {
				if len(res) != 0 {
					t.Errorf("exact name: extensions.resolved %+v, want none", res)
				}
				return
			}
			if len(res) != 1 || res[0].Name != tt.want || res[0].MatchedBy != tt.by || res[0].Text != tt.arg || res[0].Path != tt.field {
				t.Errorf("extensions.resolved = %+v, want %s by %s at %s", res, tt.want, tt.by, tt.field)
			}
		})
	}

	t.Run("connections and neighborhood", func(t *testing.T) {
		var r struct {
			Connections  []struct{ Nodes []struct{ Label string } }
			Neighborhood struct{ Nodes []struct{ Label string } }
		}
		errs, res := e.queryExt(t, `{ connections(from: "Jassy", to: "Mr. Esper") { nodes { label } }
			neighborhood(of: "the Pentagon", limit: 5) { nodes { label } } }`, &r)
		if len(errs) > 0 {
			t.Fatalf("errors %+v", errs)
		}
		if len(r.Connections) == 0 || r.Connections[0].Nodes[0].Label != "Andy Jassy" ||
			r.Connections[0].Nodes[len(r.Connections[0].Nodes)-1].Label != "Mark Esper" {
			t.Errorf("connections = %+v, want paths from Andy Jassy to Mark Esper", r.Connections)
		}
		if len(r.Neighborhood.Nodes) == 0 || r.Neighborhood.Nodes[0].Label != "Department of Defense" {
			t.Errorf("neighborhood = %+v, want Department of Defense first", r.Neighborhood)
		}
		if len(res) != 3 {
			t.Errorf("extensions.resolved = %+v, want Jassy, Mr. Esper and the Pentagon", res)
		}
	})

	t.Run("not found", func(t *testing.T) {
		errs, _ := e.queryExt(t, `{ person(name: "Zebulon Quaxworth") { name } }`, nil)
		if len(errs) != 1 || errs[0].Extensions.Code != "NOT_FOUND" {
			t.Errorf("errors %+v, want NOT_FOUND", errs)
		}
	})
}

// TestAmbiguousName adds two persons who share a surname and a given name
// and checks that either alone is BAD_USER_INPUT listing both.
func TestAmbiguousName(t *testing.T) {
	e := setup(t)
	doc := `Robert Quillfeather, the chief executive of Northwind Analytics, sued the agency on Monday. ` +
		`Susan Quillfeather, the general counsel of Bluefield Systems, said the award was fair. ` +
		`Robert Tannenbaum, a spokesman for the agency, declined to comment.`
	if errs := e.query(t, `mutation($t: String!) { ingestDocument(input: {id: "amb1", title: "Two Quillfeathers", text: $t}) { document { id } } }`,
		map[string]any{"t": doc}, token, nil); len(errs) > 0 {
		t.Fatalf("ingest: %+v", errs)
	}
	for _, name := range []string{"Quillfeather", "Mr. Quillfeather"} {
		var raw struct {
			Errors []struct {
				Message    string
				Extensions struct {
					Code       string
					Candidates []struct{ ID, Name string }
				}
			}
		}
		body, _ := json.Marshal(map[string]any{"query": `{ person(name: "` + name + `") { name } }`})
		resp, err := e.srv.Client().Post(e.srv.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		_ = json.NewDecoder(resp.Body).Decode(&raw)
		resp.Body.Close()
		if len(raw.Errors) != 1 || raw.Errors[0].Extensions.Code != "BAD_USER_INPUT" || len(raw.Errors[0].Extensions.Candidates) != 2 ||
			!strings.Contains(raw.Errors[0].Message, "Robert Quillfeather") || !strings.Contains(raw.Errors[0].Message, "Susan Quillfeather") {
			t.Errorf("%s: errors %+v, want BAD_USER_INPUT naming both Quillfeathers", name, raw.Errors)
		}
	}
}
