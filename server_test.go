package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

const testToken = "server-test-token"

// testServer is the real server (run) over the test Neo4j, reached through
// a proxy the test can cut.
type testServer struct {
	url   string // base URL, e.g. http://127.0.0.1:PORT
	proxy *dbtest.Proxy
	store *neo4jstore.Store // the test database, directly
}

// startServer runs the server as main does, on a free port, with Neo4j
// behind a proxy, and stops it in t.Cleanup.
func startServer(t *testing.T) *testServer {
	t.Helper()
	store := dbtest.Store(t)
	proxy := dbtest.NewProxy(t)
	_, user, pw := dbtest.Config()
	env := map[string]string{"NEO4J_URI": proxy.URI(), "NEO4J_USER": user, "NEO4J_PASSWORD": pw,
		"LISTEN_ADDR": "127.0.0.1:0", "LOG_FORMAT": "json", "API_TOKEN": testToken, "BODY_TIMEOUT": "500ms"}
	logr, logw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		errc <- run(ctx, func(k string) string { return env[k] }, nil, logw)
		logw.Close()
	}()
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(logr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			var line struct{ Msg, GraphQL string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" {
				urlc <- strings.TrimSuffix(line.GraphQL, "/graphql")
			}
			if testing.Verbose() {
				fmt.Fprintln(os.Stderr, "server:", sc.Text())
			}
		}
	}()
	var s *testServer
	select {
	case u := <-urlc:
		s = &testServer{url: u, proxy: proxy, store: store}
	case err := <-errc:
		cancel()
		t.Fatalf("server stopped at start: %v", err)
	case <-time.After(time.Minute):
		cancel()
		t.Fatal("server did not start within a minute")
	}
	t.Cleanup(func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("server: %v", err)
		}
	})
	return s
}

type gqlError struct {
	Message    string
	Extensions struct{ Code string }
}

type response struct {
	status int
	data   map[string]json.RawMessage
	errors []gqlError
}

// post sends a GraphQL query as JSON (with the token when auth is set).
func (s *testServer) post(t *testing.T, query string, auth bool) response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest(http.MethodPost, s.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if auth {
		req.Header.Set("Authorization", "Bearer "+testToken)
	}
	return s.do(t, req)
}

func (s *testServer) do(t *testing.T, req *http.Request) response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	return decode(t, resp)
}

func decode(t *testing.T, resp *http.Response) response {
	t.Helper()
	var r struct {
		Data   map[string]json.RawMessage
		Errors []gqlError
	}
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("HTTP %d: not a GraphQL response: %q", resp.StatusCode, b)
	}
	return response{status: resp.StatusCode, data: r.Data, errors: r.Errors}
}

