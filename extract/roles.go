package extract

import (
	"slices"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// Roles are read from the tokens around person mentions:
//
//	[ORG | ORG's | its] [former] TITLE PERSON     "AWS CEO Jane Doe", "former Defense Secretary John Roe"
//	[ORG's | its | PERSON's] [adj] TITLE, PERSON  "the agency's chief information officer, Jane Doe"
//	PERSON, [ORG's] [adj] TITLE [of ...] [at|of ORG]  "Jane Doe, Acme's vice president of sales"
//
// A title with no stated organization takes the one the title lexicon implies
// ("Defense Secretary" -> Department of Defense), or none. Relations between
// entities: subsidiary_of ("its cloud subsidiary, X", "X, the company's cloud
// arm", "X, a unit of Y") and owns ("X, who owns Y", "Y, owned by X").

// roleBuilder collects a document's roles and relations, each once with all
// the sentences that state it.
type roleBuilder struct {
	d     *docState
	x     *lexIndex
	roles map[string]int // role ID -> index in d.Roles
	rels  map[string]int // relation ID -> index in d.Relations
}

// roleSent is one sentence being read for roles: its tokens, its mentions
// and, of those, its name mentions.
type roleSent struct {
	si    int
	toks  []token
	ms    []*mention
	names []*mention
}

// findRoles reads the document's roles and relations: first from the tokens
// around each name mention (titles before and after a person, appositives,
// relations between organizations), then from verbs, role patterns and
// successions, and last it drops roles a more specific one supersedes.
func findRoles(d *docState) {
	rb := &roleBuilder{d: d, x: d.index(), roles: map[string]int{}, rels: map[string]int{}}
	for si := range d.Sents {
		rb.sentenceRoles(si)
	}
	for si := range d.Sents {
		rb.verbRoles(si)
	}
	patternRoles(d, rb.x, rb.addRole)
	successors(d, rb.addRole)
	introducedNext(d, rb.x, rb.addRole)
	modelRoles(rb)
	for _, r := range d.Relations {
		ownerRole(d, r, rb.addRole)
	}
	rb.orgsFromTitleHeads()
	judgesOnCourts(d)
	dropBareTitles(d)
	dropSupersededCurrent(d)
}

// orgsFromTitleHeads gives a role the organization its title's modifier
// names by its head word: "Council President Jane Roe" is president of the
// story's council ("Port Carrick City Council"), "Commission Chairwoman" of
// its commission, whatever organization the context suggested. A title
// that belongs to a kind of body (head= in titles.txt: a commissioner sits
// on a commission) takes the story's only body of that kind when no
// organization is stated, and the body whose name is the modifier and the
// head ("Health Care Complaints Commissioner": the Health Care Complaints
// Commission). Only when one organization of the document has that head.
func (rb *roleBuilder) orgsFromTitleHeads() {
	d, x := rb.d, rb.x
	for i := range d.Roles {
		r := &d.Roles[i]
		person := d.entityByID(r.Person)
		if person == nil || len(r.Sources) == 0 {
			continue
		}
		var org *entity
		ti := x.titles[strings.ToLower(r.Title)]
		if head, ok := rb.modifierHead(r, person); ok {
			org = onlyOrgWithHead(d, head, false)
		} else if cur := d.entityByID(r.Organization); ti.Head != "" && cur != nil {
			org = d.orgNamed(cur.Name + " " + ti.Head)
		} else if ti.Head != "" && r.Organization == "" {
			org = onlyOrgWithHead(d, ti.Head, true)
		} else if head := titleOrgHead(x, r.Title); head != "" && !rb.orgInSource(r) {
			org = onlyOrgWithHead(d, head, false) // "board chairman Jane Roe": the story's board
		}
		if org == nil || org == person || org.ID == r.Organization {
			continue
		}
		id := kg.ID("rol", r.Person, r.Title, org.ID, r.Status)
		if _, known := rb.roles[id]; !known {
			delete(rb.roles, r.ID)
			rb.roles[id] = i
			r.Organization, r.ID = org.ID, id
		}
	}
}

// modifierHead is the organization head word written right before a
// role's title where the role's source names its person ("Council" in
// "Council President Jane Roe").
func (rb *roleBuilder) modifierHead(r *kg.Role, person *entity) (string, bool) {
	d, x := rb.d, rb.x
	src := r.Sources[0]
	for _, m := range person.Mentions {
		if m.Start < src.Start || m.End > src.End || m.Kind != nameMention {
			continue
		}
		before := strings.TrimRight(d.Doc.Text[src.Start:m.Start], " ")
		if !strings.HasSuffix(strings.ToLower(before), strings.ToLower(r.Title)) {
			continue
		}
		ws := strings.Fields(before[:len(before)-len(r.Title)])
		if len(ws) == 0 {
			return "", false
		}
		head := ws[len(ws)-1]
		_, ok := x.heads[head]
		return head, ok
	}
	return "", false
}

// titleOrgHead is the organization head word a title of two words or more
// opens with ("Board" of "Board Chairman"), or "".
func titleOrgHead(x *lexIndex, title string) string {
	ws := strings.Fields(title)
	if len(ws) < 2 {
		return ""
	}
	w := capitalized(strings.ToLower(ws[0]))
	if h, ok := x.heads[w]; ok && !h.Legal && h.Kind != "company" {
		return w
	}
	return ""
}

// orgInSource reports whether the role's organization is mentioned in the
// sentence that states it, by name, description or pronoun ("Its board
// chairman, Jane Roe": the company's board).
func (rb *roleBuilder) orgInSource(r *kg.Role) bool {
	org := rb.d.entityByID(r.Organization)
	if org == nil || len(r.Sources) == 0 {
		return false
	}
	for _, m := range org.Mentions {
		if m.Start >= r.Sources[0].Start && m.End <= r.Sources[0].End {
			return true
		}
	}
	return false
}

// orgNamed is the organization of the document with that name (ignoring
// case), or nil.
func (d *docState) orgNamed(name string) *entity {
	for _, e := range d.Entities {
		if e.Type == kg.Organization && strings.EqualFold(e.Name, name) {
			return e
		}
	}
	return nil
}

// onlyOrgWithHead is the one organization of the document whose name ends
// in head, or, with leads, opens with it and "of" within its next two
// words (an office's body by titles.txt head=: a superintendent's
// "Superintendency of Banks", a director general's "Directorate General
// of Customs"), or nil.
func onlyOrgWithHead(d *docState, head string, leads bool) *entity {
	var found *entity
	for _, e := range d.Entities {
		if e.Type != kg.Organization {
			continue
		}
		ws := strings.Fields(e.Name)
		if len(ws) < 2 || ws[len(ws)-1] != head && !(leads && ws[0] == head && slices.Contains(ws[1:min(3, len(ws))], "of")) {
			continue
		}
		if found != nil {
			return nil
		}
		found = e
	}
	return found
}

// addRole records a role of person stated in sentence si, or adds the
// sentence to the sources of the same role. An executive title with no
// organization takes the company the story is about; a role whose
// organization is the person is dropped.
func (rb *roleBuilder) addRole(si int, person *entity, title string, org *entity, orgNone bool, status string) {
	d, x := rb.d, rb.x
	oid := ""
	if org == nil && !orgNone && executiveTitle(x, title) && !otherOwner(x, d.Sents[si].Tokens) {
		// "Jane Roe, the chief financial officer, will serve as
		// interim chief executive": an executive with no stated
		// organization is the company the story is about.
		if at := companyOwner(x, d.Sents[si].Tokens, title); at >= 0 {
			// "said Jane Roe, the company's head of operations": the
			// company just named, in this sentence too
			org = recentOrgKind(d, at, person, "company")
		}
		if org == nil {
			if org = salientOrg(d, person); org == nil || org.Kind != "company" {
				org = recentOrgKind(d, d.Sents[si].Start, person, "company")
			}
		}
	}
	if org == nil && !orgNone && storyTitle(x, title) && !otherOwner(x, d.Sents[si].Tokens) {
		// "In a statement, spokeswoman Jane Roe said": a member office
		// with no stated organization is at the one the story is about
		org = salientOrg(d, person)
	}
	if org != nil && !orgNone {
		if org == person {
			return
		}
		oid = org.ID
	}
	id := kg.ID("rol", person.ID, title, oid, status)
	src := d.source(si, d.Sents[si].Start, d.Sents[si].End)
	if i, ok := rb.roles[id]; ok {
		d.Roles[i].Sources = appendSource(d.Roles[i].Sources, src)
		return
	}
	rb.roles[id] = len(d.Roles)
	d.Roles = append(d.Roles, kg.Role{ID: id, Person: person.ID, Title: title, Organization: oid, Status: status, Sources: []kg.Source{src}})
}

// addRel records a relation stated in sentence si, or adds the sentence to
// the sources of the same relation.
func (rb *roleBuilder) addRel(si int, typ string, from, to *entity) {
	d := rb.d
	if from == nil || to == nil || from == to {
		return
	}
	id := kg.ID("rel", typ, from.ID, to.ID)
	src := d.source(si, d.Sents[si].Start, d.Sents[si].End)
	if i, ok := rb.rels[id]; ok {
		d.Relations[i].Sources = appendSource(d.Relations[i].Sources, src)
		return
	}
	rb.rels[id] = len(d.Relations)
	d.Relations = append(d.Relations, kg.Relation{ID: id, Type: typ, From: from.ID, To: to.ID, Sources: []kg.Source{src}})
}

// sentenceRoles reads the roles and relations around each name mention of
// sentence si, then the sentence's subsidiary and ownership phrases.
func (rb *roleBuilder) sentenceRoles(si int) {
	st := &rb.d.Sents[si]
	ms := rb.d.mentionsIn(st.Start, st.End)
	s := &roleSent{si: si, toks: st.Tokens, ms: ms, names: nameMentions(ms)}
	for _, m := range s.names {
		a, b := tokRange(s.toks, m.Start, m.End)
		if a < 0 {
			continue
		}
		if m.Entity.Type == kg.Person && b+1 < len(s.toks) && rb.x.postNominals[s.toks[b].Text] && s.toks[b+1].Text == "," {
			b++ // "Jane Roe KC, a barrister": the letters are the name's
		}
		if m.Entity.Type == kg.Person {
			rb.titleBeforePerson(s, m, a, b)
			rb.asTitleAfterPerson(s, m, a, b)
			rb.namedTitleAfterPerson(s, m, a, b)
			b = afterParenthesis(s.toks, b) // "Chou Wen-ling (周文玲), an accounting professor"
			if b < len(s.toks) && s.toks[b].Text == "," {
				rb.appositiveTitle(s, m, a, b)
				rb.ownedByPerson(s, m, b)
			}
		}
		if m.Entity.Type == kg.Organization && b < len(s.toks) {
			rb.orgAppositive(s, m, b)
		}
	}
	rb.itsSubsidiary(s)
	rb.parentAndOwner(s)
}

// afterParenthesis is the token after a short parenthesis that opens at
// toks[b] (a name in its own script, an acronym, an age), or b when none
// opens there.
func afterParenthesis(toks []token, b int) int {
	if b >= len(toks) || toks[b].Text != "(" {
		return b
	}
	for k := b + 1; k < len(toks) && k <= b+6; k++ {
		if toks[k].Text == ")" {
			return k + 1
		}
	}
	return b
}

// lowerRemitStart is where "of" or "for" opens a remit of one to four
// lower-case words that ends right before toks[j] ("head of ranger
// services"), or 0.
func lowerRemitStart(toks []token, j int) int {
	for k := j - 2; k >= 1 && k >= j-5; k-- {
		t := toks[k+1]
		if isCapToken(t.Text) || !startsWithLetterOrDigit(t.Text) || determiners[strings.ToLower(t.Text)] || t.Tag == "CD" || t.Tag == "PRP$" {
			return 0 // "director of one of Roe's firms": no remit
		}
		if toks[k].Text == "of" || toks[k].Text == "for" {
			return k
		}
	}
	return 0
}

// titleBeforePerson reads "[ORG | ORG's | its] [former] TITLE PERSON" ("AWS
// CEO Jane Doe", "then-President Jane Roe") and "TITLE, PERSON" ("the
// agency's chief information officer, Jane Doe"). The person's mention is
// toks[a:b].
func (rb *roleBuilder) titleBeforePerson(s *roleSent, m *mention, a, b int) {
	d, x, toks := rb.d, rb.x, s.toks
	j := a
	if j > 1 && x.honorifics[toks[j-1].Text] && !x.givenHonorifics[toks[j-1].Text] {
		j-- // "Commissioner General Dr Jane Roe", "his attorney, Sir Jane Roe"
	}
	comma := false
	if j > 0 && toks[j-1].Text == "," {
		j--
		comma = true
	}
	n, ti := x.titleEndingAt(toks, j)
	if n == 0 && comma {
		// "Acme's managing partner in Kenya, Jane Roe": a place the
		// office covers between the title and the comma
		if k := placeRemitStart(x, toks, j); k > 0 {
			// not a title that implies a national body: "the Attorney
			// General in Kenya" is no Department of Justice
			if n, ti = x.titleEndingAt(toks, k); n > 0 && ti.Org == "" {
				j = k
			} else {
				n, ti = 0, titleInfo{}
			}
		}
	}
	prefixed := false
	if n == 0 && !comma {
		n, ti = prefixedTitleEndingAt(x, toks, j) // "then-President Jane Roe"
		prefixed = n > 0
	}
	if n == 0 {
		// "former Harwell Commissioners Jane Roe and Dan Poe": a plural
		// title before names joined by "and" is each one's, not before
		// one name alone ("to fellow senators Mary Poe wrote")
		if k := s.conjunctsStart(a); k < a || !comma && s.conjoinedAfter(b) {
			if pn, pti := x.pluralTitleEndingAt(toks, k); pn > 0 {
				j, n, ti, comma = k, pn, pti, false
			}
		}
	}
	if n == 0 {
		// "The two dissenting trustees, Jane Roe and Dan Poe, said": a
		// plural title before a comma and names joined by "and"
		if k := s.conjunctsStart(a); (k < a || s.conjoinedAfter(b)) && k > 1 && toks[k-1].Text == "," {
			if pn, pti := x.pluralTitleEndingAt(toks, k-1); pn > 0 {
				j, n, ti, comma = k-1, pn, pti, true
			}
		}
	}
	if n == 0 && !comma {
		// "SANParks head of ranger services Jane Roe": a lower-case
		// title with its remit in lower-case words right before the name
		if k := lowerRemitStart(toks, j); k > 0 && !d.possessive(m) {
			if rn, rti := x.titleEndingAt(toks, k); rn > 0 && !isCapToken(toks[k-1].Text) {
				j, n, ti = k, rn, rti
			}
		}
	}
	if n == 0 {
		// "Minister of Public Works and Transport Jane Roe", "the
		// Minister for Rural Development, Jane Roe"
		if t, ok := portfolioTitleEndingAt(x, toks, s.names, j); ok && (!comma || titleStartsPhrase(x, toks, t)) {
			title := d.Doc.Text[toks[t].Start:toks[j-1].End]
			org, none, status := titleContext(d, x, s.si, t, titleInfo{}, m.Entity)
			if org == nil && !none {
				org = portfolioBody(d, toks, t, j)
			}
			rb.addRole(s.si, m.Entity, title, org, none, status)
			return
		}
	}
	if n > 0 && comma {
		if oti, served := servedTitle(x, toks, j-n); served {
			// "a spokesperson for the minister, Jane Roe": the office
			// named first is the person's; the one after "for" is whom
			// it serves ("an aide to the governor, Jane Roe": no office)
			if oti.Phrase != "" {
				rb.addRole(s.si, m.Entity, oti.Phrase, nil, oti.Org == "none", kg.Current)
			}
			return
		}
	}
	if n > 0 && !(comma && !titleStartsPhrase(x, toks, j-n)) && !verbalTitle(toks, j-n) {
		org, none, status := titleContext(d, x, s.si, j-n, ti, m.Entity)
		if prefixed || removedBefore(x, toks, j-n) {
			status = kg.Former
		}
		if org == nil && !none {
			org = rb.titleBeforeOrg(s, m, j-n, b, ti)
		}
		if departsAfter(x, toks, b) {
			status = kg.Former
		}
		rb.addRole(s.si, m.Entity, ti.Phrase, org, none, status)
	} else if comma {
		rb.titleForBeforeComma(s, m, j)
	}
}

// portfolioTitleEndingAt reads an office with its portfolio ending right
// before toks[j]: a title with a portfolio (titles.txt portfolio=1), "of"
// or "for", then capitalized words (with "and", "&" or a comma between
// them): "Minister of Public Works and Communications", not across another
// person's name; or a public office (remit=1), "of" and capitalized words
// that name no body: "Director of Marine". It returns where the title
// starts.
func portfolioTitleEndingAt(x *lexIndex, toks []token, names []*mention, j int) (int, bool) {
	if j < 1 || toks[j-1].Text == "and" || toks[j-1].Text == "&" || toks[j-1].Text == "," {
		return 0, false // "the Minister of Health and Jane Roe met"
	}
	k := j - 1
	for k > 0 && j-k <= 8 {
		if m := mentionAtTok(names, toks, k); m != nil && m.Entity != nil && m.Entity.Type == kg.Person {
			return 0, false // "Minister of Finance Tom Smith and Jane Roe": another's office
		}
		w := toks[k].Text
		switch {
		case w == "of" || w == "for":
			if k == j-1 || !isCapToken(toks[k+1].Text) {
				return 0, false
			}
			n, ti := x.titleEndingAt(toks, k)
			if n == 0 || ti.Org == "none" {
				return 0, false
			}
			if !ti.Portfolio {
				// "the Director of Marine, Jane Roe": a public office's
				// remit (remit=1) after "of" that names no body
				// ("Counsel for Acme Corp" names a client)
				if !ti.Remit || w == "for" || x.isPlace(kg.Key(toks[k+1].Text)) {
					return 0, false
				}
				for r := k + 1; r < j; r++ {
					if m := mentionAtTok(names, toks, r); m != nil && m.Entity != nil {
						return 0, false
					}
				}
			}
			return k - n, true
		case isCapToken(w), w == "and" || w == "&", w == "," && k+1 < j && isCapToken(toks[k+1].Text):
		default:
			return 0, false
		}
		k--
	}
	return 0, false
}

// portfolioBody is the public body (an agency or a government) the
// document names for the portfolio toks[t:j] of an office: "the Ministry
// of Public Works and Transport" for its minister, not a company called
// Delta Energy for the Minister for Energy.
func portfolioBody(d *docState, toks []token, t, j int) *entity {
	var words []string
	for k := t; k < j; k++ {
		if toks[k].Text == "of" || toks[k].Text == "for" {
			words = nil
			continue
		}
		words = append(words, toks[k].Text)
	}
	portfolio := " " + kg.Key(strings.Join(words, " ")) + " "
	for _, e := range d.Entities {
		// the portfolio's own name is no body ("Minister for Public
		// Enterprises" is not at a company called Public Enterprises)
		if name := " " + kg.Key(e.Name) + " "; e.Type == kg.Organization && (e.Kind == "agency" || e.Kind == "government") && name != portfolio && strings.Contains(name, portfolio) {
			return e
		}
	}
	return nil
}

// servedTitle reports whether the title starting at toks[k] names whom
// a title or an attendant before it serves or belongs to: "a
// spokesperson for the minister", "an aide to the governor", "the wife of
// the mayor" (a title or a role_words.txt attends word, "for", "to" or
// "of", an article, the title at k). It returns the title before when
// there is one opening its phrase ("spokesperson").
func servedTitle(x *lexIndex, toks []token, k int) (titleInfo, bool) {
	if k < 3 {
		return titleInfo{}, false
	}
	switch toks[k-1].Text {
	case "the", "a", "an":
	default:
		return titleInfo{}, false
	}
	switch toks[k-2].Text {
	case "for", "to", "of":
	default:
		return titleInfo{}, false
	}
	if n, ti := x.titleEndingAt(toks, k-2); n > 0 {
		return ti, titleStartsPhrase(x, toks, k-2-n)
	}
	// "an aide to the governor", "the widow of the mayor"; not "the
	// resignation of the chief executive" nor "a letter to the mayor"
	return titleInfo{}, x.attends[strings.ToLower(toks[k-3].Text)]
}

// placeRemitStart is where "in PLACE" or "for PLACE" starts when it ends right before
// toks[j] (a place of up to three words), or 0.
func placeRemitStart(x *lexIndex, toks []token, j int) int {
	for k := j - 2; k >= 1 && k >= j-4; k-- {
		if toks[k].Text == "in" || toks[k].Text == "for" {
			if x.isPlace(kg.Key(spanText0(toks, k+1, j))) {
				return k
			}
			return 0
		}
	}
	return 0
}

// conjunctsStart is where the names joined to the one starting at token
// j start: back over "NAME, NAME and" to the first name, j when none
// comes before.
func (s *roleSent) conjunctsStart(j int) int {
	start := j
	for k := j; k >= 2; {
		if w := s.toks[k-1].Text; w != "and" && w != "," {
			break
		}
		m := mentionEndingAt(s.names, s.toks, k-1)
		if m == nil || m.Entity.Type != kg.Person {
			break
		}
		a, _ := tokRange(s.toks, m.Start, m.End)
		if a < 0 {
			break
		}
		start, k = a, a
	}
	return start
}

// conjoinedAfter reports whether "and" or a comma and then a person's
// name follow the name ending before token b.
func (s *roleSent) conjoinedAfter(b int) bool {
	if b+1 >= len(s.toks) || s.toks[b].Text != "and" && s.toks[b].Text != "," {
		return false
	}
	m := mentionStarting(s.names, s.toks, b+1)
	return m != nil && m.Entity != nil && m.Entity.Type == kg.Person
}

// mentionEndingAt is the mention among ms whose last token is toks[k-1].
func mentionEndingAt(ms []*mention, toks []token, k int) *mention {
	if k <= 0 {
		return nil
	}
	for _, m := range ms {
		if m.End == toks[k-1].End {
			return m
		}
	}
	return nil
}

// titleBeforeOrg finds the organization of a title at toks[t] before a
// person (toks[..b]) when the words before the title state none: "counsel,
// Jane Roe of Acme LLP", the organization the sentence before opened with,
// the nearest one before in the sentence, or the company or university the
// story is about.
func (rb *roleBuilder) titleBeforeOrg(s *roleSent, m *mention, t, b int, ti titleInfo) *entity {
	d, x, si, toks := rb.d, rb.x, s.si, s.toks
	title := ti.Phrase
	if org := orgAfterPerson(s.names, toks, b); org != nil { // "counsel, Jane Roe of Acme LLP"
		return org
	}
	if ti.Org == "" && corporateTitle(x, title) {
		if si > 0 && opensSentence(toks, t) {
			// "Acme denied wrongdoing. Chief Executive Jane Roe said ...":
			// the organization the sentence before was about.
			if org := subjectOrg(d, si-1); org != nil {
				return org
			}
		}
		if org := orgBeforeInSentence(d, si, toks[t].Start, m.Entity); org != nil {
			return org
		}
		if org := headNounOrgBefore(d, toks, t, m.Entity); org != nil { // "the league's board named chief operating officer Jane Roe"
			return org
		}
		if strings.HasPrefix(strings.ToLower(title), "board ") {
			if org := recentOrgKind(d, toks[t].Start, m.Entity, "company"); org != nil {
				return org
			}
		}
	}
	if academicTitle(x, title) {
		return recentOrgKind(d, toks[t].Start, m.Entity, "university")
	}
	return nil
}

// titleForBeforeComma reads "TITLE for|at|of ORG, PERSON" ("Counsel for
// Acme, Jane Roe": the title's organization ends just before the comma at
// toks[j]) and "TITLE for PERSON2, PERSON" ("A spokeswoman for Senator Roe,
// Jane Doe": a person's staff, with no organization).
func (rb *roleBuilder) titleForBeforeComma(s *roleSent, m *mention, j int) {
	x, toks := rb.x, s.toks
	if om := mentionAtTok(s.names, toks, j-1); om != nil && om.Entity.Type == kg.Person && om.Entity != m.Entity {
		if oa, _ := tokRange(toks, om.Start, om.End); oa >= 2 && toks[oa-1].Text == "for" {
			if n, ti := x.titleEndingAt(toks, oa-1); n > 0 && (opensSentence(toks, oa-1-n) || titleStartsPhrase(x, toks, oa-1-n)) && ti.Org != "none" {
				rb.addRole(s.si, m.Entity, ti.Phrase, nil, false, kg.Current)
			}
		}
	} else if om := mentionAtTok(s.names, toks, j-1); om != nil && om.Entity.Type == kg.Organization {
		if oa, _ := tokRange(toks, om.Start, om.End); oa >= 2 && (toks[oa-1].Text == "for" || toks[oa-1].Text == "at" || toks[oa-1].Text == "of") {
			if n, ti := x.titleEndingAt(toks, oa-1); n > 0 && (opensSentence(toks, oa-1-n) || titleStartsPhrase(x, toks, oa-1-n)) && ti.Org != "none" {
				rb.addRole(s.si, m.Entity, ti.Phrase, om.Entity, false, kg.Current)
			}
		}
	}
}

// asTitleAfterPerson reads "PERSON as [interim] TITLE" after an appointment
// verb ("named Jane Roe as interim CEO"; "named Jane Roe, its chief
// operating officer, as interim CEO") and the bare complement "named chief
// operating officer Jane Roe interim commissioner".
func (rb *roleBuilder) asTitleAfterPerson(s *roleSent, m *mention, a, b int) {
	d, x, toks := rb.d, rb.x, s.toks
	asAt := b
	if b < len(toks) && toks[b].Text == "," {
		for q := b + 1; q < len(toks) && q < b+9; q++ {
			if toks[q].Text == "," {
				if q+1 < len(toks) && toks[q+1].Text == "as" {
					asAt = q + 1
				}
				break
			}
		}
	}
	complement := false
	if asAt == b && b < len(toks) && (isTitleAdj(x, toks[b].Text) || !isCapToken(toks[b].Text)) && appointedBefore(x, toks, a) {
		// "named chief operating officer Jane Roe interim
		// commissioner": the title is the verb's complement.
		if n, _ := x.titleAt(toks, b, len(toks)); n > 0 || (isTitleAdj(x, toks[b].Text) && b+1 < len(toks)) {
			complement = true
		}
	}
	if !complement && !(asAt+1 < len(toks) && toks[asAt].Text == "as") {
		return
	}
	k := asAt + 1
	if complement {
		k = b
	}
	from := k
	for k < len(toks) && k < b+4 && isAdjective(toks[k]) {
		if n, _ := x.titleAt(toks, k, len(toks)); n > 0 {
			break
		}
		k++
	}
	n, ti := x.titleAt(toks, k, len(toks))
	if n == 0 || ti.Org == "none" || !appointedBefore(x, toks, a) {
		return
	}
	org := orgAfterTitle(d, s.names, toks, k+n)
	if org == nil {
		org = orgBeforeInSentence(d, s.si, toks[a].Start, m.Entity)
	}
	if org == nil {
		org = headNounOrgBefore(d, toks, a, m.Entity) // "the league's board named ..."
	}
	none := false
	if org == nil {
		org, none = impliedOrg(d, ti)
	}
	if org == nil && !none && corporateTitle(x, ti.Phrase) {
		org = recentOrgKind(d, toks[a].Start, m.Entity, "company")
	}
	rb.addRole(s.si, m.Entity, adjTitle(x, toks, from, k, ti.Phrase), org, none, kg.Current)
}

// namedTitleAfterPerson reads "PERSON, who was named TITLE" and "PERSON was
// named TITLE of ORG".
func (rb *roleBuilder) namedTitleAfterPerson(s *roleSent, m *mention, a, b int) {
	d, x, toks := rb.d, rb.x, s.toks
	k0 := namedAfter(x, toks, b)
	if k0 <= 0 {
		return
	}
	k := k0
	if k+1 < len(toks) && isTitleAdj(x, toks[k].Text) {
		k++ // "was named interim president"
	}
	// "named interim president of Acme University": a head-of-state
	// title with a stated organization is that organization's office.
	if n, ti := x.titleAt(toks, k, len(toks)); n > 0 && (ti.Org != "none" || orgAfterTitle(d, s.names, toks, k+n) != nil) {
		org := orgAfterTitle(d, s.names, toks, k+n)
		if org == nil {
			org = recentOrgKind(d, toks[a].Start, m.Entity, "company")
		}
		none := false
		if org == nil {
			org, none = impliedOrg(d, ti)
		}
		rb.addRole(s.si, m.Entity, adjTitle(x, toks, k0, k, ti.Phrase), org, none, kg.Current)
	}
}

// appositive is a title read after "PERSON,": "Jane Doe, Acme's vice
// president of sales", "Jane Roe, a former professor of law at Acme".
type appositive struct {
	m      *mention
	a      int         // the person's first token
	k, n   int         // the title is toks[k:k+n]
	ti     titleInfo   // the title's entry
	title  string      // the title as kept: adjectives and field added
	e      int         // the token after the title and its field
	also   []titleInfo // titles joined to the first by "and" ("founder and chairman")
	org    *entity     // the organization, when one is read
	preOrg *entity     // the organization stated before the title
	owned  bool        // an owner the story does not name ("the ministry's"): no organization
	status string      // kg.Current or kg.Former
}

// appositiveTitle reads "PERSON, [the|a] [former] [ORG's|its|ORG] [adj]
// TITLE [of field] [at|of|for ORG]" from the comma at toks[b].
func (rb *roleBuilder) appositiveTitle(s *roleSent, m *mention, a, b int) {
	x, toks := rb.x, s.toks
	ap := &appositive{m: m, a: a}
	k := rb.appositiveOwner(s, ap, b+1)
	adjFrom := k
	ap.preOrg = ap.org
	for k < len(toks) && (isAdjective(toks[k]) || isTitleAdj(x, toks[k].Text) || (toks[k].Tag == "NNS" && !isCapToken(toks[k].Text)) || x.former[strings.ToLower(toks[k].Text)]) {
		if x.former[strings.ToLower(toks[k].Text)] {
			ap.status = kg.Former
		}
		if n, _ := rb.x.titleAt(toks, k, len(toks)); n > 0 {
			break
		}
		k++
	}
	n, ti := rb.x.titleAt(toks, k, len(toks))
	if n == 0 {
		return
	}
	ap.k, ap.n, ap.ti = k, n, ti
	ap.title = adjTitle(x, toks, adjFrom, k, ti.Phrase)
	rb.appositiveExtent(s, ap)
	if ap.org == nil {
		ap.org = orgAfterTitle(rb.d, s.names, toks, ap.e)
	}
	// "Jane Doe, former Defense Secretary John Roe": the title is the next person's.
	nextPerson := func(q int) bool {
		pm := mentionStarting(s.names, toks, q)
		return pm != nil && pm.Entity.Type == kg.Person
	}
	if nextPerson(ap.e) || (ap.e < len(toks) && toks[ap.e].Text == "," && nextPerson(ap.e+1)) || nextPerson(k+n) {
		return
	}
	rb.addAppositive(s, ap)
}

// appositiveOwner reads what opens an appositive at toks[k]: determiners and
// status words ("the former"), and the title's owner ("the company's", "its",
// "Acme's", "an Acme spokesman", "the alliance's"). It sets ap.org and
// ap.status and returns the index after them.
func (rb *roleBuilder) appositiveOwner(s *roleSent, ap *appositive, k int) int {
	d, x, toks, m := rb.d, rb.x, s.toks, ap.m
	ap.status = kg.Current
	for k < len(toks) {
		low := strings.ToLower(toks[k].Text)
		if x.former[low] {
			ap.status = kg.Former
		} else if low != "the" && low != "a" && low != "an" {
			break
		}
		// "the company's chief executive": a nominal owner.
		if nm := mentionStarting(s.ms, toks, k); nm != nil && nm.Kind == nominalMention && nm.Entity.Type == kg.Organization {
			if _, ob := tokRange(toks, nm.Start, nm.End); ob > 0 && ob < len(toks) && isPossessive(toks[ob].Text) {
				ap.org = nm.Entity
				k = ob
				break
			}
		}
		k++
	}
	if ap.org == nil && k < len(toks) && strings.EqualFold(toks[k].Text, "its") {
		ap.org = recentOrg(d, toks[k].Start, m.Entity)
		k++
	} else if ap.org == nil {
		if om := mentionStarting(s.names, toks, k); om != nil && om.Entity.Type == kg.Organization {
			_, ob := tokRange(toks, om.Start, om.End)
			if ob < len(toks) && isPossessive(toks[ob].Text) {
				ap.org = om.Entity
				k = ob + 1
			} else if ob < len(toks) && (!isCapToken(toks[ob].Text) || x.titles[strings.ToLower(toks[ob].Text)].Phrase != "") {
				// "an Acme spokesman", "a former GAO attorney"
				ap.org = om.Entity
				k = ob
			}
		} else if k+1 < len(toks) && isPossessive(toks[k+1].Text) {
			// "the alliance's lead counsel": a head noun naming an
			// organization the story named.
			if ho := headNounOrg(d, toks, k, m.Entity); ho != nil {
				ap.org = ho
				k += 2
			} else if isLowerWord(toks[k].Text) && isNounish(toks[k]) {
				// "the ministry's director general" with no ministry
				// named: the office, at no body the story names
				ap.owned = true
				k += 2
			}
		}
	} else if k < len(toks) && isPossessive(toks[k].Text) {
		k++
	}
	return k
}

// appositiveExtent reads how far an appositive title at toks[ap.k:ap.k+ap.n]
// runs: titles joined by "and" ("the founder and chairman of Acme"), a
// lower-case field ("vice president of communications", kept in the title)
// or a longer one skipped before "at|for" ("a professor of legal ethics at
// Acme"). It sets ap.also, ap.title and ap.e.
func (rb *roleBuilder) appositiveExtent(s *roleSent, ap *appositive) {
	toks := s.toks
	e := ap.k + ap.n
	// "the founder and chairman of Acme": both titles take the organization.
	for e+1 < len(toks) && toks[e].Text == "and" {
		n2, t2 := rb.x.titleAt(toks, e+1, len(toks))
		if n2 == 0 {
			break
		}
		ap.also = append(ap.also, t2)
		e += 1 + n2
	}
	// "vice president of communications": a lower-case field after "of".
	if e+2 < len(toks) && toks[e].Text == "of" && !isCapToken(toks[e+1].Text) && isNounish(toks[e+1]) && !(isNounish(toks[e+2]) && !isCapToken(toks[e+2].Text)) {
		ap.title += " of " + toks[e+1].Text
		e += 2
	}
	// "a professor of legal ethics at Acme": skip the field.
	if e+1 < len(toks) && toks[e].Text == "of" && !isCapToken(toks[e+1].Text) {
		q := e + 1
		for q < len(toks) && q < e+5 && !isCapToken(toks[q].Text) && toks[q].Text != "," && toks[q].Text != "at" && toks[q].Text != "for" {
			q++
		}
		if q < len(toks) && (toks[q].Text == "at" || toks[q].Text == "for") {
			e = q
		}
	}
	ap.e = e
}

// addAppositive adds an appositive's roles: its title and the titles joined
// to it, with the organization stated, implied by the title, or the company
// or university the story is about, and former when the clause after the
// appositive ends the office; then the later conjoined titles.
func (rb *roleBuilder) addAppositive(s *roleSent, ap *appositive) {
	d, x, toks, m := rb.d, rb.x, s.toks, ap.m
	org, status, e := ap.org, ap.status, ap.e
	none := ap.owned
	if org == nil && !none {
		org, none = impliedOrg(d, ap.ti)
	}
	if org == nil && !none && companyTitle(x, ap.title) {
		// "Jane Roe, a co-founder, ...": the company the story is about.
		org = recentOrgKind(d, toks[ap.a].Start, m.Entity, "company")
	}
	if org == nil && !none && academicTitle(x, ap.title) {
		// "Jane Roe, a chemistry professor": the university the story is about.
		org = recentOrgKind(d, toks[ap.a].Start, m.Entity, "university")
	}
	// "Jane Roe, the airline's chief operating officer,
	// resigned in February": the clause after the
	// appositive ends the office.
	for q := e; status == kg.Current && q < len(toks) && q < e+8; q++ {
		if toks[q].Text == "," {
			if departsAfter(x, toks, q+1) {
				status = kg.Former
			}
			break
		}
		if toks[q].Text == "." || toks[q].Text == ";" {
			break
		}
	}
	rb.addRole(s.si, m.Entity, ap.title, org, none, status)
	for _, t2 := range ap.also {
		rb.addRole(s.si, m.Entity, t2.Phrase, org, none, status)
	}
	rb.conjoinedTitles(s, ap, status)
}

// conjoinedTitles reads later titles joined by "and" after an appositive:
// "VA's assistant secretary for information and technology and chief
// information officer", "the owner of Acme and chairman of the board". A
// later title takes its own named organization, else the one stated before
// the first title.
func (rb *roleBuilder) conjoinedTitles(s *roleSent, ap *appositive, status string) {
	toks, e := s.toks, ap.e
	for q := e; q+1 < len(toks) && q < e+8; q++ {
		w := toks[q].Text
		if w == "," || w == "." || w == "who" || w == ";" {
			break
		}
		if w != "and" {
			continue
		}
		r := q + 1
		if strings.EqualFold(toks[r].Text, "the") {
			r++
		}
		n2, t2 := rb.x.titleAt(toks, r, len(toks))
		if n2 == 0 || t2.Org == "none" {
			continue
		}
		org2 := ap.preOrg
		if r+n2+1 < len(toks) && (toks[r+n2].Text == "of" || toks[r+n2].Text == "at" || toks[r+n2].Text == "for") {
			org2 = nil
			if om := mentionStarting(s.names, toks, r+n2+1); om != nil && om.Entity.Type == kg.Organization {
				org2 = om.Entity
			} else if r+n2+2 < len(toks) && strings.EqualFold(toks[r+n2+1].Text, "the") {
				if om := mentionStarting(s.names, toks, r+n2+2); om != nil && om.Entity.Type == kg.Organization {
					org2 = om.Entity
				}
			}
		}
		none2 := false
		if org2 == nil {
			org2, none2 = impliedOrg(rb.d, t2)
		}
		rb.addRole(s.si, ap.m.Entity, t2.Phrase, org2, none2, status)
		q = r + n2 - 1
	}
}

// ownedByPerson reads "PERSON, who owns ORG" (the comma is toks[b]).
func (rb *roleBuilder) ownedByPerson(s *roleSent, m *mention, b int) {
	toks := s.toks
	k := b + 1
	if k+1 < len(toks) && (toks[k].Text == "who" || toks[k].Text == "which") && rb.x.own[toks[k+1].Text] {
		q := k + 2
		if q < len(toks) && strings.EqualFold(toks[q].Text, "the") {
			q++
		}
		if om := mentionStarting(s.names, toks, q); om != nil && om.Entity.Type == kg.Organization {
			rb.addRel(s.si, "owns", m.Entity, om.Entity)
		}
	}
}

// orgAppositive reads relations from an appositive after an organization
// (its mention ends before toks[b]): "Y, the company's cloud arm", "Y, a
// unit of X", "Y, owned by X".
func (rb *roleBuilder) orgAppositive(s *roleSent, m *mention, b int) {
	d, x, toks := rb.d, rb.x, s.toks
	k := b
	if toks[k].Text != "," || k+1 >= len(toks) {
		return
	}
	k++
	low := strings.ToLower(toks[k].Text)
	if (low == "the" || low == "its") && k+2 < len(toks) {
		if low == "its" || (x.nominals[strings.ToLower(toks[k+1].Text)] != "" && isPossessive(toks[k+2].Text)) {
			q := k + 1
			if low == "the" {
				q = k + 3
			}
			for q < len(toks) && q < k+6 && !x.subsidiary[strings.ToLower(toks[q].Text)] && toks[q].Text != "," {
				q++
			}
			if q < len(toks) && x.subsidiary[strings.ToLower(toks[q].Text)] {
				kind := ""
				if low == "the" {
					kind = x.nominals[strings.ToLower(toks[k+1].Text)]
				}
				rb.addRel(s.si, "subsidiary_of", m.Entity, recentOrgKind(d, m.Start, m.Entity, kind))
			}
		}
	}
	if (low == "a" || low == "an" || low == "the") && k+2 < len(toks) && x.subsidiary[strings.ToLower(toks[k+1].Text)] && toks[k+2].Text == "of" {
		if om := mentionStarting(s.names, toks, k+3); om != nil && om.Entity.Type == kg.Organization {
			rb.addRel(s.si, "subsidiary_of", m.Entity, om.Entity)
		}
	}
	if low == "owned" && k+1 < len(toks) && toks[k+1].Text == "by" {
		if om := mentionStarting(s.names, toks, k+2); om != nil {
			rb.addRel(s.si, "owns", om.Entity, m.Entity)
		}
	}
}

// itsSubsidiary reads "its [adj] subsidiary[,] Y": Y is a subsidiary of the
// organization "its" refers to.
func (rb *roleBuilder) itsSubsidiary(s *roleSent) {
	x, toks := rb.x, s.toks
	for i, t := range toks {
		low := strings.ToLower(t.Text)
		if low != "its" {
			continue
		}
		q := i + 1
		for q < len(toks) && q < i+5 && !x.subsidiary[strings.ToLower(toks[q].Text)] && !isCapToken(toks[q].Text) {
			q++
		}
		if q >= len(toks) || !x.subsidiary[strings.ToLower(toks[q].Text)] {
			continue
		}
		q++
		if q < len(toks) && toks[q].Text == "," {
			q++
		}
		if om := mentionStarting(s.names, toks, q); om != nil && om.Entity.Type == kg.Organization {
			rb.addRel(s.si, "subsidiary_of", om.Entity, recentOrg(rb.d, t.Start, om.Entity))
		}
	}
}

// parentAndOwner reads "X's parent company[,] Y" (X is a subsidiary of Y)
// and "X-owned Y" (X owns Y).
func (rb *roleBuilder) parentAndOwner(s *roleSent) {
	toks := s.toks
	for i := 0; i+2 < len(toks); i++ {
		if strings.EqualFold(toks[i].Text, "parent") && strings.EqualFold(toks[i+1].Text, "company") {
			q := i + 2
			if toks[q].Text == "," {
				q++
			}
			parent := mentionStarting(s.names, toks, q)
			if parent == nil || parent.Entity.Type != kg.Organization {
				continue
			}
			// "X's parent company Y"
			if i >= 2 && isPossessive(toks[i-1].Text) {
				if child := mentionAtTok(s.names, toks, i-2); child != nil && child.Entity.Type == kg.Organization {
					rb.addRel(s.si, "subsidiary_of", child.Entity, parent.Entity)
				}
			}
		}
		// "X-owned Y": a hyphenated owner token.
		if strings.HasSuffix(strings.ToLower(toks[i].Text), "-owned") {
			owner := strings.TrimSuffix(toks[i].Text[:len(toks[i].Text)-len("-owned")], "")
			var from *entity
			for _, e := range rb.d.Entities {
				if kg.Key(e.Name) == kg.Key(owner) {
					from = e
					break
				}
				for a := range e.Aliases {
					if kg.Key(a) == kg.Key(owner) {
						from = e
					}
				}
			}
			if om := mentionStarting(s.names, toks, i+1); om != nil && om.Entity.Type == kg.Organization {
				rb.addRel(s.si, "owns", from, om.Entity)
			}
		}
	}
}

// executiveTitle: a company's officer ("chief financial officer", "COO",
// titleScope reads a title's words against title_scopes.txt: "company" for
// an executive office, "member" for another office in an organization, ""
// otherwise.
func titleScope(x *lexIndex, t string) string {
	scope := ""
	for _, w := range strings.Fields(strings.ToLower(t)) {
		switch x.titleScopes[w] {
		case "none":
			return ""
		case "company":
			scope = "company"
		case "member":
			if scope == "" {
				scope = "member"
			}
		}
	}
	return scope
}

// executiveTitle: a company's officer ("chief financial officer", "COO").
func executiveTitle(x *lexIndex, t string) bool { return titleScope(x, t) == "company" }

// otherOwner: the sentence gives a title to a body not a company ("the
// agency's chief information officer"), so the story's company is not it.
// companyOwner is the offset of a company's description as the possessor
// of title in the sentence ("the company's chief financial officer", "the
// bank's head of UK operations"); -1 when there is none.
func companyOwner(x *lexIndex, toks []token, title string) int {
	first, _, _ := strings.Cut(strings.ToLower(title), " ")
	for k := 0; k+2 < len(toks); k++ {
		if x.nominals[strings.ToLower(toks[k].Text)] != "company" || !isPossessive(toks[k+1].Text) {
			continue
		}
		// the title opens within two words of the possessive
		for j := k + 2; j < len(toks) && j <= k+4; j++ {
			if strings.EqualFold(toks[j].Text, first) {
				return toks[k].Start
			}
		}
	}
	return -1
}

func otherOwner(x *lexIndex, toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if kind := x.nominals[strings.ToLower(toks[k].Text)]; kind != "" && kind != "company" && isPossessive(toks[k+1].Text) {
			return true
		}
	}
	return false
}

