package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/kg"
)

// Curation: an analyst's corrections to entity resolution. Each one is
// recorded as a (:Curation {id, op, keep, keepName, type, merge, names, at})
// node, and the kept entity carries the names in curatedAliases, which
// refreshEntities (write.go) and KnownEntities keep across reloads. The
// loader feeds Curations to the resolver as known entities, so a reloaded
// document's mentions of a merged name resolve to the kept entity.

// MergeEntities merges the entity that merge names into the one keep names
// (ids, names or aliases): the merged entity's relationships move to the
// kept one, its names become curated aliases, and it is deleted. Both must
// be of the same type. Idempotent in effect: merging again finds nothing to
// merge (kg.ErrNotFound for the merged name is avoided by it resolving to
// keep, which is kg.ErrInvalid).
func (s *Store) MergeEntities(ctx context.Context, keep, merge string) (kg.Entity, error) {
	var id string
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		k, err := findInTx(ctx, tx, keep)
		if err != nil {
			return err
		}
		m, err := findInTx(ctx, tx, merge)
		if err != nil {
			return err
		}
		switch {
		case k.ID == m.ID:
			return fmt.Errorf("%q and %q are the same entity %s: %w", keep, merge, k.ID, kg.ErrInvalid)
		case k.Type != m.Type:
			return fmt.Errorf("cannot merge %s %q into %s %q: %w", m.Type, m.Name, k.Type, k.Name, kg.ErrInvalid)
		}
		id = k.ID
		names := append([]string{m.Name}, m.Aliases...)
		p := map[string]any{"keep": k.ID, "merge": m.ID, "names": names, "keepName": k.Name, "type": string(k.Type),
			"cid": kg.ID("cur", "merge", k.ID, m.ID), "mid": kg.ID("mrg", k.ID, kg.Key(m.Name)), "mname": m.Name}
		for _, q := range []string{
			`MERGE (c:Curation {id: $cid})
			 SET c.op = 'merge', c.keep = $keep, c.keepName = $keepName, c.type = $type, c.merge = $merge,
			     c.names = $names, c.at = datetime()`,
			`MATCH (m:Entity {id: $merge}), (k:Entity {id: $keep})
			 MATCH (m)-[r]->(x) WHERE x <> k
			 CREATE (k)-[r2:$(type(r))]->(x) SET r2 = properties(r)
			 DELETE r`,
			`MATCH (m:Entity {id: $merge}), (k:Entity {id: $keep})
			 MATCH (x)-[r]->(m) WHERE x <> k
			 CREATE (x)-[r2:$(type(r))]->(k) SET r2 = properties(r)
			 DELETE r`,
			// k has m's mentions now: count its names again.
			`MATCH (e:Entity {id: $keep}) ` + recountForms,
			`MATCH (m:Entity {id: $merge}), (k:Entity {id: $keep})
			 WITH m, k, coalesce(k.curatedAliases, []) + $names + coalesce(m.curatedAliases, []) AS cur
			 WITH m, k, reduce(acc = [], a IN cur | CASE WHEN a IN acc OR a = k.name THEN acc ELSE acc + a END) AS cur
			 WITH m, k, cur, reduce(acc = [], a IN coalesce(k.aliases, []) + cur | CASE WHEN a IN acc OR a = k.name THEN acc ELSE acc + a END) AS aliases
			 SET k.curatedAliases = cur, k.aliases = aliases,
			     k.aliasText = reduce(t = k.name, a IN aliases | t + ' | ' + a)
			 DETACH DELETE m`,
			// The merged entity's own Merge nodes moved to k with its
			// relationships; the analyst's decision is one more.
			`MATCH (k:Entity {id: $keep})
			 MERGE (g:Merge {id: $mid})
			 SET g.rule = 'curated', g.name = $mname, g.into = k.name, g.curated = true
			 MERGE (k)-[:MERGED]->(g)`,
		} {
			if _, err := run(ctx, tx, q, p); err != nil {
				return fmt.Errorf("%s: %w", firstLine(q), err)
			}
		}
		return nil
	})
	if err != nil {
		return kg.Entity{}, fmt.Errorf("merge %q into %q: %w", merge, keep, err)
	}
	return s.FindEntity(ctx, id, "")
}

