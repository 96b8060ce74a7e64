// Package model holds the API's value types that are not domain types of kg:
// the GraphQL wrappers of kg values, query filters and pages passed between
// the resolvers and the store, and the generated connection and enum types.
// It imports only kg.
package model

import (
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/factgraph/factgraph/kg"
)

// Node is any object with a global id: *Person, *Organization, kg.Role,
// kg.Event, kg.Claim or kg.Document.
type Node any

// Entity is *Person or *Organization.
type Entity interface{ Base() kg.Entity }

// Person is a kg.Entity of type person. Lists, when not nil, are lists
// fetched with it for the selection it answers.
type Person struct {
	kg.Entity
	Lists *Lists
}

// Organization is a kg.Entity of type organization. Lists, when not nil,
// are lists fetched with it for the selection it answers.
type Organization struct {
	kg.Entity
	Lists *Lists
}

// Base returns the entity.
func (p Person) Base() kg.Entity { return p.Entity }

// Base returns the entity.
func (o Organization) Base() kg.Entity { return o.Entity }

// WrapEntity returns the GraphQL object of an entity: *Person or *Organization.
func WrapEntity(e kg.Entity) Entity {
	if e.Type == kg.Person {
		return &Person{Entity: e}
	}
	return &Organization{Entity: e}
}

// Participation is an entity's part in an event.
type Participation struct {
	Part  string
	Event kg.Event
}

// Contribution is what one document contributed to the graph.
type Contribution struct {
	Document string
	Entities []string // ids of the entities it mentions
	Roles    []kg.Role
	Events   []kg.Event
	Claims   []kg.Claim
}

// SearchHit is one full-text hit.
type SearchHit struct {
	Score float64
	Node  Node
}

// GraphNode is a node of a drawable graph.
type GraphNode struct {
	ID      string
	Label   string
	Type    string // Person, Organization, Role, Event, Claim
	Sources []kg.Source
}

// GraphEdge is a relationship of a drawable graph.
type GraphEdge struct {
	ID     string
	Type   string
	Source string
	Target string
	Part   *string
}

// Graph is a set of nodes and edges.
type Graph struct {
	Nodes []GraphNode
	Edges []GraphEdge
}

// Path is one path between two entities.
type Path struct {
	Length int
	Nodes  []GraphNode
	Edges  []GraphEdge
}

// Conflict is a set of facts on which sources disagree.
type Conflict struct {
	Field       string
	Description string
	Events      []kg.Event
}

// Topic is one topic of the taxonomy.
type Topic struct {
	Name   string
	Parent *string
}

// Page is one page of a keyset-paginated list, with the related nodes the
// read's Include asked for.
type Page[T any] struct {
	Items []T
	Total int  // matches of the filter, all pages; counted only with Include.Total
	More  bool // there are items after the last one
	Related
}

// Include names what a read brings along with the facts it returns, so that
// one statement answers every selected field. The zero value brings nothing
// but the facts themselves (with their sources and the ids they refer to).
type Include struct {
	Total bool // count every match of the filter (Page.Total)

	// An entity's lists (EntityFacts).
	Roles, Events, ClaimsMade, ClaimsAbout bool

	// The entities the facts refer to, into Related.Entities.
	Participants bool // of events
	Claimant     bool // of claims
	About        bool // of claims; without it the claims' About is empty
	Person       bool // of roles
	Organization bool // of roles
	// The facts' sources; without them the facts have none.
	Sources bool
	// The documents of the facts' sources, into Related.Documents.
	Documents bool
}

// Related holds the entities and documents that a read's Include asked for,
// by id. Nil maps when nothing was asked.
type Related struct {
	Entities  map[string]kg.Entity
	Documents map[string]kg.Document
}

// EntityFacts is an entity with the lists its Include asked for and their
// related nodes.
type EntityFacts struct {
	Entity kg.Entity
	Lists
	Related
}

// Lists are an entity's lists fetched along with it. A list that was asked
// for is not nil, even when empty; one that was not is nil. They answer the
// selection they were fetched for: the facts have sources only when
// Include.Sources.
type Lists struct {
	Roles       []kg.Role
	Events      []Participation
	ClaimsMade  []kg.Claim
	ClaimsAbout []kg.Claim
}

// EventFilter selects events. Empty fields match everything; After is the
// sort key (EventKey) of the last event already seen.
type EventFilter struct {
	Type        string // lower snake case
	From, To    string // ISO date prefixes, inclusive
	Participant string // entity id, name or alias
	First       int
	After       []string
}

// ClaimFilter selects claims; Topics match any of them.
type ClaimFilter struct {
	Stance   string
	Topics   []string
	Claimant string // entity id, name or alias
	About    string // entity id, name or alias
	First    int
	After    []string
}

// DocumentFilter pages documents.
type DocumentFilter struct {
	First int
	After []string
}

// EventKey is the sort key of an event: its date (undated sort last as "~")
// and id.
func EventKey(e kg.Event) []string {
	d := e.Date
	if d == "" {
		d = "~"
	}
	return []string{d, e.ID}
}

// ClaimKey is the sort key of a claim: its id.
func ClaimKey(c kg.Claim) []string { return []string{c.ID} }

// DocumentKey is the sort key of a document: publication date and id.
func DocumentKey(d kg.Document) []string { return []string{d.PublishedAt, d.ID} }

// EncodeCursor encodes a list's name and an item's sort key as an opaque cursor.
func EncodeCursor(list string, key []string) string {
	b, _ := json.Marshal(append([]string{list}, key...))
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor returns the sort key in a cursor of list, which must have n
// parts; a foreign or malformed cursor is kg.ErrInvalid.
func DecodeCursor(list, cursor string, n int) ([]string, error) {
	if cursor == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	var parts []string
	if err == nil {
		err = json.Unmarshal(b, &parts)
	}
	if err != nil || len(parts) != n+1 || parts[0] != list {
		return nil, fmt.Errorf("cursor %q is not a cursor of %s: %w", cursor, list, kg.ErrInvalid)
	}
	return parts[1:], nil
}
