package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// Result is what Score found. Its JSON field names are stable.
type Result struct {
	Persons       Category `json:"persons"`
	Organizations Category `json:"organizations"`
	Roles         Category `json:"roles"`
	Events        Category `json:"events"`
	Claims        Category `json:"claims"`
	// Questions are the gold's questions that can be answered from the graph,
	// in the gold's order. Unanswerable lists the others, which are not scored.
	Questions    []Question `json:"questions"`
	Unanswerable []string   `json:"unanswerable"`
	// Duplicates are gold entities that more than one graph entity stands for.
	Duplicates []Duplicate `json:"duplicates"`
	// Noise lists the graph entities named by the gold's noise_entities.
	Noise []string `json:"noise"`
	// Overall is the mean F1 of the five categories and the questions, less
	// 5% for each noise entity.
	Overall float64 `json:"overall"`
}

// Category scores one kind of fact.
type Category struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Correct   int     `json:"correct"`   // gold items found (true positives)
	Extracted int     `json:"extracted"` // items of this kind in the graph
	// Missed lists the gold items not found (false negatives), Wrong the
	// graph's items counted as false positives.
	Missed []string `json:"missed"`
	Wrong  []string `json:"wrong"`
}

// Question scores the answer the graph gives to one key question.
type Question struct {
	Name      string   `json:"name"`
	Precision float64  `json:"precision"`
	Recall    float64  `json:"recall"`
	F1        float64  `json:"f1"`
	Got       []string `json:"got"`    // the answer: gold names where they resolve
	Missed    []string `json:"missed"` // wanted names not in it
	Wrong     []string `json:"wrong"`  // names in it that the gold does not allow
}

// Duplicate is a gold entity and the graph entities that stand for it.
type Duplicate struct {
	Gold     string   `json:"gold"`
	Entities []string `json:"entities"` // "name (id)"
}

// Score compares an extracted graph with a gold annotation. Matching is by
// name, so the graph's ids need not be known to the annotator; the rules are
// in the package comment.
func Score(g kg.Graph, gold *Gold) Result {
	m := newMatcher(g, gold)
	r := Result{
		Persons:       m.entityCategory(kg.Person, gold.Persons),
		Organizations: m.entityCategory(kg.Organization, gold.Organizations),
		Roles:         m.roles(),
		Events:        m.events(),
		Claims:        m.claims(),
		Duplicates:    m.duplicates(),
		Noise:         m.noise(),
	}
	r.Questions, r.Unanswerable = m.questions()
	f1s := []float64{r.Persons.F1, r.Organizations.F1, r.Roles.F1, r.Events.F1, r.Claims.F1}
	for _, q := range r.Questions {
		f1s = append(f1s, q.F1)
	}
	sum := 0.0
	for _, f := range f1s {
		sum += f
	}
	r.Overall = sum / float64(len(f1s))
	if len(r.Noise) > 0 {
		r.Overall *= max(0, 1-0.05*float64(len(r.Noise)))
	}
	return r
}

