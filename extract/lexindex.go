package extract

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/factgraph/factgraph/extract/morph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// lexIndex is the lexicon prepared for lookups by the name stages. It is
// built once per *lexicon.Lexicon and shared read-only.
type lexIndex struct {
	titles     map[string]titleInfo // lower-case phrase -> info
	titleFirst map[string]bool      // lower-case first words of titles
	maxTitle   int                  // longest title in words
	// titlePlurals: a title's last word in the plural -> in the singular
	// ("secretaries" -> "secretary"), for a title two names share
	titlePlurals     map[string]string
	honorifics       map[string]bool
	honorGender      map[string]byte // honorific -> 'f' or 'm' (gender=)
	surePostNominals map[string]bool // letters after nothing but a person's name (sure=1)
	nameGender       map[string]byte // given name -> 'f' or 'm' (gender=)
	// postNominals are letters after a person's name ("KC"): no part of it
	postNominals map[string]bool
	firstNames   map[string]bool
	// honorifics that open a name as part of it (honorifics.txt given=1)
	givenHonorifics map[string]bool
	places          map[string]bool // kg.Key
	placeSuffix     map[string]bool // kg.Key of words that end place names ("county")
	calendar        map[string]bool // kg.Key
	heads           map[string]headInfo
	agencies        map[string]agencyInfo // kg.Key -> info
	// agencyWords holds the agencies of several words by their first word
	// as written: each a list of its words ("Committee", "to", "Protect",
	// "Journalists"), for names that the rules of a capitalized run do not
	// cover
	agencyWords         map[string][][]string
	honorificQualifiers map[string]bool   // "the Very Rev": honorifics.txt qualifier=1
	cueBefore           map[string]string // lower-case phrase -> kind ("" if none)
	compounds           map[string]bool   // "based", "listed": org_cues.txt side=compound
	fightWords          map[string]bool   // "Fight" in "Fight against Corruption": org_cues.txt side=against
	qualifiers          map[string]bool   // participles that qualify a body word ("a firm based in")
	cueAfter            map[string]string
	cuePart             map[string]bool // after-cues that end the name ("X union")
	personAfter         map[string]bool
	nameArticles        map[string]bool     // articles joined to family names: "al-Khatib" (person_cues.txt article=1)
	patronyms           map[string]bool     // capitalized "son of" words inside names: "Ould" (person_cues.txt patronym=1)
	nick                map[string][]string // lower-case short form -> lower-case formal names
	nominals            map[string]string   // "company" -> organization kind it refers to
	// groups: plural nouns for the people of a kind of body, with the
	// words that body's name holds ("prosecutors" -> prosecut, attorney)
	groups       map[string][]string
	groupTitles  map[string][]string // group noun -> the titles of its members (nominals.txt titles=)
	titleMods    map[string]bool     // "interim", "deputy": words that qualify a title before it
	looseMods    map[string]bool     // "group", "independent": title_modifiers.txt loose=1
	temporary    map[string]bool     // "interim", "acting": title_modifiers.txt temporary=1
	rankMods     map[string]bool     // "Chief", "Senior": title_modifiers.txt rank=1, capitalized
	titleOnly    []titleOnly         // title_scopes.txt only=: offices only a university or a company has
	titleScopes  map[string]string   // title word -> company, member or none (title_scopes.txt)
	appellate    []string            // heads of appeals courts' names (org_heads.txt appellate=1)
	storyTitles  map[string]bool     // title words of offices at the story's organization (title_scopes.txt story=1)
	rankTitles   map[string]bool     // lower-case military ranks (titles.txt rank=1)
	national     map[string]bool     // kg.Key of places that are the nation (places.txt national=1)
	programCues  map[string]bool     // lower-case words before a program's name (program_cues.txt)
	programWords map[string]bool     // the nouns among them, which may also follow it (noun=1)
	lawHeads     map[string]bool     // words that end a law's name ("Act"; program_cues.txt after=1)
	roleWords                        // role_words.txt by class
	ev           eventWords          // event_words.txt by class
}

