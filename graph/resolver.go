package graph

import (
	"context"
	"log/slog"

	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
)

// Store is what the API needs from the database (neo4jstore.Store). Batch
// lookups return maps keyed by the requested ids (missing ids are absent);
// entity references ("ref") are an id, a name or an alias. Reads that take a
// model.Include return what it names in the same round trip, so the
// resolvers can prime the loaders instead of asking again. Errors wrap
// kg.ErrNotFound, kg.ErrInvalid or kg.ErrUnavailable where they apply.
type Store interface {
	EntitiesByID(ctx context.Context, ids []string) (map[string]kg.Entity, error)
	DocumentsByID(ctx context.Context, ids []string) (map[string]kg.Document, error)
	RolesOf(ctx context.Context, entityIDs []string) (map[string][]kg.Role, error)
	ParticipationsOf(ctx context.Context, entityIDs []string) (map[string][]model.Participation, error)
	ClaimsBy(ctx context.Context, entityIDs []string) (map[string][]kg.Claim, error)
	ClaimsAbout(ctx context.Context, entityIDs []string) (map[string][]kg.Claim, error)
	Contributions(ctx context.Context, docIDs []string) (map[string]model.Contribution, error)

	Entity(ctx context.Context, ref string, typ kg.EntityType, inc model.Include) (model.EntityFacts, error)
	Node(ctx context.Context, id string) (model.Node, error)
	Search(ctx context.Context, text string, kinds []string, first int, lucene bool) ([]model.SearchHit, error)
	Events(ctx context.Context, f model.EventFilter, inc model.Include) (model.Page[kg.Event], error)
	Claims(ctx context.Context, f model.ClaimFilter, inc model.Include) (model.Page[kg.Claim], error)
	Documents(ctx context.Context, f model.DocumentFilter) (model.Page[kg.Document], error)
	Connections(ctx context.Context, from, to string, maxHops int) ([]model.Path, error)
	Neighborhood(ctx context.Context, of string, hops, limit int) (model.Graph, error)
	Conflicts(ctx context.Context) ([]model.Conflict, error)

	DeleteDocument(ctx context.Context, id string) error
	MergeEntities(ctx context.Context, keep, merge string) (kg.Entity, error)
	AddAlias(ctx context.Context, ref, alias string) (kg.Entity, error)
}

// Ingester runs the loader pipeline on one document and returns what it
// extracted and stored (pipeline.Pipeline).
type Ingester interface {
	Ingest(ctx context.Context, doc kg.Document) (kg.Extraction, error)
}

// Resolver holds the dependencies of the resolvers.
type Resolver struct {
	Store    Store
	Ingester Ingester // nil: ingestDocument answers UNAVAILABLE
	Topics   *Taxonomy
	Log      *slog.Logger
}