// storyTitle: a member office held, when no organization is named, at
// the organization the story is about (title_scopes.txt story=1), and no
// word of it says otherwise (scope=none).
func storyTitle(x *lexIndex, t string) bool {
	story := false
	for _, w := range strings.Fields(strings.ToLower(t)) {
		if x.titleScopes[w] == "none" {
			return false
		}
		story = story || x.storyTitles[w]
	}
	return story
}

// corporateTitle: an office held in some organization, which a sentence
// names near the person.
func corporateTitle(x *lexIndex, t string) bool { return titleScope(x, t) != "" }

// orgBeforeInSentence is the nearest organization (named or "the company")
// before off in sentence si.
func orgBeforeInSentence(d *docState, si, off int, skip *entity) *entity {
	var best *mention
	for _, m := range d.mentionsIn(d.Sents[si].Start, off) {
		if m.Entity.Type == kg.Organization && m.Entity != skip && m.Kind != pronounMention {
			best = m
		}
	}
	if best == nil {
		return nil
	}
	return best.Entity
}

// orgAfterPerson: "Jane Roe of Acme LLP".
func orgAfterPerson(names []*mention, toks []token, b int) *entity {
	if b+1 < len(toks) && toks[b].Text == "of" {
		k := b + 1
		if strings.EqualFold(toks[k].Text, "the") && k+1 < len(toks) {
			k++ // "Judge Jane Roe of the Tillman County Chancery Court"
		}
		if om := mentionStarting(names, toks, k); om != nil && om.Entity.Type == kg.Organization {
			return om.Entity
		}
	}
	return nil
}

