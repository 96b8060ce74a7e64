package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/kg"
)

// The naming rules (typePieces) give each capitalized name of a document a
// type from its own words and the words around it: a person, an
// organization, or no entity (a place, a program, a stray capital). On
// unseen text they miss names in no lexicon ("president of Club Hooli",
// "a stake in Globex hf.") and read foreign companies as people. A linear
// model learned from annotated articles (type_model.txt, written by
// cmd/train) reads what the rules decided with a description of every
// place the document names the same words (the words before and after,
// their parts of speech, the name's shape, what the lexicons know of its
// words) and gives the name its type when it beats the rules' type by
// typeMargin. Without the file the rules' types stand.

// TypeClasses are the classes the type model scores, in the order of its
// weights.
var TypeClasses = []string{string(kg.Person), string(kg.Organization), "none"}

// typeMargin is how much higher than the rules' class's score the type
// model's best score must be for it to overrule them (held out, 1.0 and
// 1.5 did as well; 1.5 overrules fewer plain cases).
const typeMargin = 1.5

// typeOf is the class the rules gave a piece.
func typeOf(p *piece) string {
	if p.blocked || p.typ == "" {
		return "none"
	}
	return string(p.typ)
}

// nameGroups gathers the pieces of a document by the words they name, in
// order of first mention.
func nameGroups(ps []*piece) (keys []string, groups map[string][]*piece) {
	groups = map[string][]*piece{}
	for _, p := range ps {
		k := kg.Key(p.text)
		if k == "" {
			continue
		}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	return keys, groups
}

// nameFeatures describes one name of the document (its pieces): the
// rules' classes, its shape and its words as the lexicons know them, and
// the context of each of its mentions. Word features are lower-case words
// only, so a model learns no name.
func nameFeatures(d *docState, x *lexIndex, group []*piece) []string {
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, p := range group {
		add("rule=" + typeOf(p))
		if p.blocked {
			add("blocked")
		}
		if p.acronym {
			add("acronym")
		}
		if p.afterTitle {
			add("aftertitle")
		}
		if p.weak {
			add("weak")
		}
		if p.kind != "" {
			add("kind=" + p.kind)
		}
		if p.canonical != "" {
			add("lexicon")
		}
		toks := d.Sents[p.sent].Tokens
		contextFeatures(toks, p.a, p.b, add)
		titleFeatures(x, toks, p.a, p.b, add)
	}
	switch n := len(group); {
	case n == 1:
		add("mentions=1")
	case n < 4:
		add("mentions=2")
	default:
		add("mentions=4")
	}
	shapeFeatures(x, d.Sents[group[0].sent].Tokens[group[0].a:group[0].b], add)
	return out
}

// shapeFeatures describes a name's own words.
func shapeFeatures(x *lexIndex, toks []token, add func(string)) {
	add("ntok=" + strconv.Itoa(min(len(toks), 5)))
	caps, given := true, false
	for i, t := range toks {
		w := t.Text
		low := strings.ToLower(w)
		switch {
		case featureWord(w):
			add("inner=" + low)
			caps = false
			continue
		case !isAllCaps(w):
			caps = false
		}
		if strings.Contains(strings.Trim(w, "-"), "-") {
			add("hyphen")
		}
		if strings.ContainsFunc(w, unicode.IsDigit) {
			add("digit")
		}
		if isInitials(w) || len(w) > 2 && w[1] == '.' {
			add("initial")
		}
		if x.firstNames[w] || x.firstNames[low] {
			if i == 0 {
				given = true
				add("given")
			} else {
				add("given-inside")
			}
		}
		if x.places[kg.Key(w)] {
			add("place")
		}
		if h, ok := x.heads[w]; ok {
			if i == len(toks)-1 {
				add("head=" + orDefault(h.Kind, "any"))
			} else {
				add("head-inside")
			}
		}
		if x.honorifics[low] || x.honorifics[strings.TrimSuffix(low, ".")] {
			add("honorific")
		}
		if x.titleFirst[low] {
			add("title-word")
		}
		if isAmpersand(w) {
			add("amp")
		}
	}
	if caps {
		add("allcaps")
	}
	if given && len(toks) >= 2 {
		add("given+surname")
	}
	last := strings.ToLower(toks[len(toks)-1].Text)
	if utf8.RuneCountInString(last) >= 5 {
		r := []rune(last)
		add("sfx=" + string(r[len(r)-3:]))
	}
}

// contextFeatures describes the words around the name at toks[a:b]: the
// lower-case words and the marks just before and after it, the parts of
// speech there, and the patterns of an appositive, an acronym or a
// possessive.
func contextFeatures(toks []token, a, b int, add func(string)) {
	word := func(i int) (string, bool) {
		if i < 0 || i >= len(toks) || !featureWord(toks[i].Text) {
			return "", false
		}
		return strings.ToLower(toks[i].Text), true
	}
	if a == 0 {
		add("start")
	}
	if w, ok := word(a - 1); ok {
		add("pw=" + w)
		if w2, ok := word(a - 2); ok {
			add("pw2=" + w2)
		}
	} else if a > 0 {
		add("p=" + markOf(toks[a-1].Text))
	}
	if a > 0 {
		add("ptag=" + toks[a-1].Tag)
	}
	if w, ok := word(b); ok {
		add("nw=" + w)
	} else if b < len(toks) {
		t := toks[b].Text
		add("n=" + markOf(t))
		switch {
		case isPossessive(t):
			add("poss")
		case t == "(" && b+2 < len(toks) && isAllCaps(toks[b+1].Text) && toks[b+2].Text == ")":
			add("acronym-after")
			if w, ok := word(b + 3); ok {
				add("nw=" + w) // "the Joint Strike Fighter (JSF) program"
			}
		case t == "," && b+1 < len(toks):
			if w, ok := word(b + 1); ok {
				add("cw=" + w)
			} else if isDigits(toks[b+1].Text) {
				add("comma-age")
			}
		}
	} else {
		add("end")
	}
	if b < len(toks) {
		add("ntag=" + toks[b].Tag)
	}
}

// titleFeatures describes the offices around the name at toks[a:b]: an
// honorific or a title right before it, a title and "of", "at" or "for"
// before it ("president of X"), a title right after it ("X managing
// director"), and a title in an appositive after it ("X, the chairman").
func titleFeatures(x *lexIndex, toks []token, a, b int, add func(string)) {
	if a > 0 {
		low := strings.ToLower(strings.TrimSuffix(toks[a-1].Text, "."))
		if x.honorifics[low] {
			add("honorific-before")
		}
		if n, _ := x.titleEndingAt(toks, a); n > 0 {
			add("title-before")
		}
	}
	if a > 1 {
		switch toks[a-1].Text {
		case "of", "at", "for", "with":
			if n, _ := x.titleEndingAt(toks, a-1); n > 0 {
				add("title-" + toks[a-1].Text)
			}
		}
	}
	if n, _ := x.titleAt(toks, b, len(toks)); n > 0 {
		add("title-after")
	}
	if b+1 < len(toks) && toks[b].Text == "," {
		k := b + 1
		if w := strings.ToLower(toks[k].Text); w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" {
			k++
		}
		for k < len(toks) && k < b+4 && isAdjective(toks[k]) && !isCapToken(toks[k].Text) {
			if n, _ := x.titleAt(toks, k, len(toks)); n > 0 {
				break
			}
			k++
		}
		if n, _ := x.titleAt(toks, k, len(toks)); n > 0 {
			add("appositive-title")
		}
	}
}

