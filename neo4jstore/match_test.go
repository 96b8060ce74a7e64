package neo4jstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// TestMatch resolves names as a user types them against a small graph with
// two persons who share a surname.
func TestMatch(t *testing.T) {
	s := dbtest.Store(t)
	ex := fixture("doc1", "the award was biased")
	ex.Entities = append(ex.Entities, ent(kg.Person, "Robert Roe"), ent(kg.Person, "Susan Roe"),
		ent(kg.Person, "Quentin Jassinsky"), ent(kg.Organization, "Department of Examples", "Pentagonia"))
	save(t, s, ex, false)
	tests := []struct {
		text      string
		typ       kg.EntityType
		want      string // name; "" when an error is wanted
		by        kg.MatchedBy
		ambiguous int // candidates
		notFound  bool
	}{
		{text: "Alice Example", want: "Alice Example", by: kg.MatchedExact},
		{text: "the Pentagonia", want: "Department of Examples", by: kg.MatchedStripped},
		{text: "Mr. Jassinsky", want: "Quentin Jassinsky", by: kg.MatchedSurname},
		{text: "Jassinsky", typ: kg.Person, want: "Quentin Jassinsky", by: kg.MatchedSurname},
		{text: "Quentin", typ: kg.Person, want: "Quentin Jassinsky", by: kg.MatchedGivenName},
		{text: "Roe", ambiguous: 2},
		{text: "Dr. Roe", typ: kg.Person, ambiguous: 2},
		{text: "Jasinsky", want: "Quentin Jassinsky", by: kg.MatchedFuzzy},
		{text: "Alise Exampel", want: "Alice Example", by: kg.MatchedFuzzy},
		{text: "Jassinsky", typ: kg.Organization, notFound: true},
		{text: "Zebulon Nobody", notFound: true},
		{text: "AND OR ~ ( :", notFound: true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m, err := s.Match(context.Background(), tt.text, tt.typ)
			var amb *kg.AmbiguousError
			switch {
			case tt.ambiguous > 0:
				if !errors.As(err, &amb) || !errors.Is(err, kg.ErrInvalid) || len(amb.Candidates) != tt.ambiguous {
					t.Fatalf("got %+v, %v; want ambiguous among %d", m, err, tt.ambiguous)
				}
			case tt.notFound:
				if !errors.Is(err, kg.ErrNotFound) {
					t.Fatalf("got %+v, %v; want not found", m, err)
				}
			case err != nil:
				t.Fatalf("match: %v", err)
			case m.Entity.Name != tt.want || m.By != tt.by:
				t.Errorf("got %s by %s, want %s by %s", m.Entity.Name, m.By, tt.want, tt.by)
			}
		})
	}
}