// orgAfterTitle: "CEO of Acme", "chief executive at Acme", "secretary in
// the Ministry of Works".
func orgAfterTitle(d *docState, names []*mention, toks []token, e int) *entity {
	if e+1 < len(toks) && (toks[e].Text == "of" || toks[e].Text == "at" || toks[e].Text == "for") {
		q := e + 1
		if q < len(toks) && strings.EqualFold(toks[q].Text, "the") {
			q++
		}
		if om := mentionStarting(names, toks, q); om != nil && om.Entity.Type == kg.Organization {
			return om.Entity
		}
		return describedOrgAt(d, toks, e+1)
	}
	// "director of procurement, National Port Authority, approved": the
	// body set off by commas after the title
	if e+1 < len(toks) && toks[e].Text == "," {
		if om := mentionStarting(names, toks, e+1); om != nil && om.Entity.Type == kg.Organization {
			if _, oe := tokRange(toks, om.Start, om.End); oe >= len(toks) || toks[oe].Text == "," {
				return om.Entity
			}
		}
	}
	// "the permanent secretary in the Ministry of Fisheries", "legal
	// adviser to the Ministry of Fisheries": a named body after "in the"
	// or "to the"
	if e+2 < len(toks) && (toks[e].Text == "in" || toks[e].Text == "to") && strings.EqualFold(toks[e+1].Text, "the") {
		if om := mentionStarting(names, toks, e+2); om != nil && om.Entity.Type == kg.Organization {
			return om.Entity
		}
	}
	return nil
}

