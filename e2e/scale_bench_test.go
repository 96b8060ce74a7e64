package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/corpusgen/gentest"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
	"github.com/factgraph/factgraph/pipeline"
)

// benchSizes are the generated corpus sizes of the scale benchmarks:
// FACTGRAPH_BENCH_DOCS (comma-separated), default 1000. Ascending sizes
// load incrementally (the generator's first n documents are the same for
// every n).
func benchSizes(b *testing.B) []int {
	b.Helper()
	v := os.Getenv("FACTGRAPH_BENCH_DOCS")
	if v == "" {
		v = "1000"
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("FACTGRAPH_BENCH_DOCS=%q: want sizes such as 1000,10000", v)
		}
		out = append(out, n)
	}
	return out
}

// generatedEnv serves the API over the test database holding the first n
// generated documents (corpusgen, seed 1). A database that already holds
// them is used as it is; one holding fewer generated documents is topped
// up; anything else is wiped and loaded.
func generatedEnv(b *testing.B, n int) *env {
	b.Helper()
	s := dbtest.Kept(b)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Hour)
	defer cancel()
	have, generatedOnly := docCount(b, s)
	if have != n || !generatedOnly {
		if have > n || !generatedOnly {
			if err := s.Wipe(ctx); err != nil {
				b.Fatal(err)
			}
		}
		docs, _ := gentest.Docs(b, n, 1)
		start := time.Now()
		sum, errs := pipeline.New(s, lexicon.Must()).Load(ctx, docs, false, nil)
		b.Logf("loaded %d generated documents (%d written, %d unchanged, %d failed) in %s", n, sum.Saved, sum.Unchanged,
			len(errs), time.Since(start).Round(time.Second))
		if len(errs) > 0 {
			b.Logf("load: first error: %v", errs[0])
		}
	}
	topics := graph.NewTaxonomy(lexicon.Must().Entries("topics"))
	srv := httptest.NewServer(graph.NewHandler(&graph.Resolver{Store: s, Topics: topics},
		graph.Options{Timeout: time.Minute}))
	b.Cleanup(srv.Close)
	if have, _ = docCount(b, s); have != n {
		b.Logf("the database holds %d generated documents, not %d: figures are for %d", have, n, have)
	}
	return &env{store: s, topics: topics, srv: srv, docs: have}
}

// docCount returns the number of documents and whether all are generated.
func docCount(b *testing.B, s *neo4jstore.Store) (int, bool) {
	b.Helper()
	ids, err := s.FactsByDocument(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for id := range ids {
		if !strings.HasPrefix(id, "gen-") {
			return len(ids), false
		}
	}
	return len(ids), true
}

// postQuery returns an op that posts one GraphQL query and fails on any
// error in the answer.
func postQuery(srv *httptest.Server, q string) func(context.Context) error {
	body, _ := json.Marshal(map[string]string{"query": q})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	return func(ctx context.Context) error {
		resp, err := client.Post(srv.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(`"errors"`)) {
			return fmt.Errorf("%s: %.300s", q, b)
		}
		return nil
	}
}

// BenchmarkSelection measures what selection-aware reads save: 50 claims
// with their claimants' names only, and the same with the claimants' merge
// history, which grows with the corpus.
func BenchmarkSelection(b *testing.B) {
	for _, n := range benchSizes(b) {
		e := generatedEnv(b, n)
		for _, q := range []struct{ name, query string }{
			{"names", `{ claims(first: 50) { edges { node { claimant { name } } } } }`},
			{"merges", `{ claims(first: 50) { edges { node { claimant { name merges { rule name } } } } } }`},
		} {
			b.Run(fmt.Sprintf("docs=%d/%s", e.docs, q.name), func(b *testing.B) {
				measure(b, 1, postQuery(e.srv, q.query))
			})
		}
	}
}

// BenchmarkConflicts measures a page of conflicts over the generated
// corpus. The first request after a change of the graph builds the
// conflict index in one grouped pass; it is timed once and logged (cold),
// and the benchmark reports the requests after it.
func BenchmarkConflicts(b *testing.B) {
	const q = `{ conflicts(first: 20) { totalCount edges { cursor node { field description events { id type date dateText } } } } }`
	for _, n := range benchSizes(b) {
		e := generatedEnv(b, n)
		op := postQuery(e.srv, q)
		start := time.Now()
		if err := op(context.Background()); err != nil {
			b.Fatal(err)
		}
		cold := time.Since(start)
		var r struct{ Conflicts struct{ TotalCount int } }
		e.mustQuery(b, q, &r)
		b.Logf("docs=%d: %d conflicts; first request (index build) %s", e.docs, r.Conflicts.TotalCount, cold.Round(time.Millisecond))
		for _, clients := range []int{1, 8} {
			b.Run(fmt.Sprintf("docs=%d/c%d", e.docs, clients), func(b *testing.B) {
				measure(b, clients, op)
			})
		}
	}
}
