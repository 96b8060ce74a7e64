package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

func TestZZProbe(t *testing.T) {
	text := os.Getenv("PROBE_TEXT")
	if text == "" {
		t.Skip()
	}
	ex, err := Document(kg.Document{ID: "t", Text: text, PublishedAt: "2025-03-04"}, lexicon.Must())
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, e := range ex.Entities {
		name[e.ID] = e.Name
		fmt.Println("ENT", e.Type, e.Name)
	}
	for _, r := range ex.Roles {
		fmt.Println("ROLE", name[r.Person], "|", r.Title, "|", name[r.Organization], r.Status)
	}
	for _, e := range ex.Events {
		fmt.Print("EVENT ", e.Type)
		for _, p := range e.Participants {
			fmt.Print(" ", p.As, "=", name[p.Entity], p.Description)
		}
		fmt.Println()
	}
	for _, c := range ex.Claims {
		fmt.Printf("CLAIM %s [%s/%s] %q\n", name[c.Claimant], c.Verb, c.Stance, c.Text)
	}
}