// describedOrgAt reads an organization behind a short lower-case
// description from toks[q]: "at set-top box maker Acme Media", "for the
// Reston, Virginia-based company" (a nominal the document resolved), "of
// Acme's law school" (the school's organization).
func describedOrgAt(d *docState, toks []token, q int) *entity {
	if q >= len(toks) {
		return nil
	}
	ms := d.mentionsIn(toks[q].Start, toks[len(toks)-1].End)
	for k := q; k < len(toks) && k < q+7; k++ {
		if kind := d.index().nominals[strings.ToLower(toks[k].Text)]; kind != "" && strings.EqualFold(toks[q].Text, "the") && !isCapToken(toks[k].Text) {
			if k+1 < len(toks) && isPossessive(toks[k+1].Text) {
				return nil // "the company's board"
			}
			if om := mentionStarting(ms, toks, k+1); om != nil && om.Entity != nil && om.Entity.Type == kg.Organization {
				return om.Entity // "at the law firm Hollis Ward": the name the noun introduces
			}
			return recentOrgKind(d, toks[k].Start, nil, kind)
		}
		if m := mentionStarting(ms, toks, k); m != nil {
			if m.Entity.Type == kg.Organization && m.Kind != pronounMention {
				return m.Entity
			}
			return nil
		}
		t := toks[k]
		low := strings.ToLower(t.Text)
		switch {
		case low == "the" || low == "a" || low == "an":
			if k > q {
				return nil
			}
		case t.Text == ",":
			if k == q || !isCapToken(toks[k-1].Text) {
				return nil // only "Reston, Virginia-based"
			}
		case isCapToken(t.Text):
			// a place word in the description
		case strings.HasPrefix(t.Tag, "VB") && t.Tag != "VBN", low == "who" || low == "which" || low == "that" || low == "and" || low == "or":
			return nil
		case !isNounish(t) && !isAdjective(t) && !strings.Contains(t.Text, "-"):
			return nil
		}
	}
	return nil
}

