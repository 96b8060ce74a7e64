package eval

import (
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/kg"
)

// graph builds a kg.Graph from entities named "id:type:name|alias|alias"
// (type p or o) and the given facts.
type graph struct {
	entities []string
	roles    []kg.Role
	events   []kg.Event
	claims   []kg.Claim
}

func (g graph) build(t *testing.T) kg.Graph {
	t.Helper()
	var out kg.Graph
	for _, spec := range g.entities {
		parts := strings.SplitN(spec, ":", 3)
		if len(parts) != 3 {
			t.Fatalf("entity %q is not id:type:names", spec)
		}
		names := strings.Split(parts[2], "|")
		e := kg.Entity{ID: parts[0], Type: kg.Person, Name: names[0], Aliases: names[1:]}
		if parts[1] == "o" {
			e.Type = kg.Organization
		}
		out.Entities = append(out.Entities, e)
	}
	out.Roles, out.Events, out.Claims = g.roles, g.events, g.claims
	return out
}

func mustGold(t *testing.T, y string) *Gold {
	t.Helper()
	g, err := ParseGold([]byte(y))
	if err != nil {
		t.Fatalf("ParseGold: %v", err)
	}
	return g
}

// cat is the part of a Category a rule decides.
type cat struct {
	Correct int
	Missed  []string
	Wrong   []string
}

