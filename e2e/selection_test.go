package e2e

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore"
)

// mergeCounting is the real store, counting the reads of merge logs.
type mergeCounting struct {
	*neo4jstore.Store
	calls, ids atomic.Int64
}

func (s *mergeCounting) MergesOf(ctx context.Context, ids []string) (map[string][]kg.Merge, error) {
	s.calls.Add(1)
	s.ids.Add(int64(len(ids)))
	return s.Store.MergesOf(ctx, ids)
}

// TestMergesReadOnlyWhenSelected checks that an entity's merge log, which
// grows with the corpus, is read only for a query that selects it, and then
// in one batch for all the entities of the query.
func TestMergesReadOnlyWhenSelected(t *testing.T) {
	e := setup(t)
	store := &mergeCounting{Store: e.store}
	srv := newEnv(t, store, e)

	var r struct {
		Claims struct {
			Edges []struct {
				Node struct {
					Claimant *struct {
						Name   string
						Merges []struct{ Rule, Name, Into string }
					}
				}
			}
		}
	}
	srv.mustQuery(t, `{ claims(first: 50) { edges { node { claimant { name } } } } }`, &r)
	if len(r.Claims.Edges) == 0 || r.Claims.Edges[0].Node.Claimant == nil || r.Claims.Edges[0].Node.Claimant.Name == "" {
		t.Fatalf("claims without claimant names: %+v", r)
	}
	if n := store.calls.Load(); n != 0 {
		t.Errorf("names only: merge logs read %d times, want 0", n)
	}

	srv.mustQuery(t, `{ claims(first: 50) { edges { node { claimant { name merges { rule name into } } } } } }`, &r)
	// One batch when the loader gathers every key within its wait; a busy
	// machine (the race detector, other packages' tests) may split it,
	// and how often is a matter of timing, not of the code. What the code
	// must never do is read one log per claimant: at most half as many
	// batches as claimants.
	claimants := map[string]bool{}
	for _, ed := range r.Claims.Edges {
		if c := ed.Node.Claimant; c != nil {
			claimants[c.Name] = true
		}
	}
	if len(claimants) < 4 {
		t.Fatalf("%d claimants in the first 50 claims: too few to tell batches from one read each", len(claimants))
	}
	if n := store.calls.Load(); n < 1 || int(n) > len(claimants)/2 {
		t.Errorf("with merges: merge logs read in %d batches for %d claimants, want 1 (at most half as many as claimants)", n, len(claimants))
	}
	merged := 0
	for _, ed := range r.Claims.Edges {
		if c := ed.Node.Claimant; c != nil {
			for _, m := range c.Merges {
				if m.Rule == "" || m.Into != c.Name {
					t.Errorf("%s: merge %+v", c.Name, m)
				}
				merged++
			}
		}
	}
	if merged == 0 {
		t.Error("no claimant has a merge log; the corpus has merged names (AWS, Pentagon)")
	}
}

// TestProjectionFollowsFields reads through the store with a few field sets
// and checks that unselected fields and lists stay empty while selected
// ones are read.
func TestProjectionFollowsFields(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	bias := e.topics.Expand("bias")
	for _, tt := range []struct {
		name   string
		fields kg.Fields
		check  func(c kg.Claim) string
	}{
		{"text only", kg.Fields{"Claim.text": true}, func(c kg.Claim) string {
			if c.Text == "" || c.Claimant != "" || len(c.Sources) > 0 || len(c.Topics) > 0 || c.Stance != "" {
				return "want text and nothing else"
			}
			return ""
		}},
		{"claimant and sources", kg.Fields{"Claim.claimant": true, "Claim.sources": true}, func(c kg.Claim) string {
			if c.Text != "" || c.Claimant == "" || len(c.Sources) == 0 || c.Sources[0].Quote == "" {
				return "want claimant and sources, no text"
			}
			return ""
		}},
		{"all", nil, func(c kg.Claim) string {
			if c.Text == "" || c.Claimant == "" || len(c.Sources) == 0 || c.Stance == "" || len(c.Topics) == 0 {
				return "want every field"
			}
			return ""
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := e.store.Claims(ctx, kg.ClaimFilter{Stance: kg.Alleges, Topics: bias, First: 5}, kg.Include{Fields: tt.fields})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Items) == 0 {
				t.Fatal("no claims")
			}
			for _, c := range p.Items {
				if msg := tt.check(c); msg != "" {
					t.Errorf("%s: %+v", msg, c)
				}
			}
		})
	}
	t.Run("entity name only", func(t *testing.T) {
		ent, err := e.store.FindEntity(ctx, "Amazon Web Services", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(ent.Aliases) == 0 {
			t.Fatalf("%s has no aliases to leave out", ent.Name)
		}
		got, err := e.store.EntitiesByID(ctx, []string{ent.ID}, kg.Fields{"Entity.name": true})
		if err != nil {
			t.Fatal(err)
		}
		if g := got[ent.ID]; g.Name != ent.Name || g.Type != ent.Type || len(g.Aliases) != 0 || len(g.Merges) != 0 {
			t.Errorf("name only: got %+v", g)
		}
	})
}

// newEnv serves the API over store (the test's database, e's topics).
func newEnv(t *testing.T, store graph.Store, e *env) *env {
	t.Helper()
	h := graph.NewHandler(&graph.Resolver{Store: store, Topics: e.topics}, graph.Options{Timeout: 10 * time.Second})
	srv := newServer(t, h)
	return &env{store: e.store, topics: e.topics, srv: srv}
}
