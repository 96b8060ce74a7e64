package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sample is a small graph with the characters that break formats: quotes,
// ampersands, angle brackets, a newline, a backslash, non-ASCII text.
func sample() Graph {
	return Graph{
		Title: `Amazon & "friends"`,
		Nodes: []Node{
			{ID: "org_1", Labels: []string{"Entity", "Organization"}, Caption: "Amazon Web Services",
				Props: []Prop{{"name", "Amazon Web Services"}, {"aliases", []string{"AWS", "Amazon"}}}},
			{ID: "per_1", Labels: []string{"Entity", "Person"}, Caption: "Mark Esper",
				Props: []Prop{{"name", "Mark Esper"}}},
			{ID: "clm_1", Labels: []string{"Claim"}, Caption: `“errors & <unmistakable> bias” said "AWS"` + "\n" + `C:\x`,
				Props: []Prop{{"stance", "alleges"}, {"topics", []string{"bias", "procurement"}}, {"sources", 2}}},
			{ID: "evt_1", Labels: []string{"Event"}, Caption: "Deposition request · 2020-02-10",
				Props: []Prop{{"type", "deposition_request"}, {"date", "2020-02-10"}}},
		},
		Edges: []Edge{
			{Source: "org_1", Target: "clm_1", Type: "MADE"},
			{Source: "clm_1", Target: "per_1", Type: "ABOUT"},
			{Source: "org_1", Target: "evt_1", Type: "PARTICIPATED_IN", Props: []Prop{{"as", "agent"}}},
			{Source: "per_1", Target: "evt_1", Type: "PARTICIPATED_IN", Props: []Prop{{"as", "deponent"}}},
		},
	}
}

func TestDOTReparsesWithGraphviz(t *testing.T) {
	g := sample()
	dot, err := DOT(g)
	if err != nil {
		t.Fatal(err)
	}
	n, e, err := ParseDOT(dot)
	if err != nil {
		t.Fatalf("graphviz does not parse the DOT: %v\n%s", err, dot)
	}
	if n != len(g.Nodes) || e != len(g.Edges) {
		t.Errorf("graphviz read %d nodes and %d edges, want %d and %d", n, e, len(g.Nodes), len(g.Edges))
	}
	if _, _, err := ParseDOT([]byte("digraph { a -> }")); err == nil {
		t.Error("ParseDOT accepted broken DOT")
	}
}

func TestSVGHasLabelsAndParses(t *testing.T) {
	svg, err := SVG(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	texts, root := svgTexts(t, svg)
	if root != "svg" {
		t.Fatalf("root element %q, want svg", root)
	}
	all := strings.Join(texts, " ")
	for _, want := range []string{"Amazon Web Services", "Mark Esper", "Deposition request · 2020-02-10", "MADE", "PARTICIPATED_IN (deponent)", "“errors & <unmistakable>"} {
		if !strings.Contains(all, want) {
			t.Errorf("SVG texts lack %q; have %q", want, all)
		}
	}
}

// svgTexts parses an SVG document and returns the root element's name and
// the content of every text element, in document order.
func svgTexts(t *testing.T, svg []byte) (texts []string, root string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts, root
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		}
	}
}

func TestPNGDrawsShapesAndLines(t *testing.T) {
	b, err := PNG(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	r := img.Bounds()
	if r.Dx() < 200 || r.Dy() < 100 {
		t.Fatalf("PNG is %dx%d, too small for four nodes", r.Dx(), r.Dy())
	}
	// The person's fill (#dbeafe) and the edges' stroke (#64748b) must both
	// be painted: go-graphviz's own PNG device loses strokes.
	found := map[string]bool{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			found[fmt.Sprintf("#%02x%02x%02x", cr>>8, cg>>8, cb>>8)] = true
		}
	}
	for _, c := range []string{"#dbeafe", "#64748b"} {
		if !found[c] {
			t.Errorf("no pixel of colour %s in the PNG", c)
		}
	}
}

// graphml is the GraphML structure: keys, and a graph of nodes and edges
// with data.
type graphml struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string    `xml:"id,attr"`
			Data []gmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string    `xml:"id,attr"`
			Source string    `xml:"source,attr"`
			Target string    `xml:"target,attr"`
			Data   []gmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// ParseGraphML parses GraphML and checks its structure: every data key is
// declared for its element kind, every edge end is a node. It returns the
// parsed document.
func parseGraphML(t *testing.T, b []byte) graphml {
	t.Helper()
	var doc graphml
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("GraphML does not parse as XML in the GraphML namespace: %v", err)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		if k.Type != "string" && k.Type != "int" {
			t.Errorf("key %s has attr.type %q", k.ID, k.Type)
		}
		keys[k.ID] = k.For
	}
	nodes := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		nodes[n.ID] = true
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: data key %q is not a declared node key", n.ID, d.Key)
			}
		}
	}
	for _, e := range doc.Graph.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s: %s -> %s refers to a missing node", e.ID, e.Source, e.Target)
		}
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge %s: data key %q is not a declared edge key", e.ID, d.Key)
			}
		}
	}
	return doc
}

