package extract

import (
	"fmt"
	"strings"

	"github.com/factgraph/factgraph/extract/morph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// Role patterns (lexicon file role_patterns.txt) state an office: a person,
// a title and, where the sentence gives one, its organization. Attributes:
//
//	status=current|former  the role's status (default current)
//	title=WORD             the title when the pattern states the office by
//	                       a verb ("X chairs the committee": title=chair)
//	org=context            with no {org} matched, the organization is the
//	                       one the person holds an office at already, or
//	                       the one named most recently
//
// A pattern's role is added only when the rules before it found no role of
// the same person with the same title (or one containing it), and the patterns of the file are
// tried in order: write the more specific ones first.

type rolePatterns struct {
	pats []pattern
	ix   *patternIndex
	err  error
}

// compileRolePatterns compiles role_patterns.txt, inflecting by in; the
// first pattern that does not compile or captures no person or title is
// kept as the error.
func compileRolePatterns(lex *lexicon.Lexicon, in *morph.Inflector) *rolePatterns {
	pats, err := compilePatternFile(lex, in, "role_patterns", func(p pattern, e lexicon.Entry) error {
		if _, ok := p.capture("person"); !ok {
			return fmt.Errorf("pattern %s: no {person}", e.File)
		}
		if _, ok := p.capture("title"); !ok && e.Attr("title") == "" {
			return fmt.Errorf("pattern %s: no {title} and no title=", e.File)
		}
		return nil
	})
	return &rolePatterns{pats: pats, ix: newPatternIndex(pats), err: err}
}

// capture reports whether the pattern captures name.
func (p *pattern) capture(name string) (element, bool) {
	for _, e := range p.elems {
		if e.capture == name {
			return e, true
		}
	}
	return element{}, false
}

// patternRoles adds the roles the role patterns state, sentence by sentence.
func patternRoles(d *docState, x *lexIndex, add func(si int, person *entity, title string, org *entity, orgNone bool, status string)) {
	rp := d.extractor().rp
	if rp.err != nil {
		panic(rp.err)
	}
	if len(rp.pats) == 0 {
		return
	}
	type heldTitle struct{ title, org string }
	have := map[string][]heldTitle{} // person id -> lower-case titles known, and their organizations
	for _, r := range d.Roles {
		have[r.Person] = append(have[r.Person], heldTitle{strings.ToLower(r.Title), r.Organization})
	}
	// known: the person holds the title (or one containing it) already, at
	// the same organization or at one not named; "the ministry's director
	// of industry, who until 2025 was commercial director of Acme" holds two
	known := func(person, title string, org *entity) bool {
		title = strings.ToLower(title)
		for _, h := range have[person] {
			if (strings.Contains(h.title, title) || strings.Contains(title, h.title)) && (org == nil || h.org == "" || h.org == org.ID) {
				return true
			}
		}
		return false
	}
	for si := range d.Sents {
		us := d.units(x, si)
		usedTitle := map[int]bool{} // a title states one person's office
		present := newUnitSet(us)
		held := rp.ix.held(present)
		for i, p := range rp.pats {
			if !rp.ix.possible(i, present, held) {
				continue
			}
			for _, m := range p.matches(us) {
				person := m.caps["person"].ent
				title := p.attrs["title"]
				tu, hasTitle := m.caps["title"]
				if hasTitle {
					title = d.titleText(si, tu)
				}
				if person == nil || person.Type != kg.Person || title == "" || hasTitle && usedTitle[tu.a] {
					continue
				}
				if _, served := servedTitle(x, d.Sents[si].Tokens, tu.a); hasTitle && served {
					continue // "an aide to the governor, Jane Roe": she is no governor
				}
				usedTitle[tu.a] = hasTitle
				org := m.caps["org"].ent
				if pr := m.caps["principal"].ent; org == nil && pr != nil && pr != person && tu.title.Org == "" {
					org = pr // "the mayor's spokeswoman": she speaks for the mayor
				}
				if known(person.ID, title, org) {
					completeOrg(d, person, title, org)
					continue
				}
				orgID := ""
				if org != nil {
					orgID = org.ID
				}
				have[person.ID] = append(have[person.ID], heldTitle{strings.ToLower(title), orgID})
				status := p.attrs["status"]
				if status == "" {
					status = kg.Current
				}
				if status == kg.Current && hasTitle && formerBefore(x, d.Sents[si].Tokens, us[m.a].a, tu.a) {
					status = kg.Former // "the commission's then-director, Jane Roe"
				}
				if status == kg.Current && leftOffice(x, d.Sents[si].Tokens, us[m.a].a, m.caps["person"].b) {
					status = kg.Former
				}
				if org == nil && p.attrs["org"] == "context" {
					org = d.titleNounOrg(si, title)
				}
				if org == nil && p.attrs["org"] == "context" {
					org = d.contextOrg(si, person, tu.title.Org == "")
				}
				add(si, person, title, org, org == nil && tu.title.Org == "none", status)
			}
		}
	}
}

// contextOrg is the organization a title with none stated belongs to: the
// one the person already holds an office at (a promotion), or, when recent
// is set, the organization named most recently.
func (d *docState) contextOrg(si int, person *entity, recent bool) *entity {
	for _, r := range d.Roles {
		if r.Person == person.ID && r.Organization != "" && r.Status == kg.Current {
			return d.entityByID(r.Organization)
		}
	}
	if !recent {
		return nil
	}
	return recentOrg(d, d.Sents[si].Start, person)
}

// titleNounOrg is the organization a lower-case noun inside a title
// stands for ("a ministry spokesman": the ministry the story names last
// before sentence si, as "the ministry" would be), or nil.
func (d *docState) titleNounOrg(si int, title string) *entity {
	x := d.index()
	for _, w := range strings.Fields(title) {
		if !isLowerWord(w) {
			continue
		}
		want, named := nominalReferent(x, w, false)
		if want == nil || !named {
			continue // a kind ("company") says less than the context
		}
		var best *mention
		for _, m := range d.Mentions {
			if m.Entity != nil && m.Sent <= si && want(m.Entity) && (best == nil || m.Start > best.Start) {
				best = m
			}
		}
		if best != nil {
			return best.Entity
		}
	}
	return nil
}

// titleText is a title unit's title: the lexicon's phrase, or the words as
// written when nouns before the title qualify it ("enforcement director").
func (d *docState) titleText(si int, u unit) string {
	toks := d.Sents[si].Tokens
	if n := len(strings.Fields(u.title.Phrase)); u.b-u.a > n {
		return d.Doc.Text[toks[u.a].Start:toks[u.b-1].End]
	}
	return u.title.Phrase
}

// leftOffice: the person of a match that spans tokens [a, b) leaves the
// office in the same clause: "X's general counsel, Jane Roe, resigned",
// "voted to fire the general manager of X, Jane Roe".
func leftOffice(x *lexIndex, toks []token, a, b int) bool {
	if b < len(toks) && toks[b].Text == "," {
		b++
	}
	return departsAfter(x, toks, b) || removedBefore(x, toks, a)
}

// formerBefore: a word that dates an office ("former", "then-", "ex-")
// right before the title at token b, among the adjectives that open it
// (not before token a).
func formerBefore(x *lexIndex, toks []token, a, b int) bool {
	for k := min(b, len(toks)) - 1; k >= a; k-- {
		low := strings.ToLower(toks[k].Text)
		if x.former[low] {
			return true
		}
		if !strings.HasPrefix(toks[k].Tag, "JJ") && !x.titleMods[low] {
			return false
		}
	}
	return false
}

// completeOrg gives org to the roles of person with title (or one
// containing it) that other rules found with no organization: a pattern
// that states where the office is ("Acme's lawyer, Jane Roe of the firm
// Initech") completes the bare role ("lawyer") read from the same words.
func completeOrg(d *docState, person *entity, title string, org *entity) {
	if org == nil || org == person {
		return
	}
	title = strings.ToLower(title)
	for i := range d.Roles {
		r := &d.Roles[i]
		t := strings.ToLower(r.Title)
		if r.Person != person.ID || r.Organization != "" || !strings.Contains(t, title) && !strings.Contains(title, t) {
			continue
		}
		r.Organization = org.ID
		r.ID = kg.ID("rol", person.ID, r.Title, org.ID, r.Status)
	}
}
