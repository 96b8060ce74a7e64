package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// The attachment model (attach_model.txt) chooses the organization of each
// role among the organizations near the sentence that states it and no
// organization at all. The role rules (roles.go, role_patterns.txt) give
// each role an organization or none; the model may overrule them when its
// choice scores attachMargin higher than theirs. Each candidate is one
// example of its classes: the organization of the role, or not.

// AttachClasses are the attachment model's classes.
var AttachClasses = []string{"yes", "no"}

// attachMargin is how much higher than the rules' choice the model's best
// candidate must score (yes over no) to replace it.
const attachMargin = 0.5

// AttachCandidate is one organization a role may be at ("" for none) and
// the features the attachment model reads for it.
type AttachCandidate struct {
	Org      string // entity id, "" for no organization
	Features []string
}

// attachCand is a candidate while the features are gathered.
type attachCand struct {
	org   *entity // nil: no organization
	feats []string
}

// attachOrgs gives each role the organization the attachment model
// prefers, where it beats the rules' by attachMargin; with a trace it
// records every role's candidates (by role id), model or not.
func attachOrgs(d *docState) {
	m := d.extractor().am
	if m == nil && d.attachTrace == nil {
		return
	}
	ad := newAttachDoc(d)
	changed := false
	for i := range d.Roles {
		r := &d.Roles[i]
		person := ad.byID[r.Person]
		if person == nil || len(r.Sources) == 0 {
			continue
		}
		cands := ad.candidates(r, person, ad.byID[r.Organization])
		if d.attachTrace != nil {
			out := make([]AttachCandidate, len(cands))
			for k, c := range cands {
				out[k] = AttachCandidate{Org: entityID(c.org), Features: c.feats}
			}
			d.attachTrace[r.ID] = out
		}
		if m == nil {
			continue
		}
		best, rule := -1, -1
		var bestS, ruleS float64
		for k, c := range cands {
			s := m.scores(c.feats)
			v := s[0] - s[1]
			if best < 0 || v > bestS {
				best, bestS = k, v
			}
			if entityID(c.org) == r.Organization {
				rule, ruleS = k, v
			}
		}
		if best < 0 || rule < 0 || best == rule || bestS-ruleS <= attachMargin {
			continue
		}
		r.Organization = entityID(cands[best].org)
		r.ID = kg.ID("rol", r.Person, r.Title, r.Organization, r.Status)
		changed = true
	}
	if changed {
		d.Roles = mergeSameRoles(d.Roles)
	}
}

func entityID(e *entity) string {
	if e == nil {
		return ""
	}
	return e.ID
}

// attachDoc is what the attachment model reads of a whole document,
// gathered once: entities by id, organizations' mention counts and ranks,
// mentions by sentence and the organizations each person's roles name.
type attachDoc struct {
	d      *docState
	byID   map[string]*entity
	count  map[*entity]int
	rank   map[*entity]int
	bySent [][]*mention
	held   map[string]map[string]bool // person id -> org ids of its roles
}

func newAttachDoc(d *docState) *attachDoc {
	ad := &attachDoc{d: d, byID: make(map[string]*entity, len(d.Entities)), count: map[*entity]int{},
		bySent: make([][]*mention, len(d.Sents)), held: map[string]map[string]bool{}}
	for _, e := range d.Entities {
		ad.byID[e.ID] = e
	}
	for _, m := range d.Mentions {
		if m.Sent >= 0 && m.Sent < len(d.Sents) {
			ad.bySent[m.Sent] = append(ad.bySent[m.Sent], m)
		}
		if m.Entity != nil && m.Entity.Type == kg.Organization {
			ad.count[m.Entity]++
		}
	}
	ad.rank = salienceRank(d, ad.count)
	for _, r := range d.Roles {
		if r.Organization != "" {
			if ad.held[r.Person] == nil {
				ad.held[r.Person] = map[string]bool{}
			}
			ad.held[r.Person][r.Organization] = true
		}
	}
	return ad
}

// mentionsOf are the mentions of e in sentence si.
func (ad *attachDoc) mentionsOf(si int, e *entity) []*mention {
	var out []*mention
	for _, m := range ad.bySent[si] {
		if m.Entity == e {
			out = append(out, m)
		}
	}
	return out
}

