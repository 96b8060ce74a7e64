package pipeline

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/factgraph/factgraph/kg"
)

// reader reads a load's input in the background and hands it out in
// segments, leaving out the documents the store holds from the same input.
type reader struct {
	docs     chan readDoc
	read     atomic.Int64  // documents read so far, left out or not
	finished chan struct{} // closed when src has returned
	errs     []error       // src's; read after finished
	mu       sync.Mutex    // guards skipped and reported
	skipped  []string      // documents left out
	reported int           // of skipped, those newlySkipped returned
}

type readDoc struct {
	doc    kg.Document
	reread bool // the store holds it (or may)
}

// segment is the source of one segment's documents, and which of them the
// store holds already, once the source has run.
type segment struct {
	src    Source
	reread []string
}

func readInput(ctx context.Context, src Source, sk *skipper) *reader {
	r := &reader{docs: make(chan readDoc), finished: make(chan struct{})}
	go func() {
		defer close(r.finished)
		defer close(r.docs)
		r.errs = src(ctx, func(d kg.Document) {
			r.read.Add(1)
			r.mu.Lock()
			leave, reread := sk.skip(&d)
			if leave {
				r.skipped = append(r.skipped, d.ID)
			}
			r.mu.Unlock()
			if leave {
				return
			}
			select {
			case r.docs <- readDoc{doc: d, reread: reread}:
			case <-ctx.Done():
			}
		})
	}()
	return r
}

// count is the number of documents read so far.
func (r *reader) count() int { return int(r.read.Load()) }

// wait waits for src to return; cancel ctx first to stop it early.
func (r *reader) wait() {
	for range r.docs {
	}
	<-r.finished
}

// newlySkipped returns the documents left out since the last call.
func (r *reader) newlySkipped() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.skipped[r.reported:]
	r.reported = len(r.skipped)
	return out
}

// next returns the next segment of at most n documents, nil when the input
// is done (or ctx is).
func (r *reader) next(ctx context.Context, n int) *segment {
	var first readDoc
	select {
	case d, ok := <-r.docs:
		if !ok {
			return nil
		}
		first = d
	case <-ctx.Done():
		return nil
	}
	seg := &segment{}
	seg.src = func(ctx context.Context, emit func(kg.Document)) []error {
		d := first
		for i := 1; ; i++ {
			if d.reread {
				seg.reread = append(seg.reread, d.doc.ID)
			}
			emit(d.doc)
			if i == n {
				return nil
			}
			var ok bool
			select {
			case d, ok = <-r.docs:
				if !ok {
					return nil
				}
			case <-ctx.Done():
				return nil
			}
		}
	}
	return seg
}

// KnownByID is a Store that reads some of its entities by id, as
// KnownEntities reads all of them; those not stored are left out.
type KnownByID interface {
	KnownEntitiesByID(ctx context.Context, ids []string) ([]kg.Entity, error)
}

// knownSet is the stored entities a load resolves each segment against,
// kept up to date as segments are written.
type knownSet struct {
	store Store
	m     map[string]kg.Entity
}

func newKnownSet(store Store, known []kg.Entity) *knownSet {
	k := &knownSet{store: store}
	k.set(known)
	return k
}

func (k *knownSet) set(known []kg.Entity) {
	k.m = make(map[string]kg.Entity, len(known))
	for _, e := range known {
		k.m[e.ID] = e
	}
}

// after waits for the segment being written (none when w is nil), reads
// again the stored entities it touched and returns the known entities in
// id order. A segment that replaced stored documents may have removed
// entities it does not mention: then every entity is read again.
func (k *knownSet) after(ctx context.Context, w *writing) ([]kg.Entity, error) {
	if w != nil {
		<-w.done
		if w.err != nil {
			return nil, w.err
		}
		byID, ok := k.store.(KnownByID)
		if w.replaced || !ok {
			all, err := k.store.KnownEntities(ctx)
			if err != nil {
				return nil, err
			}
			k.set(all)
		} else {
			got, err := byID.KnownEntitiesByID(ctx, w.ids)
			if err != nil {
				return nil, err
			}
			for _, id := range w.ids {
				delete(k.m, id)
			}
			for _, e := range got {
				k.m[e.ID] = e
			}
		}
	}
	return slices.SortedFunc(maps.Values(k.m), func(a, b kg.Entity) int { return strings.Compare(a.ID, b.ID) }), nil
}