// prf is precision, recall and F1 of tp true positives, fp false positives
// and fn false negatives. Nothing found and nothing to find is perfect.
func prf(tp, fp, fn int) (p, r, f float64) {
	switch {
	case tp+fp > 0:
		p = float64(tp) / float64(tp+fp)
	case fn == 0:
		p = 1
	}
	r = 1
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func category(correct, extracted int, missed, wrong []string) Category {
	c := Category{Correct: correct, Extracted: extracted, Missed: nonNil(missed), Wrong: nonNil(wrong)}
	c.Precision, c.Recall, c.F1 = prf(correct, len(wrong), len(missed))
	return c
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// entityCategory scores the graph's entities of one kind. An entity is right
// when it resolves to a gold entity of that kind, tolerated when it carries a
// tolerated or figurative name, and wrong otherwise.
func (m *matcher) entityCategory(kind kg.EntityType, want []GoldEntity) Category {
	tolerated := normSet(m.gold.ToleratedPersons, m.gold.ToleratedOrganizations, m.gold.FigurativeMentions)
	found := set{}
	var wrong []string
	extracted := 0
	for _, id := range m.ids {
		if strings.ToLower(string(m.entities[id].Type)) != string(kind) {
			continue
		}
		extracted++
		c := m.resolve(id)
		switch {
		case c != "" && m.kinds[c] == kind:
			found[c] = true
		case m.names[id].meets(tolerated):
		case c != "":
			wrong = append(wrong, fmt.Sprintf("%s (the gold's %s %s)", m.label(id), m.kinds[c], c))
		default:
			wrong = append(wrong, m.label(id))
		}
	}
	correct := 0
	var missed []string
	for _, e := range want {
		if found[e.Name] {
			correct++
		} else {
			missed = append(missed, e.Name)
		}
	}
	return category(correct, extracted, missed, wrong)
}

// duplicates lists the gold entities that several graph entities resolve to.
func (m *matcher) duplicates() []Duplicate {
	var order []string
	byGold := map[string][]string{}
	for _, id := range m.ids {
		c := m.resolve(id)
		if c == "" {
			continue
		}
		if _, seen := byGold[c]; !seen {
			order = append(order, c)
		}
		byGold[c] = append(byGold[c], fmt.Sprintf("%s (%s)", m.label(id), id))
	}
	dups := []Duplicate{}
	for _, c := range order {
		if len(byGold[c]) > 1 {
			dups = append(dups, Duplicate{Gold: c, Entities: byGold[c]})
		}
	}
	return dups
}

// noise lists, sorted and once each, the names of graph entities that carry
// a noise name.
func (m *matcher) noise() []string {
	noise := normSet(m.gold.NoiseEntities)
	hits := set{}
	for _, id := range m.ids {
		if m.names[id].meets(noise) {
			hits[m.entities[id].Name] = true
		}
	}
	return nonNil(sortedKeys(hits))
}

func sortedKeys(s set) []string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// roles scores roles. A graph role matches a gold role on person, title (one
// contains the other), organization and status. A graph role of a gold person
// that matches no gold role is wrong.
func (m *matcher) roles() Category {
	roles := m.graph.Roles
	matched := make([]bool, len(roles))
	correct := 0
	var missed []string
	for _, gr := range m.gold.Roles {
		found := false
		for i, r := range roles {
			if m.roleMatches(r, gr) {
				found, matched[i] = true, true
			}
		}
		switch {
		case gr.Optional:
		case found:
			correct++
		default:
			missed = append(missed, goldRoleLabel(gr))
		}
	}
	persons := set{}
	for _, p := range m.gold.Persons {
		persons[p.Name] = true
	}
	var wrong []string
	for i, r := range roles {
		if !matched[i] && persons[m.resolve(r.Person)] {
			wrong = append(wrong, m.roleLabel(r))
		}
	}
	return category(correct, len(roles), missed, wrong)
}

func (m *matcher) roleMatches(r kg.Role, gr GoldRole) bool {
	if !m.matches(r.Person, gr.Person) {
		return false
	}
	t := norm(r.Title)
	if t == "" || !slices.ContainsFunc(gr.Title, func(x string) bool {
		x = norm(x)
		return strings.Contains(t, x) || strings.Contains(x, t)
	}) {
		return false
	}
	if len(gr.Org.Names) > 0 {
		if r.Organization == "" {
			if !gr.Org.OrNone {
				return false
			}
		} else if !m.matches(r.Organization, gr.Org.Names) {
			return false
		}
	}
	status := r.Status
	if status == "" {
		status = kg.Current
	}
	return gr.Status == "" || gr.Status == status
}

func goldRoleLabel(gr GoldRole) string {
	s := strings.Join(gr.Person, " or ") + " / " + gr.Title[0]
	if len(gr.Org.Names) > 0 {
		s += ", " + gr.Org.Names[0]
	}
	if gr.Status != "" {
		s += " (" + gr.Status + ")"
	}
	return s
}

func (m *matcher) roleLabel(r kg.Role) string {
	org := "no organization"
	if r.Organization != "" {
		org = m.label(r.Organization)
	}
	status := r.Status
	if status == "" {
		status = kg.Current
	}
	return fmt.Sprintf("%s / %s, %s (%s)", m.label(r.Person), r.Title, org, status)
}

// events scores events. A graph event matches a gold event on type and on a
// participant that is one of its agents. A graph event that matches none but
// has a gold person or organization among its participants is wrong.
func (m *matcher) events() Category {
	events := m.graph.Events
	matched := make([]bool, len(events))
	correct := 0
	var missed []string
	for _, ge := range m.gold.Events {
		types := set{}
		for _, t := range append(Names{ge.Type}, ge.TypeAccept...) {
			types[eventType(t)] = true
		}
		agents := ge.agents()
		anyAgent := len(agents) == 0 || len(agents) == 1 && agents[0] == "court"
		found := false
		for i, ev := range events {
			if !types[eventType(ev.Type)] {
				continue
			}
			if !anyAgent && !slices.ContainsFunc(ev.Participants, func(p kg.Participant) bool {
				return m.matches(p.Entity, agents)
			}) {
				continue
			}
			found, matched[i] = true, true
		}
		switch {
		case ge.Optional:
		case found:
			correct++
		default:
			missed = append(missed, fmt.Sprintf("%s (%s by %s)", ge.ID, ge.Type, strings.Join(agents, " or ")))
		}
	}
	var wrong []string
	for i, ev := range events {
		if !matched[i] && slices.ContainsFunc(ev.Participants, func(p kg.Participant) bool {
			return m.resolve(p.Entity) != ""
		}) {
			wrong = append(wrong, m.eventLabel(ev))
		}
	}
	return category(correct, len(events), missed, wrong)
}

// agents are the event's agents: Agent, else the participants in the part
// of agent.
func (ge GoldEvent) agents() []string {
	if len(ge.Agent) > 0 {
		return ge.Agent
	}
	var agents []string
	for _, p := range ge.Participants {
		if p.Role == "agent" {
			agents = append(agents, p.Entity)
		}
	}
	return agents
}

func (m *matcher) eventLabel(ev kg.Event) string {
	var parts []string
	for _, p := range ev.Participants {
		who := p.Description
		if p.Entity != "" {
			who = m.label(p.Entity)
		}
		parts = append(parts, p.As+": "+who)
	}
	s := ev.Type + " (" + strings.Join(parts, "; ") + ")"
	if ev.Date != "" {
		s += " " + ev.Date
	}
	if len(ev.Sources) > 0 {
		s += " " + quote(ev.Sources[0].Quote)
	}
	return s
}

// claims scores claims. A graph claim is about a gold claim when its text or
// quotes contain the gold's quote_contains; it matches when the claimant and
// stance are right too. A claim about a gold claim that matches none is
// wrong, and so is a claim by a figurative mention. Other claims count
// neither way: gold lists the key claims only.
func (m *matcher) claims() Category {
	claims := m.graph.Claims
	texts := make([]string, len(claims))
	for i, c := range claims {
		quotes := make([]string, len(c.Sources))
		for j, s := range c.Sources {
			quotes[j] = norm(s.Quote)
		}
		texts[i] = norm(c.Text) + " " + strings.Join(quotes, " ")
	}
	matched := make([]bool, len(claims))
	about := make([]*GoldClaim, len(claims)) // the first gold claim each one quotes
	correct := 0
	var missed []string
	for gi, gc := range m.gold.Claims {
		q := norm(gc.QuoteContains)
		stances := append(Names{gc.Stance}, gc.StanceAccept...)
		found := false
		for i, c := range claims {
			if !strings.Contains(texts[i], q) {
				continue
			}
			if about[i] == nil {
				about[i] = &m.gold.Claims[gi]
			}
			if m.matches(c.Claimant, gc.Claimant) && slices.Contains(stances, c.Stance) {
				found, matched[i] = true, true
			}
		}
		switch {
		case gc.Optional:
		case found:
			correct++
		default:
			missed = append(missed, fmt.Sprintf("%s (%s %s %q)", gc.ID, strings.Join(gc.Claimant, " or "), gc.Stance, gc.QuoteContains))
		}
	}
	figurative := normSet(m.gold.FigurativeMentions)
	var wrong []string
	for i, c := range claims {
		switch {
		case matched[i]:
		case about[i] != nil:
			gc := about[i]
			wrong = append(wrong, fmt.Sprintf("%s %s %s: is %s, which wants %s %s", m.label(c.Claimant), c.Stance,
				quote(c.Text), gc.ID, strings.Join(gc.Claimant, " or "), strings.Join(append(Names{gc.Stance}, gc.StanceAccept...), " or ")))
		case m.names[c.Claimant].meets(figurative):
			wrong = append(wrong, fmt.Sprintf("%s %s %s: a figurative mention claims nothing", m.label(c.Claimant), c.Stance, quote(c.Text)))
		}
	}
	return category(correct, len(claims), missed, wrong)
}

// quote shortens a text for a report line and puts it in quotation marks.
func quote(s string) string {
	s = strings.Trim(strings.Join(strings.Fields(s), " "), `"“”`)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return "“" + s + "”"
}

// StanceLabels gives, for claims of g, the stances the gold accepts: for a
// claim that quotes a gold claim and has one of its claimants, those of
// the first such gold claim; for a claim that quotes none (and does not
// quote a gold claim under another claimant), the stances the gold's
// questions leave it: no denial from a speaker the answer to "who defended
// the process" does not allow, no allegation of bias from one the answer
// to "who alleged bias" does not. These are the labels a stance model
// learns from.
func StanceLabels(g kg.Graph, gold *Gold) map[string][]string {
	m := newMatcher(g, gold)
	allowed := map[string]set{}
	for _, q := range gold.Questions {
		allowed[q.Name] = normSet(q.Want, q.Any, q.OK)
	}
	out := map[string][]string{}
	for _, c := range g.Claims {
		quotes := make([]string, len(c.Sources))
		for j, s := range c.Sources {
			quotes[j] = norm(s.Quote)
		}
		text := norm(c.Text) + " " + strings.Join(quotes, " ")
		quoted := false
		for _, gc := range gold.Claims {
			if !strings.Contains(text, norm(gc.QuoteContains)) {
				continue
			}
			quoted = true
			if m.matches(c.Claimant, gc.Claimant) {
				out[c.ID] = append([]string{gc.Stance}, gc.StanceAccept...)
				break
			}
		}
		if quoted {
			continue
		}
		ok := func(q string) bool {
			a, asked := allowed[q]
			return !asked || a[norm(m.name(c.Claimant))]
		}
		labels := []string{kg.Neutral}
		if ok("who_defended_the_process") {
			labels = append(labels, kg.Denies)
		}
		if !aboutBias(c.Topics) || ok("who_alleged_bias") {
			labels = append(labels, kg.Alleges)
		}
		if len(labels) < 3 {
			out[c.ID] = labels
		}
	}
	return out
}

// BiasLabels tells, for a document whose gold asks "who alleged bias",
// whether each claim of g comes from a speaker the answer wants (true) or
// from one it does not allow (false); a speaker it only allows gets no
// label. These are the labels a model of the bias topic learns from: an
// allegation by a wanted speaker is taken for one of bias, and none by a
// speaker the answer rules out may be.
func BiasLabels(g kg.Graph, gold *Gold) map[string]bool {
	m := newMatcher(g, gold)
	out := map[string]bool{}
	for _, q := range gold.Questions {
		if q.Name != "who_alleged_bias" {
			continue
		}
		want, ok := normSet(q.Want, q.Any), normSet(q.OK)
		for _, c := range g.Claims {
			switch n := norm(m.name(c.Claimant)); {
			case want[n]:
				out[c.ID] = true
			case !ok[n]:
				out[c.ID] = false
			}
		}
	}
	return out
}

// TypeLabels gives each of names (a document's capitalized names) the
// type the gold wants of an entity so named: "person" or "organization"
// for a gold entity's name or alias (or a person's surname alone), "none"
// for a name the gold does not list, where the graph's entity would be
// wrong or noise. A tolerated name and one that is part of a gold name,
// or holds one, get no label: the gold says nothing of how to type it.
func TypeLabels(names []string, gold *Gold) map[string]string {
	want := map[string]string{}
	var all []string
	for _, es := range []struct {
		kind string
		list []GoldEntity
	}{{"person", gold.Persons}, {"organization", gold.Organizations}} {
		for _, e := range es.list {
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				k := norm(n)
				want[k] = es.kind
				all = append(all, k)
			}
			if f := strings.Fields(norm(e.Name)); es.kind == "person" && len(f) > 1 {
				if _, ok := want[f[len(f)-1]]; !ok {
					want[f[len(f)-1]] = es.kind
				}
			}
		}
	}
	tolerated := normSet(gold.ToleratedPersons, gold.ToleratedOrganizations, gold.FigurativeMentions)
	out := map[string]string{}
	for _, name := range names {
		k := norm(name)
		switch {
		case k == "":
		case want[k] != "":
			out[name] = want[k]
		case tolerated[k]:
		case slices.ContainsFunc(all, func(g string) bool { return containsWords(g, k) || containsWords(k, g) }):
		default:
			out[name] = "none"
		}
	}
	return out
}

// containsWords reports whether the words of b occur in a, in a row.
func containsWords(a, b string) bool {
	return strings.Contains(" "+a+" ", " "+b+" ")
}

// AttachLabels tells, for each role of g whose person and title match a
// gold role that names its organization, which of the role's candidate
// organizations (entity ids of g, "" for none) the gold accepts: one the
// gold role names, or none where it allows none. A role with no such gold
// role, or whose candidates the gold accepts none of, gets no label; nor
// does one whose gold role accepts any organization. These are the labels
// a model of a role's organization learns from. Status is not looked at.
func AttachLabels(g kg.Graph, gold *Gold, candidates map[string][]string) map[string][]bool {
	m := newMatcher(g, gold)
	out := map[string][]bool{}
	for _, r := range g.Roles {
		cands, ok := candidates[r.ID]
		if !ok {
			continue
		}
		acc := make([]bool, len(cands))
		found := false
		for _, gr := range gold.Roles {
			if len(gr.Org.Names) == 0 {
				continue // any organization: nothing to learn
			}
			anyOrg := gr
			anyOrg.Org, anyOrg.Status = Orgs{}, ""
			if !m.roleMatches(r, anyOrg) {
				continue
			}
			for k, c := range cands {
				if c == "" && gr.Org.OrNone || c != "" && m.matches(c, gr.Org.Names) {
					acc[k], found = true, true
				}
			}
		}
		if found {
			out[r.ID] = acc
		}
	}
	return out
}

// RoleLabels tells, for each candidate role of g's entities (a person's
// entity id and a title), whether a gold role of that person has that
// title, its organization and status not looked at: 1 if so, 0 if not,
// -1 (no label) when the person is no gold person, whose roles are not
// scored. These are the labels a model of roles learns from.
func RoleLabels(g kg.Graph, gold *Gold, cands []kg.Role) []int {
	m := newMatcher(g, gold)
	persons := set{}
	for _, p := range gold.Persons {
		persons[p.Name] = true
	}
	out := make([]int, len(cands))
	for i, r := range cands {
		if !persons[m.resolve(r.Person)] {
			out[i] = -1
			continue
		}
		r.Organization, r.Status = "", ""
		for _, gr := range gold.Roles {
			gr.Org, gr.Status = Orgs{}, ""
			if m.roleMatches(r, gr) {
				out[i] = 1
				break
			}
		}
	}
	return out
}
