package neo4jstore

import (
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/kg"
)

// A projection is a list in its columns' order: a column the fields do not
// select is null, and trailing nulls are left off.
func TestProjListsColumnsInOrder(t *testing.T) {
	got := entityProj("n", kg.Fields{"Entity.kind": true})
	want := "[n.id, CASE WHEN n:Person THEN 'person' ELSE 'organization' END, null, null, coalesce(n.kind, '')]"
	if got != want {
		t.Errorf("entity, kind only:\n got %s\nwant %s", got, want)
	}
	if got := entityProj("n", kg.Fields{"Entity.name": true}); strings.Contains(got, "null") || !strings.HasSuffix(got, "n.name]") {
		t.Errorf("entity, name only: %s (trailing nulls should go)", got)
	}
	if !strings.Contains(sourcesCol.expr, "RETURN [d.id, s.sentence, s.start, s.end, s.quote]") ||
		!strings.Contains(sourcesCol.relExpr, "RETURN [%[3]s, s.sentence") {
		t.Errorf("a source's list is not in sourceCols' order:\n%s\n%s", sourcesCol.expr, sourcesCol.relExpr)
	}
	if got := eventProj("ev", kg.Include{Fields: kg.Fields{"Event.participants": true}}); !strings.Contains(got, "RETURN [x.id, p.as]") {
		t.Errorf("a participant's list is not in participantCols' order: %s", got)
	}
	if got := roleProj("r", kg.Include{Person: true, Fields: kg.Fields{"Role.person": true, "Entity.name": true}}); !strings.Contains(got, "RETURN [x.id, CASE") ||
		!strings.Contains(got, "head(COLLECT { MATCH (x:Entity)-[:HOLDS_ROLE]->(r)") {
		t.Errorf("a role's person should be projected as one entity list, not a list of them: %s", got)
	}
}

// rowOf reads proj's lists by position and hand-written maps by key, alike;
// a list cut short reads as null.
func TestRowReadsListsAndMaps(t *testing.T) {
	list := []any{"e1", "person", "Jane Roe", []any{"J. Roe"}}
	m := map[string]any{"id": "e1", "type": "person", "name": "Jane Roe", "aliases": []any{"J. Roe"}}
	a, b := toEntity(list), toEntity(m)
	if !reflect.DeepEqual(a, b) || a.Name != "Jane Roe" || len(a.Aliases) != 1 || a.Kind != "" {
		t.Errorf("list %+v, map %+v", a, b)
	}
	src := (*gather)(nil).sources([]any{[]any{"d1", int64(2), int64(10), int64(20), "a quote"}})
	if len(src) != 1 || src[0] != (kg.Source{Document: "d1", Sentence: 2, Start: 10, End: 20, Quote: "a quote"}) {
		t.Errorf("source: %+v", src)
	}
	g := &gather{}
	r := g.role([]any{"r1", "chief executive", "current", list})
	if r.Person != "e1" || r.Title != "chief executive" || g.rel.Entities["e1"].Name != "Jane Roe" {
		t.Errorf("role %+v, related %+v", r, g.rel.Entities)
	}
	g1 := &gather{}
	if r := g1.role([]any{"r2", "director", "former", nil, "o1"}); r.Person != "" || r.Organization != "o1" || g1.rel.Entities != nil {
		t.Errorf("a role with no person (null) and an organization id: %+v, related %v", r, g1.rel.Entities)
	}
	g2 := &gather{}
	if id := g2.ref(int64(5)); id != "" || g2.rel.Entities != nil {
		t.Errorf("a value that is neither an id nor a projection: %q, related %v", id, g2.rel.Entities)
	}
	if v := rowOf([]any{"x"}, roleCols).get("status"); v != nil {
		t.Errorf("a short list's missing column: %v", v)
	}
}
