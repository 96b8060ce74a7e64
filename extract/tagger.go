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
// the same arithmetic, looking its features up in a hash map. prose keeps
// the model's 75k features in one sorted string and finds each by binary
// search, which was a sixth of extraction's time. It tags a sentence whose
// tokens are all ordinary words, numbers and punctuation; a sentence with a
// token prose treats specially (an emoticon, a trace such as "*-1" or "0",
// "@handle", "-LRB-") goes to prose's own tagger, so the tags are always
// prose's (TestHashTaggerMatchesProse).
type hashTagger struct {
	prose    *tag.Tagger
	classes  []string
	feats    map[string]int32 // feature -> index into pairOff
	pairOff  []uint32
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8 // words with one tag, not scored

	// features of previous tags, by class (or start sentinel) id
	start, start2       int
	bias                int32
	tag1, tag2, tagPair []int32
}

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
	t.classes = make([]string, r.u32())
	for i := range t.classes {
		t.classes[i] = string(r.bytes(int(r.u16())))
	}
	nFeats, nPairs, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	blob := string(r.bytes(blobLen))
	featOff := r.u32s(nFeats + 1)
	t.pairOff = r.u32s(nFeats + 1)
	t.classIDs = append([]uint8(nil), r.bytes(nPairs)...)
	t.weights = make([]float32, nPairs)
	for i, u := range r.u32s(nPairs) {
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
	t.feats = make(map[string]int32, nFeats)
	for i := range nFeats {
		t.feats[blob[featOff[i]:featOff[i+1]]] = int32(i)
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
	t.prepareTags()
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
		return make([]byte, max(n, 1))
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *modelReader) u16() uint16 { return binary.LittleEndian.Uint16(r.bytes(2)) }
func (r *modelReader) u32() uint32 { return binary.LittleEndian.Uint32(r.bytes(4)) }

func (r *modelReader) u32s(n int) []uint32 {
	b := r.bytes(4 * n)
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

func (t *hashTagger) lookup(parts ...string) int32 {
	if f, ok := t.feats[strings.Join(parts, "")]; ok {
		return f
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
	// the sentence's words, normalized, with prose's sentinels, two at each end
	ctx := make([]string, len(toks)+4)
	ctx[0], ctx[1], ctx[len(ctx)-2], ctx[len(ctx)-1] = "-START-", "-START2-", "-END-", "-END2-"
	for i, tk := range toks {
		ctx[i+2] = normalizeWord(tk.Text)
	}
	scores := make([]float32, len(t.classes))
	key := make([]byte, 0, 64)
	p1, p2 := t.start, t.start2
	for i, tk := range toks {
		var tg int
		if id, ok := t.tagMap[tk.Text]; ok {
			tg = int(id)
		} else {
			tg = t.predict(scores, key, ctx, i+2, tk.Text, p1, p2)
		}
		toks[i].Tag = t.classes[tg]
		p2, p1 = p1, tg
	}
}

// predict scores a token's features in prose's order (float sums depend on
// it) and returns the best class, the first on a tie. p1 and p2 are the
// previous tags (class ids or start sentinels).
func (t *hashTagger) predict(scores []float32, key []byte, ctx []string, i int, word string, p1, p2 int) int {
	clear(scores)
	add := func(f int32) {
		if f < 0 {
			return
		}
		lo, hi := t.pairOff[f], t.pairOff[f+1]
		for j, id := range t.classIDs[lo:hi] {
			scores[id] += t.weights[int(lo)+j]
		}
	}
	feat := func(parts ...string) {
		key = key[:0]
		for _, p := range parts {
			key = append(key, p...)
		}
		if f, ok := t.feats[string(key)]; ok {
			add(f)
		}
	}
	add(t.bias)
	feat("i suffix ", lastBytes(word, 3))
	feat("i pref1 ", word[:min(1, len(word))])
	add(t.tag1[p1])
	add(t.tag2[p2])
	add(t.tagPair[p1*len(t.tag1)+p2])
	feat("i word ", ctx[i])
	feat("i-1 tag+i word ", t.tagName(p1), " ", ctx[i])
	feat("i-1 word ", ctx[i-1])
	feat("i-1 suffix ", lastBytes(ctx[i-1], 3))
	feat("i-2 word ", ctx[i-2])
	feat("i+1 word ", ctx[i+1])
	feat("i+1 suffix ", lastBytes(ctx[i+1], 3))
	feat("i+2 word ", ctx[i+2])
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
func (t *hashTagger) prepareTags() {
	n := len(t.classes) + 2
	t.start, t.start2 = n-2, n-1
	t.bias = t.lookup("bias")
	t.tag1, t.tag2, t.tagPair = make([]int32, n), make([]int32, n), make([]int32, n*n)
	for a := range n {
		t.tag1[a] = t.lookup("i-1 tag ", t.tagName(a))
		t.tag2[a] = t.lookup("i-2 tag ", t.tagName(a))
		for b := range n {
			t.tagPair[a*n+b] = t.lookup("i tag+i-2 tag ", t.tagName(a), " ", t.tagName(b))
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
	case "", "-", "*", "0":
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
