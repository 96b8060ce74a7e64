package export

import "encoding/json"

type jsonNode struct {
	ID         string         `json:"id"`
	Labels     []string       `json:"labels"`
	Caption    string         `json:"caption"`
	Properties map[string]any `json:"properties"`
}

type jsonEdge struct {
	Source     string         `json:"source"`
	Target     string         `json:"target"`
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
}

// JSON returns the graph as {"title", "nodes": [{id, labels, caption,
// properties}], "edges": [{source, target, type, properties}]}, indented.
func JSON(g Graph) ([]byte, error) {
	if err := g.Check(); err != nil {
		return nil, err
	}
	out := struct {
		Title string     `json:"title,omitempty"`
		Nodes []jsonNode `json:"nodes"`
		Edges []jsonEdge `json:"edges"`
	}{Title: g.Title, Nodes: []jsonNode{}, Edges: []jsonEdge{}}
	for _, n := range g.Nodes {
		out.Nodes = append(out.Nodes, jsonNode{n.ID, n.Labels, caption(n), propMap(n.Props)})
	}
	for _, e := range g.Edges {
		out.Edges = append(out.Edges, jsonEdge{e.Source, e.Target, e.Type, propMap(e.Props)})
	}
	return json.MarshalIndent(out, "", "  ")
}

func propMap(props []Prop) map[string]any {
	m := make(map[string]any, len(props))
	for _, p := range props {
		m[p.Key] = p.Value
	}
	return m
}
