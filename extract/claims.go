package extract

import (
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/morph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// claimLex is the compiled reporting verb, stance and topic lexicons.
type claimLex struct {
	verbs    map[string]lexicon.Entry
	verbRe   *wordAlt
	cues     []cue
	negators map[string]bool
	// irrealis: the forms of the words that make what follows wanted,
	// owed or supposed, not asserted ("we wanted a fair panel", "tests
	// must be fair"): stance_cues.txt irrealis=1
	irrealis map[string]bool
	// notConduct: the words after a negation that make it no denial of
	// conduct (stance_cues.txt not_conduct=1): "has not been", "never
	// received", "had no choice"
	notConduct  map[string]bool
	topics      []topic
	parent      map[string]string  // topic -> broader topic
	opinion     map[string]float64 // word -> valence
	accusations []literal          // nouns naming an accusation ("the allegations")
	// biasCharges: the phrases that charge bias or a narrower topic
	// (topics.txt charges=: "a pretext", "rigged")
	biasCharges []literal
	// possessed: nouns that report their possessor's claim when "that"
	// follows ("its argument that", "Acme's allegation that"), by form
	possessed  map[string]lexicon.Entry
	procedural []literal // words of process, not of the parties ("does not comment")
	// "adding that ": the -ing forms of the continues=1 verbs, with "that"
	continuations []string
	model         *LinearModel // the learned stance (stance_model.txt), or nil
	biasModel     *LinearModel // the learned bias topic (bias_model.txt), or nil
	modelErr      error        // a model file that does not read: every document fails with it
}

type cue struct {
	lit    literal
	stance string
	// ownNegator: the cue opens with a negator ("no involvement", "never
	// met"), so a negator before it is its own or a coordinated one ("no
	// knowledge of and no involvement in"), not a second negation.
	ownNegator bool
	// rejection: the cue opens with a verb of denial ("reject ... the
	// suggestion"); what follows it is the charge being rejected.
	rejection bool
}

type topic struct {
	name, parent string
	cues         []literal
}

func phraseRe(p string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + strings.ReplaceAll(regexp.QuoteMeta(p), `'`, `['’]`) + `)(?:$|[^\p{L}\p{N}])`)
}

// compileClaimLex is buildClaimLex with the lexicon's own inflector.
func compileClaimLex(lex *lexicon.Lexicon) *claimLex {
	return buildClaimLex(lex, newInflector(lex))
}

// buildClaimLex compiles the reporting verbs (with their inflections, by
// in), the stance cues, the opinion words and the topics.
func buildClaimLex(lex *lexicon.Lexicon, in *morph.Inflector) *claimLex {
	cl := &claimLex{verbs: map[string]lexicon.Entry{}, negators: map[string]bool{}, irrealis: map[string]bool{}, notConduct: map[string]bool{}, parent: map[string]string{}, opinion: compileOpinion(lex), possessed: map[string]lexicon.Entry{}}
	if lex == nil {
		return cl
	}
	var serr, berr error
	cl.model, serr = compileLinear(lex, "stance_model", StanceClasses)
	cl.biasModel, berr = compileLinear(lex, "bias_model", BiasClasses)
	cl.modelErr = errors.Join(serr, berr)
	var verbs []string
	// An entry is written in base form and stands for its inflections; a
	// form listed on its own line keeps that line's attributes.
	for _, e := range lex.Entries("reporting_verbs") {
		if e.Attr("possessed") != "" {
			for _, f := range append(in.Noun(e.Phrase), strings.ToLower(e.Phrase)) {
				cl.possessed[f] = e
			}
		}
		if e.Attr("pos") == "noun" {
			continue // reports only after a possessor
		}
		if p := strings.ToLower(e.Phrase); e.Attr("bare") != "" || e.Attr("exact") != "" || e.Attr("noun") != "" {
			cl.verbs[p] = e
			verbs = append(verbs, p)
		}
	}
	for _, e := range lex.Entries("reporting_verbs") {
		if e.Attr("exact") != "" || e.Attr("pos") == "noun" {
			continue
		}
		forms := in.Verb(e.Phrase)
		if e.Attr("noun") != "" {
			forms = in.Noun(e.Phrase)
		}
		for _, f := range forms {
			if _, listed := cl.verbs[f]; !listed && f != e.Phrase {
				cl.verbs[f] = e
				verbs = append(verbs, f)
			}
		}
	}
	if len(verbs) > 0 {
		cl.verbRe = newWordAlt(verbs)
	}
	for _, e := range lex.Entries("reporting_verbs") {
		if e.Attr("continues") == "" {
			continue
		}
		for _, f := range in.Verb(e.Phrase) {
			if strings.HasSuffix(f, "ing") {
				cl.continuations = append(cl.continuations, f+" that ")
			}
		}
	}
	denial := map[string]bool{} // verbs of denial in base form and as listed
	for _, e := range lex.Entries("reporting_verbs") {
		if e.Attr("denial") != "" {
			denial[strings.ToLower(e.Phrase)] = true
		}
	}
	for _, e := range lex.Entries("stance_cues") {
		switch {
		case e.Attr("negate") != "":
			cl.negators[strings.ToLower(e.Phrase)] = true
		case e.Attr("irrealis") != "":
			cl.irrealis[strings.ToLower(e.Phrase)] = true // each form listed: "ensured" asserts
		case e.Attr("not_conduct") != "":
			cl.notConduct[strings.ToLower(e.Phrase)] = true // each form listed
		}
	}
	for _, e := range lex.Entries("stance_cues") {
		if e.Attr("negate") != "" || e.Attr("irrealis") != "" || e.Attr("not_conduct") != "" {
			continue
		}
		if e.Attr("accusation") != "" {
			cl.accusations = append(cl.accusations, inflectedLiteral(in, e.Phrase))
			continue
		}
		if e.Attr("procedural") != "" {
			cl.procedural = append(cl.procedural, inflectedLiteral(in, e.Phrase))
			continue
		}
		c := cue{lit: inflectedLiteral(in, e.Phrase), stance: e.Attr("stance")}
		if first, _, _ := strings.Cut(strings.ToLower(e.Phrase), " "); first != "" {
			c.ownNegator = cl.negators[first]
			c.rejection = c.stance == kg.Denies && denial[first]
		}
		cl.cues = append(cl.cues, c)
	}
	cl.compileTopics(lex)
	for _, c := range cl.biasCharges {
		// a charge of bias ("a foregone conclusion", "rigged") alleges as
		// a stance cue does
		cl.cues = append(cl.cues, cue{lit: c, stance: kg.Alleges})
	}
	return cl
}

// compileTopics compiles the topics with their cues, and the charges of
// bias and its narrower topics (biasCharges): the charges= phrases of
// each topic under "bias", which blame where its other cues may only
// name ("rigged", "a pretext"; not "steering" or "targeted").
func (cl *claimLex) compileTopics(lex *lexicon.Lexicon) {
	charges := map[string][]literal{}
	for _, e := range lex.Entries("topics") {
		t := topic{name: e.Phrase, parent: e.Attr("parent")}
		for _, c := range strings.Split(e.Attr("cues"), ",") {
			if c = strings.TrimSpace(c); c != "" {
				t.cues = append(t.cues, newLiteral(c))
			}
		}
		for _, c := range strings.Split(e.Attr("charges"), ",") {
			if c = strings.TrimSpace(c); c != "" {
				charges[t.name] = append(charges[t.name], newLiteral(c))
			}
		}
		if t.parent != "" {
			cl.parent[t.name] = t.parent
		}
		cl.topics = append(cl.topics, t)
	}
	for _, t := range cl.topics {
		seen := map[string]bool{}
		for n := t.name; n != "" && !seen[n]; n = cl.parent[n] {
			seen[n] = true
			if n == biasTopic {
				cl.biasCharges = append(cl.biasCharges, charges[t.name]...)
				break
			}
		}
	}
}

// stance weighs the cues of a claim's text: alleging cues against denying
// ones, a negated cue counting for the other side and a cue inside a
// longer one ("transparent" in "a transparent attempt") not counting; with
// no cue, the reporting verb's hint. A verb of denial ("denied that the
// award was improper") denies whatever words follow it.
func (cl *claimLex) stance(text, verb string) string {
	st, alleging := cl.cueStance(text, nil)
	return cl.withVerb(st, alleging, verb)
}

// withVerb is the stance of a claim whose cues give st (alleging: some cue
// alleges) and whose reporting verb is verb.
func (cl *claimLex) withVerb(st string, alleging bool, verb string) string {
	e, isVerb := cl.verbs[strings.ToLower(verb)]
	if isVerb && e.Attr("denial") != "" {
		return kg.Denies
	}
	if st == kg.Neutral && isVerb && !alleging {
		if h := e.Attr("stance"); h == kg.Alleges || h == kg.Denies {
			return h
		}
	}
	return st
}

// cueStance weighs the stance cues of text alone; alleging tells whether
// any counted cue alleges. ws, when not nil, is a set to fill with text's
// words (cleared first), so that a caller reuses one.
func (cl *claimLex) cueStance(text string, ws wordSet) (string, bool) {
	var hits []cueHit
	type spanStance struct {
		at     [2]int
		stance string
	}
	seen := map[spanStance]bool{} // two cues that find the same words count once
	lower := asciiLower(text)
	ws = ws.fill(lower)
	for i := range cl.cues {
		c := &cl.cues[i]
		if !c.lit.possible(ws) {
			continue
		}
		for _, loc := range c.lit.findAll(lower) {
			if k := (spanStance{loc, c.stance}); !seen[k] {
				seen[k] = true
				hits = append(hits, cueHit{loc, c})
			}
		}
	}
	rejFrom, rejTo := rejectedSpan(lower, hits, cl)
	score := map[string]int{}
	for i, h := range hits {
		if h.at[0] >= rejFrom && h.at[0] < rejTo || insideOther(hits, i) {
			continue
		}
		st := h.c.stance
		switch negated := !h.c.ownNegator && cl.negated(lower[:h.at[0]]); {
		case negated && st == kg.Alleges:
			st = kg.Denies
		case negated:
			st = kg.Alleges
		case st == kg.Denies && !h.c.ownNegator && !h.c.rejection && cl.wanted(lower[:h.at[0]]):
			continue // "we wanted a fair panel": a defence of nothing
		}
		score[st]++
	}
	switch {
	case score[kg.Alleges] > score[kg.Denies]:
		return kg.Alleges, true
	case score[kg.Denies] > score[kg.Alleges]:
		return kg.Denies, score[kg.Alleges] > 0
	}
	return kg.Neutral, score[kg.Alleges] > 0
}

// cueHit is one stance cue found in a claim's text.
type cueHit struct {
	at [2]int
	c  *cue
}

// insideOther reports whether hit i lies inside a longer hit ("transparent"
// in "a transparent attempt").
func insideOther(hits []cueHit, i int) bool {
	h := hits[i]
	for j, o := range hits {
		if j != i && o.at[0] <= h.at[0] && h.at[1] <= o.at[1] && o.at[1]-o.at[0] > h.at[1]-h.at[0] {
			return true
		}
	}
	return false
}