// eventWords is event_words.txt: lower-case words by the class they serve
// in reading events and claims.
type eventWords struct {
	proxy      map[string]bool   // "an Amazon spokesperson said"
	reaction   map[string]bool   // "a settlement approved by the judge"
	participle map[string]bool   // "the lawsuit was led by X"
	holder     map[string]bool   // "every contract held by X"
	directing  map[string]bool   // "directed the office to review"
	demanding  map[string]bool   // "urged the board to resign": no resignation
	counsel    map[string]bool   // "the farmers' lawyers argued"
	spokes     map[string]bool   // "X's office said"
	allegation map[string]bool   // "called the allegations baseless"
	filers     map[string]bool   // class=filer: "protester", "plaintiff"
	filer      map[string]string // a filer -> its filing's type (filing=): "protester" -> protest
	speaksFor  map[string]bool   // "a spokesperson for X", "a report by X"
	request    map[string]bool   // "denied the request"
	asking     map[string]bool   // "asked the court to overturn": no ruling yet
	decided    map[string]bool   // "appealed the council's fine": the council is challenged
	decision   map[string]bool   // "the board's decision to dismiss her": the board dismisses
	habitual   map[string]bool   // "lawsuits rarely succeed": such events in general
	noPart     map[string]bool   // "had no part in choosing the supplier": no event
	boundary   map[string]bool   // "..., saying": a participle that ends an object
	permission map[string]bool   // "asked the judge for leave to cross-examine": the asker asks
	grants     map[string]bool   // "granted X leave to cross-examine": X asked
	testimony  map[string]bool   // "compelled X to give evidence": then=@testimony
	testified  []string          // testimony's phrases, in order
	behest     map[string]bool   // "summoned at the request of X": X asked
	intention  map[string]bool   // "plans to sue": no lawsuit yet
	frequency  map[string]bool   // "are usually awarded": a practice
	failing    map[string]bool   // "failed to examine": not done
	ruling     map[string]bool   // "She ordered ..." after a judge: the judge goes on
	deciding   map[string]bool   // "the judge refused to summon X": a party asked for it

	// speaksForRe matches a text ending in a speaks-for noun and its
	// preposition ("a spokesperson for the "); nil with no such noun.
	speaksForRe *regexp.Regexp
}

// classes maps each class name of event_words.txt to its set.
func (w *eventWords) classes() map[string]*map[string]bool {
	return map[string]*map[string]bool{
		"proxy": &w.proxy, "reaction": &w.reaction, "participle": &w.participle,
		"holder": &w.holder, "directing": &w.directing, "demanding": &w.demanding, "counsel": &w.counsel,
		"spokes": &w.spokes, "allegation": &w.allegation, "speaks_for": &w.speaksFor,
		"request": &w.request, "filer": &w.filers, "asking": &w.asking, "decided": &w.decided,
		"decision": &w.decision, "habitual": &w.habitual, "no_part": &w.noPart, "boundary": &w.boundary,
		"permission": &w.permission, "grants": &w.grants, "testimony": &w.testimony,
		"behest": &w.behest, "intention": &w.intention, "frequency": &w.frequency, "failing": &w.failing,
		"ruling": &w.ruling, "deciding": &w.deciding,
	}
}

// read reads event_words.txt into its classes.
func (w *eventWords) read(l *lexicon.Lexicon) {
	readClasses(l, "event_words", w.classes())
	w.testified = slices.Sorted(maps.Keys(w.testimony))
	if len(w.speaksFor) > 0 {
		nouns := make([]string, 0, len(w.speaksFor))
		for n := range w.speaksFor {
			nouns = append(nouns, regexp.QuoteMeta(n))
		}
		sort.Strings(nouns)
		w.speaksForRe = regexp.MustCompile(`(?i)\b(?:` + strings.Join(nouns, "|") + `)\s+(?:for|from|of|by)\s+(?:(?:the|a|an)\s+)?$`)
	}
	w.filer = map[string]string{}
	for _, e := range l.Entries("event_words") {
		if t, low := e.Attr("filing"), strings.ToLower(e.Phrase); t != "" && w.filers[low] {
			w.filer[low] = t
		}
	}
}

// readClasses reads a file of "word | class=NAME[,NAME]" lines into one
// lower-case set per class.
func readClasses(l *lexicon.Lexicon, file string, classes map[string]*map[string]bool) {
	for _, m := range classes {
		*m = map[string]bool{}
	}
	for _, e := range l.Entries(file) {
		for _, c := range strings.Split(e.Attr("class"), ",") {
			if m, ok := classes[strings.TrimSpace(c)]; ok {
				(*m)[strings.ToLower(e.Phrase)] = true
			}
		}
	}
}

