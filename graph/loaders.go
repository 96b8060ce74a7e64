package graph

import (
	"context"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/factgraph/factgraph/kg"
)

// loaderWait is how long a loader gathers keys before fetching: long enough
// for the sibling fields that gqlgen resolves concurrently to ask.
const loaderWait = 500 * time.Microsecond

// Loaders batch the relationship fields of one operation: each fetch is one
// store call with a mapped result, so values cannot come back out of key
// order, and reads only the fields the operation selects (Fields).
type Loaders struct {
	Fields        kg.Fields
	Entity        *dataloadgen.Loader[string, kg.Entity]
	Merges        *dataloadgen.Loader[string, []kg.Merge]
	Document      *dataloadgen.Loader[string, kg.Document]
	Roles         *dataloadgen.Loader[string, []kg.Role]
	Participation *dataloadgen.Loader[string, []kg.Participation]
	ClaimsBy      *dataloadgen.Loader[string, []kg.Claim]
	ClaimsAbout   *dataloadgen.Loader[string, []kg.Claim]
	Contribution  *dataloadgen.Loader[string, kg.Contribution]
}

// NewLoaders returns fresh loaders over s for one operation that selects
// fields f (nil: every field).
func NewLoaders(s Store, f kg.Fields) *Loaders {
	w := dataloadgen.WithWait(loaderWait)
	return &Loaders{
		Fields:        f,
		Entity:        dataloadgen.NewMappedLoader(with(f, s.EntitiesByID), w),
		Merges:        dataloadgen.NewMappedLoader(orEmpty(s.MergesOf), w),
		Document:      dataloadgen.NewMappedLoader(with(f, s.DocumentsByID), w),
		Roles:         dataloadgen.NewMappedLoader(orEmpty(with(f, s.RolesOf)), w),
		Participation: dataloadgen.NewMappedLoader(orEmpty(with(f, s.ParticipationsOf)), w),
		ClaimsBy:      dataloadgen.NewMappedLoader(orEmpty(with(f, s.ClaimsBy)), w),
		ClaimsAbout:   dataloadgen.NewMappedLoader(orEmpty(with(f, s.ClaimsAbout)), w),
		Contribution:  dataloadgen.NewMappedLoader(with(f, s.Contributions), w),
	}
}

// with binds a batch read to the operation's fields.
func with[T any](f kg.Fields, read func(context.Context, []string, kg.Fields) (map[string]T, error)) func(context.Context, []string) (map[string]T, error) {
	return func(ctx context.Context, keys []string) (map[string]T, error) { return read(ctx, keys, f) }
}

// orEmpty makes list fetches answer every key: an entity with no roles has
// an empty list, not a "not found" error.
func orEmpty[T any](f func(context.Context, []string) (map[string][]T, error)) func(context.Context, []string) (map[string][]T, error) {
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
