package pipeline_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/corpusgen/gentest"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
	"github.com/factgraph/factgraph/pipeline"
)

// TestConcurrentLoadersEqualSequentialLoad runs two loaders at once, each
// with its own driver, on inputs that overlap (a third of the documents is
// in both, some of them stored before in an older version, and the
// generated corpus's names recur across all of them), in
// small batches so that their transactions interleave. Neither may fail
// (the driver may retry a deadlocked transaction), and the graph must equal
// one load of the union: the same nodes per label, relationships per type,
// entity ids and facts per document, and no entity twice.
func TestConcurrentLoadersEqualSequentialLoad(t *testing.T) {
	s := dbtest.Store(t)
	docs, _ := gentest.Docs(t, 90, 7)
	// Both loaders start on the shared documents, so they write them at the
	// same time.
	a := append(append([]kg.Document{}, docs[30:60]...), docs[:30]...)
	b := docs[30:]
	a, b = widen(t, docs, a, b)

	load(t, pipeline.New(s, lexicon.Must()), docs)
	want := graphShape(t, s)
	if err := s.Wipe(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Ten of the shared documents are stored already in an older version
	// (another title): both loaders find them changed and replace them.
	var drafts []kg.Document
	for _, d := range docs[30:40] {
		d.Title += " (draft)"
		drafts = append(drafts, d)
	}
	load(t, pipeline.New(s, lexicon.Must()), drafts)

	uri, user, pw := dbtest.Config()
	var wg sync.WaitGroup
	loadErrs := make([][]error, 2)
	for i, in := range [][]kg.Document{a, b} {
		s2, err := neo4jstore.Open(context.Background(), uri, user, pw, "neo4j")
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close(context.Background())
		p := pipeline.New(s2, lexicon.Must())
		p.BatchSize = 4
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, loadErrs[i] = p.Load(context.Background(), in, false, nil)
		}()
	}
	wg.Wait()
	for i, es := range loadErrs {
		for _, err := range es {
			t.Errorf("loader %d: %v", i+1, err)
		}
	}
	got := graphShape(t, s)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("two concurrent loaders differ from one load of the union (-union +concurrent):\n%s", diff)
	}
	dups := dbtest.Query(t, `MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN id`, nil)
	if len(dups) > 0 {
		t.Errorf("entities stored twice: %v", dups)
	}
}

// widen adds to each input the documents of the other that mention an
// entity the input's own resolution does not give the union's id (a name
// that joins another only when both are seen: 'Meridian Holdings' and
// 'Meridian Industries'), until both resolve like the union. Two loaders
// that never see each other's names cannot resolve them as one load does;
// this test is about what the database does with concurrent writes.
func widen(t *testing.T, all, a, b []kg.Document) ([]kg.Document, []kg.Document) {
	t.Helper()
	lex := lexicon.Must()
	_, gu, _ := pipeline.Extract(all, lex, nil, 0)
	byDoc := mentionedBy(gu)
	for range 10 {
		changed := false
		for _, in := range []*[]kg.Document{&a, &b} {
			_, g, _ := pipeline.Extract(*in, lex, nil, 0)
			own := mentionedBy(g)
			have := map[string]bool{}
			for _, d := range *in {
				have[d.ID] = true
			}
			var missing []string // union entities of a document that this input resolves otherwise
			for _, d := range *in {
				for _, id := range byDoc[d.ID] {
					if !slices.Contains(own[d.ID], id) {
						missing = append(missing, id)
					}
				}
			}
			for _, d := range all {
				if have[d.ID] {
					continue
				}
				for _, id := range byDoc[d.ID] {
					if slices.Contains(missing, id) {
						*in = append(*in, d)
						have[d.ID], changed = true, true
						break
					}
				}
			}
		}
		if !changed {
			return a, b
		}
	}
	t.Fatal("inputs do not settle to the union's resolution")
	return nil, nil
}

// mentionedBy maps each document of g to the entities that it mentions.
func mentionedBy(g kg.Graph) map[string][]string {
	m := map[string][]string{}
	for _, e := range g.Entities {
		for _, x := range e.Mentions {
			if !slices.Contains(m[x.Document], e.ID) {
				m[x.Document] = append(m[x.Document], e.ID)
			}
		}
	}
	return m
}

// shape is what TestConcurrentLoadersEqualSequentialLoad compares.
type shape struct {
	Labels, Types map[string]int64
	Entities      []string
	Facts         map[string][]string
}

func graphShape(t *testing.T, s *neo4jstore.Store) shape {
	t.Helper()
	sh := shape{Labels: map[string]int64{}, Types: map[string]int64{}, Facts: factsByDocument(t, s)}
	for _, r := range dbtest.Query(t, `MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n`, nil) {
		sh.Labels[r["l"].(string)] = r["n"].(int64)
	}
	for _, r := range dbtest.Query(t, `MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n`, nil) {
		sh.Types[r["t"].(string)] = r["n"].(int64)
	}
	for _, r := range dbtest.Query(t, `MATCH (e:Entity) RETURN e.id AS id ORDER BY id`, nil) {
		sh.Entities = append(sh.Entities, fmt.Sprint(r["id"]))
	}
	return sh
}
