package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/kg"
)

// ReadBookmarks returns the bookmarks that the store's reads wait for.
func (s *Store) ReadBookmarks(ctx context.Context) ([]string, error) {
	return s.driver.ExecuteQueryBookmarkManager().GetBookmarks(ctx)
}

// ProfileBatch returns the operators (with their details) of the plan Neo4j runs for the
// statement that writes exs as one batch, and its db hits, in a
// transaction it rolls back (nothing is written).
func (s *Store) ProfileBatch(ctx context.Context, exs []kg.Extraction) ([]string, int64, error) {
	var ps []map[string]any
	for _, ex := range exs {
		p, err := writeParams(ex)
		if err != nil {
			return nil, 0, err
		}
		ps = append(ps, p)
	}
	p := batchParams(ps)
	p["refresh"] = []any{}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database})
	defer sess.Close(ctx)
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback(ctx)
	// Planned afresh with the store's statistics of now: the loader keeps
	// the first plan it gets (planOnce), whenever that was.
	res, err := tx.Run(ctx, "CYPHER replan=force PROFILE "+batchStatement(p), map[string]any{"p": p})
	if err != nil {
		return nil, 0, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, 0, err
	}
	ops, hits := planOps(sum.Profile())
	return ops, hits, nil
}

// planOps lists a profiled plan's operators (with their details) and sums
// its db hits.
func planOps(pl neo4j.ProfiledPlan) ([]string, int64) {
	var ops []string
	var hits int64
	var walk func(neo4j.ProfiledPlan)
	walk = func(pl neo4j.ProfiledPlan) {
		if pl == nil {
			return
		}
		ops = append(ops, fmt.Sprintf("%s %v", pl.Operator(), pl.Arguments()["Details"]))
		hits += pl.DbHits()
		for _, c := range pl.Children() {
			walk(c)
		}
	}
	walk(pl)
	return ops, hits
}

// SeeReads makes the store show f every read statement before it runs.
func (s *Store) SeeReads(f func(q string, params map[string]any)) { s.seeRead = f }

// ProfileRead returns the operators of the plan Neo4j makes afresh for
// read statement q, run once with params, and its db hits.
func (s *Store) ProfileRead(ctx context.Context, q string, params map[string]any) ([]string, int64, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, "CYPHER replan=force PROFILE "+q, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, 0, err
	}
	ops, hits := planOps(res.Summary.Profile())
	return ops, hits, nil
}
