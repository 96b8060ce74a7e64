package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the result for people: precision, recall and F1 per
// category and question with what was missed and what was wrong, the
// duplicate and noise entities, and last a line "overall F1 X".
func (r Result) WriteText(w io.Writer) error {
	b := bufio.NewWriter(w)
	for _, c := range []struct {
		name string
		cat  Category
	}{{"persons", r.Persons}, {"organizations", r.Organizations}, {"roles", r.Roles}, {"events", r.Events}, {"claims", r.Claims}} {
		fmt.Fprintf(b, "%-14s P %.2f  R %.2f  F1 %.2f   %d of %d found, %d wrong; %d in the graph\n", c.name,
			c.cat.Precision, c.cat.Recall, c.cat.F1, c.cat.Correct, c.cat.Correct+len(c.cat.Missed), len(c.cat.Wrong), c.cat.Extracted)
		items(b, "missed", c.cat.Missed)
		items(b, "wrong", c.cat.Wrong)
	}
	for _, q := range r.Questions {
		fmt.Fprintf(b, "Q %-32s P %.2f  R %.2f  F1 %.2f   got %s\n", q.Name, q.Precision, q.Recall, q.F1, list(q.Got))
		items(b, "missed", q.Missed)
		items(b, "wrong", q.Wrong)
	}
	if len(r.Unanswerable) > 0 {
		fmt.Fprintf(b, "questions not scored (no rule answers them): %s\n", strings.Join(r.Unanswerable, ", "))
	}
	var dups []string
	for _, d := range r.Duplicates {
		dups = append(dups, d.Gold+" = "+strings.Join(d.Entities, " + "))
	}
	fmt.Fprintf(b, "duplicate entities: %s\n", list(dups))
	fmt.Fprintf(b, "noise entities: %s\n", list(r.Noise))
	fmt.Fprintf(b, "overall F1 %.3f\n", r.Overall)
	return b.Flush()
}

func items(w io.Writer, label string, xs []string) {
	for _, x := range xs {
		fmt.Fprintf(w, "  %-6s  %s\n", label, x)
	}
}

func list(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, "; ")
}