func catOf(c Category) cat { return cat{c.Correct, c.Missed, c.Wrong} }

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"The Washington Post":    "washington post",
		"the  Pentagon":          "pentagon",
		"Theranos":               "theranos",
		"The-Foo":                "the foo",
		"  the Foo":              "the foo",
		"Amazon.com, Inc.":       "amazon com inc",
		"O’Brien":                "o'brien",
		"Société Générale":       "soci t g n rale",
		"İstanbul":               "i stanbul",
		"deposition_request":     "deposition request",
		"U.S. District Court\t.": "u s district court",
		"":                       "",
	} {
		if got := norm(in); got != want {
			t.Errorf("norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEventType(t *testing.T) {
	for in, want := range map[string]string{
		"suit":              "lawsuit",
		"Legal challenge":   "lawsuit",
		"restraining order": "court_order",
		"Contract-Award":    "award",
		"ouster":            "removal",
		"termination":       "cancellation",
		"deposition_sought": "deposition_request",
		"court_ruling":      "court_ruling",
		"motion":            "motion",
	} {
		if got := eventType(in); got != want {
			t.Errorf("eventType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPRF(t *testing.T) {
	type prfs struct{ P, R, F float64 }
	for _, tc := range []struct {
		name       string
		tp, fp, fn int
		want       prfs
	}{
		{"perfect", 3, 0, 0, prfs{1, 1, 1}},
		{"nothing to find, nothing found", 0, 0, 0, prfs{1, 1, 1}},
		{"nothing found, something to find", 0, 0, 2, prfs{0, 0, 0}},
		{"only wrong", 0, 2, 0, prfs{0, 1, 0}},
		{"half and half", 1, 1, 1, prfs{0.5, 0.5, 0.5}},
		{"precise, half recall", 1, 0, 1, prfs{1, 0.5, 2 * 1 * 0.5 / 1.5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got prfs
			got.P, got.R, got.F = prf(tc.tp, tc.fp, tc.fn)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("prf(%d, %d, %d) (-want +got):\n%s", tc.tp, tc.fp, tc.fn, diff)
			}
		})
	}
}

func TestEntities(t *testing.T) {
	const gold = `
persons:
  - {name: Mark Esper, aliases: [Esper]}
  - {name: Dana Deasy}
organizations:
  - {name: Department of Defense, aliases: [DoD, the Pentagon]}
tolerated_persons: [Todd Bishop]
tolerated_organizations: [GeekWire]
figurative_mentions: [Wall Street]
noise_entities: [Getty Images]
`
	for _, tc := range []struct {
		name              string
		entities          []string
		persons, orgs     cat
		duplicates, noise int
	}{
		{
			name:     "matched by alias, ignoring case, punctuation and the",
			entities: []string{"p1:p:ESPER", "o1:o:Pentagon", "p2:p:Dana-Deasy"},
			persons:  cat{2, []string{}, []string{}},
			orgs:     cat{1, []string{}, []string{}},
		},
		{
			name:     "tolerated and figurative names count neither way",
			entities: []string{"p1:p:Mark Esper", "p2:p:Todd Bishop", "o1:o:GeekWire", "o2:o:Wall Street"},
			persons:  cat{1, []string{"Dana Deasy"}, []string{}},
			orgs:     cat{0, []string{"Department of Defense"}, []string{}},
		},
		{
			name:     "unknown names and a gold entity of the other kind are wrong",
			entities: []string{"p1:p:Defense Mark Esper", "p2:p:DoD", "o1:o:Acme"},
			persons:  cat{0, []string{"Mark Esper", "Dana Deasy"}, []string{"Defense Mark Esper", "DoD (the gold's organization Department of Defense)"}},
			orgs:     cat{0, []string{"Department of Defense"}, []string{"Acme"}},
		},
		{
			name:       "two entities for one gold entity are duplicates",
			entities:   []string{"p1:p:Mark Esper", "p2:p:Esper", "p3:p:Dana Deasy"},
			persons:    cat{2, []string{}, []string{}},
			orgs:       cat{0, []string{"Department of Defense"}, []string{}},
			duplicates: 1,
		},
		{
			name:     "noise names are wrong entities and noise",
			entities: []string{"o1:o:Getty Images"},
			persons:  cat{0, []string{"Mark Esper", "Dana Deasy"}, []string{}},
			orgs:     cat{0, []string{"Department of Defense"}, []string{"Getty Images"}},
			noise:    1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(graph{entities: tc.entities}.build(t), mustGold(t, gold))
			if diff := cmp.Diff(tc.persons, catOf(r.Persons)); diff != "" {
				t.Errorf("persons (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.orgs, catOf(r.Organizations)); diff != "" {
				t.Errorf("organizations (-want +got):\n%s", diff)
			}
			if len(r.Duplicates) != tc.duplicates || len(r.Noise) != tc.noise {
				t.Errorf("duplicates %v, noise %v; want %d and %d", r.Duplicates, r.Noise, tc.duplicates, tc.noise)
			}
		})
	}
}

func TestDuplicatesNameTheEntities(t *testing.T) {
	gold := mustGold(t, "persons: [{name: Mark Esper, aliases: [Esper]}]\n")
	r := Score(graph{entities: []string{"p1:p:Mark Esper", "p2:p:Esper"}}.build(t), gold)
	want := []Duplicate{{Gold: "Mark Esper", Entities: []string{"Mark Esper (p1)", "Esper (p2)"}}}
	if diff := cmp.Diff(want, r.Duplicates); diff != "" {
		t.Errorf("duplicates (-want +got):\n%s", diff)
	}
}

func TestRoles(t *testing.T) {
	entities := []string{"p1:p:Jane Roe", "p2:p:John Doe", "p3:p:Ann Poe", "o1:o:District Court", "o2:o:Acme Corp", "o3:o:Law School"}
	const gold = `
persons: [{name: Jane Roe}, {name: John Doe}, {name: Ann Poe}]
organizations: [{name: District Court}, {name: Acme Corp, aliases: [Acme]}, {name: Law School}]
roles:
  - {person: Jane Roe, title: [District Judge, judge], org: [District Court, null], status: current}
  - {person: John Doe, title: chief executive officer, org: Acme Corp, status: former}
  - {person: Ann Poe, title: [professor], org: Law School, optional: true}
`
	role := func(person, title, org, status string) kg.Role {
		return kg.Role{Person: person, Title: title, Organization: org, Status: status}
	}
	for _, tc := range []struct {
		name  string
		roles []kg.Role
		want  cat
	}{
		{
			name:  "title contained either way, status defaults to current",
			roles: []kg.Role{role("p1", "U.S. District Judge", "o1", ""), role("p2", "chief executive", "o2", "former")},
			want:  cat{2, []string{}, []string{}},
		},
		{
			name:  "a null in org: no organization is also right",
			roles: []kg.Role{role("p1", "judge", "", "current"), role("p2", "chief executive officer", "o2", "former")},
			want:  cat{2, []string{}, []string{}},
		},
		{
			name:  "without a null, no organization is wrong",
			roles: []kg.Role{role("p1", "judge", "o1", "current"), role("p2", "chief executive officer", "", "former")},
			want:  cat{1, []string{"John Doe / chief executive officer, Acme Corp (former)"}, []string{"John Doe / chief executive officer, no organization (former)"}},
		},
		{
			name:  "a null in org does not make any organization right",
			roles: []kg.Role{role("p1", "judge", "o2", "current"), role("p2", "chief executive officer", "o2", "former")},
			want:  cat{1, []string{"Jane Roe / District Judge, District Court (current)"}, []string{"Jane Roe / judge, Acme Corp (current)"}},
		},
		{
			name:  "wrong status",
			roles: []kg.Role{role("p1", "judge", "o1", "former"), role("p2", "chief executive officer", "o2", "current")},
			want: cat{0, []string{"Jane Roe / District Judge, District Court (current)", "John Doe / chief executive officer, Acme Corp (former)"},
				[]string{"Jane Roe / judge, District Court (former)", "John Doe / chief executive officer, Acme Corp (current)"}},
		},
		{
			name:  "an optional role found is not wrong, and not found is not missed",
			roles: []kg.Role{role("p1", "judge", "o1", ""), role("p2", "CEO", "o2", "former"), role("p3", "law professor", "o3", "")},
			want:  cat{1, []string{"John Doe / chief executive officer, Acme Corp (former)"}, []string{"John Doe / CEO, Acme Corp (former)"}},
		},
		{
			name:  "roles of persons the gold does not list count neither way",
			roles: []kg.Role{role("p1", "judge", "o1", ""), role("p2", "chief executive officer", "o2", "former"), role("x", "clerk", "o1", "")},
			want:  cat{2, []string{}, []string{}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(graph{entities: entities, roles: tc.roles}.build(t), mustGold(t, gold))
			if diff := cmp.Diff(tc.want, catOf(r.Roles)); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRoleWithoutOrgAcceptsAnyOrganization(t *testing.T) {
	for _, org := range []string{"", "org: null", "org: [null]"} {
		t.Run(org, func(t *testing.T) {
			gold := mustGold(t, "persons: [{name: Jane Roe}]\nroles:\n  - {person: Jane Roe, title: judge, "+org+"}\n")
			g := graph{entities: []string{"p1:p:Jane Roe", "o1:o:Acme"}, roles: []kg.Role{
				{Person: "p1", Title: "judge", Organization: "o1"},
				{Person: "p1", Title: "judge"},
			}}.build(t)
			if diff := cmp.Diff(cat{1, []string{}, []string{}}, catOf(Score(g, gold).Roles)); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEvents(t *testing.T) {
	entities := []string{"o1:o:Amazon", "o2:o:Department of Defense", "o3:o:Microsoft", "p1:p:Mark Esper", "o4:o:Acme"}
	const gold = `
persons: [{name: Mark Esper}]
organizations: [{name: Amazon}, {name: Department of Defense}, {name: Microsoft}]
events:
  - {id: suit, type: suit, agent: Amazon}
  - {id: award, type: award, type_accept: [contract_award, directive], agent: [Department of Defense]}
  - {id: order, type: injunction, agent: court}
  - {id: review, type: review, participants: [{entity: Mark Esper, role: agent}], optional: true}
`
	ev := func(typ string, parts ...string) kg.Event {
		e := kg.Event{Type: typ}
		for i := 0; i+1 < len(parts); i += 2 {
			e.Participants = append(e.Participants, kg.Participant{As: parts[i], Entity: parts[i+1]})
		}
		return e
	}
	for _, tc := range []struct {
		name   string
		events []kg.Event
		want   cat
	}{
		{
			name:   "types folded through synonyms and type_accept; court takes any agent",
			events: []kg.Event{ev("lawsuit", "plaintiff", "o1"), ev("directive", "agent", "o2"), ev("restraining_order", "target", "o3")},
			want:   cat{3, []string{}, []string{}},
		},
		{
			name:   "an agent is any participant that is one of the agents",
			events: []kg.Event{ev("lawsuit", "defendant", "o2", "plaintiff", "o1"), ev("award", "recipient", "o3", "agent", "o2"), ev("court_order")},
			want:   cat{3, []string{}, []string{}},
		},
		{
			name:   "an event with the wrong agent is wrong, and the gold event missed",
			events: []kg.Event{ev("lawsuit", "agent", "o3"), ev("award", "agent", "o2"), ev("court_order")},
			want:   cat{2, []string{"suit (suit by Amazon)"}, []string{"lawsuit (agent: Microsoft)"}},
		},
		{
			name:   "an event the gold does not list is wrong when a gold entity takes part",
			events: []kg.Event{ev("lawsuit", "agent", "o1"), ev("award", "agent", "o2"), ev("court_order"), ev("motion", "agent", "o1"), ev("protest", "agent", "o4")},
			want:   cat{3, []string{}, []string{"motion (agent: Amazon)"}},
		},
		{
			name:   "an optional event found is not wrong",
			events: []kg.Event{ev("lawsuit", "agent", "o1"), ev("award", "agent", "o2"), ev("court_order"), ev("review", "agent", "p1")},
			want:   cat{3, []string{}, []string{}},
		},
		{
			name:   "an optional event of another agent is wrong",
			events: []kg.Event{ev("lawsuit", "agent", "o1"), ev("award", "agent", "o2"), ev("court_order"), ev("review", "agent", "o2")},
			want:   cat{3, []string{}, []string{"review (agent: Department of Defense)"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(graph{entities: entities, events: tc.events}.build(t), mustGold(t, gold))
			if diff := cmp.Diff(tc.want, catOf(r.Events)); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClaims(t *testing.T) {
	entities := []string{"o1:o:Amazon Web Services|AWS", "p1:p:Mark Esper", "o2:o:Department of Defense", "o3:o:Wall Street"}
	const gold = `
persons: [{name: Mark Esper}]
organizations: [{name: Amazon Web Services}, {name: Department of Defense}]
figurative_mentions: [Wall Street]
claims:
  - {id: bias, claimant: [Amazon Web Services], stance: alleges, quote_contains: "unmistakable bias"}
  - {id: fair, claimant: Mark Esper, stance: denies, stance_accept: [neutral], quote_contains: "freely and fairly"}
  - {id: lawful, claimant: [Department of Defense], stance: denies, quote_contains: "applicable laws", optional: true}
`
	claim := func(claimant, stance, text string, quotes ...string) kg.Claim {
		c := kg.Claim{Claimant: claimant, Stance: stance, Text: text}
		for _, q := range quotes {
			c.Sources = append(c.Sources, kg.Source{Quote: q})
		}
		return c
	}
	for _, tc := range []struct {
		name   string
		claims []kg.Claim
		want   cat
	}{
		{
			name: "quote in the text or a source, stance or stance_accept",
			claims: []kg.Claim{claim("o1", "alleges", "AWS said", "It showed “unmistakable bias.”"),
				claim("p1", "neutral", "the decision was made freely and fairly")},
			want: cat{2, []string{}, []string{}},
		},
		{
			name: "a claim given to the wrong speaker is wrong, and the gold claim missed",
			claims: []kg.Claim{claim("o2", "alleges", "unmistakable bias"),
				claim("p1", "denies", "freely and fairly")},
			want: cat{1, []string{`bias (Amazon Web Services alleges "unmistakable bias")`},
				[]string{"Department of Defense alleges “unmistakable bias”: is bias, which wants Amazon Web Services alleges"}},
		},
		{
			name: "a wrong stance is wrong",
			claims: []kg.Claim{claim("o1", "alleges", "unmistakable bias"),
				claim("p1", "alleges", "freely and fairly")},
			want: cat{1, []string{`fair (Mark Esper denies "freely and fairly")`},
				[]string{"Mark Esper alleges “freely and fairly”: is fair, which wants Mark Esper denies or neutral"}},
		},
		{
			name: "a wrong claim beside the right one is still wrong",
			claims: []kg.Claim{claim("o1", "alleges", "unmistakable bias"), claim("o2", "alleges", "unmistakable bias"),
				claim("p1", "denies", "freely and fairly")},
			want: cat{2, []string{}, []string{"Department of Defense alleges “unmistakable bias”: is bias, which wants Amazon Web Services alleges"}},
		},
		{
			name: "claims that quote no gold claim count neither way, unless a figurative mention makes them",
			claims: []kg.Claim{claim("o1", "alleges", "unmistakable bias"), claim("p1", "denies", "freely and fairly"),
				claim("o2", "neutral", "the weather was fine"), claim("o3", "alleges", "the deal is doomed")},
			want: cat{2, []string{}, []string{"Wall Street alleges “the deal is doomed”: a figurative mention claims nothing"}},
		},
		{
			name: "an optional claim found is not wrong; given to the wrong speaker it is",
			claims: []kg.Claim{claim("o1", "alleges", "unmistakable bias"), claim("p1", "denies", "freely and fairly"),
				claim("o2", "denies", "all applicable laws"), claim("p1", "denies", "all applicable laws")},
			want: cat{2, []string{}, []string{"Mark Esper denies “all applicable laws”: is lawful, which wants Department of Defense denies"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(graph{entities: entities, claims: tc.claims}.build(t), mustGold(t, gold))
			if diff := cmp.Diff(tc.want, catOf(r.Claims)); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuestions(t *testing.T) {
	const gold = `
persons: [{name: Donald Trump, aliases: [Trump]}, {name: Mark Esper}, {name: Andy Jassy}]
organizations: [{name: Amazon}, {name: Amazon Web Services, aliases: [AWS]}, {name: Department of Defense, aliases: [DoD]}]
questions:
  who_was_sought_for_deposition: {want: [Donald Trump, Mark Esper]}
  who_sought_depositions: {any: [Amazon Web Services, Amazon]}
  who_alleged_bias: {want: [Andy Jassy], ok: [Amazon]}
  who_defended_the_process: [Department of Defense]
  who_holds_a_role_at_dod: {want: [Mark Esper]}
  who_sued_whom: {want: [Amazon]}
`
	g := graph{
		entities: []string{"p1:p:Trump", "p2:p:Mark Esper", "p3:p:Andy Jassy", "o1:o:AWS", "o2:o:DoD", "p4:p:Someone Else"},
		events: []kg.Event{{Type: "deposition", Participants: []kg.Participant{
			{As: "agent", Entity: "o1"}, {As: "deponent", Entity: "p1"}, {As: "witness", Entity: "p4"}, {As: "deponent", Description: "others"}}}},
		claims: []kg.Claim{
			{Claimant: "p3", Stance: kg.Alleges, Topics: []string{"political interference"}},
			{Claimant: "o1", Stance: kg.Alleges, Topics: []string{"Bias"}},
			{Claimant: "p2", Stance: kg.Alleges, Topics: []string{"fairness"}},
			{Claimant: "o2", Stance: kg.Denies},
		},
		roles: []kg.Role{{Person: "p2", Title: "Secretary", Organization: "o2"}, {Person: "p3", Title: "CEO", Organization: "o1"}},
	}.build(t)
	r := Score(g, mustGold(t, gold))
	type q struct {
		Name          string
		F1            float64
		Got           []string
		Missed, Wrong []string
	}
	var got []q
	for _, x := range r.Questions {
		got = append(got, q{x.Name, x.F1, x.Got, x.Missed, x.Wrong})
	}
	want := []q{
		{"who_was_sought_for_deposition", 0.5, []string{"Donald Trump", "Someone Else"}, []string{"Mark Esper"}, []string{"Someone Else"}},
		{"who_sought_depositions", 1, []string{"Amazon Web Services"}, []string{}, []string{}},
		{"who_alleged_bias", 2 * 0.5 * 1 / 1.5, []string{"Amazon Web Services", "Andy Jassy"}, []string{}, []string{"Amazon Web Services"}},
		{"who_defended_the_process", 1, []string{"Department of Defense"}, []string{}, []string{}},
		{"who_holds_a_role_at_dod", 1, []string{"Mark Esper"}, []string{}, []string{}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("questions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"who_sued_whom"}, r.Unanswerable); diff != "" {
		t.Errorf("unanswerable (-want +got):\n%s", diff)
	}
}

// A question the gold answers with no one (want: []) is right only when
// the graph answers no one too.
func TestQuestionAnsweredByNoOne(t *testing.T) {
	const gold = `
persons: [{name: Mark Esper}]
organizations: [{name: Amazon}]
questions:
  who_sought_depositions: {want: []}
  who_was_sought_for_deposition: []
`
	f1 := func(g kg.Graph) []float64 {
		var out []float64
		for _, q := range Score(g, mustGold(t, gold)).Questions {
			out = append(out, q.F1)
		}
		return out
	}
	none := graph{entities: []string{"p1:p:Mark Esper", "o1:o:Amazon"}}.build(t)
	if diff := cmp.Diff([]float64{1, 1}, f1(none)); diff != "" {
		t.Errorf("no request (-want +got):\n%s", diff)
	}
	one := graph{entities: []string{"p1:p:Mark Esper", "o1:o:Amazon"}, events: []kg.Event{{Type: "deposition_request",
		Participants: []kg.Participant{{As: "agent", Entity: "o1"}, {As: "deponent", Entity: "p1"}}}}}.build(t)
	if diff := cmp.Diff([]float64{0, 0}, f1(one)); diff != "" {
		t.Errorf("a request (-want +got):\n%s", diff)
	}
}

func TestOverall(t *testing.T) {
	const gold = `
persons: [{name: Jane Roe}, {name: John Doe}]
noise_entities: [Getty Images, AFP]
questions:
  who_defended_the_process: {want: [Jane Roe]}
`
	for _, tc := range []struct {
		name     string
		entities []string
		claims   []kg.Claim
		want     float64
	}{
		// persons 1, organizations 1, roles 1, events 1, claims 1, question 1
		{"perfect", []string{"p1:p:Jane Roe", "p2:p:John Doe"}, []kg.Claim{{Claimant: "p1", Stance: kg.Denies}}, 1},
		// persons F1 2/3, question 0
		{"a person and the answer missed", []string{"p1:p:Jane Roe"}, nil, (2.0/3 + 1 + 1 + 1 + 1 + 0) / 6},
		// organizations 0 (two wrong), minus 5% per noise entity
		{"noise costs 5% each", []string{"p1:p:Jane Roe", "p2:p:John Doe", "o1:o:Getty Images", "o2:o:AFP"},
			[]kg.Claim{{Claimant: "p1", Stance: kg.Denies}}, 5.0 / 6 * (1 - 0.05*2)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(graph{entities: tc.entities, claims: tc.claims}.build(t), mustGold(t, gold))
			if math.Abs(r.Overall-tc.want) > 1e-12 {
				t.Errorf("overall = %v, want %v", r.Overall, tc.want)
			}
		})
	}
}

// TestTypeLabels: a gold name, alias or person's surname is labelled with
// its kind; a name the gold does not list is none; a tolerated name, and
// one that is part of a gold name or holds one, gets no label.
func TestTypeLabels(t *testing.T) {
	gold := &Gold{
		Persons:          []GoldEntity{{Name: "Jane Q. Roe", Aliases: []string{"Ms Roe"}}},
		Organizations:    []GoldEntity{{Name: "Hooli Bank of Harwell", Aliases: []string{"HBH"}}},
		ToleratedPersons: []string{"Dan Byline"},
	}
	names := []string{"Jane Q. Roe", "Roe", "Ms Roe", "the Hooli Bank of Harwell", "HBH", "Hooli Bank", "Hooli Bank of Harwell Trust", "Dan Byline", "Bluebird"}
	want := map[string]string{"Jane Q. Roe": "person", "Roe": "person", "Ms Roe": "person",
		"the Hooli Bank of Harwell": "organization", "HBH": "organization", "Bluebird": "none"}
	if got := TypeLabels(names, gold); !maps.Equal(got, want) {
		t.Errorf("TypeLabels = %v, want %v", got, want)
	}
}

// TestRoleAndAttachLabels: a candidate role is labelled a role when a gold
// role of its person has its title, whatever the organization or status,
// and gets no label for a person the gold does not list; a role's
// candidate organizations are labelled by the gold role it matches, none
// included where the gold allows none.
func TestRoleAndAttachLabels(t *testing.T) {
	entities := []string{"p1:p:Jane Roe", "p2:p:John Doe", "o1:o:District Court", "o2:o:Acme Corp", "x:p:Nobody Listed"}
	const gold = `
persons: [{name: Jane Roe}, {name: John Doe}]
organizations: [{name: District Court}, {name: Acme Corp, aliases: [Acme]}]
roles:
  - {person: Jane Roe, title: [District Judge, judge], org: [District Court, null], status: current}
  - {person: John Doe, title: chief executive officer, org: Acme Corp, status: former}
`
	g := graph{entities: entities}.build(t)
	got := RoleLabels(g, mustGold(t, gold), []kg.Role{
		{Person: "p1", Title: "judge"}, {Person: "p1", Title: "clerk"},
		{Person: "p2", Title: "Chief Executive", Status: "current"}, {Person: "x", Title: "judge"}})
	if want := []int{1, 0, 1, -1}; !slices.Equal(got, want) {
		t.Errorf("RoleLabels = %v, want %v", got, want)
	}
	g.Roles = []kg.Role{{ID: "r1", Person: "p1", Title: "judge", Organization: "o2"},
		{ID: "r2", Person: "p2", Title: "chief executive officer", Organization: "o1"},
		{ID: "r3", Person: "p2", Title: "clerk"}}
	labels := AttachLabels(g, mustGold(t, gold), map[string][]string{
		"r1": {"", "o1", "o2"}, "r2": {"", "o1", "o2"}, "r3": {"", "o2"}})
	want := map[string][]bool{"r1": {true, true, false}, "r2": {false, false, true}}
	if diff := cmp.Diff(want, labels); diff != "" {
		t.Errorf("AttachLabels (-want +got):\n%s", diff)
	}
}
