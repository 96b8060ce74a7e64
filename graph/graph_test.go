package graph_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// fakeStore is an in-memory graph.Store over a few entities and facts.
type fakeStore struct {
	entities map[string]kg.Entity
	docs     map[string]kg.Document
	events   []kg.Event
	claims   []kg.Claim
	roles    []kg.Role
	mu       sync.Mutex
	calls    map[string]int
	include  kg.Include // of the last read that took one
	err      error      // returned by every call when set
}

func (f *fakeStore) lastInclude() kg.Include {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.include
}

func (f *fakeStore) recordInclude(inc kg.Include) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.include = inc
}

var _ graph.Store = (*fakeStore)(nil)

func newFake() *fakeStore {
	src := func(q string) []kg.Source {
		return []kg.Source{{Document: "d1", Sentence: 1, Start: 0, End: len(q), Quote: q}}
	}
	f := &fakeStore{
		entities: map[string]kg.Entity{
			"per_a": {ID: "per_a", Type: kg.Person, Name: "Ann Able", Aliases: []string{"Able"}},
			"per_b": {ID: "per_b", Type: kg.Person, Name: "Bob Baker"},
			"org_x": {ID: "org_x", Type: kg.Organization, Name: "Department of Examples", Aliases: []string{"DoE"}},
		},
		docs:  map[string]kg.Document{"d1": {ID: "d1", Title: "Doc one", PublishedAt: "2020-01-02"}},
		calls: map[string]int{},
	}
	for i := 0; i < 5; i++ {
		f.events = append(f.events, kg.Event{ID: fmt.Sprintf("evt_%d", i), Type: "deposition_request", Date: fmt.Sprintf("2020-0%d", i+1),
			Participants: []kg.Participant{{Entity: "org_x", As: "agent"}, {Entity: "per_a", As: "deponent"}, {As: "deponent", Description: "two members"}},
			Sources:      src("sought to depose")})
	}
	f.claims = []kg.Claim{
		{ID: "clm_1", Claimant: "per_a", Text: "it was political interference", Stance: kg.Alleges, Topics: []string{"political interference"}, About: []string{"org_x"}, Sources: src("it was political interference")},
		{ID: "clm_2", Claimant: "per_b", Text: "the process was fair", Stance: kg.Denies, Topics: []string{"bias"}, Sources: src("the process was fair")},
		{ID: "clm_3", Claimant: "per_b", Text: "the weather was nice", Stance: kg.Alleges, Topics: []string{"weather"}, Sources: src("nice")},
	}
	f.roles = []kg.Role{{ID: "rol_1", Person: "per_b", Title: "Secretary", Organization: "org_x", Status: kg.Current, Sources: src("Secretary Bob Baker")}}
	return f
}

func (f *fakeStore) call(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls[name]++
	return f.err
}

func (f *fakeStore) EntitiesByID(_ context.Context, ids []string, _ kg.Fields) (map[string]kg.Entity, error) {
	out := map[string]kg.Entity{}
	for _, id := range ids {
		if e, ok := f.entities[id]; ok {
			out[id] = e
		}
	}
	return out, f.call("EntitiesByID")
}

func (f *fakeStore) DocumentsByID(_ context.Context, ids []string, _ kg.Fields) (map[string]kg.Document, error) {
	out := map[string]kg.Document{}
	for _, id := range ids {
		if d, ok := f.docs[id]; ok {
			out[id] = d
		}
	}
	return out, f.call("DocumentsByID")
}

func (f *fakeStore) RolesOf(_ context.Context, ids []string, _ kg.Fields) (map[string][]kg.Role, error) {
	out := map[string][]kg.Role{}
	for _, id := range ids {
		for _, r := range f.roles {
			if r.Person == id || r.Organization == id {
				out[id] = append(out[id], r)
			}
		}
	}
	return out, f.call("RolesOf")
}

func (f *fakeStore) ParticipationsOf(_ context.Context, ids []string, _ kg.Fields) (map[string][]kg.Participation, error) {
	out := map[string][]kg.Participation{}
	for _, id := range ids {
		for _, ev := range f.events {
			for _, p := range ev.Participants {
				if p.Entity == id {
					out[id] = append(out[id], kg.Participation{Part: p.As, Event: ev})
				}
			}
		}
	}
	return out, f.call("ParticipationsOf")
}

func (f *fakeStore) ClaimsBy(_ context.Context, ids []string, _ kg.Fields) (map[string][]kg.Claim, error) {
	out := map[string][]kg.Claim{}
	for _, id := range ids {
		for _, c := range f.claims {
			if c.Claimant == id {
				out[id] = append(out[id], c)
			}
		}
	}
	return out, f.call("ClaimsBy")
}

func (f *fakeStore) ClaimsAbout(_ context.Context, ids []string, _ kg.Fields) (map[string][]kg.Claim, error) {
	return map[string][]kg.Claim{}, f.call("ClaimsAbout")
}

