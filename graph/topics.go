package graph

import (
	"sort"
	"strings"

	"github.com/factgraph/factgraph/lexicon"
)

// Taxonomy is the topic hierarchy (lexicon file "topics": one topic per
// line with its parent, e.g. "political interference | parent=bias").
type Taxonomy struct {
	parent   map[string]string
	children map[string][]string
}

// parentAttrs are the attribute names accepted for a topic's parent.
var parentAttrs = []string{"parent", "broader", "is_a", "kind_of", "under"}

// NewTaxonomy builds the taxonomy from lexicon entries.
func NewTaxonomy(entries []lexicon.Entry) *Taxonomy {
	t := &Taxonomy{parent: map[string]string{}, children: map[string][]string{}}
	for _, e := range entries {
		name := norm(e.Phrase)
		if _, dup := t.parent[name]; dup {
			continue
		}
		p := ""
		for _, a := range parentAttrs {
			if v := norm(e.Attr(a)); v != "" {
				p = v
				break
			}
		}
		t.parent[name] = p
		if p != "" {
			t.children[p] = append(t.children[p], name)
			if _, ok := t.parent[p]; !ok {
				t.parent[p] = ""
			}
		}
	}
	return t
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Expand returns topic and every topic beneath it.
func (t *Taxonomy) Expand(topic string) []string {
	topic = norm(topic)
	out := []string{topic}
	seen := map[string]bool{topic: true}
	for i := 0; i < len(out); i++ {
		for _, c := range t.children[out[i]] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// Topics lists the topics, sorted, with their parents ("" for a root).
func (t *Taxonomy) Topics() [][2]string {
	out := make([][2]string, 0, len(t.parent))
	for n, p := range t.parent {
		out = append(out, [2]string{n, p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}
