package e2e

import (
	"fmt"
	"strings"
	"testing"
)

type conflictPage struct {
	Conflicts struct {
		TotalCount int
		Edges      []struct {
			Cursor string
			Node   struct {
				Field, Description string
				Events             []struct{ ID, Type, Date string }
			}
		}
		PageInfo struct {
			HasNextPage bool
			EndCursor   *string
		}
	}
}

// allConflicts pages through conflicts one at a time and returns the
// descriptions and the total count of the first page.
func allConflicts(t *testing.T, e *env) ([]string, int) {
	t.Helper()
	var out []string
	total, after := -1, ""
	for range 100 {
		arg := ""
		if after != "" {
			arg = fmt.Sprintf(", after: %q", after)
		}
		var r conflictPage
		e.mustQuery(t, `{ conflicts(first: 1`+arg+`) { totalCount edges { cursor node { field description events { id type date } } } pageInfo { hasNextPage endCursor } } }`, &r)
		if total < 0 {
			total = r.Conflicts.TotalCount
		}
		for _, ed := range r.Conflicts.Edges {
			n := ed.Node
			if n.Field != "date" || len(n.Events) != 2 || n.Events[0].Date == n.Events[1].Date || n.Events[0].Type != n.Events[1].Type {
				t.Errorf("conflict %+v: want two events of one type with different dates", n)
			}
			out = append(out, n.Description)
		}
		if !r.Conflicts.PageInfo.HasNextPage {
			return out, total
		}
		after = *r.Conflicts.PageInfo.EndCursor
	}
	t.Fatal("conflicts did not end after 100 pages")
	return nil, 0
}

// TestConflicts pages through the conflicts of the bundled corpus, checks
// them, and checks that the index follows a change of the graph.
func TestConflicts(t *testing.T) {
	e := setup(t)
	got, total := allConflicts(t, e)
	if total == 0 || len(got) != total {
		t.Fatalf("paged %d conflicts, totalCount %d; want the same, at least one", len(got), total)
	}
	award := ""
	for _, d := range got {
		if strings.HasPrefix(d, "award dated") {
			award = d
		}
	}
	// Documents are named by title: "by Judge orders ...", not "by 001".
	if !strings.Contains(award, "2019-10-25") || !strings.Contains(award, "2019-11") || !strings.Contains(award, "Amazon") {
		t.Errorf("award conflict %q: want both dates and the documents' titles", award)
	}

	if errs := e.query(t, `{ conflicts(after: "bm90IGEgY3Vyc29y") { totalCount } }`, nil, "", nil); len(errs) == 0 || errs[0].Extensions.Code != "BAD_USER_INPUT" {
		t.Errorf("foreign cursor: errors %+v, want BAD_USER_INPUT", errs)
	}

	// Deleting a document that states one side of every conflict changes the
	// graph: the index is rebuilt and those conflicts are gone.
	var docs struct {
		Documents struct {
			Edges []struct{ Node struct{ ID, Title string } }
		}
	}
	e.mustQuery(t, `{ documents(first: 10) { edges { node { id title } } } }`, &docs)
	var victim string
	for _, d := range docs.Documents.Edges {
		if strings.Contains(award, d.Node.Title) {
			victim = d.Node.ID
		}
	}
	if victim == "" {
		t.Fatalf("no document of %q", award)
	}
	if errs := e.query(t, fmt.Sprintf(`mutation { deleteDocument(id: %q) }`, victim), nil, token, nil); len(errs) > 0 {
		t.Fatalf("delete %s: %+v", victim, errs)
	}
	after, _ := allConflicts(t, e)
	for _, d := range after {
		if d == award {
			t.Errorf("after deleting %s the conflict %q is still listed", victim, d)
		}
	}
}
