package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/kg"
	"github.com/kljensen/snowball/english"
)

// Mentions: capitalized runs of tokens are chunked, titles split out of them,
// and each remaining piece typed as a person or an organization from the
// lexicons (titles, honorifics, given names, organization head words and
// legal forms, agency aliases, cue words) and from what the document already
// said about the same name. Places, months, days, products and programs, and
// anything untyped never become entities. Pieces are then grouped into
// document entities (surnames, nicknames, acronyms, initials, legal forms,
// alias lexicon), and pronouns and "the company" are linked to the most
// recent compatible entity.

// piece is a candidate name: a span of tokens in one sentence.
type piece struct {
	sent       int
	a, b       int // token range [a,b) in the sentence
	start, end int // original-text offsets
	text       string
	typ        kg.EntityType // "" while unknown
	kind       string        // organization kind
	canonical  string        // official name from the alias lexicon
	blocked    bool          // a place, a program, a product: never an entity
	acronym    bool          // a parenthesized acronym or ticker after another piece
	defOf      int           // for an acronym: index of the piece it abbreviates, else -1
	afterTitle bool          // a person title comes right before it
	weak       bool          // typed only by a word after it ("X officials"); a person reading wins
	shortOf    *piece        // the organization's full name whose opening words it is (orgPrefixes)
	office     bool          // an office that acts as its institution ("the Ombudsman opened an inquiry")
	ent        *entity
	rule       string // how it was linked to its entity, for Merges
}

var connectors = map[string]bool{"of": true, "and": true, "&": true, "for": true, "the": true, "de": true, "on": true}

// bareHead reports whether an organization piece is one head word or title
// word alone ("Board", "Trust", "Judges", "Deputy") that no lexicon names.
func bareHead(x *lexIndex, p *piece) bool {
	if p.typ != kg.Organization || p.canonical != "" || p.office || strings.ContainsAny(p.text, " ") {
		return false
	}
	w := strings.TrimSuffix(p.text, "s")
	_, head := x.heads[p.text]
	_, plural := x.heads[w]
	_, agency := x.agencies[kg.Key(p.text)]
	low := strings.ToLower(w)
	_, title := x.titles[low]
	return (head || plural || title || x.titleMods[low]) && !agency
}

// portfolios drops organizations that are only the remit of a public
// office (titles.txt remit=1 or portfolio=1) before them and a holder's
// name ("the Director of Marine, Jane Roe",
// "Registrar of Lands Dan Poe"): names of one or two words with no head
// word, acronym, place or known body, that the document writes nowhere but
// there, and whose first word names no body elsewhere.
func portfolios(d *docState, x *lexIndex, ps []*piece) {
	after := map[string]bool{} // name -> always after a title's "of"
	for _, p := range ps {
		if p.typ != kg.Organization {
			continue
		}
		k := kg.Key(p.text)
		ok, seen := after[k]
		after[k] = portfolioAt(d, x, p) && (ok || !seen)
	}
	// a body the document names elsewhere by its first word is a body:
	// "managing director of Pirineu" (Pirineu Helicòpters SA), "owner of
	// EcoTermo Shpk" (EcoTermo)
	firsts := map[string]bool{}
	for _, p := range ps {
		if ws := strings.Fields(kg.Key(p.text)); p.typ == kg.Organization && !after[kg.Key(p.text)] && len(ws) > 0 {
			firsts[ws[0]] = true
		}
	}
	for k := range after {
		if ws := strings.Fields(k); len(ws) == 0 || firsts[ws[0]] {
			after[k] = false
		}
	}
	for _, p := range ps {
		if p.typ == kg.Organization && after[kg.Key(p.text)] {
			p.typ = ""
		}
	}
	remitBodies(d, x, ps)
}

// remitBodies gives the remit of a public office the name of the one body
// the document names by that remit and a head word ("the Director of
// Lands, Jane Roe" is at the Lands Department).
func remitBodies(d *docState, x *lexIndex, ps []*piece) {
	for _, p := range ps {
		if p.typ != kg.Organization || p.canonical != "" || !portfolioAt(d, x, p) {
			continue
		}
		var body string
		for _, q := range ps {
			rest, ok := strings.CutPrefix(q.text, p.text+" ")
			if q.typ != kg.Organization || !ok || strings.Contains(rest, " ") || !hasHeadWord(x, rest) {
				continue
			}
			if body != "" && body != q.text {
				body = ""
				break
			}
			body = q.text
		}
		if body != "" {
			p.canonical = body
		}
	}
}

// hasHeadWord reports whether w is an organization's head word that is no
// legal form ("Department", "Office", not "Ltd").
func hasHeadWord(x *lexIndex, w string) bool {
	h, ok := x.heads[w]
	return ok && !h.Legal
}

// portfolioAt reports whether organization piece p could be the remit of
// a title right before it (see portfolios).
func portfolioAt(d *docState, x *lexIndex, p *piece) bool {
	if p.canonical != "" || p.office || p.b-p.a > 2 || p.a < 2 {
		return false
	}
	toks := d.Sents[p.sent].Tokens
	if toks[p.a-1].Text != "of" {
		return false // "Counsel for Globex" names a client
	}
	if p.b < len(toks) && toks[p.b].Text == "," {
		if p.b+1 >= len(toks) || !isCapToken(toks[p.b+1].Text) {
			return false
		}
	} else if p.b >= len(toks) || !isCapToken(toks[p.b].Text) {
		return false // only before the holder's name: "the Director of Marine, Jane Roe"
	}
	if n, ti := x.titleEndingAt(toks, p.a-1); n == 0 || !ti.Remit && !ti.Portfolio {
		return false // "the chief executive of Harwell Shipping, Jane Roe": a company
	}
	for k := p.a; k < p.b; k++ {
		if hasHeadAt(x, toks, k) || isAllCaps(toks[k].Text) || x.isPlace(kg.Key(toks[k].Text)) {
			return false
		}
	}
	_, agency := x.agencies[kg.Key(p.text)]
	return !agency
}

// startsTitle reports whether a title of more than one word starts at
// toks[a]: "Chief Operating Officer Jane Roe" opens with a title, not a
// common word.
func startsTitle(x *lexIndex, toks []token, a, b int) bool {
	n, _ := x.titleAt(toks, a, b)
	return n > 1
}

// titleOpens reports whether a title, or a rank word and a title, opens
// toks[a:b] ("Governor", "Deputy Governor").
func titleOpens(x *lexIndex, toks []token, a, b int) bool {
	if n, _ := x.titleAt(toks, a, b); n > 0 {
		return true
	}
	if a+1 < b && x.titleMods[strings.ToLower(toks[a].Text)] {
		n, _ := x.titleAt(toks, a+1, b)
		return n > 0
	}
	return false
}

// isDigits reports whether t is a run of ASCII digits.
func isDigits(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return t != ""
}

func isCapToken(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isAllCaps(t string) bool {
	n := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			n++
		} else if r != '.' && r != '&' {
			return false
		}
	}
	return n >= 2
}

// isAcronymish: "AWS", "DoD", "MSFT", "U.S."
func isAcronymish(t string) bool {
	if isAllCaps(t) {
		return true
	}
	up := 0
	for _, r := range t {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2 && utf8.RuneCountInString(t) <= 6
}

func isPossessive(t string) bool { return t == "'s" || t == "’s" || t == "'" || t == "’" }

var leadStop = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	// quantifiers and numerals: "Three of the Acme Foundation's donors"
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"dozens": true, "hundreds": true, "thousands": true, "several": true, "many": true, "most": true, "some": true, "all": true, "both": true, "each": true,
	// pronouns that open a sentence: "Whoever holds the licence", "Theirs
	// was late", "I"
	"whoever": true, "whatever": true, "whichever": true, "theirs": true, "ours": true, "yours": true, "i": true,
	"everyone": true, "everybody": true, "nobody": true, "anyone": true, "anybody": true, "someone": true, "somebody": true,
	// the first person's contractions: "I've watched her run"
	"i've": true, "i'm": true, "i'll": true, "i'd": true, "i’ve": true, "i’m": true, "i’ll": true, "i’d": true}

func findMentions(d *docState) {
	x := d.index()
	var ps []*piece
	names, lower := capitalizedOnly(d)
	for si := range d.Sents {
		ps = append(ps, sentencePieces(d, x, si, names, lower)...)
	}
	typePieces(d, x, ps, lower)
	applyTypeModel(d, x, ps)
	for _, p := range ps {
		if bareHead(x, p) {
			p.typ = "" // "Board", "Trust", "Supervisors": a head word names no one
		}
	}
	portfolios(d, x, ps)
	buildEntities(d, x, ps)
	linkPronouns(d)
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
}

// sentencePieces chunks one sentence into candidate pieces with the cues
// that can be read off the sentence itself: each run of capitalized words
// (capitalizedRun), trimmed of what opens it but is no name (trimRunStart),
// split into pieces (splitRun), then the acronyms in parentheses after them.
func sentencePieces(d *docState, x *lexIndex, si int, names, lower map[string]bool) []*piece {
	s := &d.Sents[si]
	toks := s.Tokens
	first := 0
	for first < len(toks) && !startsWithLetterOrDigit(toks[first].Text) {
		first++
	}
	sc := &runScan{toks: toks, first: first, names: names, lower: lower}
	var out []*piece
	for i := 0; i < len(toks); {
		// a name may open with a joined Arabic article: "al-Furat
		// Engineering Contracting", "al-Furat's lawyer"
		articled := x.articledName(toks[i].Text) && i+1 < len(toks) && (isCapToken(toks[i+1].Text) || isPossessive(toks[i+1].Text))
		if !isCapToken(toks[i].Text) && !articled && !(isOrdinal(toks[i].Text) && i+1 < len(toks) && isCapToken(toks[i+1].Text)) {
			i++
			continue
		}
		b := capitalizedRun(d, x, toks, i, names)
		a, ok := trimRunStart(x, sc, i, b)
		i = b
		if !ok {
			continue
		}
		if p := institutionOffice(d, x, si, a, b); p != nil {
			out = append(out, p)
			continue
		}
		out = append(out, splitRun(d, x, si, a, b)...)
	}
	markAcronyms(toks, out)
	return out
}

// institutionOffice is the organization an office names when the office
// acts as a body: "the Parliamentary Ombudsman has opened an inquiry",
// "the Comptroller General of the Republic said it had opened an audit" (a
// title with institution=1 after "the", with capitalized words before it
// or its remit after it, and no name of its holder after it), or nil.
func institutionOffice(d *docState, x *lexIndex, si, a, b int) *piece {
	toks := d.Sents[si].Tokens
	if a == 0 || !strings.EqualFold(toks[a-1].Text, "the") {
		return nil
	}
	if b < len(toks) && (isCapToken(toks[b].Text) || toks[b].Text == "," && b+1 < len(toks) && isCapToken(toks[b+1].Text)) {
		return nil // "the Ombudsman, Jane Roe, said": the holder
	}
	for t := a; t < b; t++ {
		n, ti := x.titleAt(toks, t, b)
		if n == 0 || !ti.Institution {
			continue
		}
		if !capWords(toks, a, t) {
			return nil
		}
		rest := t + n
		if rest < b && (toks[rest].Text != "of" || !capWordsAfterThe(toks, rest+1, b)) {
			return nil
		}
		if t == a && rest == b && (!parenNameAfter(toks, b) || holderNamed(d, x, toks[a:b])) {
			// a bare "the Inspector General" may be a holder the story
			// names; "the Ombudsman (Provedor de Justiça)", with its own
			// name or acronym after it, is the institution unless the
			// story names a holder
			return nil
		}
		p := newPiece(d, si, a, b)
		p.typ, p.kind, p.office = kg.Organization, "agency", true
		return p
	}
	return nil
}

// holderNamed reports whether the document names a holder of the office
// title (a name right after it, or after its comma), uses it after "a" or
// names the office in full ("the Parliamentary Ombudsman"), so that a bare
// "the Ombudsman" may be that person or that office's short name; else
// the office is the institution.
func holderNamed(d *docState, x *lexIndex, title []token) bool {
	for _, s := range d.Sents {
		ts := s.Tokens
		for i := 0; i+len(title) <= len(ts); i++ {
			if !sameWords(ts[i:i+len(title)], title) {
				continue
			}
			j := i + len(title)
			if j < len(ts) && ts[j].Text == "," {
				j++
			}
			if j < len(ts) && (isCapToken(ts[j].Text) || x.honorifics[ts[j].Text]) && ts[j].Text != "(" {
				return true // "Ombudsman Jane Roe", "the Ombudsman, Jane Roe,"
			}
			if i > 0 && (strings.EqualFold(ts[i-1].Text, "a") || strings.EqualFold(ts[i-1].Text, "an")) {
				return true // "an ombudsman": one of several
			}
			if i > 0 && isCapToken(ts[i-1].Text) && !strings.EqualFold(ts[i-1].Text, "the") {
				return true // "the Parliamentary Ombudsman": the bare office is its short name
			}
		}
	}
	return false
}

// parenNameAfter reports whether a capitalized name opens a parenthesis
// at toks[b].
func parenNameAfter(toks []token, b int) bool {
	return b+1 < len(toks) && toks[b].Text == "(" && isCapToken(toks[b+1].Text)
}

// sameWords reports whether two runs of tokens have the same words,
// ignoring case.
func sameWords(a, b []token) bool {
	for i := range a {
		if !strings.EqualFold(a[i].Text, b[i].Text) {
			return false
		}
	}
	return true
}

// capWordsAfterThe: toks[a:b] are capitalized words, "the" allowed first
// ("of the State").
func capWordsAfterThe(toks []token, a, b int) bool {
	if a < b && toks[a].Text == "the" {
		a++
	}
	return a < b && capWords(toks, a, b)
}

// currencyCode reports whether toks[i] is a currency's code before an
// amount ("EUR 52 million", "USD 3bn"): three capital letters and a
// number after.
func currencyCode(x *lexIndex, toks []token, i int) bool {
	w := toks[i].Text
	if len(w) != 3 || !isAllCaps(w) || i+1 >= len(toks) || x.heads[w].Legal {
		return false // "Acme PLC 2025 bonds": a legal form
	}
	c := toks[i+1].Text[0]
	return c >= '0' && c <= '9'
}

// legalFormJoin is where a legal form set off inside a name at toks[b]
// ends: in parentheses before another ("Acme (Pvt) Ltd", "Acme (Pty)
// Limited") or after a comma ("Acme Angola, Lda", "Acme, Inc."); b when
// there is none.
func legalFormJoin(x *lexIndex, toks []token, b int) int {
	if b+3 < len(toks) && toks[b].Text == "(" && x.heads[toks[b+1].Text].Legal && toks[b+2].Text == ")" && x.heads[toks[b+3].Text].Legal {
		return b + 4
	}
	if b+1 < len(toks) && toks[b].Text == "," && x.heads[toks[b+1].Text].Legal && (b+2 >= len(toks) || !isCapToken(toks[b+2].Text)) {
		return b + 2
	}
	return b
}

// numberInName is where a number that goes on a body's name at toks[b]
// ends: an ordinal between capitalized words ("Istanbul 31st High
// Criminal Court"), a court's or a body's number after its head word
// ("Federal Court No. 4"); b when there is none. i is where the run
// starts.
func numberInName(x *lexIndex, toks []token, i, b int) int {
	if b+1 < len(toks) && isOrdinal(toks[b].Text) && isCapToken(toks[b+1].Text) && b > i {
		return b + 1
	}
	if b+1 < len(toks) && (toks[b].Text == "No." || toks[b].Text == "No") && isDigits(toks[b+1].Text) {
		if h, ok := x.heads[toks[b-1].Text]; ok && !h.Legal {
			return b + 2
		}
	}
	return b
}

// placeAfterRemit is where "in PLACE" at toks[b] ends when it closes the
// remit of a body whose name opens with its head word ("Council for the
// Regulation of Engineering in Nigeria"); b otherwise. i is where the run
// starts.
func placeAfterRemit(x *lexIndex, toks []token, i, b int) int {
	if b+1 >= len(toks) || toks[b].Text != "in" {
		return b
	}
	// the head opens the name ("Council for ..."; in "Acme University
	// School of Law in St. Louis" the place says where it is)
	if strings.EqualFold(toks[i].Text, "the") {
		i++
	}
	if h, ok := x.heads[toks[i].Text]; !ok || !h.Lead || i+1 >= b || toks[i+1].Text != "for" && toks[i+1].Text != "of" && toks[i+1].Text != "on" {
		return b
	}
	for e := min(len(toks), b+4); e > b+1; e-- {
		if (e == len(toks) || !isCapToken(toks[e].Text)) && capWords(toks, b+1, e) && x.isPlace(kg.Key(spanText0(toks, b+1, e))) {
			return e
		}
	}
	return b
}

// capitalizedRun returns the end of the run of capitalized words starting
// at toks[i], taking in what joins them inside a name: a holder's
// possessive ("Attorney General's Office"), a plural possessive
// ("Employees' Pension Fund"), a number after a head ("School District
// 12"), connectors ("Department of the Army") and a circuit ("Court of
// Appeals for the 8th Circuit").
func capitalizedRun(d *docState, x *lexIndex, toks []token, i int, names map[string]bool) int {
	b := i + 1
	for b < len(toks) {
		// a well-known name that the rules below would cut: "Committee to
		// Protect Journalists"
		if e := x.agencyRun(toks, b-1); e > b {
			b = e
			continue
		}
		if isCapToken(toks[b].Text) && !currencyCode(x, toks, b) {
			b++
			continue
		}
		if e := max(legalFormJoin(x, toks, b), numberInName(x, toks, i, b), placeAfterRemit(x, toks, i, b), articleJoin(x, toks, b), againstJoin(x, toks, b)); e > b {
			b = e
			continue
		}
		// An office named by its holder: "Attorney General's Office",
		// "Sheriff's Office", "Attorney General's Chambers".
		if isPossessive(toks[b].Text) && toks[b].Text != "'" && toks[b].Text != "’" && b+1 < len(toks) && toks[b-1].End == toks[b].Start {
			if h, ok := x.heads[toks[b+1].Text]; ok && (h.Lead || h.Advisers) && (b+2 >= len(toks) || !isCapToken(toks[b+2].Text)) {
				if n, _ := x.titleEndingAt(toks, b); n > 0 {
					b += 2
					continue
				}
			}
		}
		// A possessive inside a name that a head word ends: "Fishermen's
		// Federation", "Nurses' Sales Association".
		if e := possessiveName(x, toks, b); e > b {
			b = e
			continue
		}
		// a firm named by partners before "&" and a company's head or
		// legal form: "Roe, Poe & Co.", "Roe, Poe & Associates", "Roe, Poe
		// & Doe LLC"; not a
		// sentence's opening word ("Meanwhile, Roe & Co. said") nor a list
		// of companies ("Acme, Hooli & Globex", "Unilever, Procter & Gamble")
		if (b == i+1 && i > 0 && startsWithLetterOrDigit(toks[i-1].Text) || b >= i+3 && toks[b-2].Text == "of") && b+3 < len(toks) && toks[b].Text == "," && isCapToken(toks[b+1].Text) && toks[b+2].Text == "&" && (x.heads[toks[b+3].Text].Kind == "company" || isCapToken(toks[b+3].Text) && b+4 < len(toks) && x.heads[toks[b+4].Text].Legal) {
			b += 2
			continue
		}
		// A remit that lists: "Ministry of Roads, Ports and Tourism".
		if e := remitList(d, x, toks, b, names); e > b {
			b = e
			continue
		}
		// A plural possessive inside a name: "Employees' Pension Fund".
		if (toks[b].Text == "'" || toks[b].Text == "’") && b+1 < len(toks) && isCapToken(toks[b+1].Text) && strings.HasSuffix(toks[b-1].Text, "s") && toks[b-1].End == toks[b].Start {
			b++
			continue
		}
		// a number after an organization head ends the name: "School
		// District 12", "Police Lodge 44"
		if h, head := x.heads[toks[b-1].Text]; head && !h.Legal && isDigits(toks[b].Text) {
			b++
			continue
		}
		// an elided article or "de" starts a name's next word: "Côte
		// d'Ivoire", "Ministère de l'Économie"
		if elided(toks[b].Text) && toks[b-1].End == toks[b].Start-1 && isCapToken(toks[b-1].Text) {
			b++
			continue
		}
		// a particle inside a person's name: "Pieter van Rensburg",
		// "Ursula von der Leyen"
		if p := particleRun(toks, b); p > b && p < len(toks) && isCapToken(toks[p].Text) && !isAllCaps(toks[b-1].Text) {
			b = p
			continue
		}
		// lower-case words of a name in another language after its head
		// word: "Tribunal judiciaire de Marseille", "Banco de la Nación"
		if c := foreignRun(x, toks, i, b); c > b {
			b = c
			continue
		}
		// connectors between capitalized words: "Department of the Army"
		c := b
		for c < len(toks) && connectors[strings.ToLower(toks[c].Text)] && c-b < 2 {
			c++
		}
		// ... but not into a date: "sued Acme Technologies on Tuesday",
		// nor by "the" alone, which starts another noun phrase ("told the
		// Harwell Mirror the Board would comply")
		if c > b && c < len(toks) && isCapToken(toks[c].Text) && !(strings.EqualFold(toks[b].Text, "in") && placeAt(d, x, toks, c)) && !x.calendar[kg.Key(toks[c].Text)] && !(c == b+1 && strings.EqualFold(toks[b].Text, "the")) {
			b = c
			continue
		}
		// "Court of Appeals for the 8th Circuit", "Regional Court of the
		// 1st Region"
		if c > b && c+1 < len(toks) && isOrdinal(toks[c].Text) && (toks[c+1].Text == "Circuit" || x.heads[toks[b-1].Text].Lead && isCapToken(toks[c+1].Text) && !x.calendar[kg.Key(toks[c+1].Text)]) {
			b = c + 2
			continue
		}
		break
	}
	return b
}

// foreignRun returns the end of the lower-case words that continue the
// name toks[a:b] in another language, or b: after a leading head word, up
// to four genitives, articles and common nouns or adjectives ending in a
// genitive or an article before a capitalized word ("Association des
// locataires des Tilleuls").
func foreignRun(x *lexIndex, toks []token, a, b int) int {
	headed := false
	for k := a; k < b && !headed; k++ {
		h := x.heads[toks[k].Text]
		headed = h.Lead || h.Prefix
	}
	if !headed {
		return b
	}
	gen, words := false, 0
	for c := b; c < len(toks) && c < b+5; c++ {
		t := toks[c].Text
		switch {
		case isCapToken(t):
			if gen && (genitives[toks[c-1].Text] || articles[toks[c-1].Text]) {
				return c
			}
			return b
		case genitives[t]:
			gen = true
		case articles[t] && gen:
		case elided(t):
			if gen {
				return c + 1
			}
			return b
		case words < 2 && startsWithLetterOrDigit(t) && (nounOrAdjective(toks[c].Tag) || genitives[toks[c-1].Text] && toks[c].Tag == "VBZ"):
			words++
		default:
			return b
		}
	}
	return b
}

// elided: a French or Italian article or "de" run into the capitalized
// word after it: "l'Économie", "d'Azur", "dell'Interno".
func elided(t string) bool {
	for _, p := range []string{"l'", "d'", "l’", "d’", "dell'", "dell’"} {
		if r := strings.TrimPrefix(t, p); len(r) < len(t) && isCapToken(r) {
			return true
		}
	}
	return false
}

// nounOrAdjective: a part-of-speech tag of a common noun or adjective, or
// a foreign word.
func nounOrAdjective(tag string) bool {
	return tag == "NN" || tag == "NNS" || tag == "JJ" || tag == "FW"
}

