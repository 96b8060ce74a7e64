package extract

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/extract/morph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// Patterns are rules kept as data (lexicon files *_patterns.txt), in the
// spirit of spaCy's Matcher and Odin: a sequence of elements matched over a
// sentence's units, where a unit is a word, a mention of a person or an
// organization (a name, or "the company", "he" resolved to one), or a title
// from the title lexicon. Elements, separated by spaces:
//
//	{person} {org} {title}   a unit of that kind, captured under its kind
//	{org=agent}             the same, captured under another name
//	<name/appoint>          a word whose base form is one of these (any
//	                        inflection: named, appoints, appointing)
//	as its/their            a word, or one of several (lower case)
//	#JJ #NN                 a word whose part-of-speech tag starts so
//	,  's                   punctuation and the possessive ('s or ’s)
//	_                       any one word
//	...                     a gap: one to ten units of any kind, as few as
//	                        the rest of the pattern allows (an appositive
//	                        between a name and "as its new chief")
//
// and a quantifier may follow an element: ? (optional), * (up to three),
// + (one to three). Matching is greedy with backtracking; a pattern matches
// within one sentence.

// gapMax is the most units a gap ("...") spans.
const gapMax = 10

// unitKind tells what a sentence unit is.
type unitKind int

const (
	wordUnit unitKind = iota
	personUnit
	orgUnit
	titleUnit
)

// unit is a word, a mention or a title of a sentence: tokens [a,b).
type unit struct {
	kind  unitKind
	low   string // lower-case text of a word
	tag   string
	ent   *entity   // person and organization units
	title titleInfo // title units
	a, b  int
}

// element is one compiled pattern element.
type element struct {
	kind     unitKind
	words    map[string]bool // word alternatives or lemma forms; nil: any word
	tag      string          // tag prefix
	capture  string          // capture name of a mention or title
	min, max int
	gap      bool // any unit, fewest first ("...")
}

// pattern is a compiled rule with its attributes.
type pattern struct {
	src   string
	elems []element
	attrs map[string]string
}

// match is one match: captured units by name and the units matched.
type match struct {
	caps map[string]unit
	a, b int // unit range
}

// compilePattern parses a pattern's source; file names its lexicon line.
func compilePattern(in *morph.Inflector, src, file string, attrs map[string]string) (pattern, error) {
	p := pattern{src: src, attrs: attrs}
	for _, f := range strings.Fields(src) {
		e := element{min: 1, max: 1}
		switch {
		case strings.HasSuffix(f, "?") && len(f) > 1:
			e.min, f = 0, f[:len(f)-1]
		case strings.HasSuffix(f, "*") && len(f) > 1:
			e.min, e.max, f = 0, 3, f[:len(f)-1]
		case strings.HasSuffix(f, "+") && len(f) > 1:
			e.max, f = 3, f[:len(f)-1]
		}
		switch {
		case strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}"):
			kind, capture, _ := strings.Cut(f[1:len(f)-1], "=")
			switch kind {
			case "person":
				e.kind = personUnit
			case "org":
				e.kind = orgUnit
			case "title":
				e.kind = titleUnit
			default:
				return p, fmt.Errorf("pattern %s: unknown unit {%s}", file, kind)
			}
			e.capture = kind
			if capture != "" {
				e.capture = capture
			}
		case strings.HasPrefix(f, "<") && strings.HasSuffix(f, ">"):
			e.words = map[string]bool{}
			for _, base := range strings.Split(f[1:len(f)-1], "/") {
				for _, w := range in.Verb(base) {
					e.words[w] = true
				}
				for _, w := range in.Noun(base) {
					e.words[w] = true
				}
			}
		case strings.HasPrefix(f, "#") && len(f) > 1:
			e.tag = f[1:]
		case f == "_":
		case f == "...":
			e.gap, e.max = true, gapMax
		case f == "'s":
			e.words = map[string]bool{"'s": true, "’s": true, "'": true, "’": true}
		default:
			e.words = map[string]bool{}
			for _, w := range strings.Split(strings.ToLower(f), "/") {
				e.words[w] = true
			}
		}
		p.elems = append(p.elems, e)
	}
	if len(p.elems) == 0 {
		return p, fmt.Errorf("pattern %s: empty", file)
	}
	return p, nil
}

