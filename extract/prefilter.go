package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Go's regexp scans every position of a text for a case-insensitive pattern,
// and the lexicons compile to hundreds of such patterns. A pattern built from
// a phrase cannot match a text that lacks the phrase's longest word, so a
// strings.Contains on the lower-cased text rules most patterns out before
// the regexp runs. The check is a necessary condition only: matching is still
// the regexp's.

// keyWord returns the longest run of letters and digits in a lexicon phrase,
// lower-cased: a word every match of the phrase's pattern contains.
// Placeholders such as "..." have none and are skipped.
func keyWord(phrase string) string {
	best := ""
	for _, w := range strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// mayContain reports whether lower (a lower-cased text) can hold a match of
// a pattern whose key word is key; an empty key rules nothing out.
func mayContain(lower, key string) bool {
	return key == "" || strings.Contains(lower, key)
}

// mayContainAny is mayContain for patterns that need one of several words.
func mayContainAny(lower string, keys []string) bool {
	if len(keys) == 0 {
		return true
	}
	single := true
	for _, k := range keys {
		single = single && len(k) == 1
	}
	if single { // one scan for a set of bytes, such as the digits
		return strings.ContainsAny(lower, strings.Join(keys, ""))
	}
	for _, k := range keys {
		if strings.Contains(lower, k) {
			return true
		}
	}
	return false
}

// wordAlt finds whole words from a set, as `(?i)\b(?:w1|w2|...)\b` would when
// every word is made of ASCII word characters: such a match is exactly a
// maximal run of word characters, so one pass over the runs with a map
// lookup replaces a regexp that tries every alternative at every position.
// A set holding any other word falls back to the regexp.
type wordAlt struct {
	words map[string]bool
	re    *regexp.Regexp // nil unless some word is not plain ASCII
}

func newWordAlt(words []string) *wordAlt {
	w := &wordAlt{words: map[string]bool{}}
	plain := true
	var alts []string
	for _, x := range words {
		x = strings.ToLower(x)
		w.words[x] = true
		alts = append(alts, regexp.QuoteMeta(x))
		for i := 0; i < len(x); i++ {
			plain = plain && isASCIIWord(x[i])
		}
	}
	if !plain {
		sort.Slice(alts, func(a, b int) bool { return len(alts[a]) > len(alts[b]) })
		w.re = regexp.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)\b`)
	}
	return w
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// FindAllStringIndex is regexp's: the [start, end) of up to n (all if n < 0)
// matches in s.
func (w *wordAlt) FindAllStringIndex(s string, n int) [][]int {
	if w.re != nil {
		return w.re.FindAllStringIndex(s, n)
	}
	var out [][]int
	for i := 0; i < len(s) && (n < 0 || len(out) < n); {
		if !isASCIIWord(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIWord(s[j]) {
			j++
		}
		if w.words[strings.ToLower(s[i:j])] {
			out = append(out, []int{i, j})
		}
		i = j
	}
	return out
}

// FindStringIndex is regexp's: the first match in s, or nil.
func (w *wordAlt) FindStringIndex(s string) []int {
	if m := w.FindAllStringIndex(s, 1); len(m) > 0 {
		return m[0]
	}
	return nil
}

// literal finds a lexicon phrase as a whole-word, case-insensitive literal,
// as phraseRe's pattern does, with a substring search instead of a regexp
// tried at every position. It works on asciiLower text (same offsets as the
// original); an apostrophe in the phrase also matches a typographic one. A
// phrase with non-ASCII letters keeps the regexp, whose case folding it needs.
type literal struct {
	variants []string       // the phrase with each mix of ' and ’
	re       *regexp.Regexp // fallback, nil for ASCII phrases
	// need rules re out cheaply: the text must hold one word of each
	// group (the forms of a gapped phrase's first and last word), or
	// the expression, which has no literal prefix to seek, is not run.
	need [][]string
	// keys are the first words of the variants (runs of letters and
	// digits): a text without any of them cannot hold the phrase. nil
	// when some variant does not open with a letter or digit.
	keys []string
}

// withKeys sets l's keys from its variants.
func (l literal) withKeys() literal {
	for _, v := range l.variants {
		k := firstRun(v)
		if k == "" {
			l.keys = nil
			return l
		}
		if !slices.Contains(l.keys, k) {
			l.keys = append(l.keys, k)
		}
	}
	return l
}

// firstRun is the letters and digits s opens with.
func firstRun(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s[:i]
		}
	}
	return s
}

// wordSet is the set of runs of letters and digits of a text, for
// literal.possible.
type wordSet map[string]struct{}

// fill clears ws (a new set when ws is nil) and puts lower's words in it.
func (ws wordSet) fill(lower string) wordSet {
	if ws == nil {
		ws = wordSet{}
	}
	clear(ws)
	start := -1
	for i, r := range lower {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			ws[lower[start:i]] = struct{}{}
			start = -1
		}
	}
	if start >= 0 {
		ws[lower[start:]] = struct{}{}
	}
	return ws
}

// possible reports whether a text with the words ws may hold l: at a word
// edge a variant opens with one of the text's words, and a gapped phrase's
// text holds a form of each of its ends (a form that is not one run of
// letters and digits, "cross-examine", rules nothing out).
func (l literal) possible(ws wordSet) bool {
	for _, g := range l.need {
		if !slices.ContainsFunc(g, func(w string) bool { _, ok := ws[w]; return ok || firstRun(w) != w }) {
			return false // a gapped phrase: none of the forms of one of its ends
		}
	}
	if l.keys == nil {
		return true
	}
	for _, k := range l.keys {
		if _, ok := ws[k]; ok {
			return true
		}
	}
	return false
}

func newLiteral(phrase string) literal {
	p := strings.ToLower(phrase)
	for _, r := range p {
		if r >= 0x80 {
			return literal{re: phraseRe(phrase)}
		}
	}
	return literal{variants: apostrophes(p)}.withKeys()
}

// newLiteralOf is newLiteral for a phrase in several forms (its
// inflections), found as one; all forms must be ASCII.
func newLiteralOf(phrases []string) literal {
	var vs []string
	for _, p := range phrases {
		vs = append(vs, apostrophes(strings.ToLower(p))...)
	}
	return literal{variants: vs}.withKeys()
}

// apostrophes returns p with each mix of ' and ’.
func apostrophes(p string) []string {
	vs := []string{""}
	for _, part := range strings.SplitAfter(p, "'") {
		base, apos := strings.CutSuffix(part, "'")
		var next []string
		for _, v := range vs {
			if apos {
				next = append(next, v+base+"'", v+base+"’")
			} else {
				next = append(next, v+base)
			}
		}
		vs = next
	}
	return vs
}

// findAll returns the [start, end) of each occurrence in lower (asciiLower
// of a text) that has no letter or digit on either side, in text order.
func (l literal) findAll(lower string) [][2]int {
	for _, group := range l.need {
		if !slices.ContainsFunc(group, func(w string) bool { return strings.Contains(lower, w) }) {
			return nil
		}
	}
	if l.re != nil {
		var out [][2]int
		for _, loc := range l.re.FindAllStringSubmatchIndex(lower, -1) {
			out = append(out, [2]int{loc[2], loc[3]})
		}
		return out
	}
	var out [][2]int
	for _, v := range l.variants {
		for from := 0; ; {
			i := strings.Index(lower[from:], v)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(v)
			if wordEdge(lower, s, e) {
				out = append(out, [2]int{s, e})
			}
			from = s + 1
		}
	}
	if len(l.variants) > 1 {
		sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	}
	return out
}

// match reports whether lower holds the phrase.
func (l literal) match(lower string) bool {
	if l.re != nil {
		return l.re.MatchString(lower)
	}
	for _, v := range l.variants {
		for from := 0; ; {
			i := strings.Index(lower[from:], v)
			if i < 0 {
				break
			}
			if wordEdge(lower, from+i, from+i+len(v)) {
				return true
			}
			from += i + 1
		}
	}
	return false
}

// wordEdge reports whether [s, e) of text has no letter or digit just
// outside it.
func wordEdge(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// asciiLower lower-cases the ASCII letters of s and leaves every other byte,
// so offsets into the result are offsets into s.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
