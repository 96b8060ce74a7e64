package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	prosesegment "github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
	prosetoken "github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

// The prose models are large and slow to build; load them once per process.
// Tokenizer, Segmenter and Tagger are safe for concurrent use.
var models = sync.OnceValues(func() (*nlp, error) {
	seg, err := prosesegment.New()
	if err != nil {
		return nil, err
	}
	tg, err := tag.New()
	if err != nil {
		return nil, err
	}
	ht, err := newHashTagger(aptagmodel.English, tg)
	if err != nil {
		return nil, err
	}
	return &nlp{tok: tokenize.New(), seg: seg, tag: ht}, nil
})

type nlp struct {
	tok *tokenize.Tokenizer
	seg *prosesegment.Segmenter
	tag *hashTagger
}

// segment splits each kept paragraph into sentences and tagged tokens, with
// offsets into the original text. A closing quote that the segmenter left at
// the start of the next sentence is given back to the sentence it closes, and
// sentences inside a quotation that spans several sentences are marked InQuote.
func segment(d *docState) {
	m, err := models()
	if err != nil {
		panic("extract: load prose models: " + err.Error())
	}
	x := d.index()
	for pi, p := range d.Paras {
		var spans [][2]int
		for _, s := range m.seg.Segment(p.Text) {
			st, en := p.Start+s.Start, p.Start+s.End()
			// Move a leading closing quote back to the previous sentence.
			if len(spans) > 0 {
				for _, q := range []string{"”", "\"", "’", "'"} {
					if strings.HasPrefix(d.Doc.Text[st:en], q) && (q == "”" || oddQuotes(d.Doc.Text[spans[len(spans)-1][0]:spans[len(spans)-1][1]])) {
						spans[len(spans)-1][1] = st + len(q)
						st += len(q)
						st, en = trimSpan(d.Doc.Text, st, en)
						break
					}
				}
			}
			if st < en && len(spans) > 0 && nameGoesOn(x, d.Doc.Text[spans[len(spans)-1][0]:spans[len(spans)-1][1]], d.Doc.Text[st:en]) {
				spans[len(spans)-1][1] = en
				continue
			}
			for st < en {
				// "... to Bolt Dredging Co. Kestrel filed": a legal form's
				// stop that the segmenter took for an abbreviation's
				cut := legalFormEnd(x, d.Doc.Text[st:en])
				if cut < 0 {
					spans = append(spans, [2]int{st, en})
					break
				}
				spans = append(spans, [2]int{st, st + cut})
				st, en = trimSpan(d.Doc.Text, st+cut, en)
			}
		}
		open := false
		for _, sp := range spans {
			text := d.Doc.Text[sp[0]:sp[1]]
			toks := m.tok.Tokenize(text)
			m.tag.TagTokens(toks)
			s := sentence{Index: len(d.Sents), Para: pi, Start: sp[0], End: sp[1], Text: text, InQuote: open}
			s.Tokens = splitFinalStop(x, joinInitials(x, splitTokens(toks, sp[0])))
			retagPast(d.extractor().pv, s.Tokens)
			d.Sents = append(d.Sents, s)
			open = quoteOpenAfter(text, open)
		}
	}
}

// splitTokens converts prose tokens to ours, shifting offsets to the original
// text and splitting trailing closing brackets glued to a word ("MSFT)").
func splitTokens(toks []prosetoken.Token, base int) []token {
	out := make([]token, 0, len(toks))
	for _, t := range toks {
		txt := t.Text
		start := base + t.Start
		if len(txt) > 1 && (strings.HasSuffix(txt, ")") && !strings.Contains(txt, "(")) {
			out = append(out, token{Text: txt[:len(txt)-1], Tag: t.Tag, Start: start, End: start + len(txt) - 1})
			out = append(out, token{Text: ")", Tag: ")", Start: start + len(txt) - 1, End: start + len(txt)})
			continue
		}
		if len(txt) > 1 && strings.HasPrefix(txt, "(") && !strings.Contains(txt, ")") {
			out = append(out, token{Text: "(", Tag: "(", Start: start, End: start + 1})
			out = append(out, token{Text: txt[1:], Tag: t.Tag, Start: start + 1, End: start + len(txt)})
			continue
		}
		out = append(out, token{Text: txt, Tag: t.Tag, Start: start, End: start + len(txt)})
	}
	return out
}

// apostropheName reports whether a token is an apostrophe and a
// capitalized rest of a name ("'Malley" of "O'Malley").
func apostropheName(w string) bool {
	rest, ok := strings.CutPrefix(w, "'")
	if !ok {
		rest, ok = strings.CutPrefix(w, "’")
	}
	return ok && len(rest) >= 3 && isCapToken(rest) && !isAllCaps(rest)
}

