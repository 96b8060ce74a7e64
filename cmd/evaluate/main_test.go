package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/eval"
	"github.com/factgraph/factgraph/lexicon"
)

var (
	corpus     = filepath.Join("..", "..", "data", "corpus")
	corpusGold = filepath.Join("..", "..", "data", "corpus.gold.yaml")
	general    = filepath.Join("..", "..", "extract", "testdata", "general")
)

func report(t *testing.T, r eval.Result) string {
	t.Helper()
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCorpusScore holds the quality bar on the bundled corpus: overall F1 at
// least 0.97, no boilerplate entity, no duplicate entity.
func TestCorpusScore(t *testing.T) {
	gold, err := eval.ReadGold(corpusGold)
	if err != nil {
		t.Fatal(err)
	}
	g, err := extractGraph(context.Background(), []string{corpus}, nil, lexicon.Must())
	if err != nil {
		t.Fatal(err)
	}
	r := eval.Score(g, gold)
	t.Logf("overall F1 %.3f", r.Overall)
	if r.Overall < 0.97 {
		t.Errorf("overall F1 %.3f < 0.97:\n%s", r.Overall, report(t, r))
	}
	if len(r.Noise) > 0 {
		t.Errorf("boilerplate entities in the graph: %v", r.Noise)
	}
	if len(r.Duplicates) > 0 {
		t.Errorf("duplicate entities: %v", r.Duplicates)
	}
}

// TestGeneralScore scores each hand-written article of extract/testdata/general
// (kinds of story the bundled corpus lacks: bid protests, recusals, executive
// departures, settlements, later chapters) against its gold file. The floors
// (0.75 each, 0.90 on average, no duplicate or boilerplate entity) guard
// against regressions; the figures are logged.
func TestGeneralScore(t *testing.T) {
	s, skipped, err := scoreSuite(context.Background(), []string{general}, nil, lexicon.Must())
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Documents) < 25 || len(skipped) > 0 {
		t.Fatalf("scored %d articles in %s, want at least 25; without gold: %v", len(s.Documents), general, skipped)
	}
	for _, d := range s.Documents {
		r := d.Result
		t.Logf("%s: overall F1 %.3f", d.Name, r.Overall)
		if r.Overall < 0.75 {
			t.Errorf("%s: overall F1 %.3f < 0.75:\n%s", d.Name, r.Overall, report(t, r))
		}
		if len(r.Duplicates) > 0 {
			t.Errorf("%s: duplicate entities: %v", d.Name, r.Duplicates)
		}
		if len(r.Noise) > 0 {
			t.Errorf("%s: boilerplate entities: %v", d.Name, r.Noise)
		}
	}
	t.Logf("mean overall F1 over %d articles: %.3f", len(s.Documents), s.Overall)
	if s.Overall < 0.90 {
		t.Errorf("mean overall F1 %.3f < 0.90", s.Overall)
	}
}

var lastLine = regexp.MustCompile(`\noverall F1 [01]\.\d{3}\n$`)

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(context.Background(), args, &out, &errb); err != nil {
		t.Fatalf("run %v: %v\n%s", args, err, errb.String())
	}
	return out.String()
}