// AddAlias adds a curated alias to the entity that ref names. Idempotent.
func (s *Store) AddAlias(ctx context.Context, ref, alias string) (kg.Entity, error) {
	alias = strings.TrimSpace(alias)
	if alias == "" {
		return kg.Entity{}, fmt.Errorf("add alias to %q: alias is empty: %w", ref, kg.ErrInvalid)
	}
	var id string
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		e, err := findInTx(ctx, tx, ref)
		if err != nil {
			return err
		}
		id = e.ID
		p := map[string]any{"keep": e.ID, "keepName": e.Name, "type": string(e.Type), "alias": alias,
			"cid": kg.ID("cur", "alias", e.ID, alias)}
		for _, q := range []string{
			`MERGE (c:Curation {id: $cid})
			 SET c.op = 'alias', c.keep = $keep, c.keepName = $keepName, c.type = $type, c.names = [$alias], c.at = datetime()`,
			`MATCH (k:Entity {id: $keep})
			 WITH k, CASE WHEN $alias IN coalesce(k.curatedAliases, []) OR $alias = k.name THEN coalesce(k.curatedAliases, [])
			             ELSE coalesce(k.curatedAliases, []) + $alias END AS cur
			 WITH k, cur, CASE WHEN $alias IN coalesce(k.aliases, []) OR $alias = k.name THEN coalesce(k.aliases, [])
			                  ELSE coalesce(k.aliases, []) + $alias END AS aliases
			 SET k.curatedAliases = cur, k.aliases = aliases, k.aliasText = reduce(t = k.name, a IN aliases | t + ' | ' + a)`,
		} {
			if _, err := run(ctx, tx, q, p); err != nil {
				return fmt.Errorf("%s: %w", firstLine(q), err)
			}
		}
		return nil
	})
	if err != nil {
		return kg.Entity{}, fmt.Errorf("add alias %q to %q: %w", alias, ref, err)
	}
	return s.FindEntity(ctx, id, "")
}

// Curations returns the curated entities as seeds for the resolver: one
// kg.Entity per kept entity, with its id, type, canonical name and every
// curated name (merged names and added aliases) in Aliases, and one Merge
// (rule "curated") per name. They hold even when the entity node is gone.
func (s *Store) Curations(ctx context.Context) ([]kg.Entity, error) {
	recs, err := s.read(ctx, `MATCH (c:Curation)
		WITH c ORDER BY c.at, c.id
		WITH c.keep AS id, collect(c) AS cs
		OPTIONAL MATCH (e:Entity {id: id})
		RETURN id, coalesce(e.name, last(cs).keepName) AS name, last(cs).type AS type,
		       reduce(acc = [], c IN cs | acc + [n IN c.names WHERE NOT n IN acc]) AS names
		ORDER BY id`, nil)
	if err != nil {
		return nil, fmt.Errorf("curations: %w", err)
	}
	out := make([]kg.Entity, 0, len(recs))
	for _, r := range recs {
		e := kg.Entity{ID: str(r.Values[0]), Name: str(r.Values[1]), Type: kg.EntityType(str(r.Values[2]))}
		for _, n := range strs(r.Values[3]) {
			if n == e.Name {
				continue
			}
			e.Aliases = append(e.Aliases, n)
			e.Merges = append(e.Merges, kg.Merge{Rule: "curated", Name: n, Into: e.Name})
		}
		out = append(out, e)
	}
	return out, nil
}

// findInTx resolves an entity reference inside a write transaction.
func findInTx(ctx context.Context, tx neo4j.ManagedTransaction, ref string) (kg.Entity, error) {
	res, err := tx.Run(ctx, resolveRef("e", "Entity", "ref")+` RETURN `+entityProj("e", nil), map[string]any{"ref": ref})
	if err != nil {
		return kg.Entity{}, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return kg.Entity{}, err
	}
	if len(recs) == 0 {
		return kg.Entity{}, fmt.Errorf("entity %q: %w", ref, kg.ErrNotFound)
	}
	return toEntity(recs[0].Values[0]), nil
}

// write runs fn in one write transaction (retried by the driver).
func (s *Store) write(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	sess := s.writeSession(ctx)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return nil, fn(tx) })
	return mapErr(err)
}
