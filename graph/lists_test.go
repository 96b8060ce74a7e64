package graph_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStatsNames checks that stats name event types as the EventType enum
// does, counting a type the enum lacks as OTHER, and count only what is
// selected.
func TestStatsNames(t *testing.T) {
	f := newFake()
	c := newClient(t, f)
	var resp struct {
		Stats struct {
			EventsByType []struct {
				Key   string
				Count int
			}
			ClaimsByStance []struct {
				Key   string
				Count int
			}
		}
	}
	c.MustPost(`{ stats { eventsByType { key count } } }`, &resp)
	want := []struct {
		Key   string
		Count int
	}{{"LAWSUIT", 2}, {"OTHER", 1}}
	if diff := cmp.Diff(want, resp.Stats.EventsByType); diff != "" {
		t.Errorf("eventsByType (-want +got):\n%s", diff)
	}
	f.mu.Lock()
	n := f.calls["Stats"]
	f.mu.Unlock()
	if n != 1 {
		t.Errorf("stats read %d times, want once", n)
	}
}

// TestNestedListPages pages a person's claims by first and after (the id
// of the last claim seen), and refuses an id that is not in the list.
func TestNestedListPages(t *testing.T) {
	c := newClient(t, newFake())
	type claims struct {
		Person struct{ ClaimsMade []struct{ ID string } }
	}
	var all, page claims
	c.MustPost(`{ person(id: "per_b") { claimsMade { id } } }`, &all)
	if len(all.Person.ClaimsMade) < 2 {
		t.Fatalf("per_b made %d claims in the fake; want at least 2", len(all.Person.ClaimsMade))
	}
	first := all.Person.ClaimsMade[0].ID
	c.MustPost(`{ person(id: "per_b") { claimsMade(first: 1, after: "`+first+`") { id } } }`, &page)
	if diff := cmp.Diff(all.Person.ClaimsMade[1:2], page.Person.ClaimsMade); diff != "" {
		t.Errorf("claimsMade(first: 1, after: first id) (-want +got):\n%s", diff)
	}
	for _, q := range []string{
		`{ person(id: "per_b") { claimsMade(after: "clm_none") { id } } }`,
		`{ person(id: "per_b") { claimsMade(first: 0) { id } } }`,
	} {
		if errs, _ := raw(t, c, q); len(errs) != 1 || errs[0].Extensions.Code != "BAD_USER_INPUT" {
			t.Errorf("%s: errors %+v, want BAD_USER_INPUT", q, errs)
		}
	}
}
