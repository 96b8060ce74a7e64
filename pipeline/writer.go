package pipeline

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/factgraph/factgraph/kg"
)

// writer saves the extractions of a load's segments in batches, one
// segment at a time, and keeps the load's summary.
type writer struct {
	p        *Pipeline
	force    bool
	progress Progress
	total    func() int // documents read so far
	mu       sync.Mutex // guards sum, errs, done and progress calls
	sum      *Summary
	errs     []error
	done     int
}

// writing is a segment being written.
type writing struct {
	done     chan struct{} // closed when the segment is written or the writer stopped
	err      error         // why the writer stopped; read after done
	ids      []string      // the entities the segment mentions
	replaced bool          // it replaces stored documents
}

// add runs f with the summary locked.
func (w *writer) add(f func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	f()
}

// counted adds documents read to the summary, with those of them that are
// through without being written: failed (err says why) and skipped ones.
func (w *writer) counted(read, failed int, skipped []string, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.sum.Documents += read + len(skipped)
	w.sum.Failed += failed
	w.sum.Unchanged += len(skipped)
	w.done += failed + len(skipped)
	if w.progress != nil && (failed > 0 || len(skipped) > 0) {
		w.progress(w.done, w.total(), kg.BatchResult{Unchanged: skipped}, err)
	}
}

// start writes the resolved segment x in the background and removes it
// from disk when done. When the writer has to stop (Neo4j went away) it
// cancels the load with the reason.
func (w *writer) start(ctx context.Context, x *Extracted, replaced bool, cancel context.CancelCauseFunc) *writing {
	wr := &writing{done: make(chan struct{}), ids: x.Table.EntityIDs(), replaced: replaced}
	go func() {
		defer close(wr.done)
		defer x.Close()
		t0 := time.Now()
		wr.err = w.run(ctx, x)
		w.add(func() { w.sum.Write += time.Since(t0) })
		if wr.err != nil {
			cancel(wr.err)
		}
	}()
	return wr
}

// run writes x's extractions in batches with p.Writers transactions at once.
// It stops at once when the database is unavailable or ctx is done, and
// says why.
func (w *writer) run(ctx context.Context, x *Extracted) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	size, writers := w.p.BatchSize, w.p.Writers
	if size <= 0 {
		size = DefaultBatchSize
	}
	if writers <= 0 {
		writers = DefaultWriters
	}
	batches := make(chan []kg.Extraction)
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				if err := w.save(ctx, b); err != nil {
					cancel(err)
				}
			}
		}()
	}
	var batch []kg.Extraction
	send := func() error {
		select {
		case batches <- batch:
			batch = nil
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
	err := x.Each(ctx, func(ex kg.Extraction) error {
		if batch = append(batch, ex); len(batch) >= size {
			return send()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = send()
	}
	close(batches)
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		err = cause // the database went away
	} else if err == nil {
		err = ctx.Err()
	}
	return err
}

// save writes one batch. A batch that fails for a reason other than the
// database or ctx is written again one document at a time, so that only the
// documents at fault fail. It returns an error only when the load must
// stop: the database is unavailable, or ctx is done.
func (w *writer) save(ctx context.Context, b []kg.Extraction) error {
	res, err := w.p.Store.SaveBatch(ctx, b, w.force)
	if err != nil && !fatal(ctx, err) && len(b) > 1 {
		for _, ex := range b {
			if err := w.save(ctx, []kg.Extraction{ex}); err != nil {
				return err
			}
		}
		return nil
	}
	if fatal(ctx, err) {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.done += len(b)
	if err != nil {
		w.sum.Failed += len(b)
		w.errs = append(w.errs, err)
	} else {
		w.sum.Saved += len(res.Saved)
		w.sum.Unchanged += len(res.Unchanged)
		w.sum.Nodes += res.Nodes
		w.sum.Rels += res.Rels
		w.sum.Deleted += res.Deleted
	}
	if w.progress != nil {
		w.progress(w.done, w.total(), res, err)
	}
	return nil
}

// fatal reports whether err stops the whole load rather than one document.
func fatal(ctx context.Context, err error) bool {
	return err != nil && (errors.Is(err, kg.ErrUnavailable) || ctx.Err() != nil)
}
