package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/kg"
)

// KnownEntities returns every stored entity with its name and aliases
// (curated aliases included), so that the resolver can join a new document's
// mentions to existing nodes. Mentions are not filled in.
func (s *Store) KnownEntities(ctx context.Context) ([]kg.Entity, error) {
	return s.known(ctx, `MATCH (e:Entity)`, nil)
}

// KnownEntitiesByID is KnownEntities for the entities of ids; ids not
// stored are left out. A load reads again the entities each segment wrote.
func (s *Store) KnownEntitiesByID(ctx context.Context, ids []string) ([]kg.Entity, error) {
	var out []kg.Entity
	for len(ids) > 0 {
		n := min(len(ids), 5000)
		got, err := s.known(ctx, `UNWIND $ids AS id MATCH (e:Entity {id: id})`, map[string]any{"ids": anySlice(ids[:n])})
		if err != nil {
			return nil, err
		}
		out, ids = append(out, got...), ids[n:]
	}
	return out, nil
}

// known reads the entities match binds to e, as KnownEntities returns them.
func (s *Store) known(ctx context.Context, match string, params map[string]any) ([]kg.Entity, error) {
	recs, err := s.read(ctx, match+`
		RETURN e.id AS id, CASE WHEN e:Person THEN 'person' ELSE 'organization' END AS type,
		       e.name AS name, coalesce(e.aliases, []) + coalesce(e.curatedAliases, []) AS aliases, coalesce(e.kind, '') AS kind,
		       COUNT { (e)-[:MENTIONED_IN]->() } AS docs
		ORDER BY e.id`, params)
	if err != nil {
		return nil, fmt.Errorf("known entities: %w", err)
	}
	out := make([]kg.Entity, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		e := kg.Entity{ID: m["id"].(string), Type: kg.EntityType(m["type"].(string)), Name: str(m["name"]), Kind: str(m["kind"])}
		if n, ok := m["docs"].(int64); ok {
			e.Votes = int(n) // the documents naming it; a load subtracts those it reads
		}
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

// InputHashes returns the input hash (kg.Document.InputHash) and file of
// every stored document that has one, by document id: a loader leaves the
// documents it would read from the same input unread.
func (s *Store) InputHashes(ctx context.Context) (map[string]kg.StoredInput, error) {
	recs, err := s.read(ctx, `MATCH (d:Document) WHERE d.inputHash IS NOT NULL AND d.pending IS NULL
		RETURN d.id AS id, d.inputHash AS h, coalesce(d.file, '') AS file`, nil)
	if err != nil {
		return nil, fmt.Errorf("input hashes: %w", err)
	}
	out := make(map[string]kg.StoredInput, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		out[str(m["id"])] = kg.StoredInput{Hash: str(m["h"]), File: str(m["file"])}
	}
	return out, nil
}

// SetFiles records that stored documents were read from other files this
// time (by document id): the file is where a document was last read from,
// whether or not it was extracted again.
func (s *Store) SetFiles(ctx context.Context, files map[string]string) error {
	rows := make([]any, 0, len(files))
	for _, id := range slices.Sorted(maps.Keys(files)) {
		rows = append(rows, map[string]any{"id": id, "file": files[id]})
	}
	for len(rows) > 0 {
		n := min(len(rows), 5000)
		batch := rows[:n]
		if err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			_, err := run(ctx, tx, `UNWIND $rows AS x MATCH (d:Document {id: x.id}) SET d.file = x.file`, map[string]any{"rows": batch})
			return err
		}); err != nil {
			return fmt.Errorf("set documents' files: %w", err)
		}
		rows = rows[n:]
	}
	return nil
}

// MentionCounts returns, for each entity the stored documents ids mention,
// how many of them do: what a load that reads those documents again takes
// off the entities' stored votes (kg.Entity.Votes).
func (s *Store) MentionCounts(ctx context.Context, ids []string) (map[string]int, error) {
	out := map[string]int{}
	for len(ids) > 0 {
		n := min(len(ids), 5000)
		recs, err := s.read(ctx, `UNWIND $ids AS id
			MATCH (:Document {id: id})<-[:MENTIONED_IN]-(e:Entity)
			RETURN e.id AS id, count(*) AS n`, map[string]any{"ids": ids[:n]})
		if err != nil {
			return nil, fmt.Errorf("mention counts: %w", err)
		}
		for _, r := range recs {
			m := r.AsMap()
			c, _ := m["n"].(int64)
			out[str(m["id"])] += int(c)
		}
		ids = ids[n:]
	}
	return out, nil
}
