package extract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// extraction assembles the document's kg.Extraction: entities in order of
// first mention with sorted aliases, merges and mentions; roles, relations,
// events and claims sorted by first source then id. The result depends only
// on the document and the lexicon.
func (d *docState) extraction() kg.Extraction {
	ex := kg.Extraction{Document: d.Doc}
	ex.Document.Text = d.original()
	for _, e := range d.Entities {
		ke := kg.Entity{ID: e.ID, Type: e.Type, Name: e.Name, Kind: e.Kind, Aliases: []string{}}
		seen := map[string]bool{kg.Key(e.Name): true}
		var aliases []string
		for a := range e.Aliases {
			a = stripPossessive(a)
			if k := kg.Key(a); k != "" && !seen[k] {
				seen[k] = true
				aliases = append(aliases, a)
			}
		}
		sort.Strings(aliases)
		if aliases != nil {
			ke.Aliases = aliases
		}
		merges := map[kg.Merge]bool{}
		for _, m := range e.Merges {
			m.Into = e.Name
			if !merges[m] && kg.Key(m.Name) != kg.Key(m.Into) {
				merges[m] = true
				ke.Merges = append(ke.Merges, m)
			}
		}
		sort.Slice(ke.Merges, func(i, j int) bool {
			a, b := ke.Merges[i], ke.Merges[j]
			if a.Name != b.Name {
				return a.Name < b.Name
			}
			return a.Rule < b.Rule
		})
		ms := append([]*mention(nil), e.Mentions...)
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		for _, m := range ms {
			ke.Mentions = append(ke.Mentions, kg.Mention{Text: d.original()[m.Start:m.End], Source: d.source(m.Sent, m.Start, m.End)})
		}
		ex.Entities = append(ex.Entities, ke)
	}
	ex.Roles = append([]kg.Role{}, d.Roles...)
	sort.SliceStable(ex.Roles, func(i, j int) bool {
		return firstSrc(ex.Roles[i].Sources, ex.Roles[i].ID) < firstSrc(ex.Roles[j].Sources, ex.Roles[j].ID)
	})
	ex.Relations = append([]kg.Relation{}, d.Relations...)
	sort.SliceStable(ex.Relations, func(i, j int) bool {
		return firstSrc(ex.Relations[i].Sources, ex.Relations[i].ID) < firstSrc(ex.Relations[j].Sources, ex.Relations[j].ID)
	})
	ex.Events = append([]kg.Event{}, d.Events...)
	ex.Claims = append([]kg.Claim{}, d.Claims...)
	if d.orig != "" {
		for i := range ex.Claims {
			// a claim's text as the document gives it, with its own marks:
			// found in its source's span, which both texts share
			c := &ex.Claims[i]
			for _, src := range c.Sources {
				if k := strings.Index(d.Doc.Text[src.Start:src.End], c.Text); k >= 0 {
					c.Text = d.orig[src.Start+k : src.Start+k+len(c.Text)]
					break
				}
			}
		}
	}
	return ex
}

// firstSrc orders facts by their first source offset, then id.
func firstSrc(srcs []kg.Source, id string) string {
	s := 1 << 30
	for _, x := range srcs {
		s = min(s, x.Start)
	}
	return fmt.Sprintf("%012d%s", s, id)
}

func stripPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+1 {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}
