package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/kg"
)

// graphStore is the fake store with roles, nodes and edges whose strings
// need escaping, and a role without an organization.
type graphStore struct{ *fakeStore }

const tricky = "Quote \" back\\slash\ttab\nline\r\x01\x1f é \u2028 <&>"

var trickyGraph = kg.Subgraph{
	Nodes: []kg.GraphNode{
		{ID: "org_x", Label: "Department of Examples", Type: "Organization"},
		{ID: "rol_1", Label: tricky, Type: "Role", Sources: []kg.Source{{Document: "d1", Quote: "Secretary"}}},
		{ID: "evt_0", Label: "deposition request 2020-01", Type: "Event"},
	},
	Edges: []kg.GraphEdge{
		{ID: "5:x:1", Type: "AT", Source: "rol_1", Target: "org_x"},
		{ID: "5:x:2", Type: "PARTICIPATED_IN", Source: "org_x", Target: "evt_0", Part: tricky},
	},
}

func (g graphStore) Neighborhood(context.Context, string, int, int, kg.Fields) (kg.Subgraph, error) {
	return trickyGraph, g.call("Neighborhood")
}

func (g graphStore) Connections(context.Context, string, string, int, kg.Fields) ([]kg.Path, error) {
	return []kg.Path{{Length: 2, Nodes: trickyGraph.Nodes, Edges: trickyGraph.Edges}}, g.call("Connections")
}

func (g graphStore) Node(ctx context.Context, id string, f kg.Fields) (any, error) {
	for _, r := range g.roles {
		if r.ID == id {
			return r, nil
		}
	}
	return g.fakeStore.Node(ctx, id, f)
}

