package report

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
)

// Query is one question: its kind and its parameters, checked by Parse.
type Query struct {
	Kind   string
	params map[string]string
}

// param describes one parameter of a kind of query.
type param struct {
	name     string
	required bool
	def      string // default; an int parameter has min and max
	min, max int
	date     bool // a date prefix
	help     string
}

func (p param) isInt() bool { return p.max > 0 }

// Kinds are the queries, with their parameters. "path" is "connections".
var Kinds = map[string][]param{
	"neighborhood": {
		{name: "of", required: true, help: "entity id, name or alias"},
		{name: "hops", def: "1", min: 1, max: 3, help: "how far from the entity"},
		{name: "limit", def: "40", min: 1, max: 200, help: "at most this many nodes, nearest first"},
	},
	"connections": {
		{name: "from", required: true, help: "entity id, name or alias"},
		{name: "to", required: true, help: "entity id, name or alias"},
		{name: "maxHops", def: "4", min: 1, max: 8, help: "longest path"},
	},
	"events": {
		{name: "type", help: "event type, e.g. deposition_request (any when empty)"},
		{name: "participant", help: "entity id, name or alias"},
		{name: "from", date: true, help: "earliest date, YYYY[-MM[-DD]]"},
		{name: "to", date: true, help: "latest date, YYYY[-MM[-DD]]"},
		{name: "first", def: "50", min: 1, max: 100, help: "at most this many events"},
	},
	"claims": {
		{name: "topic", help: "topic, with its narrower topics, e.g. bias"},
		{name: "stance", help: "alleges, denies or neutral"},
		{name: "claimant", help: "entity id, name or alias"},
		{name: "about", help: "entity id, name or alias"},
		{name: "first", def: "50", min: 1, max: 100, help: "at most this many claims"},
	},
	"roles":    {{name: "at", required: true, help: "organization id, name or alias"}},
	"profile":  {{name: "of", required: true, help: "entity id, name or alias"}},
	"document": {{name: "id", required: true, help: "document id, e.g. 000"}},
}

// KindNames lists the kinds of query in a stable order.
func KindNames() []string {
	names := make([]string, 0, len(Kinds)+1)
	for k := range Kinds {
		names = append(names, k)
	}
	names = append(names, "path")
	sort.Strings(names)
	return names
}

// ParamError is a query parameter that is missing, unknown or unusable.
type ParamError struct {
	Param string
	Msg   string
}

func (e *ParamError) Error() string {
	if e.Param == "" {
		return e.Msg
	}
	return fmt.Sprintf("parameter %q: %s", e.Param, e.Msg)
}

// Parse checks the parameters of a query of kind: unknown, repeated,
// missing or malformed parameters are a *ParamError naming the parameter.
func Parse(kind string, v url.Values) (Query, error) {
	if kind == "path" {
		kind = "connections"
	}
	spec, ok := Kinds[kind]
	if !ok {
		return Query{}, &ParamError{Msg: fmt.Sprintf("unknown query %q (want one of %s)", kind, strings.Join(KindNames(), ", "))}
	}
	q := Query{Kind: kind, params: map[string]string{}}
	known := map[string]param{}
	for _, p := range spec {
		known[p.name] = p
	}
	for name, vals := range v {
		p, ok := known[name]
		if !ok {
			return Query{}, &ParamError{name, fmt.Sprintf("not a parameter of %s (it takes %s)", kind, paramNames(spec))}
		}
		if len(vals) > 1 {
			return Query{}, &ParamError{name, "given more than once"}
		}
		if err := check(p, strings.TrimSpace(vals[0])); err != nil {
			return Query{}, err
		}
		q.params[name] = strings.TrimSpace(vals[0])
	}
	for _, p := range spec {
		if q.params[p.name] == "" {
			if p.required {
				return Query{}, &ParamError{p.name, "required: " + p.help}
			}
			q.params[p.name] = p.def
		}
	}
	return q, nil
}

func paramNames(spec []param) string {
	names := make([]string, len(spec))
	for i, p := range spec {
		names[i] = p.name
	}
	return strings.Join(names, ", ")
}

// check validates one parameter's value.
func check(p param, v string) error {
	if v == "" {
		return nil
	}
	if p.isInt() {
		n, err := strconv.Atoi(v)
		if err != nil || n < p.min || n > p.max {
			return &ParamError{p.name, fmt.Sprintf("%q is not a number from %d to %d", v, p.min, p.max)}
		}
	}
	switch p.name {
	case "type":
		if !model.EventType(strings.ToUpper(v)).IsValid() {
			var names []string
			for _, t := range model.AllEventType {
				names = append(names, strings.ToLower(string(t)))
			}
			return &ParamError{p.name, fmt.Sprintf("unknown event type %q (want one of %s)", v, strings.Join(names, ", "))}
		}
	case "stance":
		switch strings.ToLower(v) {
		case kg.Alleges, kg.Denies, kg.Neutral:
		default:
			return &ParamError{p.name, fmt.Sprintf("%q: want alleges, denies or neutral", v)}
		}
	}
	if p.date && !isDatePrefix(v) {
		return &ParamError{p.name, fmt.Sprintf("%q is not a date YYYY, YYYY-MM or YYYY-MM-DD", v)}
	}
	return nil
}

func isDatePrefix(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// Get returns a parameter's value (its default when not given).
func (q Query) Get(name string) string { return q.params[name] }

// Int returns an int parameter's value.
func (q Query) Int(name string) int {
	n, _ := strconv.Atoi(q.params[name])
	return n
}

// Values are the query's parameters as given or defaulted, for links.
func (q Query) Values() url.Values {
	v := url.Values{}
	for k, x := range q.params {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

// Help describes each kind of query and its parameters, for --help texts.
func Help() string {
	var b strings.Builder
	for _, k := range KindNames() {
		if k == "path" {
			fmt.Fprintf(&b, "  path          same as connections\n")
			continue
		}
		fmt.Fprintf(&b, "  %-13s", k)
		for i, p := range Kinds[k] {
			if i > 0 {
				b.WriteString("               ")
			}
			req := ""
			if p.required {
				req = " (required)"
			} else if p.def != "" {
				req = " (default " + p.def + ")"
			}
			fmt.Fprintf(&b, " %s: %s%s\n", p.name, p.help, req)
		}
	}
	return b.String()
}
