package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/corpusgen/gentest"
	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/pipeline"
)

// BenchmarkLoaderVsRaw loads N generated documents (FACTGRAPH_BENCH_DOCS,
// default 1000) into an empty graph with the loader (extraction included;
// FACTGRAPH_BENCH_WRITERS sets its Writers, FACTGRAPH_BENCH_BATCH its
// BatchSize), and writes the same extracted graph with plain UNWIND ... MERGE
// statements of 5,000 rows per transaction (extraction not timed): the
// database's own speed for that graph. The same graph, not a smaller one:
// it fails unless the two leave the same nodes of each label, the same
// relationships of each type between the same labels and the same number
// of each property. (Before the sixteenth session the raw statements left
// out the shortcuts, the merge records, the mentions' forms and offsets and
// the captions, 18% of the relationships and 53% of the properties, and ran
// that much faster.) FACTGRAPH_BENCH_VERBOSE=1 prints each run's times. The
// two take turns going first. Run it an even number of times: go test
// ./neo4jstore -run '^$' -bench LoaderVsRaw -benchtime 2x.
func BenchmarkLoaderVsRaw(b *testing.B) {
	s := benchStore(b)
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("FACTGRAPH_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	docs, _ := gentest.Docs(b, n, 1)
	ctx := context.Background()
	var loader, write, raw time.Duration
	var loaderShape, rawShape []string
	runLoader := func() {
		wipe(b, s)
		p := pipeline.New(s, lexicon.Must())
		p.Writers = envInt("FACTGRAPH_BENCH_WRITERS")
		p.BatchSize = envInt("FACTGRAPH_BENCH_BATCH")
		t0 := time.Now()
		sum, errs := p.Load(ctx, docs, false, nil)
		loader += time.Since(t0)
		write += sum.Write
		if os.Getenv("FACTGRAPH_BENCH_VERBOSE") != "" {
			fmt.Printf("loader %.2fs extract %.2fs write %.2fs\n", time.Since(t0).Seconds(), sum.Extract.Seconds(), sum.Write.Seconds())
		}
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		if loaderShape == nil {
			loaderShape = shape(b, s)
		}
	}
	runRaw := func() {
		exs, _, _ := pipeline.Extract(docs, lexicon.Must(), nil, 0)
		fp := extract.Fingerprint(lexicon.Must())
		for i := range exs {
			exs[i].Document.InputHash = pipeline.InputHash(exs[i].Document, fp) // as the loader records it
		}
		wipe(b, s)
		t1 := time.Now()
		rawLoad(b, s, exs)
		raw += time.Since(t1)
		if rawShape == nil {
			rawShape = shape(b, s)
		}
		if os.Getenv("FACTGRAPH_BENCH_VERBOSE") != "" {
			fmt.Printf("raw %.2fs\n", time.Since(t1).Seconds())
		}
	}
	i := 0
	for b.Loop() {
		// each goes first every other time: the first write to a server
		// that has just started is the slowest
		if i%2 == 0 {
			runLoader()
			runRaw()
		} else {
			runRaw()
			runLoader()
		}
		i++
	}
	if !slices.Equal(loaderShape, rawShape) {
		b.Errorf("the raw statements wrote another graph than the loader:\nloader %v\nraw    %v", loaderShape, rawShape)
	}
	perSec := func(d time.Duration) float64 { return float64(n*b.N) / d.Seconds() }
	b.ReportMetric(perSec(loader), "loader-docs/s")
	b.ReportMetric(perSec(write), "loader-write-docs/s")
	b.ReportMetric(perSec(raw), "raw-docs/s")
	b.ReportMetric(raw.Seconds()/loader.Seconds(), "loader/raw")
}

// shape counts the nodes of each label and the relationships of each
// type between the labels of their ends, and how many of them hold each
// property.
func shape(b *testing.B, s *Store) []string {
	var out []string
	for _, q := range []string{
		`MATCH (n) RETURN reduce(s = '', l IN labels(n) | s + ':' + l) AS k, count(*) AS n ORDER BY k`,
		`MATCH (n) UNWIND labels(n) AS l UNWIND keys(n) AS p RETURN l + '.' + p AS k, count(*) AS n ORDER BY k`,
		`MATCH (a)-[r]->(b) RETURN reduce(s = '', l IN labels(a) | s + ':' + l) + '-' + type(r) + '->' + reduce(s = '', l IN labels(b) | s + ':' + l) AS k,
		   count(*) AS n ORDER BY k`,
		`MATCH ()-[r]->() UNWIND keys(r) AS p RETURN type(r) + '.' + p AS k, count(*) AS n ORDER BY k`,
	} {
		res, err := neo4j.ExecuteQuery(context.Background(), s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.database))
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res.Records {
			out = append(out, fmt.Sprintf("%v=%v", r.Values[0], r.Values[1]))
		}
	}
	return out
}

