package extract

import (
	"fmt"
	"slices"
	"sort"
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
// (stance_model.txt, written by cmd/train) reads that description and
// gives the final stance: where the rules' combinations err on unseen
// text in a regular way, the weights learned from many articles correct
// them. A second model (bias_model.txt) reads the same description with
// the claim's topics and gives an allegation the bias topic where the
// topic cues missed it ("we asked for a fair evaluation and did not get
// one"). Without the files the rules' stance and topics stand.

// StanceClasses are the stances the stance model scores, in the order of
// its weights.
var StanceClasses = []string{kg.Alleges, kg.Denies, kg.Neutral}

// BiasClasses are the classes the bias model scores: a claim that alleges
// bias (unfairness, favour, a conflict of interest, a closed mind), and
// any other.
var BiasClasses = []string{biasTopic, "other"}

// biasMargin is how much higher a claim's bias score must be than its
// other score for the bias model to give an allegation the bias topic.
const biasMargin = 1.0

// BiasTopic is the topic the bias model gives (topics.txt).
const BiasTopic = biasTopic

// PriorFeature is the feature every example of either model has: its prior.
const PriorFeature = "bias"

// LinearModel is a linear model over features: an example's score for
// each class is the sum of its features' weights. The extractor reads its
// models from the lexicon; cmd/train builds them with NewLinearModel to
// score what it learns exactly as the extractor will.
type LinearModel struct {
	classes []string
	w       map[string][]float64
}

// NewLinearModel is the model of classes with weights w (feature ->
// weight per class, PriorFeature the prior).
func NewLinearModel(classes []string, w map[string][]float64) *LinearModel {
	return &LinearModel{classes: classes, w: w}
}

// compileLinear reads a model file (feature | CLASS=W | ...), or nil when
// the lexicon has none. A model opens with its bias, so a model appended
// from a user's lexicon folder (cmd/train on their own annotated
// articles) replaces the built-in one whole: only the entries from the
// last bias on count. A weight that is no number is an error naming the
// file and line.
func compileLinear(lex *lexicon.Lexicon, file string, classes []string) (*LinearModel, error) {
	if lex == nil || len(lex.Entries(file)) == 0 {
		return nil, nil
	}
	entries := lex.Entries(file)
	for i := len(entries) - 1; i > 0; i-- {
		if entries[i].Phrase == PriorFeature {
			entries = entries[i:]
			break
		}
	}
	m := &LinearModel{classes: classes, w: map[string][]float64{}}
	for _, e := range entries {
		w := make([]float64, len(classes))
		for k, c := range classes {
			v := e.Attr(c)
			if v == "" {
				continue
			}
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return nil, fmt.Errorf("lexicon %s: weight %s=%q of feature %q is not a number", e.File, c, v, e.Phrase)
			}
			w[k] = x
		}
		m.w[e.Phrase] = w
	}
	return m, nil
}

// scores is the score of each class for features, the bias counted once.
func (m *LinearModel) scores(features []string) []float64 {
	s := make([]float64, len(m.classes))
	add := func(f string) {
		for k, w := range m.w[f] {
			s[k] += w
		}
	}
	add(PriorFeature)
	for _, f := range features {
		if f != PriorFeature {
			add(f)
		}
	}
	return s
}

// overrule is the model's stance for features where it beats the rules'
// stance rule by stanceMargin, else rule.
func (m *LinearModel) overrule(features []string, rule string) string {
	return m.overruleBy(features, rule, stanceMargin)
}

// overruleBy is the model's class for features where its score beats the
// rules' class rule by margin, else rule.
func (m *LinearModel) overruleBy(features []string, rule string, margin float64) string {
	s := m.scores(features)
	best, r := 0, slices.Index(m.classes, rule)
	for k := range s {
		if s[k] > s[best] {
			best = k
		}
	}
	if r >= 0 && s[best]-s[r] <= margin {
		return rule
	}
	return m.classes[best]
}

// stanceMargin is how much higher than the rules' stance's score the
// stance model's best score must be for the model to overrule them: a
// near tie leaves the rules' stance (held out, 0.5 did as well as 0 and
// overruled fewer plain cases).
const stanceMargin = 0.5

// allegesBias reports whether the bias model judges a claim with features
// an allegation of bias: its bias score above its other score by
// biasMargin.
func (m *LinearModel) allegesBias(features []string) bool {
	s := m.scores(features)
	return s[0]-s[1] > biasMargin
}

// BiasFeatures are a claim's features for the bias model: its stance
// features and its topics.
func BiasFeatures(stance []string, topics []string) []string {
	out := slices.Clone(stance)
	for _, t := range topics {
		out = append(out, "topic="+t)
	}
	return out
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

// ApplyModels gives claim c, whose stance features are fs, the stance model's
// stance and, when the bias model judges the allegation one of bias, the
// bias topic (either model nil: not applied).
func ApplyModels(c *kg.Claim, fs []string, stance, bias *LinearModel) {
	if stance != nil {
		c.Stance = stance.overrule(fs, c.Stance)
	}
	if bias != nil && c.Stance == kg.Alleges && !slices.Contains(c.Topics, biasTopic) && bias.allegesBias(BiasFeatures(fs, c.Topics)) {
		c.Topics = append(slices.Clone(c.Topics), biasTopic)
		sort.Strings(c.Topics)
	}
}