// paraOf is the paragraph of the last mention of e at or before sentence
// si, -1 when there is none.
func (ad *attachDoc) paraOf(e *entity, si int) int {
	for k := si; k >= 0; k-- {
		if len(ad.mentionsOf(k, e)) > 0 {
			return ad.d.Sents[k].Para
		}
	}
	return -1
}

// mergeSameRoles keeps the first of the roles with one id, with the
// sources of the others.
func mergeSameRoles(roles []kg.Role) []kg.Role {
	at := map[string]int{}
	var out []kg.Role
	for _, r := range roles {
		if k, ok := at[r.ID]; ok {
			for _, s := range r.Sources {
				out[k].Sources = appendSource(out[k].Sources, s)
			}
			continue
		}
		at[r.ID] = len(out)
		out = append(out, r)
	}
	return out
}

// salienceRank is each organization's place (1 = most often) by mentions.
func salienceRank(d *docState, count map[*entity]int) map[*entity]int {
	var orgs []*entity
	for _, e := range d.Entities {
		if e.Type == kg.Organization && count[e] > 0 {
			orgs = append(orgs, e)
		}
	}
	sort.SliceStable(orgs, func(i, j int) bool { return count[orgs[i]] > count[orgs[j]] })
	rank := make(map[*entity]int, len(orgs))
	for i, e := range orgs {
		rank[e] = i + 1
	}
	return rank
}

// candidates are the organizations a role may be at: the rules'
// choice, those mentioned in its sentence or the two before, the three the
// story names most, and none; each with its features.
func (ad *attachDoc) candidates(r *kg.Role, person, ruleOrg *entity) []attachCand {
	d := ad.d
	si := r.Sources[0].Sentence
	if si < 0 || si >= len(d.Sents) {
		return nil
	}
	s := d.Sents[si]
	anchor := titleAnchor(d, s, r, person)
	seen := map[*entity]bool{}
	var orgs []*entity
	add := func(e *entity) {
		if e != nil && e != person && e.Type == kg.Organization && !seen[e] {
			seen[e] = true
			orgs = append(orgs, e)
		}
	}
	add(ruleOrg)
	for k := si; k >= 0 && k >= si-2; k-- {
		for _, m := range ad.bySent[k] {
			if m.Entity != nil && (m.Kind != pronounMention || k == si) {
				add(m.Entity)
			}
		}
	}
	for e, n := range ad.rank {
		if n <= 3 {
			add(e)
		}
	}
	sort.SliceStable(orgs, func(i, j int) bool { return orgs[i].ID < orgs[j].ID })
	x := d.index()
	scope := titleScope(x, r.Title)
	head := titleHead(r.Title)
	ruleNone := r.Organization == ""
	base := []string{"scope=" + scope}
	if ruleNone {
		base = append(base, "rulenone")
	}
	none := append(append([]string{}, base...), "none", "none&scope="+scope, "thn="+head)
	if ruleNone {
		none = append(none, "none&rulenone")
	}
	inSent := 0
	for _, e := range orgs {
		if len(ad.mentionsOf(si, e)) > 0 {
			inSent++
		}
	}
	none = append(none, "none&insent="+bucket(inSent, 0, 1, 2))
	out := []attachCand{{org: nil, feats: none}}
	subj := subjectOrg(d, si)
	held := ad.held[r.Person]
	for _, e := range orgs {
		f := append([]string{}, base...)
		if e == ruleOrg {
			f = append(f, "rule")
		}
		f = append(f, ad.placeFeatures(s, si, anchor, e)...)
		f = append(f, "sal="+bucket(ad.rank[e], 0, 1, 2, 3), "kind="+e.Kind, "kind="+e.Kind+"&scope="+scope, "thk="+head+"&"+e.Kind)
		if ad.count[e] == 0 {
			f = append(f, "nomention")
		}
		if held[e.ID] && e != ruleOrg {
			f = append(f, "heldelse")
		}
		if subj == e {
			f = append(f, "subj")
		}
		if d.Sents[si].Para == ad.paraOf(e, si) {
			f = append(f, "para")
		}
		pre := ""
		switch {
		case ruleNone:
			pre = "rulenone&"
		case e == ruleOrg:
			pre = "rule&"
		}
		if pre != "" {
			for _, g := range f {
				if strings.HasPrefix(g, "sd=") || strings.HasPrefix(g, "sal=") || strings.HasPrefix(g, "dir=") || g == "nominal" || g == "para" || g == "nomention" || strings.HasPrefix(g, "kind=") && strings.Contains(g, "&") {
					f = append(f, pre+g)
				}
			}
		}
		out = append(out, attachCand{org: e, feats: f})
	}
	return out
}

