package neo4jstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/corpusgen/gentest"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
	"github.com/factgraph/factgraph/pipeline"
)

// TestBatchPlanSeeksEveryLookup: the statement that writes a batch finds
// what it reads through indexes, never by scanning a label, a relationship
// type or an index: a scan grows with the store and made one batch of 200
// documents cost 5.5 million db hits at 5,000 documents (the shortcut
// lookups, planned as relationship index scans), against 93 thousand with
// seeks. The loader keeps the first plan it gets, which may be made on an
// empty store, so the plan is checked on an empty store and on one with
// documents.
func TestBatchPlanSeeksEveryLookup(t *testing.T) {
	s := dbtest.Store(t)
	ctx := context.Background()
	docs, _ := gentest.Docs(t, 120, 3)
	exs, _, errs := pipeline.Extract(docs[80:], lexicon.Must(), nil, 0)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	checkSeeks(t, s, exs, "on an empty store")
	if _, errs := pipeline.New(s, lexicon.Must()).Load(ctx, docs[:80], false, nil); len(errs) > 0 {
		t.Fatal(errs[0])
	}
	checkSeeks(t, s, exs, "after 80 documents")
}

func checkSeeks(t *testing.T, s *neo4jstore.Store, exs []kg.Extraction, when string) {
	t.Helper()
	ops, hits, err := s.ProfileBatch(context.Background(), exs)
	if err != nil {
		t.Fatal(err)
	}
	seeks := 0
	for _, op := range ops {
		name, _, _ := strings.Cut(op, "@neo4j")
		if strings.Contains(name, "Scan") {
			t.Errorf("%s, the batch statement scans: %s", when, op)
		}
		if strings.Contains(name, "Seek") {
			seeks++
		}
	}
	t.Logf("%s: %d operators, %d seeks, %d db hits", when, len(ops), seeks, hits)
	if seeks < 10 {
		t.Errorf("%s, only %d index seeks in %d operators: %v", when, seeks, len(ops), ops)
	}
}

// TestLookupPlansSeek: a read that names an entity (by id, name or alias)
// and a page of events by date reach their nodes through index seeks. Both
// fall back to the entities or events the indexes cannot find (an alias, a
// missing date) only when the first read found nothing or too little,
// through a seek from a floor that is null otherwise; planned as a scan of
// the id index, that fallback read every entity on every lookup (936 at
// 1,000 documents, growing with the store). The plans are made on the
// statistics of a store just loaded, which may still say the indexes are
// empty: every plan is cheap then, and only the hints keep the seeks.
func TestLookupPlansSeek(t *testing.T) {
	s := dbtest.Store(t)
	ctx := context.Background()
	docs, _ := gentest.Docs(t, 150, 5)
	if _, errs := pipeline.New(s, lexicon.Must()).Load(ctx, docs, false, nil); len(errs) > 0 {
		t.Fatal(errs[0])
	}
	orgs, err := s.Entities(ctx, kg.EntityFilter{Type: kg.Organization, First: 1}, kg.Include{})
	if err != nil || len(orgs.Items) == 0 {
		t.Fatalf("no organization to look up: %v", err)
	}
	type read struct {
		q string
		p map[string]any
	}
	var reads []read
	s.SeeReads(func(q string, p map[string]any) { reads = append(reads, read{q, p}) })
	// the exact name takes one read; the name in capitals, which only the
	// fallback finds, two
	for _, ref := range []string{orgs.Items[0].Name, strings.ToUpper(orgs.Items[0].Name)} {
		f, err := s.Entity(ctx, ref, kg.Organization, kg.Include{Roles: true, Person: true})
		if err != nil || f.Entity.ID != orgs.Items[0].ID {
			t.Fatalf("entity %q: %v, %q", ref, err, f.Entity.ID)
		}
	}
	if _, err := s.Events(ctx, kg.EventFilter{First: 5}, kg.Include{}); err != nil {
		t.Fatal(err)
	}
	s.SeeReads(nil)
	if len(reads) != 4 {
		t.Fatalf("%d reads, want 4", len(reads))
	}
	for _, r := range reads {
		ops, hits, err := s.ProfileRead(ctx, r.q, r.p)
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range ops {
			if name, _, _ := strings.Cut(op, "@neo4j"); strings.Contains(name, "Scan") {
				t.Errorf("the read scans: %s\n%s", op, r.q)
			}
		}
		t.Logf("%d operators, %d db hits", len(ops), hits)
	}
}
