package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/corpusgen/gentest"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/pipeline"
)

// BenchmarkLoaderVsRaw loads N generated documents (FACTGRAPH_BENCH_DOCS,
// default 1000) into an empty graph with the loader (extraction included;
// FACTGRAPH_BENCH_WRITERS sets its Writers, FACTGRAPH_BENCH_BATCH its
// BatchSize), and writes the same extracted graph with plain UNWIND ... MERGE
// statements of 5,000 rows per transaction (extraction not timed): the
// database's own speed for that graph. FACTGRAPH_BENCH_VERBOSE=1 prints
// each run's times. The two take turns going first. Run
// it an even number of times: go test ./neo4jstore -run '^$' -bench
// LoaderVsRaw -benchtime 2x.
func BenchmarkLoaderVsRaw(b *testing.B) {
	s := benchStore(b)
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("FACTGRAPH_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	docs, _ := gentest.Docs(b, n, 1)
	ctx := context.Background()
	var loader, write, raw time.Duration
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
	}
	runRaw := func() {
		_, g, _ := pipeline.Extract(docs, lexicon.Must(), nil, 0)
		wipe(b, s)
		t1 := time.Now()
		rawLoad(b, s, g)
		raw += time.Since(t1)
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
	perSec := func(d time.Duration) float64 { return float64(n*b.N) / d.Seconds() }
	b.ReportMetric(perSec(loader), "loader-docs/s")
	b.ReportMetric(perSec(write), "loader-write-docs/s")
	b.ReportMetric(perSec(raw), "raw-docs/s")
	b.ReportMetric(raw.Seconds()/loader.Seconds(), "loader/raw")
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

// rawLoad writes g with one plain UNWIND ... MERGE per kind, 5,000 rows per
// transaction.
func rawLoad(b *testing.B, s *Store, g kg.Graph) {
	var docs, ents, mentions, roles, events, parts, claims, about, rels []any
	srcs := map[string][]any{}
	for _, d := range g.Documents {
		docs = append(docs, map[string]any{"id": d.ID, "title": d.Title, "publishedAt": d.PublishedAt})
	}
	for _, e := range g.Entities {
		ents = append(ents, map[string]any{"id": e.ID, "name": e.Name, "aliases": e.Aliases, "person": e.Type == kg.Person})
		perDoc := map[string]int{}
		for _, m := range e.Mentions {
			perDoc[m.Document]++
		}
		for d, c := range perDoc {
			mentions = append(mentions, map[string]any{"e": e.ID, "d": d, "count": c})
		}
	}
	source := func(label, id string, ss []kg.Source) {
		for _, x := range ss {
			srcs[label] = append(srcs[label], map[string]any{"id": id, "d": x.Document, "start": x.Start, "end": x.End, "quote": x.Quote})
		}
	}
	for _, r := range g.Roles {
		roles = append(roles, map[string]any{"id": r.ID, "p": r.Person, "o": r.Organization, "title": r.Title, "status": r.Status})
		source("Role", r.ID, r.Sources)
	}
	for _, e := range g.Events {
		events = append(events, map[string]any{"id": e.ID, "type": e.Type, "date": e.Date, "summary": e.Summary})
		for _, p := range e.Participants {
			if p.Entity != "" {
				parts = append(parts, map[string]any{"ev": e.ID, "e": p.Entity, "as": p.As})
			}
		}
		source("Event", e.ID, e.Sources)
	}
	for _, c := range g.Claims {
		claims = append(claims, map[string]any{"id": c.ID, "by": c.Claimant, "text": c.Text, "stance": c.Stance, "topics": c.Topics})
		for _, a := range c.About {
			about = append(about, map[string]any{"c": c.ID, "e": a})
		}
		source("Claim", c.ID, c.Sources)
	}
	for _, r := range g.Relations {
		rels = append(rels, map[string]any{"a": r.From, "b": r.To, "n": len(r.Sources)})
	}
	for _, st := range []struct {
		q    string
		rows []any
	}{
		{`UNWIND $rows AS x MERGE (d:Document {id: x.id}) SET d.title = x.title, d.publishedAt = x.publishedAt`, docs},
		{`UNWIND $rows AS x MERGE (e:Entity {id: x.id}) SET e.name = x.name, e.aliases = x.aliases
		  FOREACH (_ IN CASE WHEN x.person THEN [1] ELSE [] END | SET e:Person)
		  FOREACH (_ IN CASE WHEN x.person THEN [] ELSE [1] END | SET e:Organization)`, ents},
		{`UNWIND $rows AS x MATCH (e:Entity {id: x.e}), (d:Document {id: x.d}) MERGE (e)-[m:MENTIONED_IN]->(d) SET m.count = x.count`, mentions},
		{`UNWIND $rows AS x MATCH (p:Entity {id: x.p}) MERGE (r:Role {id: x.id}) SET r.title = x.title, r.status = x.status MERGE (p)-[:HOLDS_ROLE]->(r)
		  WITH r, x WHERE x.o <> '' MATCH (o:Entity {id: x.o}) MERGE (r)-[:AT]->(o)`, roles},
		{`UNWIND $rows AS x MERGE (e:Event {id: x.id}) SET e.type = x.type, e.date = x.date, e.summary = x.summary`, events},
		{`UNWIND $rows AS x MATCH (e:Entity {id: x.e}), (ev:Event {id: x.ev}) MERGE (e)-[:PARTICIPATED_IN {as: x.as}]->(ev)`, parts},
		{`UNWIND $rows AS x MATCH (by:Entity {id: x.by}) MERGE (c:Claim {id: x.id}) SET c.text = x.text, c.stance = x.stance, c.topics = x.topics MERGE (by)-[:MADE]->(c)`, claims},
		{`UNWIND $rows AS x MATCH (c:Claim {id: x.c}), (e:Entity {id: x.e}) MERGE (c)-[:ABOUT]->(e)`, about},
		{`UNWIND $rows AS x MATCH (f:Role {id: x.id}), (d:Document {id: x.d})
		  CREATE (f)-[:SOURCED_FROM {start: x.start, end: x.end, quote: x.quote}]->(d)`, srcs["Role"]},
		{`UNWIND $rows AS x MATCH (f:Event {id: x.id}), (d:Document {id: x.d})
		  CREATE (f)-[:SOURCED_FROM {start: x.start, end: x.end, quote: x.quote}]->(d)`, srcs["Event"]},
		{`UNWIND $rows AS x MATCH (f:Claim {id: x.id}), (d:Document {id: x.d})
		  CREATE (f)-[:SOURCED_FROM {start: x.start, end: x.end, quote: x.quote}]->(d)`, srcs["Claim"]},
		{`UNWIND $rows AS x MATCH (a:Entity {id: x.a}), (b:Entity {id: x.b}) MERGE (a)-[r:RELATED_TO]->(b) SET r.n = x.n`, rels},
	} {
		for i := 0; i < len(st.rows); i += 5000 {
			rows := st.rows[i:min(i+5000, len(st.rows))]
			if _, err := neo4j.ExecuteQuery(context.Background(), s.driver, st.q, map[string]any{"rows": rows}, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithWritersRouting()); err != nil {
				b.Fatalf("raw load: %v", err)
			}
		}
	}
}
