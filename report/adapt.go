package report

import (
	"context"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/kg"
)

// The one adapter between the store's values and reports: facts gathers
// kg values from any read, completes them with the entities and documents
// they name, and turns them into an export.Graph and captions.

// facts is a set of entities, roles, events and claims, each once, with the
// documents their sources cite.
type facts struct {
	entities map[string]kg.Entity
	roles    []kg.Role
	events   []kg.Event
	claims   []kg.Claim
	docs     map[string]kg.Document
	seen     map[string]bool
	order    []string   // node ids in the order they were added
	pending  []kg.Claim // claims cited (in conflicts) but not nodes
}

func newFacts() *facts {
	return &facts{entities: map[string]kg.Entity{}, docs: map[string]kg.Document{}, seen: map[string]bool{}}
}

func (f *facts) first(id string) bool {
	if f.seen[id] {
		return false
	}
	f.seen[id] = true
	f.order = append(f.order, id)
	return true
}

func (f *facts) addEntity(e kg.Entity) {
	if f.first(e.ID) {
		f.entities[e.ID] = e
	}
}

func (f *facts) addRole(r kg.Role) {
	if f.first(r.ID) {
		f.roles = append(f.roles, r)
	}
}

func (f *facts) addEvent(e kg.Event) {
	if f.first(e.ID) {
		f.events = append(f.events, e)
	}
}

func (f *facts) addClaim(c kg.Claim) {
	if f.first(c.ID) {
		f.claims = append(f.claims, c)
	}
}

// addNode adds what store.Node returns.
func (f *facts) addNode(n any) {
	switch n := n.(type) {
	case kg.Entity:
		f.addEntity(n)
	case kg.Role:
		f.addRole(n)
	case kg.Event:
		f.addEvent(n)
	case kg.Claim:
		f.addClaim(n)
	}
}

// complete fetches the entities the facts refer to and the documents their
// sources cite. Entities fetched only as references are not graph nodes of
// their own unless withRefs; they name participants and claimants.
func (f *facts) complete(ctx context.Context, s Store, withRefs bool) error {
	var ids []string
	node := map[string]bool{} // referenced by a node's fact, not only by a pending claim
	ref := func(id string, byNode bool) {
		if id == "" {
			return
		}
		if _, ok := f.entities[id]; ok {
			return
		}
		if _, ok := node[id]; !ok {
			ids = append(ids, id)
		}
		node[id] = node[id] || byNode
	}
	var docIDs []string
	cite := func(srcs []kg.Source) {
		for _, s := range srcs {
			if _, ok := f.docs[s.Document]; !ok {
				f.docs[s.Document] = kg.Document{ID: s.Document}
				docIDs = append(docIDs, s.Document)
			}
		}
	}
	for _, r := range f.roles {
		ref(r.Person, true)
		ref(r.Organization, true)
		cite(r.Sources)
	}
	for _, e := range f.events {
		for _, p := range e.Participants {
			ref(p.Entity, true)
		}
		cite(e.Sources)
	}
	for _, c := range f.claims {
		ref(c.Claimant, true)
		for _, a := range c.About {
			ref(a, true)
		}
		cite(c.Sources)
	}
	for _, c := range f.pending {
		ref(c.Claimant, false)
		cite(c.Sources[:min(1, len(c.Sources))])
	}
	ents, err := s.EntitiesByID(ctx, ids, nil)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if e, ok := ents[id]; ok {
			if withRefs && node[id] {
				f.addEntity(e)
			} else {
				f.entities[id] = e
			}
		}
	}
	docs, err := s.DocumentsByID(ctx, docIDs, nil)
	if err != nil {
		return err
	}
	for id, d := range docs {
		f.docs[id] = d
	}
	return nil
}

// name is an entity's name, or its id when unknown.
func (f *facts) name(id string) string {
	if e, ok := f.entities[id]; ok {
		return e.Name
	}
	return id
}

