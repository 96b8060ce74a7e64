package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// peerQuery is one mission question as each system asks it: factgraph's
// GraphQL, @neo4j/graphql's GraphQL ("" when its generated API cannot ask
// it) and hand-written Cypher. %[1]s and %[2]s stand for the names the
// harness picks from the loaded graph.
type peerQuery struct{ name, factgraph, peer, cypher string }

var peerQueries = []peerQuery{
	{"depositions",
		`{ events(type: DEPOSITION_REQUEST, first: 20) { totalCount edges { node { date participants { part entity { name } } sources { quote document { title } } } } } }`,
		`{ eventsConnection(where: {type: {eq: "deposition_request"}}) { totalCount }
		   events(where: {type: {eq: "deposition_request"}}, limit: 20, sort: [{date: ASC}, {id: ASC}]) { date
		     participantsConnection { edges { properties { as } node { ... on Person { name } ... on Organization { name } } } }
		     sourcesConnection { edges { properties { quote } node { title } } } } }`,
		benchQueries[0].cypher},
	{"alleging_claims",
		`{ claims(stance: ALLEGES, first: 50) { edges { node { text claimant { name } sources { quote start end document { title } } } } } }`,
		`{ claims(where: {stance: {eq: "alleges"}}, limit: 50, sort: [{id: ASC}]) { text
		     claimant { ... on Person { name } ... on Organization { name } }
		     sourcesConnection { edges { properties { quote start end } node { title } } } } }`,
		`MATCH (c:Claim {stance: 'alleges'}) WITH c ORDER BY c.id LIMIT 50
		 RETURN c.text, COLLECT { MATCH (e:Entity)-[:MADE]->(c) RETURN e.name },
		        COLLECT { MATCH (c)-[s:SOURCED_FROM]->(d:Document) RETURN {quote: s.quote, start: s.start, end: s.end, title: d.title}
		                  ORDER BY d.publishedAt, d.id, s.start }`},
	{"org_roles",
		`{ organization(name: %[1]q) { name roles { title status person { name } } } }`,
		`{ organizations(where: {name: {eq: %[1]q}}, limit: 1) { name roles(sort: [{status: ASC}, {title: ASC}, {id: ASC}]) { title status person { name } } } }`,
		`MATCH (o:Organization {name: $org}) WITH o LIMIT 1
		 RETURN o.name, COLLECT { MATCH (p:Person)-[:HOLDS_ROLE]->(r:Role)-[:AT]->(o)
		                          RETURN {title: r.title, status: r.status, person: p.name} ORDER BY r.status, r.title, r.id }`},
	{"connections",
		`{ connections(from: %[2]q, to: %[3]q, maxHops: 4) { length nodes { id label } edges { type source target } } }`,
		"",
		`MATCH (a:Person {name: $from}), (b:Person {name: $to})
		 MATCH p = allShortestPaths((a)-[*..4]-(b)) WHERE all(n IN nodes(p) WHERE NOT n:Document)
		   AND all(r IN relationships(p) WHERE r.role IS NULL AND r.event IS NULL AND r.claim IS NULL)
		 RETURN length(p), [n IN nodes(p) | {id: n.id, label: coalesce(n.name, n.title, n.type, n.text)}],
		        [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id}] LIMIT 10`},
	{"neighborhood",
		`{ neighborhood(of: %[4]q, hops: 1, limit: 100) { nodes { id label type } edges { source target type } } }`,
		`{ neighborhood(of: %[4]q) { nodes { id label type } edges { source target type } } }`,
		neighborhoodCypher("$ordinary")},
}