func (f *fakeStore) MergesOf(_ context.Context, ids []string) (map[string][]kg.Merge, error) {
	out := map[string][]kg.Merge{}
	for _, id := range ids {
		out[id] = f.entities[id].Merges
	}
	return out, f.call("MergesOf")
}

func (f *fakeStore) Contributions(_ context.Context, ids []string, _ kg.Fields) (map[string]kg.Contribution, error) {
	out := map[string]kg.Contribution{}
	for _, id := range ids {
		out[id] = kg.Contribution{Document: id, Entities: []string{"per_a"}, Events: f.events[:1]}
	}
	return out, f.call("Contributions")
}

func (f *fakeStore) Entity(ctx context.Context, ref string, typ kg.EntityType, inc kg.Include) (kg.EntityFacts, error) {
	f.recordInclude(inc)
	if err := f.call("Entity"); err != nil {
		return kg.EntityFacts{}, err
	}
	e, ok := f.find(ref, typ)
	if !ok {
		return kg.EntityFacts{}, fmt.Errorf("entity %q: %w", ref, kg.ErrNotFound)
	}
	out := kg.EntityFacts{Entity: e}
	if !anySources(inc.Fields) {
		// like the real store, which leaves sources out unless asked
		defer func() { f.dropSources(&out) }()
	}
	if inc.Roles {
		out.Roles = []kg.Role{}
	}
	if inc.Events {
		out.Events = []kg.Participation{}
	}
	if inc.ClaimsMade {
		out.ClaimsMade = []kg.Claim{}
	}
	if inc.ClaimsAbout {
		out.ClaimsAbout = []kg.Claim{}
	}
	var evs []kg.Event
	for _, r := range f.roles {
		if inc.Roles && (r.Person == e.ID || r.Organization == e.ID) {
			out.Roles = append(out.Roles, r)
		}
	}
	for _, ev := range f.events {
		for _, p := range ev.Participants {
			if inc.Events && p.Entity == e.ID {
				out.Events = append(out.Events, kg.Participation{Part: p.As, Event: ev})
				evs = append(evs, ev)
			}
		}
	}
	for _, c := range f.claims {
		if inc.ClaimsMade && c.Claimant == e.ID {
			out.ClaimsMade = append(out.ClaimsMade, c)
		}
		if inc.ClaimsAbout && slices.Contains(c.About, e.ID) {
			out.ClaimsAbout = append(out.ClaimsAbout, c)
		}
	}
	out.Related = f.related(inc, evs, append(out.ClaimsMade, out.ClaimsAbout...), out.Roles)
	return out, nil
}

// anySources reports whether fields select the sources of a fact.
func anySources(f kg.Fields) bool {
	return f.Has("Role", "sources") || f.Has("Event", "sources") || f.Has("Claim", "sources")
}

func (f *fakeStore) dropSources(out *kg.EntityFacts) {
	strip := func(srcs *[]kg.Source) { *srcs = []kg.Source{} }
	for i := range out.Roles {
		strip(&out.Roles[i].Sources)
	}
	for i := range out.Events {
		strip(&out.Events[i].Event.Sources)
	}
	for i := range out.ClaimsMade {
		strip(&out.ClaimsMade[i].Sources)
	}
	for i := range out.ClaimsAbout {
		strip(&out.ClaimsAbout[i].Sources)
	}
}

func (f *fakeStore) Match(_ context.Context, text string, typ kg.EntityType) (kg.Match, error) {
	if e, ok := f.find(text, typ); ok {
		return kg.Match{Text: text, Entity: e, By: kg.MatchedExact}, nil
	}
	return kg.Match{}, fmt.Errorf("entity %q: %w", text, kg.ErrNotFound)
}

// find looks an entity up like the real store: by id, name or alias.
func (f *fakeStore) find(ref string, typ kg.EntityType) (kg.Entity, bool) {
	for _, e := range f.entities {
		if typ != "" && e.Type != typ {
			continue
		}
		if e.ID == ref || strings.EqualFold(e.Name, ref) {
			return e, true
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, ref) {
				return e, true
			}
		}
	}
	return kg.Entity{}, false
}

// related gathers what inc names for the given facts, like the real store.
func (f *fakeStore) related(inc kg.Include, evs []kg.Event, cls []kg.Claim, rls []kg.Role) kg.Related {
	var rel kg.Related
	ent := func(id string) {
		if e, ok := f.entities[id]; ok {
			if rel.Entities == nil {
				rel.Entities = map[string]kg.Entity{}
			}
			rel.Entities[id] = e
		}
	}
	docs := func(srcs []kg.Source) {
		for _, s := range srcs {
			if d, ok := f.docs[s.Document]; ok && inc.Documents {
				if rel.Documents == nil {
					rel.Documents = map[string]kg.Document{}
				}
				rel.Documents[d.ID] = d
			}
		}
	}
	for _, ev := range evs {
		for _, p := range ev.Participants {
			if inc.Participants {
				ent(p.Entity)
			}
		}
		docs(ev.Sources)
	}
	for _, c := range cls {
		if inc.Claimant {
			ent(c.Claimant)
		}
		for _, a := range c.About {
			if inc.About {
				ent(a)
			}
		}
		docs(c.Sources)
	}
	for _, r := range rls {
		if inc.Person {
			ent(r.Person)
		}
		if inc.Organization {
			ent(r.Organization)
		}
		docs(r.Sources)
	}
	return rel
}