// remitList returns the end of a list of remits that goes on at a comma
// after the name toks[a:b] of a leading head word and "of", or of a head
// and "on" (remitEnd: "Ministry of Roads, Ports and Tourism",
// "Committee on Mines, Trade and Energy"): one or two capitalized words
// per item, none a given name, a legal form or a word the document only
// writes capitalized and also names alone (a name: "the Department of
// Justice, Acme and Beta"), no item an agency's name, the last after "and"
// or "and the" (then with no head word: "and the Harwell Police" is a
// body of its own); else b.
func remitList(d *docState, x *lexIndex, toks []token, b int, names map[string]bool) int {
	if toks[b].Text != "," || !remitEnd(x, toks, b) {
		return b
	}
	for c := b; c+2 < len(toks) && c < b+9; {
		if toks[c].Text != "," && toks[c].Text != "and" {
			return b
		}
		e := c + 1
		the := toks[c].Text == "and" && e < len(toks) && toks[e].Text == "the"
		if the {
			e++ // "Ministry of Mines, Forests and the Environment"
		}
		start := e
		for e < len(toks) && e < start+2 && isCapToken(toks[e].Text) && !x.isFirstName(toks[e].Text) && !x.heads[toks[e].Text].Lead && !x.heads[toks[e].Text].Legal && !(names[toks[e].Text] && standsAlone(d, toks[e].Text)) {
			e++
		}
		if e == start || e < len(toks) && isCapToken(toks[e].Text) {
			return b
		}
		if _, agency := x.agencies[kg.Key(spanText0(toks, start, e))]; agency {
			return b // "the Department of Justice, Acme and the Pentagon": three bodies
		}
		if the && hasHeadAt(x, toks, e-1) {
			return b // "the Department of Labor, Acme and the Harwell Police" ("and the Digital Economy" is a remit)
		}
		if toks[c].Text == "and" {
			return e
		}
		if e < len(toks) && toks[e].Text == "," && e+1 < len(toks) && toks[e+1].Text == "and" {
			e++ // the serial comma: "Trade, Industry, and Fisheries"
		}
		c = e
	}
	return b
}

// standsAlone: the document writes w as a name of one word somewhere, with
// no capitalized word or connector next to it ("Acme said").
func standsAlone(d *docState, w string) bool {
	for _, s := range d.Sents {
		t := s.Tokens
		for k := range t {
			if t[k].Text != w {
				continue
			}
			before := k > 0 && (isCapToken(t[k-1].Text) || connectors[strings.ToLower(t[k-1].Text)] || t[k-1].Text == ",")
			after := k+1 < len(t) && (isCapToken(t[k+1].Text) || isPossessive(t[k+1].Text) && k+2 < len(t) && isCapToken(t[k+2].Text))
			if !before && !after {
				return true
			}
		}
	}
	return false
}

// remitEnd: the name before toks[b] ends in a leading head word, "of" and
// a remit of one or two words ("Ministry of Foreign Affairs"), or in a
// public body's head, "on" and a remit ("Committee on Mines").
func remitEnd(x *lexIndex, toks []token, b int) bool {
	for n := 1; n <= 2; n++ {
		if b-n-2 < 0 {
			continue
		}
		h, ok := x.heads[toks[b-n-2].Text]
		switch toks[b-n-1].Text {
		case "of":
			if h.Lead {
				return true
			}
		case "on":
			if ok && !h.Legal && h.Kind != "company" {
				return true // "Committee on Mining, Trade and Environment"
			}
		}
	}
	return false
}

// irregularPlural: a plural without -s whose possessive opens a body's
// name (closed class): "Women's", "Fishermen's", "People's", "Children's".
func irregularPlural(w string) bool {
	w = strings.ToLower(w)
	return strings.HasSuffix(w, "men") || w == "people" || w == "children"
}

// possessiveName returns the end of a name that goes on after a plural
// possessive at toks[b] with up to three capitalized words, the last an
// organization head word that is no legal form ("Fishermen's Sales
// Organisation"), or b.
func possessiveName(x *lexIndex, toks []token, b int) int {
	if !isPossessive(toks[b].Text) || toks[b-1].End != toks[b].Start || !irregularPlural(toks[b-1].Text) {
		return b
	}
	for e := b + 1; e < len(toks) && e <= b+3 && isCapToken(toks[e].Text); e++ {
		if h, ok := x.heads[toks[e].Text]; ok && !h.Legal && (e+1 >= len(toks) || !isCapToken(toks[e+1].Text)) {
			return e + 1
		}
	}
	return b
}

// compoundAdjective: a word joined by a hyphen to a participle that
// locates or owns what follows (org_cues.txt side=compound: "Perth-based",
// "Oslo-listed", "state-owned"), no part of its name.
func compoundAdjective(x *lexIndex, w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && x.compounds[strings.ToLower(w[i+1:])]
}

// placeCompound reports whether w is a compound adjective after a
// capitalized name ("Cincinnati-based", "Helsinki-listed",
// "Kremlin-backed"): it says where a body sits or who stands behind it,
// not a word of its name.
func placeCompound(x *lexIndex, w string) bool {
	return isCapToken(w) && compoundAdjective(x, w)
}

// againstJoin returns where a body's remit against a wrong goes on past
// a lower-case "against" ("National Commission for the Fight against
// Illicit Enrichment": org_cues.txt side=against), or b.
func againstJoin(x *lexIndex, toks []token, b int) int {
	if toks[b].Text == "against" && b+1 < len(toks) && isCapToken(toks[b+1].Text) && x.fightWords[toks[b-1].Text] {
		return b + 1
	}
	return b
}

// articleJoin returns the end of a family name with a joined Arabic
// article after a capitalized word ("Mahmoud al-Khatib"), or b.
func articleJoin(x *lexIndex, toks []token, b int) int {
	if x.articledName(toks[b].Text) && !isAllCaps(toks[b-1].Text) {
		return b + 1
	}
	return b
}

// articledName reports whether t is a family name with an article
// joined to it by a hyphen (person_cues.txt article=1): "al-Khatib",
// "el-Sayed", "ash-Shami".
func (x *lexIndex) articledName(t string) bool {
	i := strings.IndexByte(t, '-')
	if i < 0 || !x.nameArticles[t[:i]] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[i+1:])
	return unicode.IsUpper(r)
}

// nameParticles are the lower-case particles of family names (closed
// class): "van", "von der", "da".
var nameParticles = map[string]bool{"de": true, "af": true, "van": true, "von": true, "der": true, "den": true, "del": true, "della": true, "da": true, "di": true, "du": true, "dos": true, "das": true, "ter": true, "ten": true, "bin": true, "binti": true, "binte": true, "bint": true, "ibn": true, "le": true, "la": true}

// hasParticle reports whether a lower-case name particle is among tokens
// [a,b).
func hasParticle(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if nameParticles[toks[k].Text] {
			return true
		}
	}
	return false
}

// particleRun returns the end of the run of name particles starting at
// token b (at most two: "von der"), or b.
func particleRun(toks []token, b int) int {
	p := b
	for p < len(toks) && p < b+2 && nameParticles[toks[p].Text] {
		p++
	}
	return p
}

// runScan is a sentence being chunked into runs of capitalized words.
type runScan struct {
	toks  []token
	first int             // the sentence's first word
	names map[string]bool // the document's capitalized names
	lower map[string]bool // the document's lower-case words
}

// adjectiveOpensBody reports whether the nationality adjective or place
// opening a sentence at toks[a] opens a body's name of three words or more
// that a head word ends: "Syrian Arab Airlines said", "Libyan Investment
// Authority said".
func adjectiveOpensBody(x *lexIndex, toks []token, a, b int) bool {
	if b-a < 3 || !x.places[kg.Key(toks[a].Text)] {
		return false
	}
	h, ok := x.heads[toks[b-1].Text]
	return ok && !h.Legal
}

// trimRunStart drops from the start of the run toks[a:b] what opens it but
// is no name: an ordinal outside a circuit, determiners and status words, a
// common word opening the sentence, dates and connectors. It is false when
// nothing is left or the run is a sentence-opening gerund ("Canceling was
// the only course") or common word ("Shares fell").
func trimRunStart(x *lexIndex, sc *runScan, a, b int) (int, bool) {
	toks, first, names, lower := sc.toks, sc.first, sc.names, sc.lower
	// An ordinal opens a name only in "8th U.S. Circuit Court of Appeals".
	if !isCapToken(toks[a].Text) && circuitAt(toks, a, b) < 0 && !x.articledName(toks[a].Text) {
		a++
	}
	// Drop a sentence-initial common word and leading determiners; a
	// quotation opens a sentence of its own ("said: \"People bought ...").
	// A run of plain capitalized words that an appositive's title follows
	// is a name from its first word ("Klodian Rexhepi, the owner of ...").
	named := b-a >= 2 && b-a <= 4 && capWords(toks, a, b) && appositiveTitle(x, toks, b) && !prepositions[strings.ToLower(toks[a].Text)] &&
		!slices.ContainsFunc(toks[a:b], func(t token) bool { return x.calendar[kg.Key(t.Text)] || x.isPlace(kg.Key(t.Text)) })
	for a < b && (leadStop[strings.ToLower(toks[a].Text)] || x.former[strings.ToLower(toks[a].Text)] || ((a == first || opensQuote(toks, a)) && !named && !properTag(toks[a].Tag) && !names[toks[a].Text] && !x.isFirstName(toks[a].Text) && !x.honorifics[toks[a].Text] && x.agencies[kg.Key(toks[a].Text)].Canonical == "" && !startsTitle(x, toks, a, b) && x.agencyRun(toks, a) == a && !adjectiveOpensBody(x, toks, a, b))) {
		a++
	}
	// A gerund opening a sentence before a verb is no name: "Canceling
	// was the only course".
	if (a == first || opensQuote(toks, a)) && b == a+1 && b < len(toks) && len(toks[a].Text) > 5 && strings.HasSuffix(toks[a].Text, "ing") && gerundNext[toks[b].Text] && !names[toks[a].Text] && x.agencies[kg.Key(toks[a].Text)].Canonical == "" {
		return a, false
	}
	// A lone word opening a sentence that the document also writes in
	// lower case is a common word: "Shares fell", not a company.
	if (a == first || opensQuote(toks, a)) && b == a+1 && lower[strings.ToLower(toks[a].Text)] && !names[toks[a].Text] && !x.isFirstName(toks[a].Text) && x.agencies[kg.Key(toks[a].Text)].Canonical == "" {
		return a, false
	}
	for a < b && x.calendar[kg.Key(toks[a].Text)] {
		a++
	}
	// A place compound says where a body sits and is no part of its name:
	// "the Brussels-based European Biosimilars Council", "Helsinki-listed
	// Acme Oyj".
	for k := a; k < b && k < a+3; k++ {
		if compoundAdjective(x, toks[k].Text) {
			a = k + 1 // "the New York-based Committee to ..."
		}
	}
	for a < b && connectors[strings.ToLower(toks[a].Text)] {
		a++
	}
	return a, a < b
}

// markAcronyms marks parenthesized acronyms and tickers right after a
// piece: "Name (ACR)".
func markAcronyms(toks []token, out []*piece) {
	for k, p := range out {
		if p.b+2 < len(toks) && toks[p.b].Text == "(" && toks[p.b+2].Text == ")" && isAcronymish(toks[p.b+1].Text) {
			for _, q := range out {
				if q.a == p.b+1 {
					q.acronym = true
					q.defOf = -2 - k // resolved to a global index by the caller
				}
			}
		}
	}
}

// opensQuote: toks[k] is the first word of a quotation.
func opensQuote(toks []token, k int) bool {
	if k == 0 {
		return false
	}
	switch toks[k-1].Text {
	case "\"", "“", "'", "‘":
		return k < 2 || toks[k-2].Text == ":" || toks[k-2].Text == ","
	}
	return false
}

// placeAt: a place name of one to three words starts at toks[c] ("Acme
// School of Law in St. Louis" is a school and where it is).
func placeAt(d *docState, x *lexIndex, toks []token, c int) bool {
	for n := 1; n <= 3 && c+n <= len(toks); n++ {
		if x.places[kg.Key(spanText(d, toks, c, c+n))] {
			return true
		}
	}
	return false
}

// capitalizedOnly returns the words the document capitalizes inside
// sentences and never writes in lower case: names, so that one opening a
// sentence ("Acme lost ...") is not taken for a common word.
//
// It also returns the set of words the document writes in lower case.
func capitalizedOnly(d *docState) (map[string]bool, map[string]bool) {
	x := d.index()
	lower := map[string]bool{}
	capMid := map[string]bool{}
	for _, s := range d.Sents {
		first := true
		for k, t := range s.Tokens {
			if !startsWithLetterOrDigit(t.Text) {
				continue
			}
			if isCapToken(t.Text) {
				if !first && !opensQuote(s.Tokens, k) {
					capMid[t.Text] = true
				}
			} else if x.articledName(t.Text) {
				// "al-Khatib" is the name "Al-Khatib" opening a sentence
				capMid[capitalized(t.Text)] = true
			} else {
				lower[strings.ToLower(t.Text)] = true
			}
			first = false
		}
	}
	out := map[string]bool{}
	for w := range capMid {
		if !lower[strings.ToLower(w)] && !leadStop[strings.ToLower(w)] {
			out[w] = true
		}
	}
	return out, lower
}

