package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestReportInChromium opens the HTML report "who alleged bias" in headless
// Chromium: it must show the answer table with a quote and a working source
// link in every row, the conflict with the denial and the subgraph as
// inline SVG, with no request beyond 127.0.0.1 and no console error.
func TestReportInChromium(t *testing.T) {
	srv := stack(t)
	b := newBrowser(t)
	err := b.run(60*time.Second,
		chromedp.Navigate(srv.URL+"/report/claims.html?topic=bias&stance=alleges"),
		chromedp.WaitVisible(chromedp.CSS(`#answer`)),
	)
	if err != nil {
		t.Fatalf("open the report: %v (errors: %q)", err, b.errorsSoFar())
	}
	if h1 := eval[string](t, b, `document.querySelector('h1').innerText`); h1 != "Who alleged bias?" {
		t.Errorf("h1 = %q", h1)
	}
	rows := eval[[]map[string]string](t, b, `[...document.querySelectorAll('#answer tbody tr')].map(tr => ({
		claimant: tr.cells[0].innerText, quote: tr.querySelector('td.quote').innerText,
		doc: tr.cells[4].innerText, date: tr.cells[6].innerText, link: tr.querySelector('a.source').getAttribute('href')}))`)
	if len(rows) < 8 {
		t.Fatalf("%d rows, want the 8 or more allegations of bias", len(rows))
	}
	claimants := map[string]bool{}
	for _, r := range rows {
		claimants[r["claimant"]] = true
		if len(r["quote"]) < 10 || r["doc"] == "" || r["date"] == "" || r["link"] == "" {
			t.Errorf("row without a full citation: %q", r)
		}
	}
	for _, who := range []string{"Amazon", "Amazon Web Services", "Andy Jassy", "Oracle"} {
		if !claimants[who] {
			t.Errorf("no row for %s; claimants %v", who, claimants)
		}
	}
	// Every in-page link must land on an element; following the first
	// source link must select that document under Sources.
	broken := eval[[]string](t, b, `[...document.querySelectorAll('a[href^="#"]')]
		.filter(a => !document.getElementById(a.getAttribute('href').slice(1))).map(a => a.getAttribute('href'))`)
	if len(broken) > 0 {
		t.Errorf("links to nowhere: %q", broken)
	}
	if err := b.run(10*time.Second, chromedp.Click(chromedp.CSS(`#answer a.source`))); err != nil {
		t.Fatal(err)
	}
	target := eval[string](t, b, `(document.querySelector('.sources li:target') || {innerText: ''}).innerText`)
	if !strings.Contains(target, "Judge orders Microsoft") && !strings.Contains(target, "Amazon") {
		t.Errorf("the first source link selects %q, not a document of the corpus", target)
	}
	svgText := eval[string](t, b, `[...document.querySelectorAll('figure#graph svg text')].map(t => t.textContent).join('|')`)
	for _, want := range []string{"Andy Jassy", "Oracle", "MADE"} {
		if !strings.Contains(svgText, want) {
			t.Errorf("the report's SVG lacks %q: %s", want, svgText)
		}
	}
	conflicts := eval[string](t, b, `[...document.querySelectorAll('.conflict')].map(c => c.innerText).join('\n')`)
	if !strings.Contains(conflicts, "Mark Esper denies") {
		t.Errorf("conflicts lack Mark Esper's denial:\n%s", conflicts)
	}
	if err := b.run(5*time.Second, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)); err != nil {
		t.Fatal(err)
	}
	screenshot(t, b, "report-bias.png")
	checkClean(t, b)
}

