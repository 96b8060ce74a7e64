package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// benchQueries are five representative questions: as GraphQL through the
// HTTP handler, and as hand-written Cypher through the driver. Each Cypher
// statement answers the same question with the same data as its GraphQL
// query: the same rows in the same order, the same fields, the total count
// when the query asks for it, the unnamed participants, the topic with the
// topics beneath it ($topics).
var benchQueries = []struct {
	name, graphql, cypher string
}{
	{"depositions",
		`{ events(type: DEPOSITION_REQUEST, first: 20) { totalCount edges { node { date participants { part entity { name } } sources { quote document { title } } } } } }`,
		`CALL { MATCH (ev:Event {type: 'deposition_request'}) RETURN count(ev) AS total }
		 MATCH (ev:Event {type: 'deposition_request'})
		 WITH total, ev ORDER BY ev.date, ev.id LIMIT 20
		 RETURN total, ev.date,
		        COLLECT { MATCH (e:Entity)-[p:PARTICIPATED_IN]->(ev) RETURN {part: p.as, name: e.name} ORDER BY p.as, e.name }
		          + [u IN coalesce(ev.unnamed, []) | {part: split(u, ': ')[0]}],
		        COLLECT { MATCH (ev)-[s:SOURCED_FROM]->(d:Document) RETURN {quote: s.quote, title: d.title} ORDER BY d.publishedAt, d.id, s.start }`},
	{"bias_claims",
		`{ claims(stance: ALLEGES, topic: "bias", first: 50) { edges { node { text claimant { name } sources { quote start end document { title } } } } } }`,
		`MATCH (c:Claim {stance: 'alleges'}) WHERE any(t IN c.topics WHERE t IN $topics)
		 WITH c ORDER BY c.id LIMIT 50
		 RETURN c.text, COLLECT { MATCH (e:Entity)-[:MADE]->(c) RETURN e.name },
		        COLLECT { MATCH (c)-[s:SOURCED_FROM]->(d:Document) RETURN {quote: s.quote, start: s.start, end: s.end, title: d.title}
		                  ORDER BY d.publishedAt, d.id, s.start }`},
	{"dod_roles",
		`{ organization(name: "Department of Defense") { name roles { title status person { name } } } }`,
		`MATCH (o:Organization) WHERE toLower(o.name) = 'department of defense'
		 WITH o LIMIT 1
		 RETURN o.name, COLLECT { MATCH (p:Person)-[:HOLDS_ROLE]->(r:Role)-[:AT]->(o)
		                          RETURN {title: r.title, status: r.status, person: p.name} ORDER BY r.status, r.title, r.id }`},
	{"connections",
		`{ connections(from: "Andy Jassy", to: "Mark Esper", maxHops: 4) { length nodes { id label } edges { type source target } } }`,
		`MATCH (a:Person {name: 'Andy Jassy'}), (b:Person {name: 'Mark Esper'})
		 MATCH p = allShortestPaths((a)-[*..4]-(b)) WHERE all(n IN nodes(p) WHERE NOT n:Document)
		   AND all(r IN relationships(p) WHERE r.role IS NULL AND r.event IS NULL AND r.claim IS NULL)
		 RETURN length(p), [n IN nodes(p) | {id: n.id, label: coalesce(n.name, n.title, n.type, n.text)}],
		        [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id}] LIMIT 10`},
	{"neighborhood",
		`{ neighborhood(of: "Amazon", hops: 1, limit: 100) { nodes { id label type } edges { source target type } } }`,
		neighborhoodCypher("'Amazon'")},
}

// neighborhoodCypher is the hand-written neighbourhood of the entity named
// name (a literal or a parameter): the entity and its first 99 neighbours
// by id (cut before anything is projected or expanded further; walking
// only the relationship types a neighbourhood may use, as factgraph does),
// and the relationships among them.
func neighborhoodCypher(name string) string {
	return `MATCH (a:Entity {name: ` + name + `})
		 CALL { WITH a MATCH (a)-[r:!(MENTIONED_IN|SOURCED_FROM|SEEN_IN|MERGED)]-(n)
		        WHERE NOT n:Document AND NOT n:Merge AND NOT n:Curation AND r.role IS NULL AND r.event IS NULL AND r.claim IS NULL
		        WITH DISTINCT n ORDER BY n.id LIMIT 99 RETURN collect(n) AS near }
		 WITH [a] + near AS ns
		 CALL { WITH ns UNWIND ns AS x
		        MATCH (x)-[r:!(MENTIONED_IN|SOURCED_FROM|SEEN_IN|MERGED)]->(y) WHERE y IN ns AND r.role IS NULL AND r.event IS NULL AND r.claim IS NULL
		        RETURN collect({source: x.id, target: y.id, type: type(r)}) AS edges }
		 RETURN [n IN ns | {id: n.id, label: coalesce(n.name, n.title, n.type, n.text), labels: labels(n)}], edges`
}

// BenchmarkQueries measures latency (p50, p99) and throughput of the five
// questions under concurrent load (2 clients, and 8, which saturate a 2-core
// machine that also runs Neo4j): "api" through the
// HTTP handler, "cypher" as one hand-written statement through the driver.
// Needs the test Neo4j (make neo4j-start with NEO4J_INSTANCE=test, or make
// test's instance); the ratio of the p50s is the API's overhead.
func BenchmarkQueries(b *testing.B) {
	e := setup(b)
	uri, user, pw := dbtest.Config()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		b.Fatal(err)
	}
	defer drv.Close(context.Background())
	topics := e.topics.Expand("bias")
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	for _, q := range benchQueries {
		body, _ := json.Marshal(map[string]string{"query": q.graphql})
		for _, clients := range []int{2, 8} {
			name := fmt.Sprintf("%s/c%d", q.name, clients)
			b.Run(name+"/api", func(b *testing.B) {
				measure(b, clients, func(ctx context.Context) error {
					resp, err := client.Post(e.srv.URL, "application/json", bytes.NewReader(body))
					if err != nil {
						return err
					}
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					return err
				})
			})
			b.Run(name+"/cypher", func(b *testing.B) {
				measure(b, clients, func(ctx context.Context) error {
					_, err := neo4j.ExecuteQuery(ctx, drv, q.cypher, map[string]any{"topics": topics}, neo4j.EagerResultTransformer,
						neo4j.ExecuteQueryWithReadersRouting())
					return err
				})
			})
		}
	}
}

// measure runs op b.N times from about clients goroutines (a multiple of
// GOMAXPROCS) and reports p50/p99 latency and throughput.
func measure(b *testing.B, clients int, op func(context.Context) error) {
	b.Helper()
	ctx := context.Background()
	if err := op(ctx); err != nil { // warm up plans and connections
		b.Fatal(err)
	}
	var mu sync.Mutex
	lat := make([]time.Duration, 0, b.N)
	b.SetParallelism(max(1, clients/runtime.GOMAXPROCS(0)))
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			t := time.Now()
			if err := op(ctx); err != nil {
				b.Error(err)
				return
			}
			mine = append(mine, time.Since(t))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
}
