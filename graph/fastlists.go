package graph

import (
	"context"
	"io"
	"strconv"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
)

// Lists of plain objects (roles, and the nodes and edges of a drawable
// graph) are written to JSON here, in one pass, when every field their
// selection asks for is a value the object already holds: a role's id,
// title, status and the id, name, aliases and kind of its person and
// organization; a graph node's id, label and type; a graph edge's id,
// type, source, target and part; an event edge's cursor and event, with the
// event's values, its participants (part, description, and the entity's
// values as for a role's person) and its sources (positions, quote, and
// the document's values), when the read primed every entity and document
// they name. gqlgen would marshal each element on a
// goroutine of its own and run each of its fields through its resolver
// machinery (a field context, a context value, closures, a marshaler),
// about 45 allocations per role: for the 698 roles of the busiest
// organization at 10,000 documents that cost several times the database
// read. A selection with anything else (sources, an entity's lists or
// merges, a deferred fragment) is left to gqlgen, and so is a list with a
// missing non-null object. The bytes are those gqlgen writes: the fields
// as graphql.CollectFields gives them (aliases, fragments, @skip and
// @include), each alias once, strings escaped as graphql.MarshalString
// escapes them (fastlists_test.go compares the two on the same queries).

// fastLists is the field middleware that answers the lists above.
func fastLists(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if err != nil {
		return res, err
	}
	var out []byte
	switch v := res.(type) {
	case []model.Role:
		out = writeRoles(ctx, v)
	case []kg.GraphNode:
		out = writeGraphNodes(ctx, v)
	case []kg.GraphEdge:
		out = writeGraphEdges(ctx, v)
	case []model.EventEdge:
		out = writeEventEdges(ctx, v)
	default:
		return res, nil
	}
	if out == nil {
		return res, nil
	}
	fastWrites.Add(1)
	return rawJSON(out), nil
}

// fastWrites counts the lists written here (for tests: which path a query took).
var fastWrites atomic.Int64

// rawJSON is a value already written as JSON.
type rawJSON []byte

func (r rawJSON) MarshalGQL(w io.Writer) { _, _ = w.Write(r) }

// collect returns the fields selected beneath the list field of ctx on
// objects of a type that satisfies (its name and interfaces), or false
// when one is outside known or deferred.
func collect(ctx context.Context, satisfies []string, known func(name string) bool) ([]graphql.CollectedField, bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return nil, false
	}
	return collectIn(graphql.GetOperationContext(ctx), fc.Field.Selections, satisfies, known)
}

func collectIn(oc *graphql.OperationContext, sel ast.SelectionSet, satisfies []string, known func(string) bool) ([]graphql.CollectedField, bool) {
	fields := graphql.CollectFields(oc, sel, satisfies)
	for _, f := range fields {
		if f.Deferrable != nil || f.Name != "__typename" && !known(f.Name) {
			return nil, false
		}
	}
	return fields, true
}

// object appends the JSON object of fields as gqlgen's FieldSet writes
// it: each alias once, in order; value appends field f's value.
func object(b []byte, fields []graphql.CollectedField, value func(b []byte, f graphql.CollectedField) []byte) []byte {
	b = append(b, '{')
	for i, f := range fields {
		if written(fields[:i], f.Alias) {
			continue
		}
		if i != 0 {
			b = append(b, ',')
		}
		b = quote(b, f.Alias)
		b = append(b, ':')
		b = value(b, f)
	}
	return append(b, '}')
}

func written(before []graphql.CollectedField, alias string) bool {
	for _, f := range before {
		if f.Alias == alias {
			return true
		}
	}
	return false
}

const hexDigits = "0123456789ABCDEF"

// quote appends s as a JSON string, escaped exactly as
// graphql.MarshalString escapes it.
func quote(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i, c := range s {
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '\t':
			b = append(b, `\t`...)
		case '\r':
			b = append(b, `\r`...)
		case '\n':
			b = append(b, `\n`...)
		case '\\':
			b = append(b, `\\`...)
		case '"':
			b = append(b, `\"`...)
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

func quoteList(b []byte, l []string) []byte {
	b = append(b, '[')
	for i, s := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = quote(b, s)
	}
	return append(b, ']')
}

// list appends the JSON array of n elements.
func list(b []byte, n int, elem func(b []byte, i int) []byte) []byte {
	b = append(b, '[')
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, i)
	}
	return append(b, ']')
}