func (f *fakeStore) Node(ctx context.Context, id string, _ kg.Fields) (any, error) {
	if e, ok := f.entities[id]; ok {
		return e, nil
	}
	return nil, fmt.Errorf("node %q: %w", id, kg.ErrNotFound)
}

func (f *fakeStore) Search(_ context.Context, text string, kinds []string, first int, _ bool, _ kg.Fields) ([]kg.Hit, error) {
	c, e := f.claims[0], f.entities["per_a"]
	return []kg.Hit{{Score: 1, Claim: &c}, {Score: 0.5, Entity: &e}}, f.call("Search")
}

// Events pages by (date, id) like the real store.
func (f *fakeStore) Events(_ context.Context, flt kg.EventFilter, inc kg.Include) (kg.Page[kg.Event], error) {
	f.recordInclude(inc)
	if err := f.call("Events"); err != nil {
		return kg.Page[kg.Event]{}, err
	}
	var all []kg.Event
	for _, ev := range f.events {
		if flt.Type == "" || ev.Type == flt.Type {
			all = append(all, ev)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Date+all[i].ID < all[j].Date+all[j].ID })
	p := kg.Page[kg.Event]{Total: len(all)}
	for _, ev := range all {
		if k := model.EventKey(ev); flt.After != nil && (k[0] < flt.After[0] || k[0] == flt.After[0] && k[1] <= flt.After[1]) {
			continue
		}
		if len(p.Items) == flt.First {
			p.More = true
			break
		}
		p.Items = append(p.Items, ev)
		p.Keys = append(p.Keys, model.EventKey(ev)[0])
	}
	p.Related = f.related(inc, p.Items, nil, nil)
	return p, nil
}

