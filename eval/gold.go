package eval

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/factgraph/factgraph/kg"
)

// Gold is a hand annotation of what a document, or a corpus, states. Its YAML
// form is described in the package comment; keys it does not know (documents,
// notes, dates, targets, ...) are allowed and ignored.
type Gold struct {
	Persons       []GoldEntity `yaml:"persons"`
	Organizations []GoldEntity `yaml:"organizations"`
	// Tolerated names may be entities of the graph without being wrong (bylines,
	// secondary mentions), and are not required.
	ToleratedPersons       []string `yaml:"tolerated_persons"`
	ToleratedOrganizations []string `yaml:"tolerated_organizations"`
	// FigurativeMentions are names used as figures of speech ("Wall Street
	// wants ..."): tolerated as entities, but a claim they make is wrong.
	FigurativeMentions []string `yaml:"figurative_mentions"`
	// NoiseEntities are names that occur only in page boilerplate; each one
	// that becomes an entity costs 5% of the overall score.
	NoiseEntities []string       `yaml:"noise_entities"`
	Roles         []GoldRole     `yaml:"roles"`
	Events        []GoldEvent    `yaml:"events"`
	Claims        []GoldClaim    `yaml:"claims"`
	Questions     []GoldQuestion `yaml:"-"` // read in the file's order
}

// GoldEntity is a person or an organization: its canonical name and the other
// names the text uses for it.
type GoldEntity struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

// GoldRole is an office a person holds.
type GoldRole struct {
	Person Names  `yaml:"person"`
	Title  Names  `yaml:"title"` // any of these forms, matched as a substring either way
	Org    Orgs   `yaml:"org"`
	Status string `yaml:"status"` // current or former; empty accepts both
	// Optional roles count neither way: found, they are no false positives;
	// missed, they are not missing.
	Optional bool `yaml:"optional"`
}

// GoldEvent is something that happened. An extracted event matches it on type
// (Type or one of TypeAccept, synonyms folded) and on a participant that is
// one of the agents; an agent of just "court" accepts any participants.
type GoldEvent struct {
	ID           string            `yaml:"id"`
	Type         string            `yaml:"type"`
	TypeAccept   Names             `yaml:"type_accept"`
	Agent        Names             `yaml:"agent"`
	Participants []GoldParticipant `yaml:"participants"` // the agents, when Agent is empty
	Optional     bool              `yaml:"optional"`
}

// GoldParticipant names an event's participant and its part; only the part
// "agent" is scored.
type GoldParticipant struct {
	Entity string `yaml:"entity"`
	Role   string `yaml:"role"`
}

// GoldClaim is a key claim. An extracted claim whose text or quotes contain
// QuoteContains is about it; it matches when its claimant is one of Claimant
// and its stance is Stance or one of StanceAccept.
type GoldClaim struct {
	ID            string `yaml:"id"`
	Claimant      Names  `yaml:"claimant"`
	Stance        string `yaml:"stance"`
	StanceAccept  Names  `yaml:"stance_accept"`
	QuoteContains string `yaml:"quote_contains"`
	Optional      bool   `yaml:"optional"`
}

// GoldQuestion is the expected answer to one of the API's key questions (see
// Questions): every name in Want, at least one of Any, and maybe some of OK.
// Any other name in the answer is wrong.
type GoldQuestion struct {
	Name string
	Want []string
	Any  []string
	OK   []string
	// Nobody: the gold says the answer is no one (want: [], or an empty
	// list), so that any name in the answer is wrong.
	Nobody bool
}

// Names is a list of names; in YAML, one name may stand for a list of one.
// A null in a list is an empty name.
type Names []string

// UnmarshalYAML reads a name or a list of names.
func (n *Names) UnmarshalYAML(node ast.Node) error {
	names, _, err := nodeScalars(node)
	*n = names
	return err
}

// Orgs is the organizations a gold role accepts. A role with no organization
// is also right when OrNone is set (a null among the names). With no names at
// all, any organization and none are right.
type Orgs struct {
	Names  []string
	OrNone bool
}

// UnmarshalYAML reads an organization or a list of them, possibly with nulls.
func (o *Orgs) UnmarshalYAML(node ast.Node) error {
	names, null, err := nodeScalars(node)
	if err != nil {
		return err
	}
	*o = Orgs{OrNone: null}
	for _, n := range names {
		if n != "" {
			o.Names = append(o.Names, n)
		}
	}
	return nil
}

// nodeScalars is scalars of a node, with errors that say where it is.
func nodeScalars(node ast.Node) ([]string, bool, error) {
	var v any
	err := yaml.NodeToValue(node, &v)
	if err == nil {
		var names []string
		var null bool
		if names, null, err = scalars(v); err == nil {
			return names, null, nil
		}
	}
	pos := node.GetToken().Position
	return nil, false, fmt.Errorf("%s (line %d): %w", strings.TrimPrefix(node.GetPath(), "$."), pos.Line, err)
}