func startsWithLetterOrDigit(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func properTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// moreHonorifics is the last token of the honorifics and title that open
// the run toks[a:b] after its first honorific at a ("Rt Rev Jane Doe",
// "Mr. and Mrs. Doe", "Mrs Justice Jane Roe"): none is part of the name.
func moreHonorifics(x *lexIndex, toks []token, a, b int) int {
	for a+2 < b && (x.honorifics[toks[a+1].Text] || a+3 < b && strings.EqualFold(toks[a+1].Text, "and") && x.honorifics[toks[a+2].Text]) {
		a++
	}
	if n, _ := x.titleAt(toks, a+1, b); n > 0 && a+1+n < b && isCapToken(toks[a+1+n].Text) {
		a += n
	}
	return a
}

// splitRun splits a capitalized run at titles, places and "and", and returns
// its pieces with local cues applied.
func splitRun(d *docState, x *lexIndex, si, a, b int) []*piece {
	if a >= b {
		return nil
	}
	toks := d.Sents[si].Tokens
	if postNominalName(x, toks, a, b) {
		// "Jane Roe KC": letters after a name mark a person and are no
		// part of the name
		out := splitRun(d, x, si, a, b-1)
		if n := len(out); n > 0 && out[n-1].b == b-1 && out[n-1].typ == "" {
			out[n-1].typ = kg.Person
		}
		return out
	}
	if x.honorifics[toks[a].Text] && a+1 < b {
		// "Dr. Jane Doe", "Rt Rev Jane Doe": honorifics are not part of
		// the name.
		a = moreHonorifics(x, toks, a, b)
		// "Mr. Roe and Ms. Doe": two persons; "Dr. Roe and the Director
		// of Mines": a person and an office; "Mr. Roe and Deputy Governor
		// Jane Doe": two persons
		for i := a + 2; i+1 < b; i++ {
			if strings.EqualFold(toks[i].Text, "and") && (x.honorifics[toks[i+1].Text] || x.isFirstName(toks[i+1].Text) || strings.EqualFold(toks[i+1].Text, "the") || titleOpens(x, toks, i+1, b)) {
				return append(splitRun(d, x, si, a, i), splitRun(d, x, si, i+1, b)...)
			}
		}
		// "Mr Jane Roe of Roe, Poe & Co.": the name ends at "of", after a
		// given name or two to four words ("Mr Benedict Ong Jia Hao of
		// Ong & Loke LLP"; "Lord Roe of Harwell" is one name)
		for i := a + 2; i+1 < b && i <= a+5; i++ {
			if toks[i].Text == "of" && (i-a > 2 || x.isFirstName(toks[a+1].Text)) && plainWords(x, toks, a+1, i) {
				p := newPiece(d, si, a+1, i)
				p.typ = kg.Person
				j := i + 1
				for j < b && connectors[strings.ToLower(toks[j].Text)] {
					j++ // "of the Office of ..."
				}
				if x.isPlace(kg.Key(spanText0(toks, j, b))) {
					return []*piece{p} // "Dr Jane Roe of Nairobi": where she is from
				}
				return append([]*piece{p}, splitRun(d, x, si, j, b)...)
			}
		}
		p := newPiece(d, si, a+1, b)
		p.typ = kg.Person
		return []*piece{p}
	}
	if i := personOfOrg(d, x, toks, a, b); i > 0 {
		j := i + 1
		if toks[j].Text == "the" {
			j++
		}
		return append(splitRun(d, x, si, a, i), splitRun(d, x, si, j, b)...)
	}
	if i := andTheBody(d, x, si, a, b); i > 0 {
		// "the Harwell Ministry of Works and the Harwell Port Authority":
		// two bodies
		return append(splitRun(d, x, si, a, i), splitRun(d, x, si, i+2, b)...)
	}
	if p := orgPiece(d, x, si, a, b); p != nil && !titledNameInside(x, toks, a, b) {
		return []*piece{p}
	}
	return splitAtTitles(d, x, si, a, b)
}

// andTheBody is where "and the" joins two bodies' names in toks[a:b]: the
// words before it are an organization's name and those after it end in a
// head word of their own; else 0.
func andTheBody(d *docState, x *lexIndex, si, a, b int) int {
	toks := d.Sents[si].Tokens
	if !hasHeadAt(x, toks, b-1) {
		return 0
	}
	for i := a + 2; i+3 < b; i++ {
		if toks[i].Text == "and" && toks[i+1].Text == "the" && isCapToken(toks[i+2].Text) {
			if p := orgPiece(d, x, si, a, i); p != nil {
				return i
			}
			return 0
		}
	}
	return 0
}

// splitAtTitles splits a run at the titles inside it: "Acme CEO Jane Roe",
// "US Secretary of Commerce Dan Poe".
func splitAtTitles(d *docState, x *lexIndex, si, a, b int) []*piece {
	toks := d.Sents[si].Tokens
	var out []*piece
	segStart := a
	titleBefore, remit := false, false
	for i := a; i < b; {
		if n, ti := x.titleAt(toks, i, b); n > 0 && !(n == 1 && i+1 < b && x.heads[toks[i+1].Text].Kind != "" && i+2 >= b) && !agencyEndingAt(x, toks, segStart, i+n) {
			// "Acme Chief Technical Director": a rank word before the
			// title goes with the title, not into the body's name (the
			// role's title is the lexicon's, without the rank word)
			t0 := i
			for t0 > segStart+1 && x.rankMods[toks[t0-1].Text] {
				t0--
			}
			if segStart < t0 && ti.Portfolio && !(t0 == segStart+1 && isAllCaps(toks[segStart].Text)) { // "MPCA Commissioner": the body's acronym
				out = append(out, portfolioPieces(d, splitPlain(d, x, si, segStart, t0, titleBefore, false))...)
			} else if segStart < t0 {
				out = append(out, remitPieces(d, splitPlain(d, x, si, segStart, t0, titleBefore, true), remit)...)
			}
			i += n
			segStart = i
			titleBefore = true
			remit = segStart < b && (toks[segStart].Text == "for" || toks[segStart].Text == "on")
			// "CEO of Acme Corp": the title's organization, not "of Acme Corp".
			for segStart < b && connectors[strings.ToLower(toks[segStart].Text)] {
				segStart++
				titleBefore = false
			}
			if k := portfolioAndEnd(x, toks, segStart, b); ti.Portfolio && segStart > i && k > 0 {
				// "Minister of Water and Sanitation Jane Roe": the remit's
				// words through the one after "and", then the holder
				out = append(out, portfolioPieces(d, splitPlain(d, x, si, segStart, k, false, false))...)
				segStart, titleBefore = k, true
			}
			// "Commissioner General Dr Jane Roe": the honorific after the
			// title is no part of the name
			for titleBefore && segStart+1 < b && x.honorifics[toks[segStart].Text] && !x.givenHonorifics[toks[segStart].Text] && isCapToken(toks[segStart+1].Text) {
				segStart++
			}
			i = max(i, segStart)
			continue
		}
		i++
	}
	if segStart < b {
		out = append(out, remitPieces(d, splitPlain(d, x, si, segStart, b, titleBefore, false), remit)...)
	}
	return out
}

// portfolioAndEnd is where a portfolio of two fields joined by "and" or
// "&" ends in toks[a:b] ("Water and Sanitation Jane Roe": after
// "Sanitation"), when a name of two words or more follows and no given
// name the lexicon knows is in the run (those split it already); else 0.
func portfolioAndEnd(x *lexIndex, toks []token, a, b int) int {
	for k := a; k < b; k++ {
		if x.isFirstName(toks[k].Text) {
			return 0
		}
	}
	for k := a + 1; k < b && k <= a+3; k++ {
		if w := toks[k].Text; (w == "and" || w == "&") && k+3 < b && isCapToken(toks[k+1].Text) && isCapToken(toks[k+2].Text) && isCapToken(toks[k+3].Text) {
			return k + 2
		}
	}
	return 0
}

// titledNameInside: a title inside toks[a:b], after its first word, is
// followed by a known given name, so the run ends in a titled person and
// is no body's name: "Harwell Court of Appeal Justice Jane Roe".
func titledNameInside(x *lexIndex, toks []token, a, b int) bool {
	for i := a + 1; i < b-1; i++ {
		if n, _ := x.titleAt(toks, i, b); n > 0 && i+n < b && x.isFirstName(toks[i+n].Text) {
			return true
		}
	}
	return false
}

// portfolioPieces blocks the untyped pieces before an office whose
// portfolio they name ("EU Competition Commissioner", "Defence Industry
// Minister"), unless the document also names one of their words alone.
func portfolioPieces(d *docState, ps []*piece) []*piece {
	for _, p := range ps {
		if p.typ != "" {
			continue
		}
		named := false
		for _, w := range strings.Fields(p.text) {
			named = named || standsAlone(d, w)
		}
		p.blocked = !named
	}
	return ps
}

// remitPieces blocks the untyped pieces of an office's remit: "Commissioner
// for Human Rights", "Minister for Rural Development" name no body called
// "Human Rights"; but a client or employer after "for" is one word or a
// name the document also uses alone ("Counsel for Acme, ... Acme said").
func remitPieces(d *docState, ps []*piece, remit bool) []*piece {
	for _, p := range ps {
		if !remit || p.typ != "" {
			continue
		}
		ws := strings.Fields(p.text)
		named := len(ws) < 2 // "Counsel for Acme"
		for _, w := range ws {
			named = named || standsAlone(d, w)
		}
		p.blocked = !named
	}
	return ps
}

// orgPiece recognizes a whole run as an organization by lexicon or head word.
func orgPiece(d *docState, x *lexIndex, si, a, b int) *piece {
	if p := aliasOrg(d, x, si, a, b); p != nil {
		return p
	}
	if p := foreignOrg(d, x, si, a, b); p != nil {
		return p
	}
	if p := jointRemitOrg(d, x, si, a, b); p != nil {
		return p
	}
	return headedOrg(d, x, si, a, b)
}

// personOfOrg returns where "of" splits a run into a name and the body it
// belongs to ("Anneli Juhlin-Persson of Stockholm University"), or 0: up
// to three plain capitalized words (after a title, if one opens the run), no head word among them, then
// (after "the", if it comes) an organization of two words or more with a
// head word of its own: at its end (a legal form only after a known given
// name or in a partnership's name: "Jane Roe of Roe & Co."), or leading
// it before "of" ("of the Office of the Attorney-General"). A body's own
// name puts its head word before "of" ("Bank of America", "University of
// Oslo").
func personOfOrg(d *docState, x *lexIndex, toks []token, a, b int) int {
	title := a // "State Counsel Jane Roe of the ...": the person after a title
	if n, _ := x.titleAt(toks, a, b); n > 0 && a+n < b && isCapToken(toks[a+n].Text) {
		a += n
	}
	for i := a + 1; i < b-2 && i <= a+3; i++ {
		if toks[i].Text != "of" {
			continue
		}
		h, ok := x.heads[toks[b-1].Text]
		o := i + 1
		if o < b-1 && toks[o].Text == "the" {
			o++ // "Jane Roe of the Harwell Bar Council"
		}
		leadOf := false
		if lead := x.heads[toks[o].Text]; !ok && lead.Lead && o+1 < b && toks[o+1].Text == "of" {
			h, ok, leadOf = lead, true, true // "Jane Roe of the Office of the Attorney-General"
		}
		// a legal form ends the body only after a known given name or in a
		// partnership's name: "Jane Roe of Roe & Co.", not "Bank of
		// America Corp."
		if !ok || h.Legal && !x.isFirstName(toks[a].Text) && !hasAmpersand(toks, o, b) || !plainWords(x, toks, a, i) || isAllCaps(toks[a].Text) || !(joinedCaps(toks, o, b, ampersandOrHolder) || leadOf && joinedCaps(toks, o, b, isConnector)) {
			return 0
		}
		// a person's name: two words or more, after a title, or opened by
		// a known given name, or whose last word stands alone elsewhere
		// in the story ("Juhlin-Persson said"); not "Prince of Wales
		// Hospital"
		if n, _ := x.titleEndingAt(toks, a); i-a < 2 || n == 0 && a == title && !x.isFirstName(toks[a].Text) && !standsAlone(d, toks[i-1].Text) && !titleSetOffBefore(x, toks, a) {
			return 0
		}
		return i
	}
	return 0
}

// titleSetOffBefore reports whether a title phrase and a comma stand right
// before toks[a]: "the company's lawyer, Jane Roe of ...".
func titleSetOffBefore(x *lexIndex, toks []token, a int) bool {
	if a < 2 || toks[a-1].Text != "," {
		return false
	}
	_, ok := titlePhraseEndingAt(x, toks, a-1)
	return ok
}

// ampersandOrHolder joins the words of a body's name after a person's
// "of": a partnership's "&" ("Roe & Co.") or an office holder's possessive
// ("Attorney General's Chambers").
func ampersandOrHolder(t string) bool { return isAmpersand(t) || isPossessive(t) }

// hasHeadAt: toks[k] is an organization's head word or legal form.
func hasHeadAt(x *lexIndex, toks []token, k int) bool {
	_, ok := x.heads[toks[k].Text]
	return ok
}

// joinedCaps: toks[a:b] are capitalized words, with words join admits
// between two of them ("Roe, Poe & Co." joins by "&", "Office of the
// Attorney-General" by connectors).
func joinedCaps(toks []token, a, b int, join func(string) bool) bool {
	for i := a; i < b; i++ {
		if !isCapToken(toks[i].Text) && !(join(toks[i].Text) && i > a && i+1 < b) {
			return false
		}
	}
	return true
}

func isAmpersand(w string) bool { return w == "&" }
func isConnector(w string) bool { return connectors[w] }

// hasAmpersand: an "&" is among toks[a:b].
func hasAmpersand(toks []token, a, b int) bool {
	for _, t := range toks[a:b] {
		if t.Text == "&" {
			return true
		}
	}
	return false
}

// agencyEndingAt reports whether some words of toks[a:b] that end at b
// name an agency of the lexicon: "Justice" ends "Rebecca Roe of the
// Department of Justice" and is no title there.
func agencyEndingAt(x *lexIndex, toks []token, a, b int) bool {
	for k := b - 2; k >= a && k >= b-6; k-- {
		if strings.EqualFold(toks[k].Text, "the") {
			continue // "Secretary of the Navy": "the Navy" is no name of two words
		}
		var words []string
		for _, t := range toks[k:b] {
			words = append(words, t.Text)
		}
		if x.agencies[kg.Key(strings.Join(words, " "))].Canonical != "" {
			return true
		}
	}
	return false
}

// jointRemitOrg recognizes a body whose name joins two remits with "and"
// before its head word ("Planning and Environment Tribunal", "Mining and
// Logistics Group"), the second remit with an "of" of its own only before
// a public body's head ("Sales and Leasing of Public Lands Tribunal"): no
// word before "and" is a head word or a legal form, no word around it a
// given name, an acronym, a head word or a name the document uses alone
// (two bodies: "FBI and Drug Enforcement Administration", "Hooli Systems
// and Globex Group").
func jointRemitOrg(d *docState, x *lexIndex, si, a, b int) *piece {
	toks := d.Sents[si].Tokens
	h, ok := x.heads[toks[b-1].Text]
	if !ok || h.Legal || h.Kind == "media" || b-a < 4 {
		return nil
	}
	and, of := -1, false
	for k := a + 1; k < b-2; k++ {
		if toks[k].Text == "and" {
			and = k
		}
		if toks[k].Text == "of" && and > 0 && k > and+1 && !of && h.Kind != "company" {
			of = true
			continue
		}
		if !isCapToken(toks[k].Text) && toks[k].Text != "and" {
			return nil
		}
	}
	if and < 0 || b-and > 4 && !of || b-and > 8 {
		return nil
	}
	for k := a; k < and; k++ {
		if hasHeadAt(x, toks, k) && (x.heads[toks[k].Text].Legal || h.Kind == "company") {
			return nil // "Hooli Inc. and Globex of Harwell Appeals Tribunal"
		}
	}
	from := remitListStart(d, x, toks, a, h.Kind)
	for _, k := range []int{and - 1, and + 1} {
		w := toks[k].Text
		// a company's head word is a remit before a public body's head:
		// "Senate Energy and Natural Resources Committee"
		remit := x.heads[w].Kind == "company" && !x.heads[w].Legal && h.Kind != "" && h.Kind != "company"
		if x.isFirstName(w) && from == a || isAllCaps(w) || x.heads[w].Kind != "" && !remit || standsAlone(d, w) {
			return nil
		}
	}
	if x.isFirstName(toks[a].Text) && from == a {
		return nil
	}
	p := newPiece(d, si, from, b)
	p.typ, p.kind = kg.Organization, h.Kind
	return p
}

// remitListStart is where a public body's list of remits starts when
// single capitalized words set off by commas open it before toks[a]
// ("Scholarship, Grant and Loan Board", "Economy, Industry and Trade
// Committee"): only after "the" (a list that opens a sentence may be of
// names); a given name in the list is a remit then. a when there is none.
func remitListStart(d *docState, x *lexIndex, toks []token, a int, kind string) int {
	if kind == "" || kind == "company" {
		return a
	}
	from := a
	for from >= 2 && toks[from-1].Text == "," && isCapToken(toks[from-2].Text) && !isAllCaps(toks[from-2].Text) && x.heads[toks[from-2].Text].Kind == "" && !x.isPlace(kg.Key(toks[from-2].Text)) {
		from -= 2
	}
	if from == a || from == 0 || !strings.EqualFold(toks[from-1].Text, "the") {
		return a
	}
	return from
}

// aliasOrg recognizes a run that is an agency's name or alias, after up to
// two words naming the nation ("U.S. Justice Department"), before any head
// word rule can take the nation for part of the name (a state's department
// is not the nation's: "Ohio Department of Transportation").
func aliasOrg(d *docState, x *lexIndex, si, a, b int) *piece {
	toks := d.Sents[si].Tokens
	for from := a; from < b && from <= a+2; from++ {
		if from > a && !x.national[kg.Key(spanText(d, toks, a, from))] {
			continue
		}
		if ag, ok := x.agencies[kg.Key(spanText(d, toks, from, b))]; ok {
			p := newPiece(d, si, a, b)
			p.typ, p.kind, p.canonical = kg.Organization, ag.Kind, ag.Canonical
			return p
		}
	}
	return nil
}

// genitives are the words for "of (the)" inside institutions' names in
// other languages (closed class): "Banco de la Nación", "Tribunale di
// Milano", "Bundesamt für ...", "Association des locataires des ...".
var genitives = map[string]bool{"de": true, "des": true, "du": true, "del": true, "della": true, "delle": true, "dei": true, "degli": true, "di": true, "do": true, "da": true, "dos": true, "das": true, "der": true, "für": true, "voor": true, "för": true, "av": true, "af": true}

// articles are the definite articles that may follow a genitive in other
// languages' names (closed class): "de la", "de los", "di la".
var articles = map[string]bool{"la": true, "le": true, "les": true, "el": true, "los": true, "las": true, "il": true, "lo": true, "gli": true, "het": true}

// foreignOrg recognizes an institution named in another language: a
// leading head word with a genitive particle after it ("Ministerio de
// Hacienda", "Tribunal judiciaire de Marseille") or a head word that opens
// a name without one ("Kementerian Kesehatan", "PT Acme Nusantara").
func foreignOrg(d *docState, x *lexIndex, si, a, b int) *piece {
	toks := d.Sents[si].Tokens
	for from := a; from < b-1 && from <= a+1; from++ {
		h, ok := x.heads[toks[from].Text]
		if !ok || !(h.Lead || h.Prefix) || from > a && !x.isPlace(kg.Key(toks[a].Text)) {
			continue
		}
		named := h.Prefix
		for k := from + 1; k < b && !named; k++ {
			named = genitives[toks[k].Text] && !hasTitleOrAnd(x, toks, from, k)
		}
		if named {
			p := newPiece(d, si, from, b)
			p.typ, p.kind = kg.Organization, h.Kind
			return p
		}
	}
	return nil
}

// personBeforeOf reports whether the run toks[a:b] opens with a person's
// name before "of" ("Jane Doe of Acme LLP", "Jane Ann Roe of", "Leonard
// Chia Kok Meng of"): a person, then her organization; not "Kenya Union
// of Journalists" (a place, a head) or "Ivy School of Law" (a head no one
// is called alone, none after "of").
func personBeforeOf(d *docState, x *lexIndex, toks []token, a, b int) bool {
	if !x.isFirstName(toks[a].Text) {
		return false
	}
	if a+2 < b && isCapToken(toks[a+1].Text) && toks[a+2].Text == "of" && !(x.heads[toks[a+1].Text].Lead && (x.isPlace(kg.Key(toks[a].Text)) || !standsAlone(d, toks[a+1].Text) && !hasHeadAt(x, toks, b-1))) {
		return true
	}
	for k := a + 3; k <= a+4 && k < b; k++ {
		if toks[k].Text == "of" && capWords(toks, a+1, k) && !x.heads[toks[k-1].Text].Lead {
			return true
		}
	}
	return false
}

// headEnd is where the head word of a body's name toks[from:b] ends: before
// a number that ends the name ("Harwell 31st High Criminal Court 2"), or a
// country after the head ("Gaming Control Board Suriname"); else b.
func headEnd(x *lexIndex, toks []token, from, b int) int {
	if isDigits(toks[b-1].Text) && b-1 > from {
		return b - 1
	}
	if _, ok := headOf(x, toks[b-2].Text); ok && b-from >= 3 && x.isPlace(kg.Key(toks[b-1].Text)) && !x.heads[toks[b-2].Text].Legal {
		return b - 1
	}
	return b
}

// headedOrg recognizes a run as an organization by lexicon or English head word.
func headedOrg(d *docState, x *lexIndex, si, a, b int) *piece {
	toks := d.Sents[si].Tokens
	if personBeforeOf(d, x, toks, a, b) {
		return nil
	}
	// Federal appeals courts by circuit: "8th U.S. Circuit Court of Appeals",
	// "the Ninth Circuit", "U.S. Court of Appeals for the 8th Circuit".
	if k := circuitAt(toks, a, b); k >= 0 {
		p := newPiece(d, si, a, b)
		p.typ, p.kind = kg.Organization, "court"
		p.canonical = "U.S. Court of Appeals for the " + toks[k].Text + " Circuit"
		return p
	}
	// Leading place words ("U.S. Department of Justice") may prefix an org.
	for _, from := range []int{a, a + 1, a + 2} {
		if from >= b {
			break
		}
		if from > a && !x.isPlace(kg.Key(spanText(d, toks, a, from))) {
			continue
		}
		text := spanText(d, toks, from, b)
		if ag, ok := x.agencies[kg.Key(text)]; ok {
			p := newPiece(d, si, a, b)
			p.typ, p.kind, p.canonical = kg.Organization, ag.Kind, ag.Canonical
			return p
		}
		if b-from < 2 {
			continue
		}
		// A one-word title before the head word is part of the name: "General
		// Assembly", "Judicial Council".
		hb := headEnd(x, toks, from, b)
		holder := hb-from >= 3 && isPossessive(toks[hb-2].Text) // "Attorney General's Office"
		if h, ok := headOf(x, toks[hb-1].Text); ok && !(h.Surname && hb-from == 2 && x.isFirstName(toks[from].Text)) && (holder || !hasTitleOrAnd(x, toks, from, hb-1) || (hb-from == 2 && x.titles[strings.ToLower(toks[from].Text)].Phrase != "") || wordTitleInside(x, toks, from, hb-1)) {
			p := newPiece(d, si, from, b)
			p.typ, p.kind = kg.Organization, h.Kind
			if holder && h.Advisers {
				p.kind = "agency" // an office's chambers, no firm of advisers
			}
			if courtOf(x, toks, from, hb) {
				p.kind = "court" // "Supreme Court of the Union" is a court, not a union
			}
			return p
		}
		if h, ok := x.heads[toks[from].Text]; ok && h.Lead && from+1 < b && strings.ToLower(toks[from+1].Text) == "of" && !secondName(x, toks, from+2, b) {
			p := newPiece(d, si, from, b)
			p.typ, p.kind = kg.Organization, h.Kind
			return p
		}
		// A head word with its remit after "on", "for", "against" or "of": "House
		// Committee on Education and the Workforce", "Center for Strategic
		// and International Studies", "Commission on Civil Rights", "Kenya
		// Union of Journalists", "Cellular Operators Association of India"
		// (a district "of" a state is the court's: courtPiece).
		for i := from; i+2 < b; i++ {
			if isPossessive(toks[i].Text) && i > from {
				continue // "House Veterans' Affairs Subcommittee on ..."
			}
			if !isCapToken(toks[i].Text) {
				break
			}
			low := strings.ToLower(toks[i+1].Text)
			// ("State Company for Oil Projects": a company named by its remit,
			// as translations of Arabic names write it)
			remitCo := toks[i].Text == "Company" && low == "for" && i > from
			if h, ok := x.heads[toks[i].Text]; ok && (!h.Legal && h.Kind != "company" && h.Kind != "media" || remitCo) && (low == "on" || low == "for" || low == "against" || low == "of" && i > from && toks[i].Text != "District") && (isCapToken(toks[i+2].Text) || i+3 < b && toks[i+2].Text == "the" && isCapToken(toks[i+3].Text)) {
				p := newPiece(d, si, from, b)
				p.typ, p.kind = kg.Organization, h.Kind
				return p
			}
		}
		// A leading head word after a name: "Acme University School of Law";
		// after a known organization or a state: "VA Office of Inspector
		// General", "Ohio Department of Health". A title may close the name
		// after "of" ("Office of the Inspector General").
		for i := from + 1; i+2 < b; i++ {
			if !isCapToken(toks[i-1].Text) && !isPossessive(toks[i-1].Text) {
				break
			}
			h, ok := x.heads[toks[i].Text]
			if !ok || !h.Lead || toks[i+1].Text != "of" || hasTitleOrAnd(x, toks, from, i) || titleInside(x, toks, i+2, b) {
				continue
			}
			prefix := kg.Key(spanText(d, toks, from, i))
			ph, isHead := x.heads[toks[i-1].Text]
			known := x.agencies[prefix].Canonical != "" && isAcronymish(toks[from].Text) && i == from+1
			state := from == a && x.isPlace(prefix) && !x.national[prefix]
			if (isHead && !ph.Legal) || known || state {
				p := newPiece(d, si, from, b)
				p.typ, p.kind = kg.Organization, h.Kind
				return p
			}
		}
	}
	if p := groupPiece(d, x, si, a, b); p != nil {
		return p
	}
	return courtPiece(d, x, si, a, b)
}

// secondName reports whether "and" in toks[a:b] opens a second name rather
// than joining the words of one ("Court of Federal Claims and the U.S.
// Court of Appeals", not "Department of Health and Human Services"): it is
// followed by "the", a place or a leading head word.
func secondName(x *lexIndex, toks []token, a, b int) bool {
	for i := a; i+1 < b; i++ {
		if !strings.EqualFold(toks[i].Text, "and") {
			continue
		}
		next := toks[i+1].Text
		if strings.EqualFold(next, "the") && slices.ContainsFunc(toks[a:i], func(t token) bool { return t.Text == "," }) {
			continue // the last of a remit list (remitList): "of Mines, Forests and the Environment"
		}
		if strings.EqualFold(next, "the") || x.isPlace(kg.Key(next)) || x.heads[next].Lead {
			return true
		}
	}
	return false
}

// groupPiece: a name whose plural noun takes a remit, "Citizens for Court
// Integrity", "Allied Nurses of Ohio", "Friends of the Library", is a
// group of people: an organization.
func groupPiece(d *docState, x *lexIndex, si, a, b int) *piece {
	toks := d.Sents[si].Tokens
	if x.isFirstName(toks[a].Text) || x.honorifics[toks[a].Text] || hasTitleOrAnd(x, toks, a, b) {
		return nil
	}
	for i := a; i+2 < b; i++ {
		w := toks[i].Text
		if !isCapToken(w) {
			return nil
		}
		low := strings.ToLower(toks[i+1].Text)
		if low != "of" && low != "for" {
			continue
		}
		lw := strings.ToLower(w)
		if len(lw) > 4 && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "us") && !strings.HasSuffix(lw, "is") && !isAllCaps(w) && !x.places[kg.Key(w)] && !x.calendar[kg.Key(w)] && (isCapToken(toks[i+2].Text) || (i+3 < b && strings.EqualFold(toks[i+2].Text, "the"))) {
			p := newPiece(d, si, a, b)
			p.typ, p.kind = kg.Organization, "association"
			return p
		}
		return nil
	}
	return nil
}

// titleInside: a title in toks[a:b] other than one that closes the run
// right after "of" or "of the" ("Office of Inspector General").
func titleInside(x *lexIndex, toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if strings.EqualFold(toks[i].Text, "and") {
			return true
		}
		if n, _ := x.titleAt(toks, i, b); n > 0 {
			if i+n == b && (i == a || (i == a+1 && strings.EqualFold(toks[a].Text, "the"))) {
				return false
			}
			return true
		}
	}
	return false
}

