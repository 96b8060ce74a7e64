package export

import (
	"fmt"
	"slices"
	"strings"
)

// Graph is a subgraph to export. Edges refer to nodes by ID; an edge whose
// end is not among the nodes is an error for every format.
type Graph struct {
	Title string // optional; the DOT graph's label and the SVG's title
	Nodes []Node
	Edges []Edge
}

// Node is one node: its Neo4j labels (e.g. Entity, Person), the caption to
// draw and its properties, in the order they are to be written.
type Node struct {
	ID      string
	Labels  []string
	Caption string
	Props   []Prop
}

// Edge is one relationship from Source to Target.
type Edge struct {
	Source, Target string
	Type           string
	Props          []Prop
}

// Prop is one property. Value is a string, an int or a []string.
type Prop struct {
	Key   string
	Value any
}

// Kind is the node's most specific label: the last one that is not Entity
// ("Person", "Organization", "Role", "Event", "Claim", ...), or "" when it
// has none.
func (n Node) Kind() string {
	for i := len(n.Labels) - 1; i >= 0; i-- {
		if n.Labels[i] != "Entity" {
			return n.Labels[i]
		}
	}
	return ""
}

// Prop returns the value of property key, or nil.
func (n Node) Prop(key string) any {
	for _, p := range n.Props {
		if p.Key == key {
			return p.Value
		}
	}
	return nil
}

// Check reports the first edge that refers to a node the graph lacks, a
// node without an ID, a repeated node ID or an edge without a type.
func (g Graph) Check() error {
	ids := make(map[string]bool, len(g.Nodes))
	for i, n := range g.Nodes {
		if n.ID == "" {
			return fmt.Errorf("node %d has no id", i)
		}
		if ids[n.ID] {
			return fmt.Errorf("node %s appears twice", n.ID)
		}
		ids[n.ID] = true
	}
	for i, e := range g.Edges {
		if e.Type == "" {
			return fmt.Errorf("edge %d (%s -> %s) has no type", i, e.Source, e.Target)
		}
		for _, end := range []string{e.Source, e.Target} {
			if !ids[end] {
				return fmt.Errorf("edge %d (%s) refers to node %s, which is not in the graph", i, e.Type, end)
			}
		}
	}
	return nil
}

// propType is the neo4j-admin import type of a value: "string", "int" or
// "string[]".
func propType(v any) string {
	switch v.(type) {
	case int, int64:
		return "int"
	case []string:
		return "string[]"
	}
	return "string"
}

// column is one property column of a CSV or GraphML key: the key and its
// type, in order of first appearance.
type column struct{ key, typ string }

// columns lists the property keys of a set of property lists, in order of
// first appearance. A key whose values differ in type is a string column.
func columns(lists [][]Prop) []column {
	var cols []column
	at := map[string]int{}
	for _, props := range lists {
		for _, p := range props {
			t := propType(p.Value)
			i, ok := at[p.Key]
			if !ok {
				at[p.Key] = len(cols)
				cols = append(cols, column{p.Key, t})
			} else if cols[i].typ != t {
				cols[i].typ = "string"
			}
		}
	}
	return cols
}

// text is a property value as one string: lists joined by sep.
func text(v any, sep string) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case []string:
		return strings.Join(v, sep)
	}
	return fmt.Sprint(v)
}

func propLists[T any](xs []T, props func(T) []Prop) [][]Prop {
	out := make([][]Prop, len(xs))
	for i, x := range xs {
		out[i] = props(x)
	}
	return out
}

func lookup(props []Prop, key string) (any, bool) {
	i := slices.IndexFunc(props, func(p Prop) bool { return p.Key == key })
	if i < 0 {
		return nil, false
	}
	return props[i].Value, true
}
