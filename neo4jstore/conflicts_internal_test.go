package neo4jstore

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestConflictPages pages through an index with several groups, one
// conflict at a time and a few at a time, and compares with one page of all.
func TestConflictPages(t *testing.T) {
	ev := func(id, date string, docs ...string) conflictEvent {
		return conflictEvent{id: id, date: date, docs: docs, titles: docs}
	}
	ix := &conflictIndex{groups: []conflictGroup{
		{typ: "award", evs: []conflictEvent{ev("a1", "2019-10", "d1"), ev("a2", "2019-11", "d2"), ev("a3", "2019-10-05", "d3"), ev("a4", "2020", "d1")}},
		{typ: "award", evs: []conflictEvent{ev("b1", "2019", "d1"), ev("b2", "2018", "d1")}}, // one document: no conflict
		{typ: "lawsuit", evs: []conflictEvent{ev("c1", "2019-01", "d1"), ev("c2", "2019-02", "d2")}},
	}, groupOf: map[string]int{}}
	for g, grp := range ix.groups {
		for _, e := range grp.evs {
			ix.groupOf[e.id] = g
		}
	}
	all, more := ix.page(nil, 100)
	var want []string
	for _, c := range all {
		want = append(want, fmt.Sprint(c.EventIDs))
	}
	// a1-a3 agree (2019-10 is a prefix of 2019-10-05); a1-a4 and b1-b2 share their document.
	wantAll := []string{"[a1 a2]", "[a2 a3]", "[a2 a4]", "[a3 a4]", "[c1 c2]"}
	if diff := cmp.Diff(wantAll, want); diff != "" || more {
		t.Fatalf("all conflicts (-want +got):\n%s (more %v)", diff, more)
	}
	for _, n := range []int{1, 2, 4} {
		var got []string
		var after []string
		for range 20 {
			page, more := ix.page(after, n)
			for _, c := range page {
				got = append(got, fmt.Sprint(c.EventIDs))
			}
			if !more {
				break
			}
			last := page[len(page)-1]
			after = append([]string{last.Type}, last.EventIDs...)
		}
		if diff := cmp.Diff(wantAll, got); diff != "" {
			t.Errorf("pages of %d (-want +got):\n%s", n, diff)
		}
	}
}
