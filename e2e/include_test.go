package e2e

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore"
)

// loadingStore is the real store with every Include dropped but the count:
// the nested fields then go through the per-field loaders, one fetch per
// level, which is the reference the one-statement reads must match.
type loadingStore struct{ *neo4jstore.Store }

func (s loadingStore) Events(ctx context.Context, f kg.EventFilter, inc kg.Include) (kg.Page[kg.Event], error) {
	return s.Store.Events(ctx, f, kg.Include{Total: inc.Total, Fields: inc.Fields})
}

func (s loadingStore) Claims(ctx context.Context, f kg.ClaimFilter, inc kg.Include) (kg.Page[kg.Claim], error) {
	return s.Store.Claims(ctx, f, kg.Include{Total: inc.Total, Fields: inc.Fields})
}

func (s loadingStore) Entity(ctx context.Context, ref string, typ kg.EntityType, inc kg.Include) (kg.EntityFacts, error) {
	return s.Store.Entity(ctx, ref, typ, kg.Include{Fields: inc.Fields})
}

// TestOneStatementMatchesLoaders asks queries whose nested fields the store
// brings along in one statement, and checks the answers against the same
// queries answered field by field through the loaders.
func TestOneStatementMatchesLoaders(t *testing.T) {
	e := setup(t)
	ref := httptest.NewServer(graph.NewHandler(&graph.Resolver{Store: loadingStore{e.store}, Topics: e.topics},
		graph.Options{Timeout: 10 * time.Second}))
	t.Cleanup(ref.Close)
	refEnv := &env{store: e.store, srv: ref}

	const fact = `id sources { sentence start end quote document { id title publishedAt } }`
	const entity = `id name aliases`
	queries := map[string]string{
		"depositions":   `{ events(type: DEPOSITION_REQUEST, first: 20) { totalCount edges { cursor node { date participants { part description entity { ` + entity + ` } } ` + fact + ` } } pageInfo { hasNextPage endCursor } } }`,
		"events page 2": `{ events(first: 7, after: "` + model.EncodeCursor("events/DATE_ASC", []string{"2019-01", ""}) + `") { totalCount edges { node { date participants { entity { name } } } } pageInfo { hasNextPage } } }`,
		"events of":     `{ events(participant: "Amazon", first: 100) { totalCount edges { node { type participants { part entity { name } } } } } }`,
		"bias claims":   `{ claims(stance: ALLEGES, topic: "bias", first: 50) { totalCount edges { node { text claimant { ` + entity + ` } about { ` + entity + ` } ` + fact + ` } } } }`,
		"claims page":   `{ claims(first: 13, after: "` + model.EncodeCursor("claims", []string{"clm_8"}) + `") { edges { node { text claimant { name } } } pageInfo { hasNextPage } } }`,
		"dod roles":     `{ organization(name: "Department of Defense") { name roles { title status person { ` + entity + ` } organization { name } ` + fact + ` } } }`,
		"person": `{ person(name: "Mark Esper") { name
			roles { title organization { name } ` + fact + ` }
			events { part event { date participants { part entity { name } } ` + fact + ` } }
			claimsMade { text claimant { name } about { name } ` + fact + ` }
			claimsAbout { text claimant { name } about { name } ` + fact + ` } } }`,
		"entity fragments": `{ entity(name: "Amazon") { name ... on Organization { kind roles { person { name } }
			events { event { participants { entity { name ... on Organization { kind } } } } } }
			claimsAbout { claimant { name } sources { document { title } } } } }`,
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			var got, want json.RawMessage
			e.mustQuery(t, q, &got)
			refEnv.mustQuery(t, q, &want)
			if len(want) < 50 {
				t.Fatalf("reference answer %s is too small to compare", want)
			}
			if diff := cmp.Diff(decode(t, want), decode(t, got)); diff != "" {
				t.Errorf("one statement vs loaders (-want +got):\n%s", diff)
			}
		})
	}
}

func decode(t *testing.T, b json.RawMessage) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}
