package web_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/web"
)

// grassRules parses a GRASS style the way the Neo4j Browser's parseGrassCSS
// does (a character scan: selector, then {props}, braces inside quotes kept)
// and returns the properties of each selector.
func grassRules(t *testing.T, s string) map[string]map[string]string {
	t.Helper()
	rules := map[string]map[string]string{}
	var keyword, props strings.Builder
	inString, inProps := false, false
	for _, c := range s {
		switch {
		case c == '"':
			inString = !inString
			props.WriteRune(c)
		case c == '{' && !inString && !inProps:
			inProps = true
		case c == '}' && !inString && inProps:
			inProps = false
			sel := strings.TrimSpace(keyword.String())
			if !regexp.MustCompile(`^(node|relationship)(\.[A-Za-z_][A-Za-z0-9_]*)?$`).MatchString(sel) {
				t.Errorf("GRASS selector %q: the Browser would not match it to a label or type", sel)
			}
			m := map[string]string{}
			for _, decl := range strings.Split(props.String(), ";") {
				k, v, ok := strings.Cut(decl, ":")
				if !ok {
					if strings.TrimSpace(decl) != "" {
						t.Errorf("%s: declaration %q has no colon", sel, decl)
					}
					continue
				}
				m[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"`)
			}
			rules[sel] = m
			keyword.Reset()
			props.Reset()
		case inProps:
			props.WriteRune(c)
		default:
			keyword.WriteRune(c)
		}
	}
	if inProps || strings.TrimSpace(keyword.String()) != "" {
		t.Errorf("GRASS style ends inside a rule or with stray text %q", keyword.String())
	}
	return rules
}

func TestBrowserStyle(t *testing.T) {
	srv := httptest.NewServer(web.Browser())
	defer srv.Close()
	body, typ := get(t, srv.URL+web.BrowserPath+"style.grass")
	if !strings.HasPrefix(typ, "text/plain") {
		t.Errorf("style served as %q", typ)
	}
	rules := grassRules(t, string(body))
	want := map[string]string{
		"node.Person": "{name}", "node.Organization": "{name}", "node.Role": "{title}",
		"node.Event": "{caption}", "node.Claim": "{caption}", "relationship.HOLDS_ROLE_AT": "{title}",
	}
	colours := map[string]string{}
	for sel, caption := range want {
		r, ok := rules[sel]
		if !ok {
			t.Errorf("no rule for %s", sel)
			continue
		}
		if r["caption"] != caption {
			t.Errorf("%s caption = %q, want %q", sel, r["caption"], caption)
		}
		if strings.HasPrefix(sel, "node.") {
			if r["color"] == "" || r["diameter"] == "" {
				t.Errorf("%s has no colour or size: %v", sel, r)
			}
			if other, dup := colours[r["color"]]; dup {
				t.Errorf("%s and %s share colour %s", sel, other, r["color"])
			}
			colours[r["color"]] = sel
		}
	}
}

func TestBrowserGuide(t *testing.T) {
	srv := httptest.NewServer(web.Browser())
	defer srv.Close()
	// The Neo4j Browser asks with no-cache headers from its own origin: a
	// preflight first.
	req, _ := http.NewRequest(http.MethodOptions, srv.URL+web.BrowserPath+"guide.html", nil)
	req.Header.Set("Origin", "http://127.0.0.1:7474")
	req.Header.Set("Access-Control-Request-Method", "GET")
	req.Header.Set("Access-Control-Request-Headers", "pragma,cache-control")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 || resp.Header.Get("Access-Control-Allow-Origin") == "" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "cache-control") {
		t.Errorf("preflight: %s, headers %v", resp.Status, resp.Header)
	}
	body, typ := get(t, srv.URL+web.BrowserPath+"guide.html")
	if !strings.HasPrefix(typ, "text/html") {
		t.Errorf("guide served as %q", typ)
	}
	page := string(body)
	slides := strings.Count(page, "<slide")
	if slides < 6 || slides != strings.Count(page, "</slide>") {
		t.Errorf("guide has %d slides (%d closed), want at least 6", slides, strings.Count(page, "</slide>"))
	}
	for _, q := range []string{"Who holds which office", "sought for deposition", "alleged bias", "two people connected", "neighbourhood"} {
		if !strings.Contains(page, q) {
			t.Errorf("guide has no slide on %q", q)
		}
	}
	if n := len(web.GuideQueries(body)); n < 10 {
		t.Errorf("guide has %d runnable queries, want at least 10", n)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if !strings.Contains(page, `data-exec="style http://`+host+`/browser/style.grass"`) {
		t.Errorf("guide does not offer the style of this server (%s)", host)
	}
	if strings.Contains(page, "<script") || regexp.MustCompile(`\son[a-z]+=`).MatchString(page) {
		t.Error("guide has scripts or event handlers, which the Browser strips")
	}
}
