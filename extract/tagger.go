package extract

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
	prosetoken "github.com/jdkato/prose/v3/token"
)

// hashTagger is prose's averaged-perceptron tagger, with the same model and
// the same arithmetic, its features indexed once by template and value (a
// word, a suffix, a previous tag). prose keeps the model's 75k features in
// one sorted string and finds each by binary search, which was a sixth of
// extraction's time. It tags a sentence whose
// tokens are all ordinary words, numbers and punctuation; a sentence with a
// token prose treats specially (an emoticon, a trace such as "*-1" or "0",
// "@handle", "-LRB-") goes to prose's own tagger, so the tags are always
// prose's (TestHashTaggerMatchesProse).
type hashTagger struct {
	prose    *tag.Tagger
	classes  []string
	pairOff  []uint32 // feature -> its weights, classIDs[pairOff[f]:pairOff[f+1]]
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8 // words with one tag, not scored

	// A feature is a template and a value ("i-1 word " and "the"). Values
	// (words, suffixes, first bytes) are numbered; byValue[template][v] is
	// the feature of that template and value v, or -1.
	values  map[string]int32
	byValue [nValueTemplates][]int32
	tagWord map[uint64]int32 // "i-1 tag+i word ": previous tag << 32 | word value

	// features of previous tags, by class (or start sentinel) id
	start, start2       int
	bias                int32
	tag1, tag2, tagPair []int32
}

// The templates of prose's features whose value is one word, suffix or
// first byte.
const (
	tSuffix = iota
	tPref
	tWord
	tPrevWord
	tPrevSuffix
	tPrev2Word
	tNextWord
	tNextSuffix
	tNext2Word
	nValueTemplates
)

var valueTemplates = [nValueTemplates]string{"i suffix ", "i pref1 ", "i word ", "i-1 word ", "i-1 suffix ", "i-2 word ", "i+1 word ", "i+1 suffix ", "i+2 word "}

// plainEmoticons are the emoticons in prose's set that look like ordinary
// words (prose tags them SYM wherever they stand).
var plainEmoticons = map[string]bool{"8-D": true, "8D": true, "O.o": true, "XDD": true, "xD": true, "xDD": true}

// newHashTagger reads a model in prose's flat format (internal/flat:
// magic, version, classes, features as offsets into one string, weights
// by feature, the one-tag words).
func newHashTagger(data []byte, fallback *tag.Tagger) (*hashTagger, error) {
	r := modelReader{b: data}
	if string(r.bytes(8)) != "PROSETAG" || r.u32() != 1 {
		return nil, errors.New("not a version 1 prose tagger model")
	}
	t := &hashTagger{prose: fallback}
	nClasses := r.u32()
	if nClasses > 256 { // class ids are bytes
		return nil, errors.New("prose tagger model: too many classes")
	}
	t.classes = make([]string, nClasses)
	for i := range t.classes {
		t.classes[i] = string(r.bytes(int(r.u16())))
	}
	nFeats, nPairs, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	blob := string(r.bytes(blobLen))
	featOff := r.u32s(nFeats + 1)
	t.pairOff = r.u32s(nFeats + 1)
	t.classIDs = append([]uint8(nil), r.bytes(nPairs)...)
	ws := r.u32s(nPairs)
	t.weights = make([]float32, len(ws))
	for i, u := range ws {
		t.weights[i] = math.Float32frombits(u)
	}
	t.tagMap = map[string]uint8{}
	for n := int(r.u32()); n > 0 && r.err == nil; n-- {
		w := string(r.bytes(int(r.u16())))
		t.tagMap[w] = r.bytes(1)[0]
	}
	if r.err != nil {
		return nil, fmt.Errorf("prose tagger model: %w", r.err)
	}
	for i := range nFeats {
		if featOff[i] > featOff[i+1] || int(featOff[i+1]) > len(blob) || t.pairOff[i] > t.pairOff[i+1] || int(t.pairOff[i+1]) > nPairs {
			return nil, errors.New("prose tagger model: feature offsets out of range")
		}
	}
	for _, id := range t.classIDs {
		if int(id) >= len(t.classes) {
			return nil, errors.New("prose tagger model: class out of range")
		}
	}
	for _, id := range t.tagMap {
		if int(id) >= len(t.classes) {
			return nil, errors.New("prose tagger model: class out of range")
		}
	}
	if len(t.classes) == 0 {
		return nil, errors.New("prose tagger model: no classes")
	}
	feats := make(map[string]int32, nFeats)
	for i := range nFeats {
		feats[blob[featOff[i]:featOff[i+1]]] = int32(i)
	}
	t.prepareTags(feats)
	t.indexValues(feats)
	return t, nil
}

