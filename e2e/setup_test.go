package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
	"github.com/factgraph/factgraph/pipeline"
)

const token = "e2e-token"

// env is the API over the test database loaded with the bundled corpus.
type env struct {
	store  *neo4jstore.Store
	topics *graph.Taxonomy
	srv    *httptest.Server
	docs   int // generated documents loaded (scale benchmarks)
}

// setup loads the bundled corpus into a clean test database and serves the
// real handler over it.
func setup(t testing.TB) *env {
	t.Helper()
	s := dbtest.Store(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	docs, errs := input.Read(ctx, []string{"../data/corpus"}, nil)
	if len(errs) > 0 {
		t.Fatalf("read corpus: %v", errs)
	}
	lex := lexicon.Must()
	p := pipeline.New(s, lex)
	if _, errs := p.Load(ctx, docs, false, nil); len(errs) > 0 {
		t.Fatalf("load corpus: %v", errs)
	}
	topics := graph.NewTaxonomy(lex.Entries("topics"))
	h := graph.NewHandler(&graph.Resolver{Store: s, Ingester: p, Topics: topics},
		graph.Options{APIToken: token, Timeout: 10 * time.Second})
	return &env{store: s, topics: topics, srv: newServer(t, h)}
}

// newServer serves h until the test ends.
func newServer(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

type gqlError struct {
	Message    string
	Extensions struct{ Code string }
}

// query posts a GraphQL query (with a bearer token unless tok is "") and
// decodes data into out; it returns the errors of the response.
func (e *env) query(t testing.TB, q string, vars map[string]any, tok string, out any) []gqlError {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []gqlError
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("decode response (HTTP %d): %v", resp.StatusCode, err)
	}
	if out != nil && len(r.Data) > 0 && string(r.Data) != "null" {
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatalf("decode data %s: %v", r.Data, err)
		}
	}
	return r.Errors
}

// mustQuery is query that fails the test on any error.
func (e *env) mustQuery(t testing.TB, q string, out any) {
	t.Helper()
	if errs := e.query(t, q, nil, "", out); len(errs) > 0 {
		t.Fatalf("%s: errors %+v", q, errs)
	}
}
