package e2e

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// node is what the frontend tests read of a connection's nodes.
type node struct {
	ID, Name, Title, Date, PublishedAt, Publisher string
}

type conn struct {
	TotalCount int
	Edges      []struct {
		Cursor string
		Node   node
	}
	PageInfo struct {
		HasNextPage bool
		EndCursor   string
	}
}

// pages walks every page of list (a top-level connection field with its
// arguments, e.g. `events(orderBy: DATE_DESC`) three at a time and returns
// the nodes in order, failing on a duplicate or a totalCount mismatch.
func (e *env) pages(t *testing.T, list, fields string) []node {
	t.Helper()
	var out []node
	seen := map[string]bool{}
	after := ""
	for range 500 {
		var data map[string]conn
		q := fmt.Sprintf(`query($after: String) { l: %s, first: 3, after: $after) { totalCount edges { cursor node { id %s } } pageInfo { hasNextPage endCursor } } }`, list, fields)
		var vars map[string]any
		if after != "" {
			vars = map[string]any{"after": after}
		}
		if errs := e.query(t, q, vars, "", &data); len(errs) > 0 {
			t.Fatalf("%s: %+v", list, errs)
		}
		c := data["l"]
		for _, ed := range c.Edges {
			if seen[ed.Node.ID] {
				t.Fatalf("%s: %s on two pages", list, ed.Node.ID)
			}
			seen[ed.Node.ID] = true
			out = append(out, ed.Node)
		}
		if !c.PageInfo.HasNextPage {
			if len(out) != c.TotalCount {
				t.Fatalf("%s: %d nodes over the pages, totalCount %d", list, len(out), c.TotalCount)
			}
			return out
		}
		after = c.PageInfo.EndCursor
	}
	t.Fatalf("%s: more than 500 pages", list)
	return nil
}

// ordered fails unless keys are in order (desc: reversed), ignoring ties.
func ordered(t *testing.T, what string, keys []string, desc bool) {
	t.Helper()
	for i := 1; i < len(keys); i++ {
		c := strings.Compare(keys[i-1], keys[i])
		if desc {
			c = -c
		}
		if c > 0 {
			t.Errorf("%s: %q before %q (item %d)", what, keys[i-1], keys[i], i)
		}
	}
}

func count(t *testing.T, cypher string, params map[string]any) int {
	t.Helper()
	return int(dbtest.Query(t, cypher, params)[0]["n"].(int64))
}

