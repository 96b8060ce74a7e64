package export

import (
	"bytes"
	"fmt"
	"strings"
)

// style is how a kind of node is drawn in DOT, SVG, PNG and Mermaid.
type style struct {
	shape, fill, stroke string
	mermaid             [2]string // Mermaid's opening and closing shape brackets
}

var styles = map[string]style{
	"Person":       {"ellipse", "#dbeafe", "#1d4ed8", [2]string{"([", "])"}},
	"Organization": {"box", "#ffedd5", "#c2410c", [2]string{"[", "]"}},
	"Role":         {"note", "#dcfce7", "#15803d", [2]string{"[/", "/]"}},
	"Event":        {"hexagon", "#f3e8ff", "#7e22ce", [2]string{"{{", "}}"}},
	"Claim":        {"box", "#fef9c3", "#a16207", [2]string{">", "]"}},
	"Document":     {"tab", "#f1f5f9", "#475569", [2]string{"[(", ")]"}},
}

var plain = style{"ellipse", "#f5f5f5", "#525252", [2]string{"(", ")"}}

func styleOf(kind string) style {
	if s, ok := styles[kind]; ok {
		return s
	}
	return plain
}

// wrap breaks a caption into lines of at most width runes at spaces, and
// cuts it after maxLines lines with an ellipsis.
func wrap(s string, width, maxLines int) []string {
	var lines []string
	var cur []rune
	for _, w := range strings.Fields(s) {
		rw := []rune(w)
		if len(cur) > 0 && len(cur)+1+len(rw) > width {
			lines = append(lines, string(cur))
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, rw...)
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] += " …"
	}
	return lines
}

// dotQuote is s as a DOT double-quoted string; newlines become centred
// line breaks.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// caption is what a node shows: its Caption, else its ID.
func caption(n Node) string {
	if strings.TrimSpace(n.Caption) != "" {
		return n.Caption
	}
	return n.ID
}

// edgeCaption is what an edge shows: its type, and its "as" (a
// participant's part) when it has one.
func edgeCaption(e Edge) string {
	c := e.Type
	if as, ok := lookup(e.Props, "as"); ok && text(as, "") != "" {
		c += " (" + text(as, "") + ")"
	}
	return c
}

// DOT returns the graph in the Graphviz DOT language: a digraph laid out
// left to right, each node filled and shaped by its kind, its caption
// wrapped, every edge labelled by its type.
func DOT(g Graph) ([]byte, error) {
	if err := g.Check(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("digraph factgraph {\n")
	if g.Title != "" {
		fmt.Fprintf(&b, "  label=%s; labelloc=t; fontsize=16; fontname=\"Helvetica\";\n", dotQuote(g.Title))
	}
	b.WriteString("  rankdir=LR; bgcolor=\"white\"; pad=0.2; nodesep=0.25; ranksep=0.6;\n")
	b.WriteString("  node [fontname=\"Helvetica\" fontsize=11 style=\"filled\" penwidth=1.2 margin=\"0.12,0.06\"];\n")
	b.WriteString("  edge [fontname=\"Helvetica\" fontsize=9 color=\"#64748b\" fontcolor=\"#334155\" arrowsize=0.7];\n")
	for _, n := range g.Nodes {
		s := styleOf(n.Kind())
		st := "filled"
		if n.Kind() == "Organization" || n.Kind() == "Claim" {
			st = "rounded,filled"
		}
		fmt.Fprintf(&b, "  %s [label=%s shape=%s style=%s fillcolor=%s color=%s tooltip=%s];\n",
			dotQuote(n.ID), dotQuote(strings.Join(wrap(caption(n), 28, 4), "\n")), s.shape, dotQuote(st),
			dotQuote(s.fill), dotQuote(s.stroke), dotQuote(n.Kind()+": "+caption(n)))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s [label=%s];\n", dotQuote(e.Source), dotQuote(e.Target), dotQuote(edgeCaption(e)))
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