func TestGraphMLStructure(t *testing.T) {
	g := sample()
	b, err := GraphML(g)
	if err != nil {
		t.Fatal(err)
	}
	doc := parseGraphML(t, b)
	if len(doc.Graph.Nodes) != 4 || len(doc.Graph.Edges) != 4 || doc.Graph.EdgeDefault != "directed" {
		t.Fatalf("got %d nodes, %d edges, edgedefault %q", len(doc.Graph.Nodes), len(doc.Graph.Edges), doc.Graph.EdgeDefault)
	}
	got := map[string]string{}
	for _, d := range doc.Graph.Nodes[2].Data {
		got[d.Key] = d.Value
	}
	want := map[string]string{"labels": "Claim", "label": g.Nodes[2].Caption, "n_stance": "alleges",
		"n_topics": "bias; procurement", "n_sources": "2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claim node data (-want +got):\n%s", diff)
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	return rows
}

func TestCSVImportHeaders(t *testing.T) {
	g := sample()
	z, err := CSVZip(g)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][][]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = readCSV(t, b)
	}
	nodes, edges := files["nodes.csv"], files["edges.csv"]
	wantHead := []string{"id:ID", ":LABEL", "caption", "name", "aliases:string[]", "stance", "topics:string[]", "sources:int", "type", "date"}
	if diff := cmp.Diff(wantHead, nodes[0]); diff != "" {
		t.Errorf("nodes.csv header (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{":START_ID", ":END_ID", ":TYPE", "as"}, edges[0]); diff != "" {
		t.Errorf("edges.csv header (-want +got):\n%s", diff)
	}
	if len(nodes) != 5 || len(edges) != 5 {
		t.Fatalf("%d node rows, %d edge rows; want 5 and 5 with headers", len(nodes), len(edges))
	}
	if nodes[1][1] != "Entity;Organization" || nodes[1][4] != "AWS;Amazon" || nodes[3][2] != g.Nodes[2].Caption {
		t.Errorf("row values: %q", nodes[1:4])
	}
}

func TestMermaidEscapes(t *testing.T) {
	b, err := Mermaid(sample())
	if err != nil {
		t.Fatal(err)
	}
	m := string(b)
	for _, want := range []string{"flowchart LR\n", `n0["Amazon Web Services"]`, `n1(["Mark Esper"])`,
		`n3{{"Deposition request ·<br/>2020-02-10"}}`, `n0 -->|"PARTICIPATED_IN (agent)"| n3`, "#quot;AWS#quot;", "#amp;", "#lt;unmistakable#gt;",
		"classDef person fill:#dbeafe", "class n2 claim"} {
		if !strings.Contains(m, want) {
			t.Errorf("Mermaid lacks %q:\n%s", want, m)
		}
	}
	if strings.Contains(m, `"AWS"`) {
		t.Errorf("a raw quote inside a label:\n%s", m)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	b, err := JSON(sample())
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Nodes []jsonNode
		Edges []jsonEdge
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Nodes) != 4 || len(got.Edges) != 4 || got.Edges[2].Properties["as"] != "agent" {
		t.Errorf("JSON: %s", b)
	}
}

func TestDanglingEdgeIsAnError(t *testing.T) {
	g := sample()
	g.Edges = append(g.Edges, Edge{Source: "org_1", Target: "nowhere", Type: "AT"})
	for _, f := range Formats {
		if _, err := Render(context.Background(), g, f); err == nil || !strings.Contains(err.Error(), "nowhere") {
			t.Errorf("%s: err = %v, want one naming the missing node", f, err)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"svg": FormatSVG, "mermaid": FormatMermaid, "mmd": FormatMermaid, "zip": FormatCSV, "nodes.csv": FormatNodesCSV} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), "svg, png") {
		t.Errorf("ParseFormat(pdf) err = %v", err)
	}
}

// bigger is a star of n nodes around one organization, like a 1-hop
// neighbourhood.
func bigger(n int) Graph {
	g := Graph{Nodes: []Node{{ID: "org", Labels: []string{"Entity", "Organization"}, Caption: "Amazon"}}}
	for i := 1; i < n; i++ {
		id := fmt.Sprintf("clm_%d", i)
		g.Nodes = append(g.Nodes, Node{ID: id, Labels: []string{"Claim"}, Caption: fmt.Sprintf("claim number %d about the JEDI award and its process", i)})
		g.Edges = append(g.Edges, Edge{Source: id, Target: "org", Type: "ABOUT"})
	}
	return g
}

// BenchmarkSVG lays out and draws a 23-node graph, the size of Amazon's
// 1-hop neighbourhood in the bundled corpus.
func BenchmarkSVG(b *testing.B) {
	g := bigger(23)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SVG(ctx, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPNG(b *testing.B) {
	g := bigger(23)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PNG(ctx, g); err != nil {
			b.Fatal(err)
		}
	}
}
