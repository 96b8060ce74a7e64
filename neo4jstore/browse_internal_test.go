package neo4jstore

import (
	"testing"

	"github.com/factgraph/factgraph/kg"
)

func TestCaptionText(t *testing.T) {
	name := map[string]string{"org_a": "Amazon", "per_e": "Mark Esper"}
	events := []struct {
		name string
		ev   kg.Event
		want string
	}{
		{"type, agent and date", kg.Event{Type: "deposition_request", Date: "2020-02-10",
			Participants: []kg.Participant{{Entity: "org_a", As: "agent"}, {Entity: "per_e", As: "deponent"}}},
			"Deposition request by Amazon · 2020-02-10"},
		{"date words when no date", kg.Event{Type: "recusal", DateText: "Monday",
			Participants: []kg.Participant{{Entity: "per_e", As: "agent"}}}, "Recusal by Mark Esper · Monday"},
		{"unnamed agent", kg.Event{Type: "court_order",
			Participants: []kg.Participant{{As: "agent", Description: "a federal judge"}}}, "Court order by a federal judge"},
		{"type only", kg.Event{Type: "award"}, "Award"},
		{"no type", kg.Event{}, "Event"},
	}
	for _, c := range events {
		if got := eventCaption(c.ev, name); got != c.want {
			t.Errorf("%s: eventCaption = %q, want %q", c.name, got, c.want)
		}
	}
	claims := []struct {
		name string
		c    kg.Claim
		want string
	}{
		{"allegation", kg.Claim{Claimant: "org_a", Stance: kg.Alleges, Topics: []string{"bias", "errors"}}, "Amazon alleges bias"},
		{"denial", kg.Claim{Claimant: "per_e", Stance: kg.Denies, Topics: []string{"fairness"}}, "Mark Esper rejects claims on fairness"},
		{"neutral", kg.Claim{Claimant: "org_a", Stance: kg.Neutral, Topics: []string{"complaints"}}, "Amazon comments on complaints"},
		{"no topic", kg.Claim{Claimant: "per_e", Stance: kg.Denies, Text: "I am confident that it was conducted freely and fairly"},
			"Mark Esper denies “I am confident that it was…”"},
		{"unknown claimant", kg.Claim{Stance: kg.Neutral, Text: "short"}, "Someone says “short”"},
	}
	for _, c := range claims {
		if got := claimCaption(c.c, name); got != c.want {
			t.Errorf("%s: claimCaption = %q, want %q", c.name, got, c.want)
		}
	}
}