// leadingInitial reports whether the capital at toks[i], its period
// after it, opens a name of two more proper nouns ("filed by R. Venkatesh
// Gowda", as Indian usage writes a name), or of one set off by commas: not
// a sentence's last letter ("World War I. The Allies"), which a determiner
// follows.
func leadingInitial(toks []token, i int) bool {
	if i+3 >= len(toks) || toks[i+2].Tag != "NNP" {
		return false
	}
	// "counsel, P. Raghunandan, asked": one proper noun set off by a comma
	return toks[i+3].Tag == "NNP" && isCapToken(toks[i+3].Text) || toks[i+3].Text == "," && i > 0 && toks[i-1].Text == ","
}

// joinInitials makes a middle initial one token with its period when the
// tokenizer split them ("Thomas R. Roe": R + . -> R.), so that the name
// stays one run of capitalized words, and splits a status prefix off a
// capitalized title ("Then-Director" -> "Then-" "Director"). Quotation
// marks, which the tagger tags as words, get the Penn tag for quotes.
func joinInitials(x *lexIndex, toks []token) []token {
	out := make([]token, 0, len(toks)+1)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.Text {
		case `"`, "“", "”":
			t.Tag = "''"
			if t.Text == "“" {
				t.Tag = "``"
			}
		}
		if pre, rest, ok := strings.Cut(t.Text, "-"); ok && x.prefix[strings.ToLower(pre)] && rest != "" && (isCapToken(rest) || x.titleFirst[strings.ToLower(rest)] || x.titleMods[strings.ToLower(rest)]) {
			// "Then-Director", "ex-CEO": the status prefix is a word of its
			// own, so the title reads as a title
			n := len(pre) + 1
			out = append(out, token{Text: t.Text[:n], Tag: "JJ", Start: t.Start, End: t.Start + n})
			tag := "NNP"
			if !isCapToken(rest) {
				tag = "NN"
			}
			t = token{Text: rest, Tag: tag, Start: t.Start + n, End: t.End}
		}
		if i+1 < len(toks) && len(t.Text) == 1 && t.Text[0] >= 'A' && t.Text[0] <= 'Z' && toks[i+1].Start == t.End && apostropheName(toks[i+1].Text) {
			// "O'Malley", which the tokenizer splits as it splits "I'm"
			t = token{Text: t.Text + toks[i+1].Text, Tag: "NNP", Start: t.Start, End: toks[i+1].End}
			i++
		}
		if i+2 < len(toks) && len(t.Text) > 1 && x.honorifics[t.Text+"."] && toks[i+1].Text == "." && toks[i+1].Start == t.End && isCapToken(toks[i+2].Text) {
			// "Atty. Jane Roe", "Adv. Jane Roe": an honorific's stop, which
			// the tokenizer split off, stays with it
			t = token{Text: t.Text + ".", Tag: "NNP", Start: t.Start, End: toks[i+1].End}
			i++
		}
		if i+2 < len(toks) && len(t.Text) == 1 && t.Text[0] >= 'A' && t.Text[0] <= 'Z' &&
			toks[i+1].Text == "." && toks[i+1].Start == t.End && isCapToken(toks[i+2].Text) && (i > 0 && isCapToken(toks[i-1].Text) || leadingInitial(toks, i)) {
			t = token{Text: t.Text + ".", Tag: "NNP", Start: t.Start, End: toks[i+1].End}
			i++
		}
		if i+1 < len(toks) && toks[i+1].Text == "." && toks[i+1].Start == t.End && strings.Contains(t.Text, ".") && x.heads[t.Text+"."].Legal {
			// "A.Ş.", whose last stop the tokenizer split off: a legal
			// form with inner stops keeps it
			t = token{Text: t.Text + ".", Tag: "NNP", Start: t.Start, End: toks[i+1].End}
			i++
		}
		if nicknameAt(toks, i+1) && (x.isFirstName(t.Text) || x.isFirstName(toks[i+2].Text)) {
			// Eduardo "Eddie" Buenaflor (a given name or a nickname that
			// is one; not Apple "Vision" Pro): the nickname goes inside the
			// given name's token, so that the name stays one run of
			// capitalized words (newPiece drops it from the name)
			t.End = toks[i+3].End
			i += 3
		}
		out = append(out, t)
	}
	return out
}