// compilePatternFile compiles the patterns of lexicon file name, each
// checked by check (the captures its rules need); the first error names
// the pattern's line.
func compilePatternFile(lex *lexicon.Lexicon, in *morph.Inflector, name string, check func(pattern, lexicon.Entry) error) ([]pattern, error) {
	if lex == nil {
		return nil, nil
	}
	var out []pattern
	for _, e := range lex.Entries(name) {
		p, err := compilePattern(in, e.Phrase, e.File, e.Attrs)
		if err != nil {
			return nil, err
		}
		if err := check(p, e); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// units reads sentence si as units: mentions of persons and organizations
// (names, resolved nominals and pronouns), titles, and words.
func (d *docState) units(x *lexIndex, si int) []unit {
	toks := d.Sents[si].Tokens
	ms := d.mentionsIn(d.Sents[si].Start, d.Sents[si].End)
	out := make([]unit, 0, len(toks))
	for k := 0; k < len(toks); {
		if m := mentionStarting(ms, toks, k); m != nil && m.Entity != nil && (m.Entity.Type == kg.Person || m.Entity.Type == kg.Organization) {
			if _, b := tokRange(toks, m.Start, m.End); b > k {
				u := unit{kind: personUnit, ent: m.Entity, a: k, b: b}
				if m.Entity.Type == kg.Organization {
					u.kind = orgUnit
					// "the Lagos Building Agency (LBA)": the acronym in
					// parentheses goes with the name
					if b+2 < len(toks) && toks[b].Text == "(" && toks[b+2].Text == ")" && isAllCaps(toks[b+1].Text) {
						u.b = b + 3
						b += 3
					}
				} else {
					out, u.a = honorificsBefore(x, toks, out, k)
					// "Jane Roe, 54, the president of Acme": the age goes
					// with the name
					if b+3 < len(toks) && toks[b].Text == "," && len(toks[b+1].Text) <= 3 && isDigits(toks[b+1].Text) && toks[b+2].Text == "," {
						u.b = b + 2
						b += 2
					}
				}
				out = append(out, u)
				k = b
				continue
			}
		}
		if n, ti := x.titleAt(toks, k, len(toks)); n > 0 {
			// lower-case nouns and title modifiers before a title qualify
			// it: "enforcement director", "interim president"
			a := k
			for len(out) > 0 && a-out[len(out)-1].a <= 2 {
				w := out[len(out)-1]
				if w.kind != wordUnit || !x.titleMods[w.low] && (!strings.HasPrefix(w.tag, "NN") || isCapToken(toks[w.a].Text)) {
					break
				}
				a = w.a
				out = out[:len(out)-1]
			}
			n += titleComplement(toks, ms, k+n)
			out = append(out, unit{kind: titleUnit, title: ti, a: a, b: k + n})
			k += n
			continue
		}
		out = append(out, unit{kind: wordUnit, low: strings.ToLower(toks[k].Text), tag: toks[k].Tag, a: k, b: k + 1})
		k++
	}
	return out
}

// honorificsBefore takes the honorifics before a person's name at token k
// off the units read so far, so that patterns see "its director, Dr. Jane
// Roe" and "the bishop, the Rt Rev Jane Roe" as a title and a person. It
// returns the units left and where the person's unit starts.
func honorificsBefore(x *lexIndex, toks []token, out []unit, k int) ([]unit, int) {
	a := k
	for len(out) > 0 {
		w := out[len(out)-1]
		t := toks[w.a].Text
		hon := w.kind == wordUnit && x.honorifics[t]
		// "the Very Rev", "the Rt Rev": a word that qualifies the honorific
		// after it, and the article before them
		qual := w.kind == wordUnit && a < k && isCapToken(t) && (x.honorifics[toks[a].Text] || x.honorificQualifiers[t])
		if !hon && !qual && !(w.kind == wordUnit && a < k && strings.EqualFold(t, "the")) {
			break
		}
		a = w.a
		out = out[:len(out)-1]
	}
	return out, a
}

// titleComplement returns the length of a title's field after it, when
// one closes an appositive: "vice president for regulatory affairs, Jane
// Roe", "head of quality at Acme": "for" or "of", one to four lower-case
// words that name nobody, then a comma, "at" or "with". It is 0 otherwise,
// so "director of Acme" keeps its organization.
func titleComplement(toks []token, ms []*mention, k int) int {
	if k+2 >= len(toks) || (toks[k].Text != "for" && toks[k].Text != "of") {
		return 0
	}
	for j := k + 1; j < len(toks) && j <= k+5; j++ {
		w := toks[j].Text
		if (w == "," || w == "at" || w == "with") && j > k+1 {
			return j - k
		}
		if !isLowerWord(w) || strings.ContainsFunc(w, unicode.IsUpper) || mentionStarting(ms, toks, j) != nil {
			return 0
		}
	}
	return 0
}

// unitSet is what a sentence's units hold, for patternIndex: their kinds
// and their words (a word may be there twice).
type unitSet struct {
	kinds [titleUnit + 1]bool
	list  []string
}

func newUnitSet(us []unit) unitSet {
	s := unitSet{list: make([]string, 0, len(us))}
	for _, u := range us {
		s.kinds[u.kind] = true
		if u.kind == wordUnit {
			s.list = append(s.list, u.low)
		}
	}
	return s
}

// patternIndex rules patterns out for a sentence from the sentence's words
// once rather than pattern by pattern: each word set a pattern cannot do
// without is numbered, and each word points to the sets that hold it.
type patternIndex struct {
	kinds  [][]unitKind       // per pattern: the kinds of unit its captures cannot do without
	need   [][]int32          // per pattern: the word sets it cannot do without
	byWord map[string][]int32 // word -> the sets that hold it
	n      int
}

func newPatternIndex(pats []pattern) *patternIndex {
	ix := &patternIndex{kinds: make([][]unitKind, len(pats)), need: make([][]int32, len(pats)), byWord: map[string][]int32{}}
	for i, p := range pats {
		for _, el := range p.elems {
			if el.gap || el.min == 0 {
				continue
			}
			if el.capture != "" {
				ix.kinds[i] = append(ix.kinds[i], el.kind)
				continue
			}
			if el.words == nil {
				continue
			}
			id := int32(ix.n)
			ix.n++
			ix.need[i] = append(ix.need[i], id)
			for w := range el.words {
				ix.byWord[w] = append(ix.byWord[w], id)
			}
		}
	}
	return ix
}

// held returns which of the index's word sets s holds a word of.
func (ix *patternIndex) held(s unitSet) []bool {
	have := make([]bool, ix.n)
	for _, w := range s.list {
		for _, id := range ix.byWord[w] {
			have[id] = true
		}
	}
	return have
}

// possible reports whether units holding s may match pattern i, given
// have = ix.held(s): each element it cannot do without (not a gap, at
// least once) finds a unit of its kind, and of its words when it names
// them.
func (ix *patternIndex) possible(i int, s unitSet, have []bool) bool {
	for _, k := range ix.kinds[i] {
		if !s.kinds[k] {
			return false
		}
	}
	for _, id := range ix.need[i] {
		if !have[id] {
			return false
		}
	}
	return true
}

// matches returns the matches of p in us, leftmost first, not overlapping.
func (p *pattern) matches(us []unit) []match {
	var out []match
	var caps []capture
	for i := 0; i < len(us); {
		if p.elems[0].min > 0 && !p.elems[0].accepts(us[i]) {
			i++
			continue
		}
		caps = caps[:0]
		if end, ok := p.matchAt(us, i, 0, &caps); ok {
			m := match{caps: make(map[string]unit, len(caps)), a: i, b: end}
			for _, c := range caps { // a later capture of a name wins
				m.caps[c.name] = c.u
			}
			out = append(out, m)
			i = max(end, i+1)
			continue
		}
		i++
	}
	return out
}

// capture is a unit captured while matching; the captures so far are a
// stack that backtracking pops.
type capture struct {
	name string
	u    unit
}

// matchAt matches elements [e:] from unit i, greedily with backtracking,
// returning the end of the match.
func (p *pattern) matchAt(us []unit, i, e int, caps *[]capture) (int, bool) {
	if e == len(p.elems) {
		return i, true
	}
	el := &p.elems[e]
	if el.gap {
		for n := el.min; n <= el.max && i+n <= len(us); n++ {
			if end, ok := p.matchAt(us, i+n, e+1, caps); ok {
				return end, true
			}
		}
		return 0, false
	}
	n := 0
	for n < el.max && i+n < len(us) && el.accepts(us[i+n]) {
		n++
	}
	for ; n >= el.min; n-- {
		pushed := el.capture != "" && n > 0
		if pushed {
			*caps = append(*caps, capture{el.capture, us[i+n-1]})
		}
		if end, ok := p.matchAt(us, i+n, e+1, caps); ok {
			return end, true
		}
		if pushed {
			*caps = (*caps)[:len(*caps)-1]
		}
	}
	return 0, false
}

func (el element) accepts(u unit) bool {
	if el.capture != "" {
		return u.kind == el.kind
	}
	if u.kind != wordUnit {
		return false
	}
	if el.tag != "" && !strings.HasPrefix(u.tag, el.tag) {
		return false
	}
	return el.words == nil || el.words[u.low]
}
