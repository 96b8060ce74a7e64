package export

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// mermaidText is s inside a Mermaid double-quoted label: quotes and the
// characters Mermaid or HTML would read become entity codes, line breaks
// <br/>.
func mermaidText(s string) string {
	r := strings.NewReplacer(`"`, "#quot;", "#", "#35;", "<", "#lt;", ">", "#gt;", "&", "#amp;",
		"`", "#96;", "\r", "", "\n", "<br/>")
	return r.Replace(s)
}

// Mermaid returns the graph as a Mermaid flowchart (left to right): nodes
// get short ids (n0, n1, ...) in graph order, a shape and a class per kind,
// and their wrapped caption; edges are labelled by type.
func Mermaid(g Graph) ([]byte, error) {
	if err := g.Check(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("flowchart LR\n")
	short := make(map[string]string, len(g.Nodes))
	kinds := map[string][]string{}
	for i, n := range g.Nodes {
		id := fmt.Sprintf("n%d", i)
		short[n.ID] = id
		s := styleOf(n.Kind())
		lines := wrap(caption(n), 28, 4)
		for j := range lines {
			lines[j] = mermaidText(lines[j])
		}
		fmt.Fprintf(&b, "  %s%s\"%s\"%s\n", id, s.mermaid[0], strings.Join(lines, "<br/>"), s.mermaid[1])
		k := strings.ToLower(n.Kind())
		if k == "" {
			k = "other"
		}
		kinds[k] = append(kinds[k], id)
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -->|\"%s\"| %s\n", short[e.Source], mermaidText(edgeCaption(e)), short[e.Target])
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		s := plain
		for kind, st := range styles {
			if strings.ToLower(kind) == k {
				s = st
			}
		}
		fmt.Fprintf(&b, "  classDef %s fill:%s,stroke:%s,color:#111827\n", k, s.fill, s.stroke)
		fmt.Fprintf(&b, "  class %s %s\n", strings.Join(kinds[k], ","), k)
	}
	return b.Bytes(), nil
}