// roleWords is role_words.txt: lower-case words by the class they serve in
// reading roles.
type roleWords struct {
	former     map[string]bool // "former", "ex-", "then-"
	subsidiary map[string]bool // "unit", "arm", "subsidiary"
	depart     map[string]bool // "has resigned", "was ousted"
	departAs   map[string]bool // "resigned as"
	appoint    map[string]bool // "named CFO Jane Roe"
	remove     map[string]bool // "ousted CEO Jane Roe"
	serve      map[string]bool // "served as"
	join       map[string]bool // "joined Acme as"
	found      map[string]bool // "co-founded the company"
	teach      map[string]bool // "who teaches law at"
	become     map[string]bool // "became"
	past       map[string]bool // "previously"
	namedTo    map[string]bool // "was named CEO"
	own        map[string]bool // "who owns Acme"
	parent     map[string]bool // "owner", "owns": a sentence of parent and subsidiary
	succeeded  map[string]bool // "was succeeded by"
	represent  map[string]bool // "who represents Initech": a lawyer
	other      map[string]bool // "a retired judge": not the story's judge
	prefix     map[string]bool // "then-President", "ex-CEO": glued to a title
	attends    map[string]bool // "an aide to the governor": someone who serves or is kin to an office's holder
}

// read reads role_words.txt into its classes.
func (w *roleWords) read(l *lexicon.Lexicon) {
	readClasses(l, "role_words", w.classes())
}

// classes maps each class name of role_words.txt to its set.
func (w *roleWords) classes() map[string]*map[string]bool {
	return map[string]*map[string]bool{
		"former": &w.former, "subsidiary": &w.subsidiary, "depart": &w.depart, "depart_as": &w.departAs,
		"appoint": &w.appoint, "remove": &w.remove, "serve": &w.serve, "join": &w.join,
		"found": &w.found, "teach": &w.teach, "become": &w.become, "past": &w.past,
		"named_to": &w.namedTo, "own": &w.own, "parent": &w.parent, "succeeded": &w.succeeded,
		"represent": &w.represent, "other": &w.other, "prefix": &w.prefix, "attends": &w.attends,
	}
}

// titleOnly is text that makes a title an office only one kind of
// organization has (title_scopes.txt only=).
type titleOnly struct {
	text  string // lower case
	kind  string // university or company
	start bool   // the title starts with text and a space
}

// onlyOf reports whether title t is an office only an organization of kind
// has ("chemistry professor": university; "co-founder": company).
func (x *lexIndex) onlyOf(t, kind string) bool {
	low := strings.ToLower(t)
	for _, o := range x.titleOnly {
		if o.kind != kind {
			continue
		}
		if o.start && strings.HasPrefix(low, o.text+" ") || !o.start && strings.Contains(low, o.text) {
			return true
		}
	}
	return false
}

type titleInfo struct {
	Phrase string // as written in the lexicon
	Org    string // implied organization, "none" or ""
	// OrgNamed: Org only when the text names it (org_named=1: an attorney
	// general is a state's or another country's unless the story names
	// the Department of Justice)
	OrgNamed bool
	Head     string // the head word of the body the office is in ("Commission")
	// Portfolio: the words before the title name the office's remit, not
	// a body (portfolio=1: "Defence Industry Minister", "Immigration Judge")
	Portfolio bool
	Observer  bool // an outside commentator's title (observer=1: "Professor", "Analyst")
	// Institution: "the" office is also a body that acts (institution=1:
	// "the Parliamentary Ombudsman has opened an inquiry", "the
	// Comptroller General said it had opened an audit")
	Institution bool
	// Body: the name of the office as a body of its owner (body=: "Office
	// of Inspector General"): "the Pentagon's inspector general said",
	// with no holder named, is the Department of Defense Office of
	// Inspector General
	Body   string
	Gender byte // 'f' or 'm' when the title says the holder's (gender=: "Spokeswoman"), else 0
	// Judge: the holder sits as a judge though no word of the title names
	// a court (judge=1: "Judicial Commissioner")
	Judge bool
	// Named: an office only right before its holder's name (named=1:
	// "deputy Jane Roe"; "his deputy, Jane Roe" is no office)
	Named bool
	// Remit: a public office whose capitalized remit may follow "of"
	// (remit=1: "the Director of Marine")
	Remit bool
	// Seat: a seat on a body (seat=1: "Member"), a role only at a body
	Seat bool
}