// departsAfter: "Chief Executive Jane Roe has resigned", "... was ousted".
func departsAfter(x *lexIndex, toks []token, b int) bool {
	for k := b; k < len(toks) && k < b+3; k++ {
		low := strings.ToLower(toks[k].Text)
		if x.depart[low] {
			// "stepped aside from the case" is a recusal, not a departure.
			if strings.HasPrefix(low, "step") {
				return k+1 < len(toks) && (toks[k+1].Text == "down" || ((toks[k+1].Text == "aside" || toks[k+1].Text == "away") && !(k+2 < len(toks) && toks[k+2].Text == "from")))
			}
			return true
		}
		if low != "has" && low != "had" && low != "was" && low != "is" && low != "have" && low != "abruptly" && low != "suddenly" {
			return false
		}
	}
	return false
}

// appointedBefore: an appointment verb shortly before the person at a
// ("named Chief Financial Officer Jane Roe as ...").
func appointedBefore(x *lexIndex, toks []token, a int) bool {
	for k := a - 1; k >= 0 && k >= a-6; k-- {
		if x.appoint[strings.ToLower(toks[k].Text)] {
			return true
		}
	}
	return false
}

// namedAfter: ", who was named CEO" / "was appointed chief executive": the
// index of the title, or 0.
func namedAfter(x *lexIndex, toks []token, b int) int {
	k := b
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	if k < len(toks) && toks[k].Text == "who" {
		k++
	}
	if k < len(toks) && (toks[k].Text == "was" || toks[k].Text == "is" || toks[k].Text == "has" || toks[k].Text == "had") {
		k++
	}
	if k < len(toks) && toks[k].Text == "been" {
		k++
	}
	if k+1 < len(toks) && k > b && x.namedTo[toks[k].Text] {
		k++
		if toks[k].Text == "as" || toks[k].Text == "to" {
			k++
		}
		if k < len(toks) && strings.EqualFold(toks[k].Text, "the") {
			k++
		}
		return k
	}
	return 0
}

// adjTitle keeps a temporary modifier ("interim", "acting") of toks[from:k]
// before a title.
func adjTitle(x *lexIndex, toks []token, from, k int, title string) string {
	for i := from; i < k; i++ {
		if low := strings.ToLower(toks[i].Text); x.temporary[low] {
			return toks[i].Text + " " + title
		}
	}
	return title
}

// opensSentence: toks[k] opens its sentence (only punctuation before it).
func opensSentence(toks []token, k int) bool {
	for i := 0; i < k; i++ {
		if startsWithLetterOrDigit(toks[i].Text) {
			return false
		}
	}
	return true
}

// subjectOrg is the organization that opens sentence si, if one does.
func subjectOrg(d *docState, si int) *entity {
	s := d.Sents[si]
	if m := openingMention(d, d.mentionsIn(s.Start, s.End), si, s.End); m != nil && m.Entity.Type == kg.Organization {
		return m.Entity
	}
	return nil
}

// openingMention is the first of the mentions ms (in text order) that lies
// in sentence si before offset off, when it opens the sentence or follows
// an opening phrase of a preposition as the subject of a verb; nil when it
// does not, or there is none.
func openingMention(d *docState, ms []*mention, si, off int) *mention {
	s := d.Sents[si]
	intro := len(s.Tokens) > 0 && prepositions[strings.ToLower(s.Tokens[0].Text)]
	for _, m := range ms {
		if m.Start < s.Start || m.End > s.End || m.Start >= off {
			continue
		}
		a, b := tokRange(s.Tokens, m.Start, m.End)
		if a >= 0 && opensSentence(s.Tokens, a) {
			return m
		}
		// "In its appeal, filed in the Supreme Court in June, Acme says":
		// the subject after a phrase that a preposition opens
		if intro && a > 0 && s.Tokens[a-1].Text == "," && b < len(s.Tokens) && strings.HasPrefix(s.Tokens[b].Tag, "VB") {
			return m
		}
		if !intro {
			return nil
		}
	}
	return nil
}

