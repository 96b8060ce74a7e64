package report

import (
	"context"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

func (rn Runner) claims(ctx context.Context, q Query) (*Result, error) {
	for _, p := range []string{"claimant", "about"} {
		if ref := q.Get(p); ref != "" {
			if _, err := rn.Store.FindEntity(ctx, ref, ""); err != nil {
				return nil, err
			}
		}
	}
	filter := kg.ClaimFilter{Stance: strings.ToLower(q.Get("stance")), Claimant: q.Get("claimant"),
		About: q.Get("about"), First: q.Int("first")}
	if t := q.Get("topic"); t != "" {
		filter.Topics = []string{t}
		if rn.Topics != nil {
			filter.Topics = rn.Topics.Expand(t)
		}
	}
	inc := kg.Include{About: true}
	page, err := rn.Store.Claims(ctx, filter, inc)
	if err != nil {
		return nil, err
	}
	// The other side of the topic, for the conflicts.
	var others []kg.Claim
	if filter.Stance != "" && filter.Topics != nil {
		all, err := rn.Store.Claims(ctx, kg.ClaimFilter{Topics: filter.Topics, First: 100}, inc)
		if err != nil {
			return nil, err
		}
		others = all.Items
	}
	f := newFacts()
	for _, c := range page.Items {
		f.addClaim(c)
	}
	for _, c := range others {
		// after the claims themselves, so refs knows which are nodes
		f.refs(c)
	}
	if err := f.complete(ctx, rn.Store, true); err != nil {
		return nil, err
	}
	r := &Result{Query: q, Title: claimsQuestion(q),
		Summary: fmt.Sprintf("%d claim(s)%s", len(page.Items), filters(q, "topic", "stance", "claimant", "about")),
		Columns: []string{"Claimant", "Stance", "Topics"}}
	for _, c := range f.claims {
		r.rows(f, c.Sources, f.name(c.Claimant), c.Stance, strings.Join(c.Topics, ", "))
	}
	r.Graph = f.graph(r.Summary)
	return r, r.finish(ctx, rn.Store, f, others)
}

// refs makes the entities and documents of a claim known to complete
// without making the claim a node.
func (f *facts) refs(c kg.Claim) {
	if !f.seen[c.ID] {
		f.pending = append(f.pending, c)
	}
}

func claimsQuestion(q Query) string {
	topic := q.Get("topic")
	on := ""
	if topic != "" {
		on = " " + topic
	}
	if a := q.Get("about"); a != "" {
		on += " about " + a
	}
	switch strings.ToLower(q.Get("stance")) {
	case kg.Alleges:
		if on == "" {
			on = " anything"
		}
		return "Who alleged" + on + "?"
	case kg.Denies:
		if on == "" {
			return "Who denied allegations?"
		}
		return "Who denied" + on + "?"
	}
	if on == "" {
		return "What was claimed?"
	}
	return "What was claimed on" + on + "?"
}

func (rn Runner) roles(ctx context.Context, q Query) (*Result, error) {
	org, err := rn.Store.FindEntity(ctx, q.Get("at"), kg.Organization)
	if err != nil {
		return nil, err
	}
	byOrg, err := rn.Store.RolesOf(ctx, []string{org.ID}, nil)
	if err != nil {
		return nil, err
	}
	f := newFacts()
	for _, r := range byOrg[org.ID] {
		if r.Organization == org.ID {
			f.addRole(r)
		}
	}
	f.addEntity(org)
	if err := f.complete(ctx, rn.Store, true); err != nil {
		return nil, err
	}
	r := &Result{Query: q, Title: "Who holds which office at " + org.Name + "?",
		Summary: fmt.Sprintf("%d role(s) at %s", len(f.roles), org.Name), Columns: []string{"Person", "Title", "Status"}}
	for _, x := range f.roles {
		r.rows(f, x.Sources, f.name(x.Person), x.Title, x.Status)
	}
	r.Graph = f.graph(r.Summary)
	return r, r.finish(ctx, rn.Store, f, nil)
}

func (rn Runner) profile(ctx context.Context, q Query) (*Result, error) {
	ef, err := rn.Store.Entity(ctx, q.Get("of"), "", kg.Include{Roles: true, Events: true, ClaimsMade: true,
		ClaimsAbout: true, About: true})
	if err != nil {
		return nil, err
	}
	f := newFacts()
	e := ef.Entity
	f.addEntity(e)
	r := &Result{Query: q, Title: "Who is " + e.Name + "?", Columns: []string{"Relation", "Fact"}}
	for _, x := range ef.Roles {
		f.addRole(x)
	}
	for _, p := range ef.Events {
		f.addEvent(p.Event)
	}
	for _, c := range ef.ClaimsMade {
		f.addClaim(c)
	}
	for _, c := range ef.ClaimsAbout {
		f.addClaim(c)
	}
	if err := f.complete(ctx, rn.Store, true); err != nil {
		return nil, err
	}
	for _, x := range ef.Roles {
		r.rows(f, x.Sources, "holds role", f.name(x.Person)+": "+roleCaption(x)+atOrg(f, x))
	}
	for _, p := range ef.Events {
		r.rows(f, p.Event.Sources, "took part ("+p.Part+")", eventCaption(p.Event))
	}
	for _, c := range ef.ClaimsMade {
		r.rows(f, c.Sources, "claimed", stanceVerb(c.Stance)+topicsOf(c)+": "+shorten(c.Text, 120))
	}
	for _, c := range ef.ClaimsAbout {
		r.rows(f, c.Sources, "subject of a claim", f.claimCaption(c))
	}
	r.Summary = fmt.Sprintf("%s (%s): %d role(s), %d event(s), %d claim(s) made, %d about", e.Name, e.Type,
		len(ef.Roles), len(ef.Events), len(ef.ClaimsMade), len(ef.ClaimsAbout))
	r.Graph = f.graph(r.Summary)
	return r, r.finish(ctx, rn.Store, f, nil)
}

func (rn Runner) document(ctx context.Context, q Query) (*Result, error) {
	id := q.Get("id")
	docs, err := rn.Store.DocumentsByID(ctx, []string{id}, nil)
	if err != nil {
		return nil, err
	}
	d, ok := docs[id]
	if !ok {
		return nil, fmt.Errorf("document %q: %w", id, kg.ErrNotFound)
	}
	cs, err := rn.Store.Contributions(ctx, []string{id}, nil)
	if err != nil {
		return nil, err
	}
	c := cs[id]
	f := newFacts()
	for _, x := range c.Roles {
		f.addRole(onlyFrom(x, id, func(x kg.Role, s []kg.Source) kg.Role { x.Sources = s; return x }))
	}
	for _, x := range c.Events {
		f.addEvent(onlyFrom(x, id, func(x kg.Event, s []kg.Source) kg.Event { x.Sources = s; return x }))
	}
	for _, x := range c.Claims {
		f.addClaim(onlyFrom(x, id, func(x kg.Claim, s []kg.Source) kg.Claim { x.Sources = s; return x }))
	}
	if err := f.complete(ctx, rn.Store, true); err != nil {
		return nil, err
	}
	r := &Result{Query: q, Title: "What does “" + orNone(d.Title) + "” state?", Columns: []string{"Kind", "Fact"},
		Summary: fmt.Sprintf("Document %s: %d entities, %d roles, %d events, %d claims", id, len(c.Entities), len(c.Roles), len(c.Events), len(c.Claims))}
	r.factRows(f)
	r.Graph = f.graph(r.Summary)
	return r, r.finish(ctx, rn.Store, f, nil)
}

// onlyFrom keeps a fact's sources in document doc.
func onlyFrom[T any](x T, doc string, set func(T, []kg.Source) T) T {
	var srcs []kg.Source
	for _, s := range sourcesOf(x) {
		if s.Document == doc {
			srcs = append(srcs, s)
		}
	}
	return set(x, srcs)
}

func sourcesOf(x any) []kg.Source {
	switch x := x.(type) {
	case kg.Role:
		return x.Sources
	case kg.Event:
		return x.Sources
	case kg.Claim:
		return x.Sources
	}
	return nil
}