func (f *fakeStore) Claims(_ context.Context, flt kg.ClaimFilter, inc kg.Include) (kg.Page[kg.Claim], error) {
	f.recordInclude(inc)
	if err := f.call("Claims"); err != nil {
		return kg.Page[kg.Claim]{}, err
	}
	var p kg.Page[kg.Claim]
	for _, c := range f.claims {
		if flt.Stance != "" && c.Stance != flt.Stance {
			continue
		}
		if flt.Topics != nil && !overlap(c.Topics, flt.Topics) {
			continue
		}
		p.Total++
		p.Items = append(p.Items, c)
	}
	p.Related = f.related(inc, nil, p.Items, nil)
	return p, nil
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func (f *fakeStore) Documents(context.Context, kg.DocumentFilter, kg.Include) (kg.Page[kg.Document], error) {
	d := f.docs["d1"]
	return kg.Page[kg.Document]{Items: []kg.Document{d}, Keys: []string{d.PublishedAt}, Total: 1}, f.call("Documents")
}

func (f *fakeStore) Entities(context.Context, kg.EntityFilter, kg.Include) (kg.Page[kg.Entity], error) {
	e := f.entities["per_a"]
	return kg.Page[kg.Entity]{Items: []kg.Entity{e}, Keys: []string{e.Name}, Total: 1}, f.call("Entities")
}

func (f *fakeStore) Stats(_ context.Context, inc kg.StatsInclude) (kg.Stats, error) {
	var st kg.Stats
	if inc.EventsByType {
		st.EventsByType = []kg.Count{{Key: "lawsuit", Count: 2}, {Key: "unheard_of", Count: 1}}
	}
	return st, f.call("Stats")
}

func (f *fakeStore) Connections(_ context.Context, from, to string, maxHops int, _ kg.Fields) ([]kg.Path, error) {
	return []kg.Path{}, f.call("Connections")
}

func (f *fakeStore) Neighborhood(_ context.Context, of string, hops, limit int, _ kg.Fields) (kg.Subgraph, error) {
	return kg.Subgraph{}, f.call("Neighborhood")
}

func (f *fakeStore) Conflicts(context.Context, kg.ConflictFilter, kg.Include) (kg.Page[kg.Conflict], error) {
	return kg.Page[kg.Conflict]{}, f.call("Conflicts")
}

func (f *fakeStore) DeleteDocument(_ context.Context, id string) error {
	return f.call("DeleteDocument")
}

func (f *fakeStore) MergeEntities(_ context.Context, keep, merge string) (kg.Entity, error) {
	return f.entities["per_a"], f.call("MergeEntities")
}

func (f *fakeStore) AddAlias(_ context.Context, ref, alias string) (kg.Entity, error) {
	return f.entities["per_a"], f.call("AddAlias")
}

const token = "s3cret-token"

// newClient runs the real handler in-process over the fake store.
func newClient(t *testing.T, f *fakeStore) *client.Client {
	t.Helper()
	tax := graph.NewTaxonomy([]lexicon.Entry{
		{Phrase: "bias"},
		{Phrase: "political interference", Attrs: map[string]string{"parent": "bias"}},
		{Phrase: "bad faith", Attrs: map[string]string{"parent": "bias"}},
	})
	h := graph.NewHandler(&graph.Resolver{Store: f, Topics: tax}, graph.Options{APIToken: token})
	return client.New(h)
}

// gqlErr is one error of a response.
type gqlErr struct {
	Message    string
	Path       []any
	Extensions struct{ Code string }
}

// raw posts a query and returns the decoded errors and data.
func raw(t *testing.T, c *client.Client, q string, opts ...client.Option) ([]gqlErr, json.RawMessage) {
	t.Helper()
	resp, err := c.RawPost(q, opts...)
	if err != nil {
		// Parse and validation errors come with HTTP 422: "http 422: {json}".
		_, body, ok := strings.Cut(err.Error(), ": ")
		if !ok || json.Unmarshal([]byte(body), &resp) != nil {
			t.Fatalf("post %q: %v", q, err)
		}
	}
	var errs []gqlErr
	if len(resp.Errors) > 0 {
		if err := json.Unmarshal(resp.Errors, &errs); err != nil {
			t.Fatalf("errors %s: %v", resp.Errors, err)
		}
	}
	b, _ := json.Marshal(resp.Data)
	return errs, b
}

func TestContractQueriesShape(t *testing.T) {
	f := newFake()
	c := newClient(t, f)
	var resp struct {
		Events struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Date         string
					Participants []struct {
						Part   string
						Entity *struct{ Name string }
					}
					Sources []struct {
						Quote    string
						Document struct{ Title string }
					}
				}
			}
		}
	}
	c.MustPost(`{ events(type: DEPOSITION_REQUEST, first: 20) { totalCount edges { node { date participants { part entity { name } } sources { quote document { title } } } } } }`, &resp)
	if resp.Events.TotalCount != 5 || len(resp.Events.Edges) != 5 {
		t.Fatalf("got %d of %d events, want 5 of 5", len(resp.Events.Edges), resp.Events.TotalCount)
	}
	n := resp.Events.Edges[0].Node
	if n.Participants[1].Part != "deponent" || n.Participants[1].Entity.Name != "Ann Able" || n.Participants[2].Entity != nil {
		t.Errorf("participants = %+v", n.Participants)
	}
	if n.Sources[0].Document.Title != "Doc one" {
		t.Errorf("source document = %+v", n.Sources[0])
	}
	// The participants' entities and the source documents come with the
	// events: one store call in all.
	if diff := cmp.Diff(map[string]int{"Events": 1}, f.calls); diff != "" {
		t.Errorf("store calls (-want +got):\n%s", diff)
	}
}

// An unnamed participant is described; a named one has a null description.
func TestParticipantDescription(t *testing.T) {
	c := newClient(t, newFake())
	var resp struct {
		Events struct {
			Edges []struct {
				Node struct {
					Participants []struct {
						Entity      *struct{ Name string }
						Description *string
					}
				}
			}
		}
	}
	c.MustPost(`{ events(type: DEPOSITION_REQUEST, first: 1) { edges { node { participants { entity { name } description } } } } }`, &resp)
	ps := resp.Events.Edges[0].Node.Participants
	if ps[1].Description != nil || ps[2].Description == nil || *ps[2].Description != "two members" {
		t.Errorf("descriptions: named %v, unnamed %v", ps[1].Description, ps[2].Description)
	}
}

