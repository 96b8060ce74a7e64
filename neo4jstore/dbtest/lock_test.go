package dbtest

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// A benchmark that asks for the database once per corpus size (Kept in a
// loop) must not wait for its own lock.
func TestLockTwiceInOneTest(t *testing.T) {
	// a lock file of its own: other test binaries hold the test server's
	t.Setenv("NEO4J_TEST_URI", fmt.Sprintf("bolt://lock-test-%d", os.Getpid()))
	done := make(chan struct{})
	go func() {
		defer close(done)
		first := lock(t)
		second := lock(t)
		second()
		first()
		third := lock(t) // the file lock was given back with the last hold
		third()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("lock waited for itself")
	}
	held.Lock()
	defer held.Unlock()
	if len(held.by) != 0 {
		t.Fatalf("holds left after release: %v", held.by)
	}
}
