package extract

import (
	"iter"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/morph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// Participant parts.
const (
	asAgent   = "agent"
	asSubject = "subject"
)

// trigger is a compiled line of event_triggers.txt.
type trigger struct {
	Phrase string
	Type   string
	Noun   bool
	List   bool
	Attrs  map[string]string
	re     *regexp.Regexp
	words  [][]string // without a gap: each word's forms (lower case ASCII), matched without re
	key    string     // see keyWord
	gap    bool
	// with a gap: the forms of its first word (lower case ASCII), and re
	// anchored at the start, tried only where one of them starts a word
	first    []string
	anchored *regexp.Regexp
}

// triggerSet is event_triggers.txt compiled, with its cue words.
type triggerSet struct {
	triggers     []trigger
	court        map[string]bool   // words naming courts and judges
	group        map[string]bool   // nouns for unnamed groups of people
	phrasal      map[string]bool   // verbs that take "for" ("asked for")
	undergo      map[string]bool   // verbs whose subject undergoes a noun event ("faces a lawsuit")
	speakOf      map[string]bool   // verbs whose subject only speaks of a noun event ("called the motion")
	document     map[string]string // nouns for filings that speak for their filer -> event type
	legal        map[string]bool   // nouns for legal matters a court rules on ("case", "lawsuit")
	types        map[string]bool   // the event vocabulary
	byAgent      map[string]bool   // types merged per agent within a document
	people       map[string]bool   // types whose subject= part is a person ("hired a law firm" is no appointment)
	announced    map[string]bool   // types a "will" states already ("will step down"); under other modals, intentions
	alleging     map[string]bool   // types whose filings allege ("the complaint says")
	accusing     map[string]bool   // types that accuse their target or subject (event_types.txt accusing=1)
	judging      map[string]bool   // types whose target answers for itself and whose agent judges (judging=1)
	leaving      map[string]bool   // types whose subject leaves a post or a case (leaving=1)
	challenge    map[string]bool   // types that challenge a decision (challenge=1)
	requested    map[string]bool   // types a party asks for (requested=1)
	byChallenger map[string]bool   // types the challenger asks for when no one is named (asker=challenger)
	// words in the names of investigating bodies ("inspector general")
	investigator map[string]bool
	overseer     map[string]bool // words in the names of bodies that regulate or hear disputes (cue=overseer)
	// litigant nouns -> the side they stand for ("plaintiff" -> plaintiff)
	litigant map[string]string
	byKey    map[string][]int // key word -> indices of the triggers that need it
	always   []int            // triggers whose key is not a plain ASCII word
}

// compileTriggers reads the trigger and type lexicons: the event types,
// the cue words, and each trigger compiled and indexed by its key words.
// Triggers of a type missing from the vocabulary are dropped.
func compileTriggers(lex *lexicon.Lexicon, in *morph.Inflector) *triggerSet {
	ts := &triggerSet{court: map[string]bool{}, group: map[string]bool{}, phrasal: map[string]bool{}, undergo: map[string]bool{}, speakOf: map[string]bool{}, document: map[string]string{}, legal: map[string]bool{}, types: map[string]bool{}, byAgent: map[string]bool{}, people: map[string]bool{}, byKey: map[string][]int{}, announced: map[string]bool{}, investigator: map[string]bool{}, overseer: map[string]bool{}, litigant: map[string]string{}, alleging: map[string]bool{}, accusing: map[string]bool{}, judging: map[string]bool{}, leaving: map[string]bool{}, challenge: map[string]bool{}, requested: map[string]bool{}, byChallenger: map[string]bool{}}
	if lex == nil {
		return ts
	}
	ts.readTypes(lex)
	entries := expandEntries(lex.Entries("event_triggers"))
	listed := map[string]bool{}
	for _, e := range entries {
		if e.Attr("type") != "" && e.Attr("cue") == "" {
			listed[strings.ToLower(e.Phrase)] = true // a cue line ("called | cue=speak") keeps no form from a trigger
		}
	}
	for _, e := range entries {
		if ts.addCue(e) {
			continue
		}
		if e.Attr("type") == "" || !ts.types[e.Attr("type")] {
			continue
		}
		t, keys, ok := compileTrigger(in, e, listed)
		if !ok {
			continue
		}
		ts.triggers = append(ts.triggers, t)
		i := len(ts.triggers) - 1
		for _, k := range keys {
			if !asciiWord(k) {
				ts.always = append(ts.always, i)
				break
			}
			ts.byKey[k] = append(ts.byKey[k], i)
		}
	}
	return ts
}

// expandEntries writes out each trigger line whose phrase has sets of
// words in braces, one line per choice: "{give,hand} ... {licence,permit}"
// is four triggers with the line's attributes.
func expandEntries(es []lexicon.Entry) []lexicon.Entry {
	var out []lexicon.Entry
	for _, e := range es {
		for _, p := range expandBraces(e.Phrase) {
			x := e
			x.Phrase = p
			out = append(out, x)
		}
	}
	return out
}

// expandBraces is every phrase a brace set stands for, in order; a phrase
// without braces is itself.
func expandBraces(p string) []string {
	i := strings.IndexByte(p, '{')
	j := strings.IndexByte(p, '}')
	if i < 0 || j < i {
		return []string{p}
	}
	var out []string
	for _, alt := range strings.Split(p[i+1:j], ",") {
		out = append(out, expandBraces(p[:i]+strings.TrimSpace(alt)+p[j+1:])...)
	}
	return out
}

// readTypes reads event_types.txt: the vocabulary and each type's merge,
// subject, announced and alleging attributes.
func (ts *triggerSet) readTypes(lex *lexicon.Lexicon) {
	for _, e := range lex.Entries("event_types") {
		ts.types[e.Phrase] = true
		if e.Attr("merge") == "agent" {
			ts.byAgent[e.Phrase] = true
		}
		if e.Attr("subject") == "person" {
			ts.people[e.Phrase] = true
		}
		if e.Attr("announced") != "" {
			ts.announced[e.Phrase] = true
		}
		if e.Attr("alleging") != "" {
			ts.alleging[e.Phrase] = true
		}
		if e.Attr("accusing") != "" {
			ts.accusing[e.Phrase] = true
		}
		if e.Attr("judging") != "" {
			ts.judging[e.Phrase] = true
		}
		if e.Attr("leaving") != "" {
			ts.leaving[e.Phrase] = true
		}
		if e.Attr("challenge") != "" {
			ts.challenge[e.Phrase] = true
		}
		if e.Attr("requested") != "" {
			ts.requested[e.Phrase] = true
		}
		if e.Attr("asker") == "challenger" {
			ts.byChallenger[e.Phrase] = true
		}
	}
}

// addCue adds a cue word of event_triggers.txt (a line with cue=) to its
// set; false when the line is a trigger.
func (ts *triggerSet) addCue(e lexicon.Entry) bool {
	p := strings.ToLower(e.Phrase)
	switch e.Attr("cue") {
	case "court":
		ts.court[p] = true
	case "group":
		ts.group[p] = true
	case "phrasal":
		ts.phrasal[p] = true
	case "undergo":
		ts.undergo[p] = true
	case "speak":
		ts.speakOf[p] = true
	case "document":
		ts.document[p] = e.Attr("type")
		ts.legal[p] = true
	case "legal":
		ts.legal[p] = true
	case "investigator":
		ts.investigator[p] = true
	case "overseer":
		ts.overseer[p] = true
	case "litigant":
		ts.litigant[p] = e.Attr("side")
	default:
		return false
	}
	return true
}

// compileTrigger compiles one trigger line into a case-insensitive regular
// expression over its words, the inflecting word as an alternation of its
// forms and "..." as a gap, and returns the key words a sentence must hold
// for it to match (any of them); false when it does not compile.
func compileTrigger(in *morph.Inflector, e lexicon.Entry, listed map[string]bool) (trigger, []string, bool) {
	p := strings.ToLower(e.Phrase)
	words := strings.Fields(p)
	head, forms := triggerForms(in, words, e.Attr("pos") == "noun", listed)
	var parts []string
	gap := false
	for i, w := range words {
		if w == "..." {
			parts = append(parts, gapRe)
			gap = true
			continue
		}
		if len(parts) > 0 {
			parts = append(parts, `[ \t]+`)
		}
		if i == head {
			parts = append(parts, alternation(forms))
			continue
		}
		parts = append(parts, regexp.QuoteMeta(w))
	}
	re, err := regexp.Compile(`(?i)\b` + strings.Join(parts, "") + `\b`)
	if err != nil {
		return trigger{}, nil, false
	}
	keys := []string{keyWord(p)}
	if then := keyWord(e.Attr("then")); len(then) > len(keys[0]) && !strings.HasPrefix(e.Attr("then"), "@") {
		keys[0] = then // both must be there: the longer is the rarer
	} else if head >= 0 && keys[0] == words[head] {
		keys = nil // the key word is inflected: any of its forms
		for _, f := range forms {
			keys = append(keys, keyWord(f))
		}
	}
	t := trigger{
		Phrase: p, Type: e.Attr("type"), Noun: e.Attr("pos") == "noun", List: e.Attr("list") == "1",
		Attrs: e.Attrs, re: re, key: keys[0], gap: gap,
	}
	if !gap {
		t.words = triggerWords(words, head, forms)
	} else if first := triggerWords(words[:1], head, forms); first != nil {
		t.first, t.anchored = first[0], regexp.MustCompile(`(?i)^\b`+strings.Join(parts, "")+`\b`)
	}
	return t, keys, true
}

// triggerWords is each word's forms of a trigger without a gap, when all are
// ASCII and open and end with a letter or digit (then \b around the
// phrase is a word edge and the phrase can be matched without its
// expression); nil otherwise.
func triggerWords(words []string, head int, forms []string) [][]string {
	out := make([][]string, len(words))
	for i, w := range words {
		out[i] = []string{w}
		if i == head {
			out[i] = forms
		}
		for _, f := range out[i] {
			if f == "" || !isASCIIWordByte(f[0]) || !isASCIIWordByte(f[len(f)-1]) {
				return nil
			}
			for j := 0; j < len(f); j++ {
				if f[j] >= 0x80 || f[j] >= 'A' && f[j] <= 'Z' {
					return nil
				}
			}
		}
	}
	return out
}

// isASCIIWordByte is \w of a regular expression: an ASCII letter, digit
// or underscore.
func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// findAll returns the [start, end) of each match of t in text (lower: its
// asciiLower), leftmost first and not overlapping, as t.re would find
// them: without a gap, word by word; else by the expression. Text with a
// character that case-folds to ASCII (the Kelvin sign, the long s) goes to
// the expression too.
func (t *trigger) findAll(text, lower string) [][2]int {
	folds := strings.ContainsAny(text, "\u212a\u017f")
	if t.first != nil && !folds {
		return t.findGapped(text, lower)
	}
	if t.words == nil || folds {
		var out [][2]int
		for _, loc := range t.re.FindAllStringIndex(text, -1) {
			out = append(out, [2]int{loc[0], loc[1]})
		}
		return out
	}
	var out [][2]int
	for i := 0; i < len(lower); {
		if i > 0 && isASCIIWordByte(lower[i-1]) || !isASCIIWordByte(lower[i]) {
			i++
			continue
		}
		if e := matchWords(lower, i, t.words); e > i {
			out = append(out, [2]int{i, e})
			i = e
			continue
		}
		i++
	}
	return out
}

// findGapped is findAll for a trigger with a gap: a match of t.re starts
// where a form of its first word starts a word, so the expression, anchored,
// is tried there only, left to right, as FindAll would find its matches.
func (t *trigger) findGapped(text, lower string) [][2]int {
	var out [][2]int
	for i := 0; i < len(lower); i++ {
		if i > 0 && isASCIIWordByte(lower[i-1]) || !isASCIIWordByte(lower[i]) {
			continue
		}
		for _, f := range t.first {
			if !strings.HasPrefix(lower[i:], f) {
				continue
			}
			if loc := t.anchored.FindStringIndex(text[i:]); loc != nil {
				out = append(out, [2]int{i, i + loc[1]})
				i += loc[1] - 1
			}
			break
		}
	}
	return out
}

// relativeIn reports whether a gapped match runs through a relative
// pronoun: "granted an agent whose licence was revoked leave" joins words of
// two clauses.
func relativeIn(lower string) bool {
	for _, w := range strings.Fields(lower) {
		switch w {
		case "whose", "which", "who", "whom":
			return true
		}
	}
	return false
}

// matchWords matches words (each a list of forms, the first that fits
// wins) from i, separated by spaces or tabs, ending at a word edge.
func matchWords(lower string, i int, words [][]string) int {
	if len(words) == 0 {
		if i < len(lower) && isASCIIWordByte(lower[i]) {
			return -1
		}
		return i
	}
	for _, f := range words[0] {
		if !strings.HasPrefix(lower[i:], f) {
			continue
		}
		j := i + len(f)
		if len(words) > 1 {
			k := j
			for k < len(lower) && (lower[k] == ' ' || lower[k] == '\t') {
				k++
			}
			if k == j {
				continue
			}
			j = k
		}
		if e := matchWords(lower, j, words[1:]); e >= 0 {
			return e
		}
	}
	return -1
}

// triggerForms returns which word of a trigger inflects and its forms: a
// verb trigger's first word takes every verb form ("file ... complaint"
// finds "filing a complaint"), a noun trigger's last word both numbers. A
// form that another trigger lists as written keeps that trigger's
// attributes; -1 when no word inflects.
func triggerForms(in *morph.Inflector, words []string, noun bool, listed map[string]bool) (int, []string) {
	h := 0
	if noun {
		h = len(words) - 1
	}
	if len(words) == 0 || words[h] == "..." || !asciiWord(words[h]) {
		return -1, nil
	}
	var gen []string
	if noun {
		gen = in.Noun(words[h])
	} else {
		gen = in.Verb(words[h])
	}
	forms := []string{words[h]}
	for _, f := range gen {
		phrase := append(append(append([]string(nil), words[:h]...), f), words[h+1:]...)
		if f != words[h] && !listed[strings.Join(phrase, " ")] && asciiWord(f) {
			forms = append(forms, f)
		}
	}
	return h, forms
}

// alternation is a regexp matching any of the words.
func alternation(ws []string) string {
	if len(ws) == 1 {
		return regexp.QuoteMeta(ws[0])
	}
	qs := make([]string, len(ws))
	for i, w := range ws {
		qs[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(qs, "|") + ")"
}

// asciiWord reports whether w is a non-empty run of lower-case ASCII letters
// and digits.
func asciiWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return w != ""
}

// candidates returns, in lexicon order, the triggers that may match a
// sentence (lower-cased): those whose key word is one of its words. A
// trigger matches whole words, so its key word, a maximal run of letters and
// digits of its phrase, is a maximal run of the match; one pass over the
// sentence's runs with a map lookup replaces a substring search per trigger.
func (ts *triggerSet) candidates(lower string, buf []int) []int {
	out := append(buf[:0], ts.always...)
	for i := 0; i < len(lower); {
		if !isASCIIAlnum(lower[i]) {
			i++
			continue
		}
		j := i
		for j < len(lower) && isASCIIAlnum(lower[j]) {
			j++
		}
		out = append(out, ts.byKey[lower[i:j]]...)
		i = j
	}
	sort.Ints(out)
	// a key word said twice adds its triggers twice
	k := 0
	for i, x := range out {
		if i == 0 || x != out[k-1] {
			out[k] = x
			k++
		}
	}
	return out[:k]
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// gapRe is what "..." in a trigger stands for: up to six words, where an
// abbreviation ("U.S.", "F.T.C.'s") is a word, and perhaps one appositive between
// commas ("named Jane Park, its chief operating officer, as").
const (
	gapWord = `[ \t]+(?:[^\s,.;:]+|(?:\p{Lu}\.)+(?:['’]s)?|\p{Lu}\p{Ll}{1,2}\.)`
	gapRe   = `(?:` + gapWord + `){0,6}?(?:,(?:` + gapWord + `){1,8}?,(?:` + gapWord + `){0,2}?)?`
)

// trigMatch is one trigger found in a sentence; offsets are original-text.
type trigMatch struct {
	t          *trigger
	start, end int
	headEnd    int        // end of the trigger's first word
	nested     bool       // a noun event inside a longer trigger of another type
	alts       []*trigger // other lines of the same words, tried in order when this one states no event
}

// findTriggers returns the non-overlapping trigger matches of a sentence:
// the longest match wins.
func (ts *triggerSet) find(s sentence) []trigMatch {
	var ms []trigMatch
	var buf [32]int
	lower := asciiLower(s.Text)
	for _, i := range ts.candidates(lower, buf[:0]) {
		t := &ts.triggers[i]
		opener := t.Attrs["opener"] != ""
		for _, loc := range t.findAll(s.Text, lower) {
			if t.gap && relativeIn(lower[loc[0]:loc[1]]) {
				continue
			}
			if opener && strings.TrimLeft(s.Text[:loc[0]], " \"“'‘") != "" {
				continue // "In its petition, X argues" opens its sentence
			}
			head := loc[0] + strings.IndexFunc(s.Text[loc[0]:loc[1]], unicode.IsSpace)
			if head < loc[0] {
				head = loc[1]
			}
			ms = append(ms, trigMatch{t: t, start: s.Start + loc[0], end: s.Start + loc[1], headEnd: s.Start + head})
		}
	}
	sort.SliceStable(ms, func(a, b int) bool {
		la, lb := ms[a].end-ms[a].start, ms[b].end-ms[b].start
		if la != lb {
			return la > lb
		}
		return ms[a].start < ms[b].start
	})
	var kept []trigMatch
	for _, m := range ms {
		ok := true
		for i, k := range kept {
			if m.start == k.start && m.end == k.end {
				kept[i].alts = append(kept[i].alts, m.t) // "question ... under oath", "asked the court to question"
				ok = false
				break
			}
			if m.start < k.end && k.start < m.end {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, m)
		}
	}
	// a noun trigger of another type that ends a gap trigger states its own
	// event: "sustained a protest by X" is a ruling and X's protest; so
	// does one that opens with the gap trigger's last word ("challenged
	// the authority's decision to award a contract": a challenge, and the
	// authority's award)
	n := len(kept)
	for _, m := range ms {
		if !m.t.Noun && strings.Contains(m.t.Phrase, " ") {
			continue
		}
		for _, k := range kept[:n] {
			if k.t.gap && k.t.Type != m.t.Type && m.start >= k.headEnd && (m.end == k.end || m.t.Noun && m.start < k.end && m.end > k.end) && !overlapsAny(kept[n:], m) {
				m.nested = true
				kept = append(kept, m)
				break
			}
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].start < kept[b].start })
	return kept
}

func overlapsAny(ms []trigMatch, m trigMatch) bool {
	for _, k := range ms {
		if m.start < k.end && k.start < m.end {
			return true
		}
	}
	return false
}

// findEvents finds typed events with their participants, dates and sources,
// and merges the ones a document states more than once.
func findEvents(d *docState) {
	ts := d.triggers()
	dates := d.dates()
	var evs []*eventDraft
	for si, s := range d.Sents {
		for _, m := range ts.find(s) {
			for _, ev := range d.matchEvents(ts, si, m) {
				ev.date = d.dateFor(dates, si, m.start)
				evs = append(evs, ev)
				if x := ev.extra; x != nil {
					x.date = ev.date
					evs = append(evs, x)
				}
			}
		}
	}
	d.awardAgents(evs)
	d.documentAgents(evs, ts)
	d.impliedAgents(evs)
	d.advisersInvestigate(evs)
	merged := d.mergeDrafts(evs, ts.byAgent)
	d.challengerAsks(merged, ts)
	d.Events = append(d.Events, d.toEvents(merged)...)
}

// challengerAsks gives a request for testimony that names whom it seeks
// but not who seeks it ("the judge refused to summon X", "X must appear
// under oath") the party that challenges in the same article: the agent
// of most of its lawsuits, appeals and protests, not a court. A court
// orders or refuses testimony that a party in the case asked for. Only
// when the article has no request for testimony by a named party.
func (d *docState) challengerAsks(evs []*eventDraft, ts *triggerSet) {
	var asked []*eventDraft
	for _, e := range evs {
		if !ts.byChallenger[e.typ] {
			continue
		}
		if len(e.agents()) > 0 {
			return
		}
		if len(e.parts) > 0 {
			asked = append(asked, e) // "asked to cross-examine two officials": whom, if not by name
		}
	}
	if len(asked) == 0 {
		return
	}
	count := map[string]int{}
	var agent *entity
	for _, e := range evs {
		if !ts.challenge[e.typ] {
			continue
		}
		for _, p := range e.parts {
			if p.As != asAgent || p.Entity == "" || d.adjudicator(p.Entity) {
				continue
			}
			count[p.Entity]++
			if agent == nil || count[p.Entity] > count[agent.ID] {
				agent = &entity{ID: p.Entity, Name: e.names[p.Entity]}
			}
		}
	}
	if agent == nil {
		return
	}
	for id, n := range count {
		if id != agent.ID && n == count[agent.ID] {
			return // two challengers as often: which one asks is not said
		}
	}
	for _, e := range asked {
		if !slices.ContainsFunc(e.parts, func(p kg.Participant) bool { return p.Entity == agent.ID }) {
			e.add(&mention{Entity: agent}, asAgent) // no one asks to depose himself
		}
	}
}

// matchEvents reads the events trigger match m states: the first of its
// lines (m.t, then m.alts) not marked also=1 that states one, and each
// line marked also=1 that states its own ("ordered X to testify": the
// court's order, and the request for X's testimony it grants).
func (d *docState) matchEvents(ts *triggerSet, si int, m trigMatch) []*eventDraft {
	var out []*eventDraft
	read := false
	for _, t := range append([]*trigger{m.t}, m.alts...) {
		also := t.Attrs["also"] != ""
		if read && !also {
			continue
		}
		m.t = t
		if ev := d.event(ts, si, m); ev != nil {
			out = append(out, ev)
			read = read || !also
		}
	}
	return out
}

// impliedAgents gives an event stated without an agent the agent its
// trigger implies (implied=), when the article names one: the
// prosecutors' office for a charge or an indictment ("he was charged with
// fraud"), the one organization where the removed person holds an office
// for a dismissal ("Roe, the bank's compliance chief, was fired in May").
func (d *docState) impliedAgents(evs []*eventDraft) {
	x := d.index()
	for _, e := range evs {
		if e.implied == "" || hasPart(e.parts, asAgent) {
			continue
		}
		var agent *entity
		switch e.implied {
		case "employer":
			agent = d.employerOf(e.parts)
		default:
			if words, ok := x.groups[e.implied]; ok {
				agent = salient(nameMentions(d.Mentions), len(d.Doc.Text), len(d.Sents), len(d.Sents), bodyNamed(words))
			}
		}
		if agent != nil {
			e.add(&mention{Entity: agent}, asAgent)
		}
	}
}

// advisersInvestigate makes a review that a firm of lawyers or
// accountants carries out an investigation: such a firm is hired to look
// into someone's conduct ("a review by the law firm Hale & Orr LLP").
func (d *docState) advisersInvestigate(evs []*eventDraft) {
	x := d.index()
	for _, e := range evs {
		if e.typ != "review" {
			continue
		}
		for _, p := range e.parts {
			if p.As == asAgent && d.entityType(p.Entity) == kg.Organization && advisersFirm(x, e.names[p.Entity]) {
				e.typ = "investigation"
				break
			}
		}
	}
}

// employerOf is the one organization where the subject among parts holds
// an office the document states, a current one if any, else a former
// one; nil when there are two.
func (d *docState) employerOf(parts []kg.Participant) *entity {
	for _, former := range []bool{false, true} {
		org, two := "", false
		for _, p := range parts {
			if p.As != "subject" || p.Entity == "" {
				continue
			}
			for _, r := range d.Roles {
				if r.Person != p.Entity || r.Organization == "" || r.Organization == org || (r.Status == kg.Former) != former {
					continue
				}
				two = org != ""
				org = r.Organization
			}
		}
		if two {
			return nil // two employers: which one is not said
		}
		if e := d.entityByID(org); e != nil && e.Type == kg.Organization {
			return e
		}
	}
	return nil
}

// awardAgents gives an award stated without its awarder ("X won the
// contract in March") the party that cancelled a contract in the same
// article, else the one a bid protest was lodged against: a contract is
// cancelled by, and protested to, whoever awarded it. Only an organization
// other than the recipient, no court and no overseer (a regulator or a
// review board that hears protests), and only when the article names one
// such party.
func (d *docState) awardAgents(evs []*eventDraft) {
	pick := func(typ, as string, not map[string]bool) *kg.Participant {
		var found *kg.Participant
		for _, e := range evs {
			if e.typ != typ {
				continue
			}
			for i, p := range e.parts {
				if p.As != as || p.Entity == "" || not[p.Entity] || d.entityType(p.Entity) != kg.Organization || d.adjudicator(p.Entity) || d.overseer(p.Entity) {
					continue // a court that voids a contract, or a regulator that hears a protest, did not award it
				}
				if found != nil && found.Entity != p.Entity {
					return nil
				}
				found = &e.parts[i]
			}
		}
		return found
	}
	for _, e := range evs {
		if e.typ != "award" || len(e.agents()) > 0 {
			continue
		}
		not := map[string]bool{}
		for _, p := range e.parts {
			not[p.Entity] = true
		}
		a := pick("cancellation", asAgent, not)
		if a == nil {
			a = pick("protest", "target", not)
		}
		if a == nil {
			a = pick("lawsuit", "target", not) // the one body sued over an award made it
		}
		if a == nil {
			a = d.defendingBody(e, evs)
		}
		if a == nil {
			continue
		}
		e.parts = append(e.parts, kg.Participant{Entity: a.Entity, As: asAgent})
		for _, x := range d.Entities {
			if x.ID == a.Entity {
				e.names[a.Entity] = x.Name
			}
		}
	}
}

// defendingBody is the public body an article about a disputed award is
// most about, other than the award's recipients, those who challenge it
// (by lawsuit, protest, motion or request for testimony) or investigate,
// review or rule on it, courts, companies, the outlet, firms of advisers
// and bodies that investigate, regulate or hear disputes by their names
// (cue=investigator, cue=overseer): named at least three times and half again as often as any
// other such body; nil otherwise.
func (d *docState) defendingBody(e *eventDraft, evs []*eventDraft) *kg.Participant {
	not := map[string]bool{}
	for _, p := range e.parts {
		not[p.Entity] = true
	}
	for _, x := range evs {
		switch {
		case d.triggers().challenge[x.typ] || d.triggers().requested[x.typ] || x.typ == "motion" || x.typ == "protest",
			x.typ == "investigation" || x.typ == "review" || x.typ == "court_ruling" || x.typ == "court_order":
			// who challenges the award, and who investigates, reviews or
			// rules on it, did not make it
			for _, a := range x.agents() {
				not[a] = true
			}
		}
	}
	outlet := d.outlets()
	x := d.index()
	best, n := mostNamedOrg(d, func(e *entity) bool {
		return !not[e.ID] && e.Kind != "court" && e.Kind != "company" && e.Kind != "" && !outlet[e] && !advisersFirm(x, e.Name) && !d.overseer(e.ID)
	})
	if n < 3 {
		return nil
	}
	return &kg.Participant{Entity: best.ID, As: asAgent}
}

// eventDraft is an event before merging.
type eventDraft struct {
	typ     string
	parts   []kg.Participant
	names   map[string]string // entity id -> name, for summaries
	date    dateRef
	sources []kg.Source
	// extra is a second event the same words state ("replaced X with Y":
	// Y's appointment and X's removal), with the same agents
	extra *eventDraft
	// partyWord is a litigant noun that possesses the event ("the
	// plaintiffs' motion"): "plaintiff" or "defendant", else ""
	partyWord string
	// infinitive: the trigger follows "to" ("hire a firm to review"): its
	// doer is whoever the sentence sends, not the article's party
	infinitive bool
	// implied: who does what the trigger states when the text names no
	// agent (event_triggers.txt implied=): "prosecutors" or "employer"
	implied string
}

func (e *eventDraft) add(m *mention, as string) {
	if m == nil || m.Entity == nil || as == "" {
		return
	}
	for _, p := range e.parts {
		if p.Entity == m.Entity.ID && (p.As == as || p.As == asAgent) {
			return // an agent does not also take another part
		}
	}
	e.parts = append(e.parts, kg.Participant{Entity: m.Entity.ID, As: as})
	e.names[m.Entity.ID] = m.Entity.Name
}

func (e *eventDraft) describe(desc, as string) {
	desc = strings.TrimSpace(desc)
	if desc == "" || as == "" {
		return
	}
	for _, p := range e.parts {
		if p.Entity == "" && p.Description == desc && p.As == as {
			return
		}
	}
	e.parts = append(e.parts, kg.Participant{As: as, Description: desc})
}

// agents returns the entity ids of the agents.
func (e *eventDraft) agents() []string {
	var out []string
	for _, p := range e.parts {
		if p.As == asAgent && p.Entity != "" {
			out = append(out, p.Entity)
		}
	}
	return out
}

// eventRead is one trigger match being read into an event: the sentence,
// the trigger, and what the steps of event have found so far.
type eventRead struct {
	d  *docState
	ts *triggerSet
	s  sentence
	si int
	m  trigMatch
	t  *trigger
	ev *eventDraft

	subj, poss *mention // the clause's subject and the possessor before the trigger
	passive    bool     // a passive verb ("was dismissed")
	court      string   // an unnamed court word ("a federal judge"), or ""
	courtEnd   int
	subjCourt  bool   // the subject is a court or a judge
	venue      bool   // a court word right before a court-only noun: where the filing goes
	legalSubj  bool   // the passive subject is a legal matter ("the protest was dismissed")
	typ        string // the event type after the court reading
	nounUse    bool   // a verb trigger used as a noun ("the review board")
	from, end  int    // the object's span
}

// event reads the event stated by trigger match m in sentence si: the
// subject and any court, whether the trigger states an event at all, the
// subject's and a "by" agent's parts, the object's parts, then the type the
// parts make it and the last checks.
func (d *docState) event(ts *triggerSet, si int, m trigMatch) *eventDraft {
	// a trigger inside a name ("Protest Street") states nothing
	if mm := d.mentionAt(m.start); mm != nil && mm.Kind == nameMention {
		return nil
	}
	r := &eventRead{d: d, ts: ts, s: d.Sents[si], si: si, m: m, t: m.t}
	s := r.s
	r.ev = &eventDraft{typ: r.t.Type, names: map[string]string{}, implied: r.t.Attrs["implied"]}
	r.ev.sources = []kg.Source{d.source(s.Index, s.Start, s.End)}
	r.ev.partyWord = d.partyWordBefore(s, m.start, ts)
	if ws := d.wordsBefore(m.start, s.Start, 1); len(ws) == 1 && ws[0].text == "to" {
		r.ev.infinitive = true
	}
	r.readSubject()
	if !r.states() {
		return nil
	}
	r.subjectPart()
	r.byAgentPart()
	if !r.objectParts() {
		return nil
	}
	r.retype()
	if !r.keepPeople() {
		return nil
	}
	r.challengedMaker()
	if x := r.ev.extra; x != nil {
		for _, p := range r.ev.parts {
			if p.As == asAgent && p.Entity != "" {
				x.parts = append(x.parts, p)
				x.names[p.Entity] = r.ev.names[p.Entity]
			}
		}
	}
	if !r.finalChecks() {
		return nil
	}
	return r.ev
}

// readSubject finds the trigger's subject and possessor, whether it is
// passive, an unnamed court before it, and the event type a court reading
// gives it ("dismissed the lawsuit" is a ruling).
func (r *eventRead) readSubject() {
	d, ts, s, si, m, t := r.d, r.ts, r.s, r.si, r.m, r.t
	clauseStart, subj := d.clauseSubject(si, m.start, true)
	poss := d.possessorBefore(si, m.start)
	filed := ts.challenge[t.Type] || ts.requested[t.Type] // a party files it; a court does not
	if poss == nil && t.Attrs["poss"] != "" {
		poss = d.itsBefore(si, m.start, subj, filed)
	}
	// "X, which argued ..., lost its challenge": a possessive pronoun in the
	// subject's own clause is the subject's, not the nearest earlier name's
	if poss != nil && poss.Kind == pronounMention && subj != nil && subj.Entity != nil && poss.Entity != subj.Entity &&
		(poss.Entity.Type == kg.Person) == (subj.Entity.Type == kg.Person) && subj.Start < poss.Start && !(filed && d.adjudicator(subj.Entity.ID)) {
		p := *poss
		p.Entity = subj.Entity
		poss = &p
	}
	if filed && poss != nil && poss.Kind == pronounMention && poss.Entity != nil && d.adjudicator(poss.Entity.ID) {
		poss = nil // "asked the court to ... in its appeal": a party's appeal, not the court's
	}
	r.passive = !t.Noun && d.passiveBefore(s, m.start)
	if !t.Noun && t.Attrs["passive"] != "" && !ts.requested[t.Type] && d.reducedRelative(s, m) {
		// "AHC is suing AID over the concession awarded in March to
		// HGS": the participle's noun is its passive subject, and the
		// clause's subject is no party of it (not for testimony: "wants
		// both men questioned under oath" asks for it)
		r.passive, subj = true, nil
	}
	r.court, r.courtEnd = d.courtWordAt(s, clauseStart, m.start, ts)
	r.venue = t.Noun && t.Attrs["court_only"] != "" && d.courtBefore(s, m.start, ts)
	if r.venue {
		// "X lodged a Federal Court challenge": the court is where the
		// challenge goes, not who acts
		r.court, r.courtEnd = "", -1
	}
	// for a court's act, an unnamed court ("A federal judge has refused to
	// ...") is the subject, not a name before or after it, unless it is the
	// name's title ("U.S. District Judge X")
	courtish := t.Attrs["court"] != "" || t.Attrs["court_only"] != "" || t.Type == "court_ruling" || t.Type == "court_order"
	if courtish && r.court != "" && subj != nil && !(subj.Start >= r.courtEnd && strings.TrimSpace(d.Doc.Text[r.courtEnd:subj.Start]) == "") {
		if subj.Entity == nil || subj.Entity.Kind != "court" && !d.isJudge(subj.Entity.ID, ts) {
			subj = nil
		}
	}
	if t.Attrs["opener"] != "" {
		// "In its petition, Acme argues that ...": the subject after the
		// comma filed it
		subj = d.subjectAfterOpener(s, m)
	}
	r.subj, r.poss = subj, poss

	// a court, or a judge by title, as the subject acts as a court
	r.subjCourt = subj != nil && subj.Entity != nil && (subj.Entity.Kind == "court" || d.isJudge(subj.Entity.ID, ts))
	// "dismissed the lawsuit", "the protest was dismissed": a ruling on a
	// legal matter, not a removal from office
	r.legalSubj = r.passive && d.legalSubject(si, m.start, ts)
	r.typ = t.Type
	if t.Attrs["court"] != "" && (r.court != "" || r.subjCourt || r.legalSubj || d.legalObject(s, m.end, ts)) {
		r.typ = t.Attrs["court"]
	}
	r.ev.typ = r.typ
}

// states reports whether the trigger states an event: not a verb told only
// its object ("told reporters"), negated or modal ("did not recuse", "would
// appeal"), a noun without its "by" participle, or a nested verb. It sets
// nounUse, a verb trigger after a determiner.
func (r *eventRead) states() bool {
	d, ts, s, m, t := r.d, r.ts, r.s, r.m, r.t
	if t.Attrs["objfirst"] != "" && !d.partyToAt(s, m.headEnd) && !(t.Type == "deposition_request" && d.officeAt(s, m.headEnd)) {
		return false // "told Jane Park to", not "told reporters he planned to" nor "told Acme it plans to"
	}

	// "I have never directed anyone", "did not recuse": a negated verb
	// states no event
	if !t.Noun && (d.negatedBefore(s, m.start) || d.modalBefore(s, m.start, ts.announced[t.Type])) {
		return false // "would appeal", "may sue": an intention, not an event
	}
	// a noun trigger right after a modal is a verb ("said it would
	// appeal"), and one whose governing verb is negated or modal states
	// no event ("would not accept a settlement")
	if t.Noun && (d.unassertedNoun(s, m.start, ts.announced[t.Type]) || d.noPartIn(s, m.start)) {
		return false
	}
	if d.openQuestionBefore(s, m.start) {
		return false // "whether he will appeal": asked, not stated
	}
	if !t.Noun && !strings.Contains(t.Phrase, " ") && objectNounAt(s, m.start) {
		return false // "to answer questions": the verb's object, no event
	}
	if t.gap && noAfterHead(d.wordsAfterAll(m.headEnd, m.end)) {
		return false // "imposed no penalty"
	}
	if !t.Noun && !d.triggers().requested[t.Type] && d.requester(r.si, m.start, d.index().ev.request) != nil {
		return false // "rejected Acme's request to fire X": asked for, not done
	}
	if t.Noun && t.Type == "deposition_request" {
		if ws := d.wordsBefore(m.start, s.Start, 1); len(ws) == 1 && ws[0].text == "under" {
			return false // "under cross-examination by X": testimony given, not sought
		}
	}
	if t.Noun && d.genericPlural(s, m) {
		return false // "said inquiries lasting two years are normal": no one inquiry
	}
	if !t.Noun && d.conditionalBefore(s, m.start) {
		return false // "if the court rules against it": supposed, not done
	}
	if !t.Noun && d.habitualAdverbBefore(s, m.start) {
		return false // "contracts are usually awarded by the authority": a practice
	}
	if !t.Noun && d.demandingAt(s, m.start) {
		return false // "called on the minister to appear": a demand, not a summons
	}
	if !t.Noun && d.demandedBefore(s, m.start) {
		return false // "called on her to resign": called for, not done
	}
	if !t.Noun && !d.triggers().requested[t.Type] && d.wantedDone(s, m.start) {
		return false // "hotels wanted the dispute settled": wished for, not done
	}
	if !t.Noun && !d.triggers().requested[t.Type] && d.habitualPresent(r.si, m.start) {
		return false // "the authority reviews all contracts": what it does, not an event
	}
	if !t.Noun && !d.triggers().requested[t.Type] && d.calledForBefore(s, m.start, d.index().ev.intention) {
		return false // "plans to sue", "threatened to cancel": not done (yet)
	}
	if !t.Noun && d.deniedBefore(s, m.start) {
		return false // "denied that it had cancelled the contract"
	}
	if t.Noun && !d.triggers().requested[t.Type] && (d.governedBy(s, m.start, d.index().ev.demanding) || d.governedBy(s, m.start, d.index().ev.intention)) {
		return false // "demanded her resignation", "threatened a lawsuit": called for, not done
	}
	if !t.Noun && !d.triggers().requested[t.Type] && t.Type != "motion" && d.calledForBefore(s, m.start, d.index().ev.asking) {
		return false // "asked the court to overturn the fine", "asked the commission to investigate" (event_words.txt class=asking): asked of it, not done
	}
	// "the case, brought by X": a noun that states an event only with a
	// participle of its list and "by" after it
	if bv := t.Attrs["byverb"]; bv != "" {
		if _, w := d.passiveVerbAfter(s, m.end); w == "" || !inList(bv, w) {
			return false
		}
	}
	// a verb trigger after a determiner is a noun ("the review board")
	// ("a notice requiring X to attend": a participle, tagged as a verb, is
	// no noun)
	r.nounUse = !t.Noun && d.afterDeterminer(s, m.start) && d.tagAt(m.start) != "VBG"
	if m.nested && !t.Noun && !r.nounUse {
		return false
	}
	return true
}

// deniedBefore reports whether the verb at off is what a verb of denial
// just before it denies: "denied that it had cancelled", "denies
// cancelling" (reporting_verbs.txt denial=1; at most four words between).
func (d *docState) deniedBefore(s sentence, off int) bool {
	ws := d.wordsBefore(off, s.Start, 5)
	for i, w := range ws {
		if w.text == "but" || w.text == "and" || w.text == "or" {
			return false
		}
		e, ok := d.claimLex().verbs[w.text]
		if !ok || e.Attr("denial") == "" {
			continue
		}
		// the word after the denial verb: "that", or the trigger itself
		return i == 0 || ws[i-1].text == "that"
	}
	return false
}

// habitualAdverbBefore reports whether an adverb of frequency
// (event_words.txt class=frequency) stands right before the verb at off or
// its auxiliary: the sentence states a practice, not an event.
func (d *docState) habitualAdverbBefore(s sentence, off int) bool {
	for _, w := range d.wordsBefore(off, s.Start, 2) {
		if d.index().ev.frequency[w.text] {
			return true
		}
	}
	return false
}

// habitualPresent reports whether the verb at off in sentence si is in
// the simple present ("reviews", "award") outside a headline: in a
// report's body that says what a body usually does, not what it did. A
// headline is the document's first sentence, or one with no closing
// stop ("Acme sues Globex over contract"). A verb of asking is no habit.
func (d *docState) habitualPresent(si, off int) bool {
	tag := d.tagAt(off)
	if tag != "VBZ" && tag != "VBP" || si == 0 {
		return false
	}
	if ws := d.wordsAfter(off, d.Sents[si].End, 1); len(ws) == 1 && d.index().ev.asking[ws[0].text] {
		return false // "Acme asks the court to annul the award": a request standing now
	}
	text := strings.TrimRight(d.Sents[si].Text, " \t\"”’'")
	return strings.HasSuffix(text, ".")
}

// requestedAsker is who asks for an event a party requests (a deposition,
// a motion), given the infinitive's agent inf: not the court asked but
// the party that asks it, through leave, a request, a court asked to
// allow it or to issue a summons.
func (r *eventRead) requestedAsker(inf *mention) *mention {
	d, ts, m := r.d, r.ts, r.m
	at := d.splitInfinitive(r.s, m.start)
	byCourt := func(a *mention) bool { return a == nil || a.Entity != nil && d.adjudicator(a.Entity.ID) }
	// "X asked the court to summon Y", "X asked the judge for leave to
	// cross-examine Y": X asks, not the court
	if inf != nil && inf.Entity != nil {
		// "X asked the tenders authority to summon Y": X asks, whoever
		// it asks to do it
		if a := d.askerOf(r.si, inf); a != nil || d.adjudicator(inf.Entity.ID) {
			inf = a
		}
	}
	if inf == nil {
		inf = d.askerForLeave(r.si, m.start)
	}
	if inf == nil {
		// "granted Acme's application to cross-examine X": Acme asks
		inf = d.requester(r.si, at, d.index().ev.request)
	}
	if inf == nil {
		inf = d.requestBy(r.si, at) // "a request by Acme to summon X"
	}
	if inf == nil {
		inf = d.requestByFor(r.si, m.start) // "an application by Acme for a subpoena compelling X"
	}
	if inf == nil && r.passive {
		inf = d.requestThat(r.si, m.start) // "her request that X be summoned"
	}
	if byCourt(inf) {
		// "X asked the court to allow its lawyers to cross-examine Y"
		if a, asked := d.askerOfCourtBefore(r.si, m.start); asked {
			inf = a
			if a == nil && r.subj != nil && r.subj.Entity != nil && d.adjudicator(r.subj.Entity.ID) {
				r.subj = nil // the court is asked, it asks no one
			}
		}
	}
	if byCourt(inf) {
		// "X asked the High Court to issue witness summonses compelling
		// Y to give evidence": who asked the court
		if a := d.courtAsker(ts, r.si, m.start); a != nil {
			inf = a
		}
	}
	return inf
}

// genericPlural reports whether a noun trigger is a bare plural that opens
// a reported clause and speaks of such events in general: a participle
// after it ("said inquiries lasting two years are normal"), a kind ("said
// that investigations of this kind take years") or a word of habit
// ("lawsuits rarely succeed"). Not "said investigations into Acme had
// been opened": those are events.
func (d *docState) genericPlural(s sentence, m trigMatch) bool {
	w := asciiLower(d.Doc.Text[m.start:m.end])
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	prev := d.wordsBefore(m.start, s.Start, 1)
	if len(prev) == 0 {
		return false
	}
	if _, reporting := d.claimLex().verbs[prev[0].text]; !reporting && prev[0].text != "that" {
		return false
	}
	next := d.wordsAfterAll(m.end, s.End)
	switch {
	case len(next) == 0:
		return false
	case strings.HasSuffix(next[0].text, "ing"), d.index().ev.habitual[next[0].text]:
		return true
	case len(next) > 1 && (next[0].text == "of" || next[0].text == "like"):
		return next[1].text == "this" || next[1].text == "that" || next[1].text == "these" || next[1].text == "such"
	}
	return false
}

// subjectPart adds the subject's part (an infinitive's agent, a possessor,
// or the clause's subject in the role the trigger gives it), and a court's
// when the subject is none.
func (r *eventRead) subjectPart() {
	d, ts, s, m, t, ev, typ := r.d, r.ts, r.s, r.m, r.t, r.ev, r.typ
	inf := d.infinitiveAgent(s, m.start)
	if d.triggers().requested[t.Type] {
		inf = r.requestedAsker(inf)
	}
	if inf == nil || inf.Entity != nil && d.adjudicator(inf.Entity.ID) {
		// "granted Acme leave to seek judicial review": Acme seeks it
		if g := d.grantedLeave(r.si, m.start); g != nil {
			inf = g
		}
	}
	if inf == nil {
		// "suspended the commission's decision to reject X": the
		// commission rejected X
		inf = d.requester(r.si, m.start, d.index().ev.decision) // its possessor does what it decided
	}
	switch {
	case inf != nil && t.Attrs["subj"] != "":
		ev.add(inf, t.Attrs["subj"]) // "directed X to review": X reviews
		ev.add(d.coSubject(s, inf), t.Attrs["subj"])
		r.subj = inf
	case inf == nil && !d.triggers().requested[t.Type] && d.unnamedDirected(s, m.start):
		// "an agreement which requires the chain to hire a monitor": the
		// chain hires, and the story does not name it
	case r.nounUse:
	case r.poss != nil && t.Attrs["poss"] != "":
		role := t.Attrs["poss"]
		if nw := d.wordsAfter(m.end, s.End, 1); len(nw) == 1 && t.Attrs[nw[0].text] == role && t.Attrs["subj"] != "" {
			role = t.Attrs["subj"] // "Acme's deposition of Jane Roe": the of-phrase is the deponent, Acme asks
		}
		ev.add(r.poss, role)
		if sj := t.Attrs["subj"]; sj != role && r.subj != nil && r.subj.Entity != r.poss.Entity && t.Noun && d.linkedNoun(s, m.start, ts) {
			ev.add(r.subj, sj) // "Acme wants to take Jane Roe's deposition": Acme asks, she answers
		}
	case m.nested:
		// "sustained a protest by X": the subject made the ruling, not the protest
	case r.legalSubj:
		// "the protest was dismissed": the protest is not the dismissed one's party
	case t.Noun && ts.challenge[t.Type] && r.subj != nil && r.subj.Entity != nil && d.adjudicator(r.subj.Entity.ID):
		// "the Supreme Court declined to take up its appeal": a court
		// hears an appeal, it files none
	case r.subj != nil && (!t.Noun || d.linkedNoun(s, m.start, ts) && !d.opensClause(s, m.end)):
		role := t.Attrs["subj"]
		if r.passive && t.Attrs["passive"] != "" {
			role = t.Attrs["passive"]
		}
		switch {
		case !t.Noun:
		case d.governedBy(s, m.start, ts.undergo):
			role = t.Attrs["against"] // "X faces a lawsuit", "X agreed to settle a suit"
		case d.governedBy(s, m.start, ts.speakOf):
			role = "" // "X called the motion baseless": X did not file it
		}
		if r.subjCourt && typ == "court_order" {
			role = asAgent
		}
		ev.add(r.subj, role)
		if role == asAgent || r.passive && role != "" {
			// "X and Y sued", "X and its president, Y, sued", "X and
			// Y were summoned"
			ev.add(d.coSubject(s, r.subj), role)
		}
		// "the department's Office of X extended a task order": a unit's
		// award or cancellation is its parent's too
		if role == asAgent && (typ == "award" || typ == "cancellation") {
			if p := d.parentOf(s, r.subj); p != nil {
				ev.add(p, asAgent)
			}
		}
	}
	if d.triggers().requested[t.Type] && len(ev.agents()) == 0 {
		a := d.atRequestOf(s, m.end)
		if a == nil {
			// "At the request of Acme, the court summoned X", "ordered X
			// to testify, granting a motion by Acme"
			a = d.atRequestOf(s, s.Start)
		}
		if a != nil {
			ev.add(a, asAgent) // "X was summoned at Acme's request"
		}
	}
	if d.triggers().requested[t.Type] {
		// "the court agreed to take sworn testimony from X", "the court
		// ordered X to testify": a court grants or orders what a party
		// asked for; it asks no one
		ev.parts = slices.DeleteFunc(ev.parts, func(p kg.Participant) bool {
			return p.As == asAgent && p.Entity != "" && d.adjudicator(p.Entity)
		})
	}
	if r.court != "" && len(ev.agents()) == 0 && (typ == "court_order" || typ == "court_ruling") {
		// "The judge denied the motion": a definite judge is the judge
		// the article last named
		if j := d.definiteJudge(r.court, m.start, ts); j != nil {
			ev.add(j, asAgent)
		} else {
			ev.describe(r.court, asAgent)
		}
	}
}

// atRequestOf is the party at whose request something is done, named
// after off in sentence s: "at the request of X", "on the application of
// X", "at X's request", "a motion by X", "filed by X" (event_words.txt
// class=behest).
func (d *docState) atRequestOf(s sentence, off int) *mention {
	behest := d.index().ev.behest
	ws := d.wordsAfterAll(off, s.End)
	for i := 0; i+2 < len(ws); i++ {
		if behest[ws[i].text] && (ws[i+1].text == "by" || ws[i+1].text == "from") || (ws[i].text == "filed" || ws[i].text == "lodged" || ws[i].text == "brought") && ws[i+1].text == "by" {
			// "granting a motion by X", "the request ..., filed by X"
			if m := d.mentionAt(ws[i+2].start); m != nil && m.Entity != nil && m.Start == ws[i+2].start {
				return m
			}
		}
		if ws[i].text != "at" && ws[i].text != "on" {
			continue
		}
		if ws[i+1].text == "the" && behest[ws[i+2].text] && i+3 < len(ws) && ws[i+3].text == "of" {
			// "at the request of X"
			if i+4 < len(ws) {
				if m := d.mentionAt(ws[i+4].start); m != nil && m.Entity != nil && m.Start == ws[i+4].start {
					return m
				}
			}
			continue
		}
		// "at X's request"
		if m := d.mentionAt(ws[i+1].start); m != nil && m.Entity != nil && m.Kind == nameMention && d.possessive(m) {
			if nw := d.wordsAfter(m.End, s.End, 2); len(nw) == 2 && behest[nw[1].text] {
				return m
			}
		}
	}
	return nil
}

// coSubject is the party joined to subject m by "and" in sentence s: "X
// and Y have sued" (m is X; a verb follows Y), "X and its president, Y,
// have sued" (m is Y), or nil.
func (d *docState) coSubject(s sentence, m *mention) *mention {
	if m == nil || m.Entity == nil || m.Kind != nameMention || m.Start < s.Start || m.End > s.End {
		return nil
	}
	t := d.Doc.Text
	after := d.mentionsIn(m.End, s.End)
	if len(after) > 0 && strings.TrimSpace(t[m.End:after[0].Start]) == "and" && after[0].Kind == nameMention && after[0].Entity != nil && !d.possessive(after[0]) {
		if ws := d.wordsAfter(after[0].End, s.End, 1); len(ws) == 1 && (strings.HasPrefix(d.tagAt(ws[0].start), "VB") || d.tagAt(ws[0].start) == "MD") {
			return after[0]
		}
	}
	// "X and its suspended president, Y,": the words before Y's comma
	// open with "and" and a possessive pronoun after a name
	i := strings.LastIndexByte(t[s.Start:m.Start], ',')
	if i < 0 || strings.TrimSpace(t[s.Start+i+1:m.Start]) != "" {
		return nil
	}
	ws := d.wordsBefore(s.Start+i, s.Start, 6)
	for k, w := range ws {
		if w.text != "and" {
			continue
		}
		if k == 0 || !ownerPronoun(ws[k-1].text) {
			return nil
		}
		before := d.mentionsIn(s.Start, w.start)
		if len(before) == 0 || strings.TrimSpace(t[before[len(before)-1].End:w.start]) != "" {
			return nil
		}
		if x := before[len(before)-1]; x.Kind == nameMention && x.Entity != nil && x.Entity != m.Entity && !d.possessive(x) {
			return x
		}
		return nil
	}
	return nil
}

// ownerPronoun reports whether w is a possessive pronoun of a third
// party ("its president", "their lawyer").
func ownerPronoun(w string) bool {
	switch w {
	case "its", "their", "his", "her":
		return true
	}
	return false
}

// challengedMaker gives a challenge that names no target the maker of
// the decision it challenges (event_words.txt class=decided), named as its
// possessor or after "of" or "by" within a few words: "appealed the
// council's fine", "an appeal against the agency's decision", "judicial
// review of a penalty imposed by the bank". A court is left out: an
// appeal of a ruling is against the other party.
func (r *eventRead) challengedMaker() {
	d, s, m := r.d, r.s, r.m
	if !r.d.triggers().challenge[r.ev.typ] || slices.ContainsFunc(r.ev.parts, func(p kg.Participant) bool { return p.As == "target" }) {
		return
	}
	decided := d.index().ev.decided
	ws := d.wordsAfterAll(m.end, s.End)
	for i := 0; i < len(ws) && i < challengeReach; i++ {
		if !decided[ws[i].text] {
			continue
		}
		maker := d.possessorBefore(r.si, ws[i].start)
		if maker == nil {
			// "the decision of X", "a penalty imposed by X"
			for j := i + 1; j < len(ws) && j <= i+2; j++ {
				if ws[j].text == "of" || ws[j].text == "by" {
					maker = d.byAgent(s, ws[j].end)
					break
				}
			}
		}
		if maker != nil && maker.Entity != nil && maker.Entity.Type == kg.Organization && !d.adjudicator(maker.Entity.ID) &&
			!slices.ContainsFunc(r.ev.parts, func(p kg.Participant) bool { return p.Entity == maker.Entity.ID }) {
			r.ev.add(maker, "target")
		}
		return
	}
}

// challengeReach is how many words after a challenge's trigger
// (event_types.txt challenge=1) the decision it challenges may stand.
const challengeReach = 8

// byAgentPart sets where the object starts and, for a noun with no agent
// yet, adds the party after "by": "the lawsuit was led by X", "an inquiry
// conducted by the law firm X", "a protest by X", "a lawsuit, filed in 2023
// by X".
func (r *eventRead) byAgentPart() {
	d, s, m, t := r.d, r.s, r.m, r.t
	r.from = m.end
	if t.gap {
		r.from = m.headEnd
	}
	if (t.Noun || r.nounUse) && len(r.ev.agents()) == 0 {
		by := d.passiveAfter(s, m.end)
		if by >= 0 && d.verbObject(s, m.start) && d.finiteAfter(s, m.end) {
			// "the complaint that prompted the inquiry was filed by X":
			// the clause's subject was filed, not the object
			by = -1
		}
		if by < 0 {
			by = d.byAfter(s, m.end)
		}
		if by >= 0 {
			if a := d.byAgent(s, by); a != nil {
				r.ev.add(a, asAgent)
			}
		}
	}
}

// verbObject reports whether the noun phrase of a noun starting at off
// follows a verb as its object ("prompted the inquiry"): the word before
// its determiner is a lower-case word that is no preposition, conjunction,
// clause opener or reporting verb.
func (d *docState) verbObject(s sentence, off int) bool {
	ws := d.wordsBefore(off, s.Start, 2)
	if len(ws) < 2 || !determiners[ws[0].text] {
		return false
	}
	w := ws[1]
	if d.reporting(w.text) {
		return false // "said the inquiry has been led by X": a clause of its own
	}
	return isLowerWord(d.Doc.Text[w.start:w.end]) && !prepositions[w.text] && !clauseWords[w.text] &&
		!determiners[w.text] && w.text != "and" && w.text != "or" && w.text != "but"
}

// finiteAfter reports whether a finite verb ("was", "has") follows a noun
// ending at off, as when the noun ends a clause whose subject it is not.
func (d *docState) finiteAfter(s sentence, off int) bool {
	ws := d.wordsAfter(off, s.End, 1)
	return len(ws) == 1 && auxiliary(ws[0].text)
}

// unlessReach is how many bytes after the end of a trigger ("named ...
// as") its unless= words are looked for.
const unlessReach = 24

// objectParts reads the object's span and adds its parts: a list's
// members, or each mention in the role its preposition gives it. It is
// false when a phrase the trigger needs ("then") does not follow.
func (r *eventRead) objectParts() bool {
	d, s, t := r.d, r.s, r.t
	r.end = d.objectEnd(s, r.from, t.List)
	if unless := t.Attrs["unless"]; unless != "" {
		// "named as a defendant" is no appointment
		near := asciiLower(d.Doc.Text[r.m.end:max(r.m.end, min(s.End, r.m.end+unlessReach))])
		for _, w := range strings.Split(unless, ",") {
			if indexWord(near, strings.TrimSpace(w)) >= 0 {
				return false
			}
		}
	}
	if then := t.Attrs["then"]; then != "" && !d.thenFollows(r, then) {
		return false
	}
	if t.List {
		d.listParticipants(r.ev, r.ts, s, r.from, r.end, t)
		d.colonParticipants(r.ev, s, r.end, t.Attrs["obj"], colonReach)
		if g := d.groupSubject(s, r.m.start, r.ts); r.subj == nil && g != "" && t.Attrs["subj"] != "" {
			// "two people must appear under oath before the court on
			// May 14: A and B"
			r.ev.describe(g, t.Attrs["subj"])
			d.colonParticipants(r.ev, s, r.end, t.Attrs["subj"], 2*colonReach)
		}
		return true
	}
	objDone := false
	for _, om := range d.objMentions(s, r.from, r.end) {
		if om.Start < r.m.end && !t.gap {
			continue
		}
		prep := d.prepBefore(s, om.Start, r.from)
		role := ""
		switch {
		case prep == "" && !objDone:
			role = r.directObject(om)
			objDone = true
		case prep == "by" && r.passive:
			role = asAgent
		case prep == "by" && d.otherParticipleBefore(s, om.Start, r.m.end):
			// "to review every contract held by X": X is the holder
		case prep != "":
			role = t.Attrs[prep]
		}
		if role != "" && !(r.subj != nil && om.Entity == r.subj.Entity) {
			r.ev.add(om, role)
		}
	}
	return true
}

// phraseAt reports whether the text at off, after spaces and commas,
// begins with phrase (lower case) as whole words, before end.
func (d *docState) phraseAt(off, end int, phrase string) bool {
	rest := strings.TrimLeft(d.Doc.Text[off:end], " \t\n,")
	if len(rest) < len(phrase) || asciiLower(rest[:len(phrase)]) != phrase {
		return false
	}
	return len(rest) == len(phrase) || !isWordByte(rest[len(phrase)])
}

// thenFollows reports whether the phrase a trigger needs (then=) follows
// it in its clause, and ends the object there: "question A and B under
// oath". "@testimony" stands for any phrase of event_words.txt
// class=testimony ("compelled A to give evidence"); the first one found
// ends the object.
func (d *docState) thenFollows(r *eventRead, then string) bool {
	phrases := []string{then}
	if then == "@testimony" {
		phrases = d.index().ev.testified
	}
	lower := asciiLower(d.Doc.Text[r.from:r.end])
	first, flen := -1, 0
	for _, p := range phrases {
		if i := indexWord(lower, p); i >= 0 && (first < 0 || i < first) {
			first, flen = i, len(p)
		}
	}
	switch {
	case first >= 0 && strings.Trim(lower[:first], " ,") == "" && strings.TrimSpace(lower[first+flen:]) != "":
		// "asked the court to hear, as witnesses, A and B": the phrase
		// comes first and the object after it
		r.from += first + flen
	case first >= 0:
		r.end = r.from + first
	case !slices.ContainsFunc(phrases, func(p string) bool { return d.phraseAt(r.end, r.s.End, p) }) && !d.appearFor(r, phrases):
		// "summon A, the chief of staff, to testify": the phrase may
		// also be where the object ends
		return false
	}
	// "ordered her not to testify": no testimony asked
	ws := d.wordsBefore(r.end, r.from, 1)
	return len(ws) == 0 || ws[0].text != "not" && ws[0].text != "never"
}

// appearFor reports whether the object ends at "to appear" and a phrase
// of phrases follows within appearReach words: "ordered A and B to appear
// next week for cross-examination".
func (d *docState) appearFor(r *eventRead, phrases []string) bool {
	if !d.phraseAt(r.end, r.s.End, "to appear") {
		return false
	}
	ws := d.wordsAfter(r.end, r.s.End, appearReach+2)
	for _, w := range ws[min(2, len(ws)):] {
		if slices.ContainsFunc(phrases, func(p string) bool { return d.phraseAt(w.start, r.s.End, p) }) {
			return true
		}
	}
	return false
}

// appearReach is how many words after "to appear" appearFor looks.
const appearReach = 5

// directObject is the role of the direct object om; a trigger that also
// states another event ("replaced him with Y") starts it with the object as
// its subject.
func (r *eventRead) directObject(om *mention) string {
	d, t, ev, subj := r.d, r.t, r.ev, r.subj
	role := t.Attrs["obj"]
	if also := t.Attrs["also"]; also != "" && r.ts.types[also] && om.Entity != nil {
		x := om
		// "the board replaced him with Y": no one replaces himself;
		// the pronoun is the latest other person
		if om.Kind == pronounMention && subj != nil && om.Entity == subj.Entity {
			x = d.latestOther(om.Start, subj.Entity)
		}
		if x != nil {
			ev.extra = &eventDraft{typ: also, names: map[string]string{}, sources: ev.sources}
			ev.extra.add(x, asSubject)
		}
	}
	if r.typ != t.Type && t.Attrs["court_obj"] != "" {
		role = t.Attrs["court_obj"]
	}
	return role
}

// retype reads the type the parts make the event: a review of another
// party's conduct is an investigation, a removal or appointment with no
// agent is by the subject's organization, and a verb whose object is a
// person takes its person type ("terminated the manager").
func (r *eventRead) retype() {
	d, ts, t, ev := r.d, r.ts, r.t, r.ev
	// "opened a review of X's reporting": a review of another party's
	// conduct is an investigation of that party
	if pt := t.Attrs["party"]; pt != "" && r.typ == t.Type && len(ev.agents()) > 0 && ts.types[pt] {
		for _, p := range ev.parts {
			if p.As != asAgent && p.Entity != "" && (p.As == t.Attrs["of"] || p.As == t.Attrs["into"]) {
				ev.typ = pt
				break
			}
		}
	}
	// "She was fired": without a named agent, the one who fired or named
	// the subject is the organization the subject holds a role at
	if len(ev.agents()) == 0 && (ev.typ == "removal" || ev.typ == "appointment") {
		for _, p := range ev.parts {
			if p.As == t.Attrs["passive"] && p.Entity != "" {
				if org := d.roleOrg(p.Entity); org != nil {
					ev.add(org, asAgent)
				}
				break
			}
		}
	}
	// "terminated the contract" is a cancellation, "terminated the
	// manager" a removal: the type when the object is a person
	if pt := t.Attrs["person"]; pt != "" && ev.typ == t.Type && ts.types[pt] {
		for i, p := range ev.parts {
			if p.As != asAgent && p.Entity != "" && d.entityType(p.Entity) == kg.Person {
				ev.typ = pt
				ev.parts[i].As = asSubject
				break
			}
		}
	}
}

// keepPeople drops the subjects that are not people from an event of
// people ("the law firm, which was hired by the board": an appointment or a
// removal is of a person); false when that leaves it no subject.
func (r *eventRead) keepPeople() bool {
	ev := r.ev
	if !r.ts.people[ev.typ] {
		return true
	}
	kept := ev.parts[:0]
	dropped := false
	for _, p := range ev.parts {
		if p.As == asSubject && p.Entity != "" && r.d.entityType(p.Entity) != kg.Person {
			dropped = true
			continue
		}
		kept = append(kept, p)
	}
	ev.parts = kept
	if !hasPart(ev.parts, asSubject) {
		// "fired the general manager of Acme, Jane Roe": the officer
		// described is the person named after the description
		if pm := r.d.describedPersonAfter(r.s, r.m.end); pm != nil {
			ev.add(pm, asSubject)
		}
	}
	return !dropped || hasPart(ev.parts, asSubject)
}

// describedPersonAfter is the person named after a description that
// opens right after off in sentence s with a determiner and ends at a
// comma: "the general manager of Acme (AC), Jane Roe". The description
// holds no other comma and no verb-like word (a reporting verb) and is at
// most twelve words long.
func (d *docState) describedPersonAfter(s sentence, off int) *mention {
	ws := d.wordsAfter(off, s.End, 1)
	if len(ws) == 0 || !determiners[ws[0].text] || ws[0].text == "that" {
		return nil
	}
	comma := strings.IndexByte(d.Doc.Text[off:s.End], ',')
	if comma < 0 {
		return nil
	}
	comma += off
	desc := d.wordsAfterAll(off, comma)
	if len(desc) > 12 {
		return nil
	}
	for _, w := range desc {
		if _, ok := d.claimLex().verbs[w.text]; ok {
			return nil
		}
	}
	for _, m := range d.mentionsIn(comma, s.End) {
		if m.Entity != nil && m.Entity.Type == kg.Person && strings.TrimSpace(d.Doc.Text[comma+1:m.Start]) == "" {
			return m
		}
		break
	}
	return nil
}

// finalChecks rejects a transitive trigger with no object ("settle in
// Denver", "settle down") and a court-only one with no court or judge
// ("refused to step aside").
func (r *eventRead) finalChecks() bool {
	d, ts, s, m, t := r.d, r.ts, r.s, r.m, r.t
	if ts.byChallenger[r.ev.typ] {
		// a court is asked, it is not asked to testify: "declined to hear
		// Acme's appeal, leaving in place rulings by the Court of Appeals"
		r.ev.parts = slices.DeleteFunc(r.ev.parts, func(p kg.Participant) bool {
			return p.As != asAgent && p.Entity != "" && d.adjudicator(p.Entity)
		})
	}
	if t.Attrs["transitive"] != "" {
		if ws := d.wordsAfter(m.end, s.End, 1); len(ws) == 0 || prepositions[ws[0].text] || ws[0].text == "down" || ws[0].text == "up" {
			return false // "settle in Denver", "settle down": no dispute settled
		}
	}
	if t.Attrs["court_only"] != "" && r.court == "" && !r.subjCourt && !d.judgeAmong(r.ev, ts) && !d.courtIn(s, r.from, r.end, ts) && !r.venue {
		return false // "refused to step aside" is a ruling only when a judge does it or is asked
	}
	if t.Attrs["asked"] != "" {
		answered := d.courtAnswers(ts, r.si, m.start)
		if !answered && !d.courtAskedTo(ts, r.si, m.start) {
			return false // "asked the court to question X" is a request for testimony; "questioned X" is not
		}
		if answered && r.subj != nil && r.subj.Entity != nil {
			// "the judge agreed to hear X, but refused to summon Y": the
			// one who refuses is the court, whatever name the clause holds
			r.ev.parts = slices.DeleteFunc(r.ev.parts, func(p kg.Participant) bool { return p.As == asAgent && p.Entity == r.subj.Entity.ID })
		}
	}
	if needs := t.Attrs["needs"]; needs != "" && r.typ == t.Type && slices.ContainsFunc(strings.Split(needs, ","), func(part string) bool {
		return !slices.ContainsFunc(r.ev.parts, func(p kg.Participant) bool { return p.As == part })
	}) {
		// "asked the court to hear the appeal": no one to be heard;
		// "dismissed the allegations": no one removed (a court's
		// dismissal, of another type, needs no one)
		return false
	}
	if t.Attrs["investigator"] != "" && !slices.ContainsFunc(r.ev.parts, func(p kg.Participant) bool { return p.As == asAgent && d.investigatingBody(p.Entity, ts) }) {
		return false // "the commission received a complaint" opens a file; "the company received a complaint" does not
	}
	return true
}

// courtAskedTo reports whether a party asks a court or a judge to do
// the verb at off in sentence si: "asked the court in August to question
// X", "asked Judge Y to hear X".
func (d *docState) courtAskedTo(ts *triggerSet, si, off int) bool {
	s := d.Sents[si]
	off = d.splitInfinitive(s, off)
	b := d.wordsBefore(off, s.Start, 1)
	if len(b) != 1 || b[0].text != "to" {
		return false
	}
	to := b[0].start
	if d.requestBefore(si, off) {
		return true // "granted Acme's request to summon X", "a request by Acme's counsel to summon X"
	}
	start, end := d.lastCourtNamed(ts, s, to)
	for _, w := range d.wordsBefore(to, s.Start, 5) {
		if ts.court[w.text] && w.start > start && d.mentionAt(w.start) == nil {
			start, end = w.start, w.end
			break
		}
	}
	if start < 0 || strings.Contains(d.Doc.Text[end:to], ",") || len(d.wordsAfterAll(end, to)) > 4 {
		return false
	}
	for _, w := range d.wordsBefore(start, s.Start, 3) {
		if d.index().ev.asking[w.text] {
			return true
		}
		if !determiners[w.text] && !ts.court[w.text] {
			return false // "asked Justice Jane Roe to": her title may stand before the name
		}
	}
	return false
}

// courtAnswers reports whether the verb at off is the infinitive ("also"
// may split it) of a verb by which a court answers a party's request:
// "the judge refused to summon X" (see courtDecides).
func (d *docState) courtAnswers(ts *triggerSet, si, off int) bool {
	s := d.Sents[si]
	b := d.wordsBefore(d.splitInfinitive(s, off), s.Start, 1)
	return len(b) == 1 && b[0].text == "to" && d.courtDecides(ts, si, b[0].start)
}

// courtDecides reports whether the "to" at off follows a verb by which a
// court or a judge answers a party's request (event_words.txt
// class=deciding): "the judge refused to summon X", "she refused,
// however, to order X to attend", "has not yet decided whether to call
// Y". What the court grants or refuses, a party asked for.
func (d *docState) courtDecides(ts *triggerSet, si, off int) bool {
	s := d.Sents[si]
	for range 3 {
		for off > s.Start && (d.Doc.Text[off-1] == ' ' || d.Doc.Text[off-1] == ',') {
			off-- // "she refused, however, to summon X"
		}
		b := d.wordsBefore(off, s.Start, 1)
		if len(b) == 0 {
			return false
		}
		w := b[0]
		off = w.start
		if w.text == "however" {
			continue
		}
		if !d.index().ev.deciding[w.text] {
			return false
		}
		if w.text == "whether" {
			continue
		}
		verb := w.start
		if b := d.wordsBefore(verb, s.Start, 1); len(b) == 1 && (b[0].text == "but" || b[0].text == "and") {
			// "the judge agreed to hear X, but refused to summon Y": the
			// first verb's subject refuses
			if v := d.firstFiniteVerb(s, s.Start, b[0].start); v >= 0 {
				verb = v
			}
		}
		if _, subj := d.subjectOf(si, verb); subj != nil {
			return subj.Entity != nil && d.adjudicator(subj.Entity.ID)
		}
		// "The judge refused to summon X": a court no name holds
		from, _ := d.clauseBounds(si, verb, nil)
		cw, end := d.courtWordAt(s, from, verb, ts)
		return cw != "" && len(d.wordsAfterAll(end, verb)) <= 3
	}
	return false
}

// splitInfinitive is where the infinitive whose verb is at off begins
// when "also" splits it ("to also summon X"): the offset of "also", else
// off.
func (d *docState) splitInfinitive(s sentence, off int) int {
	if b := d.wordsBefore(off, s.Start, 2); len(b) == 2 && b[0].text == "also" && b[1].text == "to" {
		return b[0].start
	}
	return off
}

// lastCourtNamed is the span of the last mention of a court or a judge
// in sentence s before off, or -1, -1.
func (d *docState) lastCourtNamed(ts *triggerSet, s sentence, off int) (start, end int) {
	start, end = -1, -1
	for _, m := range d.mentionsIn(s.Start, off) {
		if m.Entity != nil && (d.adjudicator(m.Entity.ID) || d.isJudge(m.Entity.ID, ts)) {
			start, end = m.Start, m.End
		}
	}
	return start, end
}

// courtAsker is who asks a court or a judge, earlier in sentence si than
// off, for what the verb at off does: the subject of the asking verb
// (event_words.txt class=asking) right before the last court or judge
// named before off ("X asked the High Court to issue witness summonses
// compelling Y"); nil when there is none or it names no one.
func (d *docState) courtAsker(ts *triggerSet, si, off int) *mention {
	s := d.Sents[si]
	start, _ := d.lastCourtNamed(ts, s, off)
	for _, w := range d.wordsAfterAll(max(start, s.Start), off) {
		if ts.court[w.text] && w.start > start && d.mentionAt(w.start) == nil {
			start = w.start // "asked the court to": a court word no name holds
		}
	}
	if start < 0 || strings.ContainsAny(d.Doc.Text[start:off], ";:") {
		return nil
	}
	if b := d.wordsBefore(off, s.Start, 2); len(b) == 2 && b[0].text == "to" && d.index().ev.request[b[1].text] {
		return nil // "asked the judge to put the case on hold, including an AWS motion to depose Y": the motion's maker asks
	}
	for _, w := range d.wordsBefore(start, s.Start, 3) {
		if d.index().ev.asking[w.text] {
			if _, subj := d.subjectOf(si, w.start); subj != nil && subj.Entity != nil && !d.adjudicator(subj.Entity.ID) {
				return subj
			}
			return d.counselClient(si, w.start)
		}
		if !determiners[w.text] && !ts.court[w.text] && isLowerWord(d.Doc.Text[w.start:w.end]) {
			return nil // past a determiner, a court word or a capitalized title ("asked Justice Jane Roe")
		}
	}
	return nil
}

// isJudge reports whether an entity holds a judge's title.
func (d *docState) isJudge(id string, ts *triggerSet) bool {
	for _, r := range d.Roles {
		if r.Person != id || id == "" {
			continue
		}
		if d.index().titles[strings.ToLower(r.Title)].Judge {
			return true // "Judicial Commissioner Jane Roe"
		}
		for _, w := range strings.Fields(strings.ToLower(r.Title)) {
			if ts.court[w] {
				return true
			}
		}
	}
	return false
}

// courtIn reports whether a court is named in [from, end): "lost its
// challenge in the Court of Federal Claims".
func (d *docState) courtIn(s sentence, from, end int, ts *triggerSet) bool {
	for _, m := range d.mentionsIn(from, end) {
		if m.Entity != nil && (m.Entity.Kind == "court" || d.isJudge(m.Entity.ID, ts)) {
			return true
		}
	}
	for _, w := range d.wordsAfterAll(from, end) {
		if ts.court[w.text] {
			return true
		}
	}
	return false
}

// courtBefore reports whether a court word ends right before a noun
// trigger at off, naming the court it goes to ("a Federal Court
// challenge", "a court challenge").
func (d *docState) courtBefore(s sentence, off int, ts *triggerSet) bool {
	ws := d.wordsAfterAll(s.Start, off)
	return len(ws) > 0 && ts.court[ws[len(ws)-1].text] && strings.TrimSpace(d.Doc.Text[ws[len(ws)-1].end:off]) == ""
}

// legalObject reports whether the object after a verb at off is a legal
// matter ("dismissed Amazon's lawsuit", "dismissed the case").
func (d *docState) legalObject(s sentence, off int, ts *triggerSet) bool {
	for _, w := range d.wordsAfter(off, s.End, 4) {
		if ts.legal[w.text] {
			return true
		}
		if prepositions[w.text] || beForms[w.text] {
			return false
		}
	}
	return false
}

// legalSubject reports whether the subject of a passive verb at off is a
// legal matter ("A separate protest by X was dismissed"): the first noun of
// its clause.
func (d *docState) legalSubject(si, off int, ts *triggerSet) bool {
	from, _ := d.clauseBounds(si, off, nil)
	for i, w := range d.wordsAfterAll(from, off) {
		if i > 3 || prepositions[w.text] {
			return false
		}
		if ts.legal[w.text] {
			return true
		}
	}
	return false
}

// partyToAt reports whether a party follows off and no clause of its
// own follows the party: "told Jane Park (in 2018) to", not "told Acme it
// plans to" nor "told Acme that it would".
func (d *docState) partyToAt(s sentence, off int) bool {
	if !d.partyAt(s, off) {
		return false
	}
	ws := d.wordsAfter(off, s.End, 1)
	end := ws[0].end
	if m := d.mentionAt(ws[0].start); m != nil && m.Entity != nil {
		end = m.End
	}
	next := d.wordsAfter(end, s.End, 1)
	if len(next) == 0 {
		return true // "banned Acme Capital."
	}
	switch next[0].text {
	case "it", "he", "she", "they", "we", "i", "you", "that":
		return false
	}
	return true
}

// officeAt reports whether an office is named at the first words after
// off: "the" and a title ("wants the director general to testify": its
// holder is the party, when the story names one).
func (d *docState) officeAt(s sentence, off int) bool {
	for i, tk := range s.Tokens {
		if tk.Start < off {
			continue
		}
		if !strings.EqualFold(tk.Text, "the") {
			return false
		}
		n, _ := d.index().titleAt(s.Tokens, i+1, len(s.Tokens))
		return n > 0
	}
	return false
}

// partyAt reports whether a party is named at the first word after off:
// a name or an object pronoun.
func (d *docState) partyAt(s sentence, off int) bool {
	ws := d.wordsAfter(off, s.End, 1)
	if len(ws) == 0 {
		return false
	}
	if m := d.mentionAt(ws[0].start); m != nil && m.Entity != nil {
		return true
	}
	if k := tokenAt(s, ws[0].start); k+1 < len(s.Tokens) && d.index().honorifics[s.Tokens[k].Text] {
		// "wants Dr. Jane Roe to": an honorific before the name
		if m := d.mentionAt(s.Tokens[k+1].Start); m != nil && m.Entity != nil && m.Entity.Type == kg.Person {
			return true
		}
	}
	if n, _ := d.index().titleAt(s.Tokens, tokenAt(s, ws[0].start), len(s.Tokens)); n > 0 {
		// "wanted Director General Jane Roe to": a title before the name
		if k := tokenAt(s, ws[0].start) + n; k < len(s.Tokens) {
			if m := d.mentionAt(s.Tokens[k].Start); m != nil && m.Entity != nil && m.Entity.Type == kg.Person {
				return true
			}
		}
	}
	switch ws[0].text {
	case "him", "her", "them":
		return true
	}
	return false
}

// byAfter returns the offset after a "by" right after a noun ending at off
// ("a protest by X"), or -1.
func (d *docState) byAfter(s sentence, off int) int {
	if ws := d.wordsAfter(off, s.End, 1); len(ws) == 1 && ws[0].text == "by" {
		return ws[0].end
	}
	return -1
}

// byAgent is the party of the phrase after "by" at off: the first party
// before the next preposition ("by X against Y" is X), or, when the phrase
// names none, the appositive after it ("by another bidder, X,").
func (d *docState) byAgent(s sentence, off int) *mention {
	end := d.objectEnd(s, off, false)
	ws := d.wordsAfter(off, end, 20)
	for i, w := range ws {
		// a preposition inside a name ("the Oregon Department of Justice")
		// ends nothing
		if prepositions[w.text] && !(w.text == "than" && i > 0 && (ws[i-1].text == "more" || ws[i-1].text == "fewer" || ws[i-1].text == "less")) && d.mentionAt(w.start) == nil {
			end = w.start
			break
		}
	}
	if ms := d.argMentions(s, off, end); len(ms) > 0 {
		return ms[0]
	}
	// "a review by the agency's inspector general", "commissioned by the
	// university's own board": an unnamed part of a party acts for it
	if ms := d.mentionsIn(off, end); len(ms) > 0 && ms[0].Entity != nil && d.possessive(ms[0]) {
		if ws := d.wordsAfter(off, end, 1); len(ws) == 1 && (ws[0].start == ms[0].Start || determiners[ws[0].text] && d.skipSpace(ws[0].end) == ms[0].Start) {
			return ms[0]
		}
	}
	t := d.Doc.Text
	if i := d.skipSpace(end); i < s.End && t[i] == ',' {
		if ms := d.argMentions(s, i+1, d.objectEnd(s, i+1, false)); len(ms) > 0 && ms[0].Start == d.skipSpace(i+1) {
			return ms[0]
		}
	}
	return nil
}

// indexWord is the offset of the first whole-word occurrence of phrase in
// lower, or -1.
func indexWord(lower, phrase string) int {
	for off := 0; ; {
		i := strings.Index(lower[off:], phrase)
		if i < 0 {
			return -1
		}
		i += off
		if wordEdge(lower, i, i+len(phrase)) {
			return i
		}
		off = i + 1
	}
}

// roleOrg is the organization a person holds a role at, as a mention, or
// nil: the first stated role with an organization.
func (d *docState) roleOrg(person string) *mention {
	for _, r := range d.Roles {
		if r.Person != person || r.Organization == "" {
			continue
		}
		for _, m := range d.Mentions {
			if m.Entity != nil && m.Entity.ID == r.Organization {
				return &mention{Entity: m.Entity}
			}
		}
	}
	return nil
}

// objMentions is argMentions with a possessor right after a preposition
// ("a review of X's reporting", "a lawsuit against X's decision"): the
// phrase is about that party.
func (d *docState) objMentions(s sentence, from, end int) []*mention {
	out := d.argMentions(s, from, end)
	n := len(out)
	for _, m := range d.mentionsIn(from, end) {
		if m.Entity == nil || !d.possessive(m) || m.Kind != nameMention {
			continue
		}
		if ws := d.wordsBefore(m.Start, from, 1); len(ws) == 1 && prepositions[ws[0].text] && ws[0].text != "by" {
			out = append(out, m)
		}
	}
	if len(out) > n {
		sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	}
	return out
}

// judgeAmong reports whether a participant holds a judge's title.
func (d *docState) judgeAmong(ev *eventDraft, ts *triggerSet) bool {
	for _, p := range ev.parts {
		for _, r := range d.Roles {
			if r.Person != p.Entity || p.Entity == "" {
				continue
			}
			for _, w := range strings.Fields(strings.ToLower(r.Title)) {
				if ts.court[w] {
					return true
				}
			}
		}
	}
	return false
}

// listParticipants reads a list of parties after a trigger ("depose A, B,
// C and two officials"): every named party, every unnamed group and every
// unnamed office-holder ("an official of the Ministry"), but not a
// description set off right before or after the name it describes ("his
// chief of staff, Jane Roe", "Jane Roe, a former member of its board").
func (d *docState) listParticipants(ev *eventDraft, ts *triggerSet, s sentence, from, end int, t *trigger) {
	role := t.Attrs["obj"]
	text := d.Doc.Text[from:end]
	// a leading preposition chooses the role: "depositions of A and B"
	lead := strings.TrimLeft(text, " ")
	if w := firstWord(lead); w != "" && t.Attrs[w] != "" && prepositions[w] {
		role = t.Attrs[w]
		from += len(text) - len(lead) + len(w)
		text = d.Doc.Text[from:end]
	} else if w != "" && prepositions[w] {
		return
	}
	if role == "" {
		return
	}
	items := splitList(text, from, func(off int) bool {
		m := d.mentionCovering(off)
		return m != nil && m.Entity != nil && m.Entity.Type == kg.Organization
	})
	for k, it := range items {
		if lead := firstWord(it.text); lead != "" && prepositions[lead] && t.Attrs[lead] == role {
			// "the testimony of A, and of B": the preposition again
			it.start += wordRe.FindStringIndex(it.text)[1]
			it.text = d.Doc.Text[it.start:it.end]
		}
		named := false
		for _, om := range d.argMentions(s, it.start, it.end) {
			// "director of operations Jane Roe": the title's own "of"
			if d.prepBefore(s, om.Start, it.start) != "" && !d.titlesPrep(s, om.Start, it.start) || d.modifier(s, om, ts) {
				continue
			}
			if om.Entity != nil && om.Entity.Type == kg.Organization {
				// an organization is a party only when it is the whole item
				if kg.Key(it.text) != kg.Key(om.Text) {
					continue
				}
			}
			ev.add(om, role)
			named = true
		}
		if named {
			continue
		}
		if h := d.officeHolder(s, it); h != nil {
			ev.add(h, role) // "summon the Director of Marine": the one holder the story names
			continue
		}
		if k+1 < len(items) && strings.TrimSpace(d.Doc.Text[it.end:items[k+1].start]) == "," && d.namedPersonItem(s, items[k+1]) ||
			k > 0 && strings.TrimSpace(d.Doc.Text[items[k-1].end:it.start]) == "," && d.namedPersonItem(s, items[k-1]) {
			continue // "his chief of staff, Jane Roe", "Jane Roe, a former member of its board": the name the description goes with
		}
		if pair := d.pairNamedBefore(s, it.text, ts); pair != nil {
			for _, m := range pair {
				ev.add(m, role) // "the depositions of both officials": the two the sentence before names
			}
			continue
		}
		if isGroup(it.text, ts) || d.unnamedHolder(s, it) {
			ev.describe(it.text, role)
		}
	}
}

// pairNamedBefore is the two persons the sentence before s names, when a
// list item refers back to a pair of people ("both officials", "the two
// executives": a group noun, event_triggers.txt cue=group) and that
// sentence names exactly two persons; nil otherwise.
func (d *docState) pairNamedBefore(s sentence, item string, ts *triggerSet) []*mention {
	ws := strings.Fields(strings.ToLower(item))
	both := len(ws) == 2 && ws[0] == "both"
	two := len(ws) == 3 && ws[0] == "the" && ws[1] == "two"
	if !both && !two || !ts.group[ws[len(ws)-1]] || s.Index == 0 {
		return nil
	}
	prev := d.Sents[s.Index-1]
	var out []*mention
	for _, m := range d.mentionsIn(prev.Start, prev.End) {
		if m.Kind != nameMention || m.Entity == nil || m.Entity.Type != kg.Person || d.possessive(m) || slices.ContainsFunc(out, func(o *mention) bool { return o.Entity == m.Entity }) {
			continue
		}
		out = append(out, m)
	}
	if len(out) != 2 {
		return nil
	}
	return out
}

// namedPersonItem reports whether a list item is a person's name and no
// more ("Jane Roe", "Mrs Jane Roe").
func (d *docState) namedPersonItem(s sentence, it listItem) bool {
	for _, m := range d.argMentions(s, it.start, it.end) {
		if m.Entity != nil && m.Entity.Type == kg.Person && m.Kind == nameMention && m.End == it.end {
			return true
		}
	}
	return false
}

// unnamedHolder reports whether a list item describes one person by an
// office of or at a body, with an indefinite article before the title
// (and its modifiers) or before the body ("an official of the Ministry",
// "the manager of a state company", "a senior engineer at Acme"), or by
// the office of a body the item ends in ("the chairman of the Harwell
// Loan Board").
func (d *docState) unnamedHolder(s sentence, it listItem) bool {
	toks := s.Tokens
	i := slices.IndexFunc(toks, func(t token) bool { return t.Start >= it.start })
	if i < 0 || i+2 >= len(toks) || toks[i].Start >= it.end {
		return false
	}
	art := strings.ToLower(toks[i].Text)
	if art != "a" && art != "an" && art != "the" && art != "one" {
		return false
	}
	x := d.index()
	t := i + 1
	for t < len(toks) && (x.titleMods[strings.ToLower(toks[t].Text)] || x.former[strings.ToLower(toks[t].Text)]) {
		t++ // "a senior engineer at", "a former official of"
	}
	n, _ := x.titleAt(toks, t, len(toks))
	if n == 0 || t+n+1 >= len(toks) || toks[t+n].End > it.end {
		return false
	}
	if p := toks[t+n].Text; p != "of" && p != "at" {
		return false
	}
	next := strings.ToLower(toks[t+n+1].Text)
	if art != "the" || next == "a" || next == "an" {
		return true
	}
	// "the executive director of the Harwell Loan Board", when the story
	// names no one as its holder (officeHolder): the body is named
	ms := d.mentionsIn(toks[t+n+1].Start, it.end)
	if len(ms) == 0 {
		return false
	}
	m := ms[0]
	return m.Kind == nameMention && m.Entity != nil && m.Entity.Type == kg.Organization && m.End == it.end
}

// colonParticipants reads the parties a colon spells out after a group
// that takes role ("hear two officials under oath: the director general
// of trade at the ministry, who chaired the committee, and Jane Roe"):
// each person named there and each office whose one holder the story
// names. Only when the event describes a group in that role, and the
// colon comes within reach words of off.
func (d *docState) colonParticipants(ev *eventDraft, s sentence, off int, role string, reach int) {
	if role == "" || !slices.ContainsFunc(ev.parts, func(p kg.Participant) bool { return p.Entity == "" && p.As == role }) {
		return
	}
	rest := d.Doc.Text[off:s.End]
	c := strings.IndexByte(rest, ':')
	if c < 0 || len(strings.Fields(rest[:c])) > reach || strings.ContainsAny(rest[:c], ",;\"“”") {
		return
	}
	from := off + c + 1
	for _, m := range d.mentionsIn(from, s.End) {
		if m.Entity != nil && m.Entity.Type == kg.Person && m.Kind == nameMention && !d.possessive(m) && d.prepBefore(s, m.Start, from) == "" {
			ev.add(m, role)
		}
	}
	toks := s.Tokens
	for i, tk := range toks {
		if tk.Start < from || !strings.EqualFold(tk.Text, "the") || i+1 >= len(toks) {
			continue
		}
		if n, _ := d.index().titleAt(toks, i+1, len(toks)); n == 0 {
			continue
		}
		end := s.End
		for _, u := range toks[i+1:] {
			if (u.Text == "," || u.Text == "(" || u.Text == ";") && d.mentionCovering(u.Start) == nil {
				end = u.Start
				break
			}
		}
		it := listItem{start: tk.Start, end: end, text: d.Doc.Text[tk.Start:end]}
		if h := d.officeHolder(s, it); h != nil {
			ev.add(h, role)
		}
	}
}

// colonReach is how many words may stand between an object and the colon
// that spells it out.
const colonReach = 6

// groupSubject is the unnamed group that is the subject of the verb at
// off, right before it and its modal or auxiliary ("two people must
// appear"), or "".
func (d *docState) groupSubject(s sentence, off int, ts *triggerSet) string {
	ws := d.wordsBefore(off, s.Start, 5)
	for len(ws) > 0 && (modalWord(ws[0].text) || auxiliary(ws[0].text)) {
		ws = ws[1:]
	}
	for n := 1; n <= min(3, len(ws)); n++ {
		g := d.Doc.Text[ws[n-1].start:ws[0].end]
		if !isGroup(g, ts) || !isLowerWords(g) {
			continue
		}
		if n < len(ws) && isGroup(ws[n].text, ts) {
			g = d.Doc.Text[ws[n].start:ws[0].end] // "two people": the number too
		}
		return g
	}
	return ""
}

// mentionCovering is the name mention whose span holds off strictly
// inside it, or nil.
func (d *docState) mentionCovering(off int) *mention {
	for _, m := range d.Mentions {
		if m.Kind == nameMention && m.Start < off && off < m.End {
			return m
		}
	}
	return nil
}

// officeHolder reads a list item that is an office ("the Permanent
// Secretary of the Ministry of Works", "the Director of Marine", "the
// ministry's head of procurement") and gives a mention of the one person
// the story names as its holder, by title and, when the item names the
// body, by that body; nil when the item is no office or the story names
// no holder or several.
func (d *docState) officeHolder(s sentence, it listItem) *mention {
	var toks []token
	for _, t := range s.Tokens {
		if t.Start >= it.start && t.End <= it.end {
			toks = append(toks, t)
		}
	}
	i := 0
	if i < len(toks) && determiners[strings.ToLower(toks[i].Text)] {
		i++
	}
	var org *entity
	if i < len(toks) {
		// "the ministry's head of procurement"
		for _, m := range d.mentionsIn(toks[i].Start, it.end) {
			if m.Start == toks[i].Start && m.Entity != nil && m.Entity.Type == kg.Organization && d.possessive(m) {
				org = m.Entity
				for i < len(toks) && toks[i].End <= m.End {
					i++
				}
				if i < len(toks) && (toks[i].Text == "'s" || toks[i].Text == "'" || toks[i].Text == "’s") {
					i++
				}
			}
			break
		}
	}
	n, ti := d.index().titleAt(toks, i, len(toks))
	if n == 0 {
		return nil
	}
	k := i + n
	if org == nil && k+1 < len(toks) && (toks[k].Text == "of" || toks[k].Text == "at") {
		// "of the Ministry of Works", "of Marine"
		for _, m := range d.mentionsIn(toks[k+1].Start, it.end) {
			if m.Entity != nil && m.Entity.Type == kg.Organization {
				org = m.Entity
				for k < len(toks) && toks[k].End <= m.End {
					k++
				}
			}
			break
		}
	}
	if k < len(toks) && toks[k].Text != "to" && toks[k].Text != "(" {
		return nil // "the head of a securities firm", "the director who signed"
	}
	title := strings.ToLower(ti.Phrase)
	item := strings.ToLower(it.text)
	// the title, or the role's longer title the item spells out ("the
	// director general of trade at the ministry"); else the one longer
	// title that opens with it ("the minister": the Minister of Transport)
	holder, ok := d.oneHolder(org, func(rt string) bool {
		return rt == title || strings.HasPrefix(rt, title+" ") && strings.Contains(item, rt)
	})
	if !ok {
		return nil
	}
	if holder == "" {
		if holder, ok = d.oneHolder(org, func(rt string) bool { return strings.HasPrefix(rt, title+" ") }); !ok || holder == "" {
			return nil
		}
	}
	e := d.entityByID(holder)
	if e == nil {
		return nil
	}
	return &mention{Start: it.start, End: it.end, Text: it.text, Sent: s.Index, Kind: nominalMention, Entity: e}
}

// oneHolder is the one person who holds a current role whose lower-case
// title passes match (at org, when not nil): "" when no one does, false
// when several do.
func (d *docState) oneHolder(org *entity, match func(string) bool) (string, bool) {
	holder := ""
	for _, r := range d.Roles {
		if !match(strings.ToLower(r.Title)) || org != nil && r.Organization != org.ID || r.Status == kg.Former {
			continue
		}
		if holder != "" && holder != r.Person {
			return "", false
		}
		holder = r.Person
	}
	return holder, true
}

type listItem struct {
	start, end int
	text       string
}

var listSep = regexp.MustCompile(`\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+`)

// splitList splits a list of parties at commas and conjunctions.
func splitList(text string, base int, inName func(off int) bool) []listItem {
	var out []listItem
	prev := 0
	add := func(a, b int) {
		seg := text[a:b]
		tr := strings.TrimSpace(seg)
		if tr == "" {
			return
		}
		off := a + strings.Index(seg, tr)
		out = append(out, listItem{start: base + off, end: base + off + len(tr), text: tr})
	}
	for _, loc := range listSep.FindAllStringIndex(text, -1) {
		if inName(base + loc[0]) {
			continue // "the Scholarship, Grant and Loan Board"
		}
		add(prev, loc[0])
		prev = loc[1]
	}
	add(prev, len(text))
	return out
}

var quantity = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "several": true, "other": true, "others": true, "some": true,
	"multiple": true, "many": true, "various": true, "numerous": true, "a": false,
}

// isGroup reports whether a list item names an unnamed group of people
// ("two members of the board", "others", "agency officials").
func isGroup(item string, ts *triggerSet) bool {
	ws := strings.Fields(strings.ToLower(item))
	if len(ws) == 0 {
		return false
	}
	if quantity[ws[0]] || ws[0] != "" && ws[0][0] >= '0' && ws[0][0] <= '9' {
		return true
	}
	for _, w := range ws {
		if ts.group[strings.Trim(w, ".,;:")] {
			return true
		}
	}
	return false
}

// dateFor is the date of an event stated at off in sentence si: the first
// date of the trigger's own clause (see clauseBounds), else, when the
// sentence has no date at all, the latest earlier date of its paragraph. A
// date in another clause of the sentence belongs to that clause's event:
// "sued in November 2019 after the latter awarded ..." does not date the
// award.
func (d *docState) dateFor(dates [][]dateRef, si, off int) dateRef {
	if len(dates[si]) > 0 {
		from, to, skip := d.clause(si, off, dates[si])
	next:
		for _, r := range dates[si] {
			for _, sp := range skip {
				if r.Start >= sp[0] && r.Start < sp[1] {
					continue next
				}
			}
			if r.Start >= from && r.Start < to {
				return r
			}
		}
		return dateRef{}
	}
	for i := si - 1; i >= 0 && d.Sents[i].Para == d.Sents[si].Para; i-- {
		if n := len(dates[i]); n > 0 {
			return dates[i][n-1]
		}
	}
	return dateRef{}
}

// clauseWords start a clause for date attachment: subordinators, relative
// pronouns and "as" when a clause follows it ("as the agency reviewed").
var clauseWords = map[string]bool{
	"after": true, "before": true, "when": true, "since": true, "as": true, "because": true,
	"while": true, "although": true, "though": true, "until": true, "once": true, "whereas": true,
	"if": true, "unless": true, "who": true, "which": true, "whom": true, "that": true,
}

// clauseBounds returns the span of the clause of sentence si around off.
func (d *docState) clauseBounds(si, off int, dates []dateRef) (int, int) {
	from, to, _ := d.clause(si, off, dates)
	return from, to
}

// clause returns the span of the clause of sentence si around off: it
// starts after the last clause word or semicolon before off and ends at the
// next one after it, leaving out (skip) the relative clauses set off by
// commas inside it ("Roe, who recused herself, launched") and a
// subordinate clause that opens the sentence ("After X won, Y sued"). A clause word
// that a date starts with or is followed by ("since 2014", "after October
// 25") is a preposition, but one that ends a date before a clause ("a month
// after X won") starts that clause; "that" and "as" start a clause only
// before a subject-like word ("that the case", "as it", not "that
// contract", "as interim CEO").
func (d *docState) clause(si, off int, dates []dateRef) (from, to int, skip [][2]int) {
	s := d.Sents[si]
	t := d.Doc.Text
	from, to = s.Start, s.End
	ws := d.wordsAfterAll(s.Start, s.End)
	for i, w := range ws {
		if !clauseWords[w.text] {
			continue
		}
		var next word
		if i+1 < len(ws) {
			next = ws[i+1]
		}
		inDate := false
		for _, r := range dates {
			if w.start >= r.Start && w.start < r.End && !(w.end == r.End && next.end > 0) || next.end > 0 && next.start == r.Start && strings.TrimSpace(t[w.end:next.start]) == "" {
				inDate = true
			}
		}
		if inDate || next.end == 0 {
			continue
		}
		if (w.text == "that" || w.text == "as") && !d.clauseOpener(next) {
			continue
		}
		// a relative clause between commas, or a subordinate clause that
		// opens the sentence ("After X won, Y sued"), ends at its comma
		fronted := i < 6 && !relatives[w.text] && !strings.Contains(t[s.Start:w.start], ",")
		if fronted || relatives[w.text] && strings.HasSuffix(strings.TrimRight(t[s.Start:w.start], " \t"), ",") {
			if c := strings.IndexByte(t[w.end:s.End], ','); c >= 0 {
				closing := w.end + c
				if off >= closing {
					skip = append(skip, [2]int{w.start, closing})
					continue
				}
				if off >= w.end {
					return w.end, closing, nil
				}
			}
		}
		if w.end <= off {
			from = w.end
			skip = nil
		} else if w.start >= off {
			to = w.start
			break
		}
	}
	if i := strings.LastIndexByte(t[from:off], ';'); i >= 0 {
		from += i + 1
	}
	if i := strings.IndexByte(t[off:to], ';'); i >= 0 {
		to = off + i
	}
	return from, to, skip
}

// clauseOpener reports whether w can start a clause after "that" or "as":
// a determiner, a pronoun, a name, a form of "be" or "have", or a modal.
func (d *docState) clauseOpener(w word) bool {
	switch w.text {
	case "he", "she", "it", "they", "we", "i", "you", "there", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "must":
		return true
	}
	return determiners[w.text] || beForms[w.text] || !isLowerWord(d.Doc.Text[w.start:w.end])
}

// datePrecision ranks date precisions: a day is more precise than a month,
// a month than a season, a season than a year.
func datePrecision(r dateRef) int {
	switch r.Precision {
	case precDay:
		return 4
	case precMonth:
		return 3
	case precSeason:
		return 2
	case precYear:
		return 1
	}
	return 0
}

// mergeDrafts joins drafts of one type whose agents agree (or are unknown)
// and which share a party or leave the others open, in order of first
// statement.
func (d *docState) mergeDrafts(evs []*eventDraft, byAgent map[string]bool) []*eventDraft {
	var out []*eventDraft
	for _, e := range evs {
		if len(e.parts) == 0 {
			continue
		}
		var into *eventDraft
		for _, x := range out {
			if x.typ == e.typ && (compatible(x, e) || byAgent[e.typ] && sameAgents(x, e)) {
				into = x
				if sameAgents(x, e) {
					break
				}
			}
		}
		if into == nil {
			out = append(out, e)
			continue
		}
		for _, p := range e.parts {
			if p.Entity != "" {
				into.add(&mention{Entity: &entity{ID: p.Entity, Name: e.names[p.Entity]}}, p.As)
			} else {
				into.describe(p.Description, p.As)
			}
		}
		// one event stated with several dates keeps the most precise one
		// ("in October 2019" and later "on October 25"); ties keep the first
		if datePrecision(e.date) > datePrecision(into.date) {
			into.date = e.date
		}
		for _, src := range e.sources {
			if !hasSource(into.sources, src) {
				into.sources = append(into.sources, src)
			}
		}
	}
	return out
}

// toEvents turns merged drafts into the document's events.
func (d *docState) toEvents(out []*eventDraft) []kg.Event {
	var evsOut []kg.Event
	for _, e := range out {
		sortParts(e.parts)
		ids := []string{d.Doc.ID, e.typ}
		for _, p := range e.parts {
			if p.As == asAgent {
				ids = append(ids, p.Entity, p.Description)
			}
		}
		ids = append(ids, strconv.Itoa(e.sources[0].Start))
		evsOut = append(evsOut, kg.Event{
			ID:            kg.ID("evt", ids...),
			Type:          e.typ,
			Date:          e.date.Date,
			DatePrecision: e.date.Precision,
			DateText:      e.date.Text,
			Summary:       summary(e),
			Participants:  e.parts,
			Sources:       e.sources,
		})
	}
	return evsOut
}

func compatible(x, e *eventDraft) bool {
	xa, ea := x.agents(), e.agents()
	if len(xa) > 0 && len(ea) > 0 && !overlap(xa, ea) {
		return false
	}
	if len(xa) == 0 || len(ea) == 0 {
		return true
	}
	xo, eo := others(x), others(e)
	return len(xo) == 0 || len(eo) == 0 || overlap(xo, eo)
}

func sameAgents(x, e *eventDraft) bool {
	xa, ea := x.agents(), e.agents()
	return len(xa) > 0 && overlap(xa, ea)
}

func others(e *eventDraft) []string {
	var out []string
	for _, p := range e.parts {
		if p.As != asAgent && p.Entity != "" {
			out = append(out, p.Entity)
		}
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func hasSource(ss []kg.Source, s kg.Source) bool {
	for _, x := range ss {
		if x.Document == s.Document && x.Start == s.Start && x.End == s.End {
			return true
		}
	}
	return false
}

// sortParts puts agents first, keeping the order of statement otherwise.
func sortParts(ps []kg.Participant) {
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].As == asAgent && ps[b].As != asAgent })
}