// TestIncludeFollowsSelection checks the Include that each query passes to
// the store: what the selection needs, through fragments and aliases, and
// nothing more.
func TestIncludeFollowsSelection(t *testing.T) {
	tests := []struct {
		name, query string
		want        kg.Include
		fields      string // the Fields of the read, space-separated, Query and connection fields left out
	}{
		{"events bare", `{ events { edges { node { id } } } }`, kg.Include{}, "Event.id"},
		{"events all", `{ events { totalCount edges { node { participants { entity { name } } sources { document { title } } } } } }`,
			kg.Include{Total: true, Participants: true, Documents: true},
			"Event.participants Participant.entity Entity.name Event.sources Source.document Document.title"},
		{"events fragment", `{ events { edges { ...E } } } fragment E on EventEdge { node { ... on Event { x: participants { part } } } }`,
			kg.Include{}, "Event.participants Participant.part"},
		{"claims", `{ claims { edges { node { claimant { name } about { id } } } } }`, kg.Include{Claimant: true, About: true},
			"Claim.claimant Claim.about Entity.name Entity.id"},
		{"roles without sources", `{ person(name: "Bob Baker") { roles { title } } }`, kg.Include{Roles: true}, "Entity.roles Role.title"},
		{"organization roles", `{ organization(name: "doe") { roles { person { name } sources { quote } } } }`,
			kg.Include{Roles: true, Person: true}, "Entity.roles Role.person Entity.name Role.sources Source.quote"},
		{"entity fragments", `{ entity(name: "Ann Able") { ... on Person { events { event { participants { entity { name } } } } claimsMade { sources { document { title } } } } } }`,
			kg.Include{Events: true, ClaimsMade: true, Participants: true, Documents: true},
			"Entity.events Participation.event Event.participants Participant.entity Entity.name Entity.claimsMade Claim.sources Source.document Document.title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			errs, _ := raw(t, newClient(t, f), tt.query)
			if len(errs) > 0 {
				t.Fatalf("errors: %+v", errs)
			}
			got := f.lastInclude()
			var fields []string
			for k := range got.Fields {
				typ, _, _ := strings.Cut(k, ".")
				if typ != "Query" && !strings.HasSuffix(typ, "Connection") && !strings.HasSuffix(typ, "Edge") {
					fields = append(fields, k)
				}
			}
			got.Fields = nil
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("include (-want +got):\n%s", diff)
			}
			want := strings.Fields(tt.fields)
			slices.Sort(want)
			slices.Sort(fields)
			if diff := cmp.Diff(want, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOneStoreCallPerQuery checks that the contract queries and an entity
// with all its lists are answered by one store call, nested fields included.
func TestOneStoreCallPerQuery(t *testing.T) {
	tests := []struct{ name, query, call string }{
		{"claims", `{ claims(stance: ALLEGES, topic: "bias", first: 50) { edges { node { text claimant { name } about { name } sources { quote start end document { title } } } } } }`, "Claims"},
		{"organization roles", `{ organization(name: "Department of Examples") { name roles { title status person { name } organization { name } sources { document { title } } } } }`, "Entity"},
		{"person", `{ person(name: "Ann Able") { name roles { title } events { part event { date participants { entity { name } } sources { document { title } } } } claimsMade { text about { name } } claimsAbout { text } } }`, "Entity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			errs, data := raw(t, newClient(t, f), tt.query)
			if len(errs) > 0 {
				t.Fatalf("errors: %+v", errs)
			}
			if diff := cmp.Diff(map[string]int{tt.call: 1}, f.calls); diff != "" {
				t.Errorf("store calls (-want +got):\n%s\ndata: %s", diff, data)
			}
		})
	}
}

// TestNestedFieldsStillBatch checks that what a read did not bring along
// is still fetched through the loaders, once per level.
func TestNestedFieldsStillBatch(t *testing.T) {
	f := newFake()
	var resp struct {
		Events struct {
			Edges []struct {
				Node struct {
					Participants []struct {
						Entity *struct {
							Roles []struct{ Person struct{ Name string } }
						}
					}
				}
			}
		}
	}
	newClient(t, f).MustPost(`{ events { edges { node { participants { entity { roles { person { name } } } } } } } }`, &resp)
	if got := resp.Events.Edges[0].Node.Participants[0].Entity.Roles[0].Person.Name; got != "Bob Baker" {
		t.Errorf("role person = %q, want Bob Baker", got)
	}
	if diff := cmp.Diff(map[string]int{"Events": 1, "RolesOf": 1, "EntitiesByID": 1}, f.calls); diff != "" {
		t.Errorf("store calls (-want +got):\n%s", diff)
	}
}

func TestClaimsTopicIncludesSubtopics(t *testing.T) {
	c := newClient(t, newFake())
	var resp struct {
		Claims struct {
			Edges []struct {
				Node struct {
					Text     string
					Claimant struct{ Name string }
					Sources  []struct {
						Quote      string
						Start, End int
						Document   struct{ Title string }
					}
				}
			}
		}
	}
	c.MustPost(`{ claims(stance: ALLEGES, topic: "bias", first: 50) { edges { node { text claimant { name } sources { quote start end document { title } } } } } }`, &resp)
	var got []string
	for _, e := range resp.Claims.Edges {
		got = append(got, e.Node.Claimant.Name+": "+e.Node.Text)
	}
	want := []string{"Ann Able: it was political interference"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
}

func TestOrganizationByAliasWithRoles(t *testing.T) {
	c := newClient(t, newFake())
	var resp struct {
		Organization struct {
			Name  string
			Roles []struct {
				Title, Status string
				Person        struct{ Name string }
			}
		}
	}
	c.MustPost(`{ organization(name: "doe") { name roles { title status person { name } } } }`, &resp)
	if resp.Organization.Name != "Department of Examples" || len(resp.Organization.Roles) != 1 ||
		resp.Organization.Roles[0].Person.Name != "Bob Baker" || resp.Organization.Roles[0].Status != "current" {
		t.Errorf("organization = %+v", resp.Organization)
	}
}

func TestPaginationCursors(t *testing.T) {
	c := newClient(t, newFake())
	type page struct {
		Events struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ ID string }
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
	var ids []string
	after := ""
	for i := 0; i < 5; i++ {
		var p page
		q := `query($after: String) { events(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`
		var vars []client.Option
		if after != "" {
			vars = append(vars, client.Var("after", after))
		}
		c.MustPost(q, &p, vars...)
		for _, e := range p.Events.Edges {
			ids = append(ids, e.Node.ID)
		}
		if p.Events.TotalCount != 5 {
			t.Fatalf("totalCount = %d, want 5 on every page", p.Events.TotalCount)
		}
		if !p.Events.PageInfo.HasNextPage {
			break
		}
		after = *p.Events.PageInfo.EndCursor
	}
	want := []string{"evt_0", "evt_1", "evt_2", "evt_3", "evt_4"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ids over pages (-want +got):\n%s", diff)
	}
}

func TestErrorCodes(t *testing.T) {
	tests := []struct {
		name     string
		query    string
		storeErr error
		code     string
		msg      string // substring of the message
	}{
		{"not found", `{ person(name: "Nobody") { name } }`, nil, "NOT_FOUND", `"Nobody"`},
		{"bad cursor", `{ events(after: "garbage") { totalCount } }`, nil, "BAD_USER_INPUT", "cursor"},
		{"cursor of another list", `{ events(after: "WyJjbGFpbXMiLCJjbG1fMSJd") { totalCount } }`, nil, "BAD_USER_INPUT", "not a cursor of events"},
		{"first too large", `{ claims(first: 1000) { totalCount } }`, nil, "BAD_USER_INPUT", "first must be between 1 and 100"},
		{"bad date", `{ events(from: "last week") { totalCount } }`, nil, "BAD_USER_INPUT", "YYYY"},
		{"month 13", `{ events(from: "2019-13") { totalCount } }`, nil, "BAD_USER_INPUT", "not a calendar date"},
		{"february 30", `{ events(to: "2020-02-30") { totalCount } }`, nil, "BAD_USER_INPUT", "not a calendar date"},
		{"id and name", `{ entity(id: "a", name: "b") { name } }`, nil, "BAD_USER_INPUT", "not both"},
		{"database down", `{ claims { totalCount } }`, fmt.Errorf("claims: %w: connection refused", kg.ErrUnavailable), "UNAVAILABLE", "unavailable"},
		{"internal", `{ claims { totalCount } }`, fmt.Errorf("claims: Neo.ClientError.Statement.SyntaxError at line 3"), "INTERNAL", "internal error"},
		{"unknown enum", `{ events(type: PICNIC) { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED", "PICNIC"},
		{"syntax", `{ events(first: 2 { totalCount } }`, nil, "GRAPHQL_PARSE_FAILED", "Expected"},
		{"unknown field", `{ events { total } }`, nil, "GRAPHQL_VALIDATION_FAILED", `Cannot query field "total"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			f.err = tt.storeErr
			errs, _ := raw(t, newClient(t, f), tt.query)
			if len(errs) == 0 {
				t.Fatalf("no error, want %s", tt.code)
			}
			if errs[0].Extensions.Code != tt.code || !strings.Contains(errs[0].Message, tt.msg) {
				t.Errorf("error = %q (%s), want code %s and a message containing %q", errs[0].Message, errs[0].Extensions.Code, tt.code, tt.msg)
			}
			if tt.code == "INTERNAL" && strings.Contains(errs[0].Message, "Neo") {
				t.Errorf("internal error leaks details: %q", errs[0].Message)
			}
		})
	}
}

func TestMutationsNeedToken(t *testing.T) {
	tests := []struct {
		name   string
		header string
		code   string
	}{
		{"no token", "", "UNAUTHENTICATED"},
		{"wrong token", "Bearer nope", "UNAUTHENTICATED"},
		{"valid token", "Bearer " + token, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			c := newClient(t, f)
			var opts []client.Option
			if tt.header != "" {
				opts = append(opts, client.AddHeader("Authorization", tt.header))
			}
			for _, q := range []string{
				`mutation { deleteDocument(id: "d1") }`,
				`mutation { mergeEntities(keep: "per_a", merge: "per_b") { name } }`,
				`mutation { addAlias(entity: "per_a", alias: "A.A.") { name } }`,
			} {
				errs, _ := raw(t, c, q, opts...)
				code := ""
				if len(errs) > 0 {
					code = errs[0].Extensions.Code
				}
				if code != tt.code {
					t.Errorf("%s: code %q (%v), want %q", q, code, errs, tt.code)
				}
			}
			writes := f.calls["DeleteDocument"] + f.calls["MergeEntities"] + f.calls["AddAlias"]
			if want := map[bool]int{true: 3, false: 0}[tt.code == ""]; writes != want {
				t.Errorf("store writes = %d, want %d", writes, want)
			}
		})
	}
}

func TestReadOnlyServerRefusesMutations(t *testing.T) {
	h := graph.NewHandler(&graph.Resolver{Store: newFake()}, graph.Options{})
	errs, _ := raw(t, client.New(h), `mutation { deleteDocument(id: "d1") }`, client.AddHeader("Authorization", "Bearer anything"))
	if len(errs) == 0 || errs[0].Extensions.Code != "UNAUTHENTICATED" || !strings.Contains(errs[0].Message, "read-only") {
		t.Errorf("errors = %+v, want UNAUTHENTICATED saying the API is read-only", errs)
	}
}

func TestIngestWithoutPipelineIsUnavailable(t *testing.T) {
	c := newClient(t, newFake())
	errs, _ := raw(t, c, `mutation { ingestDocument(input: {text: "Hello."}) { document { id } } }`,
		client.AddHeader("Authorization", "Bearer "+token))
	if len(errs) == 0 || errs[0].Extensions.Code != "UNAVAILABLE" {
		t.Errorf("errors = %+v, want UNAVAILABLE", errs)
	}
}

func TestComplexityAndDepthLimits(t *testing.T) {
	c := newClient(t, newFake())
	tests := []struct{ name, query, code string }{
		{"complexity", wideQuery(30), "COMPLEXITY_LIMIT_EXCEEDED"},
		{"depth", `{ person(name: "Ann Able") { roles { person { roles { person { roles { person { roles { person { roles { person { roles { title } } } } } } } } } } } } }`, "DEPTH_LIMIT_EXCEEDED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs, _ := raw(t, c, tt.query)
			if len(errs) == 0 || errs[0].Extensions.Code != tt.code {
				t.Errorf("errors = %+v, want %s", errs, tt.code)
			}
		})
	}
}

func TestCORS(t *testing.T) {
	h := graph.NewHandler(&graph.Resolver{Store: newFake()}, graph.Options{CORSOrigins: []string{"https://app.example"}})
	for origin, want := range map[string]string{"https://app.example": "https://app.example", "https://evil.example": ""} {
		req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != want {
			t.Errorf("origin %s: Access-Control-Allow-Origin = %q, want %q", origin, got, want)
		}
	}
}

// TestEventTypesInEnum checks that every type of the loader's event
// vocabulary (lexicon/data/event_types.txt) is a value of the EventType enum.
func TestEventTypesInEnum(t *testing.T) {
	entries := lexicon.Must().Entries("event_types")
	if len(entries) == 0 {
		t.Log("lexicon/data/event_types.txt is not there yet; nothing to check")
		return
	}
	seen := map[string]bool{}
	for _, e := range entries {
		typ := e.Attr("type")
		if typ == "" {
			typ = e.Phrase
		}
		if seen[typ] {
			continue
		}
		seen[typ] = true
		if !model.EventType(strings.ToUpper(typ)).IsValid() {
			t.Errorf("%s: event type %q has no EventType enum value %s in schema.graphqls", e.File, typ, strings.ToUpper(typ))
		}
	}
}

// wideQuery asks for n pages of 100 events with their participants' roles.
func wideQuery(n int) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "a%d: events(first: 100) { edges { node { participants { entity { roles { title person { name } } } } sources { quote document { title } } } } } ", i)
	}
	b.WriteString("}")
	return b.String()
}