// headOf looks a name's last word up among the organization head words, or
// the last part of a hyphenated one ("Post-Dispatch").
func headOf(x *lexIndex, w string) (headInfo, bool) {
	if h, ok := x.heads[w]; ok {
		return h, true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && i+1 < len(w) && isCapToken(w[i+1:]) {
		h, ok := x.heads[w[i+1:]]
		return h, ok && !h.Legal
	}
	return headInfo{}, false
}

var ordinalWords = map[string]bool{"First": true, "Second": true, "Third": true, "Fourth": true, "Fifth": true, "Sixth": true, "Seventh": true, "Eighth": true, "Ninth": true, "Tenth": true, "Eleventh": true}

// isOrdinal: "8th", "1st", "22nd".
func isOrdinal(t string) bool {
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n == 0 {
		return false
	}
	switch strings.ToLower(t[n:]) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// circuitAt returns the index of the ordinal in toks[a:b] when the run names
// a federal appeals court: "Circuit" after the ordinal ("U.S." between) at
// the end of the run or before "Court of Appeals"; else -1.
func circuitAt(toks []token, a, b int) int {
	for i := a; i < b; i++ {
		if toks[i].Text != "Circuit" {
			continue
		}
		k := i - 1
		for k >= a && (toks[k].Text == "U.S." || toks[k].Text == "US") {
			k--
		}
		if k < a || !(isOrdinal(toks[k].Text) || ordinalWords[toks[k].Text]) {
			continue
		}
		if i+1 == b || (i+4 == b && toks[i+1].Text == "Court" && toks[i+2].Text == "of" && toks[i+3].Text == "Appeals") {
			return k
		}
	}
	return -1
}

var districtWords = map[string]bool{"Northern": true, "Southern": true, "Eastern": true, "Western": true, "Middle": true, "Central": true}

// courtPiece recognizes federal court names: "Northern District of
// California", "U.S. District Court for the Southern District of New York",
// "Court of Appeals for the Ninth Circuit".
func courtPiece(d *docState, x *lexIndex, si, a, b int) *piece {
	toks := d.Sents[si].Tokens
	from := a
	for from < b && x.places[kg.Key(toks[from].Text)] && from+1 < b {
		from++
	}
	if hasTitleOrAnd(x, toks, from, b) {
		return nil
	}
	for i := from; i+1 < b; i++ {
		if !isCapToken(toks[i].Text) {
			break // "Acme in the Court of ...": two names
		}
		if toks[i].Text == "Court" && (toks[i+1].Text == "of" || toks[i+1].Text == "for") && i+2 < b {
			p := newPiece(d, si, a, b)
			p.typ, p.kind = kg.Organization, "court"
			if rest := spanText(d, toks, from, b); strings.HasPrefix(rest, "District Court ") {
				p.canonical = "U.S. " + rest
			}
			return p
		}
	}
	// "Northern District of California" names the district court.
	if b-from >= 4 && districtWords[toks[from].Text] && toks[from+1].Text == "District" && toks[from+2].Text == "of" && x.places[kg.Key(spanText(d, toks, from+3, b))] {
		p := newPiece(d, si, from, b)
		p.typ, p.kind = kg.Organization, "court"
		p.canonical = "U.S. District Court for the " + p.text
		return p
	}
	return nil
}

// wordTitleInside: the titles in toks[a:b] are single occupation words
// inside a name, after its first word and before no given name or
// honorific, and there is no "and": "Northway Coach Industries", "Banker
// Steel Company", not "Acme CEO Jane Roe" or "Judge Jane Roe".
func wordTitleInside(x *lexIndex, toks []token, a, b int) bool {
	found := false
	for i := a; i < b; i++ {
		if strings.EqualFold(toks[i].Text, "and") {
			return false
		}
		n, _ := x.titleAt(toks, i, b)
		if n == 0 {
			continue
		}
		if n > 1 || i == a || isAllCaps(toks[i].Text) || i+1 < b && (x.isFirstName(toks[i+1].Text) || x.honorifics[toks[i+1].Text]) {
			return false
		}
		found = true
	}
	return found
}

// hasTitleOrAnd: a run holding a person title or "and" is several names
// ("President Jane Doe and Defense Department"), not one organization.
func hasTitleOrAnd(x *lexIndex, toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if strings.EqualFold(toks[i].Text, "and") && !hasCueBefore(x, toks, a) {
			return true
		}
		if n, _ := x.titleAt(toks, i, b); n > 0 {
			return true
		}
	}
	return false
}

// splitPlain handles a run without titles: splits at "and"/"of" unless the
// whole is typed, drops places.
func splitPlain(d *docState, x *lexIndex, si, a, b int, afterTitle, beforeTitle bool) []*piece {
	if a >= b {
		return nil
	}
	toks := d.Sents[si].Tokens
	// "Det Sgt Aoife Roe of the Garda Bureau": after a title, a name and
	// "of" are a person and where she works, whatever her given name.
	if afterTitle {
		for i := a + 1; i < b && i <= a+3; i++ {
			if toks[i].Text != "of" {
				continue
			}
			if !plainWords(x, toks, a, i) || !capWords(toks, a, i) {
				break
			}
			p := newPiece(d, si, a, i)
			p.typ, p.afterTitle = kg.Person, true
			j := i + 1
			for j < b && connectors[strings.ToLower(toks[j].Text)] {
				j++
			}
			return append([]*piece{p}, splitPlain(d, x, si, j, b, false, beforeTitle)...)
		}
	}
	if p := orgPiece(d, x, si, a, b); p != nil {
		return []*piece{p}
	}
	// "Hollis & Ward", "Procter & Gamble": an ampersand between two
	// capitalized words joins one firm's name.
	for i := a + 1; i+1 < b && b-a <= 5; i++ {
		if toks[i].Text == "&" && isCapToken(toks[i-1].Text) && isCapToken(toks[i+1].Text) {
			p := newPiece(d, si, a, b)
			p.typ, p.kind = kg.Organization, "company"
			return []*piece{p}
		}
	}
	// Split at connectors unless an organization cue precedes the whole run.
	if !hasCueBefore(x, toks, a) {
		for i := a; i < b; i++ {
			if connectors[strings.ToLower(toks[i].Text)] && !particleName(x, toks, a, i, b) {
				var out []*piece
				out = append(out, splitPlain(d, x, si, a, i, afterTitle, false)...)
				j := i
				for j < b && connectors[strings.ToLower(toks[j].Text)] {
					j++
				}
				if j < b {
					out = append(out, splitPlain(d, x, si, j, b, false, beforeTitle)...)
				}
				return out
			}
		}
	}
	// Leading places: "US" in "US Secretary ..."; "Seattle-based" is not split here.
	// A given name inside a longer run opens a person's name after words
	// the lexicons do not know as a title: "Senate Majority Leader Jane Roe".
	if !x.isFirstName(toks[a].Text) && !x.honorifics[toks[a].Text] && !(afterTitle && b-a <= 4 && plainWords(x, toks, a, b)) {
		for k := a + 1; k+1 < b; k++ {
			if !x.isFirstName(toks[k].Text) || b-k > 3 || !plainWords(x, toks, k, b) || !capWords(toks, a, k) || x.patronyms[toks[k-1].Text] {
				continue // "Dah Ould Mohamed Vall": the father's name, not a new one
			}
			if x.isPlace(kg.Key(spanText0(toks, a, k+1))) {
				continue // "Los Angeles Olympic Games": the given name ends a place's name
			}
			if k == a+1 && b-a <= 4 && plainWords(x, toks, a, k) && !isAllCaps(toks[a].Text) && !afterTitle && (a == 0 || !connectors[strings.ToLower(toks[a-1].Text)]) && !reportingWord(d, toks[a].Text) {
				break // "Luiz Fernando Roe": a given name the lexicon lacks before one it has
			}
			p := newPiece(d, si, k, b)
			p.typ, p.afterTitle = kg.Person, true
			return append(splitPlain(d, x, si, a, k, afterTitle, false), p)
		}
	}
	// A rank word before a place and a title is the title's: "Chief U.S.
	// District Judge Jane Roe".
	for beforeTitle && a+1 < b && x.rankMods[toks[a].Text] {
		a++
	}
	// A place before a plain name stays: "Denver Summit", "USA Volleyball".
	for a < b && x.places[kg.Key(toks[a].Text)] && b-a > 1 && !x.isFirstName(toks[a].Text) && (afterTitle || beforeTitle || x.isFirstName(toks[a+1].Text) || x.honorifics[toks[a+1].Text] || x.places[kg.Key(toks[a+1].Text)]) {
		a++
	}
	p := newPiece(d, si, a, b)
	key := kg.Key(p.text)
	if x.places[key] || x.calendar[key] {
		p.blocked = true
		return []*piece{p}
	}
	if _, ok := x.titles[strings.ToLower(p.text)]; ok {
		return nil
	}
	p.afterTitle = afterTitle
	switch {
	case afterTitle && b-a <= 4 && !isAllCaps(toks[a].Text):
		p.typ = kg.Person
	case beforeTitle:
		// "Amazon CEO", "AWS chief executive": the organization of the title.
		p.typ, p.kind = kg.Organization, "company"
	}
	return []*piece{p}
}

// reportingWord: w is a reporting verb ("Said Jane Roe, ...": an inverted
// attribution opening a sentence).
func reportingWord(d *docState, w string) bool {
	_, ok := d.claimLex().verbs[strings.ToLower(w)]
	return ok
}

// particleName: toks[a:b] is a person's name with the particle "de" at i
// ("Anne-Sophie de Villeneuve", "Raul de Albuquerque Neto"): one or two
// plain capitalized words each side, and no place after the particle
// ("Banque de France"); with one word before the particle, a given name.
func particleName(x *lexIndex, toks []token, a, i, b int) bool {
	// "de la Peña", "de los Santos": an article may follow the particle
	j := i + 1
	if j < b && particleArticles[toks[j].Text] {
		j++
	}
	capDe := toks[i].Text == "De" && i-a == 1 && x.isFirstName(toks[a].Text) // "James De Garis"
	if toks[i].Text != "de" && !capDe || i-a < 1 || i-a > 3 || b-j < 1 || b-j > 2 || x.isPlace(kg.Key(spanText0(toks, j, b))) {
		return false
	}
	if i-a == 1 && j == i+1 && !x.isFirstName(toks[a].Text) {
		return false // "Electricidade de Moçambique", "Provedor de Justiça": one word that is no given name ("Ibarra de la Peña" is a surname)
	}
	for k := a; k < b; k++ {
		if k >= i && k < j {
			continue
		}
		t := toks[k].Text
		if !isCapToken(t) || isAllCaps(t) || x.places[kg.Key(t)] && k < i {
			return false
		}
		if _, head := x.heads[t]; head {
			return false
		}
		if n, _ := x.titleAt(toks, k, k+1); n > 0 {
			return false
		}
	}
	return true
}

// particleArticles may follow "de" in a name: "Ibarra de la Peña".
var particleArticles = map[string]bool{"la": true, "las": true, "los": true, "le": true}

// spanText0 joins the texts of toks[a:b] with spaces.
func spanText0(toks []token, a, b int) string {
	ws := make([]string, 0, b-a)
	for _, t := range toks[a:b] {
		ws = append(ws, t.Text)
	}
	return strings.Join(ws, " ")
}

// plainWords: toks[a:b] are capitalized words, none an organization head
// word, a place or a date.
func plainWords(x *lexIndex, toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		t := toks[i].Text
		if !isCapToken(t) || isAllCaps(t) || x.places[kg.Key(t)] || x.calendar[kg.Key(t)] {
			return false
		}
		if _, ok := headOf(x, t); ok {
			return false
		}
	}
	return true
}

func capWords(toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if !isCapToken(toks[i].Text) {
			return false
		}
	}
	return true
}

// appositiveTitle: the tokens from b read ", [a|an|the] [former] [Org's]
// [adjectives] TITLE": the name before them is a person's.
// titledAppositive: toks[a:b] is set off by commas right after a title
// ("His solicitor, Jane Roe, told", "A spokeswoman, Jane Roe, said"): the
// name of the office's holder.
func titledAppositive(x *lexIndex, toks []token, a, b int) bool {
	if a < 2 || b >= len(toks) || toks[a-1].Text != "," || toks[b].Text != "," {
		return false
	}
	n, _ := x.titleEndingAt(toks, a-1)
	return n > 0
}

// lowerTitleBefore: a title in lower case right before toks[a] ("deputy
// Kadra Elmi", "councillor Minik Rosing"), which introduces its holder.
func lowerTitleBefore(x *lexIndex, toks []token, a int) bool {
	if a < 1 || !isLowerWord(toks[a-1].Text) {
		return false
	}
	n, _ := x.titleEndingAt(toks, a)
	return n > 0
}

func appositiveTitle(x *lexIndex, toks []token, b int) bool {
	if b+1 >= len(toks) || toks[b].Text != "," {
		return false
	}
	for k := b + 1; k < len(toks) && k < b+8; k++ {
		if n, ti := x.titleAt(toks, k, len(toks)); n > 0 {
			_ = ti
			return true
		}
		t := toks[k]
		low := strings.ToLower(t.Text)
		switch {
		case leadStop[low], x.former[low], isPossessive(t.Text), isCapToken(t.Text), isAdjective(t):
			continue
		case strings.HasPrefix(t.Tag, "NN") && k > b+1:
			continue // nouns qualifying the title: "its data protection officer"
		}
		return false
	}
	return false
}

// bodyAppositive: the tokens from b read ", a|an [modifiers] NOUN" and the
// appositive ends there, where NOUN is a word for an organization (a
// nominal: "company", "firm"; a head word: "union", "foundation"; or a
// cue: "lobby group"): the name before them is an organization of that
// kind. Not "X, a law firm partner": the appositive must end at the noun.
func bodyAppositive(x *lexIndex, toks []token, b int) (string, bool) {
	if b+2 >= len(toks) || toks[b].Text != "," || (!strings.EqualFold(toks[b+1].Text, "a") && !strings.EqualFold(toks[b+1].Text, "an")) {
		return "", false
	}
	for k := b + 2; k < len(toks) && k < b+7; k++ {
		t := toks[k].Text
		low := strings.ToLower(t)
		kind, ok := x.nominals[low]
		if h, isHead := x.heads[capitalized(low)]; !ok && isHead && !isCapToken(t) && h.Kind != "government" {
			kind, ok = h.Kind, true // not "Camden, a district of London"
		}
		if !ok && k > b+2 {
			kind, ok = x.cueBefore[strings.ToLower(toks[k-1].Text+" "+t)]
		}
		if !ok {
			kind, ok = x.cueBefore[low]
		}
		if ok && !isCapToken(t) && (k+1 == len(toks) || appositiveEnds(x, toks[k+1].Text)) {
			return orDefault(kind, "company"), true
		}
		if !(isCapToken(t) || isAdjective(toks[k]) || strings.HasPrefix(toks[k].Tag, "NN") || strings.HasPrefix(toks[k].Tag, "VBG") || strings.HasPrefix(toks[k].Tag, "VBN") || strings.Contains(t, "-")) {
			return "", false
		}
	}
	return "", false
}

// appositiveEnds reports whether token t closes an appositive: a comma or
// the sentence's end, a word that opens what qualifies it ("a group that",
// "a company whose", "a firm in"), or a participle that does (org_cues.txt
// side=qualifier: "a firm based in").
func appositiveEnds(x *lexIndex, t string) bool {
	switch low := strings.ToLower(t); low {
	case ",", ".", ";", ":", ")", "that", "which", "whose", "in", "of", "with", "for":
		return true
	default:
		return x.qualifiers[low]
	}
}

// capitalized is w with its first letter upper case.
func capitalized(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// workplaceAfterTitle: toks[a:b] follows a title and "at" ("a partner at
// Melody Hale"), where a workplace stands, not a person (unless the name
// is a possessor: "a lawyer at Jane Roe's firm").
func workplaceAfterTitle(x *lexIndex, toks []token, a, b int) bool {
	if a < 2 || toks[a-1].Text != "at" || b < len(toks) && isPossessive(toks[b].Text) {
		return false
	}
	n, _ := x.titleEndingAt(toks, a-1)
	return n > 0
}

func hasCueBefore(x *lexIndex, toks []token, a int) bool {
	_, ok := cueBefore(x, toks, a)
	return ok
}

// titleForBody reports whether the noun at toks[k] ends a title's remit
// ("a spokesman for the regulator"): the name in apposition after it is
// the title holder's, not the body's.
func titleForBody(x *lexIndex, toks []token, k int) bool {
	j := k - 1
	if j >= 0 && (strings.EqualFold(toks[j].Text, "the") || strings.EqualFold(toks[j].Text, "its") || strings.EqualFold(toks[j].Text, "their")) {
		j--
	}
	if j < 1 {
		return false
	}
	switch strings.ToLower(toks[j].Text) {
	case "for", "of", "at", "to":
		n, _ := x.titleEndingAt(toks, j)
		return n > 0
	}
	return false
}

func cueBefore(x *lexIndex, toks []token, a int) (string, bool) {
	// "its generic rival, Acme": the cue noun in apposition before a comma.
	if a >= 2 && toks[a-1].Text == "," && !titleForBody(x, toks, a-2) {
		if k, ok := cueBefore(x, toks, a-1); ok && (a < 3 || !isCapToken(toks[a-3].Text)) {
			return k, true
		}
	}
	if a >= 1 {
		if w := strings.ToLower(toks[a-1].Text); len(w) > 5 && strings.HasSuffix(w, "maker") {
			return "company", true // "drugmaker Acme", "cereal maker Acme"
		}
	}
	// "owns the Acme Hawks", "the owner of the Acme Hawks"
	if a >= 2 && strings.EqualFold(toks[a-1].Text, "the") {
		if k, ok := cueBefore(x, toks, a-1); ok {
			return k, true
		}
	}
	if a >= 2 {
		if k, ok := x.cueBefore[strings.ToLower(toks[a-2].Text+" "+toks[a-1].Text)]; ok {
			return k, true
		}
	}
	if a >= 1 {
		w := strings.ToLower(toks[a-1].Text)
		if k, ok := x.cueBefore[w]; ok {
			// "the company Acme" but not "company X" as subject of a clause after a verb.
			return k, true
		}
	}
	return "", false
}

func newPiece(d *docState, si, a, b int) *piece {
	toks := d.Sents[si].Tokens
	p := &piece{sent: si, a: a, b: b, start: toks[a].Start, end: toks[b-1].End, defOf: -1}
	p.text = d.Doc.Text[p.start:p.end]
	if toks[a].End < toks[b-1].Start && strings.ContainsAny(p.text, `"“”`) {
		// a name with its quoted nickname: "Eduardo Buenaflor" (joinInitials)
		p.text = nicknameRe.ReplaceAllString(p.text, "")
	}
	return p
}

// afterPlacePrep: the word before toks[a] is a preposition of place or
// source ("at Brown", "from Olvera"): a name there is more likely a place
// or a body than a person named by an inner surname.
func afterPlacePrep(toks []token, a int) bool {
	if a == 0 {
		return false
	}
	switch strings.ToLower(toks[a-1].Text) {
	case "at", "in", "from", "to", "of", "for", "near", "into":
		return true
	}
	return false
}

// nicknameRe is a quoted nickname inside a name.
var nicknameRe = regexp.MustCompile(`[ \t]+["“]\p{Lu}[\p{L}'’.-]*["”]`)

// nicknameAt: toks[b:b+3] is a quoted capitalized word between two
// capitalized words of a name (Eduardo "Eddie" Buenaflor).
func nicknameAt(toks []token, b int) bool {
	return b > 0 && b+3 < len(toks) && isQuoteTok(toks[b].Text) && isCapToken(toks[b+1].Text) && !isAllCaps(toks[b+1].Text) &&
		isQuoteTok(toks[b+2].Text) && isCapToken(toks[b+3].Text) && isCapToken(toks[b-1].Text) && !isAllCaps(toks[b-1].Text)
}

// isQuoteTok: a double quotation mark.
func isQuoteTok(s string) bool { return s == `"` || s == "“" || s == "”" || s == "``" || s == "''" }

func spanText(d *docState, toks []token, a, b int) string {
	return d.Doc.Text[toks[a].Start:toks[b-1].End]
}

// orgBase is the key an organization is grouped by: its key without legal
// form or ".com".
func orgBase(x *lexIndex, name string) string {
	if ag, ok := x.agencies[kg.Key(name)]; ok {
		return kg.Key(ag.Canonical)
	}
	words := strings.Fields(name)
	for len(words) > 1 {
		h, ok := x.heads[strings.TrimRight(words[len(words)-1], ",")]
		if !ok || !h.Legal {
			break
		}
		words = words[:len(words)-1]
	}
	// a legal form that opens the name: "PT Sentosa Agro Niaga"
	if h, ok := x.heads[words[0]]; ok && h.Legal && h.Prefix && len(words) > 1 {
		words = words[1:]
	}
	n := strings.TrimRight(strings.Join(words, " "), ",")
	n = strings.TrimSuffix(strings.TrimSuffix(n, ".com"), ".COM")
	return kg.Key(n)
}

// typePieces types the pieces from cues around them and from what the rest
// of the document says about the same names: each piece from its own
// sentence (typeFromSentence), then acronyms from their names, program
// names blocked, weak organizations that are people, names whose surname
// the story uses alone (lower: the words the document writes in lower
// case), and last the labels carried between pieces of the same name.
func typePieces(d *docState, x *lexIndex, ps []*piece, lower map[string]bool) {
	resolveAcronymLinks(ps)
	heads := orgPrefixes(ps)
	for _, p := range ps {
		if p.blocked || p.typ != "" {
			continue
		}
		if q := heads[kg.Key(p.text)]; q != nil && q.start < p.start && q.kind == "company" && !x.isPlace(kg.Key(p.text)) && !speaksOfParent(x, d.Sents[p.sent].Tokens) {
			// "Melody Crest Kenya Limited ... Melody Crest said": the
			// opening words of a company named before are its short name,
			// whatever given name they start with (not a foundation's
			// namesake: "the Jane Roe Foundation ... Jane Roe said"), unless
			// the sentence speaks of a parent or a unit
			p.typ, p.kind, p.shortOf = kg.Organization, q.kind, q
			continue
		}
		typeFromSentence(d, x, ps, p)
	}
	typeAcronyms(d, ps)
	blockPrograms(d, x, ps)
	blockLaws(d, x, ps)
	weakOrgsToPeople(d, ps)
	surnameEchoes(x, d, ps, lower)
	// Labels carried through the document: a name typed once keeps its type.
	for round := 0; round < 3; round++ {
		if !carryLabels(d, x, ps) {
			break
		}
	}
}

// orgPrefixes maps the opening words of the organizations' names of three
// words or more (each proper prefix of two words or more, as a key) to the
// first piece so named.
func orgPrefixes(ps []*piece) map[string]*piece {
	out := map[string]*piece{}
	for _, p := range ps {
		if p.typ != kg.Organization || p.blocked || p.acronym {
			continue
		}
		ws := strings.Fields(p.text)
		for n := 2; n < len(ws); n++ { // one word alone is shortForms' to judge
			if connectors[strings.ToLower(ws[n-1])] || strings.Contains(ws[n-1], "&") {
				continue
			}
			k := kg.Key(strings.Join(ws[:n], " "))
			if q := out[k]; q == nil || p.start < q.start {
				out[k] = p
			}
		}
	}
	return out
}

// surnameEchoes types as persons the untyped names of two or three plain
// capitalized words whose last word the document later uses on its own
// ("Chukwuemeka Obiora told reporters ... Obiora declined"): news refers
// to a person by surname, to a company by its first word. A surname the
// document gives a person's honorific ("Mr Obiora") echoes it wherever it
// stands. It needs no list of given names, so names of any origin are
// found.
func surnameEchoes(x *lexIndex, d *docState, ps []*piece, lower map[string]bool) {
	singles := map[string]int{} // key -> first piece index of a one-word name
	people := map[string]bool{} // one-word names typed as persons ("Mr Roe")
	for i, p := range ps {
		if p.b-p.a == 1 && !p.blocked && (p.typ == "" || p.weak) {
			if _, ok := singles[kg.Key(p.text)]; !ok {
				singles[kg.Key(p.text)] = i
			}
		}
		if p.b-p.a == 1 && !p.blocked && p.typ == kg.Person && !p.weak {
			people[kg.Key(p.text)] = true
		}
	}
	for i, p := range ps {
		if p.typ != "" || p.blocked || p.b-p.a < 2 || p.b-p.a > 3 {
			continue
		}
		toks := d.Sents[p.sent].Tokens
		if !plainNameWords(x, lower, toks, p.a, p.b) {
			continue
		}
		last, first := kg.Key(toks[p.b-1].Text), kg.Key(toks[p.a].Text)
		j, echoed := singles[last]
		if _, firstToo := singles[first]; (echoed && j > i || people[last]) && !firstToo && !people[first] {
			p.typ = kg.Person
		}
	}
}

// plainNameWords: toks[a:b] are capitalized words of two letters or more
// (not acronyms) that are no organization head, title, place or calendar
// word, and that the document (lower) never writes in lower case.
func plainNameWords(x *lexIndex, lower map[string]bool, toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		t := toks[k].Text
		if utf8.RuneCountInString(t) < 2 || !isCapToken(t) || isAllCaps(t) || lower[strings.ToLower(t)] || x.places[kg.Key(t)] || x.calendar[kg.Key(t)] {
			return false
		}
		if _, head := x.heads[t]; head {
			return false
		}
		if n, _ := x.titleAt(toks, k, k+1); n > 0 {
			return false
		}
		if _, ok := x.titles[strings.ToLower(strings.TrimSuffix(t, "s"))]; ok {
			return false // "Journalists": a plural title
		}
	}
	return true
}

// initialedName: toks[a:b] is two to four words, one of them (not the
// last) a person's initials ("Q.", "R.K.") and the others capitalized words
// that are no acronym, place, organization head or title: "Jane Q. Roe",
// "R.K. Roe", not "U.S. Steel".
func initialedName(x *lexIndex, toks []token, a, b int) bool {
	if b-a < 2 || b-a > 4 {
		return false
	}
	inits := 0
	for k := a; k < b; k++ {
		t := toks[k].Text
		if k < b-1 && isInitials(t) {
			inits++
			continue
		}
		if !isCapToken(t) || isAllCaps(t) || x.places[kg.Key(t)] || x.calendar[kg.Key(t)] {
			return false
		}
		if _, head := x.heads[t]; head {
			return false
		}
		if n, _ := x.titleAt(toks, k, k+1); n > 0 {
			return false
		}
	}
	// a lone "A." opening the run may be a clipped given name's middle
	// initial or the article: not enough
	return inits == 1 && !x.places[kg.Key(toks[a].Text)] && toks[a].Text != "A." && toks[a].Text != "I."
}

// pluralTitleName: two to four capitalized words ending in the plural of
// an occupation ("Dalgleish Independent Trustees", "Harlow Consulting
// Engineers"): a firm or a group named for its members, not a person, when
// the first word is no given name or honorific.
func pluralTitleName(x *lexIndex, toks []token, a, b int) bool {
	if b-a < 2 || b-a > 4 || x.isFirstName(toks[a].Text) || x.honorifics[toks[a].Text] {
		return false
	}
	last := toks[b-1].Text
	if !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") || isAllCaps(last) {
		return false
	}
	if _, ok := x.titles[strings.ToLower(strings.TrimSuffix(last, "s"))]; !ok {
		return false
	}
	for k := a; k < b; k++ {
		if !isCapToken(toks[k].Text) || strings.EqualFold(toks[k].Text, "and") {
			return false
		}
	}
	return true
}

// hyphenGivenName: a short capitalized family name and a given name of two
// short syllables joined by a hyphen, the second in lower case ("Kim
// Do-hyun", "Seo Ji-ah"): the romanized Korean shape, which names of
// things do not take ("Co-operative" is too long a part).
func hyphenGivenName(x *lexIndex, family, given string) bool {
	fam := []rune(family)
	if len(fam) < 2 || len(fam) > 6 || !isCapToken(family) || isAllCaps(family) || x.places[kg.Key(family)] {
		return false
	}
	if _, head := x.heads[family]; head {
		return false
	}
	first, second, ok := strings.Cut(given, "-")
	if !ok || len(first) < 2 || len(first) > 6 || len(second) < 2 || len(second) > 5 {
		return false
	}
	if x.compounds[second] || strings.HasSuffix(second, "ed") {
		return false // "New York-based", "Saudi-led": a compound adjective
	}
	for i, r := range first + second {
		switch {
		case i == 0 && r >= 'A' && r <= 'Z':
		case r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return true
}

// isInitials: "Q.", "R.K.", "J.-P.": capital letters each followed by a dot.
func isInitials(t string) bool {
	n := 0
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] >= 'A' && t[i] <= 'Z' && i+1 < len(t) && t[i+1] == '.':
			n++
			i++
		case t[i] == '-':
		default:
			return false
		}
	}
	return n > 0
}

