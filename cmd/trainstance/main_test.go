package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/lexicon"
)

// modelPath is the shipped model, from the module root.
const modelPath = "lexicon/data/stance_model.txt"

// modelFolders reads the folders the shipped model says it was learned
// from (its header's third line).
func modelFolders(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[2], "# ") {
		t.Fatalf("%s: no folder list on its third line", modelPath)
	}
	return strings.Split(strings.TrimSuffix(strings.TrimPrefix(lines[2], "# "), "."), ", ")
}

// TestModelIsCurrent fails when the shipped stance model is not what
// `make stance-model` learns from the folders it names (stale after a
// change of the extractor, its lexicon or the annotations).
func TestModelIsCurrent(t *testing.T) {
	t.Chdir("../..")
	folders := modelFolders(t)
	for _, f := range folders {
		if strings.Contains(f, "blind10") || strings.Contains(f, "blind11") || strings.HasPrefix(f, "data/") {
			t.Fatalf("the model learns from %s, a blind set or the bundled corpus", f)
		}
	}
	out := filepath.Join(t.TempDir(), "model.txt")
	var stderr bytes.Buffer
	if err := run(append([]string{"-o", out}, folders...), &bytes.Buffer{}, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	want, _ := os.ReadFile(modelPath)
	got, _ := os.ReadFile(out)
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run `make stance-model` and review the change", modelPath)
	}
}

// TestModelHasNoNames checks that no weight is given to a capitalized
// word: word features are the stems of lower-case words only.
func TestModelHasNoNames(t *testing.T) {
	t.Chdir("../..")
	lex := lexicon.Must()
	entries := lex.Entries("stance_model")
	if len(entries) < 50 {
		t.Fatalf("the built-in lexicon has %d stance model entries", len(entries))
	}
	word := regexp.MustCompile(`^(w|not)=[a-z'’]+$`)
	for _, e := range entries {
		if (strings.HasPrefix(e.Phrase, "w=") || strings.HasPrefix(e.Phrase, "not=")) && !word.MatchString(e.Phrase) {
			t.Errorf("%s: feature %q is not a lower-case stem", e.File, e.Phrase)
		}
	}
}

// TestModelBeatsRulesHeldOut holds out each development folder in turn
// and requires the model learned from the others to score the held-out
// claims at least as well as the rules' stances do, on the mean over all
// held-out articles: the learned layer must earn its place on text it
// has not seen.
func TestModelBeatsRulesHeldOut(t *testing.T) {
	t.Chdir("../..")
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	delete(lex.Files, "stance_model")
	arts, err := readSets(lex, modelFolders(t), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := defaultConfig()
	rules, learned := heldOut(arts, cfg)
	t.Logf("held out, mean per article: claims F1 %.3f (rules) → %.3f (model); overall %.3f → %.3f", rules.claims/float64(rules.n), learned.claims/float64(learned.n), rules.overall/float64(rules.n), learned.overall/float64(learned.n))
	if learned.claims < rules.claims || learned.overall < rules.overall {
		t.Errorf("the model does worse than the rules on held-out articles")
	}
}

// TestTrainLearnsASeparableRule: a feature that always goes with one
// stance wins it.
func TestTrainLearnsASeparableRule(t *testing.T) {
	var exs []example
	for i := 0; i < 20; i++ {
		exs = append(exs,
			example{doc: "a/" + string(rune('a'+i)), set: []string{"a", "b"}[i%2], features: []string{"cue=x"}, accepted: []int{0}},
			example{doc: "b/" + string(rune('a'+i)), set: []string{"a", "b"}[i%2], features: []string{"cue=y"}, accepted: []int{1, 2}},
			example{doc: "c/" + string(rune('a'+i)), set: []string{"a", "b"}[i%2], features: []string{"cue=z"}, accepted: []int{2}})
	}
	m := train(exs, defaultConfig())
	for f, want := range map[string]string{"cue=x": "alleges", "cue=z": "neutral"} {
		if got := m.predict([]string{f}); got != want {
			t.Errorf("predict(%s) = %s, want %s", f, got, want)
		}
	}
	if got := m.predict([]string{"cue=y"}); got == "alleges" {
		t.Errorf("predict(cue=y) = alleges, which its examples never accept")
	}
}
