package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// handState builds a docState by hand, independent of the segmentation and
// mention stages: paragraphs are lines, sentences end at ". " before a
// capital or a quote, and mentions are the whole-word occurrences of the
// given entity forms ("type: Name | form | form", kind in parentheses:
// "organization(court): ..."). It tests the event and claim stages against
// the stage contract alone.
func handState(t *testing.T, id, pub, text string, ents []string) *docState {
	t.Helper()
	d := &docState{Doc: kg.Document{ID: id, Text: text, PublishedAt: pub}, Lex: lexicon.Must()}
	if pub != "" {
		p, err := time.Parse("2006-01-02", pub)
		if err != nil {
			t.Fatal(err)
		}
		d.Published = p
	}
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\n")
		if strings.TrimSpace(body) != "" {
			d.Paras = append(d.Paras, paragraph{Start: off, End: off + len(body), Text: body})
		}
		off += len(line)
	}
	sentEnd := regexp.MustCompile(`[.!?]["”’]?\s+["“]?[A-Z]`)
	for pi, p := range d.Paras {
		start := p.Start
		for _, loc := range sentEnd.FindAllStringIndex(p.Text, -1) {
			end := p.Start + loc[0] + 1
			for end < p.End && strings.ContainsAny(text[end:end+1], `"”’`) {
				end++
			}
			d.Sents = append(d.Sents, sentence{Index: len(d.Sents), Para: pi, Start: start, End: end, Text: text[start:end]})
			start = end
			for start < p.End && text[start] == ' ' {
				start++
			}
		}
		if start < p.End {
			d.Sents = append(d.Sents, sentence{Index: len(d.Sents), Para: pi, Start: start, End: p.End, Text: text[start:p.End]})
		}
	}
	type form struct {
		s string
		e *entity
	}
	var forms []form
	for _, spec := range ents {
		head, rest, _ := strings.Cut(spec, ":")
		typ, kind, _ := strings.Cut(strings.TrimSuffix(strings.TrimSpace(head), ")"), "(")
		names := strings.Split(rest, "|")
		e := &entity{Type: kg.EntityType(typ), Kind: kind, Name: strings.TrimSpace(names[0]), Aliases: map[string]struct{}{}}
		e.ID = kg.EntityID(e.Type, e.Name)
		d.Entities = append(d.Entities, e)
		for _, n := range names {
			forms = append(forms, form{strings.TrimSpace(n), e})
		}
	}
	sort.SliceStable(forms, func(a, b int) bool { return len(forms[a].s) > len(forms[b].s) })
	taken := make([]bool, len(text))
	for _, f := range forms {
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(f.s) + `\b`)
		for _, loc := range re.FindAllStringIndex(text, -1) {
			if taken[loc[0]] || taken[loc[1]-1] {
				continue
			}
			for i := loc[0]; i < loc[1]; i++ {
				taken[i] = true
			}
			kind := nameMention
			if isLowerWord(f.s) {
				kind = nominalMention
			}
			m := &mention{Start: loc[0], End: loc[1], Text: f.s, Sent: -1, Kind: kind, Entity: f.e}
			m.Sent = d.sentenceAt(m.Start)
			f.e.Mentions = append(f.e.Mentions, m)
			d.Mentions = append(d.Mentions, m)
		}
	}
	sort.Slice(d.Mentions, func(a, b int) bool { return d.Mentions[a].Start < d.Mentions[b].Start })
	return d
}

// fixture reads testdata/name: header lines "# published: DATE" and
// "# TYPE: Name | form ...", then the text.
func fixture(t *testing.T, name string) *docState {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var pub string
	var ents []string
	text := string(b)
	for strings.HasPrefix(text, "#") {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		k, v, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "#")), ":")
		if k == "published" {
			pub = strings.TrimSpace(v)
		} else if v != "" {
			ents = append(ents, line[1:])
		}
	}
	return handState(t, strings.TrimSuffix(name, ".txt"), pub, text, ents)
}

// names maps entity ids of a docState to names, for readable golden files.
func names(d *docState) map[string]string {
	out := map[string]string{}
	for _, e := range d.Entities {
		out[e.ID] = e.Name
	}
	return out
}

// checkSources fails on a source whose quote is not the text it points at.
func checkSources(t *testing.T, d *docState, ss []kg.Source) {
	t.Helper()
	for _, s := range ss {
		if s.Start < 0 || s.End > len(d.Doc.Text) || s.Start > s.End || d.Doc.Text[s.Start:s.End] != s.Quote {
			t.Errorf("source %+v does not quote the text", s)
		}
	}
}

func lexiconForTest(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	l, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	return l
}