// resolveAcronymLinks turns an acronym's link to a piece of its sentence
// (set by markAcronyms) into an index into ps.
func resolveAcronymLinks(ps []*piece) {
	bySent := map[int][]int{}
	for i, p := range ps {
		bySent[p.sent] = append(bySent[p.sent], i)
	}
	for _, p := range ps {
		if p.defOf <= -2 {
			k := -2 - p.defOf
			idx := bySent[p.sent]
			p.defOf = idx[k]
		}
	}
}

// hyphenSurname reports whether toks[a:b] is two or three plain
// capitalized words that end in a double-barrelled surname ("Ganesh
// Mahadeo-Lewis", "Serge Koumba-Ivanga"): each part of the last word
// capitalized and no head word, place, title or acronym among the words,
// which a company's hyphenated name ("Coca-Cola", "Rolls-Royce") would
// need to be a person's.
func hyphenSurname(x *lexIndex, toks []token, a, b int) bool {
	if b-a < 2 || b-a > 3 {
		return false
	}
	l, r, ok := strings.Cut(toks[b-1].Text, "-")
	if !ok || strings.Contains(r, "-") || utf8.RuneCountInString(l) < 3 || utf8.RuneCountInString(r) < 3 || !isCapToken(l) || !isCapToken(r) || isAllCaps(l) || isAllCaps(r) {
		return false
	}
	for _, w := range []string{l, r} {
		if _, head := x.heads[w]; head || x.isPlace(kg.Key(w)) || x.titles[strings.ToLower(w)].Phrase != "" {
			return false
		}
	}
	for k := a; k < b-1; k++ {
		if n, _ := x.titleAt(toks, k, k+1); n > 0 || strings.Contains(toks[k].Text, "-") {
			return false
		}
	}
	return plainWords(x, toks, a, b-1)
}

// joinedInitialName reports whether a single word is an initial run into
// a capitalized name with a stop and no space ("D.Tumurbaatar",
// "G.Batsaikhan"), as Mongolian and Kazakh usage writes given names.
func joinedInitialName(w string) bool {
	i := strings.IndexByte(w, '.')
	if i < 1 || i > 2 || i+3 > len(w) {
		return false
	}
	for _, r := range w[:i] {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	rest := []rune(w[i+1:])
	if !unicode.IsUpper(rest[0]) || len(rest) < 3 {
		return false
	}
	for _, r := range rest[1:] {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return true
}

// typeFromSentence types an untyped piece from its sentence: the name
// itself (an honorific, a first name, ".com", a title after it), cue words
// before or after it, then the phrases around it.
func typeFromSentence(d *docState, x *lexIndex, ps []*piece, p *piece) {
	toks := d.Sents[p.sent].Tokens
	first := toks[p.a].Text
	switch {
	case p.a > 0 && x.honorifics[toks[p.a-1].Text]:
		p.typ = kg.Person
	case p.b-p.a >= 2 && p.b-p.a <= 4 && x.isFirstName(first) && !isAllCaps(toks[p.b-1].Text) && !(p.a > 0 && strings.EqualFold(toks[p.a-1].Text, "the")) && !hasCueBefore(x, toks, p.a) && !workplaceAfterTitle(x, toks, p.a, p.b):
		// "the Charlotte Hawks" is no person: names take no article; nor
		// is "the law firm Hollis Ward", nor "a partner at Melody Hale".
		p.typ = kg.Person
	case p.b-p.a >= 3 && hasParticle(toks, p.a+1, p.b-1):
		p.typ = kg.Person // "Pieter van Rensburg"
	case p.b-p.a >= 3 && !hasHead(x, toks, p.a, p.b) && slices.ContainsFunc(toks[p.a+1:p.b-1], func(t token) bool { return x.patronyms[t.Text] }):
		p.typ = kg.Person // "Dah Ould Mohamed Vall": "son of" inside the name
	case p.b-p.a >= 2 && x.articledName(toks[p.b-1].Text) && !hasHead(x, toks, p.a, p.b):
		p.typ = kg.Person // "Nasser Saleh al-Hamdani"
	case p.b-p.a == 2 && hyphenGivenName(x, toks[p.a].Text, toks[p.a+1].Text):
		p.typ = kg.Person // "Kim Do-hyun": a family name, a hyphenated given name
	case initialedName(x, toks, p.a, p.b) && !(p.a > 0 && strings.EqualFold(toks[p.a-1].Text, "the")):
		p.typ = kg.Person // "Jane Q. Roe", "R.K. Roe"
	case hyphenSurname(x, toks, p.a, p.b) && !(p.a > 0 && strings.EqualFold(toks[p.a-1].Text, "the")) && !hasCueBefore(x, toks, p.a):
		p.typ = kg.Person // "Ganesh Mahadeo-Lewis": a double-barrelled surname after a given name
	case p.b-p.a == 1 && joinedInitialName(first):
		p.typ = kg.Person // "D.Tumurbaatar": an initial run into the name, as Mongolian usage writes it
	case strings.HasSuffix(strings.ToLower(p.text), ".com"):
		p.typ, p.kind = kg.Organization, "company"
	case pluralTitleName(x, toks, p.a, p.b):
		p.typ, p.kind = kg.Organization, "company" // "Dalgleish Independent Trustees"
	}
	if p.typ == "" && p.b-p.a >= 2 && p.b-p.a <= 4 && !isAllCaps(first) && (appositiveTitle(x, toks, p.b) || ageOrWhoAfter(toks, p.b) || titledAppositive(x, toks, p.a, p.b) || lowerTitleBefore(x, toks, p.a) && !hasHead(x, toks, p.a, p.b)) {
		// "Jane Roe, a lawyer for Acme", "Jane Roe, Acme's chief executive",
		// "Jane Roe, 44, said", "Jane Roe, who resigned", "deputy Jane
		// Roe called"
		p.typ = kg.Person
	}
	if p.typ == "" && !x.places[kg.Key(p.text)] {
		if k, ok := bodyAppositive(x, toks, p.b); ok {
			// "Open Books NZ, a lobby group", "Harrow Vane, a
			// London law firm": what the appositive says the name is
			p.typ, p.kind = kg.Organization, k
		}
	}
	if p.typ == "" && p.b-p.a >= 2 && p.b-p.a <= 4 && whichAfter(toks, p.b) && !x.places[kg.Key(p.text)] {
		// "Google Public Sector, which had tried to bid": "which" is said
		// of things and bodies, not of people
		p.typ, p.kind, p.weak = kg.Organization, "company", true
	}
	if p.typ == "" && p.b-p.a >= 2 && p.b-p.a <= 4 && !isAllCaps(first) && !x.places[kg.Key(p.text)] {
		// "Prithvi Infocomm said in a filing that it had no role": the
		// speaker is what the pronoun of its own statement says
		switch speakerPronoun(d, x, toks, p.b) {
		case "it":
			p.typ, p.kind, p.weak = kg.Organization, "company", true
		case "he", "she":
			p.typ = kg.Person
		}
	}
	if p.typ != "" || typeFromCueWords(d, x, toks, p) {
		return
	}
	typeFromContext(x, ps, toks, p)
}

// dummyIt: the "it" at toks[k] opens a statement about no one ("it was
// too early", "it is unclear whether"): a form of "be" follows it.
func dummyIt(toks []token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+2; j++ {
		switch strings.ToLower(strings.ReplaceAll(toks[j].Text, "’", "'")) {
		case "is", "was", "'s", "be", "seems", "seemed", "appears", "appeared", "remains", "remained":
			return true
		case "would", "will", "could", "may", "might", "should", "must", "not":
			continue
		}
		return false
	}
	return false
}

// speakerPronoun reads a statement whose speaker's name ends at toks[b]
// ("X said it ...", "X said in a filing on Thursday that it ..."): the
// pronoun subject of the statement, "it", "he" or "she"; "" when no
// reporting verb follows the name or the statement opens otherwise.
func speakerPronoun(d *docState, x *lexIndex, toks []token, b int) string {
	if b >= len(toks) || !reportingWord(d, toks[b].Text) || strings.HasPrefix(toks[b].Tag, "NN") {
		return ""
	}
	for k := b + 1; k < len(toks) && k <= b+12; k++ {
		// the subject of the statement: right after the verb ("said
		// it") or after "that" ("said in a filing that it")
		subject := k == b+1 || strings.EqualFold(toks[k-1].Text, "that")
		switch w := strings.ToLower(toks[k].Text); {
		case w == "it" && subject && !dummyIt(toks, k):
			return "it"
		case w == "he" && subject:
			return "he"
		case w == "she" && subject:
			return "she"
		case w == "it" || w == "he" || w == "she" || w == "they" || w == "we" || w == "i" || w == `"` || w == "“" || w == ";" || w == ",":
			return ""
		}
		if k > b+1 && isCapToken(toks[k].Text) && !x.calendar[kg.Key(toks[k].Text)] {
			return "" // another name may be what the pronoun refers to
		}
	}
	return ""
}

// typeFromCueWords types a piece from the organization and person cue
// words of the lexicon before or after it ("the United Food Workers
// union"); false when there is none.
// whichAfter reports whether a name ending at token b is followed by a
// comma and "which".
func whichAfter(toks []token, b int) bool {
	return b+1 < len(toks) && toks[b].Text == "," && toks[b+1].Text == "which"
}

// ageOrWhoAfter reports whether a name ending at token b is followed by an
// age ("Jane Roe, 44,"), a relative "who" ("Jane Roe, who resigned") or a
// past office ("Jane Roe, formerly head of quality at Acme"): all are said
// of people.
func ageOrWhoAfter(toks []token, b int) bool {
	if b+1 >= len(toks) || toks[b].Text != "," {
		return false
	}
	next := toks[b+1].Text
	if next == "who" || next == "formerly" || next == "previously" {
		return true // "Jane Roe, formerly head of quality at Acme"
	}
	return len(next) <= 3 && isDigits(next) && b+2 < len(toks) && toks[b+2].Text == ","
}

func typeFromCueWords(d *docState, x *lexIndex, toks []token, p *piece) bool {
	if k, ok := cueBefore(x, toks, p.a); ok {
		p.typ, p.kind = kg.Organization, orDefault(k, "company")
		return true
	}
	if p.b >= len(toks) {
		return false
	}
	next := strings.ToLower(toks[p.b].Text)
	if isPossessive(next) && p.b+1 < len(toks) {
		next = strings.ToLower(toks[p.b+1].Text)
	}
	if k, ok := x.cueAfter[next]; ok {
		p.typ, p.kind = kg.Organization, orDefault(k, "company")
		p.weak = true
		if x.cuePart[next] && next == strings.ToLower(toks[p.b].Text) {
			// "the United Food Workers union": the word ends the name
			p.b++
			p.end = toks[p.b-1].End
			p.text = d.Doc.Text[p.start:p.end]
		}
		return true
	}
	if x.personAfter[next] && utf8.RuneCountInString(p.text) > 1 {
		p.typ = kg.Person // not "I", which only opens a quote's sentence
		return true
	}
	return false
}

// typeFromContext types a piece from the phrase around it: the object of a
// title or cue ("a spokesperson for X"), a workplace after a person's name
// ("Jane Roe of Hollis & Ward"), a modifier of a title ("a former Acme
// partner", "X's chief executive"), a name after a title ("president
// Jane Roe", "its former counsel, Jane Roe, said").
func typeFromContext(x *lexIndex, ps []*piece, toks []token, p *piece) {
	first := toks[p.a].Text
	// "a spokesperson for X", "a unit of X", "chief executive at X"
	if p.a >= 2 {
		prep := strings.ToLower(toks[p.a-1].Text)
		if prep == "for" || prep == "of" || prep == "at" || prep == "with" {
			_, cue := x.cueAfter[strings.ToLower(toks[p.a-2].Text)]
			n, ti := x.titleEndingAt(toks, p.a-1)
			if n > 0 && ti.Portfolio && prep != "at" && p.b-p.a <= 2 && !hasHead(x, toks, p.a, p.b) {
				// "Minister of Tourism", "Minister for Employment": the
				// office's remit, not a body
				p.blocked = true
				return
			}
			if cue || n > 0 || x.subsidiary[strings.ToLower(toks[p.a-2].Text)] {
				p.typ, p.kind, p.weak = kg.Organization, "company", true
				return
			}
		}
	}
	// "Jane Roe of Hollis & Ward": a name after a person's name and "of"
	// is where that person works.
	if p.a >= 2 && toks[p.a-1].Text == "of" && !isAllCaps(first) && !x.places[kg.Key(p.text)] {
		if q := pieceEndingAt(ps, p.sent, p.a-1); q != nil && q.b-q.a >= 2 && (q.typ == kg.Person || x.isFirstName(toks[q.a].Text)) {
			p.typ, p.kind, p.weak = kg.Organization, "company", true
			return
		}
	}
	// "a former Acme partner": a determiner, the name, a lower-case title.
	if p.b-p.a <= 2 && p.a >= 1 && p.b < len(toks) && !isCapToken(toks[p.b].Text) {
		det := strings.ToLower(toks[p.a-1].Text)
		if x.former[det] && p.a >= 2 {
			det = strings.ToLower(toks[p.a-2].Text)
		}
		if det == "a" || det == "an" {
			if n, ti := x.titleAt(toks, p.b, len(toks)); n > 0 && ti.Org == "" {
				p.typ, p.kind, p.weak = kg.Organization, "company", true
				return
			}
		}
	}
	// "X's chief executive": a title owned by the name.
	if p.b+1 < len(toks) && isPossessive(toks[p.b].Text) {
		k := p.b + 1
		for k < len(toks) && k < p.b+4 && isAdjective(toks[k]) {
			if n, _ := x.titleAt(toks, k, len(toks)); n > 0 {
				break
			}
			k++
		}
		if n, ti := x.titleAt(toks, k, len(toks)); n > 0 && (ti.Org == "" || ti.Org == "none") {
			p.typ, p.kind, p.weak = kg.Organization, "company", true
			return
		}
	}
	// A lower-case title right before: "president Jane Roe", "former defense secretary Jim Smith".
	if n, _ := x.titleEndingAt(toks, p.a); n > 0 && p.b-p.a <= 3 && !isAllCaps(first) {
		p.typ = kg.Person
		p.afterTitle = true
		return
	}
	// A title phrase set off before a two- or three-word name: "the
	// city's inspector general, Jane Roe," / "its former counsel, Jane
	// Roe, said". The name closes the appositive or the clause.
	if p.a >= 2 && toks[p.a-1].Text == "," && p.b-p.a >= 2 && p.b-p.a <= 3 && !isAllCaps(first) && (p.b == len(toks) || toks[p.b].Text == "," || toks[p.b].Text == "." || strings.HasPrefix(toks[p.b].Tag, "VB")) {
		// ("In an application on Monday, counsel for Acme, Jane Roe, asked":
		// the phrase may open its clause after a comma)
		if start, ok := titlePhraseEndingAt(x, toks, p.a-1); ok && (titleStartsPhrase(x, toks, start) || toks[start-1].Text == ",") {
			p.typ = kg.Person
		}
	}
}

// titlePhraseEndingAt finds a title phrase ending just before toks[end]
// and returns where it starts: a title ("inspector general") with the
// lower-case words that modify it before ("company spokesperson",
// "network planning director") and a remit after it ("director of
// enforcement", "country manager for Sweden"). The title's last word is
// lower case, or the phrase is the title alone.
func titlePhraseEndingAt(x *lexIndex, toks []token, end int) (int, bool) {
	n, _ := x.titleEndingAt(toks, end)
	if n == 0 {
		// a remit after the title: "of", "for", "at" or "in" and up to
		// six words, the nearest such word that a title ends before
		// ("director of enforcement for the Harwell North district", "a
		// lecturer at Acme National University")
		for j := end - 2; j >= end-7 && j > 0; j-- {
			if !remitWords(x, toks, j+1, end) {
				break
			}
			if w := strings.ToLower(toks[j].Text); w == "of" || w == "for" || w == "at" || w == "in" {
				if m, _ := x.titleEndingAt(toks, j); m > 0 {
					n, end = m, j
					break
				}
			}
		}
	}
	// a capitalized title after another capitalized word is part of a
	// name ("Acme Chief Executive"), unless that word opens the phrase
	// ("The Auditor-General, Jane Roe,")
	if n == 0 || isCapToken(toks[end-1].Text) && n < end && isCapToken(toks[end-n-1].Text) && !titleStartsPhrase(x, toks, end-n) {
		return 0, false
	}
	start := end - n
	for k := 0; k < 3 && start > 0 && titleModifier(toks[start-1]); k++ {
		start--
	}
	return start, true
}

// remitWords: toks[a:b] may be a title's remit: lower-case words and up
// to three capitalized ones ("for Sweden", "at Harwell National Park"), and
// no punctuation.
func remitWords(x *lexIndex, toks []token, a, b int) bool {
	caps := 0
	for k := a; k < b; k++ {
		t := toks[k]
		switch {
		case isCapToken(t.Text):
			caps++
		case !isWordToken(t.Text):
			return false
		}
	}
	return caps <= 3 && b > a
}

// titleModifier: a lower-case noun or adjective before a title
// ("company spokesperson", "acting country manager").
func titleModifier(t token) bool {
	if isCapToken(t.Text) || !isWordToken(t.Text) {
		return false
	}
	return isNounish(t) || strings.HasPrefix(t.Tag, "JJ") || t.Tag == "VBG"
}

// isWordToken: a token of letters (a hyphen or apostrophe inside).
func isWordToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// hasHead: one of toks[a:b] is an organization head word.
func hasHead(x *lexIndex, toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if _, ok := x.heads[toks[k].Text]; ok {
			return true
		}
	}
	return false
}

// typeAcronyms: a ticker or acronym in parentheses after a typed name takes
// its type; one after an untyped multi-word name (a program, a product) is
// blocked, as is one after a program word.
func typeAcronyms(d *docState, ps []*piece) {
	for _, p := range ps {
		if !p.acronym || p.defOf < 0 {
			continue
		}
		q := ps[p.defOf]
		switch {
		case q.typ == kg.Organization:
			p.typ, p.kind = q.typ, q.kind
			p.weak = false
		case q.typ == "" && q.b-q.a == 1 && isAllCaps(p.text) && !q.blocked && !dateline(d, q):
			// "Acme (ACME)": a stock ticker marks a company.
			q.typ, q.kind = kg.Organization, "company"
			p.typ, p.kind = kg.Organization, "company"
		default:
			p.blocked = true
		}
	}
}

// blockPrograms: programs and products: a name right after a program word
// is not an entity, unless the word is a finite verb ("the mayor called
// Roe", not "an app called Roe") and the name one word that ends a longer
// name of the document (a surname).
func blockPrograms(d *docState, x *lexIndex, ps []*piece) {
	lastWords := map[string]bool{} // the last words of names of several words
	for _, p := range ps {
		if p.b-p.a > 1 {
			lastWords[d.Sents[p.sent].Tokens[p.b-1].Text] = true
		}
	}
	for _, p := range ps {
		if p.typ != "" || p.a == 0 {
			continue
		}
		toks := d.Sents[p.sent].Tokens
		w := strings.ToLower(toks[p.a-1].Text)
		if p.b-p.a == 1 && lastWords[p.text] && toks[p.a-1].Tag == "VBD" {
			continue // "the mayor called Roe": the verb, and the person the story names in full
		}
		if x.programCues[w] && !(p.b < len(toks) && isPossessive(toks[p.b].Text)) {
			p.blocked = true // ... but "called Roe's account" names Roe
		}
	}
}

// blockLaws: the name of a law ("the Fair Trading in Grain Act", "the
// Public Order (Amendment) Act 2004") names no one: a name that a law's
// head word ends, or one after "the" that runs on to one (lawFollows),
// not "Acme Ltd of Companies Act violations".
func blockLaws(d *docState, x *lexIndex, ps []*piece) {
	for _, p := range ps {
		toks := d.Sents[p.sent].Tokens
		afterThe := p.a > 0 && strings.EqualFold(toks[p.a-1].Text, "the")
		if (x.lawHeads[toks[p.b-1].Text] && p.b-p.a > 1) || (afterThe && lawFollows(x, toks, p.b)) {
			p.blocked = true
		}
	}
}

// lawFollows reports whether a law's head word comes after toks[:from]
// within the same name: only capitalized words, "in", "of", colons and
// parentheses (with anything inside) between.
func lawFollows(x *lexIndex, toks []token, from int) bool {
	depth := 0
	for k := from; k < len(toks) && k < from+14; k++ {
		t := toks[k].Text
		switch {
		case x.lawHeads[t] && (k+1 == len(toks) || !isCapToken(toks[k+1].Text)):
			return depth == 0 // the head ends the name: "Act", not "Bill Lumbergh"
		case t == "(":
			depth++
		case t == ")":
			depth--
		case depth > 0, t == ":", t == "in", t == "of", isCapToken(t):
		default:
			return false
		}
	}
	return false
}

// weakOrgsToPeople: a weakly typed organization that the document
// elsewhere names as a person ("Jane Doe ... Doe officials") is that person.
func weakOrgsToPeople(d *docState, ps []*piece) {
	persons := map[string]bool{}
	for _, p := range ps {
		if p.typ == kg.Person && !p.blocked {
			toks := d.Sents[p.sent].Tokens
			persons[kg.Key(p.text)] = true
			persons[kg.Key(toks[p.b-1].Text)] = true
			// the other ways a person is named again: the surname from
			// its particle ("Du Plessis-Naudé"), the first of two
			// surnames ("Ramírez" of "Hugo Ramírez Cázares")
			for k := p.a + 1; k < p.b-1; k++ {
				if nameParticles[toks[k].Text] {
					persons[kg.Key(spanText0(toks, k, p.b))] = true
				} else if p.b-p.a >= 3 && (innerSurname(d.index(), toks[k].Text) || k == p.a+1 && chineseGivenAfter(strings.Fields(p.text))) {
					persons[kg.Key(toks[k].Text)] = true
				}
			}
		}
	}
	for _, p := range ps {
		if p.weak && persons[kg.Key(p.text)] {
			p.typ, p.kind = kg.Person, ""
		}
	}
}

// typeLabels is what the typed pieces say about names: each name's label
// by type, the surnames and given names of people named in full, and the
// organizations of more than one word.
type typeLabels struct {
	labels   map[string]*piece // "o:"+orgBase or "p:"+key -> a piece so typed
	surnames map[string]bool
	// inner are the inner words of full names of three words or more: the
	// first of two surnames ("Olvera" of "Patricia Olvera Saucedo"), by
	// which Spanish and Portuguese usage names a person again
	inner map[string]bool
	given map[string]int // given name -> number of full names with it
	orgs  []*piece
}

// readLabels collects the typeLabels of the typed pieces.
func readLabels(d *docState, x *lexIndex, ps []*piece) *typeLabels {
	l := &typeLabels{labels: map[string]*piece{}, surnames: map[string]bool{}, inner: map[string]bool{}, given: map[string]int{}}
	givenOf := map[string]bool{}
	for _, p := range ps {
		if p.typ == "" || p.blocked {
			continue
		}
		if p.typ == kg.Organization {
			l.labels["o:"+orgBase(x, p.text)] = p
			if p.b-p.a >= 2 {
				l.orgs = append(l.orgs, p)
			}
		} else {
			l.labels["p:"+kg.Key(p.text)] = p
			if p.b-p.a >= 2 {
				toks := d.Sents[p.sent].Tokens
				l.surnames[kg.Key(toks[p.b-1].Text)] = true
				for k := p.a + 1; k < p.b-1; k++ {
					if innerSurname(x, toks[k].Text) || k == p.a+1 && chineseGivenAfter(strings.Fields(p.text)) {
						l.inner[kg.Key(toks[k].Text)] = true
					}
				}
				givenOf[kg.Key(toks[p.a].Text)+"|"+kg.Key(p.text)] = true
			}
		}
	}
	for k := range givenOf {
		l.given[k[:strings.IndexByte(k, '|')]]++
	}
	return l
}

// carryLabels is one round of typing untyped pieces from the typed ones: a
// blocked name stays blocked, a name typed elsewhere keeps its type, a
// surname or a unique given name is a person, a short form, acronym or
// organization-like use is an organization. It reports whether a piece
// changed.
func carryLabels(d *docState, x *lexIndex, ps []*piece) bool {
	sf := shortForms(d, x, ps)
	l := readLabels(d, x, ps)
	blockedKeys := map[string]bool{}
	for _, p := range ps {
		if p.blocked {
			blockedKeys[kg.Key(p.text)] = true
		}
	}
	changed := false
	for _, p := range ps {
		if p.typ != "" || p.blocked {
			continue
		}
		k := kg.Key(p.text)
		switch {
		case blockedKeys[k]:
			p.blocked = true
		case l.labels["p:"+k] != nil:
			p.typ = kg.Person
		case l.labels["o:"+orgBase(x, p.text)] != nil:
			q := l.labels["o:"+orgBase(x, p.text)]
			p.typ, p.kind = kg.Organization, q.kind
		case p.b-p.a == 1 && (l.surnames[k] || l.inner[k] && !afterPlacePrep(d.Sents[p.sent].Tokens, p.a)):
			p.typ = kg.Person
		case p.b-p.a == 1 && l.given[k] == 1 && !isAllCaps(p.text):
			// "Lydia knows ...": the given name of one person named in full.
			p.typ = kg.Person
		case sf[k] != nil:
			p.typ, p.kind = kg.Organization, sf[k].kind
		case p.b-p.a == 1 && isAcronymish(p.text) && initialsMatch(p.text, l.orgs) != nil:
			q := initialsMatch(p.text, l.orgs)
			p.typ, p.kind = kg.Organization, q.kind
		case itsFollows(d, p):
			p.typ, p.kind = kg.Organization, "company"
		case actsLikeOrg(d, x, p, l.surnames):
			p.typ, p.kind = kg.Organization, "company"
		default:
			continue
		}
		changed = true
	}
	return changed
}

// shortForms maps the short form of a company name to that name's first
// piece: the name less its legal form and its trailing industry words (org
// head words of kind company: "Acme Dynamics", "Acme Data Centers Inc." ->
// "Acme"), when the document later calls the company by the short form
// alone. The full name comes first, the short form must be unambiguous (no
// two full names share it), and the two never share a sentence that speaks
// of a subsidiary or parent ("Acme and its unit Acme Software"). The first
// word alone of a longer name ("Acme" for "Acme Federal Solutions") is a short
// form too, but only when no sentence holds both ("Acme" and "Acme Web
// Services" are two companies). A well-known organization of the agencies
// lexicon is never a short form: "Amazon Web Services" is not "Amazon".
// shortKinds are the organization kinds whose head word a later mention
// may drop: "Acme" for "Acme Technologies", "Marlow" for "Marlow
// University", "Teamsters" for "Teamsters Union". Not agencies, courts,
// committees or newspapers: "House" is not its committee, "Washington"
// not its newspaper.
var shortKinds = map[string]bool{"company": true, "university": true, "institute": true, "nonprofit": true, "association": true, "fund": true}

// postNominalName: toks[a:b] is a person's name of two words or more and
// the letters after it (honorifics.txt post=1), no place ("North
// Charleston SC"): a title or honorific comes before the name or opens the
// run, or a known given name opens it and a comma follows the letters.
func postNominalName(x *lexIndex, toks []token, a, b int) bool {
	if b-a < 3 || !x.postNominals[toks[b-1].Text] || isAllCaps(toks[b-2].Text) || x.heads[toks[b-2].Text].Kind != "" || x.isPlace(kg.Key(spanText0(toks, a, b-1))) {
		return false
	}
	if a > 0 && x.honorifics[toks[a-1].Text] {
		return true
	}
	if n, _ := x.titleEndingAt(toks, a); n > 0 {
		return true
	}
	if n, _ := x.titleAt(toks, a, b-1); n > 0 {
		return true // "Advocate Jane Roe SC"
	}
	// a given name alone is no proof ("Myrtle Beach SC"): the letters
	// must close an appositive or a clause ("Jane Roe KC, a barrister")
	return (x.isFirstName(toks[a].Text) || x.surePostNominals[toks[b-1].Text]) && b < len(toks) && toks[b].Text == ","
}

// nameStart is where an organization's name starts after a legal form
// that opens it: "Sentosa" in "PT Sentosa Agro Niaga".
func nameStart(x *lexIndex, toks []token, p *piece) int {
	if h := x.heads[toks[p.a].Text]; h.Legal && h.Prefix && p.b-p.a >= 3 {
		return p.a + 1
	}
	return p.a
}

// shortEnd is where the short form of organization piece p (its name
// from token pa) ends, and whether only company words were dropped; false
// when the name has no short form.
func shortEnd(x *lexIndex, toks []token, p *piece, pa int) (e int, company, ok bool) {
	e = p.b
	for e > pa+1 && x.heads[strings.TrimRight(toks[e-1].Text, ",")].Legal {
		e--
	}
	stripped := e
	company = true
	for e > pa+1 && isCapToken(toks[e-1].Text) {
		h, ok := x.heads[toks[e-1].Text]
		if !ok || h.Legal || !shortKinds[h.Kind] {
			break
		}
		company = company && h.Kind == "company"
		e--
	}
	if e == stripped && p.b-pa >= 3 && toks[pa+1].Text != "&" && strings.Contains(p.text, " & ") {
		// "Tri-County Bridge & Iron" -> "Tri-County"
		e = pa + 1
	}
	if e == stripped && (stripped < p.b || pa > p.a) && stripped-pa >= 2 {
		// a company's legal name: "Harlow Meats Inc." -> "Harlow"
		e = pa + 1
	}
	if e == stripped && p.kind == "company" && stripped-pa == 2 && isCapToken(toks[pa+1].Text) && !connectors[strings.ToLower(toks[pa+1].Text)] {
		// a company of two words whose second names its trade in no
		// word the lexicon knows: "Castlegate Wealth" -> "Castlegate"
		e = pa + 1
	}
	if e == stripped || !isCapToken(toks[pa].Text) || connectors[strings.ToLower(toks[e-1].Text)] {
		return 0, false, false
	}
	return e, company, true
}

func shortForms(d *docState, x *lexIndex, ps []*piece) map[string]*piece {
	full := map[string]*piece{}
	bad := map[string]bool{}
	strict, loose := map[string]bool{}, map[string]bool{}
	for _, p := range ps {
		if p.typ != kg.Organization || p.blocked || p.b-p.a < 2 || p.canonical != "" {
			continue
		}
		toks := d.Sents[p.sent].Tokens
		pa := nameStart(x, toks, p)
		// a key short for a company unless the text also uses it as a name
		// of its own: never in a sentence that names the company in full
		strictKey := func(k string) {
			if _, ok := loose[k]; !ok {
				strict[k] = true
			}
		}
		var keys []string
		if e, company, ok := shortEnd(x, toks, p, pa); ok {
			// "Marlow" for "Marlow University", but a place is not its
			// university: "Michigan" for "Michigan State University".
			if !company && (x.places[kg.Key(toks[pa].Text)] || x.places[kg.Key(spanText(d, toks, pa, e))]) {
				continue
			}
			keys = []string{kg.Key(spanText(d, toks, pa, e))}
			if _, known := x.agencies[keys[0]]; known {
				continue // a well-known organization is its own: "Google Cloud" is not "Google"
			}
			if _, known := x.agencies[kg.Key(toks[pa].Text)]; e > pa+1 && !known {
				// The first word alone ("Acme" for "Acme Federal Solutions").
				first := kg.Key(toks[pa].Text)
				keys = append(keys, first)
				strictKey(first)
			} else {
				loose[keys[0]] = true
				delete(strict, keys[0])
			}
		}
		// "Bireh Capital" and "Bireh" for "Bireh Capital Works": a company
		// of three words or more is also named by its first words, whether
		// or not the lexicon knows a short form of it
		for _, k := range companyPrefixes(d, x, toks, p, pa) {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
				strictKey(k)
			}
		}
		for _, k := range keys {
			addShort(x, full, bad, k, p)
		}
	}
	for k, q := range full {
		if bad[k] {
			delete(full, k)
			continue
		}
		for _, p := range ps {
			if kg.Key(p.text) != k {
				continue
			}
			if p.start < q.start {
				delete(full, k)
				break
			}
			if !strict[k] && !speaksOfParent(x, d.Sents[p.sent].Tokens) {
				continue
			}
			// "Kestrel Cardiac Systems sued, saying former Kestrel engineers
			// ...": after the full name, the short form modifying a common
			// noun is the same company.
			ptoks := d.Sents[p.sent].Tokens
			if strict[k] && !speaksOfParent(x, ptoks) && p.b < len(ptoks) && !isCapToken(ptoks[p.b].Text) && isNounish(ptoks[p.b]) && !x.subsidiary[strings.ToLower(ptoks[p.b].Text)] && p.start > q.start {
				continue
			}
			for _, r := range ps {
				// the full name after the short one in a sentence ("Acme
				// sued Acme Federal") names another company, and so does
				// one in a sentence of units and parents; before it
				// ("bidder Acme Federal Inc. ..., but Acme may"), the same
				if r.sent == p.sent && r != p && r.b-r.a >= 2 && (r.start > p.start || speaksOfParent(x, d.Sents[p.sent].Tokens)) && orgBase(x, r.text) == orgBase(x, q.text) {
					delete(full, k)
					break
				}
			}
		}
	}
	return full
}

