package extract

import (
	"slices"
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

// TestTriggerMatchesEqualExpressions checks that each trigger matched word
// by word finds what its regular expression finds, in every line of the
// test articles and in texts made to trip it (case, tabs, prefixes, words
// run together, letters outside ASCII).
func TestTriggerMatchesEqualExpressions(t *testing.T) {
	d := &docState{Doc: kg.Document{ID: "t"}, Lex: lexiconForTest(t)}
	ts := d.triggers()
	lines := []string{
		"Acme SUED Globex\tand   sued\t\tthem again; resued, sued-up, sued_x, suedé, ésued, sued.",
		"The Kelvin sign: Kelvin Corp. sued; the long s: ſued.",
		"He filed suit. He filed  a  lawsuit. Filed a lawsuit? filed a lawsuit!",
	}
	lines = append(lines, sampleLines(t)...)
	n := 0
	for _, line := range lines {
		lower := asciiLower(line)
		for i := range ts.triggers {
			tr := &ts.triggers[i]
			if tr.words == nil {
				continue
			}
			n++
			var want [][2]int
			for _, loc := range tr.re.FindAllStringIndex(line, -1) {
				want = append(want, [2]int{loc[0], loc[1]})
			}
			if got := tr.findAll(line, lower); !slices.Equal(got, want) {
				t.Fatalf("trigger %q in %q: word by word %v, expression %v", tr.Phrase, line, got, want)
			}
		}
	}
	if n == 0 {
		t.Fatal("no trigger is matched word by word")
	}
}