func roleField(name string) bool {
	switch name {
	case "id", "title", "status", "person", "organization":
		return true
	}
	return false
}

func personField(name string) bool {
	switch name {
	case "id", "name", "aliases":
		return true
	}
	return false
}

func organizationField(name string) bool { return name == "kind" || personField(name) }

// writeRoles returns the JSON of roles, or nil to leave them to gqlgen.
func writeRoles(ctx context.Context, roles []model.Role) []byte {
	fields, ok := collect(ctx, roleImplementors, roleField)
	if !ok {
		return nil
	}
	oc := graphql.GetOperationContext(ctx)
	var person, org []graphql.CollectedField
	for _, f := range fields {
		switch f.Name {
		case "person":
			if person, ok = collectIn(oc, f.Selections, personImplementors, personField); !ok {
				return nil
			}
			for _, r := range roles {
				if r.PersonNode == nil { // gqlgen reports the missing non-null person
					return nil
				}
			}
		case "organization":
			if org, ok = collectIn(oc, f.Selections, organizationImplementors, organizationField); !ok {
				return nil
			}
		}
	}
	b := make([]byte, 0, 64+len(roles)*(16+len(fields)*24+len(person)*24+len(org)*24))
	return list(b, len(roles), func(b []byte, i int) []byte {
		r := &roles[i]
		return object(b, fields, func(b []byte, f graphql.CollectedField) []byte {
			switch f.Name {
			case "__typename":
				return quote(b, "Role")
			case "id":
				return quote(b, r.ID)
			case "title":
				return quote(b, r.Title)
			case "status":
				return quote(b, r.Status)
			case "person":
				return entityObject(b, person, "Person", r.PersonNode.Entity)
			case "organization":
				if r.OrganizationNode == nil {
					return append(b, "null"...)
				}
				return entityObject(b, org, "Organization", r.OrganizationNode.Entity)
			}
			panic("fastlists: unknown field " + f.Name) // collect admitted only the names above
		})
	})
}

// entityObject appends the JSON of a person or organization e (typename)
// with the fields of personField or organizationField.
func entityObject(b []byte, fields []graphql.CollectedField, typename string, e kg.Entity) []byte {
	return object(b, fields, func(b []byte, f graphql.CollectedField) []byte {
		switch f.Name {
		case "__typename":
			return quote(b, typename)
		case "id":
			return quote(b, e.ID)
		case "name":
			return quote(b, e.Name)
		case "aliases":
			return quoteList(b, e.Aliases)
		case "kind":
			return quote(b, e.Kind)
		}
		panic("fastlists: unknown field " + f.Name)
	})
}

func graphNodeField(name string) bool { return name == "id" || name == "label" || name == "type" }

// writeGraphNodes returns the JSON of nodes, or nil to leave them to gqlgen.
func writeGraphNodes(ctx context.Context, nodes []kg.GraphNode) []byte {
	fields, ok := collect(ctx, graphNodeImplementors, graphNodeField)
	if !ok {
		return nil
	}
	b := make([]byte, 0, 64+len(nodes)*(16+len(fields)*32))
	return list(b, len(nodes), func(b []byte, i int) []byte {
		n := &nodes[i]
		return object(b, fields, func(b []byte, f graphql.CollectedField) []byte {
			switch f.Name {
			case "__typename":
				return quote(b, "GraphNode")
			case "id":
				return quote(b, n.ID)
			case "label":
				return quote(b, n.Label)
			case "type":
				return quote(b, n.Type)
			}
			panic("fastlists: unknown field " + f.Name)
		})
	})
}

func graphEdgeField(name string) bool {
	switch name {
	case "id", "type", "source", "target", "part":
		return true
	}
	return false
}

