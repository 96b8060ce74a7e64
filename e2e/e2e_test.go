package e2e

import (
	"slices"
	"strings"
	"testing"
)

type source struct {
	Quote      string
	Start, End int
	Document   struct{ Title string }
}

type name struct{ Name string }

// checkSources reports facts without a usable source.
func checkSources(t *testing.T, what string, srcs []source) {
	t.Helper()
	if len(srcs) == 0 {
		t.Errorf("%s has no source", what)
	}
	for _, s := range srcs {
		if s.Quote == "" || s.Document.Title == "" || s.End <= s.Start {
			t.Errorf("%s: unusable source %+v", what, s)
		}
	}
}

// missing returns the wanted names that are not in got.
func missing(want []string, got map[string]bool) []string {
	var out []string
	for _, w := range want {
		if !got[w] {
			out = append(out, w)
		}
	}
	return out
}

func anyOf(got map[string]bool, names ...string) bool {
	for _, n := range names {
		if got[n] {
			return true
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestCorpusQuestions asks the questions of the issue over HTTP against the
// real Neo4j loaded with the bundled corpus and checks the answers with their
// sources.
func TestCorpusQuestions(t *testing.T) {
	e := setup(t)

	t.Run("sought for deposition", func(t *testing.T) {
		var r struct {
			Events struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Date         string
						Participants []struct {
							Part   string
							Entity *name
						}
						Sources []source
					}
				}
			}
		}
		e.mustQuery(t, `{ events(type: DEPOSITION_REQUEST, first: 20) { totalCount edges { node { date participants { part entity { name } } sources { quote start end document { title } } } } } }`, &r)
		deponents, agents := map[string]bool{}, map[string]bool{}
		for _, ed := range r.Events.Edges {
			checkSources(t, "deposition request", ed.Node.Sources)
			for _, p := range ed.Node.Participants {
				if p.Entity == nil {
					continue
				}
				switch p.Part {
				case "deponent":
					deponents[p.Entity.Name] = true
				case "agent":
					agents[p.Entity.Name] = true
				}
			}
		}
		if m := missing([]string{"Donald Trump", "James Mattis", "Mark Esper", "Dana Deasy"}, deponents); len(m) > 0 {
			t.Errorf("deponents %v miss %v", keys(deponents), m)
		}
		if !anyOf(agents, "Amazon", "Amazon Web Services") {
			t.Errorf("deposition sought by %v, want Amazon or Amazon Web Services", keys(agents))
		}
	})

	type claims struct {
		Claims struct {
			Edges []struct {
				Node struct {
					Text     string
					Claimant name
					Sources  []source
				}
			}
		}
	}
	claimants := func(t *testing.T, q string) map[string]bool {
		t.Helper()
		var r claims
		e.mustQuery(t, q, &r)
		got := map[string]bool{}
		for _, ed := range r.Claims.Edges {
			checkSources(t, "claim "+ed.Node.Text, ed.Node.Sources)
			got[ed.Node.Claimant.Name] = true
		}
		return got
	}

	t.Run("alleged bias", func(t *testing.T) {
		got := claimants(t, `{ claims(stance: ALLEGES, topic: "bias", first: 50) { edges { node { text claimant { name } sources { quote start end document { title } } } } } }`)
		if !anyOf(got, "Amazon", "Amazon Web Services") || !got["Andy Jassy"] {
			t.Errorf("bias alleged by %v, want Amazon or Amazon Web Services, and Andy Jassy", keys(got))
		}
	})

	t.Run("defended the process", func(t *testing.T) {
		got := claimants(t, `{ claims(stance: DENIES, first: 50) { edges { node { text claimant { name } sources { quote start end document { title } } } } } }`)
		if m := missing([]string{"Mark Esper", "Department of Defense", "Frank Shaw"}, got); len(m) > 0 {
			t.Errorf("process defended by %v, missing %v", keys(got), m)
		}
		var r struct {
			Person struct {
				Roles []struct {
					Title        string
					Organization *name
				}
			}
		}
		if errs := e.query(t, `{ person(name: "Frank Shaw") { roles { title organization { name } } } }`, nil, "", &r); len(errs) > 0 {
			t.Fatalf("Frank Shaw: %+v", errs)
		}
		atMicrosoft := false
		for _, ro := range r.Person.Roles {
			atMicrosoft = atMicrosoft || ro.Organization != nil && strings.HasPrefix(ro.Organization.Name, "Microsoft")
		}
		if !atMicrosoft {
			t.Errorf("Frank Shaw's roles %+v: want one at Microsoft", r.Person.Roles)
		}
	})

	t.Run("roles at the Department of Defense", func(t *testing.T) {
		var r struct {
			Organization struct {
				Name  string
				Roles []struct {
					Title, Status string
					Person        name
					Sources       []source
				}
			}
		}
		e.mustQuery(t, `{ organization(name: "Department of Defense") { name roles { title status person { name } sources { quote start end document { title } } } } }`, &r)
		status := map[string]bool{}
		for _, ro := range r.Organization.Roles {
			checkSources(t, "role "+ro.Title, ro.Sources)
			status[ro.Person.Name+" "+ro.Status] = true
		}
		if m := missing([]string{"Mark Esper current", "James Mattis former", "Dana Deasy current"}, status); len(m) > 0 {
			t.Errorf("roles at DoD %v, missing %v", keys(status), m)
		}
		// One office is one role however the articles word it
		// ("Defense Secretary", "secretary of defense").
		offices := map[string]int{}
		for _, ro := range r.Organization.Roles {
			offices[ro.Person.Name+" "+ro.Status]++
		}
		for who, n := range offices {
			if n > 1 {
				t.Errorf("%s holds %d roles at DoD, want one office: %+v", who, n, r.Organization.Roles)
			}
		}
		// A name or alias finds the organization, case-insensitively.
		for _, alias := range []string{"department of defense", "DoD", "Pentagon"} {
			var a struct{ Organization name }
			if errs := e.query(t, `query($n: String) { organization(name: $n) { name } }`, map[string]any{"n": alias}, "", &a); len(errs) > 0 || a.Organization.Name != "Department of Defense" {
				t.Errorf("organization(name: %q) = %q %+v, want Department of Defense", alias, a.Organization.Name, errs)
			}
		}
	})

	t.Run("path from Andy Jassy to Mark Esper", func(t *testing.T) {
		var r struct {
			Connections []struct {
				Length int
				Nodes  []struct{ ID, Label string }
				Edges  []struct{ Type, Source, Target string }
			}
		}
		e.mustQuery(t, `{ connections(from: "Andy Jassy", to: "Mark Esper", maxHops: 4) { length nodes { id label } edges { type source target } } }`, &r)
		if len(r.Connections) == 0 {
			t.Fatal("no path from Andy Jassy to Mark Esper within 4 hops")
		}
		p := r.Connections[0]
		if p.Length > 4 || len(p.Nodes) != p.Length+1 || len(p.Edges) != p.Length ||
			p.Nodes[0].Label != "Andy Jassy" || p.Nodes[len(p.Nodes)-1].Label != "Mark Esper" {
			t.Errorf("path = %+v", p)
		}
	})

	t.Run("neighbourhood of Amazon", func(t *testing.T) {
		var r struct {
			Neighborhood struct {
				Nodes []struct{ ID, Label, Type string }
				Edges []struct{ Source, Target, Type string }
			}
		}
		e.mustQuery(t, `{ neighborhood(of: "Amazon", hops: 1, limit: 100) { nodes { id label type } edges { source target type } } }`, &r)
		ids, types := map[string]bool{}, map[string]bool{}
		for _, n := range r.Neighborhood.Nodes {
			ids[n.ID] = true
			types[n.Type] = true
		}
		if len(r.Neighborhood.Nodes) == 0 || r.Neighborhood.Nodes[0].Label != "Amazon" {
			t.Fatalf("neighbourhood nodes %+v: want Amazon first", r.Neighborhood.Nodes)
		}
		if !types["Event"] || !types["Claim"] {
			t.Errorf("neighbourhood node types %v: want events and claims", keys(types))
		}
		for _, ed := range r.Neighborhood.Edges {
			if !ids[ed.Source] || !ids[ed.Target] {
				t.Errorf("edge %+v has an end outside the nodes", ed)
			}
		}
	})

	t.Run("search", func(t *testing.T) {
		var r struct {
			Search []struct {
				Node struct{ Name, Text string }
			}
		}
		e.mustQuery(t, `{ search(text: "Jassy", first: 5) { score node { ... on Person { name } ... on Claim { text } } } }`, &r)
		if len(r.Search) == 0 || r.Search[0].Node.Name != "Andy Jassy" {
			t.Errorf("search Jassy = %+v, want Andy Jassy first", r.Search)
		}
	})

	t.Run("documents and their contributions", func(t *testing.T) {
		var r struct {
			Documents struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Title        string
						Contribution struct {
							Entities []name
							Events   []struct{ Type string }
						}
					}
				}
			}
		}
		e.mustQuery(t, `{ documents(first: 10) { totalCount edges { node { title contribution { entities { name } events { type } } } } } }`, &r)
		if r.Documents.TotalCount != 4 || len(r.Documents.Edges) != 4 {
			t.Fatalf("documents = %d of %d, want 4", len(r.Documents.Edges), r.Documents.TotalCount)
		}
		for _, d := range r.Documents.Edges {
			if len(d.Node.Contribution.Entities) == 0 {
				t.Errorf("document %q contributed no entities", d.Node.Title)
			}
		}
	})

	t.Run("sources that disagree on a date", func(t *testing.T) {
		type conflict struct {
			Field  string
			Events []struct {
				Type, Date string
				Sources    []source
			}
		}
		var r struct {
			Conflicts struct{ Edges []struct{ Node conflict } }
		}
		e.mustQuery(t, `{ conflicts(first: 100) { edges { node { field events { type date sources { quote start end document { title } } } } } } }`, &r)
		found := false
		for _, ed := range r.Conflicts.Edges {
			c := ed.Node
			if c.Field != "date" || len(c.Events) != 2 || c.Events[0].Type != "AWARD" {
				continue
			}
			dates := map[string]bool{c.Events[0].Date: true, c.Events[1].Date: true}
			if dates["2019-10-25"] && dates["2019-11"] {
				found = true
				for _, ev := range c.Events {
					checkSources(t, "conflicting award "+ev.Date, ev.Sources)
					if ev.Sources[0].Document.Title == "" {
						t.Errorf("award %s: source without a document", ev.Date)
					}
				}
				if c.Events[0].Sources[0].Document.Title == c.Events[1].Sources[0].Document.Title {
					t.Errorf("conflicting awards come from one document: %+v", c)
				}
			}
		}
		if !found {
			t.Errorf("conflicts = %+v, want the award dated 2019-10-25 by one article and 2019-11 by another", r.Conflicts)
		}
	})

	t.Run("mutations refused without the token", func(t *testing.T) {
		var docs struct {
			Documents struct {
				Edges []struct{ Node struct{ ID string } }
			}
		}
		e.mustQuery(t, `{ documents(first: 1) { edges { node { id } } } }`, &docs)
		id := docs.Documents.Edges[0].Node.ID
		for _, tok := range []string{"", "wrong"} {
			for _, q := range []string{
				`mutation($id: ID!) { deleteDocument(id: $id) }`,
				`mutation { addAlias(entity: "Mark Esper", alias: "The Secretary") { name } }`,
				`mutation { mergeEntities(keep: "Amazon", merge: "Amazon Web Services") { name } }`,
			} {
				errs := e.query(t, q, map[string]any{"id": id}, tok, nil)
				if len(errs) == 0 || errs[0].Extensions.Code != "UNAUTHENTICATED" {
					t.Errorf("token %q: %s: errors %+v, want UNAUTHENTICATED", tok, q, errs)
				}
			}
		}
		var after struct{ Documents struct{ TotalCount int } }
		e.mustQuery(t, `{ documents { totalCount } }`, &after)
		if after.Documents.TotalCount != 4 {
			t.Errorf("documents after refused deletes = %d, want 4", after.Documents.TotalCount)
		}
	})

	t.Run("curated alias is kept and found", func(t *testing.T) {
		var r struct{ AddAlias name }
		if errs := e.query(t, `mutation { addAlias(entity: "Mark Esper", alias: "SecDef Esper") { name } }`, nil, token, &r); len(errs) > 0 {
			t.Fatalf("addAlias: %+v", errs)
		}
		var p struct{ Person name }
		e.mustQuery(t, `{ person(name: "secdef esper") { name } }`, &p)
		if p.Person.Name != "Mark Esper" {
			t.Errorf("person(name: secdef esper) = %q, want Mark Esper", p.Person.Name)
		}
		seeds, err := e.store.Curations(t.Context())
		if err != nil || len(seeds) != 1 || seeds[0].Name != "Mark Esper" || !slices.Contains(seeds[0].Aliases, "SecDef Esper") {
			t.Errorf("Curations() = %+v, %v", seeds, err)
		}
	})

	t.Run("unknown entity is NOT_FOUND", func(t *testing.T) {
		errs := e.query(t, `{ connections(from: "Nobody Atall", to: "Mark Esper") { length } }`, nil, "", nil)
		if len(errs) == 0 || errs[0].Extensions.Code != "NOT_FOUND" {
			t.Errorf("errors %+v, want NOT_FOUND", errs)
		}
	})
}
