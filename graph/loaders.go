package graph

import (
	"context"
	"maps"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/factgraph/factgraph/kg"
)

// loaderWait is how long a loader gathers keys before fetching: long enough
// for the sibling fields that gqlgen resolves concurrently to ask.
const loaderWait = 500 * time.Microsecond

// Loaders batch the relationship fields of one operation: each fetch is one
// store call with a mapped result, so values cannot come back out of key
// order, and reads only the fields the operation selects (Fields). Each
// loader is made on its first use: an operation uses few of them, if any,
// and making all eight for every request cost about fifty allocations.
type Loaders struct {
	Fields kg.Fields
	store  Store

	entity        lazyLoader[kg.Entity]
	merges        lazyLoader[[]kg.Merge]
	document      lazyLoader[kg.Document]
	roles         lazyLoader[[]kg.Role]
	participation lazyLoader[[]kg.Participation]
	claimsBy      lazyLoader[[]kg.Claim]
	claimsAbout   lazyLoader[[]kg.Claim]
	contribution  lazyLoader[kg.Contribution]

	// The entities and documents that reads brought along (see prime):
	// looked up here first, in a map, so a list of a thousand facts does
	// not take a thousand trips through the loader's batching; the loaders
	// fetch only what is not here.
	mu        sync.RWMutex
	entities  map[string]kg.Entity
	documents map[string]kg.Document
}

// fetcher is a loader's batch read by key.
type fetcher[V any] func(context.Context, []string) (map[string]V, error)

// lazyLoader is a loader made on first use (safely from the concurrent
// resolvers of one operation).
type lazyLoader[V any] struct {
	once sync.Once
	l    *dataloadgen.Loader[string, V]
}

// get returns the loader, making it over fetch(l) the first time.
func (z *lazyLoader[V]) get(l *Loaders, fetch func(*Loaders) fetcher[V]) *dataloadgen.Loader[string, V] {
	z.once.Do(func() { z.l = dataloadgen.NewMappedLoader(fetch(l), dataloadgen.WithWait(loaderWait)) })
	return z.l
}

// Entity loads entities by id.
func (l *Loaders) Entity() *dataloadgen.Loader[string, kg.Entity] {
	return l.entity.get(l, func(l *Loaders) fetcher[kg.Entity] { return with(l.Fields, l.store.EntitiesByID) })
}

// Merges loads an entity's merges.
func (l *Loaders) Merges() *dataloadgen.Loader[string, []kg.Merge] {
	return l.merges.get(l, func(l *Loaders) fetcher[[]kg.Merge] { return orEmpty(l.store.MergesOf) })
}

// Document loads documents by id.
func (l *Loaders) Document() *dataloadgen.Loader[string, kg.Document] {
	return l.document.get(l, func(l *Loaders) fetcher[kg.Document] { return with(l.Fields, l.store.DocumentsByID) })
}

// Roles loads an entity's roles.
func (l *Loaders) Roles() *dataloadgen.Loader[string, []kg.Role] {
	return l.roles.get(l, func(l *Loaders) fetcher[[]kg.Role] { return orEmpty(with(l.Fields, l.store.RolesOf)) })
}

// Participation loads an entity's events.
func (l *Loaders) Participation() *dataloadgen.Loader[string, []kg.Participation] {
	return l.participation.get(l, func(l *Loaders) fetcher[[]kg.Participation] {
		return orEmpty(with(l.Fields, l.store.ParticipationsOf))
	})
}

// ClaimsBy loads the claims an entity made.
func (l *Loaders) ClaimsBy() *dataloadgen.Loader[string, []kg.Claim] {
	return l.claimsBy.get(l, func(l *Loaders) fetcher[[]kg.Claim] { return orEmpty(with(l.Fields, l.store.ClaimsBy)) })
}

// ClaimsAbout loads the claims about an entity.
func (l *Loaders) ClaimsAbout() *dataloadgen.Loader[string, []kg.Claim] {
	return l.claimsAbout.get(l, func(l *Loaders) fetcher[[]kg.Claim] { return orEmpty(with(l.Fields, l.store.ClaimsAbout)) })
}

