package eval

import (
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/kg"
)

// norm folds a name or a text for comparison: lower case, a curly apostrophe
// made straight, a leading "the" dropped, anything but ASCII letters, digits
// and apostrophes turned into single spaces. Letters outside ASCII become
// spaces too, so "Société" is "soci t".
func norm(s string) string {
	// Lower-casing a dotted capital I gives i and a combining dot, which
	// becomes a space below.
	s = strings.ToLower(strings.ReplaceAll(s, "İ", "i\u0307"))
	s = strings.ReplaceAll(s, "’", "'")
	if rest, ok := strings.CutPrefix(s, "the"); ok {
		if trimmed := strings.TrimLeftFunc(rest, isSpace); len(trimmed) < len(rest) {
			s = trimmed
		}
	}
	folded := []byte(s)[:0:0]
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'' {
			folded = append(folded, byte(r))
		} else {
			folded = append(folded, ' ')
		}
	}
	return strings.Join(strings.Fields(string(folded)), " ")
}

// isSpace is white space as Unicode's database has it, which also counts the
// ASCII separators U+001C to U+001F.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }

// eventSynonyms maps event type spellings to the vocabulary's type.
var eventSynonyms = map[string]string{
	"suit": "lawsuit", "legal_challenge": "lawsuit", "complaint": "lawsuit",
	"ruling": "court_ruling", "decision": "court_ruling", "judgment": "court_ruling",
	"injunction": "court_order", "restraining_order": "court_order", "order": "court_order",
	"bid_protest": "protest", "contract_award": "award",
	"deposition": "deposition_request", "deposition_sought": "deposition_request",
	"ouster": "removal", "firing": "removal", "dismissal": "removal",
	"appointed": "appointment", "hiring": "appointment",
	"cancelled": "cancellation", "termination": "cancellation",
}

// eventType folds an event type: normalized, words joined by underscores,
// synonyms mapped to one type.
func eventType(t string) string {
	t = strings.ReplaceAll(norm(t), " ", "_")
	if s, ok := eventSynonyms[t]; ok {
		return s
	}
	return t
}

// set is a set of strings.
type set map[string]bool

func (s set) meets(t set) bool {
	if len(t) < len(s) {
		s, t = t, s
	}
	for x := range s {
		if t[x] {
			return true
		}
	}
	return false
}

func normSet(names ...[]string) set {
	s := set{}
	for _, list := range names {
		for _, n := range list {
			s[norm(n)] = true
		}
	}
	return s
}

// goldEntity is a gold person or organization with its normalized names.
type goldEntity struct {
	name  string
	kind  kg.EntityType
	names set
}

// matcher ties the graph's entities to gold entities by name.
type matcher struct {
	gold     *Gold
	graph    kg.Graph
	ids      []string // entity ids in graph order, each once
	entities map[string]kg.Entity
	names    map[string]set // entity id -> normalized name and aliases
	golds    []goldEntity   // persons, then organizations
	kinds    map[string]kg.EntityType
	resolved map[string]string
}

func newMatcher(g kg.Graph, gold *Gold) *matcher {
	m := &matcher{gold: gold, graph: g, entities: map[string]kg.Entity{}, names: map[string]set{},
		kinds: map[string]kg.EntityType{}, resolved: map[string]string{}}
	for _, e := range g.Entities {
		if _, dup := m.entities[e.ID]; !dup {
			m.ids = append(m.ids, e.ID)
		}
		m.entities[e.ID] = e // a repeated id keeps its first place and its last value
		m.names[e.ID] = normSet([]string{e.Name}, e.Aliases)
	}
	// A name listed twice is one gold entity, in its first place with its
	// last kind and names.
	at := map[string]int{}
	for _, list := range []struct {
		kind kg.EntityType
		ents []GoldEntity
	}{{kg.Person, gold.Persons}, {kg.Organization, gold.Organizations}} {
		for _, e := range list.ents {
			ge := goldEntity{name: e.Name, kind: list.kind, names: normSet([]string{e.Name}, e.Aliases)}
			if i, dup := at[e.Name]; dup {
				m.golds[i] = ge
			} else {
				at[e.Name] = len(m.golds)
				m.golds = append(m.golds, ge)
			}
			m.kinds[e.Name] = list.kind
		}
	}
	return m
}

// resolve returns the canonical name of the first gold entity that shares a
// name with entity id, or "".
func (m *matcher) resolve(id string) string {
	if c, ok := m.resolved[id]; ok {
		return c
	}
	c := ""
	if names := m.names[id]; len(names) > 0 {
		for _, ge := range m.golds {
			if ge.names.meets(names) {
				c = ge.name
				break
			}
		}
	}
	m.resolved[id] = c
	return c
}

// matches says whether entity id is one of wanted: the gold entity it
// resolves to is named there, or one of its names is. No wanted names
// accept any entity.
func (m *matcher) matches(id string, wanted []string) bool {
	if len(wanted) == 0 {
		return true
	}
	c := m.resolve(id)
	names := m.names[id]
	for _, w := range wanted {
		if c != "" && c == w || names[norm(w)] {
			return true
		}
	}
	return false
}

// name is an entity's gold name, else its own name, else "".
func (m *matcher) name(id string) string {
	if c := m.resolve(id); c != "" {
		return c
	}
	return m.entities[id].Name
}

// label is an entity's own name for reports, or its id when it has none.
func (m *matcher) label(id string) string {
	if e, ok := m.entities[id]; ok && e.Name != "" {
		return e.Name
	}
	if id == "" {
		return "(none)"
	}
	return id
}