// addShort records organization piece p as the full name short form k
// stands for; k is bad when it is short for two organizations.
func addShort(x *lexIndex, full map[string]*piece, bad map[string]bool, k string, p *piece) {
	if q := full[k]; q != nil && orgBase(x, q.text) != orgBase(x, p.text) {
		bad[k] = true
	}
	if full[k] == nil {
		full[k] = p
	}
}

// companyPrefixes are the keys of the first words of a company's name of
// three words or more (from toks[pa]) that may name it for short: each
// run of two words or more, and the first word, that ends in a
// capitalized word other than a connector ("Bireh Capital" and "Bireh"
// of "Bireh Capital Investments"); none for a public body, a name the
// lexicon knows or one that opens with a place.
func companyPrefixes(d *docState, x *lexIndex, toks []token, p *piece, pa int) []string {
	if (p.kind != "company" && p.kind != "") || p.b-pa < 3 || x.places[kg.Key(toks[pa].Text)] {
		return nil
	}
	if _, known := x.agencies[kg.Key(toks[pa].Text)]; known {
		return nil
	}
	var out []string
	for e := pa + 1; e < p.b; e++ {
		w := strings.TrimRight(toks[e-1].Text, ",")
		if !isCapToken(w) || connectors[strings.ToLower(w)] || w != toks[e-1].Text {
			break
		}
		k := kg.Key(spanText(d, toks, pa, e))
		if _, known := x.agencies[k]; known || x.places[k] {
			break
		}
		out = append(out, k)
	}
	return out
}

// speaksOfParent: a sentence with "subsidiary", "unit", "parent" and the like,
// where a company and a longer name beginning like it are two companies.
func speaksOfParent(x *lexIndex, toks []token) bool {
	for _, t := range toks {
		if low := strings.ToLower(t.Text); x.subsidiary[low] || x.parent[low] {
			return true
		}
	}
	return false
}

// actsLikeOrg: a lone capitalized word that no full name explains, opening a
// clause and followed by a finite verb ("Acme lost ...", "..., and Acme
// said"), is an organization: news names a person in full first.
func actsLikeOrg(d *docState, x *lexIndex, p *piece, surnames map[string]bool) bool {
	if p.b-p.a != 1 || p.b >= len(d.Sents[p.sent].Tokens) {
		return false
	}
	toks := d.Sents[p.sent].Tokens
	t := toks[p.a]
	if t.Text == "I" || t.Tag == "PRP" { // "I testified ..." is the speaker, not a company
		return false
	}
	// a word in capitals acts as a body only when it speaks ("QFBA said"):
	// others are datelines ("NEWARK, N.J."), programs ("JEDI was
	// designed") or short places and parties ("US", "EU")
	if isAllCaps(t.Text) && (utf8.RuneCountInString(t.Text) < 3 || !reportingWord(d, toks[p.b].Text) || x.places[kg.Key(t.Text)]) {
		return false
	}
	if x.isFirstName(t.Text) || surnames[kg.Key(t.Text)] || t.Tag == "NNPS" || x.places[kg.Key(t.Text)] || x.calendar[kg.Key(t.Text)] {
		return false
	}
	if _, ok := x.titles[strings.ToLower(t.Text)]; ok {
		return false
	}
	low := strings.ToLower(t.Text)
	for _, suf := range []string{"ans", "ers", "ists", "ites", "ics"} {
		if strings.HasSuffix(low, suf) {
			return false
		}
	}
	opens := p.a == 0
	if p.a > 0 {
		prev := strings.ToLower(toks[p.a-1].Text)
		opens = prev == "," || prev == "and" || prev == "that" || prev == "“" || prev == "\""
		for i := 0; i < p.a && !opens; i++ {
			if startsWithLetterOrDigit(toks[i].Text) {
				break
			}
			if i == p.a-1 {
				opens = true
			}
		}
	}
	next := toks[p.b]
	return opens && (next.Tag == "VBD" || next.Tag == "VBZ" || next.Tag == "MD")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// initials returns the initials of a multi-word name, with and without the
// small words: "Department of Defense" -> "DD", "DOD"; and with each part
// of a hyphenated word and each letter of a dotted abbreviation counted
// ("U.S. Anti-Fraud Office" -> "USAFO").
func initials(name string) []string {
	out := initialsOf(strings.Fields(name))
	var parts []string
	for _, w := range strings.Fields(name) {
		switch {
		case strings.Count(w, ".") >= 2 && len(w) <= 6:
			for _, r := range strings.ReplaceAll(w, ".", "") {
				parts = append(parts, string(r))
			}
		default:
			parts = append(parts, strings.Split(w, "-")...)
		}
	}
	for _, in := range initialsOf(parts) {
		if !slices.Contains(out, in) {
			out = append(out, in)
		}
	}
	return out
}

// initialsOf is the initials of words, with and without the small words.
func initialsOf(words []string) []string {
	var all, caps strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		all.WriteRune(unicode.ToUpper(r))
		if unicode.IsUpper(r) {
			caps.WriteRune(r)
		}
	}
	return []string{all.String(), caps.String()}
}

func initialsMatch(acr string, orgs []*piece) *piece {
	a := strings.ToUpper(strings.ReplaceAll(acr, ".", ""))
	var found *piece
	for _, q := range orgs {
		for _, in := range initials(q.text) {
			if len(in) >= 2 && in == a {
				if found != nil && kg.Key(found.text) != kg.Key(q.text) {
					return nil // ambiguous
				}
				found = q
			}
		}
	}
	return found
}

// itsFollows: "Acme filed its lawsuit", "Acme and its founder": the name is
// referred to with "its" later in the same clause, before any other name.
func itsFollows(d *docState, p *piece) bool {
	if p.b-p.a != 1 {
		return false
	}
	toks := d.Sents[p.sent].Tokens
	for i := p.b; i < len(toks) && i < p.b+6; i++ {
		t := toks[i].Text
		switch {
		case strings.EqualFold(t, "its"):
			return true
		case t == "," || t == "." || t == ";" || isCapToken(t) || t == "who" || t == "he" || t == "she" || t == "his" || t == "her":
			return false
		}
	}
	return false
}

// entityBuilder groups a document's typed pieces into entities.
type entityBuilder struct {
	d     *docState
	x     *lexIndex
	ps    []*piece
	byKey map[string]*entity // "o:"+orgBase or "p:"+key -> entity
	sf    map[string]*piece  // short form -> the full name's piece (shortForms)
	remit map[string]*piece  // an agency's remit -> its piece (agencyRemits)
	// inner: persons by the inner words of their names (innerSurnameOf),
	// built when the document had innerN entities
	inner  map[string]*entity
	innerN int
}

// buildEntities groups typed pieces into document entities: organizations
// and full person names first, then acronyms, initials, surnames and given
// names, and last each entity's canonical name.
func buildEntities(d *docState, x *lexIndex, ps []*piece) {
	eb := &entityBuilder{d: d, x: x, ps: ps, byKey: map[string]*entity{}}
	courtUnits(d, x, ps)
	eb.sf = shortForms(d, x, ps)
	eb.remit = agencyRemits(d, x, ps)
	orgTails(d, x, ps, eb.remit)
	// Organizations and full person names first, then acronyms and surnames.
	for _, p := range ps {
		if p.blocked || p.typ == "" || p.acronym || p.shortOf != nil {
			continue
		}
		switch p.typ {
		case kg.Organization:
			eb.fullOrg(p)
		case kg.Person:
			eb.fullPerson(p)
		}
	}
	for _, p := range ps {
		if p.blocked || p.typ == "" || p.ent != nil {
			continue
		}
		switch {
		case p.shortOf != nil && p.shortOf.ent != nil:
			eb.addMention(p, p.shortOf.ent, "short-form")
		case p.acronym && p.defOf >= 0 && ps[p.defOf].ent != nil:
			eb.addMention(p, ps[p.defOf].ent, "acronym")
			if eb.byKey["o:"+kg.Key(p.text)] == nil {
				eb.byKey["o:"+kg.Key(p.text)] = ps[p.defOf].ent
			}
		case p.typ == kg.Organization:
			eb.shortOrg(p)
		case p.typ == kg.Person:
			eb.shortPerson(p)
		}
	}
	canonicalNames(d, x)
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Mentions[0].Start < d.Entities[j].Mentions[0].Start })
}

// courtOf reports whether a name toks[a:b] is a court's whose remit
// follows "of": "Supreme Court of the Union", "High Court of the Realm".
// The noun before "of" is the name's head, not the last one.
func courtOf(x *lexIndex, toks []token, a, b int) bool {
	for j := a; j+1 < b; j++ {
		if strings.EqualFold(toks[j+1].Text, "of") {
			h, ok := headOf(x, toks[j].Text)
			return ok && h.Kind == "court"
		}
	}
	return false
}

// newEnt adds a new entity to the document.
func (eb *entityBuilder) newEnt(t kg.EntityType, name, kind string) *entity {
	e := &entity{Type: t, Name: name, Kind: kind, Aliases: map[string]struct{}{}}
	eb.d.Entities = append(eb.d.Entities, e)
	return e
}

// addMention makes piece p a name mention of e, recording the merge rule
// when p's name is not e's.
func (eb *entityBuilder) addMention(p *piece, e *entity, rule string) {
	d := eb.d
	p.ent = e
	m := &mention{Start: p.start, End: p.end, Text: p.text, Sent: p.sent, Kind: nameMention, Entity: e}
	e.Mentions = append(e.Mentions, m)
	e.Aliases[p.text] = struct{}{}
	d.Mentions = append(d.Mentions, m)
	if rule != "" && kg.Key(p.text) != kg.Key(e.Name) {
		e.Merges = append(e.Merges, kg.Merge{Rule: rule, Name: p.text, Into: e.Name, Where: d.Doc.ID})
	}
}

// agencyRemits maps an agency's remit to its piece: an agency goes by its
// remit, "Public Works" for the "Department of Public Works". A remit two
// agencies share maps to nil.
func agencyRemits(d *docState, x *lexIndex, ps []*piece) map[string]*piece {
	remit := map[string]*piece{}
	for _, p := range ps {
		if p.blocked || p.typ != kg.Organization || p.b-p.a < 3 {
			continue
		}
		toks := d.Sents[p.sent].Tokens
		h, ok := x.heads[toks[p.a].Text]
		if !ok || !h.Lead || (h.Kind != "agency" && h.Kind != "government") || toks[p.a+1].Text != "of" {
			continue
		}
		c := p.a + 2
		if strings.EqualFold(toks[c].Text, "the") && c+1 < p.b {
			c++
		}
		shareKey(remit, kg.Key(spanText(d, toks, c, p.b)), p)
	}
	return remit
}

// shareKey records in m that p's name goes by k, unless another name goes
// by it too: then k stands for no one (nil).
func shareKey(m map[string]*piece, k string, p *piece) {
	if q, seen := m[k]; !seen {
		m[k] = p
	} else if q != nil && kg.Key(q.text) != kg.Key(p.text) {
		m[k] = nil
	}
}

// orgTails adds to remit the names organizations go by without their
// first word, often a place or a house ("the Elections Commission" for
// the "Harwell Elections Commission", "the Ethics Committee" for the
// "Senate Ethics Committee"): two words or more after it that end in a
// head word, not a legal form. Not courts, whose shorter names are often
// other courts, nor a name the lexicon gives a canonical form, nor a
// well-known organization's name (the "Department of Justice" is not the
// "Ohio Department of Justice"). A tail two names share is no one's; an
// agency's remit already in remit stays.
func orgTails(d *docState, x *lexIndex, ps []*piece, remit map[string]*piece) {
	tails := map[string]*piece{}
	for _, p := range ps {
		if p.blocked || p.typ != kg.Organization || p.b-p.a < 3 || p.kind == "court" || p.canonical != "" {
			continue
		}
		toks := d.Sents[p.sent].Tokens
		h, ok := x.heads[toks[p.b-1].Text]
		if !ok || h.Legal || h.Kind == "court" || !isCapToken(toks[p.a+1].Text) || connectors[strings.ToLower(toks[p.a+1].Text)] {
			continue
		}
		k := kg.Key(spanText(d, toks, p.a+1, p.b))
		if _, known := x.agencies[k]; !known {
			shareKey(tails, k, p)
		}
	}
	for k, p := range tails {
		if _, taken := remit[k]; !taken && p != nil {
			remit[k] = p
		}
	}
}

// courtUnits gives a court's kind to a unit of a court: a name whose head
// before its "of" is a unit's (org_heads.txt unit=1) and whose words after
// it hold a court's head ("the Economic Chamber of the Provincial People's
// Court of Havana", "the Criminal Division of the High Court").
func courtUnits(d *docState, x *lexIndex, ps []*piece) {
	for _, p := range ps {
		if p.blocked || p.typ != kg.Organization || p.kind == "court" {
			continue
		}
		toks := d.Sents[p.sent].Tokens
		of := -1
		for k := p.a + 1; k < p.b-1; k++ {
			if toks[k].Text == "of" {
				of = k
				break
			}
		}
		if of < 0 || !x.heads[toks[of-1].Text].Unit {
			continue
		}
		for k := of + 1; k < p.b; k++ {
			if x.heads[toks[k].Text].Kind == "court" {
				p.kind = "court"
				break
			}
		}
	}
}

// fullOrg adds an organization's name (not a bare acronym, which waits for
// initials): to the full name a short form stands for, to the agency a remit
// names, to the entity of the same base name, or to a new entity.
func (eb *entityBuilder) fullOrg(p *piece) {
	x := eb.x
	if p.b-p.a == 1 && isAcronymish(p.text) {
		if _, ok := x.agencies[kg.Key(p.text)]; !ok {
			return // later: initials
		}
	}
	base := orgBase(x, p.text)
	if p.canonical != "" {
		base = kg.Key(p.canonical)
	}
	k := "o:" + base
	e := eb.byKey[k]
	rule := ""
	// Only a name written short is a short form: "Northwind Holdings"
	// strips to "Northwind" but names a company of its own, often the
	// parent of the "Northwind Dynamics" the story also names.
	if q := eb.sf[base]; e == nil && q != nil && q != p && q.ent != nil && base == kg.Key(p.text) {
		eb.byKey[k] = q.ent
		eb.addMention(p, q.ent, "short-form")
		return
	}
	if q := eb.remit[base]; e == nil && q != nil && q != p && p.canonical == "" && x.agencies[base].Canonical == "" {
		qe := q.ent
		if qe == nil {
			qk := "o:" + orgBase(x, q.text)
			if eb.byKey[qk] == nil {
				eb.byKey[qk] = eb.newEnt(kg.Organization, q.text, q.kind)
			}
			qe = eb.byKey[qk]
		}
		eb.byKey[k] = qe
		eb.addMention(p, qe, "remit")
		return
	}
	if e == nil {
		name := p.text
		if p.canonical != "" {
			name = p.canonical
		}
		e = eb.newEnt(kg.Organization, name, p.kind)
		eb.byKey[k] = e
	} else if p.canonical != "" || kg.Key(p.text) != kg.Key(e.Name) {
		rule = "legal-form"
	}
	if p.canonical != "" && kg.Key(p.canonical) != kg.Key(p.text) {
		rule = "alias-lexicon"
		e.Aliases[p.canonical] = struct{}{}
	}
	eb.addMention(p, e, rule)
}

