package input

import (
	"strings"

	"golang.org/x/net/html"
)

// skipped elements never contribute text.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"nav": true, "footer": true, "aside": true, "form": true, "button": true, "iframe": true,
	"figcaption": true, "title": true, "meta": true, "link": true,
}

// block elements end a paragraph.
var block = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "li": true, "ul": true,
	"ol": true, "blockquote": true, "br": true, "tr": true, "table": true, "pre": true, "figure": true,
	"dd": true, "dt": true,
}

// HTMLText returns the title and the visible text of an HTML page, one
// paragraph per block element, separated by blank lines. Scripts, styles,
// navigation, footers, asides, forms and figure captions are dropped.
func HTMLText(src string) (title, text string) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", src
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "title" && title == "" && n.FirstChild != nil {
				title = strings.TrimSpace(n.FirstChild.Data)
			}
			if skipped[n.Data] {
				return
			}
			if block[n.Data] {
				flush()
			}
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && block[n.Data] {
			flush()
		}
	}
	walk(root)
	flush()
	return title, strings.Join(paras, "\n\n") + "\n"
}