// TestFrontendLists covers issue 11 item 12 on the bundled corpus: orderBy
// with keyset pages, the new filters, stats and paged nested lists.
func TestFrontendLists(t *testing.T) {
	e := setup(t)
	t.Run("events by date both ways", func(t *testing.T) {
		asc := e.pages(t, `events(orderBy: DATE_ASC`, "date")
		desc := e.pages(t, `events(orderBy: DATE_DESC`, "date")
		if len(asc) < 10 || len(asc) != len(desc) {
			t.Fatalf("%d events ascending, %d descending", len(asc), len(desc))
		}
		dates := func(ns []node, undated string) (ks []string) {
			for _, n := range ns {
				ks = append(ks, cmpOr(n.Date, undated))
			}
			return ks
		}
		ordered(t, "DATE_ASC", dates(asc, "~"), false)
		ordered(t, "DATE_DESC", dates(desc, ""), true)
		if desc[0].Date == "" || desc[0].Date < asc[0].Date {
			t.Errorf("newest first %q, oldest first %q", desc[0].Date, asc[0].Date)
		}
	})
	t.Run("a cursor belongs to its order", func(t *testing.T) {
		var data map[string]conn
		e.mustQuery(t, `{ l: events(first: 1) { edges { cursor node { id } } } }`, &data)
		errs := e.query(t, `query($c: String) { events(orderBy: DATE_DESC, after: $c) { totalCount } }`,
			map[string]any{"c": data["l"].Edges[0].Cursor}, "", nil)
		if len(errs) != 1 || errs[0].Extensions.Code != graph.CodeBadInput {
			t.Errorf("DATE_ASC cursor with DATE_DESC: errors %+v, want BAD_USER_INPUT", errs)
		}
	})
	t.Run("documents by title and date", func(t *testing.T) {
		var titles, dates []string
		for _, n := range e.pages(t, `documents(orderBy: TITLE_ASC`, "title") {
			titles = append(titles, strings.ToLower(n.Title))
		}
		ordered(t, "TITLE_ASC", titles, false)
		for _, n := range e.pages(t, `documents(orderBy: PUBLISHED_AT_DESC`, "publishedAt") {
			dates = append(dates, n.PublishedAt)
		}
		ordered(t, "PUBLISHED_AT_DESC", dates, true)
		if want := count(t, `MATCH (d:Document) RETURN count(d) AS n`, nil); len(titles) != want || len(dates) != want {
			t.Errorf("%d and %d documents over the pages, %d in the graph", len(titles), len(dates), want)
		}
	})
	t.Run("documents by publisher and date range", func(t *testing.T) {
		row := dbtest.Query(t, `MATCH (d:Document) WHERE coalesce(d.publisher, '') <> ''
			RETURN d.publisher AS p, count(*) AS n ORDER BY n DESC, p LIMIT 1`, nil)[0]
		pub := row["p"].(string)
		got := e.pages(t, fmt.Sprintf(`documents(publisher: %q`, strings.ToUpper(pub)), "publisher")
		if len(got) != int(row["n"].(int64)) || len(got) == 0 {
			t.Errorf("publisher %q: %d documents, want %d", pub, len(got), row["n"])
		}
		for _, n := range got {
			if n.Publisher != pub {
				t.Errorf("publisher filter %q returned %q", pub, n.Publisher)
			}
		}
		want := count(t, `MATCH (d:Document) WHERE d.publishedAt >= '2019' AND d.publishedAt < '2019-12~' RETURN count(d) AS n`, nil)
		if got := e.pages(t, `documents(from: "2019", to: "2019-12"`, "publishedAt"); len(got) != want || want == 0 {
			t.Errorf("documents of 2019: %d, want %d", len(got), want)
		}
	})
	t.Run("entities by type, kind, document and name", func(t *testing.T) {
		row := dbtest.Query(t, `MATCH (o:Organization) WHERE o.kind IS NOT NULL RETURN o.kind AS k, count(*) AS n ORDER BY n DESC, k LIMIT 1`, nil)[0]
		orgs := e.pages(t, fmt.Sprintf(`entities(type: ORGANIZATION, kind: %q, orderBy: NAME_DESC`, row["k"]), "name")
		if len(orgs) != int(row["n"].(int64)) {
			t.Errorf("organizations of kind %v: %d, want %v", row["k"], len(orgs), row["n"])
		}
		var names []string
		for _, n := range orgs {
			names = append(names, strings.ToLower(n.Name))
		}
		ordered(t, "NAME_DESC", names, true)
		people := e.pages(t, `entities(type: PERSON`, "name")
		if want := count(t, `MATCH (p:Person) RETURN count(p) AS n`, nil); len(people) != want {
			t.Errorf("%d persons, want %d", len(people), want)
		}
		doc := dbtest.Query(t, `MATCH (d:Document) RETURN d.id AS id ORDER BY COUNT { (d)<-[:MENTIONED_IN]-() } DESC LIMIT 1`, nil)[0]["id"]
		want := count(t, `MATCH (x:Entity)-[:MENTIONED_IN]->(:Document {id: $d}) WHERE x:Person OR x:Organization RETURN count(DISTINCT x) AS n`, map[string]any{"d": doc})
		if got := e.pages(t, fmt.Sprintf(`entities(document: %q`, doc), "name"); len(got) != want || want == 0 {
			t.Errorf("entities of document %v: %d, want %d", doc, len(got), want)
		}
		if errs := e.query(t, `{ entities(type: CLAIM) { totalCount } }`, nil, "", nil); len(errs) != 1 || errs[0].Extensions.Code != graph.CodeBadInput {
			t.Errorf("type CLAIM: errors %+v, want BAD_USER_INPUT", errs)
		}
	})
	t.Run("events and claims by document, publisher and dates", func(t *testing.T) {
		doc := dbtest.Query(t, `MATCH (d:Document) WHERE coalesce(d.publisher, '') <> '' RETURN d.id AS id, d.publisher AS p ORDER BY COUNT { (d)<-[:SOURCED_FROM]-(:Event) } DESC LIMIT 1`, nil)[0]
		p := map[string]any{"d": doc["id"], "p": doc["p"]}
		cases := []struct{ list, cypher string }{
			{fmt.Sprintf(`events(document: %q`, doc["id"]), `MATCH (n:Event) WHERE EXISTS { (n)-[:SOURCED_FROM]->(:Document {id: $d}) } RETURN count(n) AS n`},
			{fmt.Sprintf(`events(publisher: %q`, doc["p"]), `MATCH (n:Event) WHERE EXISTS { (n)-[:SOURCED_FROM]->(:Document {publisher: $p}) } RETURN count(n) AS n`},
			{fmt.Sprintf(`claims(document: %q`, doc["id"]), `MATCH (n:Claim) WHERE EXISTS { (n)-[:SOURCED_FROM]->(:Document {id: $d}) } RETURN count(n) AS n`},
			{`claims(from: "2019-10", to: "2019-11"`, `MATCH (n:Claim) WHERE EXISTS { MATCH (n)-[:SOURCED_FROM]->(d:Document) WHERE d.publishedAt >= '2019-10' AND d.publishedAt < '2019-11~' } RETURN count(n) AS n`},
		}
		for _, c := range cases {
			want := count(t, c.cypher, p)
			if got := e.pages(t, c.list, ""); len(got) != want || want == 0 {
				t.Errorf("%s): %d, want %d", c.list, len(got), want)
			}
		}
		if errs := e.query(t, `{ claims(from: "2019-13") { totalCount } }`, nil, "", nil); len(errs) != 1 || errs[0].Extensions.Code != graph.CodeBadInput {
			t.Errorf("from 2019-13: errors %+v, want BAD_USER_INPUT", errs)
		}
	})
	t.Run("stats", func(t *testing.T) { testStats(t, e) })
	t.Run("search order", func(t *testing.T) {
		var data struct{ Search []struct{ Score float64 } }
		e.mustQuery(t, `{ search(text: "Amazon Pentagon contract", first: 10, orderBy: SCORE_ASC) { score } }`, &data)
		if len(data.Search) < 3 || !slices.IsSortedFunc(data.Search, func(a, b struct{ Score float64 }) int {
			return int(a.Score*1e6 - b.Score*1e6)
		}) || data.Search[0].Score == data.Search[len(data.Search)-1].Score {
			t.Errorf("SCORE_ASC: %+v", data.Search)
		}
	})
	t.Run("nested lists page and batch", func(t *testing.T) { testNested(t, e) })
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func testStats(t *testing.T, e *env) {
	type counts []struct {
		Key   string
		Count int
	}
	var data struct {
		Stats struct{ EventsByType, ClaimsByStance, ClaimsByTopic, EntitiesByKind counts }
	}
	e.mustQuery(t, `{ stats { eventsByType { key count } claimsByStance { key count } claimsByTopic { key count } entitiesByKind { key count } } }`, &data)
	sum := func(c counts) (n int) {
		for _, x := range c {
			n += x.Count
		}
		return n
	}
	st := data.Stats
	for name, c := range map[string]struct {
		got    counts
		cypher string
	}{
		"eventsByType":   {st.EventsByType, `MATCH (n:Event) RETURN count(n) AS n`},
		"claimsByStance": {st.ClaimsByStance, `MATCH (n:Claim) RETURN count(n) AS n`},
		"claimsByTopic":  {st.ClaimsByTopic, `MATCH (n:Claim) UNWIND n.topics AS t RETURN count(t) AS n`},
		"entitiesByKind": {st.EntitiesByKind, `MATCH (n:Entity) WHERE n:Person OR n:Organization RETURN count(n) AS n`},
	} {
		if want := count(t, c.cypher, nil); sum(c.got) != want || want == 0 {
			t.Errorf("%s sums to %d, want %d: %+v", name, sum(c.got), want, c.got)
		}
		for i := 1; i < len(c.got); i++ {
			if c.got[i].Count > c.got[i-1].Count {
				t.Errorf("%s not by count: %+v", name, c.got)
			}
		}
	}
	lawsuits := count(t, `MATCH (n:Event {type: 'lawsuit'}) RETURN count(n) AS n`, nil)
	if i := slices.IndexFunc(st.EventsByType, func(c struct {
		Key   string
		Count int
	}) bool {
		return c.Key == "LAWSUIT"
	}); lawsuits > 0 && (i < 0 || st.EventsByType[i].Count != lawsuits) {
		t.Errorf("LAWSUIT: %+v, want %d", st.EventsByType, lawsuits)
	}
	q := "{" + strings.Repeat(" s%d: stats { eventsByType { key } claimsByStance { key } claimsByTopic { key } entitiesByKind { key } }", 13) + "}"
	args := make([]any, 13)
	for i := range args {
		args[i] = i
	}
	errs := e.query(t, fmt.Sprintf(q, args...), nil, "", nil)
	if len(errs) != 1 || errs[0].Extensions.Code != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("13 aliases of stats: errors %+v, want COMPLEXITY_LIMIT_EXCEEDED", errs)
	}
}

