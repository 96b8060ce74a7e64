package extract

import (
	"testing"
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