type headInfo struct {
	Kind                   string
	Legal, Lead, Appellate bool
	Advisers               bool // a partnership of lawyers or accountants (advisers=1)
	Prefix                 bool // opens a name with no "of" after it (prefix=1): "PT Acme", "Kementerian Kesehatan"
	Surname                bool // also a family name (surname=1): "Jane Chambers" is a person, "St James Chambers" a body
	Unit                   bool // a unit of the body its "of" names (unit=1): "Criminal Division of the High Court" is a court
}

type agencyInfo struct {
	Canonical, Kind string
}

// buildIndex prepares the lexicon for lookups by the name stages: titles
// (with their plurals, by in, the lexicon's inflector), places,
// organizations, people, and the role and event words.
func buildIndex(l *lexicon.Lexicon, in *morph.Inflector) *lexIndex {
	x := &lexIndex{
		titles: map[string]titleInfo{}, honorifics: map[string]bool{}, postNominals: map[string]bool{}, firstNames: map[string]bool{},
		places: map[string]bool{}, calendar: map[string]bool{}, heads: map[string]headInfo{},
		agencies: map[string]agencyInfo{}, cueBefore: map[string]string{}, cueAfter: map[string]string{},
		personAfter: map[string]bool{}, nick: map[string][]string{}, nominals: map[string]string{},
		groupTitles: map[string][]string{},
	}
	x.readTitles(l, in)
	x.readPlaces(l)
	x.readOrgs(l)
	x.readPeople(l)
	x.roleWords.read(l)
	x.ev.read(l)
	x.programCues = map[string]bool{}
	x.programWords = map[string]bool{}
	x.lawHeads = map[string]bool{}
	for _, e := range l.Entries("program_cues") {
		if e.Attr("after") != "" {
			x.lawHeads[e.Phrase] = true
			continue
		}
		x.programCues[strings.ToLower(e.Phrase)] = true
		if e.Attr("noun") != "" {
			x.programWords[strings.ToLower(e.Phrase)] = true
		}
	}
	return x
}

// readTitles reads titles.txt, title_scopes.txt and title_modifiers.txt,
// and the plurals of the titles' last words (by in).
func (x *lexIndex) readTitles(l *lexicon.Lexicon, in *morph.Inflector) {
	x.titleScopes = map[string]string{}
	x.storyTitles = map[string]bool{}
	for _, e := range l.Entries("title_scopes") {
		x.titleScopes[strings.ToLower(e.Phrase)] = e.Attr("scope")
		if e.Attr("story") != "" {
			x.storyTitles[strings.ToLower(e.Phrase)] = true
		}
		if k := e.Attr("only"); k != "" {
			x.titleOnly = append(x.titleOnly, titleOnly{text: strings.ToLower(e.Phrase), kind: k, start: e.Attr("start") != ""})
		}
	}
	x.titleMods = map[string]bool{}
	x.temporary = map[string]bool{}
	x.rankMods = map[string]bool{}
	x.looseMods = map[string]bool{}
	for _, e := range l.Entries("title_modifiers") {
		x.titleMods[strings.ToLower(e.Phrase)] = true
		x.looseMods[strings.ToLower(e.Phrase)] = e.Attr("loose") != ""
		if e.Attr("temporary") != "" {
			x.temporary[strings.ToLower(e.Phrase)] = true
		}
		if low := strings.ToLower(e.Phrase); e.Attr("rank") != "" {
			r, n := utf8.DecodeRuneInString(low)
			x.rankMods[string(unicode.ToUpper(r))+low[n:]] = true
		}
	}
	x.rankTitles = map[string]bool{}
	honorific := map[string]bool{}
	for _, e := range l.Entries("honorifics") {
		honorific[strings.ToLower(e.Phrase)] = true
	}
	for i, e := range append(l.Entries("titles"), l.Entries("occupations")...) {
		k := strings.ToLower(e.Phrase)
		if _, ok := x.titles[k]; (ok || x.titleMods[k] || honorific[k]) && i >= len(l.Entries("titles")) {
			continue // titles.txt says more about it; a modifier ("deputy") is no title alone, an honorific ("Prof") none at all
		}
		x.titles[k] = titleInfo{Phrase: e.Phrase, Org: e.Attr("org"), OrgNamed: e.Attr("org_named") == "1", Head: e.Attr("head"), Portfolio: e.Attr("portfolio") == "1", Observer: e.Attr("observer") == "1", Institution: e.Attr("institution") == "1", Body: e.Attr("body"), Gender: genderAttr(e), Judge: e.Attr("judge") == "1", Named: e.Attr("named") == "1", Remit: e.Attr("remit") == "1", Seat: e.Attr("seat") == "1"}
		if e.Attr("rank") != "" {
			x.rankTitles[k] = true
		}
		if x.titleFirst == nil {
			x.titleFirst = map[string]bool{}
		}
		x.titleFirst[strings.Fields(k)[0]] = true
		if n := len(strings.Fields(k)); n > x.maxTitle {
			x.maxTitle = n
		}
	}
	// "vice-chair" is "Vice Chair": a title of two words is also written
	// with a hyphen, but not one that implies a national body: the
	// Commonwealth's "Attorney-General" is no Department of Justice
	for k, ti := range x.titles {
		if ws := strings.Fields(k); len(ws) == 2 && ti.Org == "" {
			if h := ws[0] + "-" + ws[1]; x.titles[h].Phrase == "" {
				x.titles[h] = ti
				x.titleFirst[h] = true
			}
		}
	}
	x.titlePlurals = map[string]string{}
	for k := range x.titles {
		ws := strings.Fields(k)
		last := ws[len(ws)-1]
		for _, f := range in.Noun(last) {
			if f != last && x.titles[f].Phrase == "" {
				x.titlePlurals[f] = last
			}
		}
	}
}

