package neo4jstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// TestSearchTextIsNotLucene searches with text full of Lucene syntax: every
// search must run (user text is escaped, never parsed as a query), and the
// words in it still find what they name.
func TestSearchTextIsNotLucene(t *testing.T) {
	s := dbtest.Store(t)
	save(t, s, fixture("doc1", "the award was political"), false)
	ctx := context.Background()
	tests := []struct {
		text  string
		finds string // a name among the hits, or ""
	}{
		{"Alice AND", "Alice Example"},
		{"Alice OR Acme", "Alice Example"},
		{"NOT Alice", "Alice Example"},
		{"AND", ""},
		{"OR", ""},
		{"Alice~", "Alice Example"},
		{"Alice~2", "Alice Example"},
		{"name:Alice", "Alice Example"},
		{"[Alice TO Bob]", "Alice Example"},
		{"{Alice}", "Alice Example"},
		{`"Alice`, "Alice Example"},
		{`Alice"`, "Alice Example"},
		{`"Alice Example"`, "Alice Example"},
		{`Alice\`, "Alice Example"},
		{`\`, ""},
		{`Al\ice`, ""},
		{"&& ||", ""},
		{"Acme && Alice", "Alice Example"},
		{"!Alice", "Alice Example"},
		{"*", ""},
		{"?lice", ""},
		{"/Ali.*/", ""},
		{"-Alice", "Alice Example"},
		{"+Alice", "Alice Example"},
		{"Alice^4", "Alice Example"},
		{"(Alice", "Alice Example"},
		{"Alice)", "Alice Example"},
		{"-", ""},
		{`"`, ""},
		{"Acme's", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.text, nil, 10, false, nil)
			if err != nil {
				t.Fatalf("search %q: %v", tt.text, err)
			}
			if tt.finds == "" {
				return
			}
			for _, h := range hits {
				if h.Entity != nil && h.Entity.Name == tt.finds {
					return
				}
			}
			t.Errorf("search %q: %d hits, none is %s", tt.text, len(hits), tt.finds)
		})
	}
}

// TestSearchLuceneSyntax checks the explicit advanced mode: the text is a
// Lucene query, and one that does not parse is bad input, not an internal
// error.
func TestSearchLuceneSyntax(t *testing.T) {
	s := dbtest.Store(t)
	save(t, s, fixture("doc1", "the award was political"), false)
	ctx := context.Background()
	hits, err := s.Search(ctx, "Alic~1 AND Example", nil, 10, true, nil)
	if err != nil || len(hits) == 0 {
		t.Fatalf("lucene search: %d hits, %v", len(hits), err)
	}
	for _, q := range []string{"Alice AND", "[Alice TO", `"Alice`} {
		if _, err := s.Search(ctx, q, nil, 10, true, nil); !errors.Is(err, kg.ErrInvalid) {
			t.Errorf("lucene search %q: %v, want kg.ErrInvalid", q, err)
		}
	}
}
