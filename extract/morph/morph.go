package morph

import "strings"

// Inflector generates the inflected forms of English verbs and nouns. A nil
// *Inflector knows the regular rules only. It is safe for concurrent use.
type Inflector struct {
	verbs  map[string][]string // base -> irregular past and participle forms
	plural map[string][]string // singular -> irregular plurals
}

// Irregular is one irregular verb or noun: a base and its irregular forms
// (for verbs the past tense and past participle, for nouns the plurals).
type Irregular struct {
	Base  string
	Forms []string
}

// New returns an Inflector that knows the given irregular verbs and nouns.
func New(verbs, nouns []Irregular) *Inflector {
	in := &Inflector{verbs: map[string][]string{}, plural: map[string][]string{}}
	for _, v := range verbs {
		b := strings.ToLower(v.Base)
		in.verbs[b] = append(in.verbs[b], lowerAll(v.Forms)...)
	}
	for _, n := range nouns {
		b := strings.ToLower(n.Base)
		in.plural[b] = append(in.plural[b], lowerAll(n.Forms)...)
	}
	return in
}

func lowerAll(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if x = strings.ToLower(strings.TrimSpace(x)); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// Verb returns the forms of a verb given in its base form (lower case): the
// base, third person singular, past, past participle and present
// participle, irregular ones first. A phrasal verb or verb phrase ("step
// down", "move for") inflects its first word.
func (in *Inflector) Verb(base string) []string {
	head, rest := splitFirst(strings.ToLower(base))
	var forms []string
	if in != nil {
		forms = append(forms, in.verbs[head]...)
	}
	forms = append(forms, head, thirdPerson(head))
	if in == nil || len(in.verbs[head]) == 0 {
		forms = append(forms, past(head)...)
	}
	forms = append(forms, gerund(head)...)
	return withRest(dedupe(forms), rest)
}

// Noun returns the singular and plural forms of a noun or noun phrase given
// in the singular; a phrase ("task order", "motion to dismiss") inflects its
// head, the last word before a preposition.
func (in *Inflector) Noun(base string) []string {
	base = strings.ToLower(base)
	words := strings.Fields(base)
	if len(words) == 0 {
		return nil
	}
	h := len(words) - 1
	for i, w := range words {
		if i > 0 && prepositions[w] {
			h = i - 1
			break
		}
	}
	var plurals []string
	if in != nil {
		plurals = in.plural[words[h]]
	}
	if len(plurals) == 0 {
		plurals = []string{plural(words[h])}
	}
	out := []string{base}
	for _, p := range plurals {
		ws := append([]string(nil), words...)
		ws[h] = p
		out = append(out, strings.Join(ws, " "))
	}
	return dedupe(out)
}

// prepositions end a noun phrase's head ("motion to dismiss", "court of
// appeals"): closed-class grammar words.
var prepositions = map[string]bool{"of": true, "to": true, "for": true, "against": true, "with": true, "in": true, "on": true, "by": true, "from": true, "at": true}

func splitFirst(s string) (string, string) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

func withRest(heads []string, rest string) []string {
	if rest == "" {
		return heads
	}
	out := make([]string, len(heads))
	for i, h := range heads {
		out[i] = h + rest
	}
	return out
}

func dedupe(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// sibilant reports whether a word takes -es: pass, tax, buzz, match, push.
func sibilant(w string) bool {
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh")
}

// consonantY reports a final y after a consonant: deny, inquiry.
func consonantY(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'y' && !isVowel(w[n-2])
}

func thirdPerson(w string) string {
	switch {
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	case sibilant(w), strings.HasSuffix(w, "o") && len(w) > 1 && !isVowel(w[len(w)-2]):
		return w + "es"
	}
	return w + "s"
}

func plural(w string) string {
	switch {
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	case sibilant(w):
		return w + "es"
	}
	return w + "s"
}

// cvc reports a final consonant-vowel-consonant (ban, refer, cancel), after
// which English may double the consonant; w, x and y never double.
func cvc(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	c1, v, c2 := w[n-3], w[n-2], w[n-1]
	return !isVowel(c1) && isVowel(v) && !isVowel(c2) && strings.IndexByte("wxy", c2) < 0
}

// past returns the regular past forms. After a final CVC both the doubled
// and the plain form are given (banned, opened): which one English uses
// depends on stress, which spelling does not show.
func past(w string) []string {
	switch {
	case strings.HasSuffix(w, "e"):
		return []string{w + "d"}
	case consonantY(w):
		return []string{w[:len(w)-1] + "ied"}
	case strings.HasSuffix(w, "c"):
		return []string{w + "ked", w + "ed"}
	case cvc(w):
		return []string{w + w[len(w)-1:] + "ed", w + "ed"}
	}
	return []string{w + "ed"}
}

func gerund(w string) []string {
	switch {
	case strings.HasSuffix(w, "ie"):
		return []string{w[:len(w)-2] + "ying"}
	case strings.HasSuffix(w, "ee"), strings.HasSuffix(w, "ye"), strings.HasSuffix(w, "oe"):
		return []string{w + "ing"}
	case strings.HasSuffix(w, "e") && len(w) > 2:
		return []string{w[:len(w)-1] + "ing"}
	case strings.HasSuffix(w, "c"):
		return []string{w + "king", w + "ing"}
	case cvc(w):
		return []string{w + w[len(w)-1:] + "ing", w + "ing"}
	}
	return []string{w + "ing"}
}