// pluralTitleEndingAt is titleEndingAt for a title whose last word is
// plural ("former Defense Secretaries", "co-founders"): its length and the
// singular title's info.
func (x *lexIndex) pluralTitleEndingAt(toks []token, i int) (int, titleInfo) {
	if i == 0 {
		return 0, titleInfo{}
	}
	one, ok := x.titlePlurals[strings.ToLower(toks[i-1].Text)]
	if !ok {
		return 0, titleInfo{}
	}
	sing := slices.Clone(toks[:i])
	sing[i-1].Text = one
	return x.titleEndingAt(sing, i)
}

// readPlaces reads places.txt (places, place suffixes, the nation's names)
// and calendar.txt.
func (x *lexIndex) readPlaces(l *lexicon.Lexicon) {
	x.national = map[string]bool{}
	for _, e := range l.Entries("places") {
		if e.Attr("national") != "" {
			x.national[kg.Key(e.Phrase)] = true
		}
		if e.Attr("suffix") != "" {
			if x.placeSuffix == nil {
				x.placeSuffix = map[string]bool{}
			}
			x.placeSuffix[kg.Key(e.Phrase)] = true
			continue
		}
		x.places[kg.Key(e.Phrase)] = true
	}
	for _, e := range l.Entries("calendar") {
		if e.Attr("season") == "" { // "Winter" may well be a name
			x.calendar[kg.Key(e.Phrase)] = true
		}
	}
}