// writeGraphEdges returns the JSON of edges, or nil to leave them to gqlgen.
func writeGraphEdges(ctx context.Context, edges []kg.GraphEdge) []byte {
	fields, ok := collect(ctx, graphEdgeImplementors, graphEdgeField)
	if !ok {
		return nil
	}
	b := make([]byte, 0, 64+len(edges)*(16+len(fields)*32))
	return list(b, len(edges), func(b []byte, i int) []byte {
		e := &edges[i]
		return object(b, fields, func(b []byte, f graphql.CollectedField) []byte {
			switch f.Name {
			case "__typename":
				return quote(b, "GraphEdge")
			case "id":
				return quote(b, e.ID)
			case "type":
				return quote(b, e.Type)
			case "source":
				return quote(b, e.Source)
			case "target":
				return quote(b, e.Target)
			case "part": // as graphEdgeResolver.Part: null off PARTICIPATED_IN
				if e.Part == "" {
					return append(b, "null"...)
				}
				return quote(b, e.Part)
			}
			panic("fastlists: unknown field " + f.Name)
		})
	})
}

func eventEdgeField(name string) bool { return name == "cursor" || name == "node" }

func eventField(name string) bool {
	switch name {
	case "id", "type", "date", "datePrecision", "dateText", "summary", "participants", "sources":
		return true
	}
	return false
}

func participantField(name string) bool {
	return name == "part" || name == "entity" || name == "description"
}

func sourceField(name string) bool {
	switch name {
	case "document", "sentence", "start", "end", "quote":
		return true
	}
	return false
}

func documentField(name string) bool {
	switch name {
	case "id", "file", "title", "publisher", "url", "publishedAt", "sha256":
		return true
	}
	return false
}

// eventSel is what a selection of event edges asks for, collected once
// for the whole list.
type eventSel struct {
	edge, event, participant, person, org, source, document []graphql.CollectedField
}

// collectEventSel collects the selection beneath an event edges field, or
// returns false when any of it is beyond the fields above.
func collectEventSel(ctx context.Context) (s eventSel, ok bool) {
	if s.edge, ok = collect(ctx, eventEdgeImplementors, eventEdgeField); !ok {
		return s, false
	}
	oc := graphql.GetOperationContext(ctx)
	for _, f := range s.edge {
		if f.Name != "node" {
			continue
		}
		if s.event, ok = collectIn(oc, f.Selections, eventImplementors, eventField); !ok {
			return s, false
		}
		for _, g := range s.event {
			switch g.Name {
			case "participants":
				if s.participant, ok = collectIn(oc, g.Selections, participantImplementors, participantField); !ok {
					return s, false
				}
				for _, h := range s.participant {
					if h.Name != "entity" {
						continue
					}
					if s.person, ok = collectIn(oc, h.Selections, personImplementors, personField); !ok {
						return s, false
					}
					if s.org, ok = collectIn(oc, h.Selections, organizationImplementors, organizationField); !ok {
						return s, false
					}
				}
			case "sources":
				if s.source, ok = collectIn(oc, g.Selections, sourceImplementors, sourceField); !ok {
					return s, false
				}
				for _, h := range s.source {
					if h.Name != "document" {
						continue
					}
					if s.document, ok = collectIn(oc, h.Selections, documentImplementors, documentField); !ok {
						return s, false
					}
				}
			}
		}
	}
	return s, true
}

// related holds the entities and documents a list's JSON needs, all of
// them primed in the request's loaders.
type related struct {
	entities  map[string]kg.Entity
	documents map[string]kg.Document
}

// primedFor gathers from l the entities of participants and the documents
// of sources of events, when the selection asks for them; false when one
// is not primed (gqlgen then loads it through the loader).
func primedFor(l *Loaders, events []*kg.Event, entities, documents bool) (related, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	r := related{entities: map[string]kg.Entity{}, documents: map[string]kg.Document{}}
	for _, ev := range events {
		for _, p := range ev.Participants {
			if !entities || p.Entity == "" {
				continue
			}
			e, ok := l.entities[p.Entity]
			if !ok {
				return r, false
			}
			r.entities[p.Entity] = e
		}
		for _, s := range ev.Sources {
			if !documents {
				break
			}
			d, ok := l.documents[s.Document]
			if !ok {
				return r, false
			}
			r.documents[s.Document] = d
		}
	}
	return r, true
}

