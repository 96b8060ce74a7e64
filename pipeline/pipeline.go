package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/resolve"
)

// Store is what the pipeline needs from the database.
type Store interface {
	SaveBatch(ctx context.Context, exs []kg.Extraction, force bool) (kg.BatchResult, error)
	SaveExtraction(ctx context.Context, ex kg.Extraction, force bool) (kg.SaveResult, error)
	KnownEntities(ctx context.Context) ([]kg.Entity, error)
}

// Pipeline loads documents into a store.
type Pipeline struct {
	Lex       *lexicon.Lexicon
	Store     Store
	Workers   int // extraction workers; 0 means GOMAXPROCS
	Writers   int // batches written at once, each in its own transaction; 0 means DefaultWriters
	BatchSize int // documents per transaction; 0 means DefaultBatchSize
	// SegmentSize is the number of documents resolved together (see
	// LoadFrom); 0 means segments that grow with the load (segmentSize).
	SegmentSize int
	TempDir     string // where extractions wait between the two passes; "" means os.TempDir
}

// DefaultWriters is the number of batches written at once. One writer keeps
// the transactions of a loader from waiting on each other's entity locks;
// batching, not concurrency, amortizes the commit's fsync.
const DefaultWriters = 1

// DefaultBatchSize is the number of documents written per transaction.
const DefaultBatchSize = 200

// New returns a pipeline over a store with the given lexicon.
func New(store Store, lex *lexicon.Lexicon) *Pipeline { return &Pipeline{Lex: lex, Store: store} }

