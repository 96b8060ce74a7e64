// Command soak runs clients over the README's queries against a running API
// on the loopback interface, restarts Neo4j once in the middle, and reports
// requests, errors outside and inside the restart window, latency
// percentiles and the API's resident memory at start and end. It exits
// non-zero when any request failed outside the restart window. See
// scripts/soak.sh (make soak), which starts the stack it needs.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

type options struct {
	api      string
	duration time.Duration
	clients  int
	pid      int
	readme   string
	script   string // scripts/neo4j-local.sh; "" skips the restart
	grace    time.Duration
	warmup   time.Duration
	backoff  time.Duration
}

func parse(args []string, getenv func(string) string) (options, error) {
	o := options{}
	fs := flag.NewFlagSet("soak", flag.ContinueOnError)
	fs.StringVar(&o.api, "api", "http://127.0.0.1:8090/graphql", "GraphQL endpoint (loopback only)")
	d := time.Duration(10 * time.Minute)
	if v := getenv("SOAK_DURATION"); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			return o, fmt.Errorf("SOAK_DURATION %q: %w", v, err)
		}
	}
	fs.DurationVar(&o.duration, "duration", d, "how long to run (env SOAK_DURATION)")
	fs.IntVar(&o.clients, "clients", 20, "concurrent clients")
	fs.IntVar(&o.pid, "pid", 0, "API process id, for its resident memory (0: not measured)")
	fs.StringVar(&o.readme, "readme", "README.md", "file whose ```graphql blocks are the queries")
	fs.StringVar(&o.script, "neo4j-script", "scripts/neo4j-local.sh", "stops and starts Neo4j (its NEO4J_* environment names the instance); empty: no restart")
	fs.DurationVar(&o.grace, "grace", 10*time.Second, "how long after Neo4j is back errors still count as inside the restart window")
	fs.DurationVar(&o.warmup, "warmup", 30*time.Second, "when to take the start RSS: after the caches and pools have filled")
	fs.DurationVar(&o.backoff, "backoff", 250*time.Millisecond, "how long a client waits after a failed request, as a real client would")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.duration <= 0 || o.duration > 2*time.Hour || o.clients < 1 || o.clients > 200 {
		return o, errors.New("want 0 < duration <= 2h and 1 to 200 clients")
	}
	return o, checkLoopback(o.api)
}

// checkLoopback refuses any endpoint off the loopback interface: a soak is
// a load test and must not be aimed at someone else's server.
func checkLoopback(api string) error {
	u, err := url.Parse(api)
	if err != nil {
		return fmt.Errorf("api %q: %w", api, err)
	}
	if h := u.Hostname(); h == "localhost" {
		return nil
	} else if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("api %q: only loopback addresses (127.0.0.1, ::1, localhost) may be soaked", api)
}

// readmeQueries returns the ```graphql blocks of markdown that are queries
// (not mutations).
func readmeQueries(md string) []string {
	var out []string
	for _, block := range strings.Split(md, "```graphql\n")[1:] {
		q, _, ok := strings.Cut(block, "\n```")
		q = strings.TrimSpace(q)
		if ok && (strings.HasPrefix(q, "{") || strings.HasPrefix(q, "query")) {
			out = append(out, q)
		}
	}
	return out
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	o, err := parse(args, getenv)
	if err != nil {
		return err
	}
	md, err := os.ReadFile(o.readme)
	if err != nil {
		return err
	}
	queries := readmeQueries(string(md))
	if len(queries) == 0 {
		return fmt.Errorf("no graphql queries in %s", o.readme)
	}
	if err := warm(ctx, o.api, queries); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "soak: %d clients over %d README queries for %s against %s\n", o.clients, len(queries), o.duration, o.api)
	ctx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	var (
		mu  sync.Mutex
		win window
		all []sample
		wg  sync.WaitGroup
	)
	wg.Add(o.clients)
	for i := range o.clients {
		go func() {
			defer wg.Done()
			ss := client(ctx, o.api, queries, i, o.backoff)
			mu.Lock()
			all = append(all, ss...)
			mu.Unlock()
		}()
	}
	rssStart := make(chan int64, 1)
	go func() { // the start RSS, once the API is warm
		select {
		case <-ctx.Done():
		case <-time.After(min(o.warmup, o.duration/4)):
		}
		rssStart <- rss(o.pid)
	}()
	restartErr := make(chan error, 1)
	go func() { restartErr <- restart(ctx, o, queries, stdout, &mu, &win) }()
	wg.Wait()
	if err := <-restartErr; err != nil {
		return err
	}
	mu.Lock()
	r := summarize(all, win)
	r.RSSStart, r.RSSEnd = <-rssStart, rss(o.pid)
	mu.Unlock()
	r.print(stdout)
	if r.ErrorsOutside > 0 {
		return fmt.Errorf("%d requests failed outside the restart window", r.ErrorsOutside)
	}
	return nil
}

