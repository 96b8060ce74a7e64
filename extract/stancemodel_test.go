package extract

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// TestStemFeatures: the stems of lower-case words, each once; names give
// no feature; a word soon after a negator is marked negated.
func TestStemFeatures(t *testing.T) {
	cl := rulesExtractor().cl
	got := cl.stemFeatures("Jane Roe said the officials did not follow the rules, and the officials agreed.")
	for _, want := range []string{"w=offici", "not=follow", "w=agre"} {
		if !slices.Contains(got, want) {
			t.Errorf("no %s in %v", want, got)
		}
	}
	for _, f := range got {
		if f == "w=jane" || f == "w=roe" || f == "w=follow" {
			t.Errorf("feature %s in %v", f, got)
		}
	}
	if n := len(got); n != len(slices.Compact(slices.Sorted(slices.Values(got)))) {
		t.Errorf("repeated features in %v", got)
	}
}

// TestStanceModelOverrules: the model's best class (summed weights, the
// bias counted once, ties to the earlier class) replaces the rules' stance
// only when it beats the rules' stance's score by more than stanceMargin.
func TestStanceModelOverrules(t *testing.T) {
	m := NewLinearModel(StanceClasses, map[string][]float64{
		PriorFeature: {0, 0, 0.3},
		"cue=x":      {2, 0, 0},
		"cue=y":      {0, 0.6, 0},
		"cue=z":      {0, 0.75, 0},
	})
	for _, tt := range []struct {
		fs         []string
		rule, want string
	}{
		{[]string{"cue=x"}, kg.Neutral, kg.Alleges},                                  // 2 against 0.3
		{[]string{"cue=y"}, kg.Neutral, kg.Neutral},                                  // 0.6 against 0.3: within the margin
		{[]string{"cue=z"}, kg.Neutral, kg.Neutral},                                  // 0.9 against 0.3: 0.6 is not more than 0.5... by 0.1
		{[]string{"cue=z", "cue=y"}, kg.Neutral, kg.Denies},                          // 1.5 against 0.3
		{[]string{"cue=y", "cue=y"}, kg.Alleges, kg.Denies},                          // 1.2 against 0: the margin is against the rules' class
		{[]string{PriorFeature, PriorFeature, PriorFeature}, kg.Alleges, kg.Alleges}, // the bias counted once: 0.3 is within the margin
		{nil, "", kg.Neutral},                                                        // no rules' stance: the best class
	} {
		if got := m.overrule(tt.fs, tt.rule); got != tt.want {
			t.Errorf("overrule(%v, %q) = %s, want %s", tt.fs, tt.rule, got, tt.want)
		}
	}
	if m, _ := compileLinear(rulesLexicon(), "stance_model", StanceClasses); m != nil {
		t.Error("a model without stance_model.txt")
	}
	if m, _ := compileLinear(nil, "stance_model", StanceClasses); m != nil {
		t.Error("a model without a lexicon")
	}
	for _, f := range []string{"stance_model", "bias_model"} {
		if m, err := compileLinear(lexicon.Must(), f, StanceClasses); m == nil || err != nil {
			t.Errorf("the built-in lexicon's %s: %v", f, err)
		}
	}
}

// TestBiasModelAddsTheTopic: an allegation the bias model scores above
// the margin gets the bias topic; a denial, or a score within the margin,
// does not; a claim with the topic keeps its topics.
func TestBiasModelAddsTheTopic(t *testing.T) {
	bias := NewLinearModel(BiasClasses, map[string][]float64{"w=unfair": {2, 0}, "w=slight": {0.5, 0}})
	for _, tt := range []struct {
		stance string
		fs     []string
		topics []string
		want   bool
	}{
		{kg.Alleges, []string{"w=unfair"}, nil, true},
		{kg.Denies, []string{"w=unfair"}, nil, false},
		{kg.Alleges, []string{"w=slight"}, nil, false},
		{kg.Alleges, []string{"w=unfair"}, []string{"cost"}, true},
		{kg.Alleges, []string{"w=unfair", "w=slight"}, nil, true},
		{kg.Alleges, []string{"w=slight", PriorFeature, PriorFeature}, nil, false}, // no bias weight to count twice
	} {
		c := kg.Claim{Stance: tt.stance, Topics: tt.topics}
		ApplyModels(&c, tt.fs, nil, bias)
		if got := slices.Contains(c.Topics, biasTopic); got != tt.want {
			t.Errorf("%s %v: bias topic %v, want %v (%v)", tt.stance, tt.fs, got, tt.want, c.Topics)
		}
		if !slices.IsSorted(c.Topics) {
			t.Errorf("topics %v not sorted", c.Topics)
		}
	}
	c := kg.Claim{Stance: kg.Alleges, Topics: []string{biasTopic, "personal animus"}}
	ApplyModels(&c, []string{"w=unfair"}, nil, bias)
	if len(c.Topics) != 2 {
		t.Errorf("a claim with the bias topic changed its topics: %v", c.Topics)
	}
}

