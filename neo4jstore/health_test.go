package neo4jstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// TestDatabaseDownFailsFastAndRecovers cuts the connection to the real test
// Neo4j under a store whose health is watched: reads must fail with
// kg.ErrUnavailable within 2 s (not after the driver's retries), at once
// after that, and work again when the server is back, on the same store.
func TestDatabaseDownFailsFastAndRecovers(t *testing.T) {
	dbtest.Store(t) // holds the test server and empties it
	proxy := dbtest.NewProxy(t)
	_, user, pw := dbtest.Config()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := neo4jstore.Open(ctx, proxy.URI(), user, pw, "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	go s.Watch(ctx, neo4jstore.DefaultHealthInterval, nil)

	read := func() (time.Duration, error) {
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		start := time.Now()
		_, _, err := s.Counts(rctx)
		return time.Since(start), err
	}
	if _, err := read(); err != nil {
		t.Fatalf("read before the cut: %v", err)
	}

	proxy.Cut()
	cut := time.Now()
	took, err := read()
	if !errors.Is(err, kg.ErrUnavailable) {
		t.Fatalf("first read after the cut: err = %v, want kg.ErrUnavailable", err)
	}
	t.Logf("first read after the cut: unavailable after %s", took.Round(time.Millisecond))
	if since := time.Since(cut); since > 2*time.Second {
		t.Errorf("first read answered unavailable %s after the cut, want within 2s", since)
	}
	took, err = read()
	if !errors.Is(err, kg.ErrUnavailable) || took > 100*time.Millisecond {
		t.Errorf("second read: %v after %s, want kg.ErrUnavailable at once", err, took)
	}
	t.Logf("second read: unavailable after %s", took.Round(time.Microsecond))

	proxy.Restore()
	back := time.Now()
	for {
		if _, err = read(); err == nil {
			break
		}
		if time.Since(back) > 10*time.Second {
			t.Fatalf("reads still fail 10s after the server came back: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("reads work again %s after the server came back", time.Since(back).Round(time.Millisecond))
}

// TestPingRecordsHealth checks that a failed Ping makes reads fail at once
// and a successful one lets them through again, without Watch.
func TestPingRecordsHealth(t *testing.T) {
	dbtest.Store(t)
	proxy := dbtest.NewProxy(t)
	_, user, pw := dbtest.Config()
	ctx := context.Background()
	s, err := neo4jstore.Open(ctx, proxy.URI(), user, pw, "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	proxy.Cut()
	pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := s.Ping(pctx); !errors.Is(err, kg.ErrUnavailable) {
		t.Fatalf("ping with the server cut: %v, want kg.ErrUnavailable", err)
	}
	proxy.Restore()
	if _, _, err := s.Counts(ctx); !errors.Is(err, kg.ErrUnavailable) {
		t.Fatalf("read after a failed ping: %v, want kg.ErrUnavailable until a ping succeeds", err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("ping with the server back: %v", err)
	}
	if _, _, err := s.Counts(ctx); err != nil {
		t.Fatalf("read after a good ping: %v", err)
	}
}

// TestGivenUpRetriesAreUnavailable checks the mapping of the driver's
// TransactionExecutionLimit (a managed transaction that stopped retrying),
// which wraps the connectivity errors without unwrapping to them: without
// health checks, a read with the server gone ends at its deadline as
// kg.ErrUnavailable, not as an unknown (INTERNAL) error.
func TestGivenUpRetriesAreUnavailable(t *testing.T) {
	dbtest.Store(t)
	proxy := dbtest.NewProxy(t)
	_, user, pw := dbtest.Config()
	ctx := context.Background()
	s, err := neo4jstore.Open(ctx, proxy.URI(), user, pw, "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	proxy.Cut()
	rctx, cancel := context.WithTimeout(ctx, 1500*time.Millisecond)
	defer cancel()
	_, _, err = s.Counts(rctx)
	if !errors.Is(err, kg.ErrUnavailable) {
		t.Fatalf("read with the server cut: %v, want kg.ErrUnavailable", err)
	}
	t.Logf("error: %v", err)
}