// BenchmarkScale is make bench-scale's measurement: over the first n
// generated documents (FACTGRAPH_BENCH_DOCS), the five mission questions
// against factgraph's API, @neo4j/graphql 7.6.3 with Apollo Server
// (bench/server.mjs at FACTGRAPH_PEER_URL, over the same database) and
// hand-written Cypher, with 2 and 8 clients. Systems take turns (rounds of
// FACTGRAPH_BENCH_SLICE each, after a warm-up), so load on the shared
// machine falls on all of them alike. It prints p50, p99 and req/s per
// question and system, and factgraph's ratios. Run it with scripts/bench-scale.sh.
func BenchmarkScale(b *testing.B) {
	peer := os.Getenv("FACTGRAPH_PEER_URL")
	if peer == "" {
		b.Skip("set FACTGRAPH_PEER_URL to the @neo4j/graphql peer (make bench-scale starts it)")
	}
	slice := 3 * time.Second
	if d, err := time.ParseDuration(os.Getenv("FACTGRAPH_BENCH_SLICE")); err == nil && d > 0 {
		slice = d
	}
	uri, user, pw := dbtest.Config()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		b.Fatal(err)
	}
	defer drv.Close(context.Background())
	for _, n := range benchSizes(b) {
		e := generatedEnv(b, n)
		// The API serves from this process (with the benchmark's clients):
		// its peak memory while it answers, not while it loaded the corpus.
		reset := resetPeakRSS()
		params := pickNames(b, drv)
		fill := strings.NewReplacer(`%[1]q`, strconv.Quote(params["org"].(string)), `%[2]q`, strconv.Quote(params["from"].(string)),
			`%[3]q`, strconv.Quote(params["to"].(string)), `%[4]q`, strconv.Quote(params["ordinary"].(string)))
		fmt.Printf("\n%d documents; org %q, connections %q - %q, neighbourhood of %q\n", e.docs,
			params["org"], params["from"], params["to"], params["ordinary"])
		fmt.Printf("%-16s %2s | %-26s | %-26s | %-26s | %s\n", "query", "c", "factgraph p50/p99 ms req/s",
			"@neo4j/graphql", "cypher", "fg÷cypher p50, fg÷peer req/s")
		for _, q := range peerQueries {
			systems := map[string]func(context.Context) error{
				"factgraph": postTo(e.srv.URL, fill.Replace(q.factgraph)),
				"cypher": func(ctx context.Context) error {
					_, err := neo4j.ExecuteQuery(ctx, drv, q.cypher, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithReadersRouting())
					return err
				},
			}
			if q.peer != "" {
				systems["peer"] = postTo(peer, fill.Replace(q.peer))
			}
			for _, clients := range []int{2, 8} {
				printRow(q.name, clients, interleave(b, systems, clients, slice))
			}
		}
		if rss := peakRSS(); rss > 0 && reset {
			fmt.Printf("factgraph API peak RSS during the questions: %.0f MiB (in-process, with its benchmark clients)\n", float64(rss)/(1<<20))
		}
	}
}

// pickNames chooses the entities the questions ask about: the organization
// with the most roles, two people linked through a third party's events,
// and an ordinary entity (the median by mentions).
func pickNames(b *testing.B, drv neo4j.DriverWithContext) map[string]any {
	b.Helper()
	one := func(q string) []any {
		res, err := neo4j.ExecuteQuery(context.Background(), drv, q, nil, neo4j.EagerResultTransformer)
		if err != nil || len(res.Records) == 0 {
			b.Fatalf("pick names: %q: %v (%d rows)", q, err, len(res.Records))
		}
		return res.Records[0].Values
	}
	org := one(`MATCH (o:Organization)<-[:AT]-(r:Role) RETURN o.name, count(r) AS n ORDER BY n DESC, o.name LIMIT 1`)
	// One step at a time with limits: the whole pattern at once explodes
	// through the hubs of a large graph.
	pair := one(`MATCH (a:Person) WHERE EXISTS { (a)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(x:Entity) WHERE x <> a }
		WITH a ORDER BY a.id LIMIT 1
		MATCH (a)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(x:Entity) WHERE x <> a
		  AND EXISTS { (x)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(b:Person) WHERE b <> a AND b <> x }
		WITH a, x ORDER BY x.id LIMIT 1
		MATCH (x)-[:PARTICIPATED_IN]->(:Event)<-[:PARTICIPATED_IN]-(b:Person) WHERE b <> a AND b <> x
		RETURN a.name, b.name ORDER BY b.name LIMIT 1`)
	ord := one(`MATCH (e:Entity) WITH e, COUNT { (e)-[:MENTIONED_IN]->() } AS n ORDER BY n, e.id
		WITH collect(e.name) AS names RETURN names[size(names) / 2]`)
	return map[string]any{"org": org[0], "from": pair[0], "to": pair[1], "ordinary": ord[0]}
}