func TestCORSLocalhost(t *testing.T) {
	h := graph.NewHandler(&graph.Resolver{Store: newFake()}, graph.Options{CORSOrigins: []string{graph.LocalhostOrigins}})
	for origin, allowed := range map[string]bool{
		"http://localhost:3000":            true,
		"http://localhost":                 true,
		"https://127.0.0.1:5173":           true,
		"http://[::1]:8080":                true,
		"http://localhost.evil.example":    false,
		"http://evil.example":              false,
		"http://127.0.0.1.evil.example:80": false,
		"null":                             false,
		"file://localhost":                 false,
	} {
		req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Access-Control-Allow-Origin") == origin; got != allowed {
			t.Errorf("origin %s: allowed = %v, want %v", origin, got, allowed)
		}
	}
}

// requestErr posts body with the given headers to h and returns the status
// and the one error of the answer.
func requestErr(t *testing.T, srv *httptest.Server, method string, body io.Reader, header map[string]string) (int, gqlErr) {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	var r struct{ Errors []gqlErr }
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || len(r.Errors) != 1 {
		t.Fatalf("HTTP %d: want one GraphQL error, got %+v (%v)", resp.StatusCode, r, err)
	}
	return resp.StatusCode, r.Errors[0]
}

func TestRequestsRefusedBeforeGraphQL(t *testing.T) {
	srv := httptest.NewServer(graph.NewHandler(&graph.Resolver{Store: newFake()}, graph.Options{}))
	defer srv.Close()
	query := `{"query":"{ topics { name } }"}`
	big := `{"query":"{ topics { name } }","variables":{"x":"` + strings.Repeat("a", 10<<20) + `"}}`
	tests := []struct {
		name   string
		method string
		body   io.Reader
		header map[string]string
		status int
		code   string
		msg    string
	}{
		{"no content type", http.MethodPost, strings.NewReader(query), nil, 415, "UNSUPPORTED_MEDIA_TYPE", "the request has none"},
		{"form", http.MethodPost, strings.NewReader("query=x"), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"},
		{"10 MB", http.MethodPost, strings.NewReader(big), map[string]string{"Content-Type": "application/json"}, 413, "PAYLOAD_TOO_LARGE", "larger than"},
		// io.MultiReader hides the length: the body arrives chunked.
		{"10 MB chunked", http.MethodPost, io.MultiReader(strings.NewReader(big)), map[string]string{"Content-Type": "application/json"}, 413, "PAYLOAD_TOO_LARGE", "larger than"},
		{"PUT", http.MethodPut, strings.NewReader(query), map[string]string{"Content-Type": "application/json"}, 405, "METHOD_NOT_ALLOWED", "GET or POST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, e := requestErr(t, srv, tt.method, tt.body, tt.header)
			if status != tt.status || e.Extensions.Code != tt.code || !strings.Contains(e.Message, tt.msg) {
				t.Errorf("HTTP %d %s %q, want HTTP %d %s with %q", status, e.Extensions.Code, e.Message, tt.status, tt.code, tt.msg)
			}
		})
	}
	t.Run("json with charset", func(t *testing.T) {
		resp, err := srv.Client().Post(srv.URL, "application/json; charset=utf-8", strings.NewReader(query))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("HTTP %d, want 200", resp.StatusCode)
		}
	})
}

