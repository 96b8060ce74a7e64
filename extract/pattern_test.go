package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

func TestCompilePatternErrors(t *testing.T) {
	in := newInflector(lexicon.Must())
	for _, src := range []string{"", "{place} said", "{ORG}"} {
		if _, err := compilePattern(in, src, "test:1", nil); err == nil {
			t.Errorf("compilePattern(%q): no error", src)
		}
	}
}

// TestPatternMatch runs patterns over the units of one sentence: mentions
// and titles are units, verbs match every inflection, quantifiers backtrack.
func TestPatternMatch(t *testing.T) {
	text := "Quorvane Labs named Dana Orlo its new chief compliance officer on Monday."
	d := &docState{Doc: kg.Document{ID: "t", Text: text}, Lex: lexicon.Must()}
	clean(d)
	segment(d)
	findMentions(d)
	us := d.units(d.index(), 0)
	in := d.extractor().in
	cases := []struct {
		src  string
		want string // captures "person|org|title", or "" for no match
	}{
		{"{org} <name/appoint> {person} its/their? new? {title}", "Dana Orlo|Quorvane Labs|chief compliance officer"},
		{"{org} <appoint> {person}", ""},
		{"{org} _ {person} #PRP* #JJ* {title}", "Dana Orlo|Quorvane Labs|chief compliance officer"},
		{"{person} , {title}", ""},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			p, err := compilePattern(in, c.src, "test:1", nil)
			if err != nil {
				t.Fatal(err)
			}
			ms := p.matches(us)
			got := ""
			if len(ms) > 0 {
				m := ms[0]
				var parts []string
				for _, k := range []string{"person", "org"} {
					if u, ok := m.caps[k]; ok {
						parts = append(parts, u.ent.Name)
					}
				}
				if u, ok := m.caps["title"]; ok {
					parts = append(parts, strings.ToLower(d.titleText(0, u)))
				}
				got = strings.Join(parts, "|")
			}
			if got != c.want {
				t.Errorf("match = %q, want %q", got, c.want)
			}
		})
	}
}

// TestRolePatterns checks the shipped role patterns on sentences the
// built-in rules do not read.
func TestRolePatterns(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Quorvane Labs named Dana Orlo its new chief compliance officer.", "Dana Orlo | chief compliance officer | Quorvane Labs | current"},
		{"The hiring of Susan Orlo as general counsel at Quorvane Labs was announced Monday.", "Susan Orlo | general counsel | Quorvane Labs | current"},
		{"Then-Director Ben Carrow opened the inquiry in 2023.", "Ben Carrow | Director |  | former"},
		{"Quorvane Labs grew. The chairman of the Quorvane Labs's audit committee, Dana Orlo, resigned.", "Dana Orlo | Chairman | Quorvane Labs | former"},
		{"Quorvane Labs sued. Dana Orlo, the Geneva lawyer representing Quorvane Labs, spoke.", "Dana Orlo | Lawyer | Quorvane Labs | current"},
		{"Quorvane Labs named Dana Orlo, a former executive at Helmbright Corp., as its chief compliance officer.", "Dana Orlo | chief compliance officer | Quorvane Labs | current"},
		{"Lawyers want to depose Dana Orlo, who was Quorvane Labs's chief executive from 2004 to 2016.", "Dana Orlo | Chief Executive | Quorvane Labs | former"},
		{"An Acme Corp. spokesman, Dana Orlo, said the company would appeal.", "Dana Orlo | Spokesman | Acme Corp | current"},
		{"A spokeswoman for the Harwell Trade Commission, Dana Orlo, said so.", "Dana Orlo | Spokeswoman | Harwell Trade Commission | current"},
		{"Dana Orlo, the Harwell Trade Commission's director of industry, who until 2025 was commercial director of Helmbright Corp., spoke.", "Dana Orlo | Director | Helmbright Corp | former"},
		{"Dana Orlo, who chairs the Harwell Dockers Union's branch in the north, spoke.", "Dana Orlo | chair | Harwell Dockers Union | current"},
		{"The President appointed Dana Orlo, who until now served as Quorvane Labs's director of operations, as acting director general.", "Dana Orlo | Director | Quorvane Labs | former"},
		{"Quorvane Labs fired its chief executive. The company's medical director, Prof Dana Orlo, will take over as acting chief executive.", "Dana Orlo | Acting Chief Executive | Quorvane Labs | current"},
		{"Quorvane Labs fired its chief executive. The company's finance manager, Dana Orlo, will act as CEO in the interim.", "Dana Orlo | CEO | Quorvane Labs | current"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			ex, err := Document(kg.Document{ID: "t", Text: c.text}, lexicon.Must())
			if err != nil {
				t.Fatal(err)
			}
			name := map[string]string{}
			for _, e := range ex.Entities {
				name[e.ID] = e.Name
			}
			var got []string
			for _, r := range ex.Roles {
				g := name[r.Person] + " | " + r.Title + " | " + name[r.Organization] + " | " + r.Status
				if strings.EqualFold(g, c.want) {
					return
				}
				got = append(got, g)
			}
			t.Errorf("no role %q in %q", c.want, got)
		})
	}
}

// TestPossibleNeverHidesAMatch checks that the role and side patterns a
// sentence's units rule out (patternIndex.possible) would not match it,
// and that the index rules out what a scan of each pattern's elements
// does, over every sentence of the general test articles.
func TestPossibleNeverHidesAMatch(t *testing.T) {
	paths, _ := filepath.Glob("testdata/general/*.txt")
	if len(paths) == 0 {
		t.Fatal("no test articles")
	}
	ruledOut := 0
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d := &docState{Doc: kg.Document{ID: "t", Text: string(b)}, Lex: lexicon.Must()}
		clean(d)
		segment(d)
		findMentions(d)
		x := d.index()
		pats := append(append([]pattern{}, d.extractor().rp.pats...), d.extractor().sp.pats...)
		ix := newPatternIndex(pats)
		for si := range d.Sents {
			us := d.units(x, si)
			present := newUnitSet(us)
			have := ix.held(present)
			for i, p := range pats {
				possible := ix.possible(i, present, have)
				if possible != possibleByScan(&p, present) {
					t.Fatalf("%s: pattern %q: the index and the scan disagree on %q", path, p.src, d.Sents[si].Text)
				}
				if possible {
					continue
				}
				ruledOut++
				if ms := p.matches(us); len(ms) > 0 {
					t.Fatalf("%s: pattern %q ruled out but matches %q", path, p.src, d.Sents[si].Text)
				}
			}
		}
	}
	if ruledOut == 0 {
		t.Fatal("no pattern was ruled out")
	}
}

// possibleByScan is what patternIndex.possible computes, pattern by
// pattern and word by word: the reference the index is tested against.
func possibleByScan(p *pattern, s unitSet) bool {
	for _, el := range p.elems {
		if el.gap || el.min == 0 {
			continue
		}
		if el.capture != "" {
			if !s.kinds[el.kind] {
				return false
			}
			continue
		}
		if el.words != nil && !slices.ContainsFunc(s.list, func(w string) bool { return el.words[w] }) {
			return false
		}
	}
	return true
}