// legalFormEnd is where a sentence ends inside text after a legal form
// written with a stop ("Co.", "Ltd.": org_heads.txt legal=1) when a
// capitalized word that is no legal form, head or title follows it
// ("awarded to Bolt Dredging Co. Kestrel filed"; not "Acme Co. Ltd." nor
// "Acme Inc. Chief Executive Jane Roe"); -1 when none does.
func legalFormEnd(x *lexIndex, text string) int {
	for i := 0; i+2 < len(text); i++ {
		if text[i] != '.' || text[i+1] != ' ' {
			continue
		}
		w := text[strings.LastIndexAny(text[:i], " (\"“")+1 : i+1]
		if h, ok := x.heads[w]; !ok || !h.Legal {
			continue
		}
		next := strings.TrimLeft(text[i+1:], " ")
		nw, _, _ := strings.Cut(next, " ")
		nw = strings.TrimRight(nw, ",;:")
		if nw == "" || !isCapToken(nw) || strings.Contains(nw, ".") || isAllCaps(nw) {
			continue // "S.A. E.S.P.", "Ltd. (BWA)": letters that go with the name
		}
		if _, head := x.heads[nw]; head || x.titleFirst[strings.ToLower(nw)] || x.honorifics[nw] {
			continue
		}
		return i + 1
	}
	return -1
}

// nameGoesOn: the segmenter ended a sentence at "U.S." inside a name ("the
// 8th U.S. Circuit Court of Appeals", "U.S. District Judge Jane Roe"): the
// next sentence opens with an organization head word or a title.
//
// It also holds after an honorific ('"Mr. Roe had ...'): the segmenter may
// end a sentence at "Mr." when a quotation opens just before it.
func nameGoesOn(x *lexIndex, prev, next string) bool {
	last := prev[strings.LastIndexAny(prev, " \"“(")+1:]
	if x.honorifics[last] && strings.HasSuffix(prev, ".") && next != "" && isCapToken(next[:1]) {
		return true
	}
	// "Yesil Enerji A.Ş. challenged": a legal form's stop before a
	// lower-case word ends no sentence
	if r, _ := utf8.DecodeRuneInString(next); x.heads[last].Legal && strings.HasSuffix(prev, ".") && unicode.IsLower(r) {
		return true
	}
	if !strings.HasSuffix(prev, " U.S.") && !strings.HasSuffix(prev, " U.K.") {
		return false
	}
	w, _, _ := strings.Cut(next, " ")
	if _, ok := x.heads[w]; ok {
		return true
	}
	_, ok := x.titles[strings.ToLower(w)]
	return ok
}

func oddQuotes(s string) bool { return strings.Count(s, "\"")%2 == 1 }

// quoteOpenAfter tells whether a double quotation is still open at the end of
// s, given whether one was open at its start.
func quoteOpenAfter(s string, open bool) bool {
	for _, r := range s {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// splitFinalStop splits a sentence's full stop off its last word when the
// tokenizer left them together ("... at Acme School of Law."), unless the
// word is an abbreviation: a legal form ("Co."), an honorific or title
// ("Gen."), or one with inner periods ("U.S.").
func splitFinalStop(x *lexIndex, toks []token) []token {
	n := len(toks)
	if n == 0 {
		return toks
	}
	t := toks[n-1]
	w := strings.TrimSuffix(t.Text, ".")
	if len(w) < 2 || w == t.Text || strings.Contains(w, ".") || !isCapToken(w) {
		return toks
	}
	if _, ok := x.heads[t.Text]; ok || x.honorifics[t.Text] || t.Text == "Jr." || t.Text == "Sr." {
		return toks
	}
	if _, ok := x.titles[strings.ToLower(t.Text)]; ok {
		return toks
	}
	toks[n-1] = token{Text: w, Tag: t.Tag, Start: t.Start, End: t.End - 1}
	return append(toks, token{Text: ".", Tag: ".", Start: t.End - 1, End: t.End})
}

// pastForms are the forms in -ed of the event triggers' verbs' first words
// ("subpoenaed", "deposed").
func pastForms(ts *triggerSet) map[string]bool {
	out := map[string]bool{}
	for _, t := range ts.triggers {
		if t.Noun {
			continue
		}
		forms := t.first
		if len(t.words) > 0 {
			forms = t.words[0]
		}
		for _, f := range forms {
			if strings.HasSuffix(f, "ed") {
				out[f] = true
			}
		}
	}
	return out
}

// retagPast tags a verb VBD that the tagger took for a noun: a past form
// of an event trigger's verb (pastForms) between a name or noun and a
// name, determiner or pronoun ("Acme subpoenaed Roe", where the tagger
// does not know the word).
func retagPast(past map[string]bool, toks []token) {
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if !strings.HasPrefix(t.Tag, "NN") || !past[t.Text] {
			continue
		}
		prev, next := toks[i-1], toks[i+1]
		if !strings.HasPrefix(prev.Tag, "NN") && prev.Tag != "PRP" {
			continue
		}
		if next.Tag == "NNP" || next.Tag == "DT" || next.Tag == "PRP" || next.Tag == "PRP$" || isCapToken(next.Text) {
			t.Tag = "VBD"
		}
	}
}
