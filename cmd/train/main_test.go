package main

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// modelDir holds the shipped models, from the module root.
const modelDir = "lexicon/data"

// modelFolders reads the folders the shipped stance model says it was
// learned from (its header's third line).
func modelFolders(t *testing.T) []string {
	t.Helper()
	modelPath := filepath.Join(modelDir, "stance_model.txt")
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

// makeModelSets reads the folders `make models` learns from (the
// Makefile's MODEL_SETS, "$(addprefix DIR,A B ...)").
func makeModelSets(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^MODEL_SETS := \$\(addprefix ([^,]+),([^)]*)\)$`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no MODEL_SETS := $(addprefix ...) line in the Makefile")
	}
	var out []string
	for _, f := range strings.Fields(string(m[2])) {
		out = append(out, string(m[1])+f)
	}
	return out
}

// TestModelsAreCurrent fails when the shipped models are not what `make
// models` learns from the folders they name (stale after a change of the
// extractor, its lexicon or the annotations).
func TestModelsAreCurrent(t *testing.T) {
	t.Chdir("../..")
	folders := modelFolders(t)
	for _, f := range folders {
		if slices.ContainsFunc([]string{"blind10", "blind11", "blind16", "blind18", "blind24", "blind25"}, func(b string) bool { return path.Base(f) == b }) || strings.HasPrefix(f, "data/") {
			t.Fatalf("the model learns from %s, a blind set or the bundled corpus", f)
		}
	}
	if mk := makeModelSets(t); !slices.Equal(mk, folders) {
		t.Fatalf("the Makefile's MODEL_SETS %v are not the folders the models name %v: run `make models`", mk, folders)
	}
	out := t.TempDir()
	var stderr bytes.Buffer
	if err := run(append([]string{"-o", out}, folders...), &bytes.Buffer{}, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	for _, k := range kinds {
		want, _ := os.ReadFile(filepath.Join(modelDir, k.file+".txt"))
		got, _ := os.ReadFile(filepath.Join(out, k.file+".txt"))
		if len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("%s/%s.txt is stale: run `make models` and review the change", modelDir, k.file)
		}
	}
}

// TestModelsHaveNoNames checks that no weight is given to a capitalized
// word: word features are the stems of lower-case words, the lower-case
// words around a name, the last three letters of a name, the words
// around a title (a capitalized one only as CAP) and a title's last word.
func TestModelsHaveNoNames(t *testing.T) {
	word := regexp.MustCompile(`^((w|not|pw|pw2|nw|cw|inner)=[a-z'’]+|sfx=\p{Ll}{3}|(bw|bf|bl|rpre|rpost|tp|tn)=([^\p{Lu}]+|CAP|NUM)|(th|thn)=[^\p{Lu}&]+|thk=[^\p{Lu}&]+&[a-z]*)$`)
	for _, k := range kinds {
		entries := lexicon.Must().Entries(k.file)
		if len(entries) < 50 {
			t.Fatalf("the built-in lexicon has %d %s entries", len(entries), k.file)
		}
		for _, e := range entries {
			if isWord(e.Phrase) && !word.MatchString(e.Phrase) {
				t.Errorf("%s: feature %q is not a lower-case stem", e.File, e.Phrase)
			}
		}
	}
}

// TestModelsBeatRulesHeldOut holds out each development folder in turn
// and requires the models learned from the others to do at least as well
// on the held-out articles as the rules, step by step (the stance model on
// claims and overall, the bias model on "who alleged bias" and overall,
// the type model on organizations and overall),
// on the mean over all held-out articles: each learned layer must earn its
// place on text it has not seen.
func TestModelsBeatRulesHeldOut(t *testing.T) {
	t.Chdir("../..")
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		delete(lex.Files, k.file)
	}
	arts, err := readSets(lex, modelFolders(t), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	tot := heldOut(arts, defaultConfig())
	rules, stance, bias := tot[0], tot[1], tot[2]
	t.Logf("held out, mean per article: claims F1 %.3f → %.3f; who alleged bias %.3f → %.3f; overall %.3f → %.3f → %.3f",
		mean(rules.claims, rules.n), mean(stance.claims, stance.n), mean(stance.bias, stance.nBias), mean(bias.bias, bias.nBias),
		mean(rules.overall, rules.n), mean(stance.overall, stance.n), mean(bias.overall, bias.n))
	if stance.claims < rules.claims || stance.overall < rules.overall {
		t.Errorf("the stance model does worse than the rules on held-out articles")
	}
	if bias.bias < stance.bias || bias.overall < stance.overall {
		t.Errorf("the bias model does worse than the bias cues on held-out articles")
	}
	var typed [2]tally
	for _, s := range setsOf(arts) {
		tt := typeHeldOut(arts, lex, s, defaultConfig())
		typed[0].merge(tt[0])
		typed[1].merge(tt[1])
	}
	t.Logf("held out, mean per article: organizations F1 %.3f → %.3f; roles %.3f → %.3f; overall %.3f → %.3f with the type model",
		mean(typed[0].orgs, typed[0].n), mean(typed[1].orgs, typed[1].n), mean(typed[0].roles, typed[0].n), mean(typed[1].roles, typed[1].n),
		mean(typed[0].overall, typed[0].n), mean(typed[1].overall, typed[1].n))
	if typed[1].orgs < typed[0].orgs || typed[1].overall < typed[0].overall {
		t.Errorf("the type model does worse than the naming rules on held-out articles")
	}
	r := roleCrossValidate(arts, lex, defaultConfig(), &bytes.Buffer{})
	t.Logf("held out, mean per article: roles F1 %.3f → %.3f → %.3f; overall %.3f → %.3f → %.3f with the role and attachment models",
		mean(r[0].roles, r[0].n), mean(r[1].roles, r[1].n), mean(r[2].roles, r[2].n),
		mean(r[0].overall, r[0].n), mean(r[1].overall, r[1].n), mean(r[2].overall, r[2].n))
	if r[1].roles < r[0].roles || r[2].roles < r[1].roles || r[2].overall < r[0].overall {
		t.Errorf("the role or attachment model does worse than the role rules on held-out articles")
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
	m := train(exs, stanceKind, defaultConfig()).linear()
	for f, want := range map[string]string{"cue=x": "alleges", "cue=z": "neutral"} {
		c := kg.Claim{}
		if extract.ApplyModels(&c, []string{f}, m, nil); c.Stance != want {
			t.Errorf("stance of %s = %s, want %s", f, c.Stance, want)
		}
	}
	c := kg.Claim{}
	if extract.ApplyModels(&c, []string{"cue=y"}, m, nil); c.Stance == "alleges" {
		t.Errorf("stance of cue=y = alleges, which its examples never accept")
	}
}
