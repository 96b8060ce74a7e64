package report

import (
	"context"

	"github.com/factgraph/factgraph/kg"
)

// Store is the reads reports need. Entity references are an id, a name or
// an alias, resolved as the GraphQL API resolves them; kg.ErrNotFound and
// kg.ErrInvalid mean what they mean there.
// Reads taking kg.Fields read every field when given nil, as reports do.
type Store interface {
	FindEntity(ctx context.Context, ref string, typ kg.EntityType) (kg.Entity, error)
	EntitiesByID(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Entity, error)
	DocumentsByID(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Document, error)
	RolesOf(ctx context.Context, ids []string, f kg.Fields) (map[string][]kg.Role, error)
	Node(ctx context.Context, id string, f kg.Fields) (any, error)
	Events(ctx context.Context, f kg.EventFilter, inc kg.Include) (kg.Page[kg.Event], error)
	Claims(ctx context.Context, f kg.ClaimFilter, inc kg.Include) (kg.Page[kg.Claim], error)
	Entity(ctx context.Context, ref string, typ kg.EntityType, inc kg.Include) (kg.EntityFacts, error)
	Contributions(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Contribution, error)
	Connections(ctx context.Context, from, to string, maxHops int, f kg.Fields) ([]kg.Path, error)
	Neighborhood(ctx context.Context, of string, hops, limit int, f kg.Fields) (kg.Subgraph, error)
	Conflicts(ctx context.Context, f kg.ConflictFilter, inc kg.Include) (kg.Page[kg.Conflict], error)
}

// Topics expands a topic into itself and its narrower topics (the API's
// taxonomy, graph.Taxonomy).
type Topics interface {
	Expand(topic string) []string
}
