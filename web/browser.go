package web

import (
	"bytes"
	"html"
	"html/template"
	"net/http"
	"regexp"
)

// BrowserPath is where Browser serves the Neo4j Browser's style and guide.
const BrowserPath = "/browser/"

var guidePage = template.Must(template.ParseFS(static, "static/guide.html"))

// Browser serves what the Neo4j Browser loads from this server:
//
//   - /browser/style.grass, the GRASS style (`:style URL` in the Browser):
//     a colour and size per label, people and organizations captioned by
//     name, roles by title, events and claims by caption;
//   - /browser/guide.html, a guide in the Browser's slide format (`:play URL`)
//     that walks through the service's questions with one-click Cypher.
//
// The Browser fetches them cross-origin (from its own origin, such as
// http://127.0.0.1:7474) with no-cache headers, which needs a CORS
// preflight; both files are public, so any origin may read them. The Neo4j
// server must also list this host in browser.remote_content_hostname_whitelist
// (scripts/neo4j-local.sh does).
func Browser() http.Handler {
	style, err := static.ReadFile("static/style.grass")
	if err != nil {
		panic(err) // compiled in
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		if r.Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", "GET, OPTIONS")
			if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
				h.Set("Access-Control-Allow-Headers", req)
			}
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD, OPTIONS")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h.Set("Cache-Control", "no-cache")
		switch r.URL.Path {
		case BrowserPath + "style.grass":
			h.Set("Content-Type", "text/plain; charset=utf-8")
			_, _ = w.Write(style)
		case BrowserPath + "guide.html":
			var b bytes.Buffer
			if err := guidePage.Execute(&b, map[string]string{"Base": "http://" + r.Host}); err != nil {
				http.Error(w, "guide: "+err.Error(), http.StatusInternalServerError)
				return
			}
			h.Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(b.Bytes())
		default:
			http.NotFound(w, r)
		}
	})
}

var runnable = regexp.MustCompile(`(?s)<pre class="runnable">(.*?)</pre>`)

// GuideQueries returns the one-click Cypher statements of a guide page.
func GuideQueries(page []byte) []string {
	var out []string
	for _, m := range runnable.FindAllSubmatch(page, -1) {
		out = append(out, html.UnescapeString(string(m[1])))
	}
	return out
}