// TestSlowBodyTimesOut sends half a body and stops: the server must answer
// 408 with REQUEST_TIMEOUT instead of waiting for the rest.
func TestSlowBodyTimesOut(t *testing.T) {
	srv := httptest.NewServer(graph.NewHandler(&graph.Resolver{Store: newFake()}, graph.Options{BodyTimeout: 300 * time.Millisecond}))
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":")
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second)) // a hang fails instead of blocking the run
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a stalled body: %v", err)
	}
	defer resp.Body.Close()
	var r struct{ Errors []gqlErr }
	_ = json.NewDecoder(resp.Body).Decode(&r)
	if resp.StatusCode != http.StatusRequestTimeout || len(r.Errors) != 1 || r.Errors[0].Extensions.Code != "REQUEST_TIMEOUT" {
		t.Errorf("HTTP %d %+v, want 408 REQUEST_TIMEOUT", resp.StatusCode, r.Errors)
	}
}

// TestOneLogLinePerRequest fails many aliased fields of one request with an
// internal error and checks that the request logs one line naming the count.
func TestOneLogLinePerRequest(t *testing.T) {
	f := newFake()
	f.err = errors.New("boom")
	var buf syncBuffer
	h := graph.NewHandler(&graph.Resolver{Store: f}, graph.Options{Log: slog.New(slog.NewTextHandler(&buf, nil))})
	var q strings.Builder
	q.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&q, " a%d: events(first: 1) { totalCount }", i)
	}
	q.WriteString(" }")
	errs, _ := raw(t, client.New(h), q.String())
	if len(errs) != 40 {
		t.Fatalf("%d errors, want 40", len(errs))
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "errors=40") || !strings.Contains(lines[0], "internal error") {
		t.Errorf("log: %d lines, want one with errors=40:\n%s", len(lines), buf.String())
	}
}

// TestConflictsPriced checks that conflicts costs more than its page, so a
// request cannot ask for it many times over.
func TestConflictsPriced(t *testing.T) {
	c := newClient(t, newFake())
	var q strings.Builder
	q.WriteString("{")
	for i := range 25 {
		fmt.Fprintf(&q, " a%d: conflicts(first: 1) { totalCount }", i)
	}
	q.WriteString(" }")
	errs, _ := raw(t, c, q.String())
	if len(errs) == 0 || errs[0].Extensions.Code != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("25 conflicts: errors = %+v, want COMPLEXITY_LIMIT_EXCEEDED", errs)
	}
	if errs, _ := raw(t, c, `{ conflicts(first: 100) { totalCount edges { node { description } } } }`); len(errs) > 0 {
		t.Errorf("one conflicts: errors = %+v", errs)
	}
}

// syncBuffer is a bytes.Buffer safe for a logger's concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
