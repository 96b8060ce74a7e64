package extract

import (
	"slices"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// departedRoles makes former the current roles stated in the same sentence
// as their holder's resignation or removal: "Acme's chief executive, Jane
// Roe, resigned in May", "the board voted to fire the general manager,
// John Roe". The office is the one left: the sentence gives it as the
// holder's description at the moment of leaving. Not when the holder
// speaks in the sentence: "Roe's lawyer, Jane Doe, said her client was
// fired" is about the client.
func departedRoles(d *docState) {
	speaks := map[string]map[int]bool{} // claimant id -> sentences of its claims
	for _, c := range d.Claims {
		if speaks[c.Claimant] == nil {
			speaks[c.Claimant] = map[int]bool{}
		}
		for _, s := range c.Sources {
			speaks[c.Claimant][s.Sentence] = true
		}
	}
	left := map[string]map[int]bool{} // person id -> sentences stating a departure
	for _, ev := range d.Events {
		as := ""
		switch ev.Type {
		case "resignation":
			as = "agent"
		case "removal":
			as = "subject"
		default:
			continue
		}
		for _, p := range ev.Participants {
			if p.As != as || p.Entity == "" {
				continue
			}
			if left[p.Entity] == nil {
				left[p.Entity] = map[int]bool{}
			}
			for _, s := range ev.Sources {
				if !speaks[p.Entity][s.Sentence] && !d.modalIn(s.Sentence) {
					left[p.Entity][s.Sentence] = true
				}
			}
		}
	}
	for i := range d.Roles {
		r := &d.Roles[i]
		if r.Status == kg.Former || left[r.Person] == nil {
			continue
		}
		for _, s := range r.Sources {
			if left[r.Person][s.Sentence] {
				r.Status = kg.Former
				r.ID = kg.ID("rol", r.Person, r.Title, r.Organization, r.Status)
				break
			}
		}
	}
}

// modalIn reports whether sentence si has a modal verb: a departure it
// states may be announced, not done ("she would resign in September").
func (d *docState) modalIn(si int) bool {
	for _, w := range d.wordsAfterAll(d.Sents[si].Start, d.Sents[si].End) {
		if modals[w.text] && d.Doc.Text[w.start:w.end] == w.text { // not "in May"
			return true
		}
	}
	return false
}

// subsumedRoles drops a role stated with no organization when the same
// person holds the same title at a named organization in the document
// ("Acme President Jane Roe resigned ... President Roe's departure"): one
// office, whose sources the named role takes over.
func subsumedRoles(roles []kg.Role) []kg.Role {
	extra := map[int][]kg.Source{} // index of the named role -> sources it takes over
	dropped := make([]bool, len(roles))
	for i, r := range roles {
		if r.Organization != "" {
			continue
		}
		if k := slices.IndexFunc(roles, func(o kg.Role) bool {
			return o.Person == r.Person && o.Organization != "" && strings.EqualFold(o.Title, r.Title)
		}); k >= 0 {
			extra[k] = append(extra[k], r.Sources...)
			dropped[i] = true
		}
	}
	if len(extra) == 0 {
		return roles
	}
	var out []kg.Role
	for i, r := range roles {
		if dropped[i] {
			continue
		}
		if srcs := extra[i]; len(srcs) > 0 {
			r.Sources = slices.Clone(r.Sources)
			for _, src := range srcs {
				r.Sources = appendSource(r.Sources, src)
			}
		}
		out = append(out, r)
	}
	return out
}
