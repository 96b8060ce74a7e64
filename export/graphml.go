package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// GraphML returns the graph as GraphML (graphml, key, graph, node, edge,
// data): a node's labels (joined by ":") in key "labels" and its caption in
// "label" (the key Gephi shows), an edge's type in "type" and "label", and
// every property in a key of its own per element kind (lists joined by
// "; ", ints typed as int). It opens in Gephi and yEd.
func GraphML(g Graph) ([]byte, error) {
	if err := g.Check(); err != nil {
		return nil, err
	}
	ncols := columns(propLists(g.Nodes, func(n Node) []Prop { return n.Props }))
	ecols := columns(propLists(g.Edges, func(e Edge) []Prop { return e.Props }))
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	key := func(id, for_, name, typ string) {
		fmt.Fprintf(&b, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", esc(id), for_, esc(name), typ)
	}
	key("labels", "node", "labels", "string")
	key("label", "node", "label", "string")
	for _, c := range ncols {
		key("n_"+c.key, "node", c.key, graphmlType(c.typ))
	}
	key("type", "edge", "type", "string")
	key("elabel", "edge", "label", "string")
	for _, c := range ecols {
		key("e_"+c.key, "edge", c.key, graphmlType(c.typ))
	}
	b.WriteString(`  <graph id="G" edgedefault="directed">` + "\n")
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, `    <node id="%s">`, esc(n.ID))
		data(&b, "labels", strings.Join(n.Labels, ":"))
		data(&b, "label", caption(n))
		for _, p := range n.Props {
			data(&b, "n_"+p.Key, text(p.Value, "; "))
		}
		b.WriteString("</node>\n")
	}
	for i, e := range g.Edges {
		fmt.Fprintf(&b, `    <edge id="e%d" source="%s" target="%s">`, i, esc(e.Source), esc(e.Target))
		data(&b, "type", e.Type)
		data(&b, "elabel", edgeCaption(e))
		for _, p := range e.Props {
			data(&b, "e_"+p.Key, text(p.Value, "; "))
		}
		b.WriteString("</edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	return b.Bytes(), nil
}

func graphmlType(t string) string {
	if t == "int" {
		return "int"
	}
	return "string"
}

func data(b *bytes.Buffer, key, value string) {
	fmt.Fprintf(b, `<data key="%s">%s</data>`, esc(key), esc(value))
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
