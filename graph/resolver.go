package graph

import (
	"context"
	"log/slog"

	"github.com/factgraph/factgraph/kg"
)

// Store is what the API needs from the database (neo4jstore.Store). Batch
// lookups return maps keyed by the requested ids (missing ids are absent);
// entity references ("ref") are an id, a name or an alias. Reads project
// only the fields a kg.Fields (or kg.Include.Fields) selects, and reads that
// take a kg.Include return what it names in the same round trip, so the
// resolvers can prime the loaders instead of asking again. Errors wrap
// kg.ErrNotFound, kg.ErrInvalid or kg.ErrUnavailable where they apply.
type Store interface {
	EntitiesByID(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Entity, error)
	MergesOf(ctx context.Context, entityIDs []string) (map[string][]kg.Merge, error)
	DocumentsByID(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Document, error)
	RolesOf(ctx context.Context, entityIDs []string, f kg.Fields) (map[string][]kg.Role, error)
	ParticipationsOf(ctx context.Context, entityIDs []string, f kg.Fields) (map[string][]kg.Participation, error)
	ClaimsBy(ctx context.Context, entityIDs []string, f kg.Fields) (map[string][]kg.Claim, error)
	ClaimsAbout(ctx context.Context, entityIDs []string, f kg.Fields) (map[string][]kg.Claim, error)
	Contributions(ctx context.Context, docIDs []string, f kg.Fields) (map[string]kg.Contribution, error)

	Entity(ctx context.Context, ref string, typ kg.EntityType, inc kg.Include) (kg.EntityFacts, error)
	// Match resolves a name as a user types it (see kg.MatchedBy); for
	// references the exact lookups do not find.
	Match(ctx context.Context, text string, typ kg.EntityType) (kg.Match, error)
	Node(ctx context.Context, id string, f kg.Fields) (any, error)
	Search(ctx context.Context, text string, kinds []string, first int, lucene bool, f kg.Fields) ([]kg.Hit, error)
	Events(ctx context.Context, f kg.EventFilter, inc kg.Include) (kg.Page[kg.Event], error)
	Claims(ctx context.Context, f kg.ClaimFilter, inc kg.Include) (kg.Page[kg.Claim], error)
	Documents(ctx context.Context, f kg.DocumentFilter, inc kg.Include) (kg.Page[kg.Document], error)
	Entities(ctx context.Context, f kg.EntityFilter, inc kg.Include) (kg.Page[kg.Entity], error)
	// Stats counts what inc names, each list by aggregation in the database.
	Stats(ctx context.Context, inc kg.StatsInclude) (kg.Stats, error)
	// Connections and Neighborhood read nodes' sources only when f selects
	// GraphNode.sources.
	Connections(ctx context.Context, from, to string, maxHops int, f kg.Fields) ([]kg.Path, error)
	Neighborhood(ctx context.Context, of string, hops, limit int, f kg.Fields) (kg.Subgraph, error)
	Conflicts(ctx context.Context, f kg.ConflictFilter, inc kg.Include) (kg.Page[kg.Conflict], error)

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