func human(t string) string {
	t = strings.ReplaceAll(t, "_", " ")
	if t == "" {
		return t
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func eventCaption(e kg.Event) string {
	c := human(e.Type)
	if d := e.Date; d != "" {
		c += " · " + d
	} else if e.DateText != "" {
		c += " · " + e.DateText
	}
	return c
}

func stanceVerb(stance string) string {
	switch stance {
	case kg.Alleges:
		return "alleges"
	case kg.Denies:
		return "denies"
	}
	return "says"
}

func (f *facts) claimCaption(c kg.Claim) string {
	return f.name(c.Claimant) + " " + stanceVerb(c.Stance) + ": " + shorten(c.Text, 70)
}

func roleCaption(r kg.Role) string {
	if r.Status == kg.Former {
		return "Former " + r.Title
	}
	return r.Title
}

// participants is "agent: Amazon; deponent: Dana Deasy, Mark Esper".
func (f *facts) participants(e kg.Event) string {
	var parts []string
	by := map[string][]string{}
	for _, p := range e.Participants {
		who := p.Description
		if p.Entity != "" {
			who = f.name(p.Entity)
		}
		if _, ok := by[p.As]; !ok {
			parts = append(parts, p.As)
		}
		by[p.As] = append(by[p.As], who)
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p + ": " + strings.Join(by[p], ", ")
	}
	return strings.Join(out, "; ")
}

func sourceProps(srcs []kg.Source) []export.Prop {
	var docs []string
	seen := map[string]bool{}
	for _, s := range srcs {
		if !seen[s.Document] {
			seen[s.Document] = true
			docs = append(docs, s.Document)
		}
	}
	props := []export.Prop{{Key: "sources", Value: len(srcs)}, {Key: "documents", Value: docs}}
	if len(srcs) > 0 {
		props = append(props, export.Prop{Key: "quote", Value: srcs[0].Quote})
	}
	return props
}

// nodes returns the export node of every fact and entity, by id.
func (f *facts) nodes() map[string]export.Node {
	out := map[string]export.Node{}
	for id, e := range f.entities {
		label := "Organization"
		if e.Type == kg.Person {
			label = "Person"
		}
		props := []export.Prop{{Key: "name", Value: e.Name}, {Key: "aliases", Value: nonNil(e.Aliases)}}
		if e.Kind != "" {
			props = append(props, export.Prop{Key: "kind", Value: e.Kind})
		}
		out[id] = export.Node{ID: id, Labels: []string{"Entity", label}, Caption: e.Name, Props: props}
	}
	for _, r := range f.roles {
		out[r.ID] = export.Node{ID: r.ID, Labels: []string{"Role"}, Caption: roleCaption(r),
			Props: append([]export.Prop{{Key: "title", Value: r.Title}, {Key: "status", Value: r.Status}}, sourceProps(r.Sources)...)}
	}
	for _, e := range f.events {
		props := []export.Prop{{Key: "type", Value: e.Type}, {Key: "date", Value: e.Date}, {Key: "dateText", Value: e.DateText},
			{Key: "participants", Value: f.participants(e)}}
		out[e.ID] = export.Node{ID: e.ID, Labels: []string{"Event"}, Caption: eventCaption(e), Props: append(props, sourceProps(e.Sources)...)}
	}
	for _, c := range f.claims {
		props := []export.Prop{{Key: "text", Value: c.Text}, {Key: "stance", Value: c.Stance}, {Key: "kind", Value: c.Kind},
			{Key: "topics", Value: nonNil(c.Topics)}}
		out[c.ID] = export.Node{ID: c.ID, Labels: []string{"Claim"}, Caption: f.claimCaption(c), Props: append(props, sourceProps(c.Sources)...)}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// edges derives the relationships among the facts, as stored: HOLDS_ROLE,
// AT, PARTICIPATED_IN {as}, MADE and ABOUT.
func (f *facts) edges() []export.Edge {
	var out []export.Edge
	add := func(from, to, typ string, props ...export.Prop) {
		if from != "" && to != "" {
			out = append(out, export.Edge{Source: from, Target: to, Type: typ, Props: props})
		}
	}
	for _, r := range f.roles {
		add(r.Person, r.ID, "HOLDS_ROLE")
		add(r.ID, r.Organization, "AT")
	}
	for _, e := range f.events {
		for _, p := range e.Participants {
			add(p.Entity, e.ID, "PARTICIPATED_IN", export.Prop{Key: "as", Value: p.As})
		}
	}
	for _, c := range f.claims {
		add(c.Claimant, c.ID, "MADE")
		for _, a := range c.About {
			add(c.ID, a, "ABOUT")
		}
	}
	return out
}

// graph is the facts as an export graph: every node added (entities
// known only as references are not nodes), in the order added, and the
// edges among them.
func (f *facts) graph(title string) export.Graph {
	nodes := f.nodes()
	g := export.Graph{Title: title}
	for _, id := range f.order {
		if n, ok := nodes[id]; ok {
			g.Nodes = append(g.Nodes, n)
		}
	}
	for _, e := range f.edges() {
		if f.seen[e.Source] && f.seen[e.Target] {
			g.Edges = append(g.Edges, e)
		}
	}
	return g
}

// graphOf is the store's drawable graph (node ids and edges) with the
// nodes' full properties from facts.
func (f *facts) graphOf(title string, ids []string, edges []kg.GraphEdge) export.Graph {
	nodes := f.nodes()
	g := export.Graph{Title: title}
	for _, id := range ids {
		if n, ok := nodes[id]; ok {
			g.Nodes = append(g.Nodes, n)
		}
	}
	seen := map[string]bool{}
	for _, e := range edges {
		key := e.Source + "\x00" + e.Type + "\x00" + e.Target
		_, okS := nodes[e.Source]
		_, okT := nodes[e.Target]
		if !okS || !okT || seen[key] {
			continue
		}
		seen[key] = true
		var props []export.Prop
		if e.Part != "" {
			props = append(props, export.Prop{Key: "as", Value: e.Part})
		}
		g.Edges = append(g.Edges, export.Edge{Source: e.Source, Target: e.Target, Type: e.Type, Props: props})
	}
	return g
}

// fetchNodes adds the nodes with these ids, one read each.
func (f *facts) fetchNodes(ctx context.Context, s Store, ids []string) error {
	for _, id := range ids {
		n, err := s.Node(ctx, id, nil)
		if err != nil {
			return fmt.Errorf("node %s: %w", id, err)
		}
		f.addNode(n)
	}
	return nil
}
