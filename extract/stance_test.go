package extract

import (
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

func TestValence(t *testing.T) {
	cl := compileClaimLex(lexicon.Must())
	for _, c := range []struct {
		text string
		sign int // -1 marked negative, +1 marked positive, 0 unmarked
	}{
		{"The bureau twisted every number and rigged the tables to shut out rivals.", -1},
		{"We are proud of our excellent record and confident in the outcome.", 1},
		{"The hearing is set for Tuesday at the courthouse.", 0},
		{"The company had done nothing wrong.", 1}, // a negated fault is no accusation
	} {
		v := cl.valence(c.text)
		got := 0
		if v <= -opinionThreshold {
			got = -1
		} else if v >= opinionThreshold {
			got = 1
		}
		if got != c.sign {
			t.Errorf("valence(%q) = %.2f, want sign %d", c.text, v, c.sign)
		}
	}
}

// stancesBy extracts text and returns each claimant's name with the stance
// of its (last) claim.
func stancesBy(t *testing.T, text string) map[string]string {
	t.Helper()
	ex, err := Document(kg.Document{ID: "t", Text: text, PublishedAt: "2025-03-04"}, lexicon.Must())
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, e := range ex.Entities {
		name[e.ID] = e.Name
	}
	got := map[string]string{}
	for _, c := range ex.Claims {
		got[name[c.Claimant]] = c.Stance
	}
	return got
}

// TestOpinionStance checks stance from opinion words and sides: the target
// of a lawsuit rebutting with marked opinion denies; a third party with
// marked negative opinion alleges; unmarked words stay neutral.
func TestOpinionStance(t *testing.T) {
	text := "Quorvane Labs sued Helmbright Corp. on Monday over the pricing of its kits.\n\n" +
		"\"Helmbright twisted every figure and cheated thousands of small clinics,\" said Dana Orlo, a lawyer for Quorvane Labs.\n\n" +
		"\"This lawsuit is a desperate, dishonest stunt,\" said Helmbright spokesman Ben Carrow.\n\n" +
		"\"The hearing is set for Tuesday at the courthouse in the city,\" said Mira Stent, a court clerk.\n"
	got := stancesBy(t, text)
	if got["Dana Orlo"] == "" { // a lawyer for a party may speak for it
		got["Dana Orlo"] = got["Quorvane Labs"]
	}
	for who, want := range map[string]string{"Dana Orlo": kg.Alleges, "Ben Carrow": kg.Denies, "Mira Stent": kg.Neutral} {
		if got[who] != want {
			t.Errorf("%s: stance %q, want %q (all: %v)", who, got[who], want, got)
		}
	}
}

// TestDisputePrior checks the stance of claims whose words decide nothing,
// in a story about a dispute: the accused defends itself, another quoted
// party takes a side against someone, and statements of intention or of
// procedure stay neutral.
func TestDisputePrior(t *testing.T) {
	text := "Quorvane Labs sued Helmbright Corp. on Monday over the pricing of its kits.\n\n" +
		"\"The prices went up three times in one year while the kits stayed the same,\" said Dana Orlo, a nurse at a county clinic.\n\n" +
		"\"Our prices reflect what the kits cost to make,\" said Helmbright spokesman Ben Carrow.\n\n" +
		"Mira Stent, a spokeswoman for the county, said the county would review its orders.\n\n" +
		"Tom Barre, a spokesman for the state attorney general, said the office does not comment on pending litigation.\n"
	wantStances(t, text, map[string]string{"Dana Orlo": kg.Alleges, "Ben Carrow": kg.Denies, "Mira Stent": kg.Neutral, "Tom Barre": kg.Neutral})
}

// wantStances fails unless each speaker of want takes the stance given
// in the claims extracted from text.
func wantStances(t *testing.T, text string, want map[string]string) {
	t.Helper()
	got := stancesBy(t, text)
	for who, w := range want {
		if got[who] != w {
			t.Errorf("%s: stance %q, want %q (all: %v)", who, got[who], w, got)
		}
	}
}

// TestSidePatterns checks that the built-in side patterns compile and that
// a party's lawyer is read from the party's side: the lawyer of a sued
// man defends him even in words that carry no stance.
func TestSidePatterns(t *testing.T) {
	if sp := compileSidePatterns(lexicon.Must(), newInflector(lexicon.Must())); sp.err != nil || len(sp.pats) == 0 {
		t.Fatalf("side patterns: %d compiled, error %v", len(sp.pats), sp.err)
	}
	text := "Quorvane Labs sued Martin Helm on Monday over the pricing of its kits.\n\n" +
		"Helm's lawyer, Ben Carrow, said the prices were set by the market in 2023.\n\n" +
		"\"The prices went up three times in one year,\" said Dana Orlo, a nurse at a county clinic.\n"
	got := stancesBy(t, text)
	if got["Ben Carrow"] != kg.Denies {
		t.Errorf("Ben Carrow (the defendant's lawyer): stance %q, want %q (all: %v)", got["Ben Carrow"], kg.Denies, got)
	}
}

// TestSideCounts: a party that the story shows both accusing and accused
// speaks for the side it is on more often: sued twice, with one suit of its
// own, its spokesman's unmarked words defend it.
func TestSideCounts(t *testing.T) {
	text := "Quorvane Labs sued Helmbright Corp. on Monday over the pricing of its kits.\n\n" +
		"Tarrow Health also sued Helmbright Corp. last month.\n\n" +
		"Helmbright Corp. sued Quorvane Labs in March over a patent.\n\n" +
		"\"Our prices reflect what the kits cost to make,\" said Helmbright spokesman Ben Carrow.\n"
	wantStances(t, text, map[string]string{"Ben Carrow": kg.Denies})
}

// TestSanctionedDefends: the target of a sanction (a suspension, a
// warning letter) answers for its conduct, as the accused of a lawsuit
// does: its praise of itself defends it.
func TestSanctionedDefends(t *testing.T) {
	text := "The Harwell Medicines Agency issued a warning letter to Hooli Medical on Monday.\n\n" +
		"Jane Roe, a spokeswoman for Hooli Medical, said its scanners were excellent, reliable and trusted by hospitals.\n\n" +
		"The Harwell Anti-Doping Agency suspended the sprinter Melody Hale for four years on Tuesday.\n\n" +
		"Hale said she had always competed clean.\n"
	wantStances(t, text, map[string]string{"Hooli Medical": kg.Denies, "Melody Hale": kg.Denies})
}

// TestObserverOpinion: an outside commentator's scorn takes no side (an
// analyst or a lecturer quoted on neither side of the dispute).
func TestObserverOpinion(t *testing.T) {
	text := "Quorvane Labs sued Helmbright Corp. on Monday over the pricing of its kits.\n\n" +
		"\"Investors hate a messy, ugly fight like this one,\" said Dana Orlo, an analyst at Harwell Research.\n\n" +
		"\"It is a terrible, damaging dispute for everyone,\" said Ben Carrow, a lecturer in economics at Tellford University.\n"
	wantStances(t, text, map[string]string{"Dana Orlo": kg.Neutral, "Ben Carrow": kg.Neutral})
}

// TestAwardWinnerDefends: in a story that accuses someone, the winner of
// an award stands with its awarder: its praise of itself defends the award.
func TestAwardWinnerDefends(t *testing.T) {
	text := "Hooli Inc. sued the Harwell Port Authority on Monday, accusing it of bias.\n\n" +
		"The authority awarded the dredging contract to Acme Corp in May.\n\n" +
		"Jane Roe, a spokeswoman for Acme Corp, said its ships were excellent, reliable and trusted by every port.\n"
	wantStances(t, text, map[string]string{"Acme Corp": kg.Denies})
}