// countingStore counts the list fetches of the loaders.
type countingStore struct {
	*neo4jstore.Store
	roles, claims atomic.Int32
}

func (s *countingStore) RolesOf(ctx context.Context, ids []string, f kg.Fields) (map[string][]kg.Role, error) {
	s.roles.Add(1)
	return s.Store.RolesOf(ctx, ids, f)
}

func (s *countingStore) ClaimsBy(ctx context.Context, ids []string, f kg.Fields) (map[string][]kg.Claim, error) {
	s.claims.Add(1)
	return s.Store.ClaimsBy(ctx, ids, f)
}

func testNested(t *testing.T, e *env) {
	ref := dbtest.Query(t, `MATCH (p:Person) RETURN p.id AS id ORDER BY COUNT { (p)-[:MADE]->() } DESC, p.id LIMIT 1`, nil)[0]["id"].(string)
	type list []struct{ ID string }
	var all struct{ Entity struct{ ClaimsMade list } }
	e.mustQuery(t, fmt.Sprintf(`{ entity(id: %q) { claimsMade { id } } }`, ref), &all)
	if len(all.Entity.ClaimsMade) < 3 {
		t.Fatalf("%s made %d claims; want a list to page", ref, len(all.Entity.ClaimsMade))
	}
	var paged list
	after := ""
	for len(paged) < len(all.Entity.ClaimsMade) {
		var data struct{ Entity struct{ ClaimsMade list } }
		e.mustQuery(t, fmt.Sprintf(`{ entity(id: %q) { claimsMade(first: 2, after: %q) { id } } }`, ref, after), &data)
		if len(data.Entity.ClaimsMade) == 0 || len(data.Entity.ClaimsMade) > 2 {
			t.Fatalf("page after %q: %d claims", after, len(data.Entity.ClaimsMade))
		}
		paged = append(paged, data.Entity.ClaimsMade...)
		after = paged[len(paged)-1].ID
	}
	if !slices.Equal(paged, all.Entity.ClaimsMade) {
		t.Errorf("pages %v, whole list %v", paged, all.Entity.ClaimsMade)
	}
	if errs := e.query(t, fmt.Sprintf(`{ entity(id: %q) { claimsMade(after: "nope") { id } } }`, ref), nil, "", nil); len(errs) != 1 || errs[0].Extensions.Code != graph.CodeBadInput {
		t.Errorf("after an unknown id: errors %+v, want BAD_USER_INPUT", errs)
	}
	cs := &countingStore{Store: e.store}
	srv := httptest.NewServer(graph.NewHandler(&graph.Resolver{Store: cs, Topics: e.topics}, graph.Options{Timeout: 10 * time.Second}))
	t.Cleanup(srv.Close)
	var data struct{ Entities conn }
	(&env{srv: srv}).mustQuery(t, `{ entities(first: 15) { edges { node { id roles(first: 1) { id } claimsMade(first: 2) { id } } } } }`, &data)
	// One fetch per list when the loaders gather every key; a busy machine
	// may split a batch, but never into one fetch per entity.
	if len(data.Entities.Edges) != 15 || cs.roles.Load() > 3 || cs.claims.Load() > 3 {
		t.Errorf("15 entities' roles and claims: %d entities, %d role fetches, %d claim fetches; want 15 and batches (at most 3 fetches each)",
			len(data.Entities.Edges), cs.roles.Load(), cs.claims.Load())
	}
}