// rejectedSpan is the charge a claim rejects: from the end of its first
// rejection cue that nothing negates ("categorically rejects the
// suggestion that he sought to influence ...") to the end of that
// sentence. The cues inside it are the other side's words, not the
// speaker's. An empty span when there is none.
func rejectedSpan(lower string, hits []cueHit, cl *claimLex) (int, int) {
	from := len(lower)
	for _, h := range hits {
		if h.c.rejection && h.at[1] < from && !cl.negated(lower[:h.at[0]]) {
			from = h.at[1]
		}
	}
	to := len(lower)
	if end := strings.IndexAny(lower[from:], ".!?"); end >= 0 {
		to = from + end
	}
	return from, to
}

// negationWords is how many words before a cue a negator reaches: "never
// allowed a personal matter to influence".
const negationWords = 6

// irrealisWords is how many words before a cue an irrealis word reaches:
// "would have won a fair contest", "we want the review to be fair".
const irrealisWords = 5

// wanted reports whether one of the last words of its clause before a cue
// makes it wanted, owed or supposed rather than asserted.
func (cl *claimLex) wanted(before string) bool {
	ws := clauseTail(before, irrealisWords)
	for i, w := range ws {
		if cl.irrealis[w] || i+1 < len(ws) && cl.irrealis[w+" "+ws[i+1]] {
			return true
		}
	}
	return false
}

// clauseTail is the last n words of the clause that text ends in (after
// its last mark of punctuation).
func clauseTail(text string, n int) []string {
	if i := strings.LastIndexAny(text, ",;:.!?"); i >= 0 {
		text = text[i+1:]
	}
	ws := wordsIn(text)
	return ws[max(0, len(ws)-n):]
}

// negated reports whether one of the last words of its clause before a cue
// negates it.
func (cl *claimLex) negated(before string) bool {
	ws := clauseTail(before, negationWords)
	for i, w := range ws {
		w = strings.ReplaceAll(w, "’", "'")
		if cl.negators[w] || strings.HasSuffix(w, "n't") && cl.negators["n't"] {
			return true
		}
		if i+1 < len(ws) && cl.negators[w+" "+ws[i+1]] {
			return true
		}
	}
	return false
}

// topics returns the topics whose cues occur in text, with their ancestors.
func (cl *claimLex) topicsOf(text string) []string { return cl.topicsIn(text, nil) }

