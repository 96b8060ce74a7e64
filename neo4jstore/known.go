package neo4jstore

import (
	"context"
	"fmt"

	"github.com/factgraph/factgraph/kg"
)

// KnownEntities returns every stored entity with its name and aliases
// (curated aliases included), so that the resolver can join a new document's
// mentions to existing nodes. Mentions are not filled in.
func (s *Store) KnownEntities(ctx context.Context) ([]kg.Entity, error) {
	recs, err := s.read(ctx, `MATCH (e:Entity)
		RETURN e.id AS id, CASE WHEN e:Person THEN 'person' ELSE 'organization' END AS type,
		       e.name AS name, coalesce(e.aliases, []) + coalesce(e.curatedAliases, []) AS aliases, coalesce(e.kind, '') AS kind
		ORDER BY e.id`, nil)
	if err != nil {
		return nil, fmt.Errorf("known entities: %w", err)
	}
	out := make([]kg.Entity, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		e := kg.Entity{ID: m["id"].(string), Type: kg.EntityType(m["type"].(string)), Name: str(m["name"]), Kind: str(m["kind"])}
		seen := map[string]bool{e.Name: true}
		for _, a := range m["aliases"].([]any) {
			if s := str(a); !seen[s] {
				seen[s] = true
				e.Aliases = append(e.Aliases, s)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// ClaimTexts returns the text of every claim, sorted; for tests and checks.
func (s *Store) ClaimTexts(ctx context.Context) ([]string, error) {
	recs, err := s.read(ctx, "MATCH (c:Claim) RETURN c.text AS t ORDER BY t", nil)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		t, _ := r.Get("t")
		out = append(out, str(t))
	}
	return out, nil
}

// FactsByDocument returns, per document id, the ids of the roles, events and
// claims it is a source of.
func (s *Store) FactsByDocument(ctx context.Context) (map[string][]string, error) {
	recs, err := s.read(ctx, "MATCH (d:Document) OPTIONAL MATCH (d)<-[:SOURCED_FROM]-(f) RETURN d.id AS doc, collect(DISTINCT f.id) AS ids", nil)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, r := range recs {
		m := r.AsMap()
		ids := []string{}
		for _, id := range m["ids"].([]any) {
			ids = append(ids, str(id))
		}
		out[str(m["doc"])] = ids
	}
	return out, nil
}
