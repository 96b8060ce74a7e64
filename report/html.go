package report

import (
	"bytes"
	"context"
	"html/template"
	"regexp"

	"github.com/factgraph/factgraph/export"
)

var page = template.Must(template.New("report").Funcs(template.FuncMap{"dash": dash, "orText": orText, "quoted": Quoted}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{{.R.Title}}</title>
<style>
:root { --ink: #111827; --muted: #4b5563; --rule: #d1d5db; --tint: #f8fafc; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); max-width: 1200px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
.summary { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: var(--tint); } tbody tr:nth-child(even) { background: #fcfcfd; }
td.quote { font-style: italic; min-width: 18rem; } td.nowrap { white-space: nowrap; }
figure { margin: 0; } figure svg { max-width: 100%; height: auto; border: 1px solid var(--rule); }
.conflict { margin: .5rem 0 1rem; } .conflict ul { margin: .25rem 0; }
.sources li:target { background: #fef9c3; }
a { color: #1d4ed8; }
footer { margin-top: 2rem; color: var(--muted); font-size: 12px; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; } tr, .conflict, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  td a[href^="http"]::after, .sources a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 9pt; word-break: break-all; }
  @page { size: A4 landscape; margin: 12mm; }
}
</style>
</head>
<body>
<h1>{{.R.Title}}</h1>
<p class="summary">{{.R.Summary}}.</p>
{{if .R.Rows}}<table id="answer">
<thead><tr>{{range .R.Columns}}<th>{{.}}</th>{{end}}<th>Quote</th><th>Document</th><th>Publisher</th><th>Date</th><th>Link</th></tr></thead>
<tbody>{{range .R.Rows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}<td class="quote">{{quoted .Cite.Quote}}</td><td><a href="#doc-{{.Cite.Document.ID}}">{{dash .Cite.Document.Title}}</a></td><td>{{dash .Cite.Document.Publisher}}</td><td class="nowrap">{{dash .Cite.Document.PublishedAt}}</td><td class="nowrap">{{if .Cite.Link}}<a class="source" href="{{.Cite.Link}}">{{.Cite.Where}}</a>{{else}}<a class="source" href="#doc-{{.Cite.Document.ID}}">{{.Cite.Where}}</a>{{end}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p><em>{{dash .R.Empty}}</em></p>{{end}}
<h2>Conflicts between sources</h2>
{{range .R.Conflicts}}<div class="conflict"><strong>{{.Summary}}</strong><ul>{{range .Sides}}<li>{{.Who}} {{.What}}: {{quoted .Cite.Quote}} (<a href="#doc-{{.Cite.Document.ID}}">{{dash .Cite.Document.Title}}</a>, {{dash .Cite.Document.PublishedAt}})</li>{{end}}</ul></div>
{{else}}<p>None found among these facts.</p>{{end}}
<h2>Graph</h2>
<figure id="graph">{{.SVG}}</figure>
<h2>Sources</h2>
<ol class="sources">{{range .R.Documents}}<li id="doc-{{.ID}}"><strong>{{dash .Title}}</strong> <code>{{.ID}}</code>: {{orText .Publisher "publisher not stated"}}, {{orText .PublishedAt "undated"}}, {{if .URL}}<a href="{{.URL}}">{{.URL}}</a>{{else}}no URL stated{{end}}</li>
{{end}}</ol>
<footer>factgraph report · every row cites the sentence it comes from (document id and byte offsets).</footer>
</body>
</html>
`))

// svgPrologue and svgSize are the parts of Graphviz's SVG document that an
// inline SVG must lose: the XML declaration and doctype, and the fixed size
// (the viewBox then scales it to the page).
var (
	svgPrologue = regexp.MustCompile(`(?s)^.*?(<svg\b)`)
	svgSize     = regexp.MustCompile(`(<svg\b[^>]*?)\s(?:width|height)="[^"]*"`)
)

// InlineSVG turns a Graphviz SVG document into an element to embed in HTML.
func InlineSVG(svg []byte) []byte {
	svg = svgPrologue.ReplaceAll(svg, []byte("$1"))
	for svgSize.Match(svg) {
		svg = svgSize.ReplaceAll(svg, []byte("$1"))
	}
	return svg
}

// HTML renders the result as one self-contained page (no external assets):
// the table with a citation per row (each linking to the document's URL, or
// to its entry under Sources when it has none), the conflicts, the subgraph
// as inline SVG and the sources. It has print styles.
func HTML(ctx context.Context, r *Result) ([]byte, error) {
	var svg []byte
	if len(r.Graph.Nodes) > 0 {
		var err error
		if svg, err = export.SVG(ctx, r.Graph); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	err := page.Execute(&b, struct {
		R   *Result
		SVG template.HTML
	}{r, template.HTML(InlineSVG(svg))}) // Graphviz's own output, its text escaped by DOT
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