type modelReader struct {
	b   []byte
	err error
}

func (r *modelReader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		if r.err == nil {
			r.err = errors.New("truncated")
		}
		return make([]byte, 8) // enough for the numbers read after: r.err says it all
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *modelReader) u16() uint16 { return binary.LittleEndian.Uint16(r.bytes(2)) }
func (r *modelReader) u32() uint32 { return binary.LittleEndian.Uint32(r.bytes(4)) }

func (r *modelReader) u32s(n int) []uint32 {
	if r.err != nil || n < 0 || 4*n > len(r.b) {
		r.bytes(-1)
		return nil
	}
	b := r.bytes(4 * n)
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

// indexValues numbers the values of the features with a word, suffix or
// first byte, and indexes those features by template and value.
func (t *hashTagger) indexValues(feats map[string]int32) {
	t.values = map[string]int32{}
	t.tagWord = map[uint64]int32{}
	value := func(v string) int32 {
		id, ok := t.values[v]
		if !ok {
			id = int32(len(t.values))
			t.values[v] = id
		}
		return id
	}
	tagIDs := map[string]int{}
	for id := range len(t.classes) + 2 {
		tagIDs[t.tagName(id)] = id
	}
	type entry struct {
		tmpl int
		v, f int32
	}
	var entries []entry
	for f, i := range feats {
		if rest, ok := strings.CutPrefix(f, "i-1 tag+i word "); ok {
			tg, w, _ := strings.Cut(rest, " ")
			if id, ok := tagIDs[tg]; ok {
				t.tagWord[uint64(id)<<32|uint64(value(w))] = i
			}
			continue
		}
		for tmpl, prefix := range valueTemplates {
			if v, ok := strings.CutPrefix(f, prefix); ok {
				entries = append(entries, entry{tmpl, value(v), i})
				break
			}
		}
	}
	for tmpl := range t.byValue {
		t.byValue[tmpl] = make([]int32, len(t.values))
		for v := range t.byValue[tmpl] {
			t.byValue[tmpl][v] = -1
		}
	}
	for _, e := range entries {
		t.byValue[e.tmpl][e.v] = e.f
	}
}

// valueFeat is the feature of template tmpl and value v (-1: no value).
func (t *hashTagger) valueFeat(tmpl int, v int32) int32 {
	if v < 0 {
		return -1
	}
	return t.byValue[tmpl][v]
}

// valueOf is the number of a value, -1 when no feature has it.
func (t *hashTagger) valueOf(s string) int32 {
	if v, ok := t.values[s]; ok {
		return v
	}
	return -1
}

// TagTokens sets the tag of each token, as prose's Tagger.TagTokens does.
func (t *hashTagger) TagTokens(toks []prosetoken.Token) {
	for _, tk := range toks {
		if !plainToken(tk.Text) {
			t.prose.TagTokens(toks)
			return
		}
	}
	// the sentence's words, normalized, with prose's sentinels, two at each
	// end: their values as words and of their suffixes
	n := len(toks) + 4
	words, sufs := make([]int32, n), make([]int32, n)
	for j := range n {
		w := ""
		switch {
		case j == 0:
			w = "-START-"
		case j == 1:
			w = "-START2-"
		case j == n-2:
			w = "-END-"
		case j == n-1:
			w = "-END2-"
		default:
			w = normalizeWord(toks[j-2].Text)
		}
		words[j], sufs[j] = t.valueOf(w), t.valueOf(lastBytes(w, 3))
	}
	scores := make([]float32, len(t.classes))
	p1, p2 := t.start, t.start2
	for i, tk := range toks {
		var tg int
		if id, ok := t.tagMap[tk.Text]; ok {
			tg = int(id)
		} else {
			tg = t.predict(scores, words, sufs, i+2, tk.Text, p1, p2)
		}
		toks[i].Tag = t.classes[tg]
		p2, p1 = p1, tg
	}
}

// predict scores a token's features in prose's order (float sums depend on
// it) and returns the best class, the first on a tie. p1 and p2 are the
// previous tags (class ids or start sentinels); words and sufs the values
// of the sentence's words and suffixes, the token's at i.
func (t *hashTagger) predict(scores []float32, words, sufs []int32, i int, word string, p1, p2 int) int {
	clear(scores)
	tagWord := int32(-1)
	if w := words[i]; w >= 0 {
		if f, ok := t.tagWord[uint64(p1)<<32|uint64(w)]; ok {
			tagWord = f
		}
	}
	for _, f := range [...]int32{
		t.bias,
		t.valueFeat(tSuffix, t.valueOf(lastBytes(word, 3))),
		t.valueFeat(tPref, t.valueOf(word[:min(1, len(word))])),
		t.tag1[p1], t.tag2[p2], t.tagPair[p1*len(t.tag1)+p2],
		t.valueFeat(tWord, words[i]),
		tagWord,
		t.valueFeat(tPrevWord, words[i-1]),
		t.valueFeat(tPrevSuffix, sufs[i-1]),
		t.valueFeat(tPrev2Word, words[i-2]),
		t.valueFeat(tNextWord, words[i+1]),
		t.valueFeat(tNextSuffix, sufs[i+1]),
		t.valueFeat(tNext2Word, words[i+2]),
	} {
		if f < 0 {
			continue
		}
		lo, hi := t.pairOff[f], t.pairOff[f+1]
		for j, id := range t.classIDs[lo:hi] {
			scores[id] += t.weights[int(lo)+j]
		}
	}
	best, bestID := float32(math.Inf(-1)), 0
	for id, s := range scores {
		if s > best {
			best, bestID = s, id
		}
	}
	return bestID
}

// tagName is the name of a previous tag: a class, or a start sentinel.
func (t *hashTagger) tagName(id int) string {
	switch id {
	case t.start:
		return "-START-"
	case t.start2:
		return "-START2-"
	}
	return t.classes[id]
}

// prepareTags computes the features of previous tags: a class or the two
// start sentinels (t.start, t.start2).
func (t *hashTagger) prepareTags(feats map[string]int32) {
	lookup := func(parts ...string) int32 {
		if f, ok := feats[strings.Join(parts, "")]; ok {
			return f
		}
		return -1
	}
	n := len(t.classes) + 2
	t.start, t.start2 = n-2, n-1
	t.bias = lookup("bias")
	t.tag1, t.tag2, t.tagPair = make([]int32, n), make([]int32, n), make([]int32, n*n)
	for a := range n {
		t.tag1[a] = lookup("i-1 tag ", t.tagName(a))
		t.tag2[a] = lookup("i-2 tag ", t.tagName(a))
		for b := range n {
			t.tagPair[a*n+b] = lookup("i tag+i-2 tag ", t.tagName(a), " ", t.tagName(b))
		}
	}
}

func lastBytes(w string, n int) string { return w[max(0, len(w)-n):] }

// normalizeWord is prose's form of a word for its features: hyphenated
// words, years and numbers by their shape, the rest in lower case.
func normalizeWord(w string) string {
	switch {
	case w == "":
		return w
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return "!HYPHEN"
	case len(w) == 4 && isYear(w):
		return "!YEAR"
	case w[0] >= '0' && w[0] <= '9':
		return "!DIGITS"
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// isYear is prose's test of a four-byte word: a sign, then digits only.
func isYear(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainToken reports whether prose would score a token with its model (or
// its one-tag words): one character but "-", "*" and "0"; or a word,
// number or sum that opens with a letter, a digit, a currency sign or an
// apostrophe ("'s") and goes on with letters, digits and inner punctuation.
// Never an emoticon, a trace or a handle.
func plainToken(w string) bool {
	switch w {
	case "", "-", "*", "0", "@": // prose tags these, and every "@handle", by rule
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	if plainEmoticons[w] {
		return false
	}
	for i, r := range w {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Sc, r):
		case i == 0 && r != '\'' && r != '’':
			return false
		case strings.ContainsRune(".'’&-,/:%@+", r):
		default:
			return false
		}
	}
	return true
}