// fullPerson adds a person's name of two words or more: to the entity of
// the same name, to a full name it is a nickname of ("Jim Smith" = "James
// Smith"), or to a new entity.
func (eb *entityBuilder) fullPerson(p *piece) {
	d, x := eb.d, eb.x
	if p.b-p.a < 2 {
		return
	}
	k := "p:" + kg.Key(p.text)
	e := eb.byKey[k]
	if e == nil {
		// Nickname of a full name already seen: "Jim Smith" = "James Smith".
		toks := d.Sents[p.sent].Tokens
		for _, f := range d.Entities {
			if f.Type != kg.Person {
				continue
			}
			fw := strings.Fields(f.Name)
			if len(fw) >= 2 && kg.Key(fw[len(fw)-1]) == kg.Key(toks[p.b-1].Text) && x.sameFirstName(fw[0], toks[p.a].Text) {
				e = f
				break
			}
		}
		if e != nil {
			eb.byKey[k] = e
			eb.addMention(p, e, "nickname")
			return
		}
		if e = surnameOf(d, toks[p.a].Text, p.text); e != nil {
			eb.byKey[k] = e
			eb.addMention(p, e, "surname") // "Van Rensburg" = "Pieter van Rensburg"
			return
		}
		if e = sameWordBefore(d, p, personsEndingIn(d, p.text)); e != nil {
			eb.addMention(p, e, "surname") // "Captain Roe Poe" after "Captain Jane Roe Poe" and her brother "Dan Roe Poe"
			return
		}
		e = eb.newEnt(kg.Person, p.text, "")
		eb.byKey[k] = e
	}
	eb.addMention(p, e, "")
}

// shortOrg adds an organization's acronym: to the organization whose
// initials it is, to the same acronym defined elsewhere, or to a new entity.
func (eb *entityBuilder) shortOrg(p *piece) {
	var orgs []*piece
	for _, q := range eb.ps {
		if q.ent != nil && q.typ == kg.Organization && q.b-q.a >= 2 {
			orgs = append(orgs, q)
		}
	}
	if q := initialsMatch(p.text, orgs); q != nil {
		eb.addMention(p, q.ent, "initials")
		return
	}
	// Same acronym defined elsewhere in the document.
	if e := eb.byKey["o:"+kg.Key(p.text)]; e != nil {
		eb.addMention(p, e, "acronym")
		return
	}
	e := eb.newEnt(kg.Organization, p.text, orDefault(p.kind, "company"))
	eb.byKey["o:"+kg.Key(p.text)] = e
	eb.addMention(p, e, "")
}

// innerSurname reports whether an inner word of a full name may be a
// surname: capitalised, more than an initial, no particle, no given name
// ("Harvey" of "Lee Harvey Oswald" is a middle name).
func innerSurname(x *lexIndex, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return len(w) > 2 && unicode.IsUpper(r) && !strings.HasSuffix(w, ".") && !nameParticles[strings.ToLower(w)] && !x.isFirstName(w)
}

// chineseGivenAfter reports whether a name of four words ends in two
// short syllables after its second word: the shape of a Chinese name
// with a Western given name before it ("Leonard Chia Kok Meng"), whose
// second word is the surname even when it is also a given name.
func chineseGivenAfter(fw []string) bool {
	if len(fw) != 4 {
		return false
	}
	for _, w := range fw[2:] {
		r, _ := utf8.DecodeRuneInString(w)
		if n := utf8.RuneCountInString(w); n < 2 || n > 5 || !unicode.IsUpper(r) || strings.ContainsAny(w, ".-'’") {
			return false
		}
	}
	return true
}

// innerSurnameOf is the one person named in full with three words or more
// whose inner word is k ("Olvera" for "Patricia Olvera Saucedo"), or nil
// when none or several are. The index of inner words is rebuilt only when
// the document has gained entities.
func (eb *entityBuilder) innerSurnameOf(k string) *entity {
	d := eb.d
	if eb.innerN != len(d.Entities) {
		eb.inner, eb.innerN = map[string]*entity{}, len(d.Entities)
		for _, e := range d.Entities {
			fw := strings.Fields(e.Name)
			if e.Type != kg.Person || len(fw) < 3 {
				continue
			}
			for i, w := range fw[1 : len(fw)-1] {
				if !innerSurname(eb.x, w) && !(i == 0 && chineseGivenAfter(fw)) {
					continue
				}
				if f, seen := eb.inner[kg.Key(w)]; seen && f != e {
					eb.inner[kg.Key(w)] = nil // two people: neither
				} else if !seen {
					eb.inner[kg.Key(w)] = e
				}
			}
		}
	}
	return eb.inner[k]
}

// personsEndingIn returns the persons already named in full whose name
// ends in text, in order of first mention.
func personsEndingIn(d *docState, text string) []*entity {
	tail := " " + strings.ToLower(text)
	var out []*entity
	for _, f := range d.Entities {
		if f.Type == kg.Person && strings.HasSuffix(strings.ToLower(f.Name), tail) {
			out = append(out, f)
		}
	}
	return out
}

// surnameOf is the person a name of two words or more names by their
// surname: the first person named in full whose name ends in it when it
// opens with a particle ("Van Rensburg" for "Pieter van Rensburg"),
// otherwise the one person whose name ends in it ("Ruiz de Alba" of "María
// Fernanda Ruiz de Alba"), or nil.
func surnameOf(d *docState, first, text string) *entity {
	es := personsEndingIn(d, text)
	switch {
	case len(es) > 0 && nameParticles[strings.ToLower(first)]:
		return es[0]
	case len(es) == 1:
		return es[0]
	}
	return nil
}

// sameWordBefore is, among persons es who share a surname, the one named
// before with the same capitalized word (a rank or an honorific) before
// the name as piece p has ("Captain"), when exactly one is; nil otherwise.
func sameWordBefore(d *docState, p *piece, es []*entity) *entity {
	toks := d.Sents[p.sent].Tokens
	if len(es) < 2 || p.a == 0 || !isCapToken(toks[p.a-1].Text) {
		return nil
	}
	w := toks[p.a-1].Text
	var found *entity
	for _, e := range es {
		for _, m := range e.Mentions {
			if m.Start >= p.start {
				continue
			}
			if before := strings.Fields(d.Doc.Text[max(0, m.Start-30):m.Start]); len(before) > 0 && before[len(before)-1] == w {
				if found != nil && found != e {
					return nil
				}
				found = e
			}
		}
	}
	return found
}

// shortPerson adds a surname (or a full name's single form) to the person
// with that surname, a given name alone to the one person named in full
// with it, or else to the entity of the same word or a new one.
func (eb *entityBuilder) shortPerson(p *piece) {
	d := eb.d
	toks := d.Sents[p.sent].Tokens
	// A surname (or a full name's single form): the most recent person
	// with that surname, else the first one.
	k := kg.Key(toks[p.a].Text)
	var best *entity
	for _, e := range d.Entities {
		if e.Type != kg.Person {
			continue
		}
		fw := strings.Fields(e.Name)
		if len(fw) >= 2 && kg.Key(fw[len(fw)-1]) == k {
			// Two people share the surname: the one the text has named
			// more often so far (the story's subject), else the latest.
			if best == nil || mentionsBefore(e, p.start) > mentionsBefore(best, p.start) ||
				(mentionsBefore(e, p.start) == mentionsBefore(best, p.start) && lastMentionBefore(e, p.start) > lastMentionBefore(best, p.start)) {
				best = e
			}
		}
	}
	if best == nil {
		best = eb.innerSurnameOf(k)
	} else if e := eb.surnameByPronoun(p, k); e != nil {
		best = e // "Dr Roe denied any role in his wife's ...": of two Roes, the man
	}
	if best != nil {
		eb.addMention(p, best, "surname")
		return
	}
	// A given name alone: the one person named in full with it.
	var byGiven *entity
	for _, e := range d.Entities {
		if fw := strings.Fields(e.Name); e.Type == kg.Person && len(fw) >= 2 && kg.Key(fw[0]) == k && p.b-p.a == 1 && mentionsBefore(e, p.start) > 0 {
			if byGiven != nil && byGiven != e {
				byGiven = nil
				break
			}
			byGiven = e
		}
	}
	if byGiven != nil {
		eb.addMention(p, byGiven, "given-name")
		return
	}
	e := eb.byKey["p:"+k]
	if e == nil {
		e = eb.newEnt(kg.Person, p.text, "")
		eb.byKey["p:"+k] = e
	}
	eb.addMention(p, e, "")
}

// surnameByPronoun is, among the persons with surname k, the one whose
// given name's sex agrees with the first personal pronoun in the eight
// words after piece p ("Dr Roe denied any role in his wife's licence"),
// when exactly one agrees; nil otherwise.
func (eb *entityBuilder) surnameByPronoun(p *piece, k string) *entity {
	d, x := eb.d, eb.x
	toks := d.Sents[p.sent].Tokens
	var g byte
	for _, t := range toks[p.b:min(len(toks), p.b+8)] {
		switch strings.ToLower(t.Text) {
		case "he", "his", "him", "himself":
			g = 'm'
		case "she", "her", "hers", "herself":
			g = 'f'
		}
		if g != 0 {
			break
		}
	}
	if g == 0 {
		return nil
	}
	var pick *entity
	n := 0
	for _, e := range d.Entities {
		fw := strings.Fields(e.Name)
		if e.Type != kg.Person || len(fw) < 2 || kg.Key(fw[len(fw)-1]) != k {
			continue
		}
		n++
		if x.nameGender[fw[0]] == g {
			if pick != nil {
				return nil
			}
			pick = e
		}
	}
	if n < 2 {
		return nil
	}
	return pick
}

// canonicalNames gives each entity its canonical name, the longest full
// form (lexicon canonical wins for orgs), and its ID.
func canonicalNames(d *docState, x *lexIndex) {
	for _, e := range d.Entities {
		name := e.Name
		if e.Type == kg.Person {
			for a := range e.Aliases {
				if len(strings.Fields(a)) > len(strings.Fields(name)) || (len(strings.Fields(a)) == len(strings.Fields(name)) && formalOver(x, a, name)) {
					name = a
				}
			}
		} else if _, ok := x.agencies[kg.Key(name)]; !ok {
			for a := range e.Aliases {
				if !isAcronymish(a) && len(a) > len(name) {
					name = a
				}
			}
		}
		name = strings.TrimPrefix(strings.TrimPrefix(name, "The "), "the ")
		if name != e.Name {
			for i := range e.Merges {
				if e.Merges[i].Into == e.Name {
					e.Merges[i].Into = name
				}
			}
			e.Name = name
		}
		e.ID = kg.EntityID(e.Type, e.Name)
	}
}

// formalOver: "James Smith" is preferred over "Jim Smith".
func formalOver(x *lexIndex, a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if _, ok := x.nick[strings.ToLower(fb[0])]; ok {
		if _, ok := x.nick[strings.ToLower(fa[0])]; !ok && x.sameFirstName(fa[0], fb[0]) {
			return true
		}
	}
	return false
}

func mentionsBefore(e *entity, off int) int {
	n := 0
	for _, m := range e.Mentions {
		if m.Start < off {
			n++
		}
	}
	return n
}

func lastMentionBefore(e *entity, off int) int {
	last := -1
	for _, m := range e.Mentions {
		if m.Start < off && m.Start > last {
			last = m.Start
		}
	}
	return last
}

// salience counts e's name mentions before off.
func salience(names []*mention, e *entity, off int) int {
	n := 0
	for _, m := range names {
		if m.Entity == e && m.Start < off {
			n++
		}
	}
	return n
}

// salient is the wanted entity with most name mentions before off among
// those named within window sentences, ties to the most recent.
func salient(names []*mention, off, sent, window int, want func(*entity) bool) *entity {
	var best *entity
	bestN := 0
	for i := len(names) - 1; i >= 0; i-- {
		m := names[i]
		if m.Start >= off || sent-m.Sent > window || !want(m.Entity) {
			continue
		}
		if n := salience(names, m.Entity, off); n > bestN {
			best, bestN = m.Entity, n
		}
	}
	return best
}

// nominalReferent returns what the lower-case noun w after "the" may refer
// to: an organization of the nominal's kind ("the company"), or one whose
// name has w as a word when w is an organization head ("the bureau" ->
// "Consumer Financial Protection Bureau", named set); nil when w refers to
// neither. A capitalized head refers back as well when it is a name of its
// own (bare: no name covers it and none goes on after it): "the
// Commission fined X" after the European Commission was named.
func nominalReferent(x *lexIndex, w string, bare bool) (want func(*entity) bool, named bool) {
	if isCapToken(w) && !bare {
		return nil, false
	}
	low := strings.ToLower(w)
	if k, ok := x.nominals[low]; ok && !isCapToken(w) {
		// a nominal that is also the head word of another kind of body
		// ("the board": a company's, or an agency's) refers to a body so
		// named as well ("the Harwell Scholarship Board")
		h, head := x.heads[capitalized(low)]
		head = head && !inList(k, h.Kind)
		return func(e *entity) bool {
			return e.Type == kg.Organization && (inList(k, e.Kind) || (k == "company" && e.Kind == "") || head && slices.Contains(strings.Fields(strings.ToLower(e.Name)), low))
		}, false
	}
	if _, ok := x.heads[capitalized(low)]; !ok || len(low) < 4 {
		return nil, false
	}
	return func(e *entity) bool {
		if e.Type != kg.Organization {
			return false
		}
		for _, n := range strings.Fields(strings.ToLower(e.Name)) {
			if n == low {
				return true
			}
		}
		return false
	}, true
}

// lastOfName reports whether toks[j] ends the name it is in: no
// capitalized word, and no "of", "for" or "on" that goes on with a name
// ("the Commission on Elections"), follows it.
func lastOfName(toks []token, j int) bool {
	if j+1 >= len(toks) {
		return true
	}
	next := toks[j+1].Text
	return !isCapToken(next) && next != "of" && next != "for" && next != "on"
}

// appellateCourt reports whether e is an appeals court by its name
// (org_heads.txt appellate=1: "Court of Appeals", "Circuit").
func appellateCourt(x *lexIndex, e *entity) bool {
	if e == nil {
		return false
	}
	for _, h := range x.appellate {
		if strings.Contains(e.Name, h) {
			return true
		}
	}
	return false
}

// linkPronouns adds pronoun mentions ("he", "she" -> the most recent person
// within two sentences) and nominal ones ("the company" -> the most recent
// organization of that kind).
func linkPronouns(d *docState) {
	x := d.index()
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	outlet := d.outlets()
	names := slices.DeleteFunc(append([]*mention(nil), d.Mentions...), func(m *mention) bool { return outlet[m.Entity] })
	d.genders = personGenders(d, x)
	recent := func(off, sent, window int, want func(*entity) bool) *entity {
		for i := len(names) - 1; i >= 0; i-- {
			m := names[i]
			if m.Start >= off {
				continue
			}
			if sent-m.Sent > window {
				return nil
			}
			if want(m.Entity) {
				return m.Entity
			}
		}
		return nil
	}
	titled := titledPersons(d, x)
	for si, s := range d.Sents {
		for i, t := range s.Tokens {
			low := strings.ToLower(t.Text)
			var e *entity
			kind := pronounMention
			end := t.End
			if low == "the" {
				if p, n := titledReferent(x, titled, s.Tokens, i, si < ledeSentences); p != nil {
					// "the governor told reporters": the person the story
					// introduced with that title
					e, kind, end = p, nominalMention, s.Tokens[i+n].End
				}
			}
			if (low == "a" || low == "an") && e == nil {
				if p, n := d.unnamedAdjudicator(x, names, titled, s.Tokens, i); p != nil {
					// "..., a federal judge said": the one judge the
					// story names
					e, kind, end = p, nominalMention, s.Tokens[i+n].End
				}
			}
			if e == nil {
				if p, n := d.ownedOffice(x, s, i); p != nil {
					// "the Pentagon's inspector general said": the
					// office as a body of its owner
					e, kind, end = p, nominalMention, s.Tokens[i+n-1].End
				}
			}
			if words, ok := x.groups[low]; ok && e == nil && !formerGroup(x, s.Tokens, i) {
				e, kind = groupReferent(x, names, titled, low, words, s.Tokens, i, si, len(d.Sents)), nominalMention
			}
			switch low {
			case "he", "she", "him", "his", "her":
				e = d.personPronoun(names, recent, t.Start, si, i, low)
			case "its":
				if o := d.itsProxy(x, si, i); o != nil {
					e = o
				}
			case "a", "an":
				if e == nil && i == 0 && si < ledeSentences {
					if p, h := ledeDescription(x, names, d, s.Tokens, false); p != nil {
						e, kind, end = p, nominalMention, s.Tokens[h].End
					}
				}
			case "the":
				if i+1 < len(s.Tokens) && e == nil {
					if p, h := d.definiteBody(x, names, recent, s.Tokens, si, i); p != nil {
						e, kind, end = p, nominalMention, s.Tokens[h].End
					} else if i == 0 && si < ledeSentences {
						// "The aircraft leasing company suing X has asked":
						// an opening that describes the body it names later
						if p, h := ledeDescription(x, names, d, s.Tokens, true); p != nil {
							e, kind, end = p, nominalMention, s.Tokens[h].End
						}
					}
				}
			}
			if e == nil {
				continue
			}
			m := &mention{Start: t.Start, End: end, Text: d.Doc.Text[t.Start:end], Sent: si, Kind: kind, Entity: e}
			e.Mentions = append(e.Mentions, m)
			d.Mentions = append(d.Mentions, m)
		}
	}
}

// outlets are the organizations that publish the document (its
// publisher, or the name a dateline credits: "Nouadhibou (Alakhbar) -"):
// the story is theirs, and "the company" or "it" is never them. Read once
// the names are found, and kept.
func (d *docState) outlets() map[*entity]bool {
	if d.outletSet != nil {
		return d.outletSet
	}
	out := map[*entity]bool{}
	d.outletSet = out
	pub := kg.Key(d.Doc.Publisher)
	t := d.Doc.Text
	for _, m := range d.Mentions {
		if m.Entity == nil || m.Entity.Type != kg.Organization || m.Kind != nameMention || out[m.Entity] {
			continue
		}
		if pub != "" && kg.Key(m.Entity.Name) == pub {
			out[m.Entity] = true
			continue
		}
		line := t[strings.LastIndexByte(t[:m.Start], '\n')+1 : m.Start]
		after := strings.TrimLeft(t[m.End:min(len(t), m.End+4)], ") ")
		if strings.HasSuffix(line, "(") && len(line) < 40 && strings.HasPrefix(t[m.End:], ")") &&
			(strings.HasPrefix(after, "-") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "—")) {
			out[m.Entity] = true // a dateline's credit
		}
	}
	return out
}

// itsProxy is what "its" at toks[i] of sentence si refers to when it
// opens the sentence before a noun through which a body acts ("Kestrel
// appealed. Its lawyers said"): the organization that opened the
// sentence before; else nil.
func (d *docState) itsProxy(x *lexIndex, si, i int) *entity {
	toks := d.Sents[si].Tokens
	if i != 0 || si == 0 || i+1 >= len(toks) || !x.ev.proxy[strings.ToLower(toks[i+1].Text)] {
		return nil
	}
	return subjectOrg(d, si-1)
}

// ownedOffice is the body an office title written in lower case at
// toks[i] stands for (titles.txt body=): after an organization's
// possessive, with no holder named after it ("the Pentagon's inspector
// general said" is the Department of Defense Office of Inspector
// General), or after "the" once such a body is in the document. It
// returns the body and the title's length, or nil.
func (d *docState) ownedOffice(x *lexIndex, s sentence, i int) (*entity, int) {
	toks := s.Tokens
	if i < 1 || isCapToken(toks[i].Text) {
		return nil, 0
	}
	n, ti := x.titleAt(toks, i, len(toks))
	if n == 0 || ti.Body == "" {
		return nil, 0
	}
	if j := i + n; j < len(toks) && (isCapToken(toks[j].Text) || toks[j].Text == "," && j+1 < len(toks) && isCapToken(toks[j+1].Text)) {
		return nil, 0 // "the department's inspector general, Jane Roe": the holder
	}
	suffix := " " + ti.Body
	if strings.EqualFold(toks[i-1].Text, "the") {
		for _, e := range d.Entities {
			if e.Type == kg.Organization && strings.HasSuffix(e.Name, suffix) {
				return e, n // "the inspector general" after the Pentagon's
			}
		}
		return nil, 0
	}
	if !isPossessive(toks[i-1].Text) {
		return nil, 0
	}
	var owner *mention
	for _, m := range d.Mentions {
		if m.End == toks[i-1].Start && m.Entity != nil && m.Entity.Type == kg.Organization {
			owner = m
		}
	}
	if owner == nil {
		return nil, 0
	}
	if k := tokenAt(s, owner.Start); k > 0 && k < len(toks) && (toks[k-1].Text == "," || k > 1 && strings.EqualFold(toks[k-1].Text, "the") && toks[k-2].Text == ",") {
		return nil, 0 // "Jane Roe, the Pentagon's inspector general": her office
	}
	name := owner.Entity.Name + suffix
	if e := d.orgNamed(name); e != nil {
		return e, n
	}
	e := &entity{ID: kg.EntityID(kg.Organization, name), Type: kg.Organization, Name: name, Kind: "agency", Aliases: map[string]struct{}{strings.ToLower(ti.Phrase): {}}}
	d.Entities = append(d.Entities, e)
	return e, n
}

// attributedBefore is the speaker a pronoun pr (he, she) named in a
// trailing attribution that ends the sentence before si in the same
// paragraph (`"...," he said.`), or nil.
func (d *docState) attributedBefore(si int, pr string) *entity {
	if si == 0 || d.Sents[si-1].Para != d.Sents[si].Para {
		return nil
	}
	p := d.Sents[si-1]
	toks := p.Tokens
	for k := len(toks) - 1; k >= 1 && k >= len(toks)-6; k-- {
		if !strings.EqualFold(toks[k].Text, pr) {
			continue
		}
		if q := toks[k-1].Text; q != "\"" && q != "”" && q != "''" {
			return nil
		}
		for _, m := range d.Mentions {
			if m.Start == toks[k].Start && m.Kind == pronounMention {
				return m.Entity
			}
		}
		return nil
	}
	return nil
}

// personPronoun resolves the personal pronoun low at token i (offset off)
// of sentence si: the person a quotation's aside or the sentence's
// recency points to, the speaker of a quotation that goes on from a
// report, or, opening a sentence, the speaker or judge who goes on.
func (d *docState) personPronoun(names []*mention, recent func(off, sent, window int, want func(*entity) bool) *entity, off, si, i int, low string) *entity {
	want := func(e *entity) bool { return e.Type == kg.Person && d.agrees(e, low) }
	e := d.quotedAside(recent, off, si, want)
	if (low == "he" || low == "she") && e != nil {
		if sp := d.quoteParaSpeaker(names, off, si, want); sp != nil {
			e = sp
		}
	}
	if i == 0 && (low == "he" || low == "she") {
		// `"...," he said. He said ...`: the speaker goes on
		if sp := d.attributedBefore(si, low); sp != nil {
			e = sp
		} else if sp := d.subjectBefore(names, si, want); sp != nil && d.rulingVerbAfter(si) {
			// "Justice Jane Roe said the claimants, Dan Poe and Ann Lee,
			// had shown ... She ordered ...": the judge the sentence
			// before opens with goes on
			e = sp
		}
	}
	return e
}