// TestStanceModelDecides: with a model in the lexicon its stance is the
// claim's; without one the rules' stands.
func TestStanceModelDecides(t *testing.T) {
	doc := kg.Document{ID: "t", Text: "Jane Roe sued Globex Inc. in March. \"Globex rigged the tender and lied to the board,\" Roe said."}
	stances := func(lex *lexicon.Lexicon) []string {
		ex, err := New(lex).Document(doc)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range ex.Claims {
			out = append(out, c.Stance)
		}
		return out
	}
	rules := stances(rulesLexicon())
	if !slices.Contains(rules, kg.Alleges) {
		t.Fatalf("the rules find no allegation: %v", rules)
	}
	l := *rulesLexicon()
	l.Files = maps.Clone(l.Files)
	l.Files["stance_model"] = []lexicon.Entry{{Phrase: PriorFeature, Attrs: map[string]string{"neutral": "9"}}}
	for _, s := range stances(&l) {
		if s != kg.Neutral {
			t.Errorf("a model that always says neutral gave %s", s)
		}
	}
	_, trace, err := New(rulesLexicon()).StanceFeatures(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(trace) != len(rules) {
		t.Fatalf("%d claims, %d traced", len(rules), len(trace))
	}
	for id, fs := range trace {
		if !slices.Contains(fs, "rule=alleges") || !slices.Contains(fs, "w=rig") {
			t.Errorf("claim %s: features %v lack the rule's stance or the word rigged", id, fs)
		}
	}
}

// rulesExtractor is the extractor of rulesLexicon.
func rulesExtractor() *Extractor { return extractorFor(rulesLexicon()) }

// TestStanceModelAppendedReplaces: a model appended after the built-in one
// (a user's lexicon folder) replaces it whole, from its bias on.
func TestStanceModelAppendedReplaces(t *testing.T) {
	l := lexicon.Lexicon{Files: map[string][]lexicon.Entry{"stance_model": {
		{Phrase: PriorFeature, Attrs: map[string]string{"alleges": "1"}},
		{Phrase: "cue=x", Attrs: map[string]string{"denies": "5"}},
		{Phrase: PriorFeature, Attrs: map[string]string{"neutral": "1"}},
		{Phrase: "cue=y", Attrs: map[string]string{"alleges": "5"}},
	}}}
	m, err := compileLinear(&l, "stance_model", StanceClasses)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.overrule([]string{"cue=x"}, ""); got != kg.Neutral {
		t.Errorf("the first model's feature still counts: %s", got)
	}
	if got := m.overrule([]string{"cue=y"}, ""); got != kg.Alleges {
		t.Errorf("the appended model's feature does not count: %s", got)
	}
}

// TestBadModelWeightFailsDocuments: a weight that is no number fails every
// document with an error that names the model file's line, not a silent 0.
func TestBadModelWeightFailsDocuments(t *testing.T) {
	l := *rulesLexicon()
	l.Files = maps.Clone(l.Files)
	l.Files["stance_model"] = []lexicon.Entry{{Phrase: PriorFeature, Attrs: map[string]string{"neutral": "0.1x"}, File: "stance_model:7"}}
	_, err := New(&l).Document(kg.Document{ID: "t", Text: "Jane Roe sued Globex Inc. in March. \"Globex rigged the tender,\" Roe said."})
	if err == nil || !strings.Contains(err.Error(), "stance_model:7") || !strings.Contains(err.Error(), "document t") {
		t.Errorf("error %v, want one naming the document and stance_model:7", err)
	}
}