func checkClean(t *testing.T, b *browser) {
	t.Helper()
	if off := b.offsite(t); len(off) > 0 {
		t.Errorf("requests beyond 127.0.0.1: %q", off)
	}
	var errs []string
	for _, e := range b.errorsSoFar() {
		// A bare SVG document has no <link rel="icon">, so Chromium asks
		// for one: the browser's request, not the export's.
		if !strings.HasSuffix(e, "/favicon.ico") {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// TestExportedSVGInChromium opens an exported neighbourhood picture: the
// browser must draw it with the entities' names.
func TestExportedSVGInChromium(t *testing.T) {
	srv := stack(t)
	b := newBrowser(t)
	err := b.run(60*time.Second,
		chromedp.Navigate(srv.URL+"/export/neighborhood.svg?of=Amazon&hops=1"),
		chromedp.WaitReady(chromedp.CSS(`svg`)),
	)
	if err != nil {
		t.Fatalf("open the SVG: %v", err)
	}
	texts := eval[string](t, b, `[...document.querySelectorAll('text')].map(t => t.textContent).join('|')`)
	for _, want := range []string{"Amazon", "Amazon Web Services", "CEO", "ABOUT"} {
		if !strings.Contains("|"+texts+"|", "|"+want+"|") {
			t.Errorf("the exported SVG lacks the label %q: %s", want, texts)
		}
	}
	if w := eval[float64](t, b, `document.querySelector('svg').getBBox().width`); w < 300 {
		t.Errorf("the SVG draws %v px wide", w)
	}
	screenshot(t, b, "neighborhood-amazon.png")
	checkClean(t, b)
}

// mermaidJS returns the pinned mermaid.min.js that scripts/mermaid.sh
// fetches from npm into tmp/mermaid, fetching it when missing.
func mermaidJS(t *testing.T) []byte {
	t.Helper()
	out, err := exec.Command("scripts/mermaid.sh").Output()
	if err == nil {
		var b []byte
		if b, err = os.ReadFile(strings.TrimSpace(string(out))); err == nil {
			return b
		}
	}
	if os.Getenv("FACTGRAPH_REQUIRE_BROWSER") == "1" {
		t.Fatalf("mermaid.min.js (scripts/mermaid.sh): %v", err)
	}
	t.Skipf("no mermaid.min.js (scripts/mermaid.sh needs npm): %v", err)
	return nil
}

// TestMermaidExportRendersInChromium renders exported Mermaid with the
// mermaid package from npm in headless Chromium: each export must render
// without error into an SVG with its labels, and a broken diagram must fail
// (so the check can fail).
func TestMermaidExportRendersInChromium(t *testing.T) {
	srv := stack(t)
	js := mermaidJS(t)
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/mermaid.js" {
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write(js)
			return
		}
		_, _ = io.WriteString(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/mermaid.js"></script></head><body></body></html>`)
	}))
	defer page.Close()
	b := newBrowser(t)
	if err := b.run(60*time.Second, chromedp.Navigate(page.URL+"/"), chromedp.Poll[chromedp.Void](`typeof mermaid !== 'undefined'`)); err != nil {
		t.Fatalf("load mermaid: %v", err)
	}
	_ = eval[chromedp.Void](t, b, `mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})`)
	for _, c := range []struct{ path, want string }{
		{"/export/neighborhood.mmd?of=Amazon&hops=1", "Amazon Web Services"},
		{"/export/claims.mmd?topic=bias&stance=alleges", "Andy Jassy"},
		{"/export/connections.mmd?from=Andy+Jassy&to=Mark+Esper", "Mark Esper"},
		{"/export/document.mmd?id=003", "Microsoft"},
		{"/export/events.mmd?type=deposition_request", "Dana Deasy"},
	} {
		resp, err := http.Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		code, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := renderMermaid(t, b, string(code))
		if !strings.HasPrefix(got, "<svg") || !strings.Contains(got, c.want) {
			t.Errorf("%s: mermaid did not render it with %q: %.300s", c.path, c.want, got)
		}
	}
	if got := renderMermaid(t, b, "flowchart LR\n  n0[\"a\"] -->|x n1"); strings.HasPrefix(got, "<svg") {
		t.Error("a broken diagram rendered: the check cannot fail")
	}
}

// renderMermaid renders a diagram and returns its SVG, or "error: ...".
func renderMermaid(t *testing.T, b *browser, code string) string {
	t.Helper()
	ctx, cancel := chromedpTimeout(b, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		try { return (await mermaid.render('m' + Math.floor(Math.random() * 1e9), `+jsString(code)+`)).svg }
		catch (e) { return 'error: ' + (e && e.message || e) } })()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return v
}

func chromedpTimeout(b *browser, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, d)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	j, _ := json.Marshal(s)
	return string(j)
}