// topicsIn is topicsOf with a set to fill with text's words (see cueStance).
func (cl *claimLex) topicsIn(text string, ws wordSet) []string {
	lower := asciiLower(text)
	ws = ws.fill(lower)
	seen := map[string]bool{}
	var out []string
	for _, t := range cl.topics {
		for _, c := range t.cues {
			if c.possible(ws) && c.match(lower) {
				for n := t.name; n != "" && !seen[n]; n = cl.parent[n] {
					seen[n] = true
					out = append(out, n)
				}
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// quoteSeg is a direct quote within a paragraph: [Start,End) is its text
// without the marks; Open and Close are the offsets of the marks (Close is
// the paragraph end when the quote runs on).
type quoteSeg struct {
	Start, End  int
	Open, Close int
	Para        int
	Closed      bool
}

var quoteMarks = regexp.MustCompile(`[“”"]`)

// quotes finds the direct quotes of each paragraph. Straight quotes
// alternate; a quote left open runs to the end of its paragraph.
func (d *docState) quotes() []quoteSeg {
	var out []quoteSeg
	for pi, p := range d.Paras {
		open := -1
		for _, loc := range quoteMarks.FindAllStringIndex(p.Text, -1) {
			mark := p.Text[loc[0]:loc[1]]
			at := p.Start + loc[0]
			switch {
			case open < 0 && mark != "”":
				open = at
			case open >= 0 && mark != "“":
				ol := len(`"`)
				if strings.HasPrefix(d.Doc.Text[open:], "“") {
					ol = len("“")
				}
				out = append(out, quoteSeg{Start: open + ol, End: at, Open: open, Close: at + len(mark), Para: pi, Closed: true})
				open = -1
			case open >= 0 && mark == "“":
				open = at // a new opening: the earlier mark was stray
			}
		}
		if open >= 0 {
			ol := len(`"`)
			if strings.HasPrefix(d.Doc.Text[open:], "“") {
				ol = len("“")
			}
			out = append(out, quoteSeg{Start: open + ol, End: p.End, Open: open, Close: p.End, Para: pi})
		}
	}
	return out
}

// claimDraft is a claim before ids are assigned.
type claimDraft struct {
	claimant *entity
	kind     string
	verb     string
	texts    []string
	spans    [][2]int
	target   []*entity
	para     int
	clause   int    // for reported speech, where the attributing clause starts
	hint     string // stance when the words carry none: a complaint alleges
	rejects  bool   // an epithet for an accusation: `called the claims "reckless"` denies them
}

// findClaims finds direct quotes and indirect speech with their claimants,
// stances, topics and the entities they are about.
func findClaims(d *docState) {
	cl := d.claimLex()
	if cl.verbRe == nil {
		return
	}
	qs := d.quotes()
	used := map[int]bool{} // offsets of reporting verbs used by direct quotes
	var drafts []*claimDraft
	var last *claimDraft // the latest direct-quote claim, for run-on quotes
	for i, q := range qs {
		short := countWords(d.Doc.Text[q.Start:q.End]) < 3
		qs0, qe0 := d.trimSpan(q.Start, q.End)
		if qe0 <= qs0 {
			continue
		}
		who, verb, vat := d.attribution(cl, qs, i)
		if short {
			// a short quote is a claim only as a label an epithet verb
			// gives: 'called the suit "meritless"'
			if who == nil || vat > q.Open || cl.verbs[verb].Attr("epithet") == "" {
				continue
			}
			qs0 = d.wordEndAfter(vat)
		}
		if who == nil && d.runsOn(qs, i) {
			// A quote left open at the end of its paragraph goes on in the
			// next one, whose attribution speaks for both.
			who, verb, vat = d.attribution(cl, qs, i+1)
		}
		if who == nil {
			// a later quote of the same paragraph, or a paragraph that opens
			// with a quote right after a quoted paragraph, continues it;
			// a quote inside a later sentence of its own ("She said the
			// company was chosen after "a rigorous process."") does not
			if last != nil && (last.para == q.Para || last.para == q.Para-1 && q.Open == d.Paras[q.Para].Start) && d.continues(last, q) {
				last = d.goOn(last, q, qs0, qe0)
				if len(last.texts) == 1 {
					drafts = append(drafts, last)
				}
			}
			continue
		}
		used[vat] = true
		if last != nil && last.claimant == who && (last.para == q.Para || last.para == q.Para-1) && d.continues(last, q) {
			last = d.goOn(last, q, qs0, qe0)
			if len(last.texts) == 1 {
				drafts = append(drafts, last)
			}
			continue
		}
		last = &claimDraft{claimant: who, kind: kg.Quote, verb: verb, texts: []string{d.Doc.Text[qs0:qe0]}, spans: [][2]int{{qs0, qe0}}, para: q.Para}
		if vat < q.Open && cl.verbs[verb].Attr("epithet") != "" && d.epithetOfAllegation(vat, q.Open) {
			last.rejects = true
		}
		drafts = append(drafts, last)
	}
	drafts = append(drafts, d.indirect(cl, qs, used)...)
	d.Claims = append(d.Claims, d.claimsOf(cl, drafts)...)
}

// statementIssuer returns who issues a statement in sentence si ("X
// issued a statement", "X said in a statement"): the subject of the
// sentence's speech noun, or nil.
func (d *docState) statementIssuer(cl *claimLex, si int) *entity {
	if si < 0 {
		return nil
	}
	toks := d.Sents[si].Tokens
	for k, t := range toks {
		if e, ok := cl.verbs[strings.ToLower(t.Text)]; ok && e.Attr("noun") != "" {
			if k >= 1 && strings.EqualFold(toks[k-1].Text, "the") && k+1 < len(toks) {
				if v, ok := cl.verbs[strings.ToLower(toks[k+1].Text)]; ok && v.Attr("noun") == "" {
					continue // `"...," the statement said`: the echo, not the issuing
				}
			}
			inPP := k >= 2 && determiners[strings.ToLower(toks[k-1].Text)] && prepositions[strings.ToLower(toks[k-2].Text)] && (k == 2 || toks[k-3].Text == ",")
			if _, m := d.subjectOf(si, t.Start); m != nil && m.Entity != nil && !inPP {
				return m.Entity // "X issued a statement", not "In a statement, X said"
			}
			// "In a statement released by his lawyer, Jane Roe said":
			// the subject of the reporting verb after the noun
			for _, v := range toks[k+1:] {
				if e, ok := cl.verbs[strings.ToLower(v.Text)]; ok && e.Attr("noun") == "" {
					if _, m := d.subjectOf(si, v.Start); m != nil && m.Entity != nil {
						return m.Entity
					}
					break
				}
			}
		}
	}
	return nil
}

// issuerNamed resolves a speech noun standing for its speaker between
// [from,to) (`"...," the statement said`) to who issued it in this or one
// of the two sentences before.
func (d *docState) issuerNamed(cl *claimLex, from, to int) *entity {
	ws := d.wordsAfter(d.skipSpace(from), to, 2)
	if len(ws) != 2 || !determiners[ws[0].text] || cl.verbs[ws[1].text].Attr("noun") == "" {
		return nil
	}
	si := d.sentenceAt(from)
	for k := si; k >= 0 && k >= si-2; k-- {
		if who := d.statementIssuer(cl, k); who != nil {
			return who
		}
	}
	return nil
}

// goOn continues claim last with the quote q ([qs0,qe0) trimmed): within
// its paragraph the quote adds to the claim; in a new paragraph it is a
// claim of its own by the same speaker, so that each paragraph's words
// keep their own stance.
func (d *docState) goOn(last *claimDraft, q quoteSeg, qs0, qe0 int) *claimDraft {
	if last.para == q.Para {
		last.texts = append(last.texts, d.Doc.Text[qs0:qe0])
		last.spans = append(last.spans, [2]int{qs0, qe0})
		return last
	}
	return &claimDraft{claimant: last.claimant, kind: last.kind, verb: last.verb, texts: []string{d.Doc.Text[qs0:qe0]}, spans: [][2]int{{qs0, qe0}}, para: q.Para}
}

// runsOn reports whether quote i is left open at the end of its paragraph
// and the next paragraph opens with a quotation mark: the newswire way of
// quoting one speaker across paragraphs.
func (d *docState) runsOn(qs []quoteSeg, i int) bool {
	q := qs[i]
	if q.Closed || i+1 >= len(qs) || qs[i+1].Para != q.Para+1 {
		return false
	}
	return qs[i+1].Open == d.Paras[q.Para+1].Start
}

// wordEndAfter returns the offset just past the word starting at off and
// the spaces after it.
func (d *docState) wordEndAfter(off int) int {
	t := d.Doc.Text
	for off < len(t) && t[off] != ' ' {
		off++
	}
	for off < len(t) && t[off] == ' ' {
		off++
	}
	return off
}

// continues reports whether quote q may continue the claim last: it opens
// its sentence, or shares a sentence with last's latest quote (`"A," she
// said, "B."`).
func (d *docState) continues(last *claimDraft, q quoteSeg) bool {
	si := d.sentenceAt(q.Start)
	if si < 0 || d.sentenceAt(last.spans[len(last.spans)-1][0]) == si || d.Sents[si].Start >= q.Open {
		return true
	}
	return countWords(d.Doc.Text[d.Sents[si].Start:q.Open]) == 0
}

// inQuote reports whether off lies inside a direct quote.
func inQuote(qs []quoteSeg, off int) bool {
	for _, q := range qs {
		if q.Start <= off && off < q.End {
			return true
		}
	}
	return false
}

// attribution finds who said quote i: after it (`," said X` / `," X
// said`), before it (`X said: "`), or in a previous paragraph that ends
// with a colon (`X issued this statement:`). It returns the claimant, the
// reporting verb and the verb's offset.
func (d *docState) attribution(cl *claimLex, qs []quoteSeg, i int) (*entity, string, int) {
	q := qs[i]
	p := d.Paras[q.Para]
	if q.Closed {
		if who, verb, vs := d.attributionAfter(cl, qs, i); who != nil {
			return who, verb, vs
		}
	}
	if who, verb, vs := d.attributionBefore(cl, p, q); who != nil {
		return who, verb, vs
	}
	if who, verb, vs := d.epithetBefore(cl, p, q); who != nil {
		return who, verb, vs
	}
	if q.Open == p.Start && q.Para > 0 {
		return d.attributionAbove(cl, q)
	}
	return nil, "", -1
}

// attributionAfter reads the speaker after closed quote i, up to the next
// quote or the end of the paragraph: `," said X`, `," X said`, `," the
// statement said`.
func (d *docState) attributionAfter(cl *claimLex, qs []quoteSeg, i int) (*entity, string, int) {
	q := qs[i]
	end := d.Paras[q.Para].End
	if i+1 < len(qs) && qs[i+1].Para == q.Para {
		end = qs[i+1].Open
	}
	region := d.Doc.Text[q.Close:end]
	// `"...," Title Name said`: a quote closing on a comma leaves its
	// sentence open for the attribution, however long the speaker's
	// description; otherwise the verb comes within four words
	maxWords := 4
	if strings.HasSuffix(strings.TrimRight(d.Doc.Text[q.Start:q.End], " "), ",") {
		maxWords = 14
	}
	loc := cl.verbRe.FindStringIndex(region)
	if loc != nil && maxWords > 4 && countWords(region[:loc[0]]) <= appositiveReach && strings.HasSuffix(strings.TrimRight(region[:loc[0]], " "), ",") && d.opensSentence(q.Open) {
		// `"...," Jane Roe, a senior partner who has advised the firm on
		// its bids for a decade, said`: a description set off by commas
		// right before the verb may run longer after a quote that opens
		// its sentence
		maxWords = appositiveReach
	}
	if loc == nil || countWords(region[:loc[0]]) > maxWords || conjunctions[firstWord(region)] || !d.sameSentence(q.Close-1, q.Close+loc[0]) || strings.Contains(region[:loc[0]], ";") {
		return nil, "", -1
	}
	vs, ve := q.Close+loc[0], q.Close+loc[1]
	after := end
	if si := d.sentenceAt(ve); si >= 0 && d.Sents[si].End < after {
		after = d.Sents[si].End
	}
	if j := strings.IndexAny(d.Doc.Text[ve:after], ";"); j >= 0 {
		after = ve + j
	}
	if who := d.speaker(q.Close, vs); who != nil {
		return who, strings.ToLower(d.Doc.Text[vs:ve]), vs
	}
	if cl.verbs[strings.ToLower(d.Doc.Text[vs:ve])].Attr("noun") != "" {
		// `"...," the statement said. Roe added ...`: who issued the
		// statement, not the next name
		if who := d.issuerNamed(cl, q.Close, after); who != nil {
			return who, strings.ToLower(d.Doc.Text[vs:ve]), vs
		}
	}
	if who := d.speaker(ve, after); who != nil {
		return who, strings.ToLower(d.Doc.Text[vs:ve]), vs
	}
	if who := d.issuerNamed(cl, q.Close, after); who != nil {
		return who, strings.ToLower(d.Doc.Text[vs:ve]), vs // `"...," the statement said`
	}
	if who := d.proxyEcho(q.Close, vs); who != nil {
		return who, strings.ToLower(d.Doc.Text[vs:ve]), vs // `"...," the spokesperson said`
	}
	return nil, "", -1
}

// opensSentence reports whether the quotation mark at off opens its
// sentence: nothing but spaces stands before it in the sentence.
func (d *docState) opensSentence(off int) bool {
	si := d.sentenceAt(off)
	return si >= 0 && strings.TrimSpace(d.Doc.Text[d.Sents[si].Start:off]) == ""
}

// appositiveReach is how many words a speaker's name and its description
// set off by commas may run between a quote and its reporting verb.
const appositiveReach = 30

// proxyEcho resolves "the spokesperson" between [from,to) (`"...," the
// spokesperson said`) to the organization an earlier sentence of the
// paragraph or the one before named with the same noun ("An Acme
// spokesperson said ...", "a spokesperson for Acme said ..."): the same
// person speaking for it again. Nil when no such sentence names one, or
// two sentences name different ones.
func (d *docState) proxyEcho(from, to int) *entity {
	ws := d.wordsAfter(d.skipSpace(from), to, 2)
	x := d.index()
	if len(ws) != 2 || ws[0].text != "the" || !x.ev.proxy[ws[1].text] || !x.ev.spokes[ws[1].text] {
		return nil
	}
	si := d.sentenceAt(from)
	var found *entity
	for k := si - 1; k >= 0 && k >= si-3; k-- {
		if d.Sents[k].Para < d.Sents[si].Para-1 {
			break
		}
		for _, m := range d.mentionsIn(d.Sents[k].Start, d.Sents[k].End) {
			if m.Entity == nil || m.Entity.Type != kg.Organization {
				continue
			}
			after := d.wordsAfter(m.End, d.Sents[k].End, 1)
			before := strings.TrimRight(d.Doc.Text[d.Sents[k].Start:m.Start], " ")
			if len(after) == 1 && after[0].text == ws[1].text || strings.HasSuffix(asciiLower(before), ws[1].text+" for") || strings.HasSuffix(asciiLower(before), ws[1].text+" for the") {
				if found != nil && found != m.Entity {
					return nil
				}
				found = m.Entity
			}
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// attributionBefore reads the speaker before quote q in paragraph p: the
// sentence ends with a reporting verb and a colon or comma (`X said: "`).
func (d *docState) attributionBefore(cl *claimLex, p paragraph, q quoteSeg) (*entity, string, int) {
	before := strings.TrimRight(d.Doc.Text[p.Start:q.Open], " ")
	if b := strings.TrimRight(strings.TrimRight(before, ":,"), " "); b != "" && (len(b) < len(before) || cl.endsWithVerb(b)) {
		start := max(strings.LastIndexAny(b, ".!?”\"")+1, 0)
		if locs := cl.verbRe.FindAllStringIndex(b[start:], -1); len(locs) > 0 && (len(b) < len(before) || p.Start+start+locs[len(locs)-1][1] == p.Start+len(b)) {
			loc := locs[len(locs)-1]
			vs := p.Start + start + loc[0]
			if ws := d.wordsBefore(vs, p.Start+start, 1); len(ws) == 1 && possessiveWord(ws[0].text) {
				vs = -1 // "called the union's claims": a noun
			}
			if vs < 0 {
			} else if who := d.speakerBefore(vs, p.Start+start); who != nil {
				return who, strings.ToLower(d.Doc.Text[vs : p.Start+start+loc[1]]), vs
			}
		}
	}
	return nil, "", -1
}

// epithetBefore reads `X called the motion "a transparent attempt ..."`: a
// verb that names what something is, a few words before quote q.
func (d *docState) epithetBefore(cl *claimLex, p paragraph, q quoteSeg) (*entity, string, int) {
	b := strings.TrimRight(d.Doc.Text[p.Start:q.Open], " ")
	if b == "" {
		return nil, "", -1
	}
	start := max(strings.LastIndexAny(b, ".!?”\"")+1, 0)
	locs := cl.verbRe.FindAllStringIndex(b[start:], -1)
	for len(locs) > 0 {
		// "called the union's claims "false"": a possessed noun is no verb
		ws := d.wordsBefore(p.Start+start+locs[len(locs)-1][0], p.Start+start, 1)
		if len(ws) == 0 || !possessiveWord(ws[0].text) && !determiners[ws[0].text] {
			break
		}
		locs = locs[:len(locs)-1]
	}
	if len(locs) > 0 {
		loc := locs[len(locs)-1]
		verb := strings.ToLower(b[start+loc[0] : start+loc[1]])
		gap := b[start+loc[1]:]
		if cl.verbs[verb].Attr("epithet") != "" && !strings.ContainsAny(gap, ",;:") && countWords(gap) <= 6 {
			vs := p.Start + start + loc[0]
			if who := d.speakerBefore(vs, p.Start+start); who != nil {
				return who, verb, vs
			}
		}
	}
	return nil, "", -1
}

// attributionAbove reads the speaker of quote q, which opens its paragraph,
// from the paragraph before: one that issues a statement ("X issued a
// statement on Tuesday." + "\"...\"") or ends with a reporting verb and a
// colon (`X issued this statement:`).
func (d *docState) attributionAbove(cl *claimLex, q quoteSeg) (*entity, string, int) {
	if who := d.statementIssuer(cl, d.sentenceAt(d.Paras[q.Para-1].End-1)); who != nil {
		return who, "statement", d.Paras[q.Para-1].Start
	}
	pp := d.Paras[q.Para-1]
	t := strings.TrimRight(pp.Text, " ")
	if strings.HasSuffix(t, ":") {
		start := max(strings.LastIndexAny(t[:len(t)-1], ".!?")+1, 0)
		if loc := cl.verbRe.FindStringIndex(t[start:]); loc != nil {
			vs := pp.Start + start + loc[0]
			if who := d.speakerBefore(vs, pp.Start+start); who != nil {
				return who, strings.ToLower(d.Doc.Text[vs : pp.Start+start+loc[1]]), vs
			}
		}
	}
	return nil, "", -1
}

// conjunctions that, right after a quote, go on with the sentence's own
// subject (`had "rushed to judgment" and denied X`): no attribution follows.
var conjunctions = map[string]bool{"and": true, "or": true, "but": true, "nor": true}

// sameSentence reports whether offsets a and b lie in one sentence.
func (d *docState) sameSentence(a, b int) bool {
	sa := d.sentenceAt(a)
	return sa >= 0 && sa == d.sentenceAt(b)
}

// endsWithVerb reports whether text ends with a reporting verb.
func (cl *claimLex) endsWithVerb(text string) bool {
	locs := cl.verbRe.FindAllStringIndex(text, -1)
	return len(locs) > 0 && locs[len(locs)-1][1] == len(text)
}

// trimSpan narrows [start,end) past surrounding spaces and trailing commas.
func (d *docState) trimSpan(start, end int) (int, int) {
	for start < end && strings.ContainsRune(" \t\n", rune(d.Doc.Text[start])) {
		start++
	}
	for end > start && strings.ContainsRune(" \t\n,;", rune(d.Doc.Text[end-1])) {
		end--
	}
	return start, end
}

// speaker is the speaker named in [from, to) (`the AWS spokesperson`,
// `Jane Roe, the company's vice president`, `X's motion`, `he`).
func (d *docState) speaker(from, to int) *entity {
	if to <= from {
		return nil
	}
	si := d.sentenceAt(from)
	if si < 0 {
		si = d.sentenceAt(to - 1)
	}
	if si < 0 {
		return nil
	}
	s := d.Sents[si]
	// "a spokesperson for X"
	if m := d.proxyFor(from, to); m != nil {
		return m.Entity
	}
	for _, m := range d.mentionsIn(from, to) {
		if m.Entity == nil {
			continue
		}
		if d.possessive(m) && !d.proxy(s, m) {
			continue
		}
		if p := d.prepBefore(s, m.Start, from); p != "" {
			continue
		}
		return d.personAfter(m, to).Entity
	}
	for _, w := range d.wordsAfterAll(from, to) {
		if pm := d.pronoun(w, true); pm != nil && d.mentionAt(w.start) == nil {
			return pm.Entity
		}
	}
	return nil
}

// personAfter prefers a person named right after an organization that
// only qualifies them ("Acme CEO Dana Orlo", "Acme spokesperson Jane
// Doe").
func (d *docState) personAfter(m *mention, to int) *mention {
	if m.Entity.Type == kg.Person {
		return m
	}
	for _, n := range d.mentionsIn(m.End, to) {
		gap := d.Doc.Text[m.End:n.Start]
		if n.Entity != nil && n.Entity.Type == kg.Person && n.Kind != pronounMention && !strings.ContainsAny(gap, ",;:.()") && len(strings.Fields(gap)) <= 3 && !d.gapHasPreposition(m.End, n.Start) {
			return n
		}
		break
	}
	return m
}

// gapHasPreposition reports whether a preposition stands in [from, to):
// "X moved for his recusal" relates X to someone, it does not title them.
func (d *docState) gapHasPreposition(from, to int) bool {
	for _, w := range d.wordsAfter(from, to, 4) {
		if prepositions[w.text] {
			return true
		}
	}
	return false
}

// proxyFor finds "a spokesperson for (the) X" in [from, to) and returns X.
func (d *docState) proxyFor(from, to int) *mention {
	re := d.index().ev.speaksForRe
	if re == nil {
		return nil
	}
	for _, m := range d.mentionsIn(from, to) {
		if m.Entity != nil && re.MatchString(d.Doc.Text[from:m.Start]) {
			return m
		}
	}
	return nil
}

// speakerBefore is the speaker of a reporting verb at vs whose sentence
// starts at start: a proxy ("a spokesperson for X", "a document from X"),
// else the clause subject.
func (d *docState) speakerBefore(vs, start int) *entity {
	if m := d.proxyFor(start, vs); m != nil {
		return m.Entity
	}
	if e := d.filerOf(vs, start); e != nil {
		return e
	}
	if e := d.appositiveSubject(vs, start); e != nil {
		return e
	}
	if e := d.groupSpeaker(vs, start); e != nil {
		return e
	}
	if ws := d.wordsBefore(vs, start, 2); len(ws) == 2 && relatives[ws[1].text] && isLowerWord(d.Doc.Text[ws[0].start:ws[0].end]) &&
		!pronouns[ws[0].text] && !adverbish(ws[0].text) {
		// "the founder of X, who prosecutors say siphoned off ...": the
		// relative clause's own subject speaks, not the noun it is about;
		// none of the story's entities is named so
		return nil
	}
	si := d.sentenceAt(vs)
	if si < 0 {
		return nil
	}
	at := vs
	if fv := d.mainVerbBefore(si, vs); fv >= 0 {
		// a participle after a comma goes on from the main clause's
		// subject: "X sued the league, accusing it of ..." is X speaking
		at = fv
	}
	_, m := d.subjectOf(si, at)
	if m == nil || m.Entity == nil {
		if e := d.describedSubject(vs, start); e != nil {
			return e
		}
		return d.accordingTo(start, vs)
	}
	if m.Kind == pronounMention {
		if e := d.pronounSpeaker(m.Text, si, m.Start); e != nil {
			return e
		}
	}
	return d.personAfter(m, vs).Entity
}

// pronouns are the personal pronouns that may be a reporting verb's
// subject; adverbish reports the adverbs and auxiliaries that may stand
// between a relative and its verb ("who also said", "which has argued").
var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true}

func adverbish(w string) bool {
	switch w {
	case "also", "then", "later", "now", "has", "have", "had", "is", "was", "were", "are", "would", "will", "could",
		"can", "may", "might", "should", "must", "did", "does", "do", "not", "never", "once", "first", "since":
		return true
	}
	return strings.HasSuffix(w, "ly")
}

// subjectWords are the words right before a reporting verb that name its
// subject: adverbs ("also", "flatly") and a speaker for the subject
// ("lawyers", "office") skipped, nearest first.
// mainVerbBefore returns the offset of the nearest finite verb before the
// word at vs when that word is a participle set off by a comma, or -1.
func (d *docState) mainVerbBefore(si, vs int) int {
	s := d.Sents[si]
	for i, t := range s.Tokens {
		if t.Start != vs {
			continue
		}
		if t.Tag != "VBG" || i == 0 || s.Tokens[i-1].Text != "," {
			return -1
		}
		for j := i - 2; j >= 0; j-- {
			if f := s.Tokens[j]; f.Tag == "VBD" || f.Tag == "VBZ" || f.Tag == "VBP" {
				return f.Start
			}
		}
		return -1
	}
	return -1
}

func (d *docState) subjectWords(vs, start int) []word {
	ws := d.wordsBefore(vs, start, 5)
	for len(ws) > 0 && (ws[0].text == "also" || ws[0].text == "then" || ws[0].text == "later" || strings.HasSuffix(ws[0].text, "ly") && len(ws[0].text) > 4) {
		ws = ws[1:]
	}
	x := d.index()
	if len(ws) > 1 && (x.ev.counsel[ws[0].text] || x.ev.spokes[ws[0].text]) {
		ws = ws[1:]
		// "the regulator's determinations panel": a noun modifying the
		// spokes word goes with it
		if len(ws) > 2 && possessiveWord(ws[1].text) && !possessiveWord(ws[0].text) && !determiners[ws[0].text] {
			ws = ws[1:]
		}
	}
	return ws
}

// describedSubject resolves a subject the document names by description
// ("The commission argues", "the system's lawyers maintained", "The
// mayor's office denied"), or by a plural pronoun ("They also argued"),
// that no mention covers.
func (d *docState) describedSubject(vs, start int) *entity {
	if strings.HasSuffix(strings.TrimRight(d.Doc.Text[start:vs], " "), ",") && strings.HasSuffix(firstWord(d.Doc.Text[vs:]), "ing") {
		// a participle after a comma goes on from the clause's subject:
		// "The judge denied the motion, writing that ..."
		if ow := d.wordsAfter(d.skipSpace(start), vs, 3); len(ow) >= 2 && ow[0].text == "the" && d.mentionAt(ow[0].start) == nil {
			if e := d.described(ow[1].text, ow[0].start); e != nil && !possessiveWord(ow[1].text) {
				return e
			}
		}
		return nil
	}
	ws := d.subjectWords(vs, start)
	if len(ws) == 0 {
		return nil
	}
	if ws[0].text == "they" && (len(ws) == 1 || !wordRe.MatchString(ws[1].text)) { // "- They also argued"
		return d.pronounSpeaker("they", d.sentenceAt(vs), ws[0].start)
	}
	if len(ws) > 2 && ws[2].text == "the" && ws[1].text != "the" && !possessiveWord(ws[1].text) && wordRe.MatchString(ws[1].text) {
		// "the inspector general said": a description of two words
		if e := d.described(ws[0].text, ws[2].start); e != nil {
			return e
		}
	}
	if len(ws) < 2 || ws[1].text != "the" {
		return nil
	}
	noun := ws[0].text
	for _, suf := range []string{"'s", "’s"} {
		noun = strings.TrimSuffix(noun, suf)
	}
	if who := d.issuerNamed(d.claimLex(), ws[1].start, vs); who != nil {
		return who // "The statement said": who issued the statement
	}
	return d.described(noun, ws[1].start)
}

// described is the entity the document last named, before off, with the
// description noun (lower case): an organization whose name ends with it
// ("the commission": the Federal Trade Commission), one an appositive
// describes with it ("X, the 11-hospital system"), or a person titled with
// it ("the mayor": Mayor Jane Doe).
func (d *docState) described(noun string, off int) *entity {
	if len(noun) < 3 || determiners[noun] || prepositions[noun] {
		return nil
	}
	t := d.Doc.Text
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		m := d.Mentions[i]
		if m.Entity == nil || m.End > off || m.Kind == pronounMention {
			continue
		}
		if m.Entity.Type == kg.Person {
			if ws := d.wordsBefore(m.Start, max(0, m.Start-30), 1); len(ws) == 1 && ws[0].text == noun && t[ws[0].start] >= 'A' && t[ws[0].start] <= 'Z' {
				return m.Entity
			}
			continue
		}
		if ws := wordsIn(m.Text); len(ws) > 0 && strings.EqualFold(ws[len(ws)-1], noun) {
			return m.Entity
		}
		// "X, the 11-hospital system", "X, a Washington-based watchdog group"
		if rest := t[m.End:min(len(t), m.End+80)]; strings.HasPrefix(rest, ", ") {
			ws := d.wordsAfter(m.End+2, min(len(t), m.End+80), 6)
			if len(ws) > 1 && (ws[0].text == "the" || ws[0].text == "a" || ws[0].text == "an") {
				for _, w := range ws[1:] {
					if relatives[w.text] || prepositions[w.text] {
						break
					}
					if w.text == noun {
						return m.Entity
					}
				}
			}
		}
	}
	return nil
}

// pronounSpeaker resolves a subject pronoun (pr) of a reporting verb in
// sentence si to the speaker of the sentence before ("..., said Jane Doe.
// She added ...", "The company's lawyers maintained X. They also argued
// Y"), else that sentence's subject, when its type fits the pronoun;
// nil when neither does.
func (d *docState) pronounSpeaker(pr string, si, off int) *entity {
	fits := func(e *entity) bool {
		if e == nil {
			return false
		}
		switch low := strings.ToLower(pr); low {
		case "he", "she":
			return e.Type == kg.Person && d.agrees(e, low)
		case "it":
			return e.Type == kg.Organization
		}
		return true
	}
	// "X confirmed that it had received a complaint and said it was ...":
	// the pronoun of a clause reported in its own sentence is who reports it
	if e := d.reporterBefore(si, off); fits(e) {
		return e
	}
	if si <= 0 {
		return nil
	}
	// a pronoun inside its own sentence's earlier clause ("Calloway, he
	// added, ...") looks at the sentence before too
	p := d.Sents[si-1]
	if p.Para < d.Sents[si].Para-1 {
		return nil
	}
	cl := d.claimLex()
	if cl.verbRe != nil {
		for _, loc := range cl.verbRe.FindAllStringIndex(p.Text, -1) {
			vs := p.Start + loc[0]
			if d.mentionAt(vs) != nil || inQuoteText(d.Doc.Text, p.Start, vs) {
				continue
			}
			var e *entity
			if rest := strings.TrimLeft(d.Doc.Text[p.Start+loc[1]:p.End], " "); d.Doc.Text[max(p.Start, vs-2):vs] == ", " || strings.HasPrefix(d.Doc.Text[max(p.Start, vs-3):vs], "\" ") || strings.HasPrefix(d.Doc.Text[max(p.Start, vs-4):vs], "” ") {
				// `"...," said Jane Doe`, unless the sentence opens with
				// its subject: "Jane Doe, a lawyer for X, said ..."
				if m := d.mentionAt(d.skipSpace(p.Start)); m != nil && m.Entity != nil && fits(m.Entity) && strings.HasPrefix(d.Doc.Text[m.End:vs], ",") && !strings.ContainsAny(d.Doc.Text[p.Start:vs], "\"“”") {
					e = m.Entity
				} else {
					e = d.speaker(p.Start+loc[1], p.Start+loc[1]+len(rest))
				}
			}
			if c := strings.LastIndexByte(d.Doc.Text[p.Start:vs], ','); e == nil && c >= 0 && countWords(d.Doc.Text[p.Start+c+1:vs]) <= 3 && strings.HasPrefix(strings.TrimLeft(d.Doc.Text[p.Start+loc[1]:p.End], " "), ",") {
				// "Unlike X, he wrote, Y is ...": the subject set off with the verb
				e = d.speaker(p.Start+c+1, vs)
			}
			if e == nil {
				if _, m := d.subjectOf(si-1, vs); m != nil && m.Kind != pronounMention {
					e = m.Entity
				}
			}
			if e == nil {
				e = d.describedSubject(vs, p.Start)
			}
			if fits(e) {
				return e
			}
			break
		}
	}
	return nil
}

// reporterBefore is the named subject of the first reporting verb of
// sentence si before off whose clause "that" opens ("X confirmed that it
// had ..."), or nil.
func (d *docState) reporterBefore(si, off int) *entity {
	s := d.Sents[si]
	cl := d.claimLex()
	if cl.verbRe == nil || off <= s.Start {
		return nil
	}
	for _, loc := range cl.verbRe.FindAllStringIndex(d.Doc.Text[s.Start:off], -1) {
		vs := s.Start + loc[0]
		if d.mentionAt(vs) != nil || inQuoteText(d.Doc.Text, s.Start, vs) {
			continue
		}
		if ws := d.wordsAfter(s.Start+loc[1], off, 1); len(ws) != 1 || ws[0].text != "that" {
			return nil
		}
		if _, m := d.subjectOf(si, vs); m != nil && m.Kind == nameMention && m.Entity != nil {
			return m.Entity
		}
		return nil
	}
	return nil
}

// inQuoteText reports whether an odd number of quote marks lie in
// text[from:off].
func inQuoteText(text string, from, off int) bool {
	n := strings.Count(text[from:off], `"`) + strings.Count(text[from:off], "“") + strings.Count(text[from:off], "”")
	return n%2 == 1
}

// appositiveSubject is the subject of a sentence that opens with a name,
// a comma and a description up to a comma right before the verb at vs
// ("Halloran, 56, who co-founded the company in 2011, denied ..."): the
// description's own nouns are not the subject.
func (d *docState) appositiveSubject(vs, start int) *entity {
	if !strings.HasSuffix(strings.TrimRight(d.Doc.Text[start:vs], " "), ",") {
		return nil
	}
	ms := d.mentionsIn(start, vs)
	if len(ms) == 0 || ms[0].Entity == nil || ms[0].Start != d.skipHonorifics(start) || d.possessive(ms[0]) || !strings.HasPrefix(d.Doc.Text[ms[0].End:], ",") {
		return nil
	}
	return ms[0].Entity
}

// skipHonorifics returns the offset of the first word at or after off
// that is no honorific ("Dr.", "the Rt Rev") or space.
func (d *docState) skipHonorifics(off int) int {
	x := d.index()
	for {
		off = d.skipSpace(off)
		end := off
		for end < len(d.Doc.Text) && d.Doc.Text[end] != ' ' {
			end++
		}
		w := d.Doc.Text[off:end]
		if end == off || !(x.honorifics[w] || x.honorificQualifiers[w] || w == "the" && end+1 < len(d.Doc.Text) && unicode.IsUpper(rune(d.Doc.Text[end+1]))) {
			return off
		}
		off = end
	}
}

// accordingTo is X of a sentence that opens "According to X," whose
// reporting verb has no named subject ("According to X, investigators
// concluded that ...").
func (d *docState) accordingTo(start, vs int) *entity {
	s := d.skipSpace(start)
	if !strings.HasPrefix(strings.ToLower(d.Doc.Text[s:vs]), "according to ") {
		return nil
	}
	for _, m := range d.mentionsIn(s, vs) {
		if m.Entity != nil && strings.HasPrefix(d.Doc.Text[m.End:], ",") {
			return m.Entity
		}
		break
	}
	return nil
}

// groupSpeaker resolves a group named by a plural noun right before the
// verb at vs ("the farmers' lawyers argued", "the farmers' claims that"):
// the person the document names as the group's counsel ("The farmers'
// lead counsel, Jane Doe of ..."), else the group's first member it names
// ("X and other farmers").
func (d *docState) groupSpeaker(vs, start int) *entity {
	before := strings.TrimRight(d.Doc.Text[start:vs], " ")
	toks := strings.Fields(before)
	x := d.index()
	if n := len(toks); n > 0 && (x.ev.counsel[strings.ToLower(toks[n-1])] || x.ev.spokes[strings.ToLower(toks[n-1])]) {
		toks = toks[:n-1]
		before = strings.TrimRight(before[:len(before)-len(strings.Fields(before)[n-1])], " ")
		if n > 1 && strings.EqualFold(toks[n-2], "lead") {
			toks = toks[:n-2]
			before = strings.TrimRight(before[:len(before)-len("lead")], " ")
		}
	}
	if len(toks) < 2 {
		return nil
	}
	// "Amazon's claims", "Amazon's lawyers argued"
	for _, m := range d.mentionsIn(start, vs) {
		if m.Entity != nil && start+len(before) <= m.End+len("’s") && d.possessive(m) {
			return m.Entity
		}
	}
	g := strings.ToLower(toks[len(toks)-1])
	poss := false
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if h, ok := strings.CutSuffix(g, suf); ok {
			g, poss = h, true
			break
		}
	}
	if !poss && !strings.EqualFold(toks[len(toks)-2], "the") || !strings.HasSuffix(g, "s") || len(g) < 4 {
		return nil
	}
	return d.groupMember(g)
}

// groupMember is who the document names as speaking for, or belonging to,
// the group noun g (plural, lower case).
func (d *docState) groupMember(g string) *entity {
	x := d.index()
	lower := asciiLower(d.Doc.Text)
	for _, m := range d.Mentions {
		if m.Entity == nil || m.Entity.Type != kg.Person {
			continue
		}
		// "the farmers' lead counsel, Jane Doe"
		before := strings.TrimRight(lower[max(0, m.Start-60):m.Start], " ")
		before, ok := strings.CutSuffix(before, ",")
		if !ok {
			continue
		}
		ws := strings.Fields(before)
		if len(ws) >= 2 && x.ev.counsel[ws[len(ws)-1]] {
			for k := len(ws) - 2; k >= 0 && k >= len(ws)-3; k-- {
				if strings.TrimRight(ws[k], "'’") == g && ws[k] != g || ws[k] == g+"'s" || ws[k] == g+"’s" {
					return m.Entity
				}
			}
		}
	}
	for _, m := range d.Mentions {
		// "Harrow Creek Farms and other farmers"
		if m.Entity != nil && strings.HasPrefix(lower[m.End:], " and other "+g) {
			return m.Entity
		}
	}
	return nil
}

// filerOf is the speaker of a filing that speaks right before a reporting
// verb at vs ("The motion argued", "a lawsuit accusing X", "the complaint
// also alleged"): the agent of the document's latest event of the filing's
// type stated before vs; nil when there is none.
func (d *docState) filerOf(vs, start int) *entity {
	ts := d.triggers()
	ws := d.wordsBefore(vs, start, 2)
	if len(ws) > 0 && (ws[0].text == "also" || strings.HasSuffix(ws[0].text, "ly")) {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		// "The lawsuit, filed in 2023 by X and others, alleges": the
		// document's filer is named in its description
		if e := d.filedBy(vs, start); e != nil {
			return e
		}
		// "The suit, filed last month in the High Court, claims": the
		// filer of the story's filing of that kind
		w := d.wordsAfter(d.skipSpace(start), vs, 2)
		if len(w) < 2 || !determiners[w[0].text] || ts.document[w[1].text] == "" || !strings.HasPrefix(d.Doc.Text[w[1].end:], ",") {
			return nil
		}
		ws = w[1:]
	}
	typ := ts.document[ws[0].text]
	if typ == "" {
		x := d.index()
		typ = x.ev.filer[ws[0].text]
	}
	if typ == "" {
		return nil
	}
	var best *entity
	bestAt := -1
	for _, ev := range d.Events {
		if !inList(typ, ev.Type) || len(ev.Sources) == 0 {
			continue
		}
		at := -1
		for _, src := range ev.Sources {
			if src.Start < vs && src.Start > at {
				at = src.Start
			}
		}
		if at < 0 || at <= bestAt {
			continue
		}
		for _, p := range ev.Participants {
			if p.As == asAgent && p.Entity != "" {
				if e := d.entityByID(p.Entity); e != nil {
					best, bestAt = e, at
					break
				}
			}
		}
	}
	if best == nil {
		best = d.filingBy(typ, vs)
	}
	return best
}

// filingBy is X of the last "<filing of type typ> by X" before vs ("a
// protest by X"), for a filing that no event states.
func (d *docState) filingBy(typ string, vs int) *entity {
	ts := d.triggers()
	var best *entity
	for _, m := range d.Mentions {
		if m.Start >= vs {
			break
		}
		if m.Entity == nil {
			continue
		}
		ws := d.wordsBefore(m.Start, max(0, m.Start-40), 2)
		if len(ws) == 2 && ws[0].text == "by" && ts.document[ws[1].text] == typ {
			best = m.Entity
		}
	}
	return best
}

// filedBy is X of a sentence opening "The <filing>, filed/brought ... by
// X ..., <verb at vs>".
func (d *docState) filedBy(vs, start int) *entity {
	ts := d.triggers()
	if !strings.HasSuffix(strings.TrimRight(d.Doc.Text[start:vs], " "), ",") {
		return nil
	}
	ws := d.wordsAfter(d.skipSpace(start), vs, 3)
	if m := d.mentionAt(d.skipSpace(start)); m != nil && m.Entity != nil && d.possessive(m) {
		// "Acme's first protest, filed in May, argued": the possessor
		// filed it
		for _, w := range d.wordsAfter(m.End, vs, 3) {
			if ts.document[w.text] != "" && strings.HasPrefix(d.Doc.Text[w.end:], ",") {
				return m.Entity
			}
		}
		return nil
	}
	if len(ws) < 2 || !determiners[ws[0].text] || ts.document[ws[1].text] == "" || !strings.HasPrefix(d.Doc.Text[ws[1].end:], ",") {
		return nil
	}
	for _, m := range d.mentionsIn(ws[1].end, vs) {
		if m.Entity != nil && byAgent(d.Doc.Text[ws[1].end:m.Start]) {
			return m.Entity
		}
	}
	return nil
}

// byAgent reports whether gap, the text before a name, ends in "by" and
// then at most a capitalized title ("by Attorney General", "by Sen.").
func byAgent(gap string) bool {
	i := strings.LastIndex(strings.ToLower(gap), " by ")
	if i < 0 {
		return strings.HasSuffix(strings.ToLower(strings.TrimRight(gap, " ")), " by")
	}
	title := strings.Fields(gap[i+4:])
	if len(title) > 4 {
		return false
	}
	for _, w := range title {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// entityByID returns the document entity with id, or nil.
func (d *docState) entityByID(id string) *entity {
	for _, e := range d.Entities {
		if e.ID == id {
			return e
		}
	}
	return nil
}

// indirect finds reported speech: a reporting verb outside quotes whose
// subject is an entity, followed by what was said ("X claims the deal was
// marred by ...", "a document from X alleging a conspiracy").
func (d *docState) indirect(cl *claimLex, qs []quoteSeg, used map[int]bool) []*claimDraft {
	var out []*claimDraft
	for si, s := range d.Sents {
		if c := d.accordingToClaim(cl, s); c != nil {
			out = append(out, c)
		} else if c := d.accordingToAfter(cl, s); c != nil {
			out = append(out, c)
		}
		for k, t := range s.Tokens {
			if e, ok := cl.possessed[strings.ToLower(t.Text)]; ok && !inQuote(qs, t.Start) {
				if c := d.possessedClaim(cl, si, k, e); c != nil {
					out = append(out, c)
				}
			}
		}
		for _, loc := range cl.verbRe.FindAllStringIndex(s.Text, -1) {
			out = append(out, d.indirectAt(cl, qs, used, s, loc)...)
		}
	}
	return out
}

// indirectAt reads the reported speech of the reporting verb at
// s.Text[loc[0]:loc[1]]: the verb must report (reportingUse), the clause it
// reports starts after any listener or "that" (reportedStart) and runs to
// the next verb or the sentence's end (reportedEnd), and its subject is the
// claimant.
func (d *docState) indirectAt(cl *claimLex, qs []quoteSeg, used map[int]bool, s sentence, loc []int) []*claimDraft {
	vs, ve := s.Start+loc[0], s.Start+loc[1]
	verb := strings.ToLower(s.Text[loc[0]:loc[1]])
	rv := &reportVerb{s: s, vs: vs, ve: ve, e: cl.verbs[verb], prev: d.wordsBefore(vs, s.Start, 1)}
	prev := rv.prev
	if !d.reportingUse(qs, used, rv) {
		return nil
	}
	if ts := d.trailing(s, vs, ve, verb); ts != nil {
		return ts
	}
	rest := strings.TrimLeft(d.Doc.Text[ve:s.End], " ")
	if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, `"`) {
		return nil // a direct quote's attribution
	}
	from := d.reportedStart(rv)
	afterThat := false // "said that as many as ...": the clause may open with any word
	if ws := d.wordsBefore(from, s.Start, 1); len(ws) == 1 && ws[0].text == "that" && ws[0].start > ve {
		afterThat = true
	}
	if w := firstWord(d.Doc.Text[from:s.End]); !afterThat && (prepositions[w] || w == "to") {
		return nil // "complained about X", "a statement to CNN": no reported clause
	}
	if len(prev) == 1 && prev[0].text == "to" {
		return nil // "to argue that": not yet said
	}
	if len(prev) == 1 && (prev[0].text == "not" || prev[0].text == "never" || strings.HasSuffix(strings.ReplaceAll(prev[0].text, "’", "'"), "n't")) {
		return nil // "did not say what it was", "never said": nothing said
	}
	end, ok := d.reportedEnd(cl, rv, from)
	if !ok {
		return nil
	}
	who := d.speakerBefore(vs, s.Start)
	if who == nil {
		return nil
	}
	// "called the lawsuit a sham": an epithet for an accusation rebuts it
	rejects := rv.e.Attr("epithet") != "" && d.epithetOfAllegation(ve, end)
	return []*claimDraft{{claimant: who, kind: kg.Paraphrase, verb: verb, texts: []string{d.Doc.Text[from:end]}, spans: [][2]int{{from, end}}, para: s.Para, clause: d.clauseStart(s, vs), hint: d.filingHint(vs, s.Start), rejects: rejects}}
}

// possessedClaim reads the claim of a possessor that the noun at token k
// of sentence si reports when "that" follows it, a dash between or not
// ("its main argument — that the scoring was biased", "Acme's
// allegation that the tender was rigged"): the possessor claims the
// clause, whoever else speaks in the sentence.
func (d *docState) possessedClaim(cl *claimLex, si, k int, e lexicon.Entry) *claimDraft {
	s := d.Sents[si]
	t := s.Tokens[k]
	if !isNounish(t) {
		return nil // "the shareholders claim that": a verb
	}
	j := k + 1
	if j < len(s.Tokens) && (s.Tokens[j].Text == "—" || s.Tokens[j].Text == "–") {
		j++
	}
	if j >= len(s.Tokens) || !strings.EqualFold(s.Tokens[j].Text, "that") {
		return nil
	}
	m := d.possessorBefore(si, t.Start)
	if m == nil || !d.possessive(m) {
		m = d.itsBefore(si, t.Start, nil, false)
	}
	if m == nil || m.Entity == nil || !adjectivesOnly(s.Tokens, m.End, t.Start) {
		return nil
	}
	from := d.skipSpace(s.Tokens[j].End)
	end, ok := d.reportedEnd(cl, &reportVerb{s: s, vs: t.Start, ve: t.End, e: e}, from)
	if !ok {
		return nil
	}
	return &claimDraft{claimant: m.Entity, kind: kg.Paraphrase, verb: strings.ToLower(t.Text), texts: []string{d.Doc.Text[from:end]}, spans: [][2]int{{from, end}}, para: s.Para, clause: m.Start, hint: e.Attr("stance")}
}

// adjectivesOnly reports whether the tokens between a possessor ending
// at from and its noun starting at to are at most two adjectives ("its
// central argument"; not "its executives on charges", nor "Acme's
// shareholders claim", whose noun is the possessor's).
func adjectivesOnly(toks []token, from, to int) bool {
	n := 0
	for _, t := range toks {
		if t.Start < from || t.End > to || t.Text == "'s" || t.Text == "’s" || t.Text == "'" || t.Text == "’" {
			continue
		}
		if n++; n > 2 || !isAdjective(t) {
			return false
		}
	}
	return true
}

// reportVerb is a reporting verb found in a sentence: s.Text's [vs,ve)
// (document offsets), its lexicon entry and the word before it.
type reportVerb struct {
	s      sentence
	vs, ve int
	e      lexicon.Entry
	prev   []word
}

// reportingUse reports whether the verb rv reports speech: not part of a
// name, a quote or an attribution already used, not a noun or an adjective
// ("said in a statement", "the claims", "is alleged"), followed by "that"
// when the verb needs it, and not a denial of someone something.
func (d *docState) reportingUse(qs []quoteSeg, used map[int]bool, rv *reportVerb) bool {
	s, vs, ve, e, prev := rv.s, rv.vs, rv.ve, rv.e, rv.prev
	if vs > s.Start && d.Doc.Text[vs] >= 'A' && d.Doc.Text[vs] <= 'Z' {
		return false // part of a name: "the Court of Federal Claims"
	}
	if used[vs] || inQuote(qs, vs) || d.mentionAt(vs) != nil {
		return false
	}
	if e.Attr("noun") != "" {
		skip := false
		for _, w := range d.wordsBefore(vs, s.Start, 3) {
			skip = skip || prepositions[w.text]
		}
		if skip {
			return false // "said in a statement": the verb reports, not the noun
		}
	}
	if e.Attr("noun") == "" && len(prev) == 1 && (determiners[prev[0].text] || beForms[prev[0].text] && e.Attr("adjective") == "" || possessiveWord(prev[0].text)) {
		return false // a noun or an adjective: "the claims", "is alleged"
	}
	if len(prev) == 1 && d.claimLex().verbs[prev[0].text].Attr("denial") != "" {
		return false // the object of a denial: "rejected claims that ..."
	}
	if e.Attr("that") != "" && !d.thatFollows(ve, s.End) {
		return false // "found a buyer": "found" reports only "found (in May) that ..."
	}
	if objs := e.Attr("objects"); objs != "" && !d.objectIn(ve, s.End, objs) {
		return false // "dismissed the case", "dismissed Jane Roe": no charge dismissed
	}
	if e.Attr("denial") != "" && (d.deniedSomeone(ve, s.End) || d.deniedFiling(ve, s.End)) {
		return false // "denied Halloran a fair chance": withheld, not disputed
	}
	if d.conditionalBefore(s, vs) {
		return false // "if the review finds that ...": supposed, not said
	}
	return true
}

// objectIn reports whether one of the nouns objs (comma-separated, base
// forms) is among the first words after off, before "that" or the end of
// the noun phrase ("dismissed the allegations", "dismissed as baseless
// the suggestion that").
func (d *docState) objectIn(off, end int, objs string) bool {
	for _, w := range d.wordsAfter(off, end, objectReach) {
		for _, o := range strings.Split(objs, ",") {
			if w.text == o || w.text == o+"s" {
				return true
			}
		}
		if w.text == "that" {
			return false
		}
	}
	return false
}

// objectReach is how many words after a verb its object noun may stand.
const objectReach = 5

// conditionalBefore reports whether "if" or "unless" opens the clause of a
// reporting verb at vs, a few words before it ("If the audit finds
// that X, the city may have to start again").
func (d *docState) conditionalBefore(s sentence, vs int) bool {
	ws := d.wordsAfterAll(d.clauseStartAt(s, vs), vs)
	for _, w := range ws[max(0, len(ws)-conditionReach):] {
		if w.text == "if" || w.text == "unless" {
			return true
		}
	}
	return false
}

// conditionReach is how many words before a reporting verb "if" may stand
// to make it supposed: its subject's ("if the audit finds").
const conditionReach = 5

// clauseStartAt is where the clause holding off starts: after the last
// comma, semicolon, colon or dash before it, else the sentence's start.
func (d *docState) clauseStartAt(s sentence, off int) int {
	if i := strings.LastIndexAny(d.Doc.Text[s.Start:off], ",;:—–"); i >= 0 {
		_, size := utf8.DecodeRuneInString(d.Doc.Text[s.Start+i:])
		return s.Start + i + size
	}
	return s.Start
}

// reportedStart is where the clause the reporting verb rv reports starts:
// after a listener ("told CNN that"), "in a statement ... that", a
// prepositional phrase and "that" ("said in a 14-page order that"), or a
// bare "that".
func (d *docState) reportedStart(rv *reportVerb) int {
	s, ve, e := rv.s, rv.ve, rv.e
	from := d.skipSpace(ve)
	if e.Attr("object") != "" {
		// "told CNN that ...", "told reporters that ...": skip the listener
		skipped := false
		for _, m := range d.mentionsIn(from, s.End) {
			if m.Start <= d.skipSpace(from) {
				from = d.skipSpace(d.skipParen(m.End, s.End))
				skipped = true
			}
			break
		}
		if !skipped {
			// "told Law360 the ruling was wrong": a listener the story
			// names nowhere else, capitalized words before the clause
			ws := d.wordsAfter(from, s.End, 4)
			k := 0
			for k < len(ws) && k < 3 && !isLowerWord(d.Doc.Text[ws[k].start:ws[k].end]) && ws[k].text != "i" {
				k++
			}
			if k > 0 && k < len(ws) && isLowerWord(d.Doc.Text[ws[k].start:ws[k].end]) && ws[k].text != "and" {
				from = ws[k].start
			}
		}
		for i, w := range d.wordsAfter(from, s.End, 4) {
			if w.text == "that" && i > 0 {
				from = d.skipSpace(w.end)
				break
			}
		}
	}
	if from > s.End {
		from = s.End // skipSpace may step past a sentence that ends in spaces
	}
	if rest := strings.ToLower(d.Doc.Text[from:s.End]); strings.HasPrefix(rest, "in a statement") {
		// "said in a statement (announcing X) that ..."
		for i, w := range d.wordsAfter(from, s.End, 12) {
			if w.text == "that" && i > 2 {
				from = d.skipSpace(w.end)
				break
			}
		}
	} else if w := firstWord(rest); prepositions[w] && w != "to" {
		// "said in a 14-page order that ...", "wrote on Tuesday that ...",
		// "said in a stock exchange filing on Thursday evening that ..."
		for i, w := range d.wordsAfter(from, s.End, 12) {
			if w.text == "that" && i > 1 {
				from = d.skipSpace(w.end)
				break
			}
		}
	} else if strings.HasPrefix(rest, "that ") {
		from += len("that ")
	}
	return from
}

// reportedEnd is where a reported clause starting at from ends: before a
// coordinated verb ("said X and called the motion Y") or at the sentence's
// end, less punctuation. It is false when the clause is too short or an
// epithet verb reports a quote or a judgment rather than a clause.
func (d *docState) reportedEnd(cl *claimLex, rv *reportVerb, from int) (int, bool) {
	s, e := rv.s, rv.e
	end := s.End
	if at := cl.coordinatedVerb(d.Doc.Text[from:s.End], strings.ToLower(d.Doc.Text[rv.vs:rv.ve])); at >= 0 {
		end = from + at // "said X and called the motion Y": Y is the next verb's
	}
	for end > from && strings.ContainsAny(d.Doc.Text[end-1:end], ".!? ,") {
		end--
	}
	minWords := 2
	if e.Attr("denial") != "" {
		minWords = 1 // "X denied wrongdoing"
	}
	if end <= from || countWords(d.Doc.Text[from:end]) < minWords {
		return 0, false
	}
	if e.Attr("epithet") != "" && (strings.ContainsAny(d.Doc.Text[from:end], `"“`) || cl.stance(d.Doc.Text[from:end], "") == kg.Neutral) {
		// an epithet verb reports a quote (`called it "a sham"`) or a
		// judgment the words carry ("called the allegations baseless"),
		// not a clause: "called for a vote", "called him"
		return 0, false
	}
	return end, true
}

// filingHint is kg.Alleges when the reporting verb at vs has a filing that
// alleges for its subject ("The complaint says", "the lawsuit also
// states"), else "".
func (d *docState) filingHint(vs, start int) string {
	ts := d.triggers()
	// "The lawsuit, filed in May by X, Y and Z, says": the filing that
	// opens the sentence, before an appositive set off by commas
	if si := d.sentenceAt(vs); si >= 0 {
		ss := d.Sents[si].Start
		if t := strings.TrimRight(d.Doc.Text[ss:vs], " "); strings.HasSuffix(t, ",") {
			if open := strings.Index(t, ","); open >= 0 && open < len(t)-1 {
				vs, start = ss+open, ss
			}
		}
	}
	ws := d.wordsBefore(vs, start, 2)
	if len(ws) > 0 && (ws[0].text == "also" || strings.HasSuffix(ws[0].text, "ly")) {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return ""
	}
	x := d.index()
	if ts.alleging[ts.document[ws[0].text]] || ts.alleging[x.ev.filer[ws[0].text]] {
		return kg.Alleges
	}
	return ""
}

// accordingToClaim is the claim of a sentence that opens "According to X,"
// and has no reporting verb of its own: X says the rest of the sentence
// ("According to the complaint, managers were told to ..." is the filer
// alleging it). A description of X after its comma ("According to X, a
// professor who ..., the vote was ...") is not what X said.
func (d *docState) accordingToClaim(cl *claimLex, s sentence) *claimDraft {
	const lead = "according to "
	st := d.skipSpace(s.Start)
	if st+len(lead) >= s.End || !strings.EqualFold(d.Doc.Text[st:st+len(lead)], lead) {
		return nil
	}
	comma := strings.IndexByte(d.Doc.Text[st:s.End], ',')
	if comma < 0 {
		return nil
	}
	comma += st
	for _, loc := range cl.verbRe.FindAllStringIndex(d.Doc.Text[comma:s.End], -1) {
		prev := d.wordsBefore(comma+loc[0], comma, 1)
		if len(prev) == 0 || !determiners[prev[0].text] && !beForms[prev[0].text] {
			if d.speakerBefore(comma+loc[0], s.Start) != nil {
				return nil // "According to X, investigators concluded that": the verb's claim
			}
			break // "According to X, the firm's staff told clinicians that": X's claim
		}
	}
	var who *entity
	hint := ""
	ms := d.mentionsIn(st+len(lead), comma)
	if len(ms) > 0 && ms[0].Entity != nil {
		who = ms[0].Entity
	} else {
		ws := d.wordsBefore(comma, st+len(lead), 2)
		if len(ws) >= 1 {
			who = d.filerOf(ws[0].end, st+len(lead))
			hint = d.filingHint(ws[0].end, st+len(lead))
		}
		if who == nil && len(ws) == 2 && determiners[ws[1].text] {
			who = d.described(ws[0].text, st) // "According to the commission"
		}
	}
	if who == nil {
		return nil
	}
	from := d.skipSpace(comma + 1)
	if who.Type == kg.Person {
		// skip an appositive: ", a professor who chairs the senate,"
		if w := firstWord(d.Doc.Text[from:s.End]); w == "a" || w == "an" || w == "the" {
			if next := strings.IndexByte(d.Doc.Text[from:s.End], ','); next >= 0 {
				from = d.skipSpace(from + next + 1)
			}
		}
	}
	end := s.End
	for end > from && strings.ContainsAny(d.Doc.Text[end-1:end], ".!? ,") {
		end--
	}
	if end <= from || countWords(d.Doc.Text[from:end]) < 3 {
		return nil
	}
	return &claimDraft{claimant: who, kind: kg.Paraphrase, verb: "according to", texts: []string{d.Doc.Text[from:end]}, spans: [][2]int{{from, end}}, para: s.Para, clause: st, hint: hint}
}

// accordingToAfter is the claim of a sentence that ends ", according to
// X" and has no reporting verb of its own: X says what comes before
// (`Roe "acted in good faith at every turn," according to his attorney,
// Jane Poe.`). X is the first name after "according to" that no
// possessive stands for, or the filer of a filing ("according to the
// complaint").
func (d *docState) accordingToAfter(cl *claimLex, s sentence) *claimDraft {
	const lead = "according to "
	text := d.Doc.Text[s.Start:s.End]
	i := strings.LastIndex(asciiLower(text), lead)
	if i < 1 {
		return nil
	}
	before := strings.TrimRight(text[:i], " \"”’")
	if !strings.HasSuffix(before, ",") {
		return nil
	}
	comma, from := s.Start+len(before)-1, s.Start+i+len(lead)
	if countWords(d.Doc.Text[from:s.End]) > 14 || strings.ContainsAny(d.Doc.Text[from:s.End], "\"“”") {
		return nil
	}
	if cl.verbRe.FindStringIndex(d.Doc.Text[s.Start:comma]) != nil {
		return nil // "a book says that X, according to Z": the verb's claim
	}
	var who *entity
	for _, m := range d.mentionsIn(from, s.End) {
		if m.Entity != nil && m.Kind == nameMention && !d.possessive(m) {
			who = m.Entity
			break
		}
	}
	hint := ""
	if who == nil {
		end := s.End
		for end > from && strings.ContainsAny(d.Doc.Text[end-1:end], ".!? ") {
			end--
		}
		who, hint = d.filerOf(end, from), d.filingHint(end, from)
	}
	st := d.skipSpace(s.Start)
	if who == nil || countWords(d.Doc.Text[st:comma]) < 3 {
		return nil
	}
	return &claimDraft{claimant: who, kind: kg.Paraphrase, verb: "according to", texts: []string{d.Doc.Text[st:comma]}, spans: [][2]int{{st, comma}}, para: s.Para, clause: comma, hint: hint}
}

// deniedSomeone reports whether a verb of denial ending at ve takes a
// person or organization and then a thing ("denied Lopez a hearing").
func (d *docState) deniedSomeone(ve, end int) bool {
	ms := d.mentionsIn(d.skipSpace(ve), end)
	if len(ms) == 0 || ms[0].Start != d.skipSpace(ve) || ms[0].Entity == nil || d.possessive(ms[0]) {
		return false
	}
	w := firstWord(d.Doc.Text[ms[0].End:end])
	return determiners[w]
}

// deniedFiling reports whether a verb of denial ending at ve takes a
// filing or a request ("rejected motions by the government", "denied the
// request"): a ruling on it, not a claim.
func (d *docState) deniedFiling(ve, end int) bool {
	ts := d.triggers()
	ws := d.wordsAfterAll(ve, end)
	ws = ws[:min(len(ws), 8)]
	if len(ws) > 0 && ws[0].text == "that" {
		return false // "denied that the offer was improper": a clause
	}
	// past the determiner and a possessor ("the F.T.C.'s request",
	// "Acme's licence application"), up to two modifiers to the noun
	for len(ws) > 0 && (determiners[ws[0].text] || d.mentionAt(ws[0].start) != nil || ws[0].text == "s" || strings.HasSuffix(ws[0].text, "'s")) {
		ws = ws[1:]
	}
	if len(ws) > 0 && strings.HasSuffix(ws[0].text, "ing") {
		return false // "denied making any offer": a deed denied
	}
	for i, w := range ws[:min(len(ws), 3)] {
		if prepositions[w.text] || i > 0 && strings.ContainsAny(d.Doc.Text[ws[i-1].end:w.start], ",;:.") {
			return false
		}
		if ts.document[w.text] != "" || ts.document[strings.TrimSuffix(w.text, "s")] != "" || d.index().ev.request[w.text] {
			return true
		}
	}
	return false
}

// coordinatedVerb is the offset in text (a reported clause) of "and" right
// before a second reporting verb of the same subject as verb ("said
// Veltrane has confidence and called the motion ..."), outside quotes; -1
// when none. A past verb after a present third-person one (or the other
// way round) is the reported clause's own ("says the minister called the
// chief and told him to ...").
func (cl *claimLex) coordinatedVerb(text, verb string) int {
	inQ := false
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '"' || strings.HasPrefix(text[i:], "“") || strings.HasPrefix(text[i:], "”"):
			inQ = !inQ && !strings.HasPrefix(text[i:], "”")
		case !inQ && strings.HasPrefix(text[i:], " and ") && i+5 < len(text):
			next := strings.ToLower(firstWord(text[i+5:]))
			if e, ok := cl.verbs[next]; ok && e.Attr("noun") == "" && cl.sameTense(verb, next) {
				return i
			}
		}
	}
	return -1
}

// sameTense reports whether two forms of reporting verbs agree in the one
// way this reads: both present third person ("says", "argues"), or
// neither ("said ... and called"; "say ... and told" agree too).
func (cl *claimLex) sameTense(a, b string) bool {
	present := func(f string) bool {
		e, ok := cl.verbs[f]
		return ok && f != strings.ToLower(e.Phrase) && strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss")
	}
	return present(a) == present(b)
}

// clauseStart is where the clause holding the reporting verb at vs starts:
// after the last clause mark (, ; : or a dash) before the verb's subject,
// else the sentence start.
func (d *docState) clauseStart(s sentence, vs int) int {
	if si := d.sentenceAt(vs); si >= 0 {
		if start, m := d.subjectOf(si, vs); m != nil && m.Start < vs {
			return min(start, m.Start)
		}
	}
	return s.Start
}

// thatFollows reports whether "that" follows off within a few words and
// no punctuation: "found in January that".
func (d *docState) thatFollows(off, end int) bool {
	for _, w := range d.wordsAfter(off, end, 5) {
		if w.text == "that" {
			return true
		}
	}
	return false
}

// claimsOf turns drafts into claims with stance, topics, about and sources.
func (d *docState) claimsOf(cl *claimLex, drafts []*claimDraft) []kg.Claim {
	var out []kg.Claim
	var firstSent, carry []int
	var decided []decision
	var facts []claimFacts
	seen := map[string]bool{}
	words := wordSet{} // each claim's words, one set reused
	for _, c := range drafts {
		text := strings.Join(c.texts, " ")
		text = strings.TrimSpace(text)
		if text == "" || c.claimant == nil {
			continue
		}
		id := kg.ID("clm", d.Doc.ID, c.claimant.ID, strconv.Itoa(c.spans[0][0]), strconv.Itoa(c.spans[0][1]))
		if seen[id] {
			continue
		}
		seen[id] = true
		cues, alleging := cl.cueStance(d.passages(c), words)
		claim := kg.Claim{
			ID: id, Claimant: c.claimant.ID, Text: text, Kind: c.kind, Verb: c.verb,
			Stance: cl.withVerb(cues, alleging, c.verb), Topics: cl.topicsIn(text, words), About: []string{},
		}
		if c.rejects {
			claim.Stance = kg.Denies
		}
		if claim.Stance == kg.Neutral && c.hint != "" {
			claim.Stance = c.hint
		}
		switch {
		case c.rejects || cl.verbs[c.verb].Attr("denial") != "":
			decided = append(decided, byWords)
		case claim.Stance == kg.Neutral:
			decided = append(decided, byNothing)
		case claim.Stance == kg.Denies && cues == kg.Denies:
			decided = append(decided, byDefenceCues)
		default:
			decided = append(decided, byWords)
		}
		facts = append(facts, claimFacts{cues: cues, alleging: alleging, first: claim.Stance, decided: decided[len(decided)-1]})
		if claim.Topics == nil {
			claim.Topics = []string{}
		}
		about := map[string]bool{c.claimant.ID: true}
		for k, sp := range c.spans {
			si := d.sentenceAt(sp[0])
			idx := 0
			if si >= 0 {
				idx = d.Sents[si].Index
			}
			from := sp[0]
			if k == 0 && c.kind == kg.Paraphrase && c.clause < from {
				from = c.clause // the source shows who said it: "X has denied those claims"
			}
			claim.Sources = append(claim.Sources, d.source(idx, from, sp[1]))
			for _, m := range d.mentionsIn(sp[0], sp[1]) {
				if m.Entity != nil && !about[m.Entity.ID] {
					about[m.Entity.ID] = true
					claim.About = append(claim.About, m.Entity.ID)
				}
			}
		}
		out = append(out, claim)
		if claim.Stance == kg.Neutral && cl.hasNegator(text) || claim.Stance != kg.Neutral && claim.Stance == cl.verbs[c.verb].Attr("stance") && cues == kg.Neutral {
			carry = append(carry, len(out)-1)
		}
		firstSent = append(firstSent, d.sentenceAt(c.spans[0][0]))
	}
	d.carryDenial(cl, out, firstSent, carry)
	sc := d.weighOpinion(cl, out, decided)
	for i := range out {
		if out[i].Stance == kg.Neutral && !sc.observers[out[i].Claimant] && cl.chargesBias(out[i].Text) {
			out[i].Stance = kg.Alleges // outside commentators take no side
		}
	}
	if cl.modelErr != nil {
		panic(cl.modelErr) // Document reports it, naming the document
	}
	if cl.model == nil && cl.biasModel == nil && d.stanceTrace == nil {
		return out
	}
	// every claim's features first, from the rules' stances, as the
	// models were learned; then the models
	fss := make([][]string, len(out))
	for i := range out {
		fss[i] = d.stanceFeatures(cl, out, i, facts[i], sc)
		if d.stanceTrace != nil {
			d.stanceTrace[out[i].ID] = fss[i]
		}
	}
	for i := range out {
		ApplyModels(&out[i], fss[i], cl.model, cl.biasModel)
	}
	return out
}

// passages is a claim's text for its stance cues: each quoted passage a
// clause of its own, so that a negator ending one does not reach a cue in
// the next ("No one was turned away." ... "We are sure"), unless the
// passage breaks off at a comma for the attribution and its sentence goes
// on after it in lower case ("At no point," she said, "was the process
// rigged").
func (d *docState) passages(c *claimDraft) string {
	var b strings.Builder
	for k, t := range c.texts {
		if k > 0 {
			if end := c.spans[k-1][1]; end < len(d.Doc.Text) && d.Doc.Text[end] == ',' && t != "" && t[0] >= 'a' && t[0] <= 'z' {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

// hasNegator reports whether text has a negating word ("do not create",
// "nothing beyond").
func (cl *claimLex) hasNegator(text string) bool {
	for _, w := range wordsIn(asciiLower(text)) {
		w = strings.ReplaceAll(w, "’", "'")
		if cl.negators[w] || w == "nothing" || strings.HasSuffix(w, "n't") {
			return true
		}
	}
	return false
}

// carryDenial makes a denial of the claims listed in carry, whose words
// carry no stance of their own but a negation or an arguing verb's, when their claimant denied something with
// a verb of denial in the sentence right before ("Dorsey rejected the
// arguments. In his opinion, he wrote that the donations ..."): the
// speaker goes on to say why.
func (d *docState) carryDenial(cl *claimLex, out []kg.Claim, sent []int, carry []int) {
	for _, i := range carry {
		for j := range out {
			if j != i && out[j].Claimant == out[i].Claimant && sent[j] >= 0 && sent[j] == sent[i]-1 && cl.verbs[out[j].Verb].Attr("denial") != "" && d.Sents[sent[j]].Para >= d.Sents[sent[i]].Para-1 {
				out[i].Stance = kg.Denies
				break
			}
		}
	}
}

// possessiveWord reports whether w (lower case) is a possessor: "union's".
func possessiveWord(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || w == "its" || w == "their" || w == "his" || w == "her"
}

// epithetOfAllegation reports whether the words between an epithet verb at
// vs and a quote at open name an accusation.
func (d *docState) epithetOfAllegation(vs, open int) bool {
	x := d.index()
	for _, w := range d.wordsAfter(vs, open, 6) {
		if x.ev.allegation[w.text] {
			return true
		}
	}
	return false
}

// notParticiple are words in -ing the tagger may read as participles that
// open no clause of the speaker's ("including Hooli", "during the hearing").
var notParticiple = map[string]bool{"including": true, "during": true, "according": true, "regarding": true, "concerning": true}

// filedBySide reports whether a document of these event types (a
// cue=document's types) is a party's: a lawsuit, a complaint or an
// investigation's report, not a directive or a court's order or ruling.
func filedBySide(types string) bool {
	if types == "" {
		return false
	}
	for _, t := range strings.Split(types, ",") {
		if t == "directive" || t == "court_order" || t == "court_ruling" {
			return false
		}
	}
	return true
}

// trailing is the reported speech of a reporting verb that follows what
// was said, set off by a comma: at the sentence's end ("X paid for capacity
// it never used, the watchdog said in a report"), with a participle going
// on ("..., Delaney argued, adding that Y": Y is said too), or in the
// middle ("The investigation, he said, was fair"). The subject is one to
// six words after the comma; nil when the verb is not so placed.
func (d *docState) trailing(s sentence, vs, ve int, verb string) []*claimDraft {
	t := d.Doc.Text
	c := strings.LastIndexByte(t[s.Start:vs], ',')
	if c < 0 {
		return nil
	}
	c += s.Start
	if c > s.Start && strings.ContainsRune(`"”’`, rune(t[c-1])) {
		return nil // `"...," she said`: a direct quote's attribution
	}
	subj := t[c+1 : vs]
	sw := wordsIn(subj)
	if len(sw) == 0 || len(sw) > 6 || strings.ContainsAny(subj, `"“”;:()`) || relatives[strings.ToLower(sw[0])] || conjunctions[strings.ToLower(sw[0])] || prepositions[strings.ToLower(sw[0])] || strings.ToLower(sw[0]) == "that" {
		return nil
	}
	pre := strings.TrimSpace(t[s.Start:c])
	if pre == "" || strings.ContainsAny(pre[:1], `"“`) {
		return nil // a direct quote opens the sentence
	}
	rest := strings.TrimSpace(t[ve:s.End])
	var texts [][2]int
	switch {
	case strings.HasPrefix(rest, ","):
		// mid-sentence: "The investigation, he said, was ..."; or a
		// participle: "..., Delaney argued, adding that ..."
		r := d.skipSpace(ve + strings.Index(t[ve:s.End], ",") + 1)
		lr := asciiLower(t[r:s.End])
		for _, p := range d.claimLex().continuations {
			if strings.HasPrefix(lr, p) {
				texts = append(texts, [2]int{s.Start, c}, [2]int{r + len(p), s.End})
				break
			}
		}
		if texts == nil && d.tagAt(r) == "VBG" && !notParticiple[firstWord(lr)] && countWords(pre) >= 5 {
			// "..., the judge wrote, calling it troubling": what came
			// before is said; the participle is read on its own
			texts = append(texts, [2]int{s.Start, c})
		}
		if texts == nil {
			if countWords(pre) > 8 || strings.ContainsRune(pre, ',') {
				return nil
			}
			texts = append(texts, [2]int{s.Start, s.End})
		}
	case rest == "" || rest == "." || prepositions[firstWord(rest)] && !strings.Contains(" "+asciiLower(rest)+" ", " that "):
		if countWords(pre) < 5 {
			return nil
		}
		texts = append(texts, [2]int{s.Start, c})
	default:
		return nil
	}
	who := d.speaker(c+1, vs)
	if ws := d.wordsBefore(vs, c+1, 1); who == nil && len(ws) == 1 && filedBySide(d.triggers().document[ws[0].text]) {
		// "..., the suit says": its plaintiff; "..., the report said": its
		// investigator (not a letter, an order or a ruling, which any
		// authority or court may issue)
		who = d.filerOf(vs, c+1)
	}
	if who == nil {
		who = d.describedSubject(vs, c+1)
	}
	if who == nil {
		return nil
	}
	var out []*claimDraft
	for _, sp := range texts {
		from, end := d.trimSpan(sp[0], sp[1])
		for end > from && strings.ContainsAny(t[end-1:end], ".!? ,") {
			end--
		}
		if end <= from {
			continue
		}
		out = append(out, &claimDraft{claimant: who, kind: kg.Paraphrase, verb: verb, texts: []string{t[from:end]}, spans: [][2]int{{from, end}}, para: s.Para, clause: from})
	}
	return out
}
