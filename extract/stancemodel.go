package extract

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/kljensen/snowball/english"
)

// The stance rules (cues, the reporting verb, opinion words and the
// speaker's side) give each claim a stance, and with them a description of
// the claim: which rule decided, what the cues and the verb said, how
// marked its opinion is, which side its speaker is on, and the stems of
// its words. A linear model learned from annotated articles
// (stance_model.txt, written by cmd/trainstance) reads that description
// and gives the final stance: where the rules' combinations err on
// unseen text in a regular way, the weights learned from many articles
// correct them. Without the file the rules' stance stands.

// StanceClasses are the stances the stance model scores, in the order of
// its weights.
var StanceClasses = [3]string{kg.Alleges, kg.Denies, kg.Neutral}

// StanceBias is the feature every claim has: the model's prior.
const StanceBias = "bias"

// stanceModel is a linear model over stance features: a claim's score for
// each class is the sum of its features' weights.
type stanceModel struct {
	w map[string][3]float64
}

// compileStanceModel reads stance_model.txt (feature | alleges=W |
// denies=W | neutral=W), or nil when the lexicon has none. A model opens
// with its bias, so a model appended from a user's lexicon folder
// (trainstance on their own annotated articles) replaces the built-in one
// whole: only the entries from the last bias on count.
func compileStanceModel(lex *lexicon.Lexicon) *stanceModel {
	if lex == nil || len(lex.Entries("stance_model")) == 0 {
		return nil
	}
	entries := lex.Entries("stance_model")
	for i := len(entries) - 1; i > 0; i-- {
		if entries[i].Phrase == StanceBias {
			entries = entries[i:]
			break
		}
	}
	m := &stanceModel{w: map[string][3]float64{}}
	for _, e := range entries {
		var w [3]float64
		for k, c := range StanceClasses {
			w[k], _ = strconv.ParseFloat(e.Attr(c), 64)
		}
		m.w[e.Phrase] = w
	}
	return m
}

// predict is the class with the highest score; ties go to the earlier
// class.
func (m *stanceModel) predict(features []string) string {
	s := m.w[StanceBias]
	for _, f := range features {
		w := m.w[f]
		for k := range s {
			s[k] += w[k]
		}
	}
	best := 0
	for k := range s {
		if s[k] > s[best] {
			best = k
		}
	}
	return StanceClasses[best]
}

// claimFacts is what settled a claim's stance before its side was weighed.
type claimFacts struct {
	cues     string // the stance of its cues alone
	alleging bool   // some counted cue alleges
	first    string // its stance from cues, verb and hints
	decided  decision
}

// decisionNames name the decisions in stance features.
var decisionNames = [...]string{byNothing: "by:nothing", byDefenceCues: "by:defence-cues", byWords: "by:words"}

// stanceFeatures describes claim c for the stance model: the rules'
// stance and how it was reached, the speaker's side, and the stems of
// the claim's lower-case words, a stem within negationReach words after a
// negator marked as negated.
func (d *docState) stanceFeatures(cl *claimLex, claims []kg.Claim, i int, f claimFacts, sc *stanceContext) []string {
	c := &claims[i]
	defends, accuses := sc.parties(d, c.Claimant)
	side := "none"
	switch {
	case defends && accuses:
		side = "both"
	case defends:
		side = "defends"
	case accuses:
		side = "accuses"
	}
	verb := cl.verbs[strings.ToLower(c.Verb)]
	v := cl.valence(c.Text)
	out := []string{
		"rule=" + c.Stance, "first=" + f.first, "cue=" + f.cues, "decided=" + decisionNames[f.decided],
		"side=" + side, "kind=" + c.Kind, "valence=" + valenceBucket(v),
		"verb=" + strings.ToLower(c.Verb), "verbhint=" + verb.Attr("stance"),
		"rule=" + c.Stance + "&side=" + side, "cue=" + f.cues + "&side=" + side,
		"valence=" + valenceBucket(v) + "&side=" + side,
	}
	if e := d.entityByID(c.Claimant); e != nil {
		out = append(out, "claimant="+string(e.Type), "rule="+c.Stance+"&claimant="+string(e.Type))
		if e.Kind != "" {
			out = append(out, "claimantkind="+e.Kind)
		}
	}
	for j, o := range claims {
		if j != i && o.Claimant == c.Claimant {
			out = append(out, "peer="+o.Stance) // a speaker's other claims, by the rules
		}
	}
	for _, a := range c.About {
		if a == c.Claimant {
			continue
		}
		if sc.accused[a] {
			out = append(out, "about=accused&side="+side)
		}
		if sc.accusers[a] {
			out = append(out, "about=accuser&side="+side)
		}
	}
	flags := []struct {
		name string
		on   bool
	}{
		{"is:alleging", f.alleging}, {"is:denialverb", verb.Attr("denial") != ""},
		{"is:observer", sc.observers[c.Claimant]}, {"is:leaver", sc.leavers[c.Claimant]},
		{"is:dispute", sc.dispute}, {"is:procedure", cl.procedure(c.Text)},
		{"is:accusation", cl.aboutAccusation(c.Text)}, {"is:chargesbias", cl.chargesBias(c.Text)},
		{"is:adjudicator", d.adjudicator(c.Claimant)}, {"is:negator", cl.hasNegator(c.Text)},
	}
	for _, fl := range flags {
		if fl.on {
			out = append(out, fl.name)
		}
	}
	return append(out, cl.stemFeatures(c.Text)...)
}

// valenceBucket names the range of a claim's summed opinion.
func valenceBucket(v float64) string {
	switch {
	case v <= -2*opinionThreshold:
		return "neg2"
	case v <= -opinionThreshold:
		return "neg"
	case v < 0:
		return "slightneg"
	case v == 0:
		return "zero"
	case v < opinionThreshold:
		return "slightpos"
	}
	return "pos"
}

// stemFeatures are the stems of text's words that are written in lower
// case (names are no features), each once: "w=STEM", or "not=STEM" within
// negationReach words after a negator.
func (cl *claimLex) stemFeatures(text string) []string {
	seen := map[string]bool{}
	var out []string
	negatedUntil := -1
	for i, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		lw := strings.ReplaceAll(strings.ToLower(w), "’", "'")
		if cl.negators[lw] || strings.HasSuffix(lw, "n't") {
			negatedUntil = i + negationReach
			continue
		}
		r := []rune(w)
		if len(r) < 3 || !unicode.IsLower(r[0]) {
			continue
		}
		f := "w=" + english.Stem(strings.Trim(lw, "'"), true)
		if i <= negatedUntil {
			f = "not=" + f[2:]
		}
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
