package e2e

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
	"github.com/factgraph/factgraph/pipeline"
)

// TestBrowserReadyGraph checks, on the bundled corpus, what a Neo4j Browser
// user sees: every Event and Claim has a caption, every role at an
// organization has its HOLDS_ROLE_AT shortcut (also after a forced reload
// of every document, which replaces all facts), and the first query people
// type, MATCH (p:Person)-[r]-(o:Organization), reaches every person who
// holds a role at an organization.
func TestBrowserReadyGraph(t *testing.T) {
	e := setup(t)
	check := func(when string) {
		t.Helper()
		for _, label := range []string{"Event", "Claim"} {
			rows := dbtest.Query(t, fmt.Sprintf(`MATCH (n:%s) RETURN count(n) AS n,
				count(CASE WHEN trim(coalesce(n.caption, '')) = '' THEN 1 END) AS empty`, label), nil)
			if n, empty := rows[0]["n"].(int64), rows[0]["empty"].(int64); n == 0 || empty != 0 {
				t.Errorf("%s: %d of %d %s nodes have no caption", when, empty, n, label)
			}
		}
		rows := dbtest.Query(t, `MATCH (p:Person)-[:HOLDS_ROLE]->(r:Role)-[:AT]->(o:Organization)
			RETURN count(r) AS roles,
			       count(CASE WHEN NOT EXISTS { (p)-[s:HOLDS_ROLE_AT {role: r.id}]->(o)
			                   WHERE s.title = r.title AND s.status = r.status } THEN 1 END) AS missing,
			       COUNT { MATCH ()-[s:HOLDS_ROLE_AT]->() } AS shortcuts`, nil)
		roles, missing, sc := rows[0]["roles"].(int64), rows[0]["missing"].(int64), rows[0]["shortcuts"].(int64)
		if roles == 0 || missing != 0 || sc != roles {
			t.Errorf("%s: %d roles at organizations, %d without a matching HOLDS_ROLE_AT, %d HOLDS_ROLE_AT in all",
				when, roles, missing, sc)
		}
		want := names(t, `MATCH (p:Person)-[:HOLDS_ROLE]->(:Role)-[:AT]->(:Organization) RETURN DISTINCT p.name AS name`)
		got := names(t, `MATCH (p:Person)-[r]-(o:Organization) RETURN DISTINCT p.name AS name`)
		for _, n := range want {
			if sort.SearchStrings(got, n) == len(got) || got[sort.SearchStrings(got, n)] != n {
				t.Errorf("%s: %s holds a role at an organization but MATCH (p:Person)-[r]-(o:Organization) misses them", when, n)
			}
		}
		if len(want) < 5 {
			t.Errorf("%s: only %d people with a role at an organization: %q", when, len(want), want)
		}
	}
	check("after load")
	before := dbtest.Query(t, `MATCH (a:Entity)-[s]->(b:Entity) WHERE s.role IS NOT NULL OR s.event IS NOT NULL OR s.claim IS NOT NULL
		RETURN a.id + ' ' + type(s) + ' ' + b.id AS k ORDER BY k`, nil)
	if len(before) == 0 {
		t.Fatal("no shortcuts after loading the corpus")
	}
	for _, typ := range []string{"HOLDS_ROLE_AT", "SOUGHT_DEPOSITION_OF", "ALLEGED_AGAINST", "AWARDED", "SUED"} {
		if rows := dbtest.Query(t, fmt.Sprintf(`RETURN COUNT { ()-[:%s]->() } AS n`, typ), nil); rows[0]["n"].(int64) == 0 {
			t.Errorf("no %s shortcut after loading the corpus", typ)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	docs, errs := input.Read(ctx, []string{"../data/corpus"}, nil)
	if len(errs) > 0 {
		t.Fatalf("read corpus: %v", errs)
	}
	if _, errs := pipeline.New(e.store, lexicon.Must()).Load(ctx, docs, true, nil); len(errs) > 0 {
		t.Fatalf("reload corpus: %v", errs)
	}
	check("after a forced reload")
	after := dbtest.Query(t, `MATCH (a:Entity)-[s]->(b:Entity) WHERE s.role IS NOT NULL OR s.event IS NOT NULL OR s.claim IS NOT NULL
		RETURN a.id + ' ' + type(s) + ' ' + b.id AS k ORDER BY k`, nil)
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("shortcuts changed on a forced reload of the same corpus (-before +after):\n%s", diff)
	}
}

func names(t *testing.T, q string) []string {
	t.Helper()
	var out []string
	for _, r := range dbtest.Query(t, q, nil) {
		out = append(out, r["name"].(string))
	}
	sort.Strings(out)
	return out
}
