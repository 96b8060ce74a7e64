package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/corpusgen"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
	"github.com/factgraph/factgraph/pipeline"
)

var _ pipeline.Store = (*neo4jstore.Store)(nil)

func corpus(t testing.TB) []kg.Document {
	t.Helper()
	docs, errs := input.Read(context.Background(), []string{"../data/corpus"}, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return docs
}

func load(t *testing.T, p *pipeline.Pipeline, docs []kg.Document) pipeline.Summary {
	t.Helper()
	sum, errs := p.Load(context.Background(), docs, false, nil)
	if len(errs) > 0 {
		t.Fatalf("load: %v", errs)
	}
	return sum
}

func TestLoadCorpusTwiceChangesNothing(t *testing.T) {
	s := dbtest.Store(t)
	p := pipeline.New(s, lexicon.Must())
	docs := corpus(t)
	first := load(t, p, docs)
	if first.Saved != len(docs) {
		t.Fatalf("first load saved %d of %d documents", first.Saved, len(docs))
	}
	n1, r1, _ := s.Counts(context.Background())
	second := load(t, p, docs)
	n2, r2, _ := s.Counts(context.Background())
	if n1 != n2 || r1 != r2 {
		t.Errorf("second load changed the graph: %d/%d -> %d/%d nodes/relationships", n1, r1, n2, r2)
	}
	if second.Unchanged != len(docs) {
		t.Errorf("second load rewrote documents: %+v", second)
	}
	// Forced rewrite of every document: same graph again.
	if _, errs := p.Load(context.Background(), docs, true, nil); len(errs) > 0 {
		t.Fatal(errs)
	}
	if n3, r3, _ := s.Counts(context.Background()); n3 != n1 || r3 != r1 {
		t.Errorf("forced reload changed the graph: %d/%d -> %d/%d", n1, r1, n3, r3)
	}
}

func TestReloadEditedDocumentChangesOnlyItsFacts(t *testing.T) {
	s := dbtest.Store(t)
	p := pipeline.New(s, lexicon.Must())
	docs := corpus(t)
	load(t, p, docs)
	before := factsByDocument(t, s)

	// Edit the last document: drop the paragraph that states its first claim.
	edited := append([]kg.Document(nil), docs...)
	last := &edited[len(edited)-1]
	exs, _, errs := pipeline.Extract([]kg.Document{*last}, lexicon.Must(), nil, 1)
	if len(errs) > 0 || len(exs[0].Claims) == 0 {
		t.Fatalf("document %s has no claim to edit away (errors %v)", last.ID, errs)
	}
	last.Text = dropParagraph(last.Text, exs[0].Claims[0].Sources[0].Start)
	load(t, p, edited)
	after := factsByDocument(t, s)

	for _, d := range docs[:len(docs)-1] {
		if diff := cmp.Diff(before[d.ID], after[d.ID]); diff != "" {
			t.Errorf("facts of untouched document %s changed (-before +after):\n%s", d.ID, diff)
		}
	}
	if cmp.Equal(before[last.ID], after[last.ID]) {
		t.Errorf("facts of edited document %s did not change (%d facts)", last.ID, len(after[last.ID]))
	}
}

// factsByDocument lists, per document, the ids of the facts it supports.
func factsByDocument(t *testing.T, s *neo4jstore.Store) map[string][]string {
	t.Helper()
	m, err := s.FactsByDocument(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, ids := range m {
		sort.Strings(ids)
	}
	return m
}

// dropParagraph removes the blank-line-separated paragraph containing off.
func dropParagraph(text string, off int) string {
	start := strings.LastIndex(text[:off], "\n\n")
	if start < 0 {
		start = 0
	}
	end := strings.Index(text[off:], "\n\n")
	if end < 0 {
		return text[:start]
	}
	return text[:start] + text[off+end:]
}

func TestExtractReportsBadDocumentsAndGoesOn(t *testing.T) {
	docs := corpus(t)
	bad := kg.Document{ID: "empty", Text: "   "}
	exs, _, errs := pipeline.Extract(append(docs, bad), lexicon.Must(), nil, 2)
	if len(exs) != len(docs) || len(errs) != 1 {
		t.Fatalf("got %d extractions and %d errors, want %d and 1", len(exs), len(errs), len(docs))
	}
}

func BenchmarkLoad(b *testing.B) {
	if os.Getenv("NEO4J_TEST_URI") == "" && !dbtest.Required() {
		b.Skip("needs the test Neo4j: run via make bench with NEO4J_TEST_URI set")
	}
	s := dbtest.Store(b)
	p := pipeline.New(s, lexicon.Must())
	docs := generated(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		if _, errs := p.Load(context.Background(), docs, true, nil); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

func generated(b *testing.B, n int) []kg.Document {
	b.Helper()
	dir := b.TempDir()
	path := filepath.Join(dir, "gen.jsonl")
	if err := os.WriteFile(path, []byte(corpusgen.JSONL(n, 1)), 0o644); err != nil {
		b.Fatal(err)
	}
	docs, errs := input.Read(context.Background(), []string{path}, nil)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	return docs
}