// readOrgs reads org_heads.txt, agencies.txt, org_cues.txt and
// nominals.txt.
func (x *lexIndex) readOrgs(l *lexicon.Lexicon) {
	for _, e := range l.Entries("nominals") {
		if names := e.Attr("names"); names != "" {
			if x.groups == nil {
				x.groups = map[string][]string{}
			}
			for _, n := range strings.Split(names, ",") {
				x.groups[strings.ToLower(e.Phrase)] = append(x.groups[strings.ToLower(e.Phrase)], strings.ToLower(strings.TrimSpace(n)))
			}
			for _, t := range strings.Split(e.Attr("titles"), ",") {
				if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
					x.groupTitles[strings.ToLower(e.Phrase)] = append(x.groupTitles[strings.ToLower(e.Phrase)], t)
				}
			}
			continue
		}
		x.nominals[strings.ToLower(e.Phrase)] = e.Attr("kind")
	}
	for _, e := range l.Entries("org_heads") {
		x.heads[e.Phrase] = headInfo{Kind: e.Attr("kind"), Legal: e.Attr("legal") == "1", Lead: e.Attr("lead") == "1", Appellate: e.Attr("appellate") == "1", Advisers: e.Attr("advisers") == "1", Prefix: e.Attr("prefix") == "1", Surname: e.Attr("surname") == "1", Unit: e.Attr("unit") == "1"}
		if e.Attr("appellate") == "1" {
			x.appellate = append(x.appellate, e.Phrase)
		}
	}
	for _, e := range l.Entries("agencies") {
		c := e.Attr("canonical")
		if c == "" {
			c = e.Phrase
		}
		x.agencies[kg.Key(e.Phrase)] = agencyInfo{Canonical: c, Kind: e.Attr("kind")}
		if ws := strings.Fields(e.Phrase); len(ws) > 1 {
			if x.agencyWords == nil {
				x.agencyWords = map[string][][]string{}
			}
			x.agencyWords[ws[0]] = append(x.agencyWords[ws[0]], ws)
		}
	}
	for _, e := range l.Entries("org_cues") {
		k := strings.ToLower(e.Phrase)
		if e.Attr("side") == "compound" || e.Attr("compound") != "" {
			if x.compounds == nil {
				x.compounds = map[string]bool{}
			}
			x.compounds[k] = true
			if e.Attr("side") == "compound" {
				continue
			}
		}
		if e.Attr("side") == "against" {
			if x.fightWords == nil {
				x.fightWords = map[string]bool{}
			}
			x.fightWords[e.Phrase] = true
			continue
		}
		if e.Attr("side") == "qualifier" {
			if x.qualifiers == nil {
				x.qualifiers = map[string]bool{}
			}
			x.qualifiers[k] = true
			continue
		}
		if e.Attr("side") == "after" {
			x.cueAfter[k] = e.Attr("kind")
			if e.Attr("part") != "" {
				if x.cuePart == nil {
					x.cuePart = map[string]bool{}
				}
				x.cuePart[k] = true
			}
		} else {
			x.cueBefore[k] = e.Attr("kind")
		}
	}
}

// readPeople reads honorifics.txt, first_names.txt, person_cues.txt and
// nicknames.txt (whose short and formal names are first names too).
func (x *lexIndex) readPeople(l *lexicon.Lexicon) {
	for _, e := range l.Entries("honorifics") {
		if e.Attr("qualifier") != "" {
			if x.honorificQualifiers == nil {
				x.honorificQualifiers = map[string]bool{}
			}
			x.honorificQualifiers[e.Phrase] = true
			continue
		}
		if e.Attr("post") == "1" {
			x.postNominals[e.Phrase] = true
			if e.Attr("sure") == "1" {
				if x.surePostNominals == nil {
					x.surePostNominals = map[string]bool{}
				}
				x.surePostNominals[e.Phrase] = true
			}
			continue
		}
		x.honorifics[e.Phrase] = true
		if e.Attr("given") == "1" {
			if x.givenHonorifics == nil {
				x.givenHonorifics = map[string]bool{}
			}
			x.givenHonorifics[e.Phrase] = true // "Ma. Lourdes Reyes": part of the name
		}
		if g := genderAttr(e); g != 0 {
			if x.honorGender == nil {
				x.honorGender = map[string]byte{}
			}
			x.honorGender[e.Phrase] = g
		}
	}
	for _, e := range l.Entries("first_names") {
		x.firstNames[e.Phrase] = true
		if g := genderAttr(e); g != 0 {
			if x.nameGender == nil {
				x.nameGender = map[string]byte{}
			}
			x.nameGender[e.Phrase] = g
		}
	}
	for _, e := range l.Entries("person_cues") {
		if e.Attr("patronym") == "1" {
			if x.patronyms == nil {
				x.patronyms = map[string]bool{}
			}
			x.patronyms[e.Phrase] = true
			continue
		}
		if e.Attr("article") == "1" {
			if x.nameArticles == nil {
				x.nameArticles = map[string]bool{}
			}
			x.nameArticles[strings.ToLower(e.Phrase)] = true
			continue
		}
		x.personAfter[strings.ToLower(e.Phrase)] = true
	}
	for _, e := range l.Entries("nicknames") {
		for _, f := range strings.Split(e.Attr("formal"), ",") {
			if f = strings.TrimSpace(f); f != "" {
				x.nick[strings.ToLower(e.Phrase)] = append(x.nick[strings.ToLower(e.Phrase)], strings.ToLower(f))
				x.firstNames[f] = true
			}
		}
		x.firstNames[e.Phrase] = true
	}
}