// markOf names a token that is no lower-case word for a feature.
func markOf(t string) string {
	switch {
	case isQuoteTok(t):
		return "quote"
	case isPossessive(t):
		return "poss"
	case isDigits(t):
		return "num"
	case isCapToken(t):
		return "cap"
	case len(t) == 1 && !unicode.IsLetter(rune(t[0])):
		return t
	}
	return "other"
}

// featureWord reports whether t is a word of lower-case ASCII letters (and
// apostrophes), such as a word feature may hold.
func featureWord(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !(r >= 'a' && r <= 'z' || r == '\'' || r == '’') {
			return false
		}
	}
	return true
}

// applyTypeModel gives each name of the document the type model's class
// where it beats the rules' by typeMargin, and records the names'
// features when the document is traced (TypeFeatures).
func applyTypeModel(d *docState, x *lexIndex, ps []*piece) {
	m := d.extractor().tm
	if m == nil && d.typeTrace == nil {
		return
	}
	keys, groups := nameGroups(ps)
	for _, k := range keys {
		group := groups[k]
		fs := nameFeatures(d, x, group)
		if d.typeTrace != nil {
			d.typeTrace[group[0].text] = fs
		}
		if m == nil {
			continue
		}
		rule := typeOf(group[0])
		cls := m.overruleBy(fs, rule, typeMargin)
		if cls == rule || slices.ContainsFunc(group, func(p *piece) bool { return p.blocked || p.canonical != "" || programAfter(d, x, p) }) || programName(x, group[0].text) {
			continue // a place, a program, a law, a body the lexicon names: the rules that know them stand
		}
		for _, p := range group {
			switch cls {
			case "none":
				p.typ, p.kind = "", ""
			default:
				p.typ, p.blocked = kg.EntityType(cls), false
				if cls == string(kg.Person) {
					p.kind = ""
				}
			}
		}
	}
}

// programAfter reports whether a name the rules typed as no entity is
// followed, past its acronym in parentheses and up to three lower-case
// words, by a program word ("the Joint Enterprise Defense Infrastructure
// (JEDI) cloud computing program"): it names a program, whatever the
// model makes of its words.
func programAfter(d *docState, x *lexIndex, p *piece) bool {
	if p.typ != "" || p.b-p.a < 2 {
		return false
	}
	toks := d.Sents[p.sent].Tokens
	k := p.b
	if k+2 < len(toks) && toks[k].Text == "(" && isAllCaps(toks[k+1].Text) && toks[k+2].Text == ")" {
		k += 3
	}
	for n := 0; k < len(toks) && n <= 3; k, n = k+1, n+1 {
		w := toks[k].Text
		if !isLowerWord(w) {
			return false
		}
		if x.programWords[w] {
			return true
		}
	}
	return false
}

// programName reports whether a program word ends the name ("the Joint
// Logistics Modernization Program"): it names a program, whatever the
// model makes of its other words.
func programName(x *lexIndex, name string) bool {
	f := strings.Fields(name)
	return len(f) > 1 && x.programCues[strings.ToLower(f[len(f)-1])]
}
