package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

// assets holds the pinned npm files (scripts/playground-assets.sh) and
// static the page and its start-up script.
var (
	//go:embed assets
	assets embed.FS
	//go:embed static
	static embed.FS
)

// AssetsPath is where Playground serves its scripts and styles.
const AssetsPath = "/playground/"

// playgroundCSP lets the page load nothing but this server's files and talk
// to nothing but this server (GraphiQL's fonts are data: URLs in its CSS).
const playgroundCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"

var playgroundPage = template.Must(template.ParseFS(static, "static/playground.html"))

// Playground returns the GraphiQL page for the GraphQL endpoint (a path on
// this server, such as /graphql) and its assets. Mount it at both "/" (the
// page) and AssetsPath (the files): every request it answers is for a file
// of this binary.
func Playground(endpoint string) http.Handler {
	page, err := renderPlayground(endpoint)
	if err != nil {
		panic(err) // the template and the examples are compiled in
	}
	sub, _ := fs.Sub(assets, "assets")
	files := http.StripPrefix(AssetsPath, http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == AssetsPath+"playground.js":
			js, _ := static.ReadFile("static/playground.js")
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			_, _ = w.Write(js)
		case strings.HasPrefix(r.URL.Path, AssetsPath):
			// The file names do not change within a version: cache them
			// for a day; SHA256SUMS and the licences are served too.
			w.Header().Set("Cache-Control", "public, max-age=86400")
			files.ServeHTTP(w, r)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", playgroundCSP)
			w.Header().Set("Cache-Control", "no-cache")
			_, _ = w.Write(page)
		}
	})
}

func renderPlayground(endpoint string) ([]byte, error) {
	tabs, err := json.Marshal(Tabs())
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = playgroundPage.Execute(&b, map[string]string{
		"Base": strings.TrimSuffix(AssetsPath, "/"), "Endpoint": endpoint, "Tabs": string(tabs)})
	if err != nil {
		return nil, fmt.Errorf("playground page: %w", err)
	}
	return b.Bytes(), nil
}

// Tab is one GraphiQL tab of a first visit.
type Tab struct {
	Query string `json:"query"`
}

// intro heads the first tab.
const intro = `# factgraph: people, roles, organizations, events and
# claims from news and legal documents, every fact tied
# to the sentence that states it.
#
# Each tab asks one question the service is for: run it
# with the ▶ button or Ctrl-Enter. Names (from, to, of,
# name) take any alias. Docs (top left) lists every field.
#
`

// Tabs returns the example tabs: each query headed by its question as a
// comment, the first with a short introduction.
func Tabs() []Tab {
	tabs := make([]Tab, 0, len(Examples))
	for i, e := range Examples {
		q := "# " + e.Question + "\n" + e.Query + "\n"
		if i == 0 {
			q = intro + q
		}
		tabs = append(tabs, Tab{Query: q})
	}
	return tabs
}
