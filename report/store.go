package report

import (
	"context"

	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
)

// Store is the reads reports need. Entity references are an id, a name or
// an alias, resolved as the GraphQL API resolves them; kg.ErrNotFound and
// kg.ErrInvalid mean what they mean there.
type Store interface {
	FindEntity(ctx context.Context, ref string, typ kg.EntityType) (kg.Entity, error)
	EntitiesByID(ctx context.Context, ids []string) (map[string]kg.Entity, error)
	DocumentsByID(ctx context.Context, ids []string) (map[string]kg.Document, error)
	RolesOf(ctx context.Context, ids []string) (map[string][]kg.Role, error)
	Node(ctx context.Context, id string) (model.Node, error)
	Events(ctx context.Context, f model.EventFilter, inc model.Include) (model.Page[kg.Event], error)
	Claims(ctx context.Context, f model.ClaimFilter, inc model.Include) (model.Page[kg.Claim], error)
	Entity(ctx context.Context, ref string, typ kg.EntityType, inc model.Include) (model.EntityFacts, error)
	Contributions(ctx context.Context, ids []string) (map[string]model.Contribution, error)
	Connections(ctx context.Context, from, to string, maxHops int) ([]model.Path, error)
	Neighborhood(ctx context.Context, of string, hops, limit int) (model.Graph, error)
	Conflicts(ctx context.Context) ([]model.Conflict, error)
}

// Topics expands a topic into itself and its narrower topics (the API's
// taxonomy, graph.Taxonomy).
type Topics interface {
	Expand(topic string) []string
}