// writeEventEdges returns the JSON of event edges, or nil to leave them to
// gqlgen: when the selection is beyond the fields above, an edge has no
// node, or a participant's entity or a source's document was not primed.
func writeEventEdges(ctx context.Context, edges []model.EventEdge) []byte {
	sel, ok := collectEventSel(ctx)
	if !ok {
		return nil
	}
	events := make([]*kg.Event, len(edges))
	for i, e := range edges {
		if e.Node == nil {
			return nil
		}
		events[i] = e.Node
	}
	rel, ok := primedFor(loaders(ctx), events, len(sel.person)+len(sel.org) > 0, len(sel.document) > 0)
	if !ok {
		return nil
	}
	b := make([]byte, 0, 256+len(edges)*512)
	return list(b, len(edges), func(b []byte, i int) []byte {
		return object(b, sel.edge, func(b []byte, f graphql.CollectedField) []byte {
			switch f.Name {
			case "__typename":
				return quote(b, "EventEdge")
			case "cursor":
				return quote(b, edges[i].Cursor)
			case "node":
				return eventObject(b, &sel, rel, edges[i].Node)
			}
			panic("fastlists: unknown field " + f.Name)
		})
	})
}

// eventObject appends the JSON of ev with the fields of sel.event.
func eventObject(b []byte, sel *eventSel, rel related, ev *kg.Event) []byte {
	return object(b, sel.event, func(b []byte, f graphql.CollectedField) []byte {
		switch f.Name {
		case "__typename":
			return quote(b, "Event")
		case "id":
			return quote(b, ev.ID)
		case "type":
			return quote(b, eventType(ev.Type).String())
		case "date":
			return quote(b, ev.Date)
		case "datePrecision":
			return quote(b, ev.DatePrecision)
		case "dateText":
			return quote(b, ev.DateText)
		case "summary":
			return quote(b, ev.Summary)
		case "participants":
			return list(b, len(ev.Participants), func(b []byte, i int) []byte {
				return participantObject(b, sel, rel, &ev.Participants[i])
			})
		case "sources":
			return sourceList(b, sel.source, sel.document, rel, ev.Sources)
		}
		panic("fastlists: unknown field " + f.Name)
	})
}

// participantObject appends the JSON of p with the fields of
// sel.participant: as participantResolver gives them, its entity null
// when it has none, its description null when it is named.
func participantObject(b []byte, sel *eventSel, rel related, p *kg.Participant) []byte {
	return object(b, sel.participant, func(b []byte, f graphql.CollectedField) []byte {
		switch f.Name {
		case "__typename":
			return quote(b, "Participant")
		case "part":
			return quote(b, p.As)
		case "description":
			if p.Description == "" {
				return append(b, "null"...)
			}
			return quote(b, p.Description)
		case "entity":
			if p.Entity == "" {
				return append(b, "null"...)
			}
			e := rel.entities[p.Entity]
			if e.Type == kg.Person {
				return entityObject(b, sel.person, "Person", e)
			}
			return entityObject(b, sel.org, "Organization", e)
		}
		panic("fastlists: unknown field " + f.Name)
	})
}

// sourceList appends the JSON of sources with the fields of sel, and of
// their documents with docSel.
func sourceList(b []byte, sel, docSel []graphql.CollectedField, rel related, sources []kg.Source) []byte {
	return list(b, len(sources), func(b []byte, i int) []byte {
		s := &sources[i]
		return object(b, sel, func(b []byte, f graphql.CollectedField) []byte {
			switch f.Name {
			case "__typename":
				return quote(b, "Source")
			case "sentence":
				return strconv.AppendInt(b, int64(s.Sentence), 10)
			case "start":
				return strconv.AppendInt(b, int64(s.Start), 10)
			case "end":
				return strconv.AppendInt(b, int64(s.End), 10)
			case "quote":
				return quote(b, s.Quote)
			case "document":
				return documentObject(b, docSel, rel.documents[s.Document])
			}
			panic("fastlists: unknown field " + f.Name)
		})
	})
}

// documentObject appends the JSON of d with the fields of documentField.
func documentObject(b []byte, fields []graphql.CollectedField, d kg.Document) []byte {
	return object(b, fields, func(b []byte, f graphql.CollectedField) []byte {
		switch f.Name {
		case "__typename":
			return quote(b, "Document")
		case "id":
			return quote(b, d.ID)
		case "file":
			return quote(b, d.File)
		case "title":
			return quote(b, d.Title)
		case "publisher":
			return quote(b, d.Publisher)
		case "url":
			return quote(b, d.URL)
		case "publishedAt":
			return quote(b, d.PublishedAt)
		case "sha256":
			return quote(b, d.SHA256)
		}
		panic("fastlists: unknown field " + f.Name)
	})
}
