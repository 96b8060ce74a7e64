package report

import (
	"context"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// Runner answers queries from a store.
type Runner struct {
	Store  Store
	Topics Topics // nil: a topic matches only itself
}

// Run answers q. Entity references that name nothing are kg.ErrNotFound;
// unusable arguments kg.ErrInvalid.
func (rn Runner) Run(ctx context.Context, q Query) (*Result, error) {
	run := map[string]func(context.Context, Query) (*Result, error){
		"neighborhood": rn.neighborhood, "connections": rn.connections, "events": rn.events,
		"claims": rn.claims, "roles": rn.roles, "profile": rn.profile, "document": rn.document,
	}[q.Kind]
	if run == nil {
		return nil, &ParamError{Msg: fmt.Sprintf("unknown query %q", q.Kind)}
	}
	return run(ctx, q)
}

func (rn Runner) neighborhood(ctx context.Context, q Query) (*Result, error) {
	g, err := rn.Store.Neighborhood(ctx, q.Get("of"), q.Int("hops"), q.Int("limit"), nil)
	if err != nil {
		return nil, err
	}
	f := newFacts()
	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.ID
	}
	if err := f.fetchNodes(ctx, rn.Store, ids); err != nil {
		return nil, err
	}
	if err := f.complete(ctx, rn.Store, false); err != nil {
		return nil, err
	}
	of := f.name(ids[0])
	r := &Result{Query: q, Title: "What is around " + of + "?",
		Summary: fmt.Sprintf("The neighbourhood of %s within %d hop(s): %d nodes", of, q.Int("hops"), len(ids)),
		Columns: []string{"Kind", "Fact"}}
	r.Graph = f.graphOf(r.Summary, ids, g.Edges)
	r.factRows(f)
	return r, r.finish(ctx, rn.Store, f, nil)
}

// factRows adds a row per source of every role, event and claim.
func (r *Result) factRows(f *facts) {
	for _, x := range f.roles {
		r.rows(f, x.Sources, "Role", f.name(x.Person)+": "+roleCaption(x)+atOrg(f, x))
	}
	for _, x := range f.events {
		r.rows(f, x.Sources, "Event", eventCaption(x)+" ("+f.participants(x)+")")
	}
	for _, x := range f.claims {
		r.rows(f, x.Sources, "Claim", f.name(x.Claimant)+" "+stanceVerb(x.Stance)+topicsOf(x))
	}
}

func atOrg(f *facts, r kg.Role) string {
	if r.Organization == "" {
		return ""
	}
	return " at " + f.name(r.Organization)
}

func topicsOf(c kg.Claim) string {
	if len(c.Topics) == 0 {
		return ""
	}
	return " (" + strings.Join(c.Topics, ", ") + ")"
}

func (rn Runner) connections(ctx context.Context, q Query) (*Result, error) {
	paths, err := rn.Store.Connections(ctx, q.Get("from"), q.Get("to"), q.Int("maxHops"), nil)
	if err != nil {
		return nil, err
	}
	a, err := rn.Store.FindEntity(ctx, q.Get("from"), "")
	if err != nil {
		return nil, err
	}
	b, err := rn.Store.FindEntity(ctx, q.Get("to"), "")
	if err != nil {
		return nil, err
	}
	f := newFacts()
	var ids []string
	var edges []kg.GraphEdge
	for _, p := range paths {
		for _, n := range p.Nodes {
			if !f.seen[n.ID] {
				ids = append(ids, n.ID)
				if err := f.fetchNodes(ctx, rn.Store, []string{n.ID}); err != nil {
					return nil, err
				}
			}
		}
		edges = append(edges, p.Edges...)
	}
	if err := f.complete(ctx, rn.Store, false); err != nil {
		return nil, err
	}
	r := &Result{Query: q, Title: "How is " + a.Name + " connected to " + b.Name + "?",
		Summary: fmt.Sprintf("%d shortest path(s) of at most %d hops from %s to %s", len(paths), q.Int("maxHops"), a.Name, b.Name),
		Columns: []string{"Kind", "Fact"}}
	if len(paths) == 0 {
		r.Empty = fmt.Sprintf("No path of at most %d hops joins %s and %s.", q.Int("maxHops"), a.Name, b.Name)
	}
	r.Graph = f.graphOf(r.Summary, ids, edges)
	r.factRows(f)
	return r, r.finish(ctx, rn.Store, f, nil)
}

func (rn Runner) events(ctx context.Context, q Query) (*Result, error) {
	if p := q.Get("participant"); p != "" {
		if _, err := rn.Store.FindEntity(ctx, p, ""); err != nil {
			return nil, err
		}
	}
	typ := strings.ToLower(q.Get("type"))
	page, err := rn.Store.Events(ctx, kg.EventFilter{Type: typ, From: q.Get("from"), To: q.Get("to"),
		Participant: q.Get("participant"), First: q.Int("first")}, kg.Include{})
	if err != nil {
		return nil, err
	}
	f := newFacts()
	for _, e := range page.Items {
		f.addEvent(e)
	}
	if err := f.complete(ctx, rn.Store, true); err != nil {
		return nil, err
	}
	what := "events"
	if typ != "" {
		what = strings.ToLower(human(typ)) + " events"
	}
	r := &Result{Query: q, Title: "Which " + what + " are recorded?",
		Summary: fmt.Sprintf("%d %s%s", len(page.Items), what, filters(q, "participant", "from", "to")),
		Columns: []string{"Event", "Participants"}}
	for _, e := range f.events {
		r.rows(f, e.Sources, eventCaption(e), f.participants(e))
	}
	r.Graph = f.graph(r.Summary)
	return r, r.finish(ctx, rn.Store, f, nil)
}

// filters describes the given parameters among names: " (participant:
// Amazon, from: 2020)".
func filters(q Query, names ...string) string {
	var parts []string
	for _, n := range names {
		if v := q.Get(n); v != "" {
			parts = append(parts, n+": "+v)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
