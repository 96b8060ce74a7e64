package kg

import (
	"errors"
	"strconv"
	"strings"
)

// Read-side values: what the store's queries take (filters, what to
// include) and return (pages, graphs, conflicts). The API binds its GraphQL
// types to these where they fit, so the store never depends on the API.

// Participation is an entity's part in an event.
type Participation struct {
	Part  string
	Event Event
}

// Contribution is what one document contributed to the graph.
type Contribution struct {
	Document string
	Entities []string // ids of the entities it mentions
	Roles    []Role
	Events   []Event
	Claims   []Claim
}

// Hit is one full-text hit: an entity or a claim.
type Hit struct {
	Score  float64
	Entity *Entity
	Claim  *Claim
}

// GraphNode is a node of a drawable graph.
type GraphNode struct {
	ID      string
	Label   string
	Type    string // Person, Organization, Role, Event, Claim
	Sources []Source
}

// GraphEdge is a relationship of a drawable graph; Part is the part played
// on PARTICIPATED_IN edges, "" on others.
type GraphEdge struct {
	ID     string
	Type   string
	Source string
	Target string
	Part   string
}

// Subgraph is a set of nodes and edges.
type Subgraph struct {
	Nodes []GraphNode
	Edges []GraphEdge
}

// Path is one path between two entities.
type Path struct {
	Length int
	Nodes  []GraphNode
	Edges  []GraphEdge
}

// Conflict is a set of facts on which sources disagree: events of one
// type whose dates differ. Events hold the events' selected fields.
type Conflict struct {
	Field       string
	Description string
	Type        string   // the events' type
	EventIDs    []string // the events, in id order
	Events      []Event
}

// ConflictFilter pages conflicts; After is the key (type, then the event
// ids) of the last conflict already seen.
type ConflictFilter struct {
	First int
	After []string
}

// Page is one page of a keyset-paginated list, with the related nodes the
// read's Include asked for.
type Page[T any] struct {
	Items []T
	Total int  // matches of the filter, all pages; counted only with Include.Total
	More  bool // there are items after the last one
	// Keys are the items' sort keys before their ids (Order), in item
	// order: what a cursor must hold to continue after an item.
	Keys []string
	Related
}

// Fields is the set of fields a query selects, as "Type.field" (Entity for
// persons and organizations: "Entity.name", "Claim.sources"). Reads project
// only what it names. The nil set names every field.
type Fields map[string]bool

// Has reports whether field of typ is selected.
func (f Fields) Has(typ, field string) bool { return f == nil || f[typ+"."+field] }

// Include names what a read brings along with the facts it returns, so that
// one statement answers every selected field. The zero value brings the
// facts with every field (Fields nil) and nothing related.
type Include struct {
	Total bool // count every match of the filter (Page.Total)
	// An entity's lists (EntityFacts).
	Roles, Events, ClaimsMade, ClaimsAbout bool
	// The entities the facts refer to, into Related.Entities.
	Participants bool // of events
	Claimant     bool // of claims
	About        bool // of claims
	Person       bool // of roles
	Organization bool // of roles
	// The documents of the facts' sources, into Related.Documents.
	Documents bool
	// The fields to read of every node returned, related nodes included.
	Fields Fields
}

// Related holds the entities and documents that a read's Include asked for,
// by id. Nil maps when nothing was asked.
type Related struct {
	Entities  map[string]Entity
	Documents map[string]Document
}

// EntityFacts is an entity with the lists its Include asked for and their
// related nodes.
type EntityFacts struct {
	Entity Entity
	Lists
	Related
}

// Lists are an entity's lists fetched along with it. A list that was asked
// for is not nil, even when empty; one that was not is nil.
type Lists struct {
	Roles       []Role
	Events      []Participation
	ClaimsMade  []Claim
	ClaimsAbout []Claim
}

// Order is the order of a list: By names the sort key ("date" for events;
// "publishedAt" or "title" for documents; "name" for entities; "" is the
// list's default), Desc reverses it. Ties are broken by id in the same
// direction.
type Order struct {
	By   string
	Desc bool
}

// SourceFilter keeps the facts stated in a document that matches every
// non-empty field: its id, its publisher (ignoring case) and its
// publication date (ISO date prefixes, inclusive).
type SourceFilter struct {
	Document, Publisher, From, To string
}

// EventFilter selects events. Empty fields match everything; After is the
// sort key of the last event already seen ([key, id], see Page.Keys).
type EventFilter struct {
	Type        string // lower snake case
	From, To    string // ISO date prefixes of the event's date, inclusive
	Participant string // entity id, name or alias
	Source      SourceFilter
	Order       Order // by date
	First       int
	After       []string
}

// ClaimFilter selects claims; Topics match any of them.
type ClaimFilter struct {
	Stance   string
	Topics   []string
	Claimant string // entity id, name or alias
	About    string // entity id, name or alias
	Source   SourceFilter
	First    int
	After    []string
}

// DocumentFilter selects documents: Publisher ignoring case, From and To
// ISO date prefixes of the publication date.
type DocumentFilter struct {
	Publisher, From, To string
	Order               Order // by publishedAt (default) or title
	First               int
	After               []string
}

// EntityFilter selects entities: of Type unless "", of organization Kind
// (ignoring case) unless "", mentioned in Document unless "".
type EntityFilter struct {
	Type     EntityType
	Kind     string
	Document string
	Order    Order // by name
	First    int
	After    []string
}

// Count is how many nodes have a key.
type Count struct {
	Key   string
	Count int
}

// Stats are counts for dashboards, each by count (largest first), then key.
// A list that was not asked for (StatsInclude) is nil.
type Stats struct {
	EventsByType   []Count // by the store's lower snake case type
	ClaimsByStance []Count
	ClaimsByTopic  []Count
	EntitiesByKind []Count // "person", or an organization's kind ("organization" without one)
}

// StatsInclude names the lists of Stats to count.
type StatsInclude struct {
	EventsByType, ClaimsByStance, ClaimsByTopic, EntitiesByKind bool
}

// MatchedBy says how a name was resolved to an entity.
type MatchedBy string

// How a name can match (see neo4jstore.Store.Match).
const (
	MatchedExact     MatchedBy = "EXACT"      // id, name or alias, ignoring case
	MatchedStripped  MatchedBy = "STRIPPED"   // the same without articles and honorifics ("the Pentagon", "Mr. Esper")
	MatchedSurname   MatchedBy = "SURNAME"    // the surname of exactly one person
	MatchedGivenName MatchedBy = "GIVEN_NAME" // the given name of exactly one person
	MatchedFuzzy     MatchedBy = "FUZZY"      // every word within a small edit distance
)

// Match is the entity a name was resolved to, and how.
type Match struct {
	Text   string // the name as given
	Entity Entity
	By     MatchedBy
}

// AmbiguousError says that a name fits several entities equally well. It
// is an ErrInvalid: the caller must give a fuller name or an id.
type AmbiguousError struct {
	Text       string
	Candidates []Entity
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.Name + " (" + c.ID + ")")
	}
	return "name " + strconv.Quote(e.Text) + " is ambiguous: it may be " + b.String() + "; give a fuller name or an id"
}

// Unwrap makes an AmbiguousError an ErrInvalid.
func (e *AmbiguousError) Unwrap() error { return ErrInvalid }

// IsNotFound reports whether err is ErrNotFound.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
