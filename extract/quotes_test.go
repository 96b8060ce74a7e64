package extract

import (
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

func TestSingleQuotations(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a quotation between single marks becomes one between double marks",
			"'We won this contract fairly,' said Jane Roe.", `"We won this contract fairly," said Jane Roe.`},
		{"curly marks take their curly doubles, an apostrophe inside stays",
			"‘We won’t stop,’ she said.", "“We won’t stop,” she said."},
		{"apostrophes, a plural possessive and a mark inside a double-quoted passage stay",
			`Jane O'Malley said the workers' union had not "seen the 'final' list".`, `Jane O'Malley said the workers' union had not "seen the 'final' list".`},
		{"a scare quote closes at its own word, not at a later quotation's end",
			"The board had 'full confidence' in the process. 'We are sure,' she said.", `The board had "full confidence" in the process. "We are sure," she said.`},
		{"an opening without a close in its paragraph stays",
			"'We will appeal\nshe said.", "'We will appeal\nshe said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := singleQuotations(tt.in)
			if got != tt.want {
				t.Errorf("singleQuotations(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(got) != len(tt.in) {
				t.Errorf("length %d, want %d: offsets would move", len(got), len(tt.in))
			}
		})
	}
}

// TestSingleQuotedClaim: a claim quoted between single marks is found, and
// the extraction's text, quotes and claim keep the document's own marks.
func TestSingleQuotedClaim(t *testing.T) {
	text := "Kestrel Marine Ltd won the contract. 'We won this contract fairly,' said Jane Roe, the managing director of Kestrel Marine Ltd."
	ex, err := Document(kg.Document{ID: "q", Text: text}, lexicon.Must())
	if err != nil {
		t.Fatal(err)
	}
	if ex.Document.Text != text {
		t.Errorf("document text changed: %q", ex.Document.Text)
	}
	found := false
	for _, c := range ex.Claims {
		if c.Text == "We won this contract fairly" {
			found = true
		}
		for _, s := range c.Sources {
			if s.Quote != text[s.Start:s.End] {
				t.Errorf("source quote %q is not the document's %q", s.Quote, text[s.Start:s.End])
			}
		}
	}
	if !found {
		t.Errorf("no claim of the single-quoted quotation in %+v", ex.Claims)
	}
}
