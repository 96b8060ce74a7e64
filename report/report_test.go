package report_test

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
	"github.com/factgraph/factgraph/pipeline"
	"github.com/factgraph/factgraph/report"
)

// The store is the reads' one implementation.
var _ report.Store = (*neo4jstore.Store)(nil)

// loaded is the test database with the bundled corpus and a runner over it.
func loaded(t *testing.T) (*neo4jstore.Store, report.Runner) {
	t.Helper()
	s := dbtest.Store(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	docs, errs := input.Read(ctx, []string{"../data/corpus"}, nil)
	if len(errs) > 0 {
		t.Fatalf("read corpus: %v", errs)
	}
	lex := lexicon.Must()
	if _, errs := pipeline.New(s, lex).Load(ctx, docs, false, nil); len(errs) > 0 {
		t.Fatalf("load corpus: %v", errs)
	}
	return s, report.Runner{Store: s, Topics: graph.NewTaxonomy(lex.Entries("topics"))}
}

func run(t *testing.T, rn report.Runner, kind string, params ...string) *report.Result {
	t.Helper()
	v := url.Values{}
	for i := 0; i+1 < len(params); i += 2 {
		v.Set(params[i], params[i+1])
	}
	q, err := report.Parse(kind, v)
	if err != nil {
		t.Fatal(err)
	}
	r, err := rn.Run(context.Background(), q)
	if err != nil {
		t.Fatalf("%s %v: %v", kind, params, err)
	}
	return r
}

// TestExportsOnTheCorpus runs each query on the bundled corpus and checks
// its exports with real parsers; last, it loads a CSV export into the
// emptied test database with LOAD CSV and compares the counts.
func TestExportsOnTheCorpus(t *testing.T) {
	s, rn := loaded(t)
	ctx := context.Background()
	hood := run(t, rn, "neighborhood", "of", "Amazon", "hops", "1")
	t.Run("every query yields a graph that DOT and GraphML carry whole", func(t *testing.T) {
		for _, r := range []*report.Result{hood,
			run(t, rn, "connections", "from", "Andy Jassy", "to", "Mark Esper"),
			run(t, rn, "events", "type", "deposition_request"),
			run(t, rn, "claims", "topic", "bias", "stance", "alleges"),
			run(t, rn, "roles", "at", "DoD"),
			run(t, rn, "profile", "of", "Mark Esper"),
			run(t, rn, "document", "id", "000"),
		} {
			if len(r.Graph.Nodes) < 2 || len(r.Graph.Edges) < 1 || len(r.Rows) == 0 {
				t.Errorf("%s: %d nodes, %d edges, %d rows", r.Query.Kind, len(r.Graph.Nodes), len(r.Graph.Edges), len(r.Rows))
				continue
			}
			dot, err := export.DOT(r.Graph)
			if err != nil {
				t.Fatal(err)
			}
			n, e, err := export.ParseDOT(dot)
			if err != nil || n != len(r.Graph.Nodes) || e != len(r.Graph.Edges) {
				t.Errorf("%s: Graphviz read %d nodes, %d edges (%v); want %d, %d", r.Query.Kind, n, e, err, len(r.Graph.Nodes), len(r.Graph.Edges))
			}
			checkGraphML(t, r.Graph)
		}
	})
	t.Run("the neighbourhood SVG shows the entities' names", func(t *testing.T) {
		svg, err := export.SVG(ctx, hood.Graph)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{">Amazon<", ">Amazon Web Services<", ">CEO<", ">Founder<", "ABOUT", "MADE", "PARTICIPATED_IN (agent)"} {
			if !strings.Contains(string(svg), want) {
				t.Errorf("SVG lacks %q", want)
			}
		}
	})
	t.Run("HTTP answers each format and names a bad parameter", func(t *testing.T) {
		srv := httptest.NewServer(report.Handler(rn, 30*time.Second, nil))
		defer srv.Close()
		for _, f := range export.Formats {
			code, ctype, body := get(t, srv, "/export/neighborhood."+string(f)+"?of=Amazon&hops=1")
			if code != 200 || ctype != f.ContentType() || len(body) < 50 {
				t.Errorf("%s: HTTP %d, %s, %d bytes", f, code, ctype, len(body))
			}
		}
		for _, c := range []struct {
			path, want string
			code       int
		}{
			{"/export/neighborhood.svg?of=Amazon&hops=7", `parameter "hops"`, 400},
			{"/export/neighborhood.svg?hops=1", `parameter "of": required`, 400},
			{"/export/neighborhood.svg?of=Amazon&color=red", `parameter "color": not a parameter of neighborhood`, 400},
			{"/export/neighborhood.pdf?of=Amazon", `parameter "format"`, 400},
			{"/export/events.json?type=picnic", `parameter "type": unknown event type "picnic"`, 400},
			{"/export/events.json?from=last+week", `parameter "from"`, 400},
			{"/export/galaxy.svg?of=Amazon", `unknown query "galaxy"`, 400},
			{"/report/claims.pdf", `parameter "format"`, 400},
			{"/export/neighborhood.svg?of=Nobody+Atall", `entity "Nobody Atall": not found`, 404},
			{"/report/roles.html?at=Mark+Esper", `organization "Mark Esper": not found`, 404},
			{"/report/document.md?id=999", `document "999": not found`, 404},
		} {
			code, _, body := get(t, srv, c.path)
			if code != c.code || !strings.Contains(body, c.want) {
				t.Errorf("%s: HTTP %d %q; want %d with %q", c.path, code, body, c.code, c.want)
			}
		}
	})
	t.Run("who alleged bias: a report with citations and the denial", func(t *testing.T) {
		r := run(t, rn, "claims", "topic", "bias", "stance", "alleges")
		md, err := report.Markdown(r, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"# Who alleged bias?", "| Claimant | Stance | Topics | Quote | Document | Publisher | Date | Link |",
			"| Andy Jassy | alleges |", "| Oracle | alleges |", "| GeekWire | 2020-02-10 | 000 @2276–2432 |",
			"Mark Esper denies: “I am confident that it was conducted freely and fairly", "```mermaid\nflowchart LR"} {
			if !strings.Contains(string(md), want) {
				t.Errorf("report lacks %q:\n%s", want, md)
			}
		}
		for _, row := range r.Rows {
			if row.Cite.Quote == "" || row.Cite.Document.Title == "" || row.Cite.Document.PublishedAt == "" {
				t.Errorf("row %q has an incomplete citation: %+v", row.Cells, row.Cite)
			}
		}
	})
	t.Run("CSV round-trips through LOAD CSV", func(t *testing.T) {
		g := run(t, rn, "document", "id", "003").Graph
		nodes, rels := loadCSV(t, s, g)
		if nodes != len(g.Nodes) || rels != len(g.Edges) {
			t.Errorf("LOAD CSV made %d nodes and %d relationships; the export has %d and %d", nodes, rels, len(g.Nodes), len(g.Edges))
		}
	})
}

// checkGraphML parses a GraphML export: the GraphML namespace, keys for
// every data element, edges between declared nodes, the same counts.
func checkGraphML(t *testing.T, g export.Graph) {
	t.Helper()
	b, err := export.GraphML(g)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []struct {
			ID  string `xml:"id,attr"`
			For string `xml:"for,attr"`
		} `xml:"key"`
		Nodes []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key string `xml:"key,attr"`
			} `xml:"data"`
		} `xml:"graph>node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
		} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("GraphML: %v", err)
	}
	keys, ids := map[string]string{}, map[string]bool{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.For
	}
	for _, n := range doc.Nodes {
		ids[n.ID] = true
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: undeclared key %q", n.ID, d.Key)
			}
		}
	}
	for _, e := range doc.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s -> %s: end not a node", e.Source, e.Target)
		}
	}
	if len(doc.Nodes) != len(g.Nodes) || len(doc.Edges) != len(g.Edges) {
		t.Errorf("GraphML has %d nodes, %d edges; want %d, %d", len(doc.Nodes), len(doc.Edges), len(g.Nodes), len(g.Edges))
	}
}

// loadCSV empties the test database, serves the graph's nodes.csv and
// edges.csv over HTTP and has Neo4j LOAD CSV them, with the labels, types
// and typed columns of the neo4j-admin import header; it returns the counts
// in the database afterwards.
func loadCSV(t *testing.T, s *neo4jstore.Store, g export.Graph) (nodes, rels int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	files := map[string][]byte{}
	var err error
	if files["/nodes.csv"], err = export.NodesCSV(g); err != nil {
		t.Fatal(err)
	}
	if files["/edges.csv"], err = export.EdgesCSV(g); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(files[r.URL.Path]) }))
	defer srv.Close()
	if err := s.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	uri, user, pw := dbtest.Config()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	for _, q := range []string{
		`LOAD CSV WITH HEADERS FROM $base + '/nodes.csv' AS row
		 CREATE (n:$(split(row[':LABEL'], ';')) {id: row['id:ID'], caption: row.caption})
		 SET n.topics = CASE WHEN row['topics:string[]'] IS NULL THEN null ELSE split(row['topics:string[]'], ';') END,
		     n.sources = toInteger(row['sources:int'])`,
		`LOAD CSV WITH HEADERS FROM $base + '/edges.csv' AS row
		 MATCH (a {id: row[':START_ID']}), (b {id: row[':END_ID']})
		 CREATE (a)-[r:$(row[':TYPE'])]->(b) SET r.as = row.as`,
	} {
		if _, err := neo4j.ExecuteQuery(ctx, drv, q, map[string]any{"base": srv.URL}, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase("neo4j")); err != nil {
			t.Fatalf("LOAD CSV: %v", err)
		}
	}
	res := dbtest.Query(t, `MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r`, nil)
	if len(res) == 0 {
		return 0, 0
	}
	claims := dbtest.Query(t, `MATCH (c:Claim) WHERE size(c.topics) > 0 AND c.sources > 0 RETURN count(c) AS n`, nil)
	if claims[0]["n"].(int64) == 0 {
		t.Error("no claim came back with its topics list and sources count")
	}
	return int(res[0]["n"].(int64)), int(res[0]["r"].(int64))
}

func get(t *testing.T, srv *httptest.Server, path string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}
