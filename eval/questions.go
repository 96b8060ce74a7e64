package eval

import (
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// questionNames are the key questions that Score can answer from a graph
// (the package comment says how); a gold question of another name is not
// scored.
var questionNames = []string{"who_was_sought_for_deposition", "who_sought_depositions",
	"who_alleged_bias", "who_defended_the_process", "who_holds_a_role_at_dod"}

// answers answers the key questions: names of gold entities where the graph's
// entities resolve to one, else the graph's own names.
func (m *matcher) answers() map[string]set {
	ans := map[string]set{}
	for _, q := range questionNames {
		ans[q] = set{}
	}
	add := func(q, id string) {
		if n := m.name(id); n != "" {
			ans[q][n] = true
		}
	}
	for _, ev := range m.graph.Events {
		if eventType(ev.Type) != "deposition_request" {
			continue
		}
		for _, p := range ev.Participants {
			switch norm(p.As) {
			case "deponent", "target", "witness", "subject":
				add("who_was_sought_for_deposition", p.Entity)
			case "agent", "requester", "plaintiff", "movant":
				add("who_sought_depositions", p.Entity)
			}
		}
	}
	for _, c := range m.graph.Claims {
		switch {
		case c.Stance == kg.Alleges && aboutBias(c.Topics):
			add("who_alleged_bias", c.Claimant)
		case c.Stance == kg.Denies:
			add("who_defended_the_process", c.Claimant)
		}
	}
	for _, r := range m.graph.Roles {
		if m.resolve(r.Organization) == "Department of Defense" {
			add("who_holds_a_role_at_dod", r.Person)
		}
	}
	return ans
}

func aboutBias(topics []string) bool {
	for _, t := range topics {
		t = norm(t)
		if strings.Contains(t, "bias") || strings.Contains(t, "interference") {
			return true
		}
	}
	return false
}

// questions scores the gold's questions that Score can answer and names the
// others. Every name in want found is a true positive, and so is one name of
// any; each name of want not found is a false negative, and so is none of
// any; a name in neither want, any nor ok is a false positive.
func (m *matcher) questions() ([]Question, []string) {
	ans := m.answers()
	qs := []Question{}
	unanswerable := []string{}
	for _, gq := range m.gold.Questions {
		got, ok := ans[gq.Name]
		if !ok {
			unanswerable = append(unanswerable, gq.Name)
			continue
		}
		want, anyOf, allowed := set{}, set{}, set{}
		for _, n := range gq.Want {
			want[n] = true
		}
		for _, n := range gq.Any {
			anyOf[n] = true
		}
		for _, n := range gq.OK {
			allowed[n] = true
		}
		tp := 0
		var missed, wrong []string
		for _, n := range sortedKeys(want) {
			if got[n] {
				tp++
			} else {
				missed = append(missed, n)
			}
		}
		if len(anyOf) > 0 {
			if got.meets(anyOf) {
				tp++
			} else {
				missed = append(missed, "one of "+strings.Join(sortedKeys(anyOf), ", "))
			}
		}
		for _, n := range sortedKeys(got) {
			if !want[n] && !anyOf[n] && !allowed[n] {
				wrong = append(wrong, n)
			}
		}
		q := Question{Name: gq.Name, Got: sortedKeys(got), Missed: nonNil(missed), Wrong: nonNil(wrong)}
		q.Precision, q.Recall, q.F1 = prf(tp, len(wrong), len(missed))
		qs = append(qs, q)
	}
	return qs, unanswerable
}
