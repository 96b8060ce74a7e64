package main

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSummarize(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	var ss []sample
	for i := 1; i <= 100; i++ { // successes of 1..100 ms
		ss = append(ss, sample{At: at(i % 10), Latency: time.Duration(i) * time.Millisecond})
	}
	ss = append(ss,
		sample{At: at(20), Latency: time.Second, Err: true}, // inside [20s, 30s)
		sample{At: at(29), Err: true},                       // inside
		sample{At: at(30), Err: true},                       // the window's end is outside
		sample{At: at(19), Err: true, Msg: "UNAVAILABLE"},   // before it
	)
	got := summarize(ss, window{From: at(20), To: at(30)})
	want := report{Requests: 104, ErrorsOutside: 2, ErrorsInside: 2, P50: 50 * time.Millisecond, P99: 99 * time.Millisecond,
		Outside: []string{"00:00:30.000 ", "00:00:19.000 UNAVAILABLE"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("summarize (-want +got):\n%s", diff)
	}
}

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) (out []time.Duration) {
		for _, n := range ns {
			out = append(out, time.Duration(n)*time.Millisecond)
		}
		return out
	}
	for _, c := range []struct {
		name   string
		sorted []time.Duration
		p      int
		want   time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"p99 of ten is the last", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := percentile(c.sorted, c.p); got != c.want {
				t.Errorf("percentile(%v, %d) = %s, want %s", c.sorted, c.p, got, c.want)
			}
		})
	}
}

func TestReadmeQueries(t *testing.T) {
	md := "intro\n```graphql\n{ a }\n```\ntext\n```graphql\nmutation { x }\n```\n```json\n{}\n```\n```graphql\nquery Q {\n  b\n}\n```\n"
	got := readmeQueries(md)
	want := []string{"{ a }", "query Q {\n  b\n}"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("readmeQueries (-want +got):\n%s", diff)
	}
}

func TestLoopbackOnly(t *testing.T) {
	for api, ok := range map[string]bool{
		"http://127.0.0.1:8090/graphql": true,
		"http://localhost:8080/graphql": true,
		"http://[::1]:8080/graphql":     true,
		"http://10.0.0.5:8080/graphql":  false,
		"http://example.com/graphql":    false,
	} {
		if err := checkLoopback(api); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v, want ok=%v", api, err, ok)
		}
	}
}