// Contribution loads a document's contribution.
func (l *Loaders) Contribution() *dataloadgen.Loader[string, kg.Contribution] {
	return l.contribution.get(l, func(l *Loaders) fetcher[kg.Contribution] { return with(l.Fields, l.store.Contributions) })
}

// PrimeEntity records an entity that a read brought along.
func (l *Loaders) PrimeEntity(e kg.Entity) {
	l.mu.Lock()
	if l.entities == nil {
		l.entities = map[string]kg.Entity{}
	}
	l.entities[e.ID] = e
	l.mu.Unlock()
}

// PrimeRelated records the entities and documents a read brought along.
// The first read of a request hands its maps over whole, no copy made:
// the caller must not use rel after.
func (l *Loaders) PrimeRelated(rel kg.Related) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.entities == nil {
		l.entities = rel.Entities
	} else {
		maps.Copy(l.entities, rel.Entities)
	}
	if l.documents == nil {
		l.documents = rel.Documents
	} else {
		maps.Copy(l.documents, rel.Documents)
	}
}

// LoadEntity returns the entity with id: primed, or through the loader.
func (l *Loaders) LoadEntity(ctx context.Context, id string) (kg.Entity, error) {
	l.mu.RLock()
	e, ok := l.entities[id]
	l.mu.RUnlock()
	if ok {
		return e, nil
	}
	return l.Entity().Load(ctx, id)
}

// LoadEntities returns the entities with ids, in order: primed, or those
// that are not through the loader, in one batch.
func (l *Loaders) LoadEntities(ctx context.Context, ids []string) ([]kg.Entity, error) {
	out := make([]kg.Entity, len(ids))
	if err := l.eachEntity(ctx, ids, func(i int, e kg.Entity) { out[i] = e }); err != nil {
		return nil, err
	}
	return out, nil
}

// eachEntity calls set(i, e) with the entity e of each ids[i]: primed, or
// through the loader, in one batch, for those that are not. It fails
// without calling set for the unprimed ones when the batch fails.
func (l *Loaders) eachEntity(ctx context.Context, ids []string, set func(i int, e kg.Entity)) error {
	var missing []int
	l.mu.RLock()
	for i, id := range ids {
		if e, ok := l.entities[id]; ok {
			set(i, e)
		} else {
			missing = append(missing, i)
		}
	}
	l.mu.RUnlock()
	if len(missing) == 0 {
		return nil
	}
	keys := make([]string, len(missing))
	for j, i := range missing {
		keys[j] = ids[i]
	}
	es, err := l.Entity().LoadAll(ctx, keys)
	if err != nil {
		return err
	}
	for j, i := range missing {
		set(i, es[j])
	}
	return nil
}

// LoadDocument returns the document with id: primed, or through the
// loader.
func (l *Loaders) LoadDocument(ctx context.Context, id string) (kg.Document, error) {
	l.mu.RLock()
	d, ok := l.documents[id]
	l.mu.RUnlock()
	if ok {
		return d, nil
	}
	return l.Document().Load(ctx, id)
}

// NewLoaders returns fresh loaders over s for one operation that selects
// fields f (nil: every field).
func NewLoaders(s Store, f kg.Fields) *Loaders { return &Loaders{Fields: f, store: s} }

// with binds a batch read to the operation's fields.
func with[T any](f kg.Fields, read func(context.Context, []string, kg.Fields) (map[string]T, error)) fetcher[T] {
	return func(ctx context.Context, keys []string) (map[string]T, error) { return read(ctx, keys, f) }
}

// orEmpty makes list fetches answer every key: an entity with no roles has
// an empty list, not a "not found" error.
func orEmpty[T any](f fetcher[[]T]) fetcher[[]T] {
	return func(ctx context.Context, keys []string) (map[string][]T, error) {
		m, err := f(ctx, keys)
		if err != nil {
			return nil, err
		}
		if m == nil {
			m = map[string][]T{}
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				m[k] = []T{}
			}
		}
		return m, nil
	}
}

type loadersKey struct{}

// WithLoaders returns ctx carrying l.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loaders returns the operation's loaders.
func loaders(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}
