package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
	"github.com/factgraph/factgraph/pipeline"
	"github.com/factgraph/factgraph/report"
	"github.com/factgraph/factgraph/web"
)

// screenshotDir is where browser tests leave their screenshots (git-ignored).
const screenshotDir = "tmp/screenshots"

// chromium returns the path of the Chromium to drive: $CHROMIUM, or Debian's
// chromium (scripts/test.sh installs it). Without one the test skips, or
// fails under make test (FACTGRAPH_REQUIRE_BROWSER=1).
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("FACTGRAPH_REQUIRE_BROWSER") == "1" {
		t.Fatal("Chromium required (FACTGRAPH_REQUIRE_BROWSER=1) but not found: apt-get install chromium, or set CHROMIUM")
	}
	t.Skip("no Chromium (apt-get install chromium, or set CHROMIUM); make test installs it and runs this test")
	return ""
}

// stack serves the server's routes (with the exports and reports) over the test Neo4j loaded with the
// bundled corpus, on 127.0.0.1 at a free port.
func stack(t *testing.T) *httptest.Server {
	t.Helper()
	s := dbtest.Store(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	docs, errs := input.Read(ctx, []string{"data/corpus"}, nil)
	if len(errs) > 0 {
		t.Fatalf("read corpus: %v", errs)
	}
	lex := lexicon.Must()
	p := pipeline.New(s, lex)
	if _, errs := p.Load(ctx, docs, false, nil); len(errs) > 0 {
		t.Fatalf("load corpus: %v", errs)
	}
	log := slog.New(slog.DiscardHandler)
	api := graph.NewHandler(&graph.Resolver{Store: s, Ingester: p, Topics: graph.NewTaxonomy(lex.Entries("topics")), Log: log},
		graph.Options{Timeout: 10 * time.Second, Log: log})
	mux := routes(api, s, log)
	reportRoutes(mux, report.Runner{Store: s, Topics: graph.NewTaxonomy(lex.Entries("topics"))}, 30*time.Second, log)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// browser is a headless Chromium with a fresh profile and no background
// traffic of its own; it records every request its page makes and every
// console error, exception and browser-log error (a CSP violation, a failed
// load).
type browser struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
	errors   []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	b := &browser{ctx: ctx}
	// Listen starts the browser (with no timeout on this first call, which
	// would stop it) and subscribes before the page loads.
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, ev.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				b.errors = append(b.errors, "console: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			b.errors = append(b.errors, "exception: "+exceptionText(ev.ExceptionDetails))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				b.errors = append(b.errors, "log: "+string(ev.Entry.Source)+": "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return b
}

// run runs steps with a time limit.
func (b *browser) run(d time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(b.ctx, d)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// eval evaluates a JavaScript expression into T.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func (b *browser) errorsSoFar() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// offsite returns the requests that went anywhere but 127.0.0.1 (data: URLs
// are not requests over the network).
func (b *browser) offsite(t *testing.T) []string {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, r := range b.requests {
		u, err := url.Parse(r)
		if err != nil || u.Scheme != "data" && u.Hostname() != "127.0.0.1" {
			out = append(out, r)
		}
	}
	return out
}

func screenshot(t *testing.T, b *browser, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(screenshotDir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestPlaygroundInChromium opens the playground in headless Chromium: it must
// load with no request beyond 127.0.0.1, open on the example tabs, and run
// the first one (who was sought for deposition) against the real graph.
func TestPlaygroundInChromium(t *testing.T) {
	srv := stack(t)
	b := newBrowser(t)
	err := b.run(60*time.Second,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.graphiql-execute-button`)),
	)
	if err != nil {
		t.Fatalf("open the playground: %v (errors: %q)", err, b.errorsSoFar())
	}
	tabs := eval[[]string](t, b, `[...document.querySelectorAll('.graphiql-tab')].map(t => t.innerText.trim())`)
	if len(tabs) != len(web.Examples) || !strings.Contains(tabs[0], "Depositions") {
		t.Errorf("tabs = %q, want the %d example questions, Depositions first", tabs, len(web.Examples))
	}
	editor := eval[string](t, b, `document.querySelector('.graphiql-query-editor').innerText`)
	if !strings.Contains(editor, "Who was sought for deposition") || !strings.Contains(editor, "DEPOSITION_REQUEST") {
		t.Errorf("the first tab does not hold the depositions question:\n%s", editor)
	}
	err = b.run(30*time.Second,
		chromedp.Click(chromedp.CSS(`.graphiql-execute-button`)),
		chromedp.Poll[chromedp.Void](`(() => { const r = document.querySelector('.result-window');
			return r && r.innerText.includes('Dana Deasy') })()`, chromedp.WithPollingTimeout(25*time.Second)),
	)
	if err != nil {
		t.Fatalf("run the depositions query: %v (errors: %q)", err, b.errorsSoFar())
	}
	result := eval[string](t, b, `document.querySelector('.result-window').innerText`)
	for _, want := range []string{`"totalCount": 2`, "Amazon Web Services", "deponent", "Dana Deasy"} {
		if !strings.Contains(result, want) {
			t.Errorf("result lacks %q:\n%s", want, result)
		}
	}
	screenshot(t, b, "playground.png")
	if off := b.offsite(t); len(off) > 0 {
		t.Errorf("the playground made requests beyond 127.0.0.1: %q", off)
	}
	b.mu.Lock()
	n := len(b.requests)
	b.mu.Unlock()
	if n < 6 {
		t.Errorf("only %d requests recorded: is the network listener working?", n)
	}
	if errs := b.errorsSoFar(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return d.Text
}

// TestBrowserGuideOnTheCorpus runs every one-click query of the Neo4j
// Browser guide, as the server serves it, on the bundled corpus: each must
// run and return rows. It also checks that the Neo4j server lets the Browser
// load the guide and the style from 127.0.0.1 (the setting that
// scripts/neo4j-local.sh writes).
func TestBrowserGuideOnTheCorpus(t *testing.T) {
	srv := stack(t)
	resp, err := http.Get(srv.URL + web.BrowserPath + "guide.html")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	queries := web.GuideQueries(page)
	if len(queries) < 10 {
		t.Fatalf("guide has %d queries", len(queries))
	}
	for _, q := range queries {
		start := time.Now()
		rows := dbtest.Query(t, q, nil)
		t.Logf("%d rows in %s: %.60s", len(rows), time.Since(start).Round(time.Millisecond), q)
		if len(rows) == 0 {
			t.Errorf("guide query returns nothing on the bundled corpus:\n%s", q)
		}
	}
	var allow string
	for _, r := range dbtest.Query(t, `CALL dbms.clientConfig() YIELD name, value
		WHERE name = 'browser.remote_content_hostname_whitelist' RETURN value`, nil) {
		allow, _ = r["value"].(string)
	}
	if !strings.Contains(allow, "127.0.0.1") {
		t.Errorf("browser.remote_content_hostname_whitelist = %q: the Browser may not load the guide from 127.0.0.1", allow)
	}
}
