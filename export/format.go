package export

import (
	"context"
	"fmt"
	"strings"
)

// Format is an export format, named by its file extension.
type Format string

// The formats. CSV is a zip of nodes.csv and edges.csv; NodesCSV and
// EdgesCSV are each file alone.
const (
	FormatSVG      Format = "svg"
	FormatPNG      Format = "png"
	FormatDOT      Format = "dot"
	FormatMermaid  Format = "mmd"
	FormatGraphML  Format = "graphml"
	FormatCSV      Format = "csv.zip"
	FormatNodesCSV Format = "nodes.csv"
	FormatEdgesCSV Format = "edges.csv"
	FormatJSON     Format = "json"
)

// Formats lists every format, in the order the help texts show them.
var Formats = []Format{FormatSVG, FormatPNG, FormatDOT, FormatMermaid, FormatGraphML, FormatCSV,
	FormatNodesCSV, FormatEdgesCSV, FormatJSON}

// ParseFormat reads a format name; "mermaid" is accepted for mmd and "zip"
// for csv.zip.
func ParseFormat(s string) (Format, error) {
	switch s = strings.ToLower(s); s {
	case "mermaid":
		return FormatMermaid, nil
	case "zip":
		return FormatCSV, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want one of %s)", s, FormatList())
}

// FormatList is the format names, comma-separated.
func FormatList() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// ContentType is the media type of a format.
func (f Format) ContentType() string {
	switch f {
	case FormatSVG:
		return "image/svg+xml"
	case FormatPNG:
		return "image/png"
	case FormatDOT:
		return "text/vnd.graphviz; charset=utf-8"
	case FormatMermaid:
		return "text/vnd.mermaid; charset=utf-8"
	case FormatGraphML:
		return "application/graphml+xml"
	case FormatCSV:
		return "application/zip"
	case FormatNodesCSV, FormatEdgesCSV:
		return "text/csv; charset=utf-8"
	}
	return "application/json"
}

// Render writes the graph in format f.
func Render(ctx context.Context, g Graph, f Format) ([]byte, error) {
	switch f {
	case FormatSVG:
		return SVG(ctx, g)
	case FormatPNG:
		return PNG(ctx, g)
	case FormatDOT:
		return DOT(g)
	case FormatMermaid:
		return Mermaid(g)
	case FormatGraphML:
		return GraphML(g)
	case FormatCSV:
		return CSVZip(g)
	case FormatNodesCSV:
		return NodesCSV(g)
	case FormatEdgesCSV:
		return EdgesCSV(g)
	case FormatJSON:
		return JSON(g)
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", f, FormatList())
}