// postTo returns an op that posts one GraphQL query to url and fails on any
// error in the answer.
func postTo(url, q string) func(context.Context) error {
	body, _ := json.Marshal(map[string]string{"query": q})
	// Idle connections close on this side before the peer's Node server
	// closes them (its keep-alive timeout is 5 s, and a system waits out
	// the others' turns): a request on a connection the server has just
	// closed fails with "connection reset by peer".
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: 2 * time.Second}}
	return func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		out, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK || bytes.Contains(out, []byte(`"errors"`)) {
			return fmt.Errorf("%s: %s: %.300s", url, resp.Status, out)
		}
		return nil
	}
}

// cell is what one system did for one question and number of clients.
type cell struct {
	lat     []time.Duration
	elapsed time.Duration
}

// interleave warms each system up for one slice, then runs three rounds in
// which each system runs for one slice with clients concurrent clients.
func interleave(b *testing.B, systems map[string]func(context.Context) error, clients int, slice time.Duration) map[string]*cell {
	b.Helper()
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range systems {
			if !yield(k) {
				return
			}
		}
	})
	out := map[string]*cell{}
	for _, s := range names {
		out[s] = &cell{}
		run(b, systems[s], clients, slice/3) // warm-up, not counted
	}
	for range 3 {
		for _, s := range names {
			lat, el := run(b, systems[s], clients, slice)
			out[s].lat = append(out[s].lat, lat...)
			out[s].elapsed += el
		}
	}
	return out
}

// run calls op from clients goroutines for d and returns the latencies.
func run(b *testing.B, op func(context.Context) error, clients int, d time.Duration) ([]time.Duration, time.Duration) {
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(deadline) {
				t := time.Now()
				if err := op(context.Background()); err != nil {
					b.Error(err)
					return
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return lat, time.Since(start)
}

// printRow prints one question's figures for one number of clients.
func printRow(name string, clients int, cells map[string]*cell) {
	stat := func(s string) (p50, p99, rps float64, ok bool) {
		c := cells[s]
		if c == nil || len(c.lat) == 0 {
			return 0, 0, 0, false
		}
		slices.Sort(c.lat)
		ms := func(p float64) float64 { return float64(c.lat[int(p*float64(len(c.lat)-1))].Microseconds()) / 1000 }
		return ms(0.5), ms(0.99), float64(len(c.lat)) / c.elapsed.Seconds(), true
	}
	var cols []string
	for _, s := range []string{"factgraph", "peer", "cypher"} {
		if p50, p99, rps, ok := stat(s); ok {
			cols = append(cols, fmt.Sprintf("%8.1f %8.1f %8.1f", p50, p99, rps))
		} else {
			cols = append(cols, fmt.Sprintf("%26s", "n/a"))
		}
	}
	f50, _, frps, _ := stat("factgraph")
	c50, _, _, _ := stat("cypher")
	ratio := fmt.Sprintf("%.2f", f50/c50)
	if _, _, prps, ok := stat("peer"); ok {
		ratio += fmt.Sprintf(", %.2f", frps/prps)
	} else {
		ratio += ", n/a"
	}
	fmt.Printf("%-16s %2d | %s | %s\n", name, clients, strings.Join(cols, " | "), ratio)
}
