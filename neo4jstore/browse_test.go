package neo4jstore_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// shortcuts lists the entity-to-entity shortcuts as "from -TYPE(fact)-> to".
func shortcuts(t *testing.T) []string {
	t.Helper()
	rows := dbtest.Query(t, `MATCH (a:Entity)-[s]->(b:Entity)
		WHERE s.role IS NOT NULL OR s.event IS NOT NULL OR s.claim IS NOT NULL
		RETURN a.name AS a, type(s) AS t, coalesce(s.role, s.event, s.claim) AS f, b.name AS b`, nil)
	out := []string{}
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s -%s(%s)-> %s", r["a"], r["t"], r["f"], r["b"]))
	}
	sort.Strings(out)
	return out
}

// derived lists the shortcuts the reified nodes call for, in the same form.
func derived(t *testing.T) []string {
	t.Helper()
	rows := dbtest.Query(t, `
		CALL { MATCH (p:Entity)-[:HOLDS_ROLE]->(r:Role)-[:AT]->(o:Entity)
		       RETURN p.name AS a, 'HOLDS_ROLE_AT' AS t, r.id AS f, o.name AS b
		  UNION MATCH (a:Entity)-[:PARTICIPATED_IN {as: 'agent'}]->(ev:Event)<-[pi:PARTICIPATED_IN]-(b:Entity)
		       WHERE pi.as <> 'agent' AND a <> b
		       RETURN a.name AS a, $types[ev.type + '/' + pi.as] AS t, ev.id AS f, b.name AS b
		  UNION MATCH (a:Entity)-[:MADE]->(c:Claim)-[:ABOUT]->(b:Entity) WHERE a <> b
		       RETURN a.name AS a, $stances[c.stance] AS t, c.id AS f, b.name AS b }
		RETURN a, t, f, b`, map[string]any{
		"types":   map[string]any{"lawsuit/target": "SUED", "deposition_request/deponent": "SOUGHT_DEPOSITION_OF"},
		"stances": map[string]any{"alleges": "ALLEGED_AGAINST", "denies": "DENIED", "neutral": "COMMENTED_ON"}})
	out := []string{}
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s -%s(%s)-> %s", r["a"], r["t"], r["f"], r["b"]))
	}
	sort.Strings(out)
	return out
}

// browseFixture is fixture with a named target and deponent on its event, so
// that events have shortcuts too.
func browseFixture(doc, claimText string, stance string) kg.Extraction {
	ex := fixture(doc, claimText)
	bob := ent(kg.Person, "Bob Sample")
	ex.Entities = append(ex.Entities, bob)
	ex.Events[0].Participants = append(ex.Events[0].Participants,
		kg.Participant{Entity: ex.Entities[0].ID, As: "target"}, kg.Participant{Entity: bob.ID, As: "target"})
	ex.Events = append(ex.Events, kg.Event{ID: kg.ID("evt", doc, "depo"), Type: "deposition_request", DateText: "Monday",
		Participants: []kg.Participant{{Entity: ex.Entities[1].ID, As: "agent"}, {Entity: bob.ID, As: "deponent"}},
		Sources:      src(doc, "Acme wants to depose Bob Sample.")})
	ex.Claims[0].Stance = stance
	return ex
}

func TestShortcutsFollowTheFacts(t *testing.T) {
	s := dbtest.Store(t)
	ctx := context.Background()
	check := func(when string, want int) {
		t.Helper()
		got, der := shortcuts(t), derived(t)
		if diff := cmp.Diff(der, got); diff != "" {
			t.Errorf("%s: shortcuts differ from the reified facts (-derived +stored):\n%s", when, diff)
		}
		if len(got) != want {
			t.Errorf("%s: %d shortcuts, want %d: %q", when, len(got), want, got)
		}
	}
	save(t, s, browseFixture("d1", "the process was biased.", kg.Alleges), false)
	// HOLDS_ROLE_AT, SUED x2, SOUGHT_DEPOSITION_OF, ALLEGED_AGAINST
	check("first load", 5)
	save(t, s, browseFixture("d1", "the process was fair.", kg.Denies), false)
	check("reload with a denial instead", 5)
	if got := shortcuts(t); !contains(got, "DENIED") || contains(got, "ALLEGED_AGAINST") {
		t.Errorf("after the reload the claim shortcut should be DENIED only: %q", got)
	}
	save(t, s, browseFixture("d2", "the award was unfair.", kg.Alleges), false)
	// d2 shares the role: one HOLDS_ROLE_AT for both documents.
	check("second document", 9)
	if err := s.DeleteDocument(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	check("d1 deleted", 5)
	if err := s.DeleteDocument(ctx, "d2"); err != nil {
		t.Fatal(err)
	}
	check("all deleted", 0)
}

// contains reports whether any shortcut in xs has type typ.
func contains(xs []string, typ string) bool {
	for _, x := range xs {
		if strings.Contains(x, " -"+typ+"(") {
			return true
		}
	}
	return false
}

func TestCaptions(t *testing.T) {
	s := dbtest.Store(t)
	save(t, s, browseFixture("d1", "the process was biased.", kg.Alleges), false)
	ex := browseFixture("d2", "we won fairly and squarely, every single time.", kg.Neutral)
	ex.Claims[0].Topics = nil
	save(t, s, ex, false)
	rows := dbtest.Query(t, `MATCH (n) WHERE n:Event OR n:Claim RETURN n.caption AS c ORDER BY c`, nil)
	var got []string
	for _, r := range rows {
		c, _ := r["c"].(string)
		got = append(got, c)
	}
	want := []string{
		"Alice Example alleges bias",
		"Alice Example says “we won fairly and squarely, every…”",
		"Deposition request by Acme Corporation · Monday",
		"Deposition request by Acme Corporation · Monday",
		"Lawsuit by Acme Corporation · 2020-01",
		"Lawsuit by Acme Corporation · 2020-01",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("captions (-want +got):\n%s", diff)
	}
}
