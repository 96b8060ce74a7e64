package pipeline

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/resolve"
)

// Source produces documents one at a time: it calls emit for each, in order,
// stops early when ctx is done, and returns the errors of what it could not
// read (input.Each is one).
type Source func(ctx context.Context, emit func(kg.Document)) []error

// Docs is a Source over documents already in memory.
func Docs(docs []kg.Document) Source {
	return func(ctx context.Context, emit func(kg.Document)) []error {
		for _, d := range docs {
			if ctx.Err() != nil {
				return []error{fmt.Errorf("reading stopped: %w", ctx.Err())}
			}
			emit(d)
		}
		return nil
	}
}

// Extracted is the outcome of the extraction pass: the extractions of the
// documents that succeeded, waiting on disk in input order, and the entity
// table that resolves them.
type Extracted struct {
	Table   *resolve.Table
	DocErrs []error // documents that could not be read or extracted
	f       *os.File
}

// Len is the number of documents extracted.
func (x *Extracted) Len() int { return x.Table.Len() }

// Close removes the extractions from disk.
func (x *Extracted) Close() {
	name := x.f.Name()
	_ = x.f.Close()
	_ = os.Remove(name)
}

// Each calls fn with each extraction, resolved, in input order; it stops at
// the first error fn returns (or when ctx is done) and returns it.
func (x *Extracted) Each(ctx context.Context, fn func(ex kg.Extraction) error) error {
	if _, err := x.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("read back extractions: %w", err)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(x.f, 1<<20))
	for i := 0; i < x.Len(); i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var ex kg.Extraction
		if err := dec.Decode(&ex); err != nil {
			return fmt.Errorf("read back extraction %d: %w", i, err)
		}
		if err := fn(x.Table.Apply(i, ex)); err != nil {
			return err
		}
	}
	return nil
}

type extracted struct {
	i   int
	ex  kg.Extraction
	err error
}

// ExtractFrom reads src and extracts its documents with workers in
// parallel, writing each extraction (with its text) to a temporary file in
// dir and its entity names to a table, which it resolves at the end (with
// the known entities). Only the documents being extracted are in memory at
// any time. Documents that fail are in DocErrs; a read error of src goes
// there too. The error is for the pass itself (disk, or ctx done).
func ExtractFrom(ctx context.Context, src Source, lex *lexicon.Lexicon, known []kg.Entity, workers int, dir string) (*Extracted, error) {
	return extractFrom(ctx, src, lex, workers, dir, pass{known: known})
}

// pass says what an extraction pass resolves against.
type pass struct {
	known []kg.Entity // the entities the table starts from
	// seed, when set, gives the known entities once the documents are
	// extracted (known is not used): a segment of a load asks for them
	// only when the segment before it is written. The pass then keeps its
	// documents' entity names in memory until it has them.
	seed func() ([]kg.Entity, error)
	// unvote, when set, sees the table before it is resolved.
	unvote func(*resolve.Table) error
}

// extractFrom is ExtractFrom with the options of ps.
func extractFrom(ctx context.Context, src Source, lex *lexicon.Lexicon, workers int, dir string, ps pass) (*Extracted, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	f, err := os.CreateTemp(dir, "factgraph-extractions-*.gob")
	if err != nil {
		return nil, fmt.Errorf("extraction spill file: %w", err)
	}
	x := &Extracted{f: f}
	var heads []kg.Extraction // with seed: the entities, until the table is made
	if ps.seed == nil {
		x.Table = resolve.NewTable(lex, ps.known)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	enc := gob.NewEncoder(bw)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan extracted)
	out := make(chan extracted, workers)
	slots := make(chan struct{}, 4*workers) // documents between reading and spilling
	var readErrs []error
	go func() {
		defer close(in)
		n := 0
		readErrs = src(ctx, func(d kg.Document) {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case in <- extracted{i: n, ex: kg.Extraction{Document: d}}:
				n++
			case <-ctx.Done():
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				j.ex, j.err = extract.Document(j.ex.Document, lex)
				out <- j
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	var werr error
	pending := map[int]extracted{}
	next := 0
	for j := range out {
		pending[j.i] = j
		for r, ok := pending[next]; ok; r, ok = pending[next] {
			delete(pending, next)
			next++
			<-slots
			switch {
			case werr != nil:
			case r.err != nil:
				x.DocErrs = append(x.DocErrs, r.err)
			default:
				switch werr = enc.Encode(r.ex); {
				case werr != nil:
					cancel()
				case x.Table != nil:
					x.Table.Add(r.ex)
				default:
					heads = append(heads, kg.Extraction{Document: kg.Document{ID: r.ex.Document.ID}, Entities: r.ex.Entities})
				}
			}
		}
	}
	if werr == nil {
		werr = bw.Flush()
	}
	if werr == nil {
		werr = ctx.Err()
	}
	x.DocErrs = append(readErrs, x.DocErrs...)
	if werr != nil {
		x.Close()
		if errors.Is(werr, context.Canceled) {
			return nil, fmt.Errorf("extraction interrupted after %d documents: %w", next, werr)
		}
		return nil, fmt.Errorf("extraction spill file: %w", werr)
	}
	if ps.seed != nil {
		known, err := ps.seed()
		if err != nil {
			x.Close()
			return nil, err
		}
		x.Table = resolve.NewTable(lex, known)
		for _, h := range heads {
			x.Table.Add(h)
		}
	}
	if ps.unvote != nil {
		if err := ps.unvote(x.Table); err != nil {
			x.Close()
			return nil, err
		}
	}
	x.Table.Resolve()
	return x, nil
}
