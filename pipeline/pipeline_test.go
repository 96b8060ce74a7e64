package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/corpusgen/gentest"
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

// TestLoadingMoreDocumentsKeepsEarlierOnes loads a generated corpus, then a
// larger input that contains it, as a desk adds a day's articles to what it
// loaded before. The later documents bring new names for entities the
// earlier ones mention; the earlier documents' own facts and names do not
// change, so they must be found unchanged, not rewritten (even though the
// input moved to another folder), and the graph must equal one load of the
// larger input.
func TestLoadingMoreDocumentsKeepsEarlierOnes(t *testing.T) {
	s := dbtest.Store(t)
	docs, path := gentest.Docs(t, 160, 3)
	load(t, pipeline.New(s, lexicon.Must()), docs)
	want := graphShape(t, s)
	if err := s.Wipe(context.Background()); err != nil {
		t.Fatal(err)
	}
	load(t, pipeline.New(s, lexicon.Must()), docs[:40])
	// The larger input is read from another folder: a document's file is
	// where it was last read from, not a change of its content.
	moved := filepath.Join(t.TempDir(), "moved.jsonl")
	if err := os.Rename(path, moved); err != nil {
		t.Fatal(err)
	}
	docs, errs := input.Read(context.Background(), []string{moved}, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	sum := load(t, pipeline.New(s, lexicon.Must()), docs)
	if sum.Unchanged != 40 || sum.Skipped != 40 || sum.Saved != len(docs)-40 {
		t.Errorf("second load: %d unchanged (%d not read again), %d written; want the 40 loaded before unchanged and not read again, and %d written",
			sum.Unchanged, sum.Skipped, sum.Saved, len(docs)-40)
	}
	files := dbtest.Query(t, `MATCH (d:Document) RETURN DISTINCT d.file AS file`, nil)
	if len(files) != 1 || files[0]["file"] != moved {
		t.Errorf("documents' files after the second load: %v, want only %s", files, moved)
	}
	if d := cmp.Diff(want, graphShape(t, s)); d != "" {
		t.Errorf("graph after two loads differs from one load of the larger input (-one +two):\n%s", d)
	}
}

// TestStoredEntityKeepsItsIDWhenALaterDocumentNamesItLonger loads a
// document naming a company, then another naming it with its legal form.
// One load of both would make one entity under the longer name; loading
// them one after the other must make one entity too, and it must keep the
// id clients already hold.
func TestStoredEntityKeepsItsIDWhenALaterDocumentNamesItLonger(t *testing.T) {
	s := dbtest.Store(t)
	a := kg.Document{ID: "a", Title: "A", Text: "Northwind Systems said on Monday it had hired Jane Roe as chief executive. Northwind Systems makes pumps.\n"}
	b := kg.Document{ID: "b", Title: "B", Text: "Northwind Systems Inc. sued the Department of Energy on Tuesday. Jane Roe, chief executive of Northwind Systems Inc., said the award was unfair.\n"}
	load(t, pipeline.New(s, lexicon.Must()), []kg.Document{a})
	before := dbtest.Query(t, `MATCH (e:Organization) WHERE e.name STARTS WITH 'Northwind' RETURN e.id AS id`, nil)
	if len(before) != 1 {
		t.Fatalf("after the first document: %d Northwind entities, want 1", len(before))
	}
	load(t, pipeline.New(s, lexicon.Must()), []kg.Document{b})
	after := dbtest.Query(t, `MATCH (e:Organization) WHERE e.name STARTS WITH 'Northwind'
		RETURN e.id AS id, e.aliases AS aliases, COUNT { (e)-[:MENTIONED_IN]->() } AS docs`, nil)
	if len(after) != 1 {
		t.Fatalf("after the second document: %v, want one Northwind entity", after)
	}
	if after[0]["id"] != before[0]["id"] || after[0]["docs"] != int64(2) {
		t.Errorf("after the second document: %v; want id %v mentioned in both documents", after[0], before[0]["id"])
	}
	if al := fmt.Sprint(after[0]["aliases"]); !strings.Contains(al, "Northwind Systems Inc.") {
		t.Errorf("aliases %s lack the longer name", al)
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
	docs, _ := gentest.Docs(b, 1000, 1)
	b.ResetTimer()
	for b.Loop() {
		if _, errs := p.Load(context.Background(), docs, true, nil); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestMergeProvenanceIsBounded checks that why entities were merged is kept
// as Merge nodes, one per entity and merged name, tied to the documents that
// support it: never as lists on entities or relationships. The API still
// reads it, and it goes with the last document that supports it.
func TestMergeProvenanceIsBounded(t *testing.T) {
	s := dbtest.Store(t)
	p := pipeline.New(s, lexicon.Must())
	docs := corpus(t)
	load(t, p, docs)
	if n := dbtest.Query(t, "MATCH (e:Entity) WHERE e.merges IS NOT NULL RETURN count(e) AS n", nil)[0]["n"]; n != int64(0) {
		t.Errorf("%d entities carry a merges list", n)
	}
	if n := dbtest.Query(t, "MATCH ()-[r]->() WHERE r.merges IS NOT NULL RETURN count(r) AS n", nil)[0]["n"]; n != int64(0) {
		t.Errorf("%d relationships carry a merges list", n)
	}
	dup := dbtest.Query(t, `MATCH (e:Entity)-[:MERGED]->(m:Merge) WITH e, m.name AS name, count(*) AS n WHERE n > 1 RETURN count(*) AS n`, nil)
	if dup[0]["n"] != int64(0) {
		t.Errorf("%d (entity, name) pairs have more than one Merge node", dup[0]["n"])
	}
	e, err := s.FindEntity(context.Background(), "Department of Defense", "")
	if err != nil {
		t.Fatal(err)
	}
	// An entity's projection leaves merges out; MergesOf reads them.
	merges, err := s.MergesOf(context.Background(), []string{e.ID})
	if err != nil {
		t.Fatal(err)
	}
	var pentagon *kg.Merge
	for i, m := range merges[e.ID] {
		if m.Name == "Pentagon" {
			pentagon = &merges[e.ID][i]
		}
	}
	if pentagon == nil || pentagon.Into != "Department of Defense" || pentagon.Where == "" {
		t.Fatalf("merges of %s = %+v, want Pentagon merged into it with its first document", e.Name, merges[e.ID])
	}
	for _, d := range docs {
		if err := s.DeleteDocument(context.Background(), d.ID); err != nil {
			t.Fatal(err)
		}
	}
	if n := dbtest.Query(t, "MATCH (n) RETURN count(n) AS n", nil)[0]["n"]; n != int64(0) {
		t.Errorf("%d nodes left after deleting every document", n)
	}
}

// TestBatchSizeDoesNotChangeTheGraph loads the same documents one per
// transaction and many per transaction: the graphs must be the same.
func TestBatchSizeDoesNotChangeTheGraph(t *testing.T) {
	s := dbtest.Store(t)
	docs, _ := gentest.Docs(t, 60, 3)
	docs = append(corpus(t), docs...)
	graph := func(batch int) (string, map[string][]string) {
		if err := s.Wipe(context.Background()); err != nil {
			t.Fatal(err)
		}
		p := pipeline.New(s, lexicon.Must())
		p.BatchSize = batch
		load(t, p, docs)
		n, r, _ := s.Counts(context.Background())
		return fmt.Sprintf("%d nodes, %d relationships", n, r), factsByDocument(t, s)
	}
	c1, f1 := graph(1)
	c2, f2 := graph(25)
	if c1 != c2 {
		t.Errorf("one document per transaction gives %s, 25 give %s", c1, c2)
	}
	if diff := cmp.Diff(f1, f2); diff != "" {
		t.Errorf("facts by document differ (-one +batched):\n%s", diff)
	}
}

// TestReloadInBatchesReplacesExactlyTheChangedDocuments reloads a corpus in
// which some documents changed, spread over several batches that mix
// changed and unchanged documents: only the changed ones are written, and
// the graph equals a clean load of the new corpus.
func TestReloadInBatchesReplacesExactlyTheChangedDocuments(t *testing.T) {
	s := dbtest.Store(t)
	p := pipeline.New(s, lexicon.Must())
	p.BatchSize = 3
	docs := corpus(t)
	load(t, p, docs)
	edited := append([]kg.Document(nil), docs...)
	for _, i := range []int{1, 3} {
		exs, _, _ := pipeline.Extract([]kg.Document{edited[i]}, lexicon.Must(), nil, 1)
		edited[i].Text = dropParagraph(edited[i].Text, exs[0].Claims[0].Sources[0].Start)
	}
	sum := load(t, p, edited)
	if sum.Saved != 2 || sum.Unchanged != len(docs)-2 {
		t.Errorf("reload wrote %d and skipped %d, want 2 and %d", sum.Saved, sum.Unchanged, len(docs)-2)
	}
	n1, r1, _ := s.Counts(context.Background())
	f1 := factsByDocument(t, s)
	if err := s.Wipe(context.Background()); err != nil {
		t.Fatal(err)
	}
	load(t, p, edited)
	n2, r2, _ := s.Counts(context.Background())
	if n1 != n2 || r1 != r2 {
		t.Errorf("reload gives %d/%d nodes/relationships, a clean load of the edited corpus %d/%d", n1, r1, n2, r2)
	}
	if diff := cmp.Diff(factsByDocument(t, s), f1); diff != "" {
		t.Errorf("facts by document differ (-clean +reloaded):\n%s", diff)
	}
}

// TestUnchangedInputIsNotExtractedAgain loads a generated corpus twice: the
// second load finds every document stored from the same input and extracts
// none. A changed text, a changed lexicon or --force make the loader read
// documents again, and only a changed extraction is rewritten.
func TestUnchangedInputIsNotExtractedAgain(t *testing.T) {
	s := dbtest.Store(t)
	docs, _ := gentest.Docs(t, 30, 7)
	p := pipeline.New(s, lexicon.Must())
	load(t, p, docs)
	want := graphShape(t, s)
	again := load(t, p, docs)
	if again.Skipped != len(docs) || again.Unchanged != len(docs) || again.Saved != 0 {
		t.Errorf("second load of the same input: %+v, want all %d unchanged and not read again", again, len(docs))
	}
	changed := append([]kg.Document(nil), docs...)
	changed[3].Text += "\n\nThe company said it would appeal."
	one := load(t, p, changed)
	if one.Skipped != len(docs)-1 || one.Saved != 1 {
		t.Errorf("load with one text changed: %+v, want %d not read again and 1 written", one, len(docs)-1)
	}
	load(t, p, docs) // back to the original text
	// Another lexicon is another extractor: every document is read again,
	// and none is rewritten, since this entry changes no extraction.
	lex, err := lexicon.Load(fstest.MapFS{"titles.txt": {Data: []byte("Grand Vizier\n")}})
	if err != nil {
		t.Fatal(err)
	}
	other := load(t, pipeline.New(s, lex), docs)
	if other.Skipped != 0 || other.Unchanged != len(docs) {
		t.Errorf("load with another lexicon: %+v, want every document read again and found unchanged", other)
	}
	forced, errs := pipeline.New(s, lex).Load(context.Background(), docs, true, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if forced.Skipped != 0 || forced.Saved != len(docs) {
		t.Errorf("forced load: %+v, want every document read and written", forced)
	}
	if d := cmp.Diff(want, graphShape(t, s)); d != "" {
		t.Errorf("graph after the reloads differs from the first load (-first +now):\n%s", d)
	}
}

func TestInputHash(t *testing.T) {
	doc := kg.Document{ID: "d1", File: "a/x.txt", Title: "T", PublishedAt: "2024-01-02", Text: "Some text."}
	h := pipeline.InputHash(doc, "fp")
	moved := doc
	moved.File = "b/x.txt"
	if pipeline.InputHash(moved, "fp") != h {
		t.Error("the file a document is read from changed its input hash")
	}
	for name, d := range map[string]kg.Document{
		"text":  {ID: "d1", File: "a/x.txt", Title: "T", PublishedAt: "2024-01-02", Text: "Some text!"},
		"title": {ID: "d1", File: "a/x.txt", Title: "U", PublishedAt: "2024-01-02", Text: "Some text."},
		"date":  {ID: "d1", File: "a/x.txt", Title: "T", PublishedAt: "2024-01-03", Text: "Some text."},
		"id":    {ID: "d2", File: "a/x.txt", Title: "T", PublishedAt: "2024-01-02", Text: "Some text."},
		// the same text from a file whose markup changed: its stored
		// sha256 must follow
		"raw file": {ID: "d1", File: "a/x.txt", Title: "T", PublishedAt: "2024-01-02", Text: "Some text.", SHA256: "ab12"},
	} {
		if pipeline.InputHash(d, "fp") == h {
			t.Errorf("a changed %s left the input hash as it was", name)
		}
	}
	if pipeline.InputHash(doc, "fp2") == h {
		t.Error("another extractor left the input hash as it was")
	}
	// the fields are delimited: moving a letter from one to the next changes the hash
	if pipeline.InputHash(kg.Document{ID: "d1", Title: "ab", Text: "c"}, "") == pipeline.InputHash(kg.Document{ID: "d1", Title: "a", Text: "bc"}, "") {
		t.Error("input hash does not delimit its fields")
	}
}

// TestStoredKindVotes checks what a load learns of the stored documents'
// votes: each known entity counts the documents that mention it, and the
// mentions of the documents a load reads again come off.
func TestStoredKindVotes(t *testing.T) {
	s := dbtest.Store(t)
	docs, _ := gentest.Docs(t, 20, 11)
	load(t, pipeline.New(s, lexicon.Must()), docs)
	known, err := s.KnownEntities(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, r := range dbtest.Query(t, `MATCH (e:Entity)-[:MENTIONED_IN]->(d:Document) RETURN e.id AS id, count(DISTINCT d) AS n`, nil) {
		want[r["id"].(string)] = int(r["n"].(int64))
	}
	for _, e := range known {
		if e.Votes != want[e.ID] {
			t.Errorf("%s: %d votes, want the %d documents that mention it", e.Name, e.Votes, want[e.ID])
		}
	}
	ids := []string{docs[0].ID, docs[1].ID, docs[2].ID}
	counts, err := s.MentionCounts(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range dbtest.Query(t, `UNWIND $ids AS id MATCH (:Document {id: id})<-[:MENTIONED_IN]-(e:Entity) RETURN e.id AS id, count(*) AS n`, map[string]any{"ids": ids}) {
		if got := counts[r["id"].(string)]; got != int(r["n"].(int64)) {
			t.Errorf("mention counts of %s in three documents: %d, want %d", r["id"], got, r["n"])
		}
	}
	if len(counts) == 0 {
		t.Error("three stored documents mention no entity")
	}
}

// TestSegmentsGiveTheGraphOfOneSegment loads the same documents in one
// segment and in small ones (each extracted while the one before it is
// written, and resolved against what is stored): the graphs must be the
// same, down to the entities' names, kinds and aliases. Then it reloads
// the input with some documents edited, in small segments, which reads
// the stored entities again after each segment that replaced documents.
func TestSegmentsGiveTheGraphOfOneSegment(t *testing.T) {
	s := dbtest.Store(t)
	gen, _ := gentest.Docs(t, 150, 5)
	// The bundled articles name the same people and bodies in different
	// ways ("Bezos", "Jeff Bezos"); spread out, each is in another segment.
	var docs []kg.Document
	for i, d := range corpus(t) {
		docs = append(append(docs, gen[20*i:20*i+20]...), d)
	}
	docs = append(docs, gen[80:]...)
	type entity struct{ ID, Name, Kind, Aliases string }
	graph := func(segment int, in []kg.Document) (shape, []entity) {
		p := pipeline.New(s, lexicon.Must())
		p.SegmentSize, p.BatchSize = segment, 10
		sum := load(t, p, in)
		if sum.Documents != len(in) || sum.Saved+sum.Unchanged != len(in) {
			t.Fatalf("segments of %d: %+v for %d documents", segment, sum, len(in))
		}
		var es []entity
		for _, r := range dbtest.Query(t, `MATCH (e:Entity) RETURN e.id AS id, e.name AS name, coalesce(e.kind, '') AS kind, e.aliases AS aliases ORDER BY id`, nil) {
			es = append(es, entity{fmt.Sprint(r["id"]), fmt.Sprint(r["name"]), fmt.Sprint(r["kind"]), fmt.Sprint(r["aliases"])})
		}
		return graphShape(t, s), es
	}
	wantShape, wantEnts := graph(1000, docs)
	if err := s.Wipe(context.Background()); err != nil {
		t.Fatal(err)
	}
	gotShape, gotEnts := graph(17, docs)
	if d := cmp.Diff(wantShape, gotShape); d != "" {
		t.Errorf("graph in segments of 17 differs from one segment (-one +17):\n%s", d)
	}
	if d := cmp.Diff(wantEnts, gotEnts); d != "" {
		t.Errorf("entities in segments of 17 differ from one segment (-one +17):\n%s", d)
	}

	edited := slices.Clone(docs)
	for i := 10; i < len(edited); i += 9 {
		edited[i].Title += " (updated)"
	}
	gotShape, gotEnts = graph(17, edited)
	if err := s.Wipe(context.Background()); err != nil {
		t.Fatal(err)
	}
	wantShape, wantEnts = graph(1000, edited)
	if d := cmp.Diff(wantShape, gotShape); d != "" {
		t.Errorf("reload in segments differs from a clean load (-clean +reload):\n%s", d)
	}
	if d := cmp.Diff(wantEnts, gotEnts); d != "" {
		t.Errorf("entities after a reload in segments differ from a clean load (-clean +reload):\n%s", d)
	}
}

// corrupting is a store that breaks one document's extraction before it
// is written (a role of an entity the document does not list), as a bug
// upstream of the store would.
type corrupting struct {
	*neo4jstore.Store
	bad string
}

func (c corrupting) fix(exs []kg.Extraction) []kg.Extraction {
	out := slices.Clone(exs)
	for i, ex := range out {
		if ex.Document.ID == c.bad {
			ex.Roles = append(slices.Clone(ex.Roles), kg.Role{ID: "role-x", Person: "nobody", Title: "chief"})
			out[i] = ex
		}
	}
	return out
}

func (c corrupting) SaveBatch(ctx context.Context, exs []kg.Extraction, force bool) (kg.BatchResult, error) {
	return c.Store.SaveBatch(ctx, c.fix(exs), force)
}

// TestUnusableExtractionFailsAlone: a batch with one extraction the store
// refuses is written document by document, so only that document fails,
// and its error names it.
func TestUnusableExtractionFailsAlone(t *testing.T) {
	s := dbtest.Store(t)
	docs := corpus(t)
	bad := docs[1].ID
	p := pipeline.New(corrupting{s, bad}, lexicon.Must())
	p.BatchSize = len(docs)
	sum, errs := p.Load(context.Background(), docs, false, nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), bad) || !errors.Is(errs[0], kg.ErrInvalid) {
		t.Fatalf("errors %v, want one naming %s", errs, bad)
	}
	if sum.Saved != len(docs)-1 || sum.Failed != 1 || sum.Stopped != nil {
		t.Errorf("summary %+v, want %d written and 1 failed", sum, len(docs)-1)
	}
	stored := dbtest.Query(t, `MATCH (d:Document) RETURN d.id AS id ORDER BY id`, nil)
	if len(stored) != len(docs)-1 {
		t.Errorf("%d documents stored, want %d", len(stored), len(docs)-1)
	}
	for _, r := range stored {
		if r["id"] == bad {
			t.Errorf("document %s stored", bad)
		}
	}
}
