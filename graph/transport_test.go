package graph_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/kg"
)

// TestFastPOSTMatchesGQLGen sends the same requests to the handler with
// fastPOST and to one with gqlgen's own POST transport: status, content
// type and body must be byte for byte the same, on the direct path (data
// only, nothing to escape) and on every fallback (errors, characters
// json.Marshal escapes, other content types, bodies that cannot be read or
// decoded).
func TestFastPOSTMatchesGQLGen(t *testing.T) {
	f := newFake()
	f.entities["per_b"] = kg.Entity{ID: "per_b", Type: kg.Person, Name: "Bob Baker", Aliases: []string{tricky, "B\"B", "\u2029"}}
	s := graphStore{f}
	fast := graph.NewHandler(&graph.Resolver{Store: s}, graph.Options{})
	slow := graph.NewHandler(&graph.Resolver{Store: s}, graph.GQLGenPOST(graph.Options{}))
	requests := []struct {
		name, body, accept string
	}{
		{"data only", `{"query":"{ person(name: \"Ann Able\") { name aliases } }"}`, ""},
		{"data only, operation name and variables", `{"operationName":"Q","query":"query Q($n: String!) { person(name: $n) { name } }","variables":{"n":"Ann Able"}}`, "application/json"},
		{"any type", `{"query":"{ person(name: \"Ann Able\") { id name aliases } }"}`, "text/html, */*;q=0.8"},
		{"characters json.Marshal escapes", `{"query":"{ person(name: \"Bob Baker\") { name aliases } }"}`, ""},
		{"html in data", `{"query":"{ neighborhood(of: \"doe\") { nodes { label } edges { part } } }"}`, ""},
		{"not found", `{"query":"{ person(name: \"Nobody At All\") { name } }"}`, ""},
		{"validation error", `{"query":"{ person(name: \"Ann Able\") { salary } }"}`, ""},
		{"parse error", `{"query":"{ person(name: "}`, ""},
		{"not json", `{"query": {`, ""},
		{"empty body", ``, ""},
		{"graphql-response+json", `{"query":"{ person(name: \"Ann Able\") { name } }"}`, "application/graphql-response+json"},
		{"graphql-response+json, validation error", `{"query":"{ nothing }"}`, "application/graphql-response+json"},
		{"unknown type", `{"query":"{ person(name: \"Ann Able\") { name } }"}`, "text/plain"},
	}
	direct := 0
	for _, rq := range requests {
		a, b := send(fast, rq.body, rq.accept), send(slow, rq.body, rq.accept)
		if a != b {
			t.Errorf("%s:\nfastPOST: %s\ngqlgen:   %s", rq.name, a, b)
		}
		if strings.HasPrefix(a, `200 application/json {"data":{`) && !strings.Contains(a, `\u`) {
			direct++
		}
	}
	if direct < 3 {
		t.Errorf("only %d answers could take the direct path: the test no longer covers it", direct)
	}
}

// TestFastPOSTBodyError: a body that fails part way through is answered
// as gqlgen answers it.
func TestFastPOSTBodyError(t *testing.T) {
	f := newFake()
	fast := graph.NewHandler(&graph.Resolver{Store: f}, graph.Options{})
	slow := graph.NewHandler(&graph.Resolver{Store: f}, graph.GQLGenPOST(graph.Options{}))
	big := `{"query":"{ person(name: \"` + strings.Repeat("a", 9<<20) + `\") { name } }"}`
	a, b := send(fast, big, ""), send(slow, big, "")
	if a != b {
		t.Errorf("fastPOST: %.300s\ngqlgen:   %.300s", a, b)
	}
	if !strings.HasPrefix(a, "413 ") {
		t.Errorf("a body over the limit: %.300s", a)
	}
}

func send(h http.Handler, body, accept string) string {
	req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader([]byte(body)))
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	out, _ := io.ReadAll(w.Body)
	return fmt.Sprintf("%d %s %s", w.Code, w.Header().Get("Content-Type"), out)
}