// introducedNext: a sentence that opens with an office and names no one
// ("The general counsel of Acme has resigned ...") and a next sentence of
// the paragraph that opens with a person's name ("Jane Roe, who joined in
// 2019, ...") introduce the holder of the office: the office is hers,
// former when the first sentence has her leave it.
func introducedNext(d *docState, x *lexIndex, add func(si int, person *entity, title string, org *entity, orgNone bool, status string)) {
	for si := 0; si+1 < len(d.Sents); si++ {
		s, next := d.Sents[si], d.Sents[si+1]
		toks := s.Tokens
		if len(toks) < 5 || !strings.EqualFold(toks[0].Text, "the") || next.Para > s.Para+1 {
			continue
		}
		n, ti := x.titleAt(toks, 1, len(toks))
		if n == 0 || 1+n+1 >= len(toks) || toks[1+n].Text != "of" && toks[1+n].Text != "at" {
			continue
		}
		ms := d.mentionsIn(s.Start, s.End)
		org := mentionStarting(ms, toks, 2+n)
		if org == nil || org.Entity == nil || org.Entity.Type != kg.Organization ||
			slices.ContainsFunc(nameMentions(ms), func(m *mention) bool { return m.Entity != nil && m.Entity.Type == kg.Person }) {
			continue
		}
		nm := d.mentionsIn(next.Start, next.End)
		if len(nm) == 0 || nm[0].Kind != nameMention || nm[0].Entity == nil || nm[0].Entity.Type != kg.Person {
			continue
		}
		if a, _ := tokRange(next.Tokens, nm[0].Start, nm[0].End); a < 0 || !opensSentence(next.Tokens, a) {
			continue
		}
		_, b := tokRange(toks, org.Start, org.End)
		status := kg.Current
		if departsAfter(x, toks, b) {
			status = kg.Former
		}
		add(si, nm[0].Entity, ti.Phrase, org.Entity, false, status)
	}
}

// successors: "Jane Roe stepped down and was succeeded by John Roe" gives
// John Roe Jane Roe's titles, current.
func successors(d *docState, add func(si int, person *entity, title string, org *entity, orgNone bool, status string)) {
	x := d.index()
	byID := map[string]*entity{}
	for _, e := range d.Entities {
		byID[e.ID] = e
	}
	for si := range d.Sents {
		toks := d.Sents[si].Tokens
		names := nameMentions(d.mentionsIn(d.Sents[si].Start, d.Sents[si].End))
		for i := 0; i+2 < len(toks); i++ {
			low := strings.ToLower(toks[i].Text)
			if !x.succeeded[low] || toks[i+1].Text != "by" {
				continue
			}
			next := mentionStarting(names, toks, i+2)
			var prev *mention
			for _, m := range names {
				if m.End <= toks[i].Start && m.Entity.Type == kg.Person {
					prev = m
				}
			}
			if next == nil || prev == nil || next.Entity.Type != kg.Person || next.Entity == prev.Entity {
				continue
			}
			for _, r := range append([]kg.Role(nil), d.Roles...) {
				if r.Person == prev.Entity.ID && corporateTitle(x, r.Title) {
					add(si, next.Entity, r.Title, byID[r.Organization], r.Organization == "", kg.Current)
				}
			}
		}
	}
}

// dropBareTitles removes an organization-less military rank when the same
// sentence gives the person an office ("Col. Jane Roe, an Army
// spokeswoman"), and a seat on no body ("Member").
func dropBareTitles(d *docState) {
	x := d.index()
	var out []kg.Role
	for _, r := range d.Roles {
		if r.Organization == "" && x.titles[strings.ToLower(r.Title)].Seat {
			continue
		}
		if r.Organization == "" && x.rankTitles[strings.ToLower(r.Title)] {
			other := false
			for _, q := range d.Roles {
				if q.ID != r.ID && q.Person == r.Person && len(q.Sources) > 0 && len(r.Sources) > 0 && q.Sources[0].Start == r.Sources[0].Start {
					other = true
				}
			}
			if other {
				continue
			}
		}
		out = append(out, r)
	}
	d.Roles = out
}

func appendSource(srcs []kg.Source, s kg.Source) []kg.Source {
	for _, x := range srcs {
		if x == s {
			return srcs
		}
	}
	return append(srcs, s)
}

func nameMentions(ms []*mention) []*mention {
	var out []*mention
	for _, m := range ms {
		if m.Kind == nameMention {
			out = append(out, m)
		}
	}
	return out
}

// tokRange returns the token range covering [start,end), or -1.
func tokRange(toks []token, start, end int) (int, int) {
	a, b := -1, -1
	for i, t := range toks {
		if t.Start == start {
			a = i
		}
		if t.End == end {
			b = i + 1
		}
	}
	if a < 0 || b < 0 {
		return -1, -1
	}
	return a, b
}

func mentionStarting(ms []*mention, toks []token, k int) *mention {
	if k < 0 || k >= len(toks) {
		return nil
	}
	for _, m := range ms {
		if m.Start == toks[k].Start {
			return m
		}
	}
	return nil
}

func mentionAtTok(ms []*mention, toks []token, k int) *mention {
	if k < 0 || k >= len(toks) {
		return nil
	}
	for _, m := range ms {
		if m.Start <= toks[k].Start && toks[k].End <= m.End {
			return m
		}
	}
	return nil
}

func isAdjective(t token) bool {
	return strings.HasPrefix(t.Tag, "JJ") || t.Tag == "VBN" || (t.Tag == "NN" && !isCapToken(t.Text))
}

func isNounish(t token) bool { return strings.HasPrefix(t.Tag, "NN") }

// titleStartsPhrase: a title before ", PERSON" must begin its phrase (after a
// possessive, determiner, adjective or sentence start), not end a clause.
func titleStartsPhrase(x *lexIndex, toks []token, i int) bool {
	if i <= 0 {
		return true
	}
	p := toks[i-1]
	low := strings.ToLower(p.Text)
	if x.looseMods[low] && !isCapToken(p.Text) {
		return titleStartsPhrase(x, toks, i-1) // "its group CEO, Jane Roe"
	}
	if (p.Tag == "CD" || p.Tag == "VBG" || p.Tag == "VBN" || strings.HasSuffix(low, "ing")) && isLowerWord(p.Text) {
		return titleStartsPhrase(x, toks, i-1) // "the two dissenting trustees, Jane Roe and Dan Poe"
	}
	return isPossessive(p.Text) || low == "its" || low == "his" || low == "her" || low == "their" || low == "the" || low == "a" || low == "an" || x.former[low] || strings.HasPrefix(p.Tag, "JJ") || p.Tag == "DT" || p.Tag == "PRP$"
}

// verbalTitle: a lower-case title word used as a verb before its object
// ("we'll judge Jane Roe", "to counsel Jane Roe"): after a modal, "to" or a
// subject pronoun.
func verbalTitle(toks []token, i int) bool {
	if i <= 0 || isCapToken(toks[i].Text) {
		return false
	}
	switch strings.ToLower(toks[i-1].Text) {
	case "'ll", "’ll", "will", "would", "can", "could", "should", "must", "may", "might", "to", "we", "they", "i", "you", "don't", "didn't", "not":
		return true
	}
	return false
}

// titleContext reads what precedes a title at toks[i]: status words, adjectives,
// and an organization (a mention, "X's", or "its").
func titleContext(d *docState, x *lexIndex, si, i int, ti titleInfo, person *entity) (*entity, bool, string) {
	toks := d.Sents[si].Tokens
	status := kg.Current
	names := nameMentions(d.mentionsIn(d.Sents[si].Start, d.Sents[si].End))
	var org *entity
	placed := false // a place other than the nation before the title
	nation := false // the nation before it ("U.S. Attorney General")
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		low := strings.ToLower(strings.TrimSuffix(toks[k].Text, "-"))
		if x.former[low] || x.former[toks[k].Text] {
			status = kg.Former
			continue
		}
		// "then-finance vice president": a status prefix glued to a modifier.
		if pre, _, ok := strings.Cut(low, "-"); ok && x.former[pre] {
			status = kg.Former
			continue
		}
		if low == "its" {
			if (opensSentence(toks, k) || orgBeforeInSentence(d, si, toks[k].Start, nil) == nil) && si > 0 {
				// "The museum disputes that. In a statement, its
				// director said": the body the sentence before opened with
				org = subjectOrg(d, si-1)
				if org == nil && !opensSentence(toks, k) && describedOpening(d.Sents[si-1].Tokens) {
					break // a body described, not named: which one is not said
				}
			}
			if org == nil {
				org = recentOrg(d, toks[k].Start, person)
			}
			break
		}
		if isPossessive(toks[k].Text) {
			if om := mentionAtTok(names, toks, k-1); om != nil && om.Entity.Type == kg.Organization {
				org = om.Entity
			} else if ho := headNounOrg(d, toks, k-1, person); ho != nil {
				org = ho // "the board's chief counsel"
			} else if om := mentionAtTok(d.mentionsIn(d.Sents[si].Start, d.Sents[si].End), toks, k-1); om != nil && om.Kind == nominalMention && om.Entity.Type == kg.Organization {
				org = om.Entity // "the university's general counsel"
			}
			break
		}
		if om := mentionAtTok(names, toks, k); om != nil {
			if om.Entity.Type == kg.Organization {
				org = om.Entity
				// "former Acme chief executive"
				if oa, _ := tokRange(toks, om.Start, om.End); oa > 0 && x.former[strings.ToLower(toks[oa-1].Text)] {
					status = kg.Former
				}
			}
			break
		}
		// "company spokeswoman Jane Roe": the company the text is about.
		if kind := x.nominals[low]; kind != "" && low != "board" && k == i-1 {
			org = recentOrgKind(d, toks[k].Start, person, kind)
			break
		}
		if key := kg.Key(toks[k].Text); x.places[key] {
			// "Oregon Attorney General": the state's office, not the
			// national body the title alone implies; "U.S. Attorney
			// General": the nation's
			placed = placed || !x.national[key]
			nation = nation || x.national[key]
			continue
		}
		if isAdjective(toks[k]) || low == "current" || x.looseMods[low] {
			continue
		}
		// "former fisheries minister": a portfolio noun between the
		// status word and the title
		if isLowerWord(toks[k].Text) && strings.HasPrefix(toks[k].Tag, "NN") && k > 0 && x.former[strings.ToLower(toks[k-1].Text)] {
			continue
		}
		break
	}
	if org == nil && !placed {
		if nation {
			ti.OrgNamed = false
		}
		o, none := impliedOrg(d, ti)
		return o, none, status
	}
	return org, false, status
}

// describedOpening reports whether a sentence opens with a definite
// description ("The museum disputes ..."): "the" and a lower-case noun.
func describedOpening(toks []token) bool {
	return len(toks) > 1 && toks[0].Text == "The" && isLowerWord(toks[1].Text) && strings.HasPrefix(toks[1].Tag, "NN")
}

// impliedOrg returns the organization a title implies, adding it to the
// document's entities when the text does not name it, unless the title
// implies it only when named (org_named=1).
func impliedOrg(d *docState, ti titleInfo) (*entity, bool) {
	switch ti.Org {
	case "":
		return nil, false
	case "none":
		return nil, true
	}
	k := kg.Key(ti.Org)
	for _, e := range d.Entities {
		if e.Type == kg.Organization && kg.Key(e.Name) == k {
			return e, false
		}
	}
	if ti.OrgNamed {
		return nil, false
	}
	e := &entity{ID: kg.EntityID(kg.Organization, ti.Org), Type: kg.Organization, Name: ti.Org, Kind: "agency", Aliases: map[string]struct{}{}}
	d.Entities = append(d.Entities, e)
	return e, false
}

