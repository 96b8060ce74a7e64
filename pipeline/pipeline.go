package pipeline

import (
	"context"
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
	SaveExtraction(ctx context.Context, ex kg.Extraction, force bool) (kg.SaveResult, error)
	KnownEntities(ctx context.Context) ([]kg.Entity, error)
	EnsureEntities(ctx context.Context, ents []kg.Entity) error
	PruneEntities(ctx context.Context, ids []string) error
}

// Pipeline loads documents into a store.
type Pipeline struct {
	Lex     *lexicon.Lexicon
	Store   Store
	Workers int // extraction workers; 0 means GOMAXPROCS
	Writers int // concurrent document transactions; 0 means DefaultWriters
}

// DefaultWriters is the number of documents written at once. Commits wait on
// the transaction log's fsync; a few concurrent transactions share that wait.
const DefaultWriters = 2

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

// Progress is told about each document as it is saved (or fails).
type Progress func(done, total int, doc string, res kg.SaveResult, err error)

// Summary counts what a load did.
type Summary struct {
	Documents int // documents read
	Saved     int // written
	Unchanged int // already stored as extracted
	Failed    int
	Nodes     int // nodes created
	Rels      int // relationships created
	Deleted   int // nodes and relationships removed (replaced facts)
	Extract   time.Duration
	Write     time.Duration
}

// Load extracts, resolves and saves docs, one transaction per document.
// force rewrites documents whose extraction is unchanged. The returned errors
// name the failing documents; the others are loaded regardless.
func (p *Pipeline) Load(ctx context.Context, docs []kg.Document, force bool, progress Progress) (sum Summary, errs []error) {
	sum = Summary{Documents: len(docs)}
	known, err := p.Store.KnownEntities(ctx)
	if err != nil {
		return sum, []error{fmt.Errorf("read known entities: %w", err)}
	}
	t0 := time.Now()
	exs, _, errs := Extract(docs, p.Lex, known, p.Workers)
	sum.Extract = time.Since(t0)
	sum.Failed = len(errs)
	done := len(errs)
	if progress != nil {
		for _, e := range errs {
			progress(done, len(docs), "", kg.SaveResult{}, e)
		}
	}
	t1 := time.Now()
	writers := p.Writers
	if writers <= 0 {
		writers = DefaultWriters
	}
	// Concurrent documents must not race to create the same entity: create
	// them all first, and prune the ones a failed document leaves unmentioned.
	var all []kg.Entity
	var ids []string
	for _, ex := range exs {
		all = append(all, ex.Entities...)
		for _, e := range ex.Entities {
			ids = append(ids, e.ID)
		}
	}
	if writers > 1 {
		if err := p.Store.EnsureEntities(ctx, all); err != nil {
			return sum, append(errs, err)
		}
		defer func() {
			if err := p.Store.PruneEntities(context.WithoutCancel(ctx), ids); err != nil {
				errs = append(errs, err)
			}
		}()
	}
	var mu sync.Mutex // guards sum, errs, done and progress calls
	var wg sync.WaitGroup
	next := make(chan kg.Extraction)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ex := range next {
				res, err := p.Store.SaveExtraction(ctx, ex, force)
				mu.Lock()
				done++
				switch {
				case err != nil:
					sum.Failed++
					errs = append(errs, err)
				case res.Unchanged:
					sum.Unchanged++
				default:
					sum.Saved++
					sum.Nodes += res.Nodes
					sum.Rels += res.Rels
					sum.Deleted += res.Deleted
				}
				if progress != nil {
					progress(done, len(docs), ex.Document.ID, res, err)
				}
				mu.Unlock()
			}
		}()
	}
	for _, ex := range exs {
		if ctx.Err() != nil {
			break
		}
		next <- ex
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		errs = append(errs, fmt.Errorf("load interrupted: %w", err))
	}
	sum.Write = time.Since(t1)
	return sum, errs
}

// Ingest loads one document and returns what was extracted from it, with
// entities resolved against those already stored.
func (p *Pipeline) Ingest(ctx context.Context, doc kg.Document) (kg.Extraction, error) {
	known, err := p.Store.KnownEntities(ctx)
	if err != nil {
		return kg.Extraction{}, fmt.Errorf("ingest %s: read known entities: %w", doc.ID, err)
	}
	exs, _, errs := Extract([]kg.Document{doc}, p.Lex, known, 1)
	if len(errs) > 0 {
		return kg.Extraction{}, errs[0]
	}
	if _, err := p.Store.SaveExtraction(ctx, exs[0], true); err != nil {
		return kg.Extraction{}, err
	}
	return exs[0], nil
}
