package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/extract/morph"
	"github.com/factgraph/factgraph/lexicon"
)

// newInflector builds the lexicon's inflector from its irregular_verbs and
// irregular_nouns files; nil for no lexicon.
func newInflector(l *lexicon.Lexicon) *morph.Inflector {
	if l == nil {
		return nil
	}
	read := func(file string) []morph.Irregular {
		var out []morph.Irregular
		for _, e := range l.Entries(file) {
			out = append(out, morph.Irregular{Base: e.Phrase, Forms: strings.Split(e.Attr("forms"), ",")})
		}
		return out
	}
	return morph.New(read("irregular_verbs"), read("irregular_nouns"))
}

// inflections returns a lexicon phrase written in base form with its first
// word in every verb form and its head noun in every number, so that a cue
// written once ("mischaracterize", "deny the allegation") matches its
// inflections ("mischaracterized", "denies the allegations").
func inflections(in *morph.Inflector, phrase string) []string {
	out := in.Verb(phrase)
	for _, n := range in.Noun(phrase) {
		out = append(out, n)
	}
	return dedupe(out)
}

// gapWords is how many words "..." in a lexicon phrase stands for at most.
const gapWords = 5

// inflectedLiteral finds a phrase written in base form in any of its
// inflections; a phrase with non-ASCII letters is found as written. A
// phrase with a gap ("follow ... rule") matches its first part, up to
// gapWords words, then its last part: the first word in any verb form,
// the last in either number.
func inflectedLiteral(in *morph.Inflector, phrase string) literal {
	for _, r := range phrase {
		if r >= 0x80 {
			return newLiteral(phrase)
		}
	}
	first, last, gap := strings.Cut(phrase, "...")
	if !gap {
		return newLiteralOf(inflections(in, phrase))
	}
	alt := func(forms []string) string {
		for i, f := range forms {
			forms[i] = strings.ReplaceAll(regexp.QuoteMeta(f), "'", "['’]")
		}
		return "(?:" + strings.Join(forms, "|") + ")"
	}
	first, last = strings.TrimSpace(strings.ToLower(first)), strings.TrimSpace(strings.ToLower(last))
	re := `(?:^|[^\p{L}\p{N}])(` + alt(slices.Clone(in.Verb(first))) + `(?:[^\p{L}\p{N}]+[\p{L}\p{N}'’-]+){0,` + strconv.Itoa(gapWords) + `}?[^\p{L}\p{N}]+` + alt(slices.Clone(in.Noun(last))) + `)(?:$|[^\p{L}\p{N}])`
	return literal{re: regexp.MustCompile(re), need: needWords(in.Verb(first), in.Noun(last))}
}

// needWords returns, for each list of a gapped phrase's forms, the words
// one of which a text must hold for the phrase to match: each form's first
// word for the part before the gap, its last word for the part after. A
// part whose words hold an apostrophe (the text may write it either way)
// sets no condition.
func needWords(before, after []string) [][]string {
	var need [][]string
	for i, forms := range [][]string{before, after} {
		var g []string
		for _, f := range forms {
			w := strings.Fields(strings.ToLower(f))
			if len(w) == 0 || strings.ContainsAny(f, "'’") {
				g = nil
				break
			}
			g = append(g, w[(len(w)-1)*i])
		}
		if g != nil {
			need = append(need, g)
		}
	}
	return need
}