// scalars turns a YAML scalar or a list of scalars into strings, and says
// whether the list held a null (a null scalar is an empty list).
func scalars(v any) (names []string, null bool, err error) {
	switch v := v.(type) {
	case nil:
		return nil, false, nil
	case []any:
		for _, x := range v {
			switch x.(type) {
			case nil:
				null = true
				names = append(names, "")
			case []any, map[string]any, yaml.MapSlice:
				return nil, false, errors.New("want a name or a list of names, not nested lists or maps")
			default:
				names = append(names, fmt.Sprint(x))
			}
		}
		return names, null, nil
	case map[string]any, yaml.MapSlice:
		return nil, false, errors.New("want a name or a list of names, not a map")
	default:
		return []string{fmt.Sprint(v)}, false, nil
	}
}

// goldFile is the YAML document; questions keep their order.
type goldFile struct {
	Gold      `yaml:",inline"`
	Questions yaml.MapSlice `yaml:"questions"`
}

// ReadGold reads and checks a gold file. Errors name the file and the field.
func ReadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	g, err := ParseGold(data)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return g, nil
}

// ParseGold parses and checks a gold annotation in YAML.
func ParseGold(data []byte) (*Gold, error) {
	var f goldFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, errors.New(yaml.FormatError(err, false, true))
	}
	g := f.Gold
	g.Questions = nil
	for _, item := range f.Questions {
		q, err := question(item)
		if err != nil {
			return nil, err
		}
		g.Questions = append(g.Questions, q)
	}
	if err := g.check(); err != nil {
		return nil, err
	}
	return &g, nil
}

// question reads one entry of questions: {want, any, ok} or a list (want).
func question(item yaml.MapItem) (GoldQuestion, error) {
	q := GoldQuestion{Name: fmt.Sprint(item.Key)}
	fail := func(format string, args ...any) (GoldQuestion, error) {
		return GoldQuestion{}, fmt.Errorf("questions.%s: "+format, append([]any{q.Name}, args...)...)
	}
	if list, ok := item.Value.([]any); ok {
		names, _, err := scalars(list)
		if err != nil {
			return fail("%w", err)
		}
		q.Want, q.Nobody = names, len(names) == 0
		return q, nil
	}
	spec := map[string]any{}
	switch v := item.Value.(type) {
	case map[string]any:
		spec = v
	case yaml.MapSlice:
		for _, kv := range v {
			spec[fmt.Sprint(kv.Key)] = kv.Value
		}
	default:
		return fail("want a map of want, any and ok, or a list of names")
	}
	for _, key := range slices.Sorted(maps.Keys(spec)) {
		names, _, err := scalars(spec[key])
		if err != nil {
			return fail("%s: %w", key, err)
		}
		switch key {
		case "want":
			q.Want, q.Nobody = names, len(names) == 0
		case "any":
			q.Any = names
		case "ok":
			q.OK = names
		default:
			return fail("unknown key %q (want, any or ok)", key)
		}
	}
	return q, nil
}

// check reports the first missing or invalid field, by its path.
func (g *Gold) check() error {
	for _, list := range []struct {
		key  string
		ents []GoldEntity
	}{{"persons", g.Persons}, {"organizations", g.Organizations}} {
		for i, e := range list.ents {
			if strings.TrimSpace(e.Name) == "" {
				return fmt.Errorf("%s[%d]: name is missing", list.key, i)
			}
		}
	}
	for i, r := range g.Roles {
		switch {
		case len(r.Person) == 0:
			return fmt.Errorf("roles[%d]: person is missing", i)
		case len(r.Title) == 0:
			return fmt.Errorf("roles[%d] (%s): title is missing", i, r.Person[0])
		case r.Status != "" && r.Status != kg.Current && r.Status != kg.Former:
			return fmt.Errorf("roles[%d] (%s): status %q is not %s or %s", i, r.Person[0], r.Status, kg.Current, kg.Former)
		}
	}
	for i, e := range g.Events {
		switch {
		case e.ID == "":
			return fmt.Errorf("events[%d]: id is missing", i)
		case e.Type == "":
			return fmt.Errorf("events[%d] (%s): type is missing", i, e.ID)
		}
	}
	for i, c := range g.Claims {
		switch {
		case c.ID == "":
			return fmt.Errorf("claims[%d]: id is missing", i)
		case len(c.Claimant) == 0:
			return fmt.Errorf("claims[%d] (%s): claimant is missing", i, c.ID)
		case c.QuoteContains == "":
			return fmt.Errorf("claims[%d] (%s): quote_contains is missing", i, c.ID)
		}
		for _, s := range append(Names{c.Stance}, c.StanceAccept...) {
			if s != kg.Alleges && s != kg.Denies && s != kg.Neutral {
				return fmt.Errorf("claims[%d] (%s): stance %q is not %s, %s or %s", i, c.ID, s, kg.Alleges, kg.Denies, kg.Neutral)
			}
		}
	}
	for _, q := range g.Questions {
		if len(q.Want)+len(q.Any)+len(q.OK) == 0 && !q.Nobody {
			return fmt.Errorf("questions.%s: no names in want, any or ok (write want: [] for no one)", q.Name)
		}
	}
	return nil
}