// headNounOrg: "the alliance's", "the board's": a lower-case head noun after
// "the" refers to the most recent organization whose name ends in that noun
// ("Keystone Fair Maps Alliance", "Judicial Conduct Board"). toks[k] is the
// noun.
func headNounOrg(d *docState, toks []token, k int, skip *entity) *entity {
	if k < 1 || k >= len(toks) || isCapToken(toks[k].Text) || !strings.EqualFold(toks[k-1].Text, "the") || !isNounish(toks[k]) {
		return nil
	}
	head := strings.ToLower(toks[k].Text)
	// a name that ends in the head first ("Blue Mahoe Bank Limited"),
	// then one it leads ("Ministry of Works")
	for _, lead := range []bool{false, true} {
		var best *mention
		var later []*entity // named after, with that head
		for _, m := range d.Mentions {
			if m.Kind != nameMention || m.Entity.Type != kg.Organization || m.Entity == skip || !nameHasHead(d.index(), m.Entity.Name, head, lead) {
				continue
			}
			if m.Start >= toks[k].Start {
				if !slices.Contains(later, m.Entity) {
					later = append(later, m.Entity)
				}
			} else if best == nil || m.Start > best.Start {
				best = m
			}
		}
		switch {
		case best != nil:
			return best.Entity
		case len(later) == 1:
			// "Jane Roe, the ministry's director general, ... The
			// Ministry of Works said": the one body of that head the
			// story names after
			return later[0]
		}
	}
	return nil
}

// nameHasHead reports whether an organization's name has the head noun
// head: its last word before a legal form ("Acme Media Group SA": the
// group), or the word a remit follows ("Judicial Conduct Board of
// Pennsylvania": the board), and with lead its first word when a remit
// follows it ("Ministry of Works": the ministry).
func nameHasHead(x *lexIndex, name, head string, lead bool) bool {
	ws := strings.Fields(name)
	for len(ws) > 2 && x.heads[ws[len(ws)-1]].Legal {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return false
	}
	if strings.ToLower(strings.Trim(ws[len(ws)-1], ".,")) == head {
		return true
	}
	if lead && (ws[1] == "of" || ws[1] == "for" || ws[1] == "on") && strings.ToLower(ws[0]) == head {
		return true
	}
	for i := 1; i+1 < len(ws); i++ {
		if (ws[i+1] == "of" || ws[i+1] == "for" || ws[i+1] == "on") && strings.ToLower(ws[i]) == head {
			return true
		}
	}
	return false
}

// headNounOrgBefore: the first "the NOUN's" before toks[a] that names an
// organization by its head noun ("The league's board named Jane Roe ...").
func headNounOrgBefore(d *docState, toks []token, a int, skip *entity) *entity {
	for k := 1; k+1 < a; k++ {
		if isPossessive(toks[k+1].Text) {
			if o := headNounOrg(d, toks, k, skip); o != nil {
				return o
			}
		}
	}
	return nil
}

// recentOrg is the most recent organization named before off, other than skip.
func recentOrg(d *docState, off int, skip *entity) *entity { return recentOrgKind(d, off, skip, "") }

// recentOrgKind is recentOrg limited to one organization kind ("" for any).
// salientOrg is the organization the story is most about: the one named
// most often (by name, short name or description), when it is named at
// least half again as often as any other; nil when the story is about
// several (two bidders, a plaintiff and a defendant).
func salientOrg(d *docState, skip *entity) *entity {
	if e, n := mostNamedOrg(d, func(e *entity) bool { return e != skip }); n > 0 {
		return e
	}
	return nil
}

// mostNamedOrg is the organization among those keep admits that the story
// names most often (by name, short name or description), when it is named
// at least half again as often as any other, with its count; nil and 0
// otherwise.
func mostNamedOrg(d *docState, keep func(*entity) bool) (*entity, int) {
	count := map[*entity]int{}
	for _, m := range d.Mentions {
		if m.Entity == nil || m.Entity.Type != kg.Organization || !keep(m.Entity) {
			continue
		}
		count[m.Entity]++
	}
	var best *entity
	second := 0
	for _, e := range d.Entities {
		n := count[e]
		switch {
		case best == nil || n > count[best]:
			if best != nil {
				second = max(second, count[best])
			}
			best = e
		case n > second:
			second = n
		}
	}
	if best == nil || 2*count[best] < 3*second {
		return nil, 0
	}
	return best, count[best]
}

// A company's officer is not at a partnership of lawyers or accountants
// ("Acme LLP": advisers=1 in org_heads.txt) the story names for its advice.
func recentOrgKind(d *docState, off int, skip *entity, kind string) *entity {
	var best *mention
	x := d.index()
	for _, m := range d.Mentions {
		if kind == "company" && m.Entity != nil && advisersFirm(x, m.Entity.Name) {
			continue
		}
		if m.Start < off && m.Kind == nameMention && m.Entity.Type == kg.Organization && m.Entity != skip && (kind == "" || m.Entity.Kind == kind) {
			if best == nil || m.Start > best.Start {
				best = m
			}
		}
	}
	if best == nil {
		return nil
	}
	return best.Entity
}

// advisersFirm reports whether an organization's name ends in the legal
// form of a partnership of lawyers or accountants ("Acme LLP").
func advisersFirm(x *lexIndex, name string) bool {
	ws := strings.Fields(name)
	return len(ws) > 1 && x.heads[ws[len(ws)-1]].Advisers
}

// prefixedTitleEndingAt is titleEndingAt for a title glued to a status
// prefix: "then-President", "ex-CEO".
func prefixedTitleEndingAt(x *lexIndex, toks []token, i int) (int, titleInfo) {
	for n := min(x.maxTitle, i); n > 0; n-- {
		first := toks[i-n].Text
		low := strings.ToLower(first)
		for w := range x.prefix { // role_words.txt class=prefix
			pre := w + "-"
			if !strings.HasPrefix(low, pre) || len(first) == len(pre) {
				continue
			}
			cp := append([]token(nil), toks[i-n:i]...)
			cp[0].Text = first[len(pre):]
			if k, ti := x.titleAt(cp, 0, n); k == n {
				return n, ti
			}
		}
	}
	return 0, titleInfo{}
}

// removedBefore: a removal verb governs the title at toks[i]: "the board
// removed Chief Executive Jane Roe", "Acme ousts CEO Jane Roe", "its board
// had fired its chief executive, Jane Roe".
func removedBefore(x *lexIndex, toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		low := strings.ToLower(toks[k].Text)
		if x.remove[low] {
			return true
		}
		if low != "its" && low != "the" && low != "their" && !isPossessive(toks[k].Text) && !isCapToken(toks[k].Text) {
			return false
		}
	}
	return false
}

// isTitleAdj: "acting", "interim": words kept before a title.
func isTitleAdj(x *lexIndex, w string) bool {
	return x.temporary[strings.ToLower(w)]
}

// academicTitle: an office only a university has, so that one named
// without an organization is the university's the story names last.
func academicTitle(x *lexIndex, t string) bool { return x.onlyOf(t, "university") }

// companyTitle: a title that only a company (its founders and board) has,
// so that one named without an organization is the company's the story is
// about: "Jane Roe, a co-founder", "the lead independent director".
func companyTitle(x *lexIndex, t string) bool { return x.onlyOf(t, "company") }

// personBefore is the nearest person mention (a name or a pronoun) before
// toks[k] in sentence si, and the index of its first token.
func personBefore(d *docState, si, k int) (*entity, int) {
	s := d.Sents[si]
	var best *mention
	for _, m := range d.mentionsIn(s.Start, s.Tokens[k].Start) {
		if m.Entity.Type != kg.Person || m.Kind == nominalMention {
			continue
		}
		// "a longtime Roe ally", "Roe's lawyer": a name modifying a noun is
		// not the subject.
		if a, b := tokRange(s.Tokens, m.Start, m.End); b > 0 && b < k {
			if nt := s.Tokens[b]; isPossessive(nt.Text) || (isNounish(nt) && !isCapToken(nt.Text)) {
				continue
			}
			if a > 0 && !isCapToken(s.Tokens[a-1].Text) && (strings.HasPrefix(s.Tokens[a-1].Tag, "JJ") || s.Tokens[a-1].Tag == "DT") {
				continue // "a longtime Roe ally"
			}
		}
		best = m
	}
	if best == nil {
		return nil, -1
	}
	a, _ := tokRange(s.Tokens, best.Start, best.End)
	return best.Entity, a
}

// titleAfter reads "[a|an|the] [former] [adjectives, places] TITLE" from
// toks[k]: the title's first token and length, or n = 0.
func titleAfter(x *lexIndex, toks []token, k int) (int, int, titleInfo, bool) {
	former := false
	for k < len(toks) && (leadStop[strings.ToLower(toks[k].Text)] || x.former[strings.ToLower(toks[k].Text)]) {
		former = former || x.former[strings.ToLower(toks[k].Text)]
		k++
	}
	from := k
	for k < len(toks) && k < from+4 {
		if n, ti := x.titleAt(toks, k, len(toks)); n > 0 {
			return k, n, ti, former
		}
		if !isAdjective(toks[k]) && !isTitleAdj(x, toks[k].Text) && !x.places[kg.Key(toks[k].Text)] {
			break
		}
		k++
	}
	return k, 0, titleInfo{}, former
}

// verbRoles reads roles from verbs in sentence si: "Jane Roe worked as a
// vice president at Acme", "she previously served as deputy director of the
// agency", "Roe joined Acme as chief financial officer", "Roe resigned as a
// director", "he spent 12 years as a partner at a law firm", "Roe
// co-founded the company", "She was previously chief financial officer of
// Acme", "Roe, who represents Acme", "Roe, who teaches law at Acme
// University".
func (rb *roleBuilder) verbRoles(si int) {
	x := rb.x
	st := &rb.d.Sents[si]
	ms := rb.d.mentionsIn(st.Start, st.End)
	s := &roleSent{si: si, toks: st.Tokens, ms: ms, names: nameMentions(ms)}
	toks := s.toks
	for k := 1; k+1 < len(toks); k++ {
		low := strings.ToLower(toks[k].Text)
		prev := strings.ToLower(toks[k-1].Text)
		switch {
		case low == "as":
			rb.asRole(s, k)
		case (low == "was" || low == "is") && k+1 < len(toks):
			rb.copulaRole(s, k, low, prev)
		case x.found[low]:
			rb.foundedRole(s, k, low)
		case x.become[low]:
			rb.becomeRole(s, k)
		case x.represent[low] && prev == "who":
			rb.representsRole(s, k)
		case x.teach[low] && prev == "who":
			rb.teachesRole(s, k, low)
		}
	}
}

