package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// BenchmarkAPICPU asks the questions of BenchmarkScale (but connections,
// which is the database's shortest-path search) through the API handler in
// this process, without HTTP, and the hand-written Cypher through the
// driver, with two concurrent clients, over the first FACTGRAPH_BENCH_DOCS
// generated documents. Besides time and allocations per request it reports
// cpu-ms/op, the CPU this process spent per request: what the API costs
// beyond the database, steadier than latency on a shared machine. Run it
// with -cpuprofile to see where that goes:
//
//	FACTGRAPH_BENCH_DOCS=10000 go test ./e2e -run '^$' -bench APICPU -cpu 2 -cpuprofile cpu.out
func BenchmarkAPICPU(b *testing.B) {
	uri, user, pw := dbtest.Config()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		b.Fatal(err)
	}
	defer drv.Close(context.Background())
	e := generatedEnv(b, benchSizes(b)[0])
	params := pickNames(b, drv)
	fill := strings.NewReplacer(`%[1]q`, strconv.Quote(params["org"].(string)), `%[2]q`, strconv.Quote(params["from"].(string)),
		`%[3]q`, strconv.Quote(params["to"].(string)), `%[4]q`, strconv.Quote(params["ordinary"].(string)))
	h := graph.NewHandler(&graph.Resolver{Store: e.store, Topics: e.topics}, graph.Options{Timeout: time.Minute})
	for _, q := range peerQueries {
		if q.name == "connections" {
			continue
		}
		body, _ := json.Marshal(map[string]string{"query": fill.Replace(q.factgraph)})
		b.Run(q.name+"/api", func(b *testing.B) {
			cpuPerOp(b, func() {
				req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
					b.Errorf("%s: %d %.300s", q.name, w.Code, w.Body.String())
				}
			})
		})
		b.Run(q.name+"/cypher", func(b *testing.B) {
			cpuPerOp(b, func() {
				if _, err := neo4j.ExecuteQuery(context.Background(), drv, q.cypher, params, neo4j.EagerResultTransformer,
					neo4j.ExecuteQueryWithReadersRouting()); err != nil {
					b.Error(err)
				}
			})
		})
	}
}

// cpuPerOp runs op b.N times in all from GOMAXPROCS goroutines (two
// clients with -cpu 2) and reports allocations and this process's CPU
// time per op.
func cpuPerOp(b *testing.B, op func()) {
	b.ReportAllocs()
	c0 := processCPU()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			op()
		}
	})
	b.ReportMetric(float64(processCPU()-c0)/float64(b.N)/1e6, "cpu-ms/op")
}

// processCPU is the user and system time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
