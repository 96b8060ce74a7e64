package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/lexicon"
)

// The fast matchers must find what the regexps they stand in for find.
var matcherTexts = []string{
	"He denied any wrongdoing, saying the process was fair.",
	"DENIED. Not biased; the company's bias-free review.",
	"unbiased reporting is not bias", // a cue inside a longer word is not a match
	"They didn’t interfere, and they didn't meddle.",
	"Said, said, SAYS: she_said “said”; 2said said2",
	"Ünïcode text with DENIES and déni",
	"",
}

func TestLiteralMatchesPhraseRe(t *testing.T) {
	for _, phrase := range []string{"denied", "bias", "didn't interfere", "not biased", "said", "fair", "déni", "company's"} {
		lit, re := newLiteral(phrase), phraseRe(phrase)
		for _, text := range matcherTexts {
			lower := asciiLower(text)
			var want [][2]int
			for _, loc := range re.FindAllStringSubmatchIndex(lower, -1) {
				want = append(want, [2]int{loc[2], loc[3]})
			}
			got := lit.findAll(lower)
			// the regexp consumes the boundary after a match, so it can miss
			// an occurrence right after another; the literal finds it
			if !containsAll(got, want) {
				t.Errorf("%q in %q: findAll = %v, regexp %v", phrase, text, got, want)
			}
			if lit.match(lower) != (len(want) > 0) {
				t.Errorf("%q in %q: match = %v, regexp %v", phrase, text, lit.match(lower), len(want) > 0)
			}
		}
	}
}

func containsAll(got, want [][2]int) bool {
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			return false
		}
	}
	return true
}

func TestWordAltMatchesRegexp(t *testing.T) {
	for _, words := range [][]string{{"said", "says", "told"}, {"said", "co-signed"}} {
		w := newWordAlt(words)
		var alts []string
		for _, x := range words {
			alts = append(alts, regexp.QuoteMeta(x))
		}
		re := regexp.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\b`)
		for _, text := range append(matcherTexts, "They co-signed it and told us.") {
			if got, want := w.FindAllStringIndex(text, -1), re.FindAllStringIndex(text, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%v in %q: %v, regexp %v", words, text, got, want)
			}
			if got, want := w.FindStringIndex(text), re.FindStringIndex(text); !reflect.DeepEqual(got, want) {
				t.Errorf("%v in %q: first %v, regexp %v", words, text, got, want)
			}
		}
	}
}

func TestKeyWordAndDateKeys(t *testing.T) {
	if got := keyWord("filed ... protest"); got != "protest" {
		t.Errorf("keyWord = %q", got)
	}
	// every date the patterns find must pass the prefilter of its pattern
	for _, text := range []string{"on 2019-10-25", "October 25, 2019", "25 Oct 2019", "Sept. 2018", "on Oct. 3", "the summer of 2018", "2018 summer", "this past June", "last spring", "last week", "yesterday", "Thursday", "a few weeks later", "in 2019"} {
		lower := strings.ToLower(text)
		for i, p := range datePatterns {
			if p.re.MatchString(text) {
				for _, g := range datePatternKeys[i] {
					if !mayContainAny(lower, g) {
						t.Errorf("pattern %d matches %q but its keys %v rule it out", i, text, g)
					}
				}
			}
		}
	}
}

// FuzzWordSpans: wordSpans finds the words wordRe finds.
func FuzzWordSpans(f *testing.F) {
	for _, s := range []string{"", "a", "O'Neil's co-founder, Jr.", "U.S. a.-b c--d e''f", "l’État’s 3.5% x’", "\xff\xe2\x80a’b", "naïve café 12,000 2025-01-02", "’a’", "-a-", ".a."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got [][]int
		for a, b := range wordSpans(s) {
			got = append(got, []int{a, b})
		}
		want := wordRe.FindAllStringIndex(s, -1)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Fatalf("%q: %v, want %v", s, got, want)
			}
		}
	})
}

// sampleArticles is how many of the test articles the equivalence tests
// of the matchers read: every trigger is tried on every line, so their
// cost grows with the articles and the triggers, and a spread of articles
// covers the matchers as well as all of them.
const sampleArticles = 40

// sampleLines returns the lines of sampleArticles test articles spread
// evenly over all of them (in name order, so every run reads the same).
func sampleLines(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob("testdata/*/*.txt")
	step := max(1, (len(paths)+sampleArticles-1)/sampleArticles)
	var lines []string
	for i := 0; i < len(paths); i += step {
		b, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	if len(lines) < 1000 {
		t.Fatalf("only %d lines of test articles", len(lines))
	}
	return lines
}

// TestGappedTriggersMatchTheirExpression: a trigger with a gap, tried only
// where its first word starts, finds what its expression finds, over every
// sentence of a sample of the test articles and some made up to stress
// the gap.
func TestGappedTriggersMatchTheirExpression(t *testing.T) {
	ts := New(lexicon.Must()).ts
	var gapped []*trigger
	for i := range ts.triggers {
		if ts.triggers[i].first != nil {
			gapped = append(gapped, &ts.triggers[i])
		}
	}
	if len(gapped) < 20 {
		t.Fatalf("only %d triggers with a gap take the anchored path", len(gapped))
	}
	sents := []string{
		"Acme filed a complaint, and then filed, with the F.T.C.'s help, a second complaint against Initech.",
		"The board named Jane Park, its chief operating officer, as interim chief executive.",
		"Won won the contract; they won a U.S. Navy contract and won, Ms. Roe said, the contract.",
		"SUED over it. Sued Sued over over. sued the city over its zoning rules",
	}
	sents = append(sents, sampleLines(t)...)
	found := 0
	for _, s := range sents {
		lower := asciiLower(s)
		for _, tr := range gapped {
			got := tr.findGapped(s, lower)
			var want [][2]int
			for _, loc := range tr.re.FindAllStringIndex(s, -1) {
				want = append(want, [2]int{loc[0], loc[1]})
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q in %q: %v, want %v", tr.Phrase, s, got, want)
			}
			found += len(got)
		}
	}
	if found < 50 {
		t.Errorf("only %d matches: the test no longer exercises the gap", found)
	}
}

// TestReportingVerbsStayWords fails when a reporting verb that is no plain
// word (a phrase such as "point out") sends every sentence's verb search
// through a regular expression: extraction ran twice as slowly.
func TestReportingVerbsStayWords(t *testing.T) {
	cl := compileClaimLex(lexiconForTest(t))
	if cl.verbRe == nil || cl.verbRe.re != nil {
		t.Fatal("reporting_verbs.txt holds an entry that is not one plain ASCII word")
	}
}
