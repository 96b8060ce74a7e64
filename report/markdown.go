package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/kg"
)

// CiteColumns are the columns every table ends with.
var CiteColumns = []string{"Quote", "Document", "Publisher", "Date", "Link"}

// mdCell makes s safe inside a Markdown table cell: one line, pipes
// escaped.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(s)
}

// Quoted is a quote in quotation marks, unless it already opens with one.
func Quoted(q string) string {
	if strings.HasPrefix(q, "“") || strings.HasPrefix(q, `"`) {
		return q
	}
	return "“" + q + "”"
}

// Link is where a citation points: the document's URL, when known.
func (c Citation) Link() string { return c.Document.URL }

// Where is the citation's place: document id and byte offsets.
func (c Citation) Where() string {
	return fmt.Sprintf("%s @%d–%d", c.Document.ID, c.Start, c.End)
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Markdown renders the result as a Markdown report (GitHub-flavoured
// tables; it pastes into a wiki): the question, the table with a citation
// per row, the conflicts, the sources and the subgraph as a Mermaid block
// (and as an image when svgPath is not "": a path relative to the report).
func Markdown(r *Result, svgPath string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n%s.\n\n", mdCell(r.Title), mdCell(r.Summary))
	if len(r.Rows) == 0 {
		fmt.Fprintf(&b, "_%s_\n\n", mdCell(dash(r.Empty)))
	} else {
		cols := append(append([]string(nil), r.Columns...), CiteColumns...)
		fmt.Fprintf(&b, "| %s |\n|%s\n", strings.Join(cols, " | "), strings.Repeat("---|", len(cols)))
		for _, row := range r.Rows {
			cells := make([]string, 0, len(cols))
			for _, c := range row.Cells {
				cells = append(cells, mdCell(c))
			}
			c := row.Cite
			link := mdCell(c.Where())
			if c.Link() != "" {
				link = "[" + link + "](" + c.Link() + ")"
			}
			cells = append(cells, mdCell(Quoted(c.Quote)), mdCell(dash(c.Document.Title)), mdCell(dash(c.Document.Publisher)),
				dash(c.Document.PublishedAt), link)
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
		b.WriteString("\n")
	}
	writeConflictsMD(&b, r.Conflicts)
	writeSourcesMD(&b, r.Documents)
	b.WriteString("## Graph\n\n")
	if svgPath != "" {
		fmt.Fprintf(&b, "![%s](%s)\n\n", mdCell(r.Summary), svgPath)
	}
	if len(r.Graph.Nodes) > 0 {
		mmd, err := export.Mermaid(r.Graph)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "```mermaid\n%s```\n", mmd)
	}
	return b.Bytes(), nil
}

func writeConflictsMD(b *bytes.Buffer, cs []Conflict) {
	b.WriteString("## Conflicts between sources\n\n")
	if len(cs) == 0 {
		b.WriteString("None found among these facts.\n\n")
		return
	}
	for _, c := range cs {
		fmt.Fprintf(b, "- **%s**\n", mdCell(c.Summary))
		for _, s := range c.Sides {
			fmt.Fprintf(b, "  - %s %s: %s (%s, %s)\n", mdCell(s.Who), mdCell(s.What), mdCell(Quoted(shorten(s.Cite.Quote, 200))),
				mdCell(dash(s.Cite.Document.Title)), dash(s.Cite.Document.PublishedAt))
		}
	}
	b.WriteString("\n")
}

func writeSourcesMD(b *bytes.Buffer, docs []kg.Document) {
	b.WriteString("## Sources\n\n")
	for _, d := range docs {
		fmt.Fprintf(b, "- **%s** `%s`: %s, %s, %s\n", mdCell(dash(d.Title)), d.ID, mdCell(orText(d.Publisher, "publisher not stated")),
			orText(d.PublishedAt, "undated"), linkOr(d.URL))
	}
	b.WriteString("\n")
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func linkOr(u string) string {
	if u == "" {
		return "no URL stated"
	}
	return "<" + u + ">"
}
