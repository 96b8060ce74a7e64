// Package dbtest gives tests a store on the real test Neo4j started by the
// test command (make test: scripts/neo4j-local.sh with NEO4J_INSTANCE=test).
//
// A plain `go test` without that server skips database tests with a message
// naming the command to run; with FACTGRAPH_REQUIRE_DB=1 (set by make test and
// so by CI) a missing server fails the test instead, so CI cannot pass by
// skipping.
package dbtest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/neo4jstore"
)

// Defaults of the test instance (scripts/neo4j-local.sh, NEO4J_INSTANCE=test).
const (
	DefaultURI      = "bolt://127.0.0.1:7688"
	DefaultPassword = "factgraph-local"
)

// Config returns the test server's URI, user and password from
// NEO4J_TEST_URI, NEO4J_TEST_USER and NEO4J_TEST_PASSWORD.
func Config() (uri, user, password string) {
	get := func(k, def string) string {
		if v := os.Getenv(k); v != "" {
			return v
		}
		return def
	}
	return get("NEO4J_TEST_URI", DefaultURI), get("NEO4J_TEST_USER", "neo4j"), get("NEO4J_TEST_PASSWORD", DefaultPassword)
}

// Required reports whether database tests must run (FACTGRAPH_REQUIRE_DB=1).
func Required() bool { return os.Getenv("FACTGRAPH_REQUIRE_DB") == "1" }

// Store returns a store on an empty test database with the schema applied.
// It holds an exclusive machine-wide lock on that server until the test ends, so tests in
// different packages never use the database at the same time, and it empties
// the database again in t.Cleanup.
func Store(t testing.TB) *neo4jstore.Store {
	t.Helper()
	uri, user, pw := Config()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a busy machine can stall Neo4j for a while
	defer cancel()
	s, err := neo4jstore.Open(ctx, uri, user, pw, "neo4j")
	if err != nil {
		if Required() {
			t.Fatalf("test Neo4j required (FACTGRAPH_REQUIRE_DB=1) but not reachable at %s: %v", uri, err)
		}
		t.Skipf("no test Neo4j at %s (%v); run `make test` to start one and run database tests", uri, err)
	}
	unlock := lock(t)
	t.Cleanup(func() {
		defer unlock()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := s.Wipe(ctx); err != nil {
			t.Errorf("wipe test database: %v", err)
		}
		_ = s.Close(ctx)
	})
	if err := s.Wipe(ctx); err != nil {
		t.Fatalf("wipe test database: %v", err)
	}
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatalf("schema: %v", err)
	}
	return s
}

// Kept returns a store on the test database as it is, without wiping it
// before or after: for benchmarks that reuse a corpus loaded by an earlier
// run (loading 10,000 documents takes minutes). It holds the same lock as
// Store until the benchmark ends and applies the schema.
func Kept(t testing.TB) *neo4jstore.Store {
	t.Helper()
	uri, user, pw := Config()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := neo4jstore.Open(ctx, uri, user, pw, "neo4j")
	if err != nil {
		if Required() {
			t.Fatalf("test Neo4j required (FACTGRAPH_REQUIRE_DB=1) but not reachable at %s: %v", uri, err)
		}
		t.Skipf("no test Neo4j at %s (%v); run `make test` to start one and run database tests", uri, err)
	}
	unlock := lock(t)
	t.Cleanup(func() {
		defer unlock()
		_ = s.Close(context.Background())
	})
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatalf("schema: %v", err)
	}
	return s
}

// held counts, per test or benchmark, the holds of its lock: one that
// asks again (a benchmark calling Kept once per corpus size) shares the
// lock instead of waiting for itself. Different tests still wait for each
// other.
var held = struct {
	sync.Mutex
	by map[testing.TB]*hold
}{by: map[testing.TB]*hold{}}

type hold struct {
	n      int
	unlock func() // gives back the file lock
}

func lock(t testing.TB) func() {
	t.Helper()
	held.Lock()
	if h := held.by[t]; h != nil {
		h.n++
		held.Unlock()
		return func() { release(t) }
	}
	held.Unlock()
	unlock := flock(t)
	held.Lock()
	held.by[t] = &hold{n: 1, unlock: unlock}
	held.Unlock()
	return func() { release(t) }
}

// release gives back one hold of t's lock, and the file lock with the last.
func release(t testing.TB) {
	held.Lock()
	h := held.by[t]
	h.n--
	if h.n > 0 {
		held.Unlock()
		return
	}
	delete(held.by, t)
	held.Unlock()
	h.unlock()
}

func flock(t testing.TB) func() {
	t.Helper()
	// One lock per test server: worktrees that test against their own
	// instances do not wait for each other.
	uri, _, _ := Config()
	name := "factgraph-dbtest-" + strings.NewReplacer(":", "_", "/", "_").Replace(uri) + ".lock"
	f, err := os.OpenFile(filepath.Join(os.TempDir(), name), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatalf("dbtest lock: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatalf("dbtest lock: %v", err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}
}

// Query runs a read query on the test database with its own driver and
// returns each record as a map, for assertions that should not go through
// the store under test.
func Query(t testing.TB, cypher string, params map[string]any) []map[string]any {
	t.Helper()
	uri, user, pw := Config()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		t.Fatalf("driver: %v", err)
	}
	defer drv.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, drv, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase("neo4j"), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		t.Fatalf("query %q: %v", cypher, err)
	}
	out := make([]map[string]any, 0, len(res.Records))
	for _, r := range res.Records {
		out = append(out, r.AsMap())
	}
	return out
}