func summary(e *eventDraft) string {
	var b strings.Builder
	b.WriteString(e.typ)
	for i, p := range e.parts {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		name := e.names[p.Entity]
		if p.Entity == "" {
			name = p.Description
		}
		b.WriteString(p.As + " " + name)
	}
	return b.String()
}

// ---- clause helpers shared by events and claims ----

var prepositions = map[string]bool{
	"of": true, "for": true, "to": true, "from": true, "by": true, "with": true, "against": true,
	"at": true, "on": true, "in": true, "into": true, "about": true, "over": true, "under": true,
	"between": true, "among": true, "including": true, "regarding": true, "per": true, "like": true,
	"than": true, "as": true, "after": true, "before": true, "toward": true, "towards": true, "upon": true,
	"within": true, "without": true, "through": true, "via": true, "behind": true, "despite": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"this": true, "that": true, "these": true, "those": true, "all": true, "any": true, "some": true,
	"each": true, "every": true, "my": true, "your": true, "no": true,
}

var beForms = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "got": true, "get": true, "gets": true}

// auxiliary reports whether w is a form of "be" or "have" (beForms, has,
// have, had).
func auxiliary(w string) bool {
	return beForms[w] || w == "has" || w == "have" || w == "had"
}

// reporting reports whether w is a reporting verb form (reporting_verbs.txt).
func (d *docState) reporting(w string) bool {
	_, ok := d.claimLex().verbs[w]
	return ok
}

