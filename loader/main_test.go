package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

func noenv(string) string { return "" }

func TestJSONToStdout(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), noenv, []string{"--json=-", "../data/corpus"}, &out, &errb); err != nil {
		t.Fatalf("run: %v\n%s", err, errb.String())
	}
	var g kg.Graph
	if err := json.Unmarshal(out.Bytes(), &g); err != nil {
		t.Fatalf("output is not a graph: %v", err)
	}
	if len(g.Documents) != 4 {
		t.Errorf("documents = %d, want 4", len(g.Documents))
	}
	for _, d := range g.Documents {
		if d.PublishedAt == "" {
			t.Errorf("document %s lost its manifest date", d.ID)
		}
	}
}

func TestBadDocumentsAreNamedAndTheRestLoads(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Acme Corporation sued the Department of Energy on Monday.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("\xff\xfe\x00\x01"), 0o644)
	var out, errb bytes.Buffer
	err := run(context.Background(), noenv, []string{"--json=-", dir}, &out, &errb)
	if !errors.Is(err, errSomeFailed) {
		t.Fatalf("err = %v, want errSomeFailed", err)
	}
	if !strings.Contains(errb.String(), "bad.txt") || !strings.Contains(errb.String(), "binary file") {
		t.Errorf("log does not name the bad file and reason:\n%s", errb.String())
	}
	var g kg.Graph
	if err := json.Unmarshal(out.Bytes(), &g); err != nil || len(g.Documents) != 1 {
		t.Errorf("the good document was not extracted: %v, %d documents", err, len(g.Documents))
	}
}

func TestUsageErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"unknown flag":     {"--nope"},
		"missing manifest": {"--manifest=/nonexistent.yaml", "--json=-"},
		"no documents":     {"--json=-", "/nonexistent-dir"},
	} {
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(context.Background(), noenv, args, &out, &errb); err == nil {
				t.Error("want an error")
			}
		})
	}
}

// TestCorpusScore runs the shared scorer on the bundled corpus and holds the
// quality bar of the loader issue (overall F1 >= 0.90, no boilerplate entity).
func TestCorpusScore(t *testing.T) {
	scorer := filepath.Join("..", "..", "shared", "eval", "score.py")
	gold := filepath.Join("..", "..", "shared", "eval", "gold-corpus.yaml")
	if _, err := os.Stat(scorer); err != nil {
		if dbtest.Required() {
			t.Fatalf("scorer %s not found beside the repository: %v", scorer, err)
		}
		t.Skipf("scorer %s not found", scorer)
	}
	graph := filepath.Join(t.TempDir(), "graph.json")
	var out, errb bytes.Buffer
	if err := run(context.Background(), noenv, []string{"--json=" + graph, "../data/corpus"}, &out, &errb); err != nil {
		t.Fatalf("run: %v\n%s", err, errb.String())
	}
	res, err := exec.Command("python3", scorer, graph, gold, "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var s struct {
		Overall float64             `json:"overall_f1"`
		Noise   []string            `json:"noise_entities_found"`
		Dups    map[string][]string `json:"duplicate_entities"`
	}
	if err := json.Unmarshal(res, &s); err != nil {
		t.Fatalf("score.py output: %v", err)
	}
	t.Logf("overall F1 %s", strconv.FormatFloat(s.Overall, 'f', 3, 64))
	if s.Overall < 0.90 {
		human, _ := exec.Command("python3", scorer, graph, gold).Output()
		t.Errorf("overall F1 %.3f < 0.90:\n%s", s.Overall, human)
	}
	if len(s.Noise) > 0 {
		t.Errorf("boilerplate entities in the graph: %v", s.Noise)
	}
	if len(s.Dups) > 0 {
		t.Errorf("duplicate entities: %v", s.Dups)
	}
}