func (s *testServer) ready(t *testing.T) int {
	t.Helper()
	resp, err := http.Get(s.url + "/readyz")
	if err != nil {
		t.Fatalf("readyz: %v", err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// waitReady waits (up to 10 s) until /readyz says ready.
func (s *testServer) waitReady(t *testing.T) {
	t.Helper()
	for start := time.Now(); s.ready(t) != http.StatusOK; time.Sleep(50 * time.Millisecond) {
		if time.Since(start) > 10*time.Second {
			t.Fatal("not ready 10s after Neo4j came back")
		}
	}
}

// cypher runs a statement on the test database behind the server's back.
func cypher(t *testing.T, q string) {
	t.Helper()
	uri, user, pw := dbtest.Config()
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	if _, err := neo4j.ExecuteQuery(ctx, drv, q, nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// TestNeo4jDownAnswersUnavailableFastAndRecovers cuts Neo4j away from the
// running server: queries must answer UNAVAILABLE within 2 s, then at once,
// /readyz must say 503, and when Neo4j is back the same server answers
// again.
func TestNeo4jDownAnswersUnavailableFastAndRecovers(t *testing.T) {
	s := startServer(t)
	const q = `{ documents { totalCount } }`
	if r := s.post(t, q, false); len(r.errors) > 0 || r.status != http.StatusOK {
		t.Fatalf("before the cut: HTTP %d %+v", r.status, r.errors)
	}

	s.proxy.Cut()
	cut := time.Now()
	r := s.post(t, q, false)
	first := time.Since(cut)
	if len(r.errors) == 0 || r.errors[0].Extensions.Code != "UNAVAILABLE" {
		t.Fatalf("first query after the cut: %+v, want UNAVAILABLE", r.errors)
	}
	if first > 2*time.Second {
		t.Errorf("first query after the cut answered UNAVAILABLE after %s, want within 2s", first)
	}
	start := time.Now()
	r = s.post(t, q, false)
	second := time.Since(start)
	if len(r.errors) == 0 || r.errors[0].Extensions.Code != "UNAVAILABLE" || second > 500*time.Millisecond {
		t.Errorf("second query: %+v after %s, want UNAVAILABLE at once", r.errors, second)
	}
	if got := s.ready(t); got != http.StatusServiceUnavailable {
		t.Errorf("/readyz with Neo4j cut: HTTP %d, want 503", got)
	}
	t.Logf("UNAVAILABLE after %s (first query), %s (next)", first.Round(time.Millisecond), second.Round(time.Microsecond))

	s.proxy.Restore()
	back := time.Now()
	s.waitReady(t)
	for {
		r = s.post(t, q, false)
		if len(r.errors) == 0 {
			break
		}
		if time.Since(back) > 10*time.Second {
			t.Fatalf("queries still fail 10s after Neo4j came back: %+v", r.errors)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("answers again %s after Neo4j came back", time.Since(back).Round(time.Millisecond))
}

// TestOneFieldsErrorKeepsTheOthers asks for a failing field beside good
// ones: the error nulls that field only.
func TestOneFieldsErrorKeepsTheOthers(t *testing.T) {
	s := startServer(t)
	r := s.post(t, `{ bad: search(text: "Amazon AND", syntax: LUCENE) { score } good: search(text: "Amazon AND (JEDI") { score } topics { name } documents { totalCount } }`, false)
	if len(r.errors) != 1 || r.errors[0].Extensions.Code != "BAD_USER_INPUT" {
		t.Errorf("errors %+v, want one BAD_USER_INPUT for the Lucene query", r.errors)
	}
	for field, want := range map[string]string{"bad": "null", "good": "[]", "documents": `{"totalCount":0}`} {
		if got := string(r.data[field]); got != want {
			t.Errorf("data.%s = %s, want %s", field, got, want)
		}
	}
	if len(r.data["topics"]) < 10 {
		t.Errorf("data.topics = %s, want the taxonomy", r.data["topics"])
	}
}

// readmeCodes returns the codes and HTTP statuses of the README's error-code
// table.
func readmeCodes(t *testing.T) map[string]int {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "<!-- error codes -->")
	if !ok {
		t.Fatal("README.md has no <!-- error codes --> table")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	codes := map[string]int{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\| (\\d{3}) \\|").FindAllStringSubmatch(table, -1) {
		var status int
		fmt.Sscan(m[2], &status)
		codes[m[1]] = status
	}
	if len(codes) < 5 {
		t.Fatalf("README error-code table: found only %v", codes)
	}
	return codes
}

// TestEveryDocumentedErrorCode sends, for each code of the README's table, a
// real request to the real server that must get it, with the HTTP status
// the table gives; a code in the table without a request here fails, and so
// does a request whose code the table lacks.
func TestEveryDocumentedErrorCode(t *testing.T) {
	s := startServer(t)
	post := func(q string) func(t *testing.T) response {
		return func(t *testing.T) response { return s.post(t, q, false) }
	}
	raw := func(method, contentType, body string) func(t *testing.T) response {
		return func(t *testing.T) response {
			req, _ := http.NewRequest(method, s.url+"/graphql", strings.NewReader(body))
			if contentType != "" {
				req.Header.Set("Content-Type", contentType)
			}
			return s.do(t, req)
		}
	}
	deep := `{ person(name: "x") { roles { person { roles { person { roles { person { roles { person { roles { person { roles { title } } } } } } } } } } } } }`
	var wide strings.Builder
	wide.WriteString("{ ")
	for i := range 30 {
		fmt.Fprintf(&wide, "a%d: events(first: 100) { edges { node { participants { entity { roles { title person { name } } } } } } } ", i)
	}
	wide.WriteString("}")
	tests := []struct {
		code string
		why  string
		send func(t *testing.T) response
	}{
		{"BAD_USER_INPUT", "a date that is not one", post(`{ events(from: "last week") { totalCount } }`)},
		{"BAD_USER_INPUT", "a Lucene query that does not parse", post(`{ search(text: "a AND", syntax: LUCENE) { score } }`)},
		{"BAD_USER_INPUT", "a javascript: url", func(t *testing.T) response {
			return s.post(t, `mutation { ingestDocument(input: {text: "Hello.", url: "javascript:alert(1)"}) { document { id } } }`, true)
		}},
		{"NOT_FOUND", "an unknown person", post(`{ person(name: "Nobody Atall") { name } }`)},
		{"UNAUTHENTICATED", "a mutation without the token", post(`mutation { deleteDocument(id: "x") }`)},
		{"UNAVAILABLE", "Neo4j gone", func(t *testing.T) response {
			s.proxy.Cut()
			defer func() { s.proxy.Restore(); s.waitReady(t) }()
			return s.post(t, `{ documents { totalCount } }`, false)
		}},
		{"INTERNAL", "the fulltext index dropped behind the server's back", func(t *testing.T) response {
			cypher(t, "DROP INDEX search")
			defer func() {
				if err := s.store.EnsureSchema(context.Background()); err != nil {
					t.Fatalf("restore the schema: %v", err)
				}
			}()
			return s.post(t, `{ search(text: "Amazon") { score } }`, false)
		}},
		{"GRAPHQL_PARSE_FAILED", "a missing parenthesis", post(`{ events(first: 2 { totalCount } }`)},
		{"GRAPHQL_VALIDATION_FAILED", "an unknown field", post(`{ events { total } }`)},
		{"GRAPHQL_VALIDATION_FAILED", "an unknown enum value", post(`{ events(type: PICNIC) { totalCount } }`)},
		{"DEPTH_LIMIT_EXCEEDED", "13 levels", post(deep)},
		{"COMPLEXITY_LIMIT_EXCEEDED", "30 pages of 100 events with nested lists", post(wide.String())},
		{"PAYLOAD_TOO_LARGE", "a 10 MB body", raw(http.MethodPost, "application/json",
			`{"query":"{ topics { name } }","variables":{"x":"`+strings.Repeat("a", 10<<20)+`"}}`)},
		{"REQUEST_TIMEOUT", "a body that stops half way", func(t *testing.T) response {
			conn, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":")
			_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("no answer to a stalled body: %v", err)
			}
			defer resp.Body.Close()
			return decode(t, resp)
		}},
		{"UNSUPPORTED_MEDIA_TYPE", "a POST without Content-Type", raw(http.MethodPost, "", `{"query":"{ topics { name } }"}`)},
		{"METHOD_NOT_ALLOWED", "a DELETE", raw(http.MethodDelete, "", "")},
	}
	documented := readmeCodes(t)
	tested := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.why, func(t *testing.T) {
			tested[tt.code] = true
			status, ok := documented[tt.code]
			if !ok {
				t.Errorf("the server returns %s, which the README's error-code table lacks", tt.code)
			}
			r := tt.send(t)
			if len(r.errors) == 0 || r.errors[0].Extensions.Code != tt.code {
				t.Fatalf("HTTP %d, errors %+v, want %s", r.status, r.errors, tt.code)
			}
			if ok && r.status != status {
				t.Errorf("%s came with HTTP %d, the README says %d", tt.code, r.status, status)
			}
		})
	}
	for code := range documented {
		if !tested[code] {
			t.Errorf("the README documents %s, but no request here gets it", code)
		}
	}
}