// asVerb reads the verb before "as" at toks[k] ("worked as", "resigned
// Monday as", "joined Acme as", "spent 12 years as"): the status it gives
// the title, the organization it names, whether it is a departure, and
// whether it makes a role at all.
func (rb *roleBuilder) asVerb(s *roleSent, k int) (status string, org *entity, depart, ok bool) {
	x, toks := rb.x, s.toks
	prev := strings.ToLower(toks[k-1].Text)
	pk := k - 1
	// "resigned Monday as CEO": a day or date word before "as".
	for pk > 0 && (x.calendar[kg.Key(toks[pk].Text)] || prev == "today" || prev == "yesterday") {
		pk--
		prev = strings.ToLower(toks[pk].Text)
	}
	status = kg.Current
	switch {
	case x.serve[prev]:
		// "worked as", "served as": a past form ends the office
		if strings.HasSuffix(prev, "ed") || (pk >= 1 && (toks[pk-1].Text == "after" || toks[pk-1].Text == "before")) {
			status = kg.Former
		}
		if pk >= 1 && (toks[pk-1].Text == "has" || toks[pk-1].Text == "have") {
			status = kg.Current
		}
	case x.departAs[prev] || (prev == "down" && pk >= 1 && strings.HasPrefix(strings.ToLower(toks[pk-1].Text), "step")):
		status, depart = kg.Former, true
	case mentionAtTok(s.ms, toks, k-1) != nil && mentionAtTok(s.ms, toks, k-1).Entity.Type == kg.Organization:
		// "joined Acme as", "joined the company as"
		om := mentionAtTok(s.ms, toks, k-1)
		oa, _ := tokRange(toks, om.Start, om.End)
		if oa < 1 || !x.join[strings.ToLower(toks[oa-1].Text)] {
			return "", nil, false, false
		}
		org = om.Entity
	default:
		// "spent 12 years as", "after six years as"
		spent := k >= 2 && toks[k-2].Tag == "CD"
		for q := k - 1; q >= 0 && q >= k-4; q-- {
			if w := strings.ToLower(toks[q].Text); w == "spent" {
				spent = true
			}
		}
		if !spent || (prev != "years" && prev != "months" && prev != "decades" && prev != "year") {
			return "", nil, false, false
		}
		status = kg.Former
	}
	return status, org, depart, true
}

// asRole reads "PERSON VERB as [ORG's|its] TITLE [of|at ORG]" at the "as" of
// toks[k]: "Jane Roe worked as a vice president at Acme", "Roe joined Acme as
// chief financial officer", "Roe resigned as a director".
func (rb *roleBuilder) asRole(s *roleSent, k int) {
	d, x, toks, ms := rb.d, rb.x, s.toks, s.ms
	status, org, depart, ok := rb.asVerb(s, k)
	if !ok {
		return
	}
	person, pa := personBefore(d, s.si, k)
	if person == nil {
		return
	}
	for q := pa; q < k; q++ {
		if x.past[strings.ToLower(toks[q].Text)] {
			status = kg.Former
		}
	}
	from := k + 1
	// "served as the agency's deputy director", "as its counsel"
	if om := possessiveOrgAt(d, ms, toks, from); om != nil {
		org, from = om.Entity, possessiveEnd(toks, om)
	} else if from < len(toks) && strings.EqualFold(toks[from].Text, "its") {
		org, from = recentOrg(d, toks[from].Start, person), from+1
	}
	t, n, ti, former := titleAfter(x, toks, from)
	if n == 0 {
		return
	}
	if former {
		status = kg.Former
	}
	if o := orgAfterTitle(d, s.names, toks, t+n); o != nil {
		org = o
	}
	if org == nil {
		org = whereOrg(d, ms, toks, pa)
	}
	none := false
	if org == nil && depart && corporateTitle(x, ti.Phrase) {
		org = recentOrgKind(d, toks[k].Start, person, "company")
	}
	if org == nil {
		org, none = impliedOrg(d, ti)
	}
	rb.addRole(s.si, person, adjTitle(x, toks, k+1, t, ti.Phrase), org, none, status)
}

// copulaRole reads "PERSON was|is [previously|now] TITLE of ORG" at the verb
// toks[k]: "She was previously chief financial officer of Acme."; "Jane
// Roe, who is now a managing director at Acme"; "Roe, 54, was dean of
// Acme's law school".
func (rb *roleBuilder) copulaRole(s *roleSent, k int, low, prev string) {
	x, toks := rb.x, s.toks
	pk := k - 1
	if prev == "who" && k >= 3 && toks[k-2].Text == "," {
		pk = k - 3
	} else if prev == "," && k >= 4 && toks[k-2].Tag == "CD" && toks[k-3].Text == "," {
		pk = k - 4
	}
	pm := mentionAtTok(s.ms, toks, pk)
	if pm == nil || pm.Entity.Type != kg.Person || pm.Kind == nominalMention {
		return
	}
	q := k + 1
	status := kg.Current
	if x.past[strings.ToLower(toks[q].Text)] {
		status = kg.Former
		q++
	} else if low == "was" && pk == k-1 {
		return
	} else if low == "was" {
		status = kg.Former
	} else if w := strings.ToLower(toks[q].Text); w == "now" || w == "currently" {
		q++
	}
	t, n, ti, former := titleAfter(rb.x, toks, q)
	if n == 0 || ti.Org == "none" {
		return
	}
	if former {
		status = kg.Former
	}
	org := orgAfterTitle(rb.d, s.names, toks, t+n)
	if org == nil {
		return
	}
	rb.addRole(s.si, pm.Entity, adjTitle(x, toks, q, t, ti.Phrase), org, false, status)
}

// foundedRole reads "Roe co-founded the company", "who founded Acme in
// 2011" at the verb toks[k].
func (rb *roleBuilder) foundedRole(s *roleSent, k int, low string) {
	toks := s.toks
	person, _ := personBefore(rb.d, s.si, k)
	if person == nil || toks[k-1].Text == "," {
		return
	}
	om := mentionStarting(s.ms, toks, k+1)
	var founded *entity
	if om != nil && om.Entity.Type == kg.Organization && om.Kind != pronounMention {
		founded = om.Entity
	} else if om == nil {
		founded = describedOrgAt(rb.d, toks, k+1) // "co-founded the Boston-based company"
	}
	if founded == nil {
		return
	}
	title := "Founder"
	if low != "founded" {
		title = "Co-founder"
	}
	rb.addRole(s.si, person, title, founded, false, kg.Current)
}

// becomeRole reads "left the agency to become a senior vice president at
// Acme" at the verb toks[k].
func (rb *roleBuilder) becomeRole(s *roleSent, k int) {
	toks := s.toks
	person, _ := personBefore(rb.d, s.si, k)
	if person == nil {
		return
	}
	t, n, ti, former := titleAfter(rb.x, toks, k+1)
	if n == 0 || former || ti.Org == "none" {
		return
	}
	org := orgAfterTitle(rb.d, s.names, toks, t+n)
	if org == nil {
		return
	}
	rb.addRole(s.si, person, adjTitle(rb.x, toks, k+1, t, ti.Phrase), org, false, kg.Current)
}

// representsRole reads "Jane Roe of Acme LLP, who represents Initech" at the
// verb toks[k]: a lawyer of the firm, or of the client organization.
func (rb *roleBuilder) representsRole(s *roleSent, k int) {
	toks := s.toks
	if k < 3 || toks[k-2].Text != "," {
		return
	}
	pm := mentionAtTok(s.names, toks, k-3)
	var firm *entity
	if pm != nil && pm.Entity.Type == kg.Organization {
		firm = pm.Entity
		if pa, _ := tokRange(toks, pm.Start, pm.End); pa >= 2 && toks[pa-1].Text == "of" {
			pm = mentionAtTok(s.names, toks, pa-2)
		}
	}
	client := mentionStarting(s.names, toks, k+1)
	if pm == nil || pm.Entity.Type != kg.Person || client == nil {
		return
	}
	if firm == nil && client.Entity.Type == kg.Organization {
		firm = client.Entity
	}
	rb.addRole(s.si, pm.Entity, "Attorney", firm, false, kg.Current)
}

// teachesRole reads "Jane Roe, who teaches law at Acme University" at the
// verb toks[k]: a professor at a university, else a teacher.
func (rb *roleBuilder) teachesRole(s *roleSent, k int, low string) {
	toks := s.toks
	person, _ := personBefore(rb.d, s.si, k)
	if person == nil {
		return
	}
	for q := k + 1; q+1 < len(toks) && q < k+6; q++ {
		if toks[q].Text == "," || toks[q].Text == "." {
			break
		}
		if toks[q].Text != "at" {
			continue
		}
		if om := mentionStarting(s.names, toks, q+1); om != nil && om.Entity.Type == kg.Organization {
			title := "Teacher"
			if om.Entity.Kind == "university" {
				title = "Professor"
			}
			status := kg.Current
			if low == "taught" {
				status = kg.Former
			}
			rb.addRole(s.si, person, title, om.Entity, false, status)
		}
		break
	}
}

// ownerRole: a person who owns an organization ("Jane Roe, who owns Acme
// Farms") and holds no office in the story is its owner.
func ownerRole(d *docState, r kg.Relation, add func(si int, person *entity, title string, org *entity, orgNone bool, status string)) {
	if r.Type != "owns" || len(r.Sources) == 0 {
		return
	}
	var from, to *entity
	for _, e := range d.Entities {
		if e.ID == r.From {
			from = e
		}
		if e.ID == r.To {
			to = e
		}
	}
	if from == nil || to == nil || from.Type != kg.Person {
		return
	}
	for _, q := range d.Roles {
		if q.Person == from.ID {
			return
		}
	}
	if si := d.sentenceAt(r.Sources[0].Start); si >= 0 {
		add(si, from, "Owner", to, false, kg.Current)
	}
}

// dropSupersededCurrent: a story that reports an office as former ("the
// board removed Chief Executive Jane Roe") does not also keep it current
// from a caption or an earlier line.
func dropSupersededCurrent(d *docState) {
	former := map[string]bool{}
	for _, r := range d.Roles {
		if r.Status == kg.Former {
			former[r.Person+"|"+strings.ToLower(r.Title)+"|"+r.Organization] = true
		}
	}
	var out []kg.Role
	for _, r := range d.Roles {
		if r.Status != kg.Former && former[r.Person+"|"+strings.ToLower(r.Title)+"|"+r.Organization] {
			continue
		}
		out = append(out, r)
	}
	d.Roles = out
}

// possessiveOrgAt is the organization mention (a name or a resolved nominal,
// "the agency") starting at toks[k] (after an optional "the") and followed by
// a possessive: "DHS's", "the university's".
func possessiveOrgAt(d *docState, ms []*mention, toks []token, k int) *mention {
	if k < len(toks) && strings.EqualFold(toks[k].Text, "the") {
		if m := mentionStarting(ms, toks, k); m == nil {
			k++
		}
	}
	m := mentionStarting(ms, toks, k)
	if m == nil || m.Entity.Type != kg.Organization || m.Kind == pronounMention {
		return nil
	}
	if _, b := tokRange(toks, m.Start, m.End); b < 0 || b >= len(toks) || !isPossessive(toks[b].Text) {
		return nil
	}
	return m
}

// possessiveEnd is the token after the possessive that follows m.
func possessiveEnd(toks []token, m *mention) int {
	_, b := tokRange(toks, m.Start, m.End)
	return b + 1
}

// whereOrg: "Acme University, where she had served as provost": the
// organization "where" refers back to, just before the person at toks[pa].
func whereOrg(d *docState, ms []*mention, toks []token, pa int) *entity {
	if pa < 1 || toks[pa-1].Text != "where" {
		return nil
	}
	q := pa - 2
	if q >= 0 && toks[q].Text == "," {
		q--
	}
	if om := mentionAtTok(ms, toks, q); om != nil && om.Entity.Type == kg.Organization && om.Kind != pronounMention {
		return om.Entity
	}
	return nil
}