// reportedClauseAfter reports whether w is a reporting verb (said,
// argued) whose reported clause opens right after it, before off, with
// no "that": a determiner, a name or a subject pronoun follows it
// ("said the contracts were", "said Acme had"). Only the verbs whose
// words go on as a claim and that report in their bare form too
// (reporting_verbs.txt continues=1 and bare=1: say, argue): others take
// an object ("told Acme", "added Globex to the complaint", "announced the
// award").
func (d *docState) reportedClauseAfter(w word, off int) bool {
	if e, ok := d.claimLex().verbs[w.text]; !ok || e.Attr("continues") == "" || e.Attr("bare") == "" {
		return false // "told Acme", "added Globex to the complaint", "announced the award": an object, no clause
	}
	ws := d.wordsAfter(w.end, off, 1)
	if len(ws) == 0 || ws[0].end >= off || strings.TrimSpace(d.Doc.Text[w.end:ws[0].start]) != "" {
		return false
	}
	next := ws[0].text
	if prepositions[next] || next == "that" || next == "to" {
		return false
	}
	return determiners[next] || pronouns[next] || !isLowerWord(d.Doc.Text[ws[0].start:ws[0].end])
}

// subordinators open a clause whose subject follows them; relatives ("who")
// take the subject of the noun before them.
var subordinators = map[string]bool{
	"that": true, "after": true, "when": true, "while": true, "because": true, "before": true,
	"since": true, "although": true, "though": true, "whether": true, "if": true, "until": true,
	"where": true, "once": true, "but": true,
}
var relatives = map[string]bool{"who": true, "which": true, "whom": true}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*`)

func firstWord(s string) string {
	loc := wordRe.FindStringIndex(s)
	if loc == nil || strings.TrimSpace(s[:loc[0]]) != "" {
		return ""
	}
	return strings.ToLower(s[loc[0]:loc[1]])
}

// word is a word of the text with its original-text offsets.
type word struct {
	text       string // lower case
	start, end int
}

// wordsBefore returns up to n words ending at or before off (nearest first),
// not before limit and not across punctuation or a mention.
func (d *docState) wordsBefore(off, limit, n int) []word {
	var out []word
	t := d.Doc.Text
	i := off
	for len(out) < n && i > limit {
		j := i
		for j > limit && (t[j-1] == ' ' || t[j-1] == '\t') {
			j--
		}
		if j <= limit {
			break
		}
		k := j
		for k > limit && isWordByte(t[k-1]) {
			k--
		}
		if k == j {
			break // punctuation
		}
		if m := d.mentionAt(k); m != nil && m.Kind == nameMention {
			break
		}
		out = append(out, word{strings.ToLower(t[k:j]), k, j})
		i = k
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c == '\'' || c == '-' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// wordsAfter returns up to n words starting at or after off, not past limit
// and not across punctuation.
func (d *docState) wordsAfter(off, limit, n int) []word {
	var out []word
	t := d.Doc.Text
	i := off
	for len(out) < n && i < limit {
		j := i
		for j < limit && (t[j] == ' ' || t[j] == '\t') {
			j++
		}
		k := j
		for k < limit && isWordByte(t[k]) {
			k++
		}
		if k == j {
			break
		}
		out = append(out, word{strings.ToLower(strings.TrimRight(t[j:k], "'’")), j, k})
		i = k
	}
	return out
}

// possessive reports whether a mention is a possessor ("Amazon's", "its").
func (d *docState) possessive(m *mention) bool {
	switch strings.ToLower(m.Text) {
	case "its", "his", "her", "their":
		return true
	}
	rest := d.Doc.Text[m.End:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ")
}

// modifier reports whether a mention modifies a following noun ("Acme
// officials", "Acme competitors"): then it is not itself a party.
func (d *docState) modifier(s sentence, m *mention, ts *triggerSet) bool {
	ws := d.wordsAfter(d.skipParen(m.End, s.End), s.End, 1)
	if len(ws) == 0 || ws[0].start != d.skipSpace(d.skipParen(m.End, s.End)) {
		return false
	}
	w := ws[0].text
	x := d.index()
	if ts != nil && ts.group[w] || x.ev.proxy[w] {
		return true
	}
	if tg := d.tagAt(ws[0].start); tg != "" {
		return strings.HasPrefix(tg, "NN") && !strings.HasPrefix(tg, "NNP") && !strings.HasPrefix(d.Doc.Text[ws[0].start:], strings.ToUpper(w[:1]))
	}
	return false
}

// proxy reports whether an organization mention acts through a proxy noun
// right after it ("an Acme spokesperson", "Acme's lawyers"), or after one
// lower-case modifier that is no status word ("Acme's disciplinary panel",
// not "Acme's former directors"); the noun is lower case, not a unit's
// own name.
func (d *docState) proxy(s sentence, m *mention) bool {
	off := m.End
	rest := d.Doc.Text[off:]
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasPrefix(rest, p) {
			off += len(p) // "Acme's lawyers", "Corliss' lawyers"
			break
		}
	}
	ws := d.wordsAfter(d.skipParen(off, s.End), s.End, 2)
	x := d.index()
	if len(ws) == 2 && !x.ev.proxy[ws[0].text] && !x.former[ws[0].text] &&
		isLowerWord(d.Doc.Text[ws[0].start:ws[0].end]) && d.Doc.Text[ws[0].end:ws[1].start] == " " {
		ws = ws[1:] // "the league's disciplinary panel", not "Acme's former directors"
	}
	// the organ is a common noun, not the name of a unit of its own ("the
	// Harwell Department's Office of Records")
	return len(ws) >= 1 && x.ev.proxy[ws[0].text] && isLowerWord(d.Doc.Text[ws[0].start:ws[0].end])
}

// skipParen skips a parenthetical right after off: "Amazon (AMZN) said".
func (d *docState) skipParen(off, limit int) int {
	t := d.Doc.Text
	i := d.skipSpace(off)
	if i < limit && t[i] == '(' {
		if j := strings.IndexByte(t[i:limit], ')'); j >= 0 {
			return i + j + 1
		}
	}
	return off
}

func (d *docState) skipSpace(off int) int {
	for off < len(d.Doc.Text) && (d.Doc.Text[off] == ' ' || d.Doc.Text[off] == '\t') {
		off++
	}
	return off
}

// tagAt returns the part-of-speech tag of the token starting at off, or "".
func (d *docState) tagAt(off int) string {
	si := d.sentenceAt(off)
	if si < 0 {
		return ""
	}
	for _, tk := range d.Sents[si].Tokens {
		if tk.Start == off {
			return tk.Tag
		}
	}
	return ""
}

// prepBefore returns the preposition that introduces the phrase starting at
// off ("to rival X" -> "to"), looking back at most two words and not before
// limit; "" if none.
func (d *docState) prepBefore(s sentence, off, limit int) string {
	t := d.Doc.Text
	if i := off; i > 0 && (t[i-1] == '(') {
		return "("
	}
	for _, w := range d.wordsBefore(off, max(limit, s.Start), 2) {
		if prepositions[w.text] {
			return w.text
		}
		if !determiners[w.text] && !isLowerWord(t[w.start:w.end]) {
			return ""
		}
	}
	return ""
}

// titlesPrep reports whether the preposition prepBefore finds before off
// belongs to a title phrase that ends right before off: "director of
// operations Jane Roe".
func (d *docState) titlesPrep(s sentence, off, limit int) bool {
	i := slices.IndexFunc(s.Tokens, func(t token) bool { return t.Start >= off })
	if i < 0 {
		return false
	}
	start, ok := titlePhraseEndingAt(d.index(), s.Tokens, i)
	if !ok {
		return false
	}
	for _, w := range d.wordsBefore(off, max(limit, s.Start), 2) {
		if prepositions[w.text] {
			return s.Tokens[start].Start < w.start
		}
	}
	return false
}

func isLowerWord(w string) bool {
	for _, r := range w {
		return unicode.IsLower(r)
	}
	return false
}

// mentions of the sentence within [from, end), with pronouns the mention
// finder left unresolved resolved to the nearest earlier entity.
func (d *docState) argMentions(s sentence, from, end int) []*mention {
	var out []*mention
	for _, m := range d.mentionsIn(from, end) {
		if m.Entity == nil || d.possessive(m) {
			continue
		}
		out = append(out, m)
	}
	for _, w := range d.wordsAfter(from, end, 200) {
		if d.mentionAt(w.start) != nil {
			continue
		}
		if m := d.pronoun(w, false); m != nil {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// pronoun resolves a personal pronoun the mention finder did not to the
// nearest earlier entity of the fitting type; nil when w is no pronoun.
func (d *docState) pronoun(w word, subject bool) *mention {
	var person bool
	switch w.text {
	case "he", "she":
		person = true
	case "him", "her", "himself", "herself":
		if subject {
			return nil
		}
		person = true
	case "it":
	default:
		return nil
	}
	var e *entity
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		m := d.Mentions[i]
		if m.End > w.start || m.Entity == nil {
			continue
		}
		if (m.Entity.Type == kg.Person) == person && (!person || d.agrees(m.Entity, w.text)) {
			e = m.Entity
			if ps := d.previousSubject(w, person); subject && ps != nil && ps.Entity != e && d.prepBefore(d.Sents[m.Sent], m.Start, d.Sents[m.Sent].Start) != "" {
				e = ps.Entity // "Acme ... filed the motion in its lawsuit against the ministry. It asks": Acme
			}
			break
		}
	}
	if e == nil {
		return nil
	}
	return &mention{Start: w.start, End: w.end, Text: d.Doc.Text[w.start:w.end], Sent: d.sentenceAt(w.start), Kind: pronounMention, Entity: e}
}

// previousSubject is the subject of the sentence before the one that a
// pronoun w opens, in its paragraph, when it is a party of the pronoun's
// kind that its own sentence does not name again: "Acme, which has sued
// the ministry, filed the motion on Monday in its lawsuit against the
// ministry. It asks ..." is Acme, not the ministry named last in a
// prepositional phrase (pronoun asks only then). Nil when w does not open
// its sentence or that subject does not fit.
func (d *docState) previousSubject(w word, person bool) *mention {
	si := d.sentenceAt(w.start)
	if si < 1 || d.Sents[si-1].Para != d.Sents[si].Para || strings.Trim(d.Doc.Text[d.Sents[si].Start:w.start], " \"“") != "" {
		return nil
	}
	prev := d.Sents[si-1]
	v := d.firstFiniteVerb(prev, prev.Start, prev.End)
	if v < 0 {
		return nil
	}
	for _, m := range d.mentionsIn(prev.Start, v) {
		if m.Entity == nil || m.Kind != nameMention {
			continue
		}
		if (m.Entity.Type == kg.Person) == person && (!person || d.agrees(m.Entity, w.text)) && !d.possessive(m) && d.prepBefore(prev, m.Start, prev.Start) == "" &&
			!slices.ContainsFunc(d.mentionsIn(w.end, d.Sents[si].End), func(o *mention) bool { return o.Entity == m.Entity && !d.possessive(o) }) {
			return m // not "It sued the authority" of the authority
		}
		return nil
	}
	return nil
}

// bound is a clause boundary: a punctuation mark, a relative pronoun (rel)
// or a subordinator (sub).
type bound struct {
	start, end int
	rel, sub   bool
}

// afterRelative is the subject of a verb right after the comma that closes
// a relative clause ("Oracle, which argued that ... Amazon, lost its
// challenge": Oracle): the name before the last ", which" or ", who" when
// the trigger's own segment opens with a verb-like word and names no
// subject.
func (d *docState) afterRelative(s sentence, off int, bounds []bound) *mention {
	if len(bounds) < 2 {
		return nil
	}
	t := d.Doc.Text
	last := bounds[len(bounds)-1]
	if t[last.start] != ',' {
		return nil
	}
	ws := d.wordsAfter(last.end, off, 1)
	if len(ws) == 0 {
		// the verb itself follows the comma: "X, which ..., wants the court to"
		ws = d.wordsAfter(last.end, s.End, 1)
	}
	if len(ws) == 0 || !isLowerWord(t[ws[0].start:ws[0].end]) || determiners[ws[0].text] || prepositions[ws[0].text] ||
		subordinators[ws[0].text] || relatives[ws[0].text] || ws[0].text == "and" || ws[0].text == "or" || d.subjectIn(s, last.end, off) != nil {
		return nil
	}
	for k := len(bounds) - 2; k >= 0; k-- {
		b := bounds[k]
		if !b.rel {
			continue
		}
		before := strings.TrimRight(t[s.Start:b.start], " \t")
		if !strings.HasSuffix(before, ",") {
			return nil
		}
		comma := s.Start + len(before) - 1
		if comma+1 >= last.start {
			return nil
		}
		end := comma // "Acme Ltd (AL), which ..., has asked": the name before a parenthesis
		if head := strings.TrimRight(t[s.Start:comma], " "); strings.HasSuffix(head, ")") {
			if o := strings.LastIndexByte(head, '('); o > 0 && !strings.Contains(head[o:], ",") {
				end = s.Start + len(strings.TrimRight(head[:o], " "))
			}
		}
		ms := d.mentionsIn(s.Start, end)
		if len(ms) == 0 {
			return nil
		}
		m := ms[len(ms)-1]
		if m.Entity == nil || d.possessive(m) || strings.TrimSpace(t[m.End:end]) != "" {
			return nil
		}
		return m
	}
	return nil
}

// subjectOf finds the subject of the clause in which offset off of
// sentence si stands: the first mention of the clause that is not after a
// preposition, not a possessor and not in parentheses, looking back clause
// by clause; for a relative clause ("X, who recused") the noun before it.
// It returns where the clause starts too.
func (d *docState) subjectOf(si, off int) (int, *mention) {
	return d.clauseSubject(si, off, false)
}

// subjectBounds are the clause bounds before off in sentence s that
// subjectOf reads: punctuation, dashes, relative pronouns, subordinators
// and, with reported, verbs of saying that open a reported clause.
func (d *docState) subjectBounds(s sentence, off int, reported bool) []bound {
	var bounds []bound
	t := d.Doc.Text
	names := d.mentionsIn(s.Start, off)
	for i := s.Start; i < off; i++ {
		c := t[i]
		switch {
		case c == ',' && slices.ContainsFunc(names, func(m *mention) bool { return m.Kind == nameMention && m.Start < i && i < m.End }):
			// a comma inside a name ("Acme Angola, Lda") bounds no clause
		case c == ',' || c == ';' || c == ':':
			bounds = append(bounds, bound{i, i + 1, false, false})
		case strings.HasPrefix(t[i:], "—") || strings.HasPrefix(t[i:], "–") || strings.HasPrefix(t[i:], " -- "):
			bounds = append(bounds, bound{i, i + 1, false, false})
		}
	}
	prev := ""
	for _, w := range d.wordsAfterAll(s.Start, off) {
		// "has since opened", "had once run": after an auxiliary the word
		// is an adverb, not a subordinator
		adverb := auxiliary(prev)
		if w.text == "that" && d.nominalEndsBefore(s, w.start) && verbAfter(s, w.end) {
			// "a company that lost the bid has asked": after a body
			// described by its noun, "that" and a verb open a relative
			// clause ("told the committee that the audit would" does not)
			bounds = append(bounds, bound{w.start, w.end, true, false})
		} else if relatives[w.text] || subordinators[w.text] && !adverb {
			bounds = append(bounds, bound{w.start, w.end, relatives[w.text], subordinators[w.text] && w.text != "but"})
		} else if reported && d.reportedClauseAfter(w, off) {
			// "X said the contracts had been cancelled": the reported
			// clause has a subject of its own, not the speaker
			bounds = append(bounds, bound{w.start, w.end, false, true})
		}
		prev = w.text
	}
	sort.Slice(bounds, func(a, b int) bool { return bounds[a].start < bounds[b].start })
	return bounds
}

// clauseSubject is subjectOf; with reported, a reported clause that
// opens without "that" after a verb of saying bounds the clause too (see
// reportedClauseAfter): the subject of an event a speaker reports.
func (d *docState) clauseSubject(si, off int, reported bool) (int, *mention) {
	s := d.Sents[si]
	if at := d.andBeforeAside(s, off); at >= 0 {
		// "X filed a protest and, after it was rejected, sued": the verb
		// stands where "and" does
		return d.clauseSubject(si, at, reported)
	}
	bounds := d.subjectBounds(s, off, reported)
	t := d.Doc.Text
	// "... that the case was moot and asked the judge to": a verb after
	// "and" in a subjectless "that" clause shares the main clause's subject
	andVerb := false
	if ws := d.wordsBefore(off, s.Start, 1); len(ws) == 1 && ws[0].text == "and" {
		andVerb = true
	}
	if c := d.afterRelative(s, off, bounds[:]); c != nil {
		return bounds[len(bounds)-1].end, c
	}
	segEnd := off
	for k := len(bounds); k >= 0; k-- {
		segStart := s.Start
		if k > 0 {
			segStart = bounds[k-1].end
		}
		// an appositive between commas after a name ("X, a co-founder and
		// longtime Y ally, resigned") is not the subject: the name is
		if k > 0 && segEnd < off && t[segEnd] == ',' && t[bounds[k-1].start] == ',' && d.appositive(s, bounds[k-1].start, segStart, segEnd) {
			segEnd = bounds[k-1].start
			continue
		}
		// a relative clause between commas ("X, which owns Y, filed"): its
		// nouns are not the subject; the name before it is
		if k > 1 && segEnd < off && t[segEnd] == ',' && bounds[k-1].rel && t[bounds[k-2].start] == ',' && strings.TrimSpace(t[bounds[k-2].end:bounds[k-1].start]) == "" {
			segEnd = bounds[k-1].start
			continue
		}
		if c := d.subjectIn(s, segStart, segEnd); c != nil {
			if b := d.wordsBefore(c.Start, s.Start, 1); c.Kind == pronounMention && len(b) == 1 && d.reportedClauseAfter(b[0], off) {
				// "X said he would ask": the speaker, when the pronoun fits
				if _, sp := d.clauseSubject(si, b[0].start, false); sp != nil && sp.Entity != nil && sp.Entity.Type == c.Entity.Type && (sp.Entity.Type != kg.Person || d.agrees(sp.Entity, strings.ToLower(c.Text))) {
					c = &mention{Start: c.Start, End: c.End, Text: c.Text, Sent: c.Sent, Kind: pronounMention, Entity: sp.Entity}
				}
			}
			if v := d.firstFiniteVerb(s, segStart, c.Start); andVerb && segEnd == off && v >= 0 {
				// "the committee banned referee X and suspended Y": the
				// second verb's subject is the first's, not its object
				return segStart, d.subjectIn(s, segStart, v)
			}
			return segStart, c
		}
		if segEnd == off && d.ownDescribedSubject(segStart, off) {
			// ", and her longtime coach resigned": the clause has a
			// subject of its own that names no one
			return segStart, nil
		}
		if k > 0 && bounds[k-1].rel {
			if m, ok := d.relativeSubject(s, bounds[k-1].start, segEnd == off && !andVerb); ok {
				return segStart, m
			}
		}
		if k > 0 && bounds[k-1].sub && segEnd == off && !(andVerb && strings.EqualFold(t[bounds[k-1].start:bounds[k-1].end], "that")) {
			// the trigger's own clause is subordinate and has no subject:
			// the main clause's subject is not its subject
			return segStart, nil
		}
		if k > 0 {
			segEnd = bounds[k-1].start
		}
	}
	return s.Start, nil
}

// relativeSubject is the subject of a relative clause opened at rel: the
// last name before it ("Acme, which sued"; "Acme's lawyers, who had
// asked": the body acts through them), or, when the trigger's own clause
// is the relative one (own), the antecedent ("the drivers who sued": no
// one named). ok is false when no name stands before rel.
func (d *docState) relativeSubject(s sentence, rel int, own bool) (*mention, bool) {
	ms := d.mentionsIn(s.Start, rel)
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Entity != nil && (!d.possessive(ms[i]) || d.proxy(s, ms[i])) {
			if own {
				return d.antecedent(ms, i, rel), true
			}
			return ms[i], true
		}
	}
	return nil, false
}

// antecedent is what the relative pronoun at rel refers to, given that
// ms[i] is the last name before it: that name, when nothing but an
// appositive, a parenthesis, an embedded relative clause or the body's
// officials stand between them ("Jane Roe, 52, a lawyer who", "Acme, a
// company that makes pumps, which", "the Acme officials who"); the person
// whose appositive's noun the name only qualifies ("Jane Roe, a former
// Acme official who", "Jane Roe, an engineer at Acme who"); nil when the
// name is in another clause ("Jane Roe said that the drivers who": a
// finite verb, a modal or "that" after a verb between) or qualifies a noun
// that names no one ("a Hooli engineer who").
func (d *docState) antecedent(ms []*mention, i, rel int) *mention {
	m := ms[i]
	si := d.sentenceAt(rel)
	if si < 0 {
		return m
	}
	if d.clauseBreak(si, m.End, rel) {
		return nil
	}
	if strings.EqualFold(d.Doc.Text[rel:min(rel+3, len(d.Doc.Text))], "who") {
		// "who" is a person's: "which" after "a partner at Acme, which
		// brought the claim" is Acme's
		if p := d.appositivePerson(ms, i, si); p != nil {
			return p
		}
	}
	gap := strings.TrimSpace(d.Doc.Text[m.End:rel])
	if gap == "" || strings.HasPrefix(gap, ",") || strings.HasPrefix(gap, "(") {
		return m
	}
	for _, w := range d.wordsAfter(m.End, rel, 6) {
		if !d.index().ev.proxy[w.text] && w.text != "and" && !determiners[w.text] && w.text != "s" && !isPossessive(w.text) {
			return nil
		}
	}
	return m // "the Acme officials who", "Acme and its lawyers, who", "Acme's lawyers, who"
}

// clauseBreak reports whether a clause boundary lies in [from, to) of
// sentence si: a finite verb, a modal or "that", before any relative
// pronoun (whose clause is embedded: "a nurse who works nights and who").
func (d *docState) clauseBreak(si, from, to int) bool {
	for _, t := range d.Sents[si].Tokens {
		if t.Start < from || t.Start >= to {
			continue
		}
		low := strings.ToLower(t.Text)
		if relatives[low] || low == "that" && t.Tag == "WDT" {
			return false
		}
		if low == "that" || t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD" {
			return true
		}
	}
	return false
}

// appositivePerson is the person ms[i-1] when the name ms[i] only
// qualifies the noun of that person's appositive, or is that noun's
// object: "Jane Roe, a former Acme official who", "Jane Roe, an engineer
// at Acme who"; not "According to Jane Roe, a Globex engineer who" nor
// "Jane Roe, and a Globex engineer who".
func (d *docState) appositivePerson(ms []*mention, i, si int) *mention {
	if i == 0 || ms[i-1].Entity == nil || ms[i-1].Entity.Type != kg.Person || ms[i].Entity.Type == kg.Person {
		return nil
	}
	p, m := ms[i-1], ms[i]
	rest, ok := strings.CutPrefix(strings.TrimSpace(d.Doc.Text[p.End:m.Start]), ",")
	if !ok || !isLowerWords(rest) || d.clauseBreak(si, p.End, m.Start) {
		return nil
	}
	ws := d.wordsAfter(p.End+strings.IndexByte(d.Doc.Text[p.End:m.Start], ',')+1, m.Start, 1)
	if len(ws) == 0 || !determiners[ws[0].text] && !d.index().former[ws[0].text] {
		return nil
	}
	if b := d.wordsBefore(p.Start, d.Sents[si].Start, 1); len(b) == 1 && (prepositions[b[0].text] || b[0].text == "to") {
		return nil
	}
	return p
}

// isLowerWords: s is empty or lower-case words and spaces only.
func isLowerWords(s string) bool {
	for _, r := range s {
		if !(r == ' ' || r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}

// appositive reports whether [from, end), between the comma at comma and
// another, is an appositive: it opens with a determiner or possessive ("a
// co-founder", "its chief operating officer") right after a name, or with
// "of" or "from" right after a person's name ("Jane Roe, of the firm
// Hollis Ward, asked").
func (d *docState) appositive(s sentence, comma, from, end int) bool {
	ws := d.wordsAfter(from, end, 1)
	fromPrep := len(ws) > 0 && (ws[0].text == "of" || ws[0].text == "from")
	if len(ws) == 0 || !fromPrep && (!determiners[ws[0].text] || ws[0].text == "that" || ws[0].text == "all" || ws[0].text == "no") {
		return false
	}
	ms := d.mentionsIn(s.Start, comma)
	return len(ms) > 0 && ms[len(ms)-1].Entity != nil && strings.TrimSpace(d.Doc.Text[ms[len(ms)-1].End:comma]) == "" && (!fromPrep || ms[len(ms)-1].Entity.Type == kg.Person)
}

// wordsAfterAll returns all words in [from, end), punctuation or not.
func (d *docState) wordsAfterAll(from, end int) []word {
	if d.words == nil || d.wordsText != d.Doc.Text {
		d.wordsText = d.Doc.Text
		d.words = readWords(d.Doc.Text, 0, len(d.Doc.Text))
	}
	ws := d.words
	i := sort.Search(len(ws), func(k int) bool { return ws[k].end > from })
	j := sort.Search(len(ws), func(k int) bool { return ws[k].end > end })
	if i < len(ws) && ws[i].start < from || j < len(ws) && ws[j].start < end {
		// a word of the text runs across from or end: read the span's
		// own words, as they are cut
		return readWords(d.Doc.Text, from, end)
	}
	if i >= j {
		return nil
	}
	return ws[i:j:j]
}

// readWords returns the words (wordRe) of text[from:end], lower case.
func readWords(text string, from, end int) []word {
	var out []word
	span := text[from:end]
	lower := asciiLower(span) // one copy for the span: a word of ASCII letters is a slice of it
	for a, b := range wordSpans(span) {
		w := lower[a:b]
		if !isASCII(w) {
			w = strings.ToLower(span[a:b])
		}
		out = append(out, word{w, from + a, from + b})
	}
	return out
}

// wordsIn returns the words of s (wordRe) as wordRe.FindAllString does.
func wordsIn(s string) []string {
	var out []string
	for a, b := range wordSpans(s) {
		out = append(out, s[a:b])
	}
	return out
}

// countWords is len(wordsIn(s)).
func countWords(s string) int {
	n := 0
	for range wordSpans(s) {
		n++
	}
	return n
}

// wordSpans yields the start and end of each word of s as wordRe finds
// them: runs of letters and digits joined by single apostrophes, full
// stops or hyphens. It scans s once; the regexp was a twentieth of
// extraction's time.
func wordSpans(s string) iter.Seq2[int, int] {
	isWordRune := func(i int) (bool, int) {
		if c := s[i]; c < utf8.RuneSelf {
			return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9', 1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		return unicode.IsLetter(r) || unicode.IsNumber(r), n
	}
	// run returns the end of the run of letters and digits at i (i if none)
	run := func(i int) int {
		for i < len(s) {
			ok, n := isWordRune(i)
			if !ok {
				break
			}
			i += n
		}
		return i
	}
	return func(yield func(int, int) bool) {
		for i := 0; i < len(s); {
			e := run(i)
			if e == i {
				_, n := isWordRune(i)
				i += n
				continue
			}
			for e < len(s) {
				sep := 1
				if strings.HasPrefix(s[e:], "’") {
					sep = len("’")
				} else if c := s[e]; c != '\'' && c != '.' && c != '-' {
					break
				}
				next := run(e + sep)
				if next == e+sep {
					break
				}
				e = next
			}
			if !yield(i, e) {
				return
			}
			i = e
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// lawyersFor reports whether the mention m follows a proxy noun and "for"
// at the start of a clause: "Lawyers for the state asked ..." is the state
// acting.
func (d *docState) lawyersFor(s sentence, m *mention, from int) bool {
	ws := d.wordsBefore(m.Start, from, 4)
	if len(ws) > 0 && determiners[ws[0].text] {
		ws = ws[1:] // "lawyers for the authority"
	}
	if len(ws) < 2 || ws[0].text != "for" {
		return false
	}
	x := d.index()
	if !x.ev.proxy[ws[1].text] {
		return false
	}
	for _, w := range ws[2:] {
		if !determiners[w.text] {
			return false
		}
	}
	return true
}

// ledBy reports whether the mention m follows "led by" or "headed by"
// after a plural noun: "Eleven exporters led by Acme have asked ..." is
// Acme acting for them.
func (d *docState) ledBy(m *mention, from int) bool {
	ws := d.wordsBefore(m.Start, from, 3)
	return len(ws) == 3 && ws[0].text == "by" && (ws[1].text == "led" || ws[1].text == "headed") && strings.HasSuffix(ws[2].text, "s")
}

// ownDescribedSubject reports whether the clause [from, off) opens, after a
// conjunction, with a noun phrase of its own that names no one: a
// determiner or a possessive pronoun, then words up to the verb at off.
func (d *docState) ownDescribedSubject(from, off int) bool {
	ws := d.wordsAfterAll(from, off)
	if len(ws) > 0 && (ws[0].text == "and" || ws[0].text == "but") {
		ws = ws[1:]
	}
	if len(ws) < 2 {
		return false
	}
	switch ws[0].text {
	case "the", "a", "an", "his", "her", "its", "their":
	default:
		return false
	}
	for _, w := range ws[1:] {
		if beForms[w.text] || modals[w.text] || prepositions[w.text] || relatives[w.text] {
			return false
		}
	}
	return true
}

// subjectIn is the first subject-like mention in [from, end).
func (d *docState) subjectIn(s sentence, from, end int) *mention {
	var cands []*mention
	for _, m := range d.mentionsIn(from, end) {
		if m.Entity == nil || d.possessive(m) && !d.proxy(s, m) || d.prepBefore(s, m.Start, from) != "" && !d.lawyersFor(s, m, from) && !d.ledBy(m, from) {
			continue
		}
		if m.Entity.Type == kg.Organization && (d.modifier(s, m, nil) || d.titledAfter(s, m)) && !d.proxy(s, m) {
			continue
		}
		cands = append(cands, m)
		break
	}
	for _, w := range d.wordsAfterAll(from, end) {
		if d.mentionAt(w.start) != nil {
			continue
		}
		if len(cands) > 0 && w.start > cands[0].Start {
			break
		}
		if pm := d.pronoun(w, true); pm != nil && d.prepBefore(s, w.start, from) == "" {
			return pm
		}
	}
	if len(cands) > 0 {
		return cands[0]
	}
	return nil
}

// andBeforeAside returns the end of the "and" before a subordinate clause
// that ends, with a comma, right before off ("and, after it was rejected,
// sued", "and when the city refused, sued"), or -1.
func (d *docState) andBeforeAside(s sentence, off int) int {
	t := d.Doc.Text
	end := off
	for end > s.Start && t[end-1] == ' ' {
		end--
	}
	if end <= s.Start || t[end-1] != ',' {
		return -1
	}
	ws := d.wordsAfterAll(s.Start, end-1)
	for k := len(ws) - 1; k > 0 && k >= len(ws)-12; k-- {
		if !subordinators[ws[k].text] || ws[k].text == "that" || ws[k].text == "but" {
			continue
		}
		and := ws[k-1]
		if between := strings.TrimSpace(t[and.end:ws[k].start]); and.text == "and" && (between == "" || between == ",") &&
			!strings.ContainsAny(t[ws[k].end:end-1], ",;:") {
			return and.end
		}
		return -1
	}
	return -1
}

// firstFiniteVerb returns the start of the first past or present tense
// verb in [from, off) of sentence s that is no reporting verb, auxiliary or
// form of "be", or -1.
func (d *docState) firstFiniteVerb(s sentence, from, off int) int {
	for _, t := range s.Tokens {
		if t.Start < from || t.End > off || !(t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP") || !isLowerWord(t.Text) {
			continue
		}
		if !d.reporting(t.Text) && !auxiliary(t.Text) {
			return t.Start
		}
	}
	return -1
}

// possessorBefore returns the possessor of the noun phrase ending at off
// ("on X's orders", "its lawsuit"), or nil.
func (d *docState) possessorBefore(si, off int) *mention {
	s := d.Sents[si]
	ms := d.mentionsIn(s.Start, off)
	if len(ms) == 0 {
		return nil
	}
	m := ms[len(ms)-1]
	if m.Entity == nil {
		return nil
	}
	gap := d.Doc.Text[m.End:off]
	if len(ms) > 1 && strings.TrimSpace(gap) == ")" && ms[len(ms)-2].Entity == m.Entity && d.possessive(ms[len(ms)-2]) {
		// "the Harwell Transit Authority's (HTA) award": the acronym in
		// parentheses spells out the possessor
		return ms[len(ms)-2]
	}
	if !d.possessive(m) {
		// an organization's name modifying the noun acts as its possessor:
		// "a Securities and Exchange Commission investigation" (a court so
		// placed is where it happens: "a Federal Court challenge")
		if m.Entity.Type != kg.Organization || m.Entity.Kind == "court" || m.Kind != nameMention || strings.TrimSpace(gap) != "" {
			return nil
		}
		return m
	}
	gap = strings.TrimPrefix(strings.TrimPrefix(gap, "'s"), "’s")
	if strings.ContainsAny(gap, ",;:()\"“”") || len(strings.Fields(gap)) > 2 {
		return nil
	}
	return m
}

// passiveBefore reports whether the verb at off is passive ("was granted").
func (d *docState) passiveBefore(s sentence, off int) bool {
	for _, w := range d.wordsBefore(off, s.Start, 3) {
		if beForms[w.text] {
			return true
		}
		if !strings.HasSuffix(w.text, "ly") && w.text != "not" && w.text != "also" {
			return false
		}
	}
	return false
}

// reducedRelative reports whether the verb trigger at m is a participle
// that follows a common noun and takes no object: a passive clause
// reduced to its participle ("the licence awarded in January to X", "the
// contract granted to X"), whose doer is not the sentence's subject.
func (d *docState) reducedRelative(s sentence, m trigMatch) bool {
	head := d.Doc.Text[m.start:m.headEnd]
	if !strings.HasSuffix(strings.ToLower(head), "ed") || strings.Contains(head, " ") {
		return false
	}
	ws := d.wordsBefore(m.start, s.Start, 1)
	if len(ws) != 1 || ws[0].end != m.start-1 {
		return false
	}
	if tag := d.tagAt(ws[0].start); tag != "NN" && tag != "NNS" || !isLowerWord(d.Doc.Text[ws[0].start:ws[0].end]) {
		return false
	}
	if d.mentionAt(ws[0].start) != nil {
		return false // "the company sued in May": a party acts
	}
	i := d.skipSpace(m.headEnd)
	if i >= s.End || d.Doc.Text[i] == ',' || d.Doc.Text[i] == '.' {
		return true
	}
	nw := d.wordsAfter(m.headEnd, s.End, 1)
	return len(nw) == 1 && (d.tagAt(nw[0].start) == "IN" || d.tagAt(nw[0].start) == "TO")
}

// passiveAfter finds a passive verb and "by" right after a noun ending at
// off ("was led by", "has been conducted by", "filed by", ", filed in 2023
// by") and returns the offset after "by", or -1.
func (d *docState) passiveAfter(s sentence, off int) int {
	by, _ := d.passiveVerbAfter(s, off)
	return by
}

// passiveVerbAfter is passiveAfter with the participle, or "" with -1.
func (d *docState) passiveVerbAfter(s sentence, off int) (int, string) {
	if i := d.skipSpace(off); i < s.End && d.Doc.Text[i] == ',' {
		off = i + 1 // a participle phrase set off by a comma
	}
	ws := d.wordsAfter(off, s.End, 14)
	i := 0
	if i < len(ws) && (ws[i].text == "has" || ws[i].text == "had" || ws[i].text == "have") {
		i++
	}
	if i < len(ws) && beForms[ws[i].text] {
		i++
	}
	// "by" right after the participle, or after phrases of time or place
	// that begin with a preposition ("filed in 2023 by", "filed in the
	// federal court in Delaware by"), with no clause of their own
	by := -1
	for j := i + 1; j < len(ws) && j <= i+10; j++ {
		if ws[j].text == "by" {
			by = j
			break
		}
		if j == i+1 && !prepositions[ws[j].text] || clauseWords[ws[j].text] || beForms[ws[j].text] ||
			j > i+4 && isLowerWord(d.Doc.Text[ws[j].start:ws[j].end]) && strings.HasSuffix(ws[j].text, "ed") {
			break
		}
	}
	if i >= len(ws) || by < 0 {
		return -1, ""
	}
	w := ws[i].text
	x := d.index()
	if isLowerWord(d.Doc.Text[ws[i].start:ws[i].end]) && (strings.HasSuffix(w, "ed") || x.ev.participle[w]) && !x.ev.reaction[w] {
		return ws[by].end, w
	}
	return -1, ""
}

// negatedBefore reports whether a verb at off is negated: "not", "never"
// or a contraction in n't among the few words before it.
// modalBefore reports whether a modal verb governs the verb at off: "will
// appeal", "would sue", "could be removed".
// An announced change of office ("will serve as interim chief executive",
// "will step down") is an event: with announced set, "will" is no modal.
// In reported speech "would" is that "will" moved back ("the company said
// its chief would step down").
func (d *docState) modalBefore(s sentence, off int, announced bool) bool {
	for _, w := range d.wordsBefore(off, s.Start, 2) {
		if modals[w.text] && !(announced && (w.text == "will" || w.text == "'ll" || w.text == "would" && d.reported(s))) {
			return true
		}
	}
	return false
}

// demandingAt reports whether the verb at off opens a phrase of two words
// that only calls for something (event_words.txt class=demanding: "called
// on", "calls for").
func (d *docState) demandingAt(s sentence, off int) bool {
	ws := d.wordsAfter(off, s.End, 2)
	return len(ws) >= 2 && d.index().ev.demanding[ws[0].text+" "+ws[1].text]
}

// demandedBefore reports whether the verb at off is the infinitive of a
// demand (event_words.txt class=demanding): "urged the board to resign",
// "called on Jane Roe to step down".
func (d *docState) demandedBefore(s sentence, off int) bool {
	return d.calledForBefore(s, off, d.index().ev.demanding)
}

// calledForBefore reports whether a verb at off is an infinitive whose
// doer one of the words in demanding calls on ("urged the board to").
func (d *docState) calledForBefore(s sentence, off int, demanding map[string]bool) bool {
	ws := d.wordsBefore(off, s.Start, 1)
	if len(ws) != 1 || ws[0].text != "to" {
		return false
	}
	from := ws[0].start
	ms := d.mentionsIn(s.Start, from)
	if n := len(ms); n > 0 && strings.Trim(d.Doc.Text[ms[n-1].End:from], " )") == "" {
		from = ms[n-1].Start // the one called on ("asked the Office (OFNAC) to")
		if n > 1 && strings.Trim(d.Doc.Text[ms[n-2].End:from], " (") == "" && ms[n-2].Entity == ms[n-1].Entity {
			from = ms[n-2].Start
		}
	}
	before := d.wordsBefore(from, s.Start, 4)
	for i, w := range before {
		if demanding[w.text] || i+1 < len(before) && demanding[before[i+1].text+" "+w.text] {
			return true
		}
	}
	return false
}

// reported reports whether a sentence reports speech: a reporting verb
// among its words ("said", "announced", "told"), and no condition ("if",
// "unless") that would make its "would" a conditional.
func (d *docState) reported(s sentence) bool {
	verbs := d.claimLex().verbs
	found := false
	for _, w := range d.wordsAfterAll(s.Start, s.End) {
		if w.text == "if" || w.text == "unless" {
			return false
		}
		if _, ok := verbs[w.text]; ok {
			found = true
		}
	}
	return found
}

// modals are the English modal verbs (closed-class grammar words).
var modals = map[string]bool{"will": true, "would": true, "may": true, "might": true, "could": true, "should": true, "can": true, "shall": true, "'ll": true}

func (d *docState) negatedBefore(s sentence, off int) bool {
	if ws := d.wordsBefore(off, s.Start, 1); len(ws) == 1 && ws[0].text == "without" {
		return true // "without conducting", not "without warning suspended"
	}
	if d.noPartIn(s, off) {
		return true
	}
	ws := d.wordsBefore(off, s.Start, 3)
	for i, w := range ws {
		switch {
		case w.text == "to" && i+1 < len(ws) && d.index().ev.failing[ws[i+1].text]:
			return true // "failed to properly examine" (event_words.txt class=failing)
		case w.text == "not" || w.text == "never" || w.text == "cannot":
			return true // "whose rulings cannot be appealed"
		case strings.HasSuffix(w.text, "n't") || strings.HasSuffix(w.text, "n’t"):
			return true
		}
	}
	return false
}

// noPartIn reports whether "no role in", "no part in" or the like comes
// right before the trigger at off (or its determiner): "had no role in
// awarding the contract", "no part in the decision".
func (d *docState) noPartIn(s sentence, off int) bool {
	ws := d.wordsBefore(off, s.Start, 4)
	if len(ws) > 0 && determiners[ws[0].text] {
		ws = ws[1:]
	}
	if len(ws) < 3 || ws[0].text != "in" || ws[2].text != "no" {
		return false
	}
	return d.index().ev.noPart[ws[1].text] // event_words.txt class=no_part
}

// openQuestionBefore reports whether the trigger at off stands in a clause
// that "whether" or "if" opens, a few words before it and no comma between:
// "has not said whether he will appeal", "if the judge rules".
func (d *docState) openQuestionBefore(s sentence, off int) bool {
	for _, w := range d.wordsBefore(off, s.Start, 5) {
		if w.text == "whether" || w.text == "if" {
			return !strings.ContainsAny(d.Doc.Text[w.end:off], ",;")
		}
	}
	return false
}

// inList reports whether w is one of the comma-separated words of list.
func inList(list, w string) bool {
	for _, x := range strings.Split(list, ",") {
		if strings.TrimSpace(x) == w {
			return true
		}
	}
	return false
}

// hasPart reports whether a participant takes part as.
func hasPart(ps []kg.Participant, as string) bool {
	for _, p := range ps {
		if p.As == as {
			return true
		}
	}
	return false
}

// entityType is the type of the entity with id, or "".
func (d *docState) entityType(id string) kg.EntityType {
	for _, e := range d.Entities {
		if e.ID == id {
			return e.Type
		}
	}
	return ""
}

// governedBy reports whether the verb governing a noun trigger at off is
// in verbs ("faces a separate lawsuit", "to settle a class action"): one of
// the few words before it, with no preposition between.
func (d *docState) governedBy(s sentence, off int, verbs map[string]bool) bool {
	for _, w := range d.wordsBefore(off, s.Start, 4) {
		if prepositions[w.text] {
			return false
		}
		if verbs[w.text] {
			return true
		}
	}
	return false
}

// unassertedNoun reports whether the noun trigger at off is a verb after a
// modal ("would appeal") or the object of a negated or modal verb ("would
// not accept a settlement", "may seek an injunction"). The governing verb
// is the first word before the noun that is no determiner or modifier.
func (d *docState) unassertedNoun(s sentence, off int, announced bool) bool {
	if ws := d.wordsBefore(off, s.Start, 2); len(ws) >= 1 && (ws[0].text == "of" || ws[0].text == "for") {
		// "the standard of review", "a petition for review": a kind, not
		// an event; but "applied for judicial review" asks for it
		return !(ws[0].text == "for" && len(ws) == 2 && d.triggers().phrasal[ws[1].text])
	}
	if ws := d.wordsBefore(off, s.Start, 1); len(ws) == 1 && (ws[0].text == "any" || ws[0].text == "every") {
		return true // "would welcome any audit": no audit in particular
	}
	ws := d.wordsBefore(off, s.Start, 4)
	for i, w := range ws {
		switch {
		case w.text == "pending" && i+1 < len(ws) && determiners[ws[i+1].text]:
			continue // "a pending request": an adjective
		case w.text == "pending":
			return true // "suspended pending a review": the review is to come
		case modals[w.text]:
			return !(announced && (w.text == "will" || w.text == "'ll"))
		case prepositions[w.text] || w.text == "to":
			return false
		case determiners[w.text] || isLowerWord(w.text) && (strings.HasSuffix(w.text, "al") || strings.HasSuffix(w.text, "ive") || strings.HasSuffix(w.text, "ary")):
			continue
		}
		return d.negatedBefore(s, w.start) || d.modalBefore(s, w.start, announced)
	}
	return false
}

// linkedNoun reports whether a noun trigger at off is linked to the clause
// subject by a verb ("X filed a complaint", "X asked for depositions") rather
// than standing after a preposition ("disappointed at the order").
func (d *docState) linkedNoun(s sentence, off int, ts *triggerSet) bool {
	ws := d.wordsBefore(off, s.Start, 5)
	for i, w := range ws {
		if strings.HasSuffix(w.text, "'s") || strings.HasSuffix(w.text, "’s") || strings.HasPrefix(d.Doc.Text[w.end:], "' ") {
			// "the ethics unit's investigation": a possessor that names
			// no one is still the noun's own, not the clause subject
			return false
		}
		if prepositions[w.text] {
			return i+1 < len(ws) && ts.phrasal[ws[i+1].text]
		}
		if determiners[w.text] || isLowerWord(w.text) && (strings.HasSuffix(w.text, "ary") || strings.HasSuffix(w.text, "al") || strings.HasSuffix(w.text, "ive") || strings.HasSuffix(w.text, "ed") && i+1 < len(ws) && determiners[ws[i+1].text]) {
			continue
		}
		// "X said the investigation was tainted": a reporting verb does
		// not make its subject the noun event's party
		if _, reports := d.claimLex().verbs[w.text]; reports {
			return false
		}
		return true
	}
	return true
}

// wantedDone reports whether the participle at off completes the object
// of a verb of asking or demanding (event_words.txt class=asking,
// demanding): "wanted the dispute settled", "want the contract
// cancelled". What is wanted done is not done.
func (d *docState) wantedDone(s sentence, off int) bool {
	if tag := d.tagAt(off); tag != "VBN" && tag != "VBD" {
		return false
	}
	ws := d.wordsBefore(off, s.Start, 5)
	for i, w := range ws {
		if prepositions[w.text] || !isLowerWord(d.Doc.Text[w.start:w.end]) {
			return false
		}
		if determiners[w.text] {
			return i > 0 && i+1 < len(ws) && (d.index().ev.asking[ws[i+1].text] || d.index().ev.demanding[ws[i+1].text])
		}
	}
	return false
}

// opensClause reports whether a noun trigger that ends at end is the
// subject of a verb of its own: "we are confident the deposition will
// show", "said the investigation was flawed". Its clause is not the
// outer subject's act.
func (d *docState) opensClause(s sentence, end int) bool {
	ws := d.wordsAfter(end, s.End, 1)
	if len(ws) == 0 || strings.TrimSpace(d.Doc.Text[end:ws[0].start]) != "" {
		return false
	}
	return modalWord(ws[0].text) || auxiliary(ws[0].text)
}

// modalWord reports whether w is a modal verb, "must" included ("two
// people must appear", "the deposition must show"); modals leaves it out
// because a "must" event is ordered, not planned.
func modalWord(w string) bool { return modals[w] || w == "must" }

// courtWord returns the phrase naming a court or judge in [from, off)
// ("a federal judge"), or "".
func (d *docState) courtWord(s sentence, from, off int, ts *triggerSet) string {
	phrase, _ := d.courtWordAt(s, from, off, ts)
	return phrase
}

// courtWordAt is courtWord with the offset where the court word ends.
func (d *docState) courtWordAt(s sentence, from, off int, ts *triggerSet) (string, int) {
	ws := d.wordsAfterAll(from, off)
	for i, w := range ws {
		if !ts.court[w.text] {
			continue
		}
		j := i
		for j > 0 && i-j < 3 && (isLowerWord(d.Doc.Text[ws[j-1].start:ws[j-1].end]) || determiners[ws[j-1].text]) && !prepositions[ws[j-1].text] && !beForms[ws[j-1].text] {
			j--
		}
		for j < i && !determiners[ws[j].text] && slices.ContainsFunc(ws[j+1:i], func(v word) bool { return determiners[v.text] }) {
			j++ // "asked the court": the court's words open at its determiner
		}
		return d.Doc.Text[ws[j].start:w.end], w.end
	}
	return "", -1
}

// objectEnd is where the object of a trigger that ends at from ends: at
// the end of the clause (before "because", "after", "to" + verb, ...). A
// list object runs over commas.
func (d *docState) objectEnd(s sentence, from int, list bool) int {
	t := d.Doc.Text
	limit := s.End
	for i := from; i < s.End; i++ {
		c := t[i]
		// a period inside a name ("Hooli Inc. of") ends nothing
		quote := c == '"' || strings.HasPrefix(t[i:], "“") || strings.HasPrefix(t[i:], "”")
		if (quote || c == ',') && d.mentionCovering(i) != nil {
			continue // a nickname inside a name: Vicente "Ben" Roe; "the Scholarship, Grant and Loan Board"
		}
		if c == ';' || c == ':' || quote || c == '.' && (i+1 == s.End || t[i+1] == ' ') && d.mentionAt(i) == nil && !abbrevBefore(t, i) && !d.honorificBefore(i) || c == ',' && !list {
			limit = i
			break
		}
	}
	skipTo := -1
	for _, w := range d.wordsAfterAll(from, limit) {
		if w.start < skipTo {
			continue
		}
		if d.index().ev.boundary[w.text] {
			return w.start // "..., saying": event_words.txt class=boundary
		}
		if list && (w.text == "who" || w.text == "which") && (strings.HasSuffix(strings.TrimRight(t[from:w.start], " "), ",") || appositiveBefore(t[from:w.start])) {
			// "summon A, who chaired the panel, and B": a relative clause
			// between commas inside the list, when the list or the
			// trigger goes on after it ("depose A, which B's lawyer, C,
			// opposed" ends at "which")
			if c := strings.IndexByte(t[w.end:limit], ','); c >= 0 && goesOn(readWords(t, w.end+c, limit)) {
				skipTo = w.end + c
				continue
			}
		}
		switch w.text {
		case "because", "after", "when", "while", "but", "which", "who", "that", "over", "about", "regarding", "since", "until", "so", "despite", "unless", "though", "although":
			return w.start
		case "to":
			if d.verbAfter(s, w.end) {
				return w.start
			}
		}
	}
	return limit
}

// appositiveBefore reports whether text ends with a description set off
// by a comma that a relative clause may go on ("A, the consultant who
// signed the report, and B": "the consultant"): after the last comma, a
// determiner or a possessor opens it.
func appositiveBefore(text string) bool {
	c := strings.LastIndexByte(text, ',')
	if c < 0 {
		return false
	}
	ws := strings.Fields(text[c+1:])
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	return determiners[strings.ToLower(ws[0])] || strings.HasSuffix(ws[0], "'s") || strings.HasSuffix(ws[0], "’s")
}

// goesOn reports whether the words after a relative clause set off inside
// an object go on with it: another of its list ("and B") or the
// trigger's infinitive ("to be heard").
func goesOn(ws []word) bool {
	return len(ws) > 0 && ws[0].text == "to" || slices.ContainsFunc(ws, func(x word) bool { return x.text == "and" })
}

// objectNounAt reports whether the word at off in sentence s is tagged a
// noun right after a verb's base form: the object of that verb ("answer
// questions", "face charges"), not a verb itself.
func objectNounAt(s sentence, off int) bool {
	for i, t := range s.Tokens {
		if t.Start == off {
			return i > 0 && (t.Tag == "NN" || t.Tag == "NNS") && s.Tokens[i-1].Tag == "VB"
		}
	}
	return false
}

// verbAfter reports whether the word after off is a verb ("to prove").
func (d *docState) verbAfter(s sentence, off int) bool {
	ws := d.wordsAfter(off, s.End, 3)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws[:min(2, len(ws))] {
		if d.mentionAt(w.start) != nil {
			return false
		}
	}
	if tg := d.tagAt(ws[0].start); tg != "" {
		return strings.HasPrefix(tg, "VB")
	}
	if !isLowerWord(d.Doc.Text[ws[0].start:ws[0].end]) || determiners[ws[0].text] || d.mentionAt(ws[0].start) != nil {
		return false
	}
	for _, w := range ws[1:] {
		if d.mentionAt(w.start) != nil {
			return false
		}
	}
	return true
}

// afterDeterminer reports whether the word at off follows a determiner,
// perhaps with adjectives between ("the ultimate awarding"): a noun use.
func (d *docState) afterDeterminer(s sentence, off int) bool {
	for i, w := range d.wordsBefore(off, s.Start, 3) {
		if determiners[w.text] && w.text != "that" {
			return true
		}
		if i == 0 && w.text == "that" {
			return false
		}
		tg := d.tagAt(w.start)
		if !isLowerWord(d.Doc.Text[w.start:w.end]) || tg != "" && tg != "JJ" || tg == "" && !strings.HasSuffix(w.text, "al") && !strings.HasSuffix(w.text, "ate") {
			return false
		}
	}
	return false
}

// infinitiveAgent is the party that does a verb at off after "to" when a
// directing verb and that party come before it ("the governor directed the
// inspector general to review ..."), or nil.
func (d *docState) infinitiveAgent(s sentence, off int) *mention {
	ws := d.wordsBefore(off, s.Start, 1)
	if len(ws) != 1 || ws[0].text != "to" {
		return nil
	}
	ms := d.mentionsIn(s.Start, ws[0].start)
	if len(ms) == 0 {
		return nil
	}
	m := ms[len(ms)-1]
	if m.Entity == nil || d.possessive(m) || strings.TrimSpace(d.Doc.Text[m.End:ws[0].start]) != "" {
		return nil
	}
	start := m.Start
	// "directed the Office of X": the determiner belongs to the name
	if b := d.wordsBefore(start, s.Start, 1); len(b) == 1 && determiners[b[0].text] {
		start = b[0].start
	}
	b := d.wordsBefore(start, s.Start, 1)
	x := d.index()
	if len(b) != 1 || !x.ev.directing[b[0].text] {
		return nil
	}
	return m
}

// unnamedDirected reports whether the trigger at off is an infinitive
// whose doer is the unnamed object of a directing verb before it
// ("requires the chain to hire"), not a court ("asked the court to").
func (d *docState) unnamedDirected(s sentence, off int) bool {
	ws := d.wordsBefore(off, s.Start, 4)
	if len(ws) < 3 || ws[0].text != "to" || d.mentionAt(ws[1].start) != nil || d.triggers().court[ws[1].text] {
		return false
	}
	for _, w := range ws[2:] {
		if d.index().ev.directing[w.text] {
			return true
		}
		if !determiners[w.text] {
			return false
		}
	}
	return false
}

// askerOf is the subject of the directing verb right before the directed
// party m ("X asked the court to ..."): who asks, when the directed party
// is the court that would act on it; nil when none is named.
func (d *docState) askerOf(si int, m *mention) *mention {
	// the asking verb, past a determiner or a capitalized title ("asked
	// the court", "asked Judge Y")
	verb := -1
	for _, w := range d.wordsBefore(m.Start, d.Sents[si].Start, 3) {
		if d.index().ev.asking[w.text] {
			verb = w.start
			break
		}
		if !determiners[w.text] && !d.triggers().court[w.text] && isLowerWord(d.Doc.Text[w.start:w.end]) {
			break // "asked judge Jane Roe": a court word may stand before the name
		}
	}
	if verb < 0 {
		return nil // "ordered the court to", "permitted the tribunal to": no one asks
	}
	if _, subj := d.subjectOf(si, verb); subj != nil && subj.Entity != nil && subj.Entity != m.Entity {
		return subj
	}
	return d.counselClient(si, verb)
}

// counselClient is the client of counsel who are the subject of the verb
// at verb in sentence si and are named only by their client: "Acme's
// lawyers asked", "Its lawyers have also asked" (the organization last
// named, in this sentence or the one before); nil otherwise.
func (d *docState) counselClient(si, verb int) *mention {
	s := d.Sents[si]
	ws := d.wordsBefore(verb, s.Start, 4)
	for len(ws) > 0 && (auxiliary(ws[0].text) || ws[0].text == "also") {
		ws = ws[1:]
	}

	if len(ws) == 0 || !d.index().ev.counsel[ws[0].text] {
		return nil
	}
	if len(ws) > 1 && (ws[1].text == "its" || ws[1].text == "their") {
		if len(ws) > 2 && !clauseWords[ws[2].text] && ws[2].text != "and" {
			return nil
		}
		from := s.Start
		if si > 0 {
			from = d.Sents[si-1].Start
		}
		var owner *mention
		for _, m := range d.mentionsIn(from, ws[1].start) {
			if m.Entity != nil && m.Entity.Type == kg.Organization && m.Kind == nameMention && !d.adjudicator(m.Entity.ID) {
				owner = m
			}
		}
		return owner
	}
	if m := d.possessorBefore(si, ws[0].start); m != nil && d.possessive(m) && !d.adjudicator(m.Entity.ID) {
		return m // "Acme's lawyers asked"
	}
	return nil
}

// verbAfter reports whether the token after offset off in sentence s is
// a finite verb or a modal.
func verbAfter(s sentence, off int) bool {
	for _, t := range s.Tokens {
		if t.Start >= off {
			return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"
		}
	}
	return false
}

// nominalEndsBefore reports whether a nominal mention ("the company", "a
// local fishing company") that is no verb's object ends right before off
// in sentence s.
func (d *docState) nominalEndsBefore(s sentence, off int) bool {
	for _, m := range d.mentionsIn(s.Start, off) {
		if m.Kind == nominalMention && strings.TrimSpace(d.Doc.Text[m.End:off]) == "" && !objectAt(s, m.Start) {
			return true
		}
	}
	return false
}

// objectAt reports whether a verb stands right before offset off in
// sentence s: what starts there is its object ("told the company that
// ..."), not a subject.
func objectAt(s sentence, off int) bool {
	for i, t := range s.Tokens {
		if t.Start >= off {
			return i > 0 && strings.HasPrefix(s.Tokens[i-1].Tag, "VB")
		}
	}
	return false
}

// askerOfCourtBefore is who asks, in sentence si before off, a court or a
// judge to let someone do the verb at off: "X asked the High Court to
// allow its lawyers to cross-examine Y", "asking the court to let her
// depose Y" (the court or judge, "to", a directing verb, then "to" right
// before the verb, or "let"). asked reports whether a court is asked so,
// asker is nil when the text names no one who asks.
func (d *docState) askerOfCourtBefore(si, off int) (asker *mention, asked bool) {
	ms := d.mentionsIn(d.Sents[si].Start, off)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.Entity == nil || !d.adjudicator(m.Entity.ID) {
			continue
		}
		// the court is asked to let someone do it: "to allow its lawyers
		// to", "to permit the company to"
		ws := d.wordsAfterAll(m.End, off)
		let := len(ws) >= 3 && ws[1].text == "let" // "to let her depose"
		if len(ws) < 3 || len(ws) > 8 || ws[0].text != "to" || !let && (!d.index().ev.directing[ws[1].text] || ws[len(ws)-1].text != "to") {
			return nil, false
		}
		return d.askerOf(si, m), true
	}
	return nil, false
}

// askerForLeave is the subject of the clause that asks "for permission
// to" (or leave) do the verb at off in sentence si: "X asked the judge for
// leave to cross-examine Y" is X's request; nil otherwise.
func (d *docState) askerForLeave(si, off int) *mention {
	b := d.wordsBefore(off, d.Sents[si].Start, 3)
	if len(b) >= 2 && b[0].text == "to" && d.index().ev.permission[b[1].text] && (len(b) == 2 || b[2].text != "for") {
		return d.grantee(si, b[1].start)
	}
	if len(b) != 3 || b[0].text != "to" || !d.index().ev.permission[b[1].text] || b[2].text != "for" {
		return nil
	}
	ms := d.mentionsIn(d.Sents[si].Start, b[2].start)
	if n := len(ms); n > 0 && ms[n-1].Entity != nil && strings.TrimSpace(d.Doc.Text[ms[n-1].End:b[2].start]) == "" {
		return d.askerOf(si, ms[n-1]) // "asked Judge Y for leave": who asked Y
	}
	_, m := d.subjectOf(si, b[2].start)
	if m == nil || m.Entity == nil {
		return nil
	}
	return m
}

// subjectAfterOpener is the subject of the clause after a trigger that
// opens sentence s and ends at a comma ("In its petition, Acme argues"):
// the name right after the comma with a finite verb right after it, or a
// subject pronoun there that stands for whom the sentence before reports
// or is about ("In its lawsuit, it argues"); nil otherwise.
func (d *docState) subjectAfterOpener(s sentence, m trigMatch) *mention {
	if strings.TrimLeft(d.Doc.Text[s.Start:m.start], " \"“'‘") != "" || !strings.HasPrefix(d.Doc.Text[m.end:s.End], ",") {
		return nil
	}
	from := m.end + 1
	if rest := strings.TrimLeft(d.Doc.Text[from:s.End], " "); isLowerWord(rest) {
		if w := firstWord(rest); w == "it" || w == "they" || w == "he" || w == "she" {
			// "In its lawsuit, it argues": the one the sentence before
			// reports or is about
			st := s.End - len(rest)
			if e := d.pronounSpeaker(w, d.sentenceAt(st), st); e != nil && verbAfter(s, st+len(w)) {
				return &mention{Start: st, End: st + len(w), Text: w, Sent: d.sentenceAt(st), Kind: pronounMention, Entity: e}
			}
			return nil
		}
		// past a participle clause: "In its complaint, filed in May, Acme says"
		c := strings.IndexByte(rest, ',')
		if c < 0 {
			return nil
		}
		from = s.End - len(rest) + c + 1
	}
	for _, sm := range d.mentionsIn(from, s.End) {
		if sm.Entity == nil || strings.TrimSpace(d.Doc.Text[from:sm.Start]) != "" || !verbAfter(s, sm.End) {
			return nil
		}
		return sm
	}
	return nil
}

// grantedLeave is the party granted leave (or permission) to do the verb
// at off in sentence si, perhaps through one verb between ("granted Acme
// leave to challenge the decision", "leave to seek judicial review"); nil
// when there is none.
func (d *docState) grantedLeave(si, off int) *mention {
	b := d.wordsBefore(off, d.Sents[si].Start, 3)
	if len(b) >= 3 && b[1].text == "to" && isLowerWord(d.Doc.Text[b[0].start:b[0].end]) {
		b = b[1:] // "leave to seek judicial review"
	}
	if len(b) < 2 || b[0].text != "to" || !d.index().ev.permission[b[1].text] {
		return nil
	}
	return d.grantee(si, b[1].start)
}

// grantee is the party named right after a verb of granting (event_words.txt
// class=grants) and right before the permission noun at off in sentence
// si: "granted Acme leave to cross-examine X" is Acme's request; nil when
// no such party is named.
func (d *docState) grantee(si, off int) *mention {
	ms := d.mentionsIn(d.Sents[si].Start, off)
	if len(ms) == 0 {
		return nil
	}
	m := ms[len(ms)-1]
	if m.Entity == nil || strings.TrimSpace(d.Doc.Text[m.End:off]) != "" || d.adjudicator(m.Entity.ID) {
		return nil
	}
	// past a description of the party ("granted regional carrier Acme")
	for _, w := range d.wordsBefore(m.Start, d.Sents[si].Start, 4) {
		if d.index().ev.grants[w.text] {
			return m
		}
		if !isLowerWord(d.Doc.Text[w.start:w.end]) {
			break
		}
	}
	return nil
}

// requester is the possessor of one of nouns (requests, event_words.txt
// class=request, or decisions) right before the "to" of a verb at off in
// sentence si ("Acme's application to", "its motion to", "the board's
// decision to"), or nil.
func (d *docState) requester(si, off int, nouns map[string]bool) *mention {
	b := d.wordsBefore(off, d.Sents[si].Start, 2)
	if len(b) != 2 || b[0].text != "to" || !nouns[b[1].text] {
		return nil
	}
	m := d.possessorBefore(si, b[1].start)
	if m == nil || !d.possessive(m) {
		return nil
	}
	return m
}

// requestBefore reports whether a party's request (event_words.txt
// class=request) asks for the verb at off in sentence si: "Acme's
// application to summon X", "a request by Acme's counsel to summon X"; not
// "opposed the request to summon X", which names no one who asked.
func (d *docState) requestBefore(si, off int) bool {
	return d.requester(si, off, d.index().ev.request) != nil || d.requestBy(si, off) != nil || d.requestByDescribed(si, off)
}

// requestByDescribed reports whether the verb at off in sentence si is
// the infinitive of a request made "by" or "from" a party described, not
// named: "a request by the pharmacist's counsel to summon X". The request
// is a party's, though the text does not say which.
func (d *docState) requestByDescribed(si, off int) bool {
	s := d.Sents[si]
	ws := d.wordsBefore(off, s.Start, 7)
	if len(ws) < 3 || ws[0].text != "to" || strings.Contains(d.Doc.Text[ws[len(ws)-1].start:ws[0].start], ",") {
		return false
	}
	for i := 2; i < len(ws); i++ {
		if ws[i-1].text != "by" && ws[i-1].text != "from" {
			if !isLowerWord(d.Doc.Text[ws[i-1].start:ws[i-1].end]) || d.index().ev.request[ws[i-1].text] {
				return false
			}
			continue
		}
		return i > 2 && d.index().ev.request[ws[i].text]
	}
	return false
}

// requestThat is the possessor of a request (event_words.txt
// class=request) whose "that" clause holds the verb at off in sentence si
// ("his request that the three members be summoned to testify"), or nil.
func (d *docState) requestThat(si, off int) *mention {
	s := d.Sents[si]
	lower := asciiLower(d.Doc.Text[s.Start:off])
	for i := strings.LastIndex(lower, " that "); i > 0; i = strings.LastIndex(lower[:i], " that ") {
		ws := d.wordsBefore(s.Start+i, s.Start, 1)
		if len(ws) != 1 || !d.index().ev.request[ws[0].text] {
			continue
		}
		if strings.ContainsAny(lower[i:], ";:") {
			return nil
		}
		if m := d.possessorBefore(si, ws[0].start); m != nil && d.possessive(m) {
			return m
		}
		return nil
	}
	return nil
}

// requestBy is the party named after the "by" or "from" of a request noun
// whose infinitive is the verb at off in sentence si ("a request by Acme
// to summon X"; "by Acme's lawyers" is Acme), or nil.
func (d *docState) requestBy(si, off int) *mention {
	s := d.Sents[si]
	b := d.wordsBefore(off, s.Start, 1)
	if len(b) != 1 || b[0].text != "to" {
		return nil
	}
	ms := d.mentionsIn(s.Start, b[0].start)
	if len(ms) == 0 || ms[len(ms)-1].Entity == nil {
		return nil
	}
	m := ms[len(ms)-1]
	if gap := strings.TrimSpace(d.Doc.Text[m.End:b[0].start]); gap != "" {
		// "by Acme's lawyers to": counsel speak for their client
		ws := strings.Fields(strings.TrimLeft(gap, "'’s"))
		if !d.possessive(m) || len(ws) != 1 || !d.index().ev.counsel[strings.ToLower(ws[0])] {
			return nil
		}
	}
	for _, w := range d.wordsBefore(m.Start, s.Start, 3) {
		if w.text == "by" || w.text == "from" {
			if p := d.wordsBefore(w.start, s.Start, 1); len(p) == 1 && d.index().ev.request[p[0].text] {
				return m
			}
			return nil
		}
		// "a request by bus operator Acme to": a description before the name
		if !determiners[w.text] && (prepositions[w.text] || !isLowerWord(d.Doc.Text[w.start:w.end])) {
			return nil
		}
	}
	return nil
}

// requestByFor is the party named after the "by" of a request noun
// whose "for" phrase holds the verb at off in sentence si: "granted an
// application by Acme and its candidate, Jane Roe, for a subpoena
// compelling X to appear" is Acme's. Nil when there is none.
func (d *docState) requestByFor(si, off int) *mention {
	s := d.Sents[si]
	forAt := -1
	for _, w := range d.wordsBefore(off, s.Start, 4) {
		if w.text == "for" {
			forAt = w.start
			break
		}
		if !isLowerWord(d.Doc.Text[w.start:w.end]) {
			return nil
		}
	}
	if forAt < 0 {
		return nil
	}
	lower := asciiLower(d.Doc.Text[s.Start:forAt])
	by := strings.LastIndex(lower, " by ")
	if by < 0 || strings.ContainsAny(lower[by:], ";:") {
		return nil
	}
	if ws := d.wordsBefore(s.Start+by, s.Start, 1); len(ws) != 1 || !d.index().ev.request[ws[0].text] {
		return nil
	}
	for _, m := range d.mentionsIn(s.Start+by+4, forAt) {
		if m.Entity != nil {
			return m
		}
	}
	return nil
}

// noAfterHead reports whether a gapped trigger's words after its head open
// with "no" ("imposed no penalty"), not "no fewer than".
func noAfterHead(ws []word) bool {
	if len(ws) == 0 || ws[0].text != "no" {
		return false
	}
	return len(ws) < 2 || ws[1].text != "fewer" && ws[1].text != "less" && ws[1].text != "more"
}

// otherParticipleBefore reports whether the word right before the "by"
// that introduces the phrase at off, after the trigger's end, is a
// participle of holding ("held by X"): the phrase's party is not the
// event's.
func (d *docState) otherParticipleBefore(s sentence, off, trigEnd int) bool {
	ws := d.wordsBefore(off, max(trigEnd, s.Start), 3)
	for i, w := range ws {
		if w.text != "by" {
			continue
		}
		if i+1 < len(ws) {
			x := d.index()
			return x.ev.holder[ws[i+1].text]
		}
		return false
	}
	return false
}

// latestOther is the latest mention of a person before off whose entity is
// not not, or nil.
func (d *docState) latestOther(off int, not *entity) *mention {
	ms := d.mentionsIn(0, off)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Entity != nil && m.Entity != not && m.Entity.Type == kg.Person {
			return m
		}
	}
	return nil
}

// definiteJudge is the judge a definite court phrase ("the judge") before
// off refers to: the latest person with a judge's title named before it,
// or nil. An indefinite or descriptive phrase ("a federal judge", "the
// appeals court") names no one.
func (d *docState) definiteJudge(court string, off int, ts *triggerSet) *mention {
	f := strings.Fields(strings.ToLower(court))
	if len(f) != 2 || f[0] != "the" || f[1] != "judge" {
		return nil
	}
	ms := d.mentionsIn(0, off)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Entity != nil && m.Entity.Type == kg.Person && d.isJudge(m.Entity.ID, ts) {
			return m
		}
	}
	return nil
}

// partyWordBefore is the side a litigant noun possessing the trigger at
// off stands for ("the plaintiffs' recusal motion" -> "plaintiff"), or "".
func (d *docState) partyWordBefore(s sentence, off int, ts *triggerSet) string {
	for _, w := range d.wordsBefore(off, s.Start, 3) {
		raw := strings.ToLower(d.Doc.Text[w.start:min(w.end+2, s.End)])
		for noun, side := range ts.litigant {
			if strings.HasPrefix(raw, noun+"'") || strings.HasPrefix(raw, noun+"’") || strings.HasPrefix(raw, noun+"s'") || strings.HasPrefix(raw, noun+"s’") {
				return side
			}
		}
		if prepositions[w.text] || beForms[w.text] {
			return ""
		}
	}
	return ""
}

// counselFirm reports whether e is a firm of advisers at which the story
// gives someone a lawyer's title (event_words.txt class=counsel): a firm
// that acts for a party.
func (d *docState) counselFirm(e *entity) bool {
	x := d.index()
	if !advisersFirm(x, e.Name) {
		return false
	}
	for _, r := range d.Roles {
		if r.Organization != e.ID {
			continue
		}
		ws := strings.Fields(strings.ToLower(r.Title))
		if len(ws) > 0 && x.ev.counsel[ws[len(ws)-1]] {
			return true
		}
	}
	return false
}

// overseer reports whether the entity is a body that investigates,
// regulates or hears disputes, by a word of its name (cue=investigator,
// cue=overseer): it makes no award of its own that a story leaves
// unattributed.
func (d *docState) overseer(id string) bool {
	ts := d.triggers()
	e := d.entityByID(id)
	return d.investigatingBody(id, ts) || e != nil && nameHolds(e.Name, ts.overseer)
}

// nameHolds reports whether a name holds one of the cue words (lower case,
// whole words; a hyphen separates words).
func nameHolds(name string, cues map[string]bool) bool {
	n := " " + strings.ToLower(strings.ReplaceAll(name, "-", " ")) + " "
	for cue := range cues {
		if strings.Contains(n, " "+cue+" ") {
			return true
		}
	}
	return false
}

// investigatingBody reports whether the entity is an organization whose
// name holds a word of the bodies that investigate (event_triggers.txt
// cue=investigator: "Anti-Corruption Commission", "Ombudsman").
func (d *docState) investigatingBody(id string, ts *triggerSet) bool {
	e := d.entityByID(id)
	return e != nil && e.Type == kg.Organization && !d.counselFirm(e) && nameHolds(e.Name, ts.investigator)
}

// documentAgents gives events stated without an agent the article's
// obvious party: an investigation or review the investigating body it
// names ("Investigators found", "an outside investigation concluded": the
// inspector general, the law firm); a lawsuit the lead plaintiff of
// "investors led by X"; a filing by "the plaintiffs" the plaintiff of the
// article's lawsuit. Only when the article names exactly one such party.
func (d *docState) documentAgents(evs []*eventDraft, ts *triggerSet) {
	var investigator, leadPlaintiff string
	lower := asciiLower(d.Doc.Text)
	for _, e := range d.Entities {
		if !d.investigatingBody(e.ID, ts) {
			continue // "Jane Roe of Hooli LLP, who represents X": counsel, no investigator
		}
		if investigator != "" && investigator != e.ID {
			investigator = "-"
		} else {
			investigator = e.ID
		}
	}
	if investigator == "-" {
		investigator = ""
	}
	for _, m := range d.Mentions {
		if m.Entity == nil || m.Kind == pronounMention || m.Start < 8 {
			continue
		}
		before := strings.TrimRight(lower[max(0, m.Start-40):m.Start], " ")
		before = strings.TrimSuffix(before, " the")
		if !strings.HasSuffix(before, " led by") {
			continue
		}
		before = strings.TrimSpace(strings.TrimSuffix(before, " led by"))
		ws := strings.Fields(before)
		if len(ws) > 0 && ts.litigant[strings.TrimSuffix(ws[len(ws)-1], "s")] == "plaintiff" {
			if leadPlaintiff != "" && leadPlaintiff != m.Entity.ID {
				leadPlaintiff = "-"
			} else {
				leadPlaintiff = m.Entity.ID
			}
		}
	}
	if leadPlaintiff == "-" {
		leadPlaintiff = ""
	}
	// the plaintiff and defendant of the article's lawsuits, when one each
	side := map[string]string{}
	for _, e := range evs {
		if e.typ != "lawsuit" {
			continue
		}
		for _, p := range e.parts {
			k := map[string]string{asAgent: "plaintiff", "target": "defendant"}[p.As]
			if k == "" || p.Entity == "" || d.isCourt(p.Entity) {
				continue
			}
			if side[k] != "" && side[k] != p.Entity {
				side[k] = "-"
			} else {
				side[k] = p.Entity
			}
		}
	}
	if leadPlaintiff != "" && (side["plaintiff"] == "" || side["plaintiff"] == "-") {
		side["plaintiff"] = leadPlaintiff
	}
	name := func(id string) string {
		for _, x := range d.Entities {
			if x.ID == id {
				return x.Name
			}
		}
		return ""
	}
	for _, e := range evs {
		if len(e.agents()) > 0 {
			continue
		}
		a := ""
		switch {
		case e.partyWord != "" && side[e.partyWord] != "-":
			a = side[e.partyWord]
		case e.typ == "lawsuit":
			a = leadPlaintiff
		case (e.typ == "investigation" || e.typ == "review") && !e.infinitive:
			a = investigator
		}
		if a == "" || hasEntity(e.parts, a) {
			continue
		}
		e.parts = append(e.parts, kg.Participant{Entity: a, As: asAgent})
		e.names[a] = name(a)
	}
}

func hasEntity(ps []kg.Participant, id string) bool {
	for _, p := range ps {
		if p.Entity == id {
			return true
		}
	}
	return false
}

// isCourt reports whether an entity is a court.
func (d *docState) isCourt(id string) bool {
	for _, e := range d.Entities {
		if e.ID == id {
			return e.Kind == "court"
		}
	}
	return false
}

// abbrevBefore reports whether the period at i ends an abbreviation or
// honorific ("Dr.", "Mr.", "St.") followed by more of the phrase: a
// capitalized word of at most three letters before it, and a capital
// after it.
// honorificBefore reports whether the period at i closes an honorific
// ("Prof. Jane Roe"), which ends no phrase.
func (d *docState) honorificBefore(i int) bool {
	t := d.Doc.Text
	j := i
	for j > 0 && isWordByte(t[j-1]) {
		j--
	}
	return j < i && (d.index().honorifics[t[j:i]] || d.index().honorifics[t[j:i+1]])
}

func abbrevBefore(t string, i int) bool {
	j := i
	for j > 0 && t[j-1] >= 'a' && t[j-1] <= 'z' {
		j--
	}
	if j == 0 || t[j-1] < 'A' || t[j-1] > 'Z' || i-j > 2 {
		return false
	}
	if j >= 2 && t[j-2] != ' ' && t[j-2] != '(' {
		return false
	}
	return i+2 < len(t) && t[i+2] >= 'A' && t[i+2] <= 'Z'
}

// parentOf is the organization that possesses an organization mention
// right before it ("the department's Office of X" -> the department), or
// nil.
func (d *docState) parentOf(s sentence, m *mention) *mention {
	if m == nil || m.Entity == nil || m.Entity.Type != kg.Organization {
		return nil
	}
	ms := d.mentionsIn(s.Start, m.Start)
	if len(ms) == 0 {
		return nil
	}
	p := ms[len(ms)-1]
	if p.Entity == nil || p.Entity == m.Entity || p.Entity.Type != kg.Organization || !d.possessive(p) {
		return nil
	}
	// a description must name the entity's kind ("the department" is no
	// "Office of ...")
	if f := strings.Fields(strings.ToLower(p.Text)); len(f) > 1 && f[0] == "the" {
		head := strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], "'s"), "’s")
		if !strings.Contains(strings.ToLower(p.Entity.Name), head) {
			return nil
		}
	}
	gap := strings.TrimSpace(d.Doc.Text[p.End:m.Start])
	gap = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(gap, "'s"), "’s"), "'")
	if strings.TrimSpace(gap) != "" {
		return nil
	}
	return p
}

// itsBefore reads "its" or "their" opening the noun phrase that ends at off
// ("X said its investigation into Y", "the regulator opened its
// inquiry"): the possessor is the clause's subject when an organization,
// else the nearest organization named before in the sentence, not a court
// when filed (a party files a lawsuit, an appeal or a motion: "asked the
// Supreme Court to ... in its appeal" is not the court's appeal).
func (d *docState) itsBefore(si, off int, subj *mention, filed bool) *mention {
	ws := d.wordsBefore(off, d.Sents[si].Start, 3)
	k := slices.IndexFunc(ws, func(w word) bool { return w.text == "its" || w.text == "their" })
	if k < 0 {
		return nil
	}
	w := ws[k]
	if inQuoteText(d.Doc.Text, d.Sents[si].Start, w.start) {
		return nil // a speaker's "its" is the speaker's business
	}
	owner := subj
	if owner == nil || owner.Entity == nil || owner.Entity.Type != kg.Organization || owner.Start > w.start || filed && d.adjudicator(owner.Entity.ID) {
		owner = nil
		for _, m := range d.mentionsIn(d.Sents[si].Start, w.start) {
			if m.Entity != nil && m.Entity.Type == kg.Organization && !(filed && (d.adjudicator(m.Entity.ID) || d.modifierName(m))) {
				owner = m
			}
		}
	}
	if owner == nil {
		return nil
	}
	return &mention{Start: w.start, End: w.end, Text: d.Doc.Text[w.start:w.end], Sent: si, Kind: pronounMention, Entity: owner.Entity}
}

// modifierName reports whether a name modifies the lower-case noun right
// after it ("two Ministry of Health officials"): it is no party itself.
func (d *docState) modifierName(m *mention) bool {
	ws := d.wordsAfter(m.End, len(d.Doc.Text), 1)
	return len(ws) == 1 && ws[0].start == m.End+1 && isLowerWord(d.Doc.Text[ws[0].start:ws[0].end]) && strings.HasPrefix(d.tagAt(ws[0].start), "NN")
}

// titledAfter reports whether an organization mention modifies a title
// before a person's name ("Marlow University President Jane Roe", "BPA
// chief executive Jane Roe", "Acme (AWA) general manager Jane Roe"): the
// person heads the phrase.
func (d *docState) titledAfter(s sentence, m *mention) bool {
	if m.Entity.Kind == "court" {
		return false // "Supreme Court Justice Jane Roe" acts as the court
	}
	toks := s.Tokens
	after := d.skipParen(m.End, s.End) // "Acme Water Authority (AWA) general manager Jane Roe"
	k := slices.IndexFunc(toks, func(t token) bool { return t.Start >= after })
	if k < 0 {
		return false
	}
	n, _ := d.index().titleAt(toks, k, len(toks))
	if n == 0 || k+n >= len(toks) {
		return false
	}
	next := d.mentionAt(toks[k+n].Start)
	return next != nil && next.Entity != nil && next.Entity.Type == kg.Person && next.Start == toks[k+n].Start
}

// tokenAt is the index of the token of sentence s that starts at off, or
// len(s.Tokens) when none does.
func tokenAt(s sentence, off int) int {
	for i, t := range s.Tokens {
		if t.Start == off {
			return i
		}
	}
	return len(s.Tokens)
}