// Extract runs extraction over docs in parallel, then resolves entities
// across all of them (and the known entities, which may be nil). It returns
// the resolved extractions of the documents that succeeded, in input order,
// the whole graph, and one error per failed document.
func Extract(docs []kg.Document, lex *lexicon.Lexicon, known []kg.Entity, workers int) ([]kg.Extraction, kg.Graph, []error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	exs := make([]kg.Extraction, len(docs))
	errs := make([]error, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				exs[i], errs[i] = extract.Document(docs[i], lex)
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	var ok []kg.Extraction
	var failed []error
	for i := range docs {
		if errs[i] != nil {
			failed = append(failed, errs[i])
			continue
		}
		ok = append(ok, exs[i])
	}
	resolved, g := resolve.Corpus(ok, lex, known)
	return resolved, g, failed
}

// Progress is told about each batch as it is saved (or fails): done of total
// documents are through. The input is read as the load goes, so total is
// the documents read so far; it reaches the input's size near the end.
type Progress func(done, total int, res kg.BatchResult, err error)

// Summary counts what a load did.
type Summary struct {
	Documents int // documents read
	Saved     int // written
	Unchanged int // already stored as extracted
	Skipped   int // of the unchanged: stored from the same input, so not extracted again
	Failed    int
	Nodes     int // nodes created
	Rels      int // relationships created
	Deleted   int // nodes and relationships removed (replaced facts)
	// Extract and Write are the time spent extracting (and resolving) and
	// writing; they overlap (a segment is extracted while the one before
	// it is written), so they add up to more than the load took.
	Extract time.Duration
	Write   time.Duration
	// Stopped is why the load stopped before the end, if it did: the
	// database went away (kg.ErrUnavailable) or ctx was cancelled. What was
	// committed before stays; a rerun carries on from there.
	Stopped error
}

// Load extracts, resolves and saves docs; see LoadFrom.
func (p *Pipeline) Load(ctx context.Context, docs []kg.Document, force bool, progress Progress) (Summary, []error) {
	return p.LoadFrom(ctx, Docs(docs), force, progress)
}

// LoadFrom reads documents from src, extracts them, resolves their entities
// and saves them in batches of BatchSize documents, one transaction per
// batch. The input goes through in segments of SegmentSize documents: a
// segment is extracted while the one before it is written, and its
// entities are resolved against everything stored before it, so a load
// gives the graph that loading its segments one after another gives.
// Memory holds a segment's entity names, the stored entities' names and one
// batch, not the corpus: extractions wait on disk between extraction and
// writing. force rewrites documents whose extraction is unchanged. The
// returned errors name the failing documents; the others are loaded
// regardless. When Neo4j goes away or ctx is done the load stops at once
// and says so in Summary.Stopped (also among the errors).
func (p *Pipeline) LoadFrom(ctx context.Context, src Source, force bool, progress Progress) (sum Summary, errs []error) {
	known, err := p.Store.KnownEntities(ctx)
	if err != nil {
		err = fmt.Errorf("read known entities: %w", err)
		sum.Stopped = err
		return sum, []error{err}
	}
	sk, err := p.newSkipper(ctx, force)
	if err != nil {
		sum.Stopped = err
		return sum, []error{err}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	rd := readInput(ctx, src, sk)
	w := &writer{p: p, force: force, progress: progress, sum: &sum, total: rd.count}
	kn := newKnownSet(p.Store, known)
	var prev *writing // the segment being written
	stopped := func(err error) error {
		if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
			return cause // the writer stopped: Neo4j went away
		}
		return err
	}
	segmented := 0 // documents in the segments so far
	for seg := rd.next(ctx, p.segmentSize(segmented)); seg != nil; seg = rd.next(ctx, p.segmentSize(segmented)) {
		t0 := time.Now()
		var waited time.Duration // for the segment before to be written
		x, err := extractFrom(ctx, seg.src, p.Lex, p.Workers, p.TempDir, pass{
			seed: func() ([]kg.Entity, error) {
				t := time.Now()
				defer func() { waited = time.Since(t) }()
				return kn.after(ctx, prev)
			},
			unvote: func(t *resolve.Table) error { return sk.unvote(ctx, t, seg.reread) },
		})
		w.add(func() { sum.Extract += time.Since(t0) - waited })
		if err != nil {
			sum.Stopped = stopped(err)
			break
		}
		segmented += x.Len() + len(x.DocErrs)
		w.counted(x.Len()+len(x.DocErrs), len(x.DocErrs), nil, errors.Join(x.DocErrs...))
		errs = append(errs, x.DocErrs...)
		w.counted(0, 0, rd.newlySkipped(), nil)
		prev = w.start(ctx, x, len(seg.reread) > 0, cancel)
	}
	if prev != nil {
		<-prev.done
		if prev.err != nil && sum.Stopped == nil {
			sum.Stopped = prev.err
		}
	}
	cancel(nil)
	rd.wait()
	var readErrs []error
	for _, err := range rd.errs {
		if sum.Stopped == nil || !errors.Is(err, context.Canceled) {
			readErrs = append(readErrs, err) // not the reading the stop cut short
		}
	}
	w.counted(len(readErrs), len(readErrs), nil, errors.Join(readErrs...))
	errs = append(errs, readErrs...)
	if sum.Stopped == nil {
		w.counted(0, 0, rd.newlySkipped(), nil)
		if len(sk.moved) > 0 {
			if err := sk.store.SetFiles(context.WithoutCancel(ctx), sk.moved); err != nil {
				sum.Stopped = err
			}
		}
	}
	sum.Skipped = len(sk.skipped)
	errs = append(errs, w.errs...)
	if sum.Stopped != nil {
		if errors.Is(sum.Stopped, context.Canceled) {
			sum.Stopped = fmt.Errorf("load interrupted: %w", sum.Stopped)
		}
		errs = append(errs, sum.Stopped)
	}
	return sum, errs
}

// Segments start at MinSegmentSize documents, so that writing starts
// early, and grow to half the documents before them, up to MaxSegmentSize:
// between two segments the writer waits while the next one is resolved
// against everything stored, which costs more as the store grows, so there
// are few such pauses in a long load (about ten for 10,000 documents).
// Half, not more: the next segment is extracted while this one is
// written, and must be ready when it is.
const (
	MinSegmentSize = 200
	MaxSegmentSize = 5000
)

// segmentSize is the size of the segment after done documents.
func (p *Pipeline) segmentSize(done int) int {
	if p.SegmentSize > 0 {
		return p.SegmentSize
	}
	return min(max(MinSegmentSize, done/2), MaxSegmentSize)
}

// Ingest loads one document and returns what was extracted from it, with
// entities resolved against those already stored.
func (p *Pipeline) Ingest(ctx context.Context, doc kg.Document) (kg.Extraction, error) {
	known, err := p.Store.KnownEntities(ctx)
	if err != nil {
		return kg.Extraction{}, fmt.Errorf("ingest %s: read known entities: %w", doc.ID, err)
	}
	doc.InputHash = InputHash(doc, extract.Fingerprint(p.Lex))
	exs, _, errs := Extract([]kg.Document{doc}, p.Lex, known, 1)
	if len(errs) > 0 {
		return kg.Extraction{}, errs[0]
	}
	if _, err := p.Store.SaveExtraction(ctx, exs[0], true); err != nil {
		return kg.Extraction{}, err
	}
	return exs[0], nil
}

// InputHashes is a Store that remembers the input each of its documents
// was extracted from (kg.Document.InputHash) and the file it was read from,
// by document id, can record a document read from another file, and
// counts the entities its documents mention (kg.Entity.Votes).
type InputHashes interface {
	InputHashes(ctx context.Context) (map[string]kg.StoredInput, error)
	SetFiles(ctx context.Context, files map[string]string) error
	MentionCounts(ctx context.Context, ids []string) (map[string]int, error)
}

// InputHash is the digest of what doc is extracted from: its id, text,
// metadata and the digest of its raw file (markup, line ends: what the
// stored sha256 records), not the file's path, with fingerprint, the
// extractor's (extract.Fingerprint).
func InputHash(doc kg.Document, fingerprint string) string {
	h := sha256.New()
	for _, s := range []string{fingerprint, doc.ID, doc.Title, doc.Publisher, doc.URL, doc.PublishedAt, doc.SHA256, doc.Text} {
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// skipper decides, for each document LoadFrom reads, whether the store
// already holds it from the same input (then it is not extracted again),
// and keeps what the load needs to know of those decisions.
type skipper struct {
	store   InputHashes // nil: the store remembers no input
	stored  map[string]kg.StoredInput
	fp      string
	moved   map[string]string // left out, read from another file than last time: id -> file
	skipped []string          // left out
}

// newSkipper reads the stored input hashes, unless force is set: then
// every document is read.
func (p *Pipeline) newSkipper(ctx context.Context, force bool) (*skipper, error) {
	sk := &skipper{fp: extract.Fingerprint(p.Lex), moved: map[string]string{}}
	sk.store, _ = p.Store.(InputHashes)
	if sk.store != nil && !force {
		var err error
		if sk.stored, err = sk.store.InputHashes(ctx); err != nil {
			return nil, fmt.Errorf("read stored documents' input hashes: %w", err)
		}
	}
	return sk, nil
}

// skip gives d its input hash and reports whether to leave it out, and
// whether the store holds it (or may: a forced load does not ask), so that
// reading it again replaces it.
func (sk *skipper) skip(d *kg.Document) (leave, reread bool) {
	d.InputHash = InputHash(*d, sk.fp)
	st, ok := sk.stored[d.ID]
	if !ok || st.Hash != d.InputHash {
		return false, ok || sk.stored == nil
	}
	if st.File != d.File {
		sk.moved[d.ID] = d.File
	}
	sk.skipped = append(sk.skipped, d.ID)
	return true, false
}

// unvote takes off the entity table the stored votes of the documents
// reread: they vote for their entities' kinds themselves.
func (sk *skipper) unvote(ctx context.Context, t *resolve.Table, reread []string) error {
	if sk.store == nil || len(reread) == 0 {
		return nil
	}
	counts, err := sk.store.MentionCounts(ctx, reread)
	if err != nil {
		return fmt.Errorf("read stored documents' mentions: %w", err)
	}
	t.Unvote(counts)
	return nil
}