// titleHead is the last word of a title, lower case.
func titleHead(t string) string {
	ws := strings.Fields(strings.ToLower(t))
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// titleAnchor is where the role's title is written in sentence s, else
// where its holder is, else the sentence's start.
func titleAnchor(d *docState, s sentence, r *kg.Role, person *entity) int {
	if i := strings.Index(strings.ToLower(s.Text), strings.ToLower(r.Title)); i >= 0 {
		return s.Start + i
	}
	for _, m := range d.mentionsIn(s.Start, s.End) {
		if m.Entity == person {
			return m.Start
		}
	}
	return s.Start
}

// placeFeatures say where e is named against the title: in which
// sentence before, and within the sentence on which side, how far, after
// which word and with what between.
func (ad *attachDoc) placeFeatures(s sentence, si, anchor int, e *entity) []string {
	d := ad.d
	ms := ad.mentionsOf(si, e)
	if len(ms) == 0 {
		for k := si - 1; k >= 0 && k >= si-2; k-- {
			if len(ad.mentionsOf(k, e)) > 0 {
				return []string{"sd=" + strconv.Itoa(si-k)}
			}
		}
		return []string{"sd=far"}
	}
	// the mention nearest the title
	best := ms[0]
	for _, m := range ms[1:] {
		if abs(m.Start-anchor) < abs(best.Start-anchor) {
			best = m
		}
	}
	toks := s.Tokens
	a, b := tokRange(toks, best.Start, best.End)
	t := tokenIndexAt(toks, anchor)
	f := []string{"sd=0"}
	if best.Kind == nominalMention {
		f = append(f, "nominal")
	}
	if a < 0 || t < 0 {
		return f
	}
	dir, dist := "after", a-t
	if a < t {
		dir, dist = "before", t-b
	}
	f = append(f, "dir="+dir, "dir="+dir+"&td="+bucket(dist, 0, 2, 5, 10, 20))
	if a > 0 {
		f = append(f, "pre="+connector(toks[a-1].Text), "dir="+dir+"&pre="+connector(toks[a-1].Text))
	}
	if b < len(toks) && isPossessive(toks[b].Text) {
		f = append(f, "poss", "dir="+dir+"&poss")
	}
	lo, hi := min(a, t), max(b, t)
	for k := lo; k < hi && k < len(toks); k++ {
		if k >= a && k < b {
			continue
		}
		switch {
		case strings.HasPrefix(toks[k].Tag, "VB"):
			f = append(f, "verbbetween")
		case toks[k].Text == "," || toks[k].Text == ";":
			f = append(f, "commabetween")
		}
		if m := d.mentionAt(toks[k].Start); m != nil && m.Entity != nil && m.Entity != e && m.Entity.Type == kg.Organization {
			f = append(f, "orgbetween")
		}
	}
	return dedupe(f)
}

// connector names the word before an organization's name when it is one
// that ties a title to a body, else "other".
func connector(w string) string {
	switch l := strings.ToLower(w); l {
	case "of", "at", "for", "with", "the", "'s", "’s", "by", "from", "to", "in", "on", ",", "(", "and", "a", "an", "its", "former":
		return l
	}
	return "other"
}

func tokenIndexAt(toks []token, off int) int {
	for i, t := range toks {
		if t.Start <= off && off < t.End {
			return i
		}
	}
	return -1
}

func bucket(n int, edges ...int) string {
	for _, e := range edges {
		if n <= e {
			return strconv.Itoa(e)
		}
	}
	return ">" + strconv.Itoa(edges[len(edges)-1])
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// dedupe is f without its repeats, in order (f's array is reused).
func dedupe(f []string) []string {
	seen := map[string]bool{}
	out := f[:0]
	for _, x := range f {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
