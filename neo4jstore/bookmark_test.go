package neo4jstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// TestReadsWaitForTheStoresOwnWrites checks that a write (a saved document,
// as ingestDocument does) hands its bookmark to the reads of the same
// store, so that on a cluster a read after it is served only by a member
// that has the write.
func TestReadsWaitForTheStoresOwnWrites(t *testing.T) {
	s := dbtest.Store(t)
	ctx := context.Background()
	before, err := s.ReadBookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ex := kg.Extraction{Document: kg.Document{ID: "bookmark-doc", Title: "t", Text: "Ann Lee sued Acme Corp."},
		Entities: []kg.Entity{{ID: "per_ann", Type: kg.Person, Name: "Ann Lee"}}}
	if _, err := s.SaveExtraction(ctx, ex, false); err != nil {
		t.Fatal(err)
	}
	after, err := s.ReadBookmarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) == 0 || slices.Equal(before, after) {
		t.Fatalf("read bookmarks %v before the write and %v after: reads do not wait for it", before, after)
	}
	if _, err := s.FindEntity(ctx, "Ann Lee", ""); err != nil {
		t.Errorf("read after write: %v", err)
	}
}
