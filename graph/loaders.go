package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
)

// loaderWait is how long a loader gathers keys before fetching: long enough
// for the sibling fields that gqlgen resolves concurrently to ask.
const loaderWait = 500 * time.Microsecond

// Loaders batch the relationship fields of one request: each fetch is one
// store call with a mapped result, so values cannot come back out of key
// order.
type Loaders struct {
	Entity        *dataloadgen.Loader[string, kg.Entity]
	Document      *dataloadgen.Loader[string, kg.Document]
	Roles         *dataloadgen.Loader[string, []kg.Role]
	Participation *dataloadgen.Loader[string, []model.Participation]
	ClaimsBy      *dataloadgen.Loader[string, []kg.Claim]
	ClaimsAbout   *dataloadgen.Loader[string, []kg.Claim]
	Contribution  *dataloadgen.Loader[string, model.Contribution]
}

// NewLoaders returns fresh loaders over s for one request.
func NewLoaders(s Store) *Loaders {
	w := dataloadgen.WithWait(loaderWait)
	return &Loaders{
		Entity:        dataloadgen.NewMappedLoader(s.EntitiesByID, w),
		Document:      dataloadgen.NewMappedLoader(s.DocumentsByID, w),
		Roles:         dataloadgen.NewMappedLoader(orEmpty(s.RolesOf), w),
		Participation: dataloadgen.NewMappedLoader(orEmpty(s.ParticipationsOf), w),
		ClaimsBy:      dataloadgen.NewMappedLoader(orEmpty(s.ClaimsBy), w),
		ClaimsAbout:   dataloadgen.NewMappedLoader(orEmpty(s.ClaimsAbout), w),
		Contribution:  dataloadgen.NewMappedLoader(s.Contributions, w),
	}
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

// loaders returns the request's loaders.
func loaders(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}

// loaderMiddleware gives each request its own loaders.
func loaderMiddleware(s Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(WithLoaders(r.Context(), NewLoaders(s))))
	})
}
