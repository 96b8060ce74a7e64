package neo4jstore

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/kg"
)

// Browsing aids: what the loader writes beside the reified model so that the
// graph reads well in the Neo4j Browser (see README, "Graph model").
//
//   - Every Event and Claim gets a human caption property (eventCaption,
//     claimCaption).
//   - Entities get direct, typed shortcut relationships derived from the
//     Role, Event and Claim nodes: HOLDS_ROLE_AT {role, title, status} for a
//     role at an organization, one type per event type and part (shortcutTypes)
//     carrying {event, type, as, date}, and ALLEGED_AGAINST, DENIED or
//     COMMENTED_ON {claim, stance, topic, topics} from a claimant to each
//     entity the claim is about. The role, event or claim property names the
//     fact the shortcut was derived from; shortcuts are written and removed in
//     the same transaction as that fact, and the API's traversals
//     (connections, neighborhood) skip them (notShortcut).

// shortcutTypes maps an event type and a participant's part to the type of
// the relationship from the event's agent to that participant. Parts not
// listed get the generic eventShortcut.
var shortcutTypes = map[string]map[string]string{
	"award":              {"recipient": "AWARDED"},
	"lawsuit":            {"target": "SUED"},
	"protest":            {"target": "PROTESTED"},
	"deposition_request": {"deponent": "SOUGHT_DEPOSITION_OF"},
	"court_order":        {"target": "ORDERED", "beneficiary": "ORDERED_IN_FAVOR_OF"},
	"court_ruling":       {"target": "RULED_AGAINST", "beneficiary": "RULED_FOR"},
	"motion":             {"target": "FILED_MOTION_AGAINST"},
	"appeal":             {"target": "APPEALED"},
	"review":             {"subject": "REVIEWED"},
	"directive":          {"recipient": "DIRECTED", "target": "DIRECTED_AGAINST"},
	"appointment":        {"subject": "APPOINTED"},
	"removal":            {"subject": "REMOVED"},
	"cancellation":       {"target": "CANCELLED"},
	"investigation":      {"target": "INVESTIGATED"},
	"settlement":         {"target": "SETTLED_WITH"},
	"acquisition":        {"target": "ACQUIRED"},
}

// eventShortcut is the shortcut type for a part shortcutTypes does not list.
const eventShortcut = "ACTED_ON"

// shortcutTypeNames lists every event shortcut type, sorted.
func shortcutTypeNames() []string {
	seen := map[string]bool{eventShortcut: true}
	for _, parts := range shortcutTypes {
		for _, t := range parts {
			seen[t] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// claimShortcuts maps a claim's stance to the type of the relationship from
// its claimant to each entity it is about.
var claimShortcuts = map[string]string{
	kg.Alleges: "ALLEGED_AGAINST",
	kg.Denies:  "DENIED",
	kg.Neutral: "COMMENTED_ON",
}

// notShortcut keeps the shortcuts out of a path p: they repeat what the
// reified nodes say, with no sources of their own.
const notShortcut = `all(r IN relationships(p) WHERE r.role IS NULL AND r.event IS NULL AND r.claim IS NULL)`

// eventShortcutType is the shortcut type from an event's agent to a
// participant with part as.
func eventShortcutType(eventType, as string) string {
	if t := shortcutTypes[eventType][as]; t != "" {
		return t
	}
	return eventShortcut
}

// eventShortcutRows lists the shortcuts of one event: from each named agent
// to each other named participant.
func eventShortcutRows(ev kg.Event) []any {
	var agents []string
	for _, p := range ev.Participants {
		if p.As == "agent" && p.Entity != "" {
			agents = append(agents, p.Entity)
		}
	}
	rows := []any{}
	seen := map[string]bool{}
	for _, a := range agents {
		for _, p := range ev.Participants {
			if p.Entity == "" || p.As == "agent" || p.Entity == a {
				continue
			}
			t := eventShortcutType(ev.Type, p.As)
			k := a + "\x00" + p.Entity + "\x00" + t + "\x00" + p.As
			if seen[k] {
				continue
			}
			seen[k] = true
			rows = append(rows, map[string]any{"from": a, "to": p.Entity, "rel": t, "event": ev.ID,
				"type": ev.Type, "as": p.As, "date": ev.Date})
		}
	}
	return rows
}

// claimShortcutRows lists the shortcuts of one claim: from its claimant to
// each entity it is about.
func claimShortcutRows(c kg.Claim) []any {
	rows := []any{}
	t := claimShortcuts[c.Stance]
	if t == "" {
		t = claimShortcuts[kg.Neutral]
	}
	topic := ""
	if len(c.Topics) > 0 {
		topic = c.Topics[0]
	}
	topics := []any{}
	for _, x := range c.Topics {
		topics = append(topics, x)
	}
	seen := map[string]bool{}
	for _, a := range c.About {
		if a == c.Claimant || seen[a] {
			continue
		}
		seen[a] = true
		rows = append(rows, map[string]any{"from": c.Claimant, "to": a, "rel": t, "claim": c.ID,
			"stance": c.Stance, "topic": topic, "topics": topics})
	}
	return rows
}

// eventCaption reads "Deposition request by Amazon · 2020-02-10": the event
// type, its agent when one is named, and its date (or the words that gave
// it) when there is one. name maps entity ids to names.
func eventCaption(ev kg.Event, name map[string]string) string {
	c := typeLabel(ev.Type)
	var agents []string
	for _, p := range ev.Participants {
		if p.As == "agent" {
			if n := name[p.Entity]; n != "" {
				agents = append(agents, n)
			} else if p.Description != "" {
				agents = append(agents, p.Description)
			}
		}
	}
	if len(agents) > 0 {
		c += " by " + strings.Join(agents, " and ")
	}
	switch {
	case ev.Date != "":
		c += " · " + ev.Date
	case ev.DateText != "":
		c += " · " + ev.DateText
	}
	return c
}

// claimCaption reads "Amazon alleges bias", "Microsoft rejects claims on
// fairness" or "AWS comments on complaints": the claimant, a phrase for the
// stance, and the first topic; a claim with no topic gets the start of its
// text in quotes instead ("Trump says “screw Amazon…”").
func claimCaption(c kg.Claim, name map[string]string) string {
	who := name[c.Claimant]
	if who == "" {
		who = "Someone"
	}
	if len(c.Topics) > 0 {
		phrase := map[string]string{kg.Alleges: "alleges", kg.Denies: "rejects claims on"}[c.Stance]
		if phrase == "" {
			phrase = "comments on"
		}
		return who + " " + phrase + " " + c.Topics[0]
	}
	verb := map[string]string{kg.Alleges: "alleges", kg.Denies: "denies"}[c.Stance]
	if verb == "" {
		verb = "says"
	}
	return who + " " + verb + " “" + excerpt(c.Text, 6, 48) + "”"
}

// typeLabel turns an event type such as deposition_request into
// "Deposition request".
func typeLabel(t string) string {
	s := strings.TrimSpace(strings.ReplaceAll(t, "_", " "))
	if s == "" {
		return "Event"
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// excerpt returns the first words of s, at most maxWords words and about
// maxLen bytes, with an ellipsis when it cut.
func excerpt(s string, maxWords, maxLen int) string {
	words := strings.Fields(s)
	var b strings.Builder
	for i, w := range words {
		if i == maxWords || i > 0 && b.Len()+1+len(w) > maxLen {
			return strings.TrimRight(b.String(), ",;:.") + "…"
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
