package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/factgraph/factgraph/kg"
)

// writer saves the extractions of an extraction pass in batches.
type writer struct {
	p        *Pipeline
	force    bool
	progress Progress
	mu       sync.Mutex // guards sum, errs, done and progress calls
	sum      *Summary
	errs     []error
	done     int
}

// run writes x's extractions in batches with p.Writers transactions at once.
// It stops at once when the database is unavailable or ctx is done.
func (w *writer) run(ctx context.Context, x *Extracted) []error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	size, writers := w.p.BatchSize, w.p.Writers
	if size <= 0 {
		size = DefaultBatchSize
	}
	if writers <= 0 {
		writers = DefaultWriters
	}
	total := x.Len() + w.done
	batches := make(chan []kg.Extraction)
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				if err := w.save(ctx, b, total); err != nil {
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
	if err != nil {
		if errors.Is(err, context.Canceled) {
			err = fmt.Errorf("load interrupted: %w", err)
		}
		w.sum.Stopped = err
		w.errs = append(w.errs, err)
	}
	return w.errs
}

// save writes one batch. A batch that fails for a reason other than the
// database or ctx is written again one document at a time, so that only the
// documents at fault fail. It returns an error only when the load must
// stop: the database is unavailable, or ctx is done.
func (w *writer) save(ctx context.Context, b []kg.Extraction, total int) error {
	res, err := w.p.Store.SaveBatch(ctx, b, w.force)
	if err != nil && !fatal(ctx, err) && len(b) > 1 {
		for _, ex := range b {
			if err := w.save(ctx, []kg.Extraction{ex}, total); err != nil {
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
		w.progress(w.done, total, res, err)
	}
	return nil
}

// fatal reports whether err stops the whole load rather than one document.
func fatal(ctx context.Context, err error) bool {
	return err != nil && (errors.Is(err, kg.ErrUnavailable) || ctx.Err() != nil)
}