// genderAttr is an entry's gender= attribute: 'f', 'm' or 0.
func genderAttr(e lexicon.Entry) byte {
	switch e.Attr("gender") {
	case "f":
		return 'f'
	case "m":
		return 'm'
	}
	return 0
}

// isFirstName reports whether w is a given name of the lexicon, written as
// there or with accents the list leaves out ("Renée", "Hélène", "Gráinne"),
// or two of them joined by a hyphen ("Anne-Marie").
func (x *lexIndex) isFirstName(w string) bool {
	if x.firstNames[w] {
		return true
	}
	if f := foldAccents(w); f != w && x.firstNames[f] {
		return true
	}
	// a compound given name: "Jean-Marc", "Jan-Hendrik"
	first, second, ok := strings.Cut(w, "-")
	return ok && first != "" && second != "" && !strings.Contains(second, "-") && x.isFirstName(first) && x.isFirstName(second)
}

// foldAccents removes combining marks: "Hélène" is "Helene".
func foldAccents(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
			if out, _, err := transform.String(t, s); err == nil {
				return out
			}
			return s
		}
	}
	return s
}

// isPlace reports whether a name (kg.Key) is a place of the gazetteer or
// ends in a place word of more than itself ("tamarack county").
func (x *lexIndex) isPlace(key string) bool {
	if x.places[key] {
		return true
	}
	i := strings.LastIndexByte(key, ' ')
	return i > 0 && x.placeSuffix[key[i+1:]]
}

// sameFirstName reports whether two given names can name the same person:
// equal, or one a nickname of the other, or both nicknames of one formal name.
func (x *lexIndex) sameFirstName(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return true
	}
	fa, fb := append([]string{a}, x.nick[a]...), append([]string{b}, x.nick[b]...)
	for _, p := range fa {
		for _, q := range fb {
			if p == q {
				return true
			}
		}
	}
	return false
}

// formal returns the formal given name for a nickname with one formal form.
func (x *lexIndex) formal(first string) (string, bool) {
	f := x.nick[strings.ToLower(first)]
	if len(f) != 1 {
		return "", false
	}
	return strings.ToUpper(f[0][:1]) + f[0][1:], true
}

// titleAt returns the number of tokens of the longest title starting at
// toks[i], or 0.
func (x *lexIndex) titleAt(toks []token, i, limit int) (int, titleInfo) {
	if i >= limit || !x.titleFirst[strings.ToLower(toks[i].Text)] {
		return 0, titleInfo{}
	}
	for n := min(x.maxTitle, limit-i); n > 0; n-- {
		var b strings.Builder
		for j := i; j < i+n; j++ {
			if j > i {
				b.WriteByte(' ')
			}
			b.WriteString(strings.ToLower(toks[j].Text))
		}
		if ti, ok := x.titles[b.String()]; ok {
			if ti.Named && (i+n >= len(toks) || !isCapToken(toks[i+n].Text)) {
				continue
			}
			if n == 1 && x.titleMods[b.String()] && i+1 < limit && x.titleFirst[strings.ToLower(toks[i+1].Text)] {
				if k, _ := x.titleAt(toks, i+1, limit); k > 0 {
					return 0, titleInfo{} // "deputy chief information officer": the rank word qualifies the title after it
				}
			}
			return n, ti
		}
	}
	return 0, titleInfo{}
}

// titleEndingAt returns the number of tokens of the longest title ending just
// before toks[i] (that is, covering toks[i-n:i]), or 0.
func (x *lexIndex) titleEndingAt(toks []token, i int) (int, titleInfo) {
	for n := min(x.maxTitle, i); n > 0; n-- {
		if k, ti := x.titleAt(toks, i-n, i); k == n {
			return n, ti
		}
	}
	return 0, titleInfo{}
}

// agencyRun returns the end of the longest well-known organization's name
// of several words (agencies.txt) that starts at toks[a], or a.
func (x *lexIndex) agencyRun(toks []token, a int) int {
	end := a
	for _, ws := range x.agencyWords[toks[a].Text] {
		if a+len(ws) > len(toks) || a+len(ws) <= end {
			continue
		}
		k := 1
		for k < len(ws) && strings.EqualFold(toks[a+k].Text, ws[k]) {
			k++
		}
		if k == len(ws) {
			end = a + len(ws)
		}
	}
	return end
}