// restart stops and starts Neo4j half way through and records the window:
// from the stop until every query has been answered again (a restarted
// Neo4j plans its queries afresh, which under full load takes longer than
// the API's query timeout), plus the grace period.
func restart(ctx context.Context, o options, queries []string, stdout io.Writer, mu *sync.Mutex, win *window) error {
	if o.script == "" {
		return nil
	}
	select {
	case <-ctx.Done():
		return nil
	case <-time.After(o.duration / 2):
	}
	mu.Lock()
	win.From, win.To = time.Now(), time.Now().Add(24*time.Hour) // open until Neo4j is back
	mu.Unlock()
	for _, verb := range []string{"stop", "start"} {
		cmd := exec.Command(o.script, verb) // not ctx: a start must not be cut off half way
		cmd.Stdout, cmd.Stderr = stdout, stdout
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("neo4j %s: %w", verb, err)
		}
	}
	up := time.Since(win.From)
	if err := warm(ctx, o.api, queries); err != nil && ctx.Err() == nil {
		return fmt.Errorf("after the restart: %w", err)
	}
	mu.Lock()
	defer mu.Unlock()
	win.To = time.Now().Add(o.grace)
	fmt.Fprintf(stdout, "soak: Neo4j stopped and started in %s, every query answered again after %s; errors until %s count as inside the window\n",
		up.Round(time.Second), time.Since(win.From).Round(time.Second), win.To.Format(time.TimeOnly))
	return nil
}

// warm sends each query once, in turn, before the clients start, so that
// the soak measures a warm server and every query is known to work: a
// query that fails for a minute is an error.
func warm(ctx context.Context, api string, queries []string) error {
	hc := &http.Client{Timeout: 30 * time.Second}
	for _, q := range queries {
		body, _ := json.Marshal(map[string]string{"query": q})
		deadline := time.Now().Add(time.Minute)
		for {
			err := post(ctx, hc, api, body)
			if err == nil {
				break
			}
			if time.Now().After(deadline) || ctx.Err() != nil {
				return fmt.Errorf("warm-up: %.60s...: %w", q, err)
			}
			time.Sleep(time.Second)
		}
	}
	return nil
}

// client sends queries in turn, starting at the i-th, until ctx ends,
// waiting backoff after a failure.
func client(ctx context.Context, api string, queries []string, i int, backoff time.Duration) []sample {
	hc := &http.Client{Timeout: 30 * time.Second}
	var ss []sample
	for n := i; ctx.Err() == nil; n++ {
		body, _ := json.Marshal(map[string]string{"query": queries[n%len(queries)]})
		start := time.Now()
		err := post(ctx, hc, api, body)
		if ctx.Err() != nil {
			break // cut off by the end of the soak, not a failure
		}
		ss = append(ss, sample{At: start, Latency: time.Since(start), Err: err != nil})
		if err != nil && len(ss) > 0 {
			ss[len(ss)-1].Msg = err.Error()
		}
		if err != nil {
			select {
			case <-ctx.Done():
			case <-time.After(backoff):
			}
		}
	}
	return ss
}

func post(ctx context.Context, hc *http.Client, api string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, api, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || len(r.Errors) > 0 {
		msg := ""
		if len(r.Errors) > 0 {
			msg = r.Errors[0].Extensions.Code + ": " + r.Errors[0].Message
		}
		return fmt.Errorf("HTTP %d, %d errors: %s", resp.StatusCode, len(r.Errors), msg)
	}
	return nil
}

// rss returns the resident set of process pid in KiB (Linux), 0 if unknown.
func rss(pid int) int64 {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
