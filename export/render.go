package export

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Graphviz is compiled to WebAssembly and instantiated once per process;
// one instance runs one layout at a time.
var (
	gvMu sync.Mutex
	gv   *graphviz.Graphviz
)

// layout parses DOT with Graphviz, lays it out with dot and renders it in
// format (svg, json, ...).
func layout(ctx context.Context, dot []byte, format graphviz.Format) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	if gv == nil {
		g, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("start graphviz: %w", err)
		}
		gv = g
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("parse dot: %w", err)
	}
	defer g.Close()
	var b bytes.Buffer
	if err := gv.Render(ctx, g, format, &b); err != nil {
		return nil, fmt.Errorf("graphviz %s: %w", format, err)
	}
	return b.Bytes(), nil
}

// ParseDOT reports whether Graphviz parses dot, and how many nodes and
// edges it holds.
func ParseDOT(dot []byte) (nodes, edges int, err error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return 0, 0, err
	}
	defer g.Close()
	n, err := g.NodeNum()
	if err != nil {
		return 0, 0, err
	}
	e, err := g.EdgeNum()
	if err != nil {
		return 0, 0, err
	}
	return n, e, nil
}

// SVG returns the graph drawn by Graphviz (dot layout) as an SVG document.
func SVG(ctx context.Context, g Graph) ([]byte, error) {
	dot, err := DOT(g)
	if err != nil {
		return nil, err
	}
	return layout(ctx, dot, graphviz.SVG)
}