func TestRunCorpus(t *testing.T) {
	out := runOK(t, "-gold", corpusGold, corpus)
	if !lastLine.MatchString(out) {
		t.Errorf("the last line is not overall F1 X:\n%s", out)
	}
	for _, want := range []string{"persons ", "organizations ", "roles ", "events ", "claims ", "Q who_alleged_bias", "noise entities: none"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestRunFolder(t *testing.T) {
	out := runOK(t, general)
	if !lastLine.MatchString(out) {
		t.Errorf("the last line is not overall F1 X:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if got := strings.Fields(lines[0]); !cmp.Equal(got, []string{"doc", "persons", "orgs", "roles", "events", "claims", "overall"}) {
		t.Errorf("table header = %v", got)
	}
	if len(lines) != 1+25+2 || !strings.HasPrefix(lines[len(lines)-2], "mean ") {
		t.Errorf("want a header, 25 rows, a mean row and the overall line:\n%s", out)
	}

	var s suiteResult
	if err := json.Unmarshal([]byte(runOK(t, "-json", general)), &s); err != nil {
		t.Fatalf("-json: %v", err)
	}
	sum := 0.0
	for _, d := range s.Documents {
		sum += d.Result.Overall
	}
	if len(s.Documents) != 25 || s.Overall != sum/25 {
		t.Errorf("-json: %d documents, overall %v; want 25 and their mean %v", len(s.Documents), s.Overall, sum/25)
	}
}

// TestRunGraph scores a graph file as it scores the same documents extracted
// in-process.
func TestRunGraph(t *testing.T) {
	g, err := extractGraph(context.Background(), []string{corpus}, nil, lexicon.Must())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "graph.json")
	data, _ := json.Marshal(g)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var fromFile, inProcess eval.Result
	if err := json.Unmarshal([]byte(runOK(t, "-json", "-gold", corpusGold, "-graph", path)), &fromFile); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(runOK(t, "-json", "-gold", corpusGold, corpus)), &inProcess); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(inProcess, fromFile); diff != "" {
		t.Errorf("-graph result differs from in-process extraction (-in-process +graph):\n%s", diff)
	}
}

func TestRunMinF1(t *testing.T) {
	for _, tc := range []struct {
		min  string
		fail bool
	}{{"0.5", false}, {"0.999", true}} {
		t.Run(tc.min, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), []string{"-min-f1", tc.min, "-gold", corpusGold, corpus}, &out, &errb)
			if got := errors.Is(err, errBelowMin); got != tc.fail {
				t.Errorf("err = %v, want below minimum %v", err, tc.fail)
			}
			if !lastLine.MatchString(out.String()) {
				t.Errorf("the report is not printed in full:\n%s", out.String())
			}
		})
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	badGold := write("bad.gold.yaml", "roles:\n  - {person: A, title: x, org: {a: b}}\n")
	write("lonely/x.gold.yaml", "persons: []\n")
	write("nogold/x.txt", "Acme Corp sued the Department of Energy.\n")
	binary := write("bin/b.txt", "\xff\xfe\x00\x01")
	notJSON := write("graph.json", "{")
	for _, tc := range []struct {
		name  string
		args  []string
		usage bool
		want  string
	}{
		{"no arguments", nil, true, "no documents"},
		{"-graph without -gold", []string{"-graph", notJSON}, true, "-graph needs -gold"},
		{"-graph and paths", []string{"-gold", corpusGold, "-graph", notJSON, corpus}, true, "not both"},
		{"unknown flag", []string{"-nope"}, true, "-nope"},
		{"bad gold", []string{"-gold", badGold, corpus}, false, badGold + ": roles[0].org (line 2)"},
		{"missing gold", []string{"-gold", filepath.Join(dir, "none.yaml"), corpus}, false, "none.yaml"},
		{"missing documents", []string{"-gold", corpusGold, filepath.Join(dir, "absent")}, false, filepath.Join(dir, "absent")},
		{"bad document", []string{"-gold", corpusGold, binary}, false, binary + " (document b): binary file"},
		{"bad graph", []string{"-gold", corpusGold, "-graph", notJSON}, false, "graph " + notJSON},
		{"folder without gold files", []string{filepath.Join(dir, "nogold")}, false, "no NAME.gold.yaml files"},
		{"document without gold", []string{filepath.Join(dir, "nogold", "x.txt")}, false, "no gold file " + filepath.Join(dir, "nogold", "x.gold.yaml")},
		{"gold without document", []string{filepath.Join(dir, "lonely")}, false, "no document x.txt"},
		{"neither document nor gold", []string{notJSON}, false, "neither a document"},
		{"a glob that matches nothing", []string{filepath.Join(dir, "*.none")}, false, "pattern matches no file"},
		{"a glob of documents without gold", []string{filepath.Join(dir, "nogold", "*.txt")}, false, "no document in"},
		{"bad gold in a folder", []string{dir}, false, badGold},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tc.args, &out, &errb)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
			var ue usageError
			if errors.As(err, &ue) != tc.usage {
				t.Errorf("usage error %v, want %v", errors.As(err, &ue), tc.usage)
			}
		})
	}
}

func TestPairs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "a.gold.yaml", "b.md", "b.gold.yaml", "c.txt", "manifest.yaml", "notes.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := func(f string) string { return filepath.Join(dir, f) }
	for _, tc := range []struct {
		name    string
		paths   []string
		want    []pair
		skipped []string
	}{
		{"a folder", []string{dir},
			[]pair{{"a", in("a.txt"), in("a.gold.yaml")}, {"b", in("b.md"), in("b.gold.yaml")}}, []string{in("c.txt")}},
		{"a document", []string{in("b.md")}, []pair{{"b", in("b.md"), in("b.gold.yaml")}}, nil},
		{"a gold file", []string{in("a.gold.yaml")}, []pair{{"a", in("a.txt"), in("a.gold.yaml")}}, nil},
		{"a glob of everything", []string{in("*")},
			[]pair{{"a", in("a.txt"), in("a.gold.yaml")}, {"b", in("b.md"), in("b.gold.yaml")}}, []string{in("c.txt")}},
		{"a glob of documents", []string{in("*.txt")}, []pair{{"a", in("a.txt"), in("a.gold.yaml")}}, []string{in("c.txt")}},
		{"one pair named twice", []string{in("a.txt"), in("a.gold.yaml")}, []pair{{"a", in("a.txt"), in("a.gold.yaml")}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, skipped, err := pairs(tc.paths)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(pair{})); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.skipped, skipped); diff != "" {
				t.Errorf("skipped (-want +got):\n%s", diff)
			}
		})
	}
}
