package web_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/web"
)

// TestAssetsMatchSums checks the embedded npm files against SHA256SUMS, which
// scripts/playground-assets.sh writes from the pinned packages (its check
// command compares them with npm itself).
func TestAssetsMatchSums(t *testing.T) {
	f, err := os.Open("assets/SHA256SUMS")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	srv := httptest.NewServer(web.Playground("/graphql"))
	defer srv.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("SHA256SUMS line %q", sc.Text())
		}
		n++
		body, typ := get(t, srv.URL+web.AssetsPath+name)
		h := sha256.Sum256(body)
		if got := hex.EncodeToString(h[:]); got != sum {
			t.Errorf("%s served with sha256 %s, SHA256SUMS says %s", name, got, sum)
		}
		if strings.HasSuffix(name, ".js") && !strings.HasPrefix(typ, "text/javascript") ||
			strings.HasSuffix(name, ".css") && !strings.HasPrefix(typ, "text/css") {
			t.Errorf("%s served as %q", name, typ)
		}
	}
	if n < 7 {
		t.Errorf("SHA256SUMS lists %d files, want the 4 assets and 3 licences", n)
	}
}

// TestPageLoadsOnlyLocalFiles checks that every script and stylesheet of the
// page is a path on this server that answers, and that the CSP forbids
// anything else.
func TestPageLoadsOnlyLocalFiles(t *testing.T) {
	srv := httptest.NewServer(web.Playground("/graphql"))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") ||
		!strings.Contains(csp, "script-src 'self';") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(string(page), -1)
	if len(refs) < 5 {
		t.Fatalf("page has %d references, want the stylesheet and 4 scripts:\n%s", len(refs), page)
	}
	for _, m := range refs {
		u := m[1]
		if strings.HasPrefix(u, "data:") {
			continue
		}
		if !strings.HasPrefix(u, web.AssetsPath) {
			t.Errorf("page loads %q, not a file of this server", u)
			continue
		}
		if body, _ := get(t, srv.URL+u); len(body) == 0 {
			t.Errorf("%s is empty", u)
		}
	}
}

// TestExamplesAreTheREADMEQueries keeps the playground's tabs and the
// README's questions in step: the same queries, in the same order.
func TestExamplesAreTheREADMEQueries(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range regexp.MustCompile("(?s)```graphql\n(.*?)\n```").FindAllStringSubmatch(string(readme), -1) {
		want = append(want, squash(m[1]))
	}
	if len(want) != len(web.Examples) {
		t.Fatalf("README has %d GraphQL queries, the playground %d examples", len(want), len(web.Examples))
	}
	tabs := web.Tabs()
	for i, e := range web.Examples {
		// The playground names its operations so that tabs have titles.
		got := squash(regexp.MustCompile(`^query \w+ `).ReplaceAllString(e.Query, ""))
		if got != want[i] {
			t.Errorf("example %d (%s):\n got %s\nwant %s", i, e.Question, got, want[i])
		}
		if !strings.Contains(tabs[i].Query, "# "+e.Question+"\n") || !strings.Contains(tabs[i].Query, e.Query) {
			t.Errorf("tab %d does not hold its question and query: %q", i, tabs[i].Query)
		}
	}
}

// squash removes the spaces GraphQL does not need, so that a pretty-printed
// and a one-line query compare equal.
func squash(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	return regexp.MustCompile(`\s*([{}():,])\s*`).ReplaceAllString(q, "$1")
}

func get(t *testing.T, url string) ([]byte, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b, resp.Header.Get("Content-Type")
}