// rulingVerbAfter reports whether the pronoun opening sentence si is the
// subject of a ruling verb (event_words.txt class=ruling: what a judge
// does in the sentences after one that names her), past an adverb ("She
// also ordered").
func (d *docState) rulingVerbAfter(si int) bool {
	toks := d.Sents[si].Tokens
	for k := 1; k < len(toks) && k <= 3; k++ {
		w := strings.ToLower(toks[k].Text)
		if d.index().ev.ruling[w] {
			return true
		}
		if w != "also" && w != "however" && w != "," && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

// subjectBefore is the judge the sentence before si (in its paragraph)
// opens with as its subject, when want takes them: the first name of the
// sentence, after at most an opening phrase set off by a comma and a
// judge's capitalized title ("On Monday, Judge Jane Roe admitted ...",
// "Justice Jane Roe said"), not a possessor; nil otherwise. A judge who
// rules goes on ruling in the sentences after.
func (d *docState) subjectBefore(names []*mention, si int, want func(*entity) bool) *entity {
	if si == 0 || d.Sents[si-1].Para != d.Sents[si].Para {
		return nil
	}
	p := d.Sents[si-1]
	for _, m := range names {
		if m.Sent != si-1 || m.Kind != nameMention || m.Entity == nil {
			continue
		}
		before := strings.TrimSpace(d.Doc.Text[p.Start:m.Start])
		if c := strings.LastIndexByte(before, ','); c >= 0 {
			before = before[c+1:] // "On Monday, Judge Jane Roe"
		}
		judge := false
		for _, w := range strings.Fields(before) {
			if !isCapToken(w) {
				return nil // the first name is no subject
			}
			judge = judge || d.triggers().court[strings.ToLower(w)]
		}
		if !judge || m.Entity.Type != kg.Person || !want(m.Entity) || d.possessive(m) {
			return nil
		}
		return m.Entity
	}
	return nil
}

// definiteBody is what "the company", "the solar company", "the bureau"
// at toks[i] of sentence si refers to, and the token of its noun; nil
// when it refers to no body the story names. recent finds the latest
// wanted entity named before off within window sentences.
func (d *docState) definiteBody(x *lexIndex, names []*mention, recent func(off, sent, window int, want func(*entity) bool) *entity, toks []token, si, i int) (*entity, int) {
	off := toks[i].Start
	h := nominalHead(x, toks, i+1)
	want, named := nominalReferent(x, toks[h].Text, isCapToken(toks[h].Text) && lastOfName(toks, h) && d.mentionAt(toks[h].Start) == nil)
	// "the Cincinnati-based company": where a body sits tells no name
	mods := slices.DeleteFunc(slices.Clone(toks[i+1:h]), func(t token) bool { return placeCompound(x, t.Text) })
	if want != nil && len(mods) > 0 {
		want, named = modifierNames(want, mods, func(w func(*entity) bool) bool { return recent(off, si, len(d.Sents), w) != nil }), true
	}
	if want == nil {
		return nil, 0
	}
	// "the company" reaches further back than a pronoun, and means the
	// most talked-about company in that stretch; "the bureau" means the
	// last one named so, however far.
	window := 2
	if named {
		window = len(d.Sents)
	} else if w := strings.ToLower(toks[h].Text); recent(off, si, window, nameHas(want, w)) != nil {
		// "the department" after a Department of X is that department,
		// not any agency near it
		want = nameHas(want, w)
	}
	e := recent(off, si, window, want)
	if cb := openingReferent(d, names, si, off, want); cb != nil {
		// the organization the sentence, or the one before, opened with
		// is what it goes on about
		e = cb
	} else if alt := salient(names, off, si, 6, want); alt != nil && (e == nil || alt != e && salience(names, alt, off) > 2*salience(names, e, off)) {
		e = alt
	}
	if strings.EqualFold(toks[h].Text, "court") && appellateCourt(x, e) {
		// "the court" after an appeals court was named is the trial court
		// the story is about, when it names one
		if trial := recent(off, si, len(d.Sents), func(c *entity) bool { return want(c) && !appellateCourt(x, c) }); trial != nil {
			e = trial
		}
	}
	return e, h
}

// ledeDescription reads a story's opening sentence that starts with "A"
// or "An" and a body's noun ("A shipping company that lost the route has
// asked the court ..."): it describes the body the story is about before
// it names it. The body is the one a modifier names by a word of its name
// (Harwell Coastal Shipping), the one the story names most among those,
// not merely the one it names most, which is as often the other side. It
// returns the body and the token of its noun, or nil.
//
// With nounsOnly, only modifiers tagged as nouns count ("The aircraft
// leasing company suing X"), not adjectives ("The regional carrier says",
// which a headline may already have named).
func ledeDescription(x *lexIndex, names []*mention, d *docState, toks []token, nounsOnly bool) (*entity, int) {
	if len(toks) < 2 {
		return nil, 0
	}
	h := nominalHead(x, toks, 1)
	if isCapToken(toks[h].Text) {
		return nil, 0
	}
	want, _ := nominalReferent(x, toks[h].Text, false)
	if want == nil {
		return nil, 0
	}
	mods := toks[1:h]
	if nounsOnly {
		mods = slices.DeleteFunc(slices.Clone(mods), func(t token) bool { return !strings.HasPrefix(t.Tag, "NN") && t.Tag != "VBG" })
	}
	return salient(names, len(d.Doc.Text), len(d.Sents), len(d.Sents), stemInName(want, mods)), h
}

// modifierNames narrows want by the modifiers before a body's noun: "the
// solar company" is the one a word of whose name is "solar" (Hooli
// Solar), found by named; none when no modifier names one.
func modifierNames(want func(*entity) bool, mods []token, named func(func(*entity) bool) bool) func(*entity) bool {
	for _, mt := range mods {
		if w := nameHas(want, strings.ToLower(mt.Text)); named(w) {
			return w
		}
	}
	// "the venture firm" is Acme Ventures: a word of the name with the
	// modifier's stem
	for _, mt := range mods {
		if w := stemInName(want, []token{mt}); named(w) {
			return w
		}
	}
	return nil
}

// stemInName narrows want to the entities one of whose name's words has
// the stem of one of mods ("dredging" names Hooli Dredge); it wants
// none when mods is empty.
func stemInName(want func(*entity) bool, mods []token) func(*entity) bool {
	var stems []string
	for _, t := range mods {
		stems = append(stems, english.Stem(strings.ToLower(t.Text), false))
	}
	return func(e *entity) bool {
		if !want(e) {
			return false
		}
		for _, w := range strings.Fields(strings.ToLower(e.Name)) {
			if len(w) > 3 && slices.Contains(stems, english.Stem(w, false)) {
				return true
			}
		}
		return false
	}
}

// ledeSentences is how many sentences open a story: where "A company
// that ..." describes the body the story goes on to name.
const ledeSentences = 4

// nominalHead is where the noun of "the ..." starts at toks[k]: after up
// to two lower-case modifiers that are no nouns of a body themselves ("the
// solar company", "the state-owned airline", "a local fishing company") or
// place compounds ("the Cincinnati-based company"), else k.
func nominalHead(x *lexIndex, toks []token, k int) int {
	for h := min(k+2, len(toks)-1); h > k; h-- {
		if _, ok := x.nominals[strings.ToLower(toks[h].Text)]; !ok || isCapToken(toks[h].Text) {
			continue
		}
		mods := true
		for _, t := range toks[k:h] {
			mods = mods && (placeCompound(x, t.Text) || isLowerWord(t.Text) && !isCapToken(t.Text) &&
				(strings.HasPrefix(t.Tag, "JJ") || t.Tag == "VBN" || t.Tag == "VBG" || t.Tag == "NN" || strings.Contains(t.Text, "-")))
		}
		if mods {
			return h // the last noun of the phrase is its head: "a local union" and "a union local" differ
		}
	}
	return k
}

// formerGroup reports whether a status sets the group noun at toks[i]
// apart from the story's body ("former prosecutors").
func formerGroup(x *lexIndex, toks []token, i int) bool {
	if i == 0 {
		return false
	}
	low := strings.ToLower(toks[i-1].Text)
	return x.former[low] || x.titleMods[low]
}

// bodyNamed is true of the organizations, other than companies and the
// press, whose name holds one of words: a word of the name that opens with
// a one-word item ("prosecut" -> "Prosecutor's"), or a run of the name's
// words for an item of several ("justice department").
func bodyNamed(words []string) func(*entity) bool {
	return func(e *entity) bool {
		if e == nil || e.Type != kg.Organization || e.Kind == "company" || e.Kind == "media" {
			return false
		}
		name := strings.Fields(strings.ToLower(e.Name))
		joined := " " + strings.Join(name, " ") + " "
		for _, w := range words {
			if strings.Contains(w, " ") {
				if strings.Contains(joined, " "+w+" ") {
					return true
				}
				continue
			}
			for _, n := range name {
				if strings.HasPrefix(n, w) {
					return true
				}
			}
		}
		return false
	}
}

// nameHas narrows want to the entities with word w (lower case) in their
// name.
func nameHas(want func(*entity) bool, w string) func(*entity) bool {
	return func(e *entity) bool {
		if !want(e) {
			return false
		}
		for _, n := range strings.Fields(strings.ToLower(e.Name)) {
			if n == w {
				return true
			}
		}
		return false
	}
}

// openingReferent is the wanted entity named first in sentence si, before
// off, or else in the sentence before, when that name opens its sentence:
// the subject the text goes on about ("Acme said on Thursday ... Jane Roe,
// the company's chairman, said").
func openingReferent(d *docState, names []*mention, si, off int, want func(*entity) bool) *entity {
	for _, k := range []int{si, si - 1} {
		if k < 0 {
			continue
		}
		if m := openingMention(d, nameMentions(names), k, off); m != nil && want(m.Entity) {
			return m.Entity
		}
	}
	return nil
}

// quotedAside is recent's person for a pronoun at off, outside quotation
// marks, passing over the persons named inside a quotation ("\"I never
// met Jane Roe,\" he said": he is not Jane Roe).
func (d *docState) quotedAside(recent func(off, sent, window int, want func(*entity) bool) *entity, off, si int, want func(*entity) bool) *entity {
	para := d.Paras[d.Sents[si].Para].Start
	if inQuoteText(d.Doc.Text, para, off) {
		return recent(off, si, 2, want)
	}
	// the persons last named inside a quotation
	var quoted map[*entity]bool
	for _, m := range d.Mentions {
		if m.Start >= off || m.Sent < si-2 || m.Entity == nil || m.Kind != nameMention {
			continue
		}
		in := inQuoteText(d.Doc.Text, d.Paras[d.Sents[m.Sent].Para].Start, m.Start)
		if in && quoted == nil {
			quoted = map[*entity]bool{}
		}
		if in || quoted != nil {
			quoted[m.Entity] = in
		}
	}
	if quoted == nil {
		return recent(off, si, 2, want)
	}
	outside := func(e *entity) bool { return want(e) && !quoted[e] }
	if e := recent(off, si, 2, outside); e != nil {
		return e
	}
	return recent(off, si, 2, want)
}

// quoteParaSpeaker reads "he said" right after a quotation that opens its
// paragraph, when the paragraph before reports what someone said, or that
// opens a sentence after one that does in its paragraph: the
// speaker is the one who spoke there, the first person its last sentence
// names ("Chairman Jane Roe told the paper the board would comply with Dan
// Poe's request. / "We follow the law," she said."), not the last one. Nil
// when that sentence names one such person or none, or opens with a
// possessor.
func (d *docState) quoteParaSpeaker(names []*mention, off, si int, want func(*entity) bool) *entity {
	t := d.Doc.Text
	before := strings.TrimRight(t[d.Sents[si].Start:off], " \t")
	if !strings.HasSuffix(before, `"`) && !strings.HasSuffix(before, "”") {
		return nil
	}
	para := d.Paras[d.Sents[si].Para].Start
	prev := -1
	opens := func(j int) bool {
		sent := strings.TrimLeft(t[d.Sents[j].Start:], " \t")
		return strings.HasPrefix(sent, `"`) || strings.HasPrefix(sent, "“")
	}
	q := si // the sentence the quotation opens
	for q > 0 && !opens(q) && d.Sents[q-1].Para == d.Sents[si].Para && inQuoteText(t, para, d.Sents[q].Start) {
		q--
	}
	if opens(q) && q > 0 && d.Sents[q-1].Para == d.Sents[si].Para {
		// `Jane Roe said X. "...," she said.`: the quotation goes on
		// from the sentence before in its paragraph
		prev = q - 1
	} else if !strings.HasPrefix(t[para:], `"`) && !strings.HasPrefix(t[para:], "“") {
		return nil
	}
	for j := si; prev < 0 && j >= 0; j-- {
		if d.Sents[j].Start < para {
			prev = j
		}
	}
	if prev < 0 || si-prev > 3 || !d.reported(d.Sents[prev]) {
		return nil // "Judge X sentenced Y. / "I am sorry," she said.": Y speaks
	}
	var first *entity
	n := 0
	for _, m := range names {
		if m.Sent != prev || m.Kind != nameMention || m.Entity == nil || !want(m.Entity) {
			continue
		}
		if first == nil {
			if d.possessive(m) {
				return nil // "Jane Roe's lawyer told ...": the subject is someone else
			}
			first = m.Entity
		}
		if m.Entity != first {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return first
}

// personGenders gives the persons whose name follows an honorific or a
// title that says a gender ("Ms. Roe", "spokeswoman Jane Roe") that
// gender; a person given both has none.
func personGenders(d *docState, x *lexIndex) map[*entity]byte {
	out := map[*entity]byte{}
	mixed := map[*entity]bool{}
	for _, m := range d.Mentions {
		if m.Entity == nil || m.Entity.Type != kg.Person || m.Kind != nameMention {
			continue
		}
		toks := d.Sents[m.Sent].Tokens
		a, _ := tokRange(toks, m.Start, m.End)
		if a < 0 {
			continue
		}
		var g byte
		if a > 0 {
			g = x.honorGender[toks[a-1].Text]
		}
		if g == 0 {
			k := a
			if k > 0 && toks[k-1].Text == "," {
				k--
			}
			if n, ti := x.titleEndingAt(toks, k); n > 0 {
				g = ti.Gender
			}
		}
		switch {
		case g == 0:
		case out[m.Entity] == 0 && !mixed[m.Entity]:
			out[m.Entity] = g
		case out[m.Entity] != g:
			delete(out, m.Entity)
			mixed[m.Entity] = true
		}
	}
	// a given name the census gives to one sex only, where nothing in the
	// story said otherwise
	for _, e := range d.Entities {
		if e.Type != kg.Person || out[e] != 0 || mixed[e] {
			continue
		}
		if first, _, ok := strings.Cut(e.Name, " "); ok {
			if g := x.nameGender[first]; g != 0 {
				out[e] = g
			}
		}
	}
	return out
}

// agrees reports whether the personal pronoun w may refer to person e: "he"
// not to a person the story calls "Ms.", "she" not to one it calls "Mr.".
func (d *docState) agrees(e *entity, w string) bool {
	switch d.genders[e] {
	case 'f':
		return w != "he" && w != "him" && w != "his" && w != "himself"
	case 'm':
		return w != "she" && w != "her" && w != "hers" && w != "herself"
	}
	return true
}

// titledMention is a person the story introduced with a title, and where.
type titledMention struct {
	start  int
	e      *entity
	former bool // "former Governor Jane Roe", "then-Governor Jane Roe"
}

// titledPersons indexes the persons named right after a title ("Governor
// Jane Roe", "the senator, John Doe") by the title in lower case.
func titledPersons(d *docState, x *lexIndex) map[string][]titledMention {
	out := map[string][]titledMention{}
	for _, m := range d.Mentions {
		if m.Entity == nil || m.Entity.Type != kg.Person || m.Kind != nameMention {
			continue
		}
		toks := d.Sents[m.Sent].Tokens
		a, _ := tokRange(toks, m.Start, m.End)
		if a > 0 && toks[a-1].Text == "," {
			a--
		}
		if n, ti := x.titleEndingAt(toks, a); n > 0 && a-n >= 0 {
			k := strings.ToLower(ti.Phrase)
			former := a-n > 0 && x.former[strings.TrimSuffix(strings.ToLower(toks[a-n-1].Text), "-")]
			out[k] = append(out[k], titledMention{m.Start, m.Entity, former})
		}
	}
	return out
}

// unnamedAdjudicator reads "a federal judge", "an appeals court" at
// toks[i] (up to three modifiers, none of otherAdjudicator, before "judge"
// or "court", and a reporting verb right after): the one judge the story
// names with a judge's title, or the one court (of appeal, when the phrase
// says so) it names, however far from the phrase; and the number of tokens
// after toks[i] the phrase takes. Nil when the story names none or several.
func (d *docState) unnamedAdjudicator(x *lexIndex, names []*mention, titled map[string][]titledMention, toks []token, i int) (*entity, int) {
	k := i + 1
	appeal := false
	for ; k < len(toks) && k <= i+4; k++ {
		w := strings.ToLower(toks[k].Text)
		if w == "judge" || w == "court" {
			break
		}
		appeal = appeal || w == "appeals" || w == "appellate" || w == "appeal"
		if !isLowerWord(toks[k].Text) && !isAllCaps(toks[k].Text) && !appeal || x.other[w] { // role_words.txt class=other: "a retired judge"
			return nil, 0
		}
	}
	// only as the speaker of a report ("a federal judge said"): as the
	// subject of an act the phrase is read by the event rules
	if k+1 >= len(toks) || k == i+5 || !d.reporting(strings.ToLower(toks[k+1].Text)) {
		return nil, 0
	}
	var one *entity
	unique := func(e *entity) bool {
		if one != nil && one != e {
			return false
		}
		one = e
		return true
	}
	if strings.EqualFold(toks[k].Text, "judge") {
		for t, ms := range titled {
			if !strings.HasSuffix(t, "judge") && !strings.HasSuffix(t, "justice") {
				continue
			}
			for _, m := range ms {
				if !unique(m.e) {
					return nil, 0
				}
			}
		}
		return one, k - i
	}
	for _, m := range names {
		if m.Entity == nil || m.Entity.Kind != "court" || appeal && !appellateCourt(x, m.Entity) {
			continue
		}
		if !unique(m.Entity) {
			return nil, 0
		}
	}
	return one, k - i
}

// titledReferent reads "the TITLE" at toks[i] ("the governor", "the chief
// executive") not followed by a name: the person most recently introduced
// with that title before it, or, in a story's opening (lede), the one
// person it introduces so later; and the length of the title; nil when
// the story introduced no one so, or several people alternate.
func titledReferent(x *lexIndex, titled map[string][]titledMention, toks []token, i int, lede bool) (*entity, int) {
	n, ti := x.titleAt(toks, i+1, len(toks))
	if n == 0 {
		return nil, 0
	}
	// a name follows ("the governor Jane Roe", "the governor, Jane Roe,"):
	// the phrase introduces someone
	if k := i + 1 + n; k < len(toks) && (isCapToken(toks[k].Text) || toks[k].Text == "," && k+1 < len(toks) && isCapToken(toks[k+1].Text)) {
		return nil, 0
	}
	var best, later *entity
	holders := map[*entity]bool{}
	for _, tm := range titled[strings.ToLower(ti.Phrase)] {
		holders[tm.e] = true
		if tm.start < toks[i].Start {
			best = tm.e
		} else if later == nil && !tm.former {
			later = tm.e
		}
	}
	remit := i+1+n < len(toks) && toks[i+1+n].Text == "of"
	if best == nil && lede && remit && len(holders) == 1 && !(i > 0 && toks[i-1].Text == ",") && !namedAfterRemit(toks, i+1+n) {
		// "asked the court to let it question the director general of
		// X": a story's opening names an office of a body whose holder it
		// names later, when it names only one and not as a former holder
		// (not "Jane Roe, the director of X," nor "the director of X,
		// Jane Roe", nor a bare "the president said")
		best = later
	}
	if best == nil {
		return nil, 0
	}
	return best, n
}

// namedAfterRemit reports whether a name follows the office's remit that
// starts at toks[k] ("of the Lakeport Transit Commission, Jane Roe"): the
// phrase introduces its holder.
func namedAfterRemit(toks []token, k int) bool {
	if k >= len(toks) || toks[k].Text != "of" {
		return false
	}
	k++
	for k < len(toks) && (toks[k].Text == "the" || toks[k].Text == "of" || isCapToken(toks[k].Text)) {
		k++
	}
	return k+1 < len(toks) && toks[k].Text == "," && isCapToken(toks[k+1].Text)
}

// groupReferent is what the group noun at toks[i] of sentence si stands
// for ("Prosecutors say"): the body of that kind (its name holding one of
// words) the story talks most about before, or else names first after,
// or else the one person it titles as one of them.
func groupReferent(x *lexIndex, names []*mention, titled map[string][]titledMention, group string, words []string, toks []token, i, si, nsents int) *entity {
	want := bodyNamed(words)
	if i > 0 && isCapToken(toks[i-1].Text) && x.isPlace(kg.Key(toks[i-1].Text)) {
		// "U.S. prosecutors": a body of that place, not "Swiss
		// prosecutors" for the U.S. Attorney's Office
		want = nameHas(want, strings.ToLower(toks[i-1].Text))
	}
	at := toks[i].Start
	if e := salient(names, at, si, nsents, want); e != nil {
		return e
	}
	if k := slices.IndexFunc(names, func(m *mention) bool { return m.Start > at && want(m.Entity) }); k >= 0 {
		return names[k].Entity
	}
	// no such body named: "Assistant District Attorney Jane Roe" for
	// "Prosecutors say"
	return titledMember(titled, x.groupTitles[group])
}

// titledMember is the one person titled (titled, by lower-case title)
// with a title that holds one of a group's member titles as whole words
// (nominals.txt titles=: "district attorney" in "Assistant District
// Attorney", not "defense attorney"); nil for none or several.
func titledMember(titled map[string][]titledMention, titles []string) *entity {
	var one *entity
	for title, tms := range titled {
		padded := " " + title + " "
		if !slices.ContainsFunc(titles, func(t string) bool { return strings.Contains(padded, " "+t+" ") }) {
			continue
		}
		for _, tm := range tms {
			if one != nil && one != tm.e {
				return nil
			}
			one = tm.e
		}
	}
	return one
}

// pieceEndingAt: the piece of sentence si whose token range ends at b.
func pieceEndingAt(ps []*piece, si, b int) *piece {
	for _, q := range ps {
		if q.sent == si && q.b == b {
			return q
		}
	}
	return nil
}

// dateline: an all-capital place and a wire code opening a story, "ST.
// LOUIS (CN) —": neither is an organization of the story.
func dateline(d *docState, q *piece) bool {
	toks := d.Sents[q.sent].Tokens
	e := q.b + 3 // "(", code, ")"
	if !isAllCaps(toks[q.a].Text) || e >= len(toks) {
		return false
	}
	switch toks[e].Text {
	case "—", "–", "-", "--":
		return true
	}
	return false
}

// gerundNext: verbs after a sentence-opening gerund subject.
var gerundNext = map[string]bool{"was": true, "is": true, "would": true, "will": true, "has": true, "had": true, "could": true, "can": true, "may": true, "might": true, "should": true, "remains": true, "seems": true, "became": true}