// envInt is the integer in the environment variable name, 0 when unset.
func envInt(name string) int {
	v, _ := strconv.Atoi(os.Getenv(name))
	return v
}

func benchStore(b *testing.B) *Store {
	uri := os.Getenv("NEO4J_TEST_URI")
	if uri == "" {
		b.Skip("needs the test Neo4j: set NEO4J_TEST_URI (make bench)")
	}
	ctx := context.Background()
	s, err := Open(ctx, uri, os.Getenv("NEO4J_TEST_USER"), os.Getenv("NEO4J_TEST_PASSWORD"), "neo4j")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { wipe(b, s); s.Close(ctx) })
	if err := s.EnsureSchema(ctx); err != nil {
		b.Fatal(err)
	}
	return s
}

func wipe(b *testing.B, s *Store) {
	b.StopTimer()
	defer b.StartTimer()
	if err := s.Wipe(context.Background()); err != nil {
		b.Fatal(err)
	}
}

// rawLoad writes the graph the loader writes for exs (the same nodes,
// relationships and properties: writeParams and batchParams give the rows)
// with one plain UNWIND ... MERGE or CREATE statement per kind of node and
// relationship, 5,000 rows per transaction: no document state read, no
// locks, no replacement, aliases and form counts computed here rather than
// in Cypher.
func rawLoad(b *testing.B, s *Store, exs []kg.Extraction) {
	var ps []map[string]any
	for _, ex := range exs {
		p, err := writeParams(ex)
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, p)
	}
	p := batchParams(ps)
	var parts, about []any
	for _, x := range p["events"].([]any) {
		ev := x.(map[string]any)
		for _, pt := range ev["participants"].([]any) {
			parts = append(parts, map[string]any{"ev": ev["id"], "e": pt.(map[string]any)["entity"], "as": pt.(map[string]any)["as"]})
		}
	}
	for _, x := range p["claims"].([]any) {
		c := x.(map[string]any)
		for _, a := range c["about"].([]any) {
			about = append(about, map[string]any{"c": c["id"], "e": a})
		}
	}
	for _, x := range p["entities"].([]any) {
		e := x.(map[string]any)
		aliases, text := []any{}, e["name"].(string)
		for _, f := range e["forms"].([]any) {
			if f != e["name"] {
				aliases, text = append(aliases, f), text+" | "+f.(string)
			}
		}
		e["aliases"], e["aliasText"] = aliases, text
	}
	type stmt struct {
		q    string
		rows []any
	}
	stmts := []stmt{
		{`UNWIND $rows AS x MERGE (d:Document {id: x.id}) SET d += x.props, d.loadedAt = datetime()`, p["documents"].([]any)},
		{`UNWIND $rows AS x MERGE (e:Entity {id: x.id})
		  SET e.name = x.name, e.kind = x.kind, e.forms = x.forms, e.formDocs = x.counts, e.aliases = x.aliases, e.aliasText = x.aliasText
		  FOREACH (_ IN CASE WHEN x.type = 'person' THEN [1] ELSE [] END | SET e:Person)
		  FOREACH (_ IN CASE WHEN x.type = 'organization' THEN [1] ELSE [] END | SET e:Organization)`, p["entities"].([]any)},
		{`UNWIND $rows AS x MATCH (e:Entity {id: x.entity}), (d:Document {id: x.doc})
		  CREATE (e)-[:MENTIONED_IN {count: x.count, forms: x.forms, starts: x.starts, ends: x.ends}]->(d)`, p["mentions"].([]any)},
		{`UNWIND $rows AS x MATCH (p:Entity {id: x.person}) MERGE (r:Role {id: x.id}) SET r.title = x.title, r.status = x.status
		  MERGE (p)-[:HOLDS_ROLE]->(r)
		  WITH p, r, x WHERE x.organization <> '' MATCH (o:Entity {id: x.organization}) MERGE (r)-[:AT]->(o)
		  CREATE (p)-[:HOLDS_ROLE_AT {role: x.id, title: x.title, status: x.status}]->(o)`, p["roles"].([]any)},
		{`UNWIND $rows AS x MERGE (ev:Event {id: x.id})
		  SET ev.type = x.type, ev.date = x.date, ev.datePrecision = x.datePrecision, ev.dateText = x.dateText,
		      ev.summary = x.summary, ev.unnamed = x.unnamed, ev.caption = x.caption`, p["events"].([]any)},
		{`UNWIND $rows AS x MATCH (e:Entity {id: x.e}), (ev:Event {id: x.ev}) MERGE (e)-[:PARTICIPATED_IN {as: x.as}]->(ev)`, parts},
		{`UNWIND $rows AS x MATCH (by:Entity {id: x.claimant}) MERGE (c:Claim {id: x.id})
		  SET c.text = x.text, c.kind = x.kind, c.verb = x.verb, c.stance = x.stance, c.topics = x.topics, c.caption = x.caption
		  MERGE (by)-[:MADE]->(c)`, p["claims"].([]any)},
		{`UNWIND $rows AS x MATCH (c:Claim {id: x.c}), (e:Entity {id: x.e}) MERGE (c)-[:ABOUT]->(e)`, about},
		{`UNWIND $rows AS x MATCH (e:Entity {id: x.entity}), (d:Document {id: x.doc}) MERGE (m:Merge {id: x.id})
		  SET m.rule = x.rule, m.name = x.name, m.into = e.name,
		      m.where = CASE WHEN m.where IS NULL OR x.doc < m.where THEN x.doc ELSE m.where END
		  MERGE (e)-[:MERGED]->(m) CREATE (m)-[:SEEN_IN]->(d)`, p["merges"].([]any)},
	}
	for _, k := range []struct{ label, param string }{{"Role", "roleSources"}, {"Event", "eventSources"}, {"Claim", "claimSources"}} {
		stmts = append(stmts, stmt{`UNWIND $rows AS x MATCH (f:` + k.label + ` {id: x.fact}), (d:Document {id: x.doc})
		  CREATE (f)-[:SOURCED_FROM {sentence: x.sentence, start: x.start, end: x.end, quote: x.quote}]->(d)`, p[k.param].([]any)})
	}
	for _, k := range []struct{ param, q string }{
		{"eventShortcuts", `CREATE (a)-[:%s {event: x.event, as: x.as, type: x.type, date: x.date}]->(b)`},
		{"claimShortcuts", `CREATE (a)-[:%s {claim: x.claim, stance: x.stance, topic: x.topic, topics: x.topics}]->(b)`},
		{"relations", `MERGE (a)-[r:%s]->(b) SET r.docs = x.docs, r.sources = x.sources`},
	} {
		byType := p[k.param].(map[string][]any)
		for _, t := range slices.Sorted(maps.Keys(byType)) {
			stmts = append(stmts, stmt{`UNWIND $rows AS x MATCH (a:Entity {id: x.from}), (b:Entity {id: x.to}) ` + fmt.Sprintf(k.q, t), byType[t]})
		}
	}
	for _, st := range stmts {
		for i := 0; i < len(st.rows); i += 5000 {
			rows := st.rows[i:min(i+5000, len(st.rows))]
			if _, err := neo4j.ExecuteQuery(context.Background(), s.driver, st.q, map[string]any{"rows": rows}, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithWritersRouting()); err != nil {
				b.Fatalf("raw load: %v", err)
			}
		}
	}
}
