package extract

import (
	"testing"

	"github.com/factgraph/factgraph/kg"
)

// eventView is an event with entity names, for golden files.
type eventView struct {
	Type         string   `json:"type"`
	Date         string   `json:"date,omitempty"`
	Precision    string   `json:"precision,omitempty"`
	DateText     string   `json:"dateText,omitempty"`
	Participants []string `json:"participants"`
	Sentences    []string `json:"sentences"`
}

func eventViews(t *testing.T, d *docState) []eventView {
	t.Helper()
	n := names(d)
	var out []eventView
	for _, e := range d.Events {
		checkSources(t, d, e.Sources)
		v := eventView{Type: e.Type, Date: e.Date, Precision: e.DatePrecision, DateText: e.DateText}
		for _, p := range e.Participants {
			who := n[p.Entity]
			if p.Entity == "" {
				who = "(" + p.Description + ")"
			} else if who == "" {
				t.Errorf("participant %+v is not an entity of the document", p)
			}
			v.Participants = append(v.Participants, p.As+": "+who)
		}
		for _, s := range e.Sources {
			v.Sentences = append(v.Sentences, s.Quote)
		}
		out = append(out, v)
	}
	return out
}

func TestEventsGolden(t *testing.T) {
	for _, name := range []string{"events_general.txt"} {
		t.Run(name, func(t *testing.T) {
			d := fixture(t, name)
			findEvents(d)
			golden(t, name[:len(name)-4]+".golden.json", eventViews(t, d))
		})
	}
}

// TestWordsAfterAllSpans checks that the words of a span, taken from the
// document's words read once, are those the span itself holds, wherever
// the span starts and ends (inside a word, an abbreviation, a quote).
func TestWordsAfterAllSpans(t *testing.T) {
	text := `The U.S. Court of Appeals ruled Tuesday. "It's over," said Jane O’Neil-Smith, the firm's co-founder.`
	d := &docState{Doc: kg.Document{Text: text}}
	for from := 0; from <= len(text); from++ {
		for end := from; end <= len(text); end++ {
			got, want := d.wordsAfterAll(from, end), readWords(text, from, end)
			if len(got) != len(want) {
				t.Fatalf("wordsAfterAll(%d, %d) = %v, want %v", from, end, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("wordsAfterAll(%d, %d) = %v, want %v", from, end, got, want)
				}
			}
		}
	}
}