// TestFastListsMatchGQLGen asks the same queries of the handler with the
// lists written by fastlists.go and of one that leaves every list to
// gqlgen: the bodies must be byte for byte the same, on the fast path and
// on every fallback.
func TestFastListsMatchGQLGen(t *testing.T) {
	f := newFake()
	f.entities["per_b"] = kg.Entity{ID: "per_b", Type: kg.Person, Name: "Bob Baker", Aliases: []string{tricky, "B\"B", "\x00"}}
	f.entities["org_x"] = kg.Entity{ID: "org_x", Type: kg.Organization, Name: "Department of Examples", Aliases: []string{"DoE"}, Kind: tricky}
	f.docs["d2"] = kg.Document{ID: "d2", File: "a/b.txt", Title: tricky, Publisher: "P", URL: "https://x/?a=1&b=<2>", PublishedAt: "2020-02-03", SHA256: "ab"}
	f.events = append(f.events, kg.Event{ID: "evt_t", Type: "unheard_of", Date: "", DatePrecision: "day", DateText: tricky, Summary: tricky,
		Participants: []kg.Participant{{Entity: "per_b", As: tricky}, {Entity: "per_ghost", As: "agent"}, {As: "target", Description: tricky}},
		Sources:      []kg.Source{{Document: "d2", Sentence: 7, Start: 3, End: 9, Quote: tricky}, {Document: "d1", Quote: ""}}})
	f.roles = append(f.roles,
		kg.Role{ID: "rol_2", Person: "per_b", Title: tricky, Status: kg.Former},
		kg.Role{ID: "rol_3", Person: "per_a", Title: "Deputy", Organization: "org_x", Status: kg.Current})
	s := graphStore{f}
	fast := graph.NewHandler(&graph.Resolver{Store: s}, graph.Options{})
	slow := graph.NewHandler(&graph.Resolver{Store: s}, graph.GQLGenLists(graph.Options{}))
	queries := []struct {
		q       string
		vars    map[string]any
		fast    bool // written by fastlists.go, not left to gqlgen
		wantErr bool
	}{
		{q: `{ organization(name: "Department of Examples") { name roles { title status person { name } } } }`},
		{q: `{ organization(name: "doe") { roles { id __typename t: title title status person { __typename id name aliases } organization { name kind aliases } } } }`},
		{q: `{ person(name: "Bob Baker") { roles { title organization { name } person { ... on Entity { aliases } ... on Node { id } } } } }`},
		{q: `{ person(name: "Bob Baker") { roles(first: 1) { ... on Node { id } ...R } } } fragment R on Role { status title person { name } }`},
		{q: `query($s: Boolean!) { organization(name: "doe") { roles { title @skip(if: $s) status @include(if: $s) person { name @include(if: $s) id } } } }`,
			vars: map[string]any{"s": true}},
		{q: `query($s: Boolean!) { organization(name: "doe") { roles { title @skip(if: $s) status @include(if: $s) person { name @include(if: $s) id } } } }`,
			vars: map[string]any{"s": false}},
		// Fallbacks: sources, an entity's list beneath a role, @defer is refused elsewhere.
		{q: `{ organization(name: "doe") { roles { title sources { quote document { title } } } } }`},
		{q: `{ organization(name: "doe") { roles { title person { name roles { title } } } } }`},
		{q: `{ organization(name: "doe") { roles { person { merges { rule } } } } }`},
		{q: `{ entities(first: 5) { edges { node { name roles { title person { name } organization { name } } } } } }`},
		{q: `{ node(id: "rol_2") { id ... on Role { title person { name } organization { name } } } }`},
		{q: `{ documents(first: 1) { edges { node { contribution { roles { title } } } } } }`},
		{q: `{ neighborhood(of: "doe") { nodes { id label type } edges { source target type } } }`},
		{q: `{ neighborhood(of: "doe") { nodes { __typename l: label id ...on GraphNode { type } } edges { id part type source target __typename } } }`},
		{q: `{ neighborhood(of: "doe") { nodes { id sources { quote } } edges { part } } }`},
		{q: `{ connections(from: "Ann Able", to: "doe") { length nodes { id label } edges { type source target part } } }`},
		// Event edges: the depositions question, every field, fragments and
		// aliases, and the fallbacks (an entity's list, a document's
		// contribution, an entity the read did not bring along).
		{q: `{ events(type: DEPOSITION_REQUEST, first: 20) { totalCount edges { node { date participants { part entity { name } } sources { quote document { title } } } } } }`, fast: true},
		{fast: true, q: `{ events(type: DEPOSITION_REQUEST, first: 3) { edges { __typename cursor c: cursor node { __typename id type date datePrecision dateText summary
		      participants { __typename part description entity { __typename ... on Node { id } ... on Entity { name aliases } ... on Organization { kind } } }
		      sources { __typename sentence start end quote document { __typename id file title publisher url publishedAt sha256 } } } } } }`},
		{q: `query($s: Boolean!) { events(first: 2) { edges { node { ...E participants { part @skip(if: $s) entity { name } } } } } } fragment E on Event { date type @include(if: $s) }`,
			vars: map[string]any{"s": true}, fast: true},
		{q: `{ events(first: 2) { edges { node { participants { entity { name roles { title } } } } } } }`},
		{q: `{ events(first: 2) { edges { node { sources { document { title contribution { entities { name } } } } } } } }`},
		{q: `{ events(first: 2) { edges { node { participants { entity { ... on Person { merges { rule } } } } } } } }`},
		{q: `{ events(first: 10) { edges { node { date dateText summary type participants { part description entity { name } } } } } }`, wantErr: true},
		{q: `{ events(first: 10) { edges { node { sources { start end quote document { id title file url publisher publishedAt sha256 } } } } } }`, fast: true},
	}
	for _, q := range queries {
		n := graph.FastListsWritten()
		a, b := post(t, fast, q.q, q.vars), post(t, slow, q.q, q.vars)
		if !bytes.Equal(a, b) {
			t.Errorf("%s\nfast:   %s\ngqlgen: %s", q.q, a, b)
		}
		if q.fast && graph.FastListsWritten() == n {
			t.Errorf("%s: left to gqlgen, want it written by fastlists.go", q.q)
		}
		if bytes.Contains(a, []byte(`"errors"`)) != q.wantErr {
			t.Errorf("%s: %s", q.q, a)
		}
		t.Logf("%s", a)
	}
}

func post(t *testing.T, h http.Handler, q string, vars map[string]any) []byte {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	out, _ := io.ReadAll(w.Body)
	return []byte(fmt.Sprintf("%d %s", w.Code, out))
}
