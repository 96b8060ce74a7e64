package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

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

// scorer returns the shared scorer's path, failing (under make test) or
// skipping when it is not beside the repository.
func scorer(t *testing.T) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "eval", "score.py")
	if _, err := os.Stat(p); err != nil {
		if dbtest.Required() {
			t.Fatalf("scorer %s not found beside the repository: %v", p, err)
		}
		t.Skipf("scorer %s not found", p)
	}
	return p
}

// score extracts paths to JSON with the loader and scores the graph against
// gold, returning score.py's summary.
func score(t *testing.T, gold string, args ...string) scoreResult {
	t.Helper()
	sc := scorer(t)
	graph := filepath.Join(t.TempDir(), "graph.json")
	var out, errb bytes.Buffer
	if err := run(context.Background(), noenv, append([]string{"--json=" + graph}, args...), &out, &errb); err != nil {
		t.Fatalf("run: %v\n%s", err, errb.String())
	}
	res, err := exec.Command("python3", sc, graph, gold, "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var s scoreResult
	if err := json.Unmarshal(res, &s); err != nil {
		t.Fatalf("score.py output: %v", err)
	}
	if s.Overall < 0 || s.Overall > 1 {
		t.Fatalf("score.py overall F1 %v out of range", s.Overall)
	}
	human, _ := exec.Command("python3", sc, graph, gold).Output()
	s.Report = string(human)
	return s
}

type scoreResult struct {
	Overall float64             `json:"overall_f1"`
	Noise   []string            `json:"noise_entities_found"`
	Dups    map[string][]string `json:"duplicate_entities"`
	Report  string              `json:"-"`
}

// TestGeneralScore scores the hand-written articles of
// extract/testdata/general (kinds of story the bundled corpus lacks: bid
// protests, recusals, executive departures, settlements, later chapters)
// against their gold files. The floors (0.70 each, 0.85 on average) guard
// against regressions; the figures are logged.
func TestGeneralScore(t *testing.T) {
	dir := filepath.Join("..", "extract", "testdata", "general")
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.yaml"))
	if len(golds) < 5 {
		t.Fatalf("found %d gold files in %s, want at least 5", len(golds), dir)
	}
	sum := 0.0
	for _, gold := range golds {
		name := strings.TrimSuffix(filepath.Base(gold), ".gold.yaml")
		s := score(t, gold, "--manifest", filepath.Join(dir, "manifest.yaml"), filepath.Join(dir, name+".txt"))
		t.Logf("%s: overall F1 %.3f", name, s.Overall)
		sum += s.Overall
		if s.Overall < 0.70 {
			t.Errorf("%s: overall F1 %.3f < 0.70:\n%s", name, s.Overall, s.Report)
		}
		if len(s.Dups) > 0 {
			t.Errorf("%s: duplicate entities: %v", name, s.Dups)
		}
	}
	mean := sum / float64(len(golds))
	t.Logf("mean overall F1 over %d articles: %.3f", len(golds), mean)
	if mean < 0.85 {
		t.Errorf("mean overall F1 %.3f < 0.85", mean)
	}
}

// TestCorpusScore runs the shared scorer on the bundled corpus and holds the
// quality bar of the loader issue (overall F1 >= 0.90, no boilerplate entity).
func TestCorpusScore(t *testing.T) {
	s := score(t, filepath.Join("..", "..", "shared", "eval", "gold-corpus.yaml"), "../data/corpus")
	t.Logf("overall F1 %s", strconv.FormatFloat(s.Overall, 'f', 3, 64))
	if s.Overall < 0.90 {
		t.Errorf("overall F1 %.3f < 0.90:\n%s", s.Overall, s.Report)
	}
	if len(s.Noise) > 0 {
		t.Errorf("boilerplate entities in the graph: %v", s.Noise)
	}
	if len(s.Dups) > 0 {
		t.Errorf("duplicate entities: %v", s.Dups)
	}
}

// TestHelpListsOnlyLoaderFlags checks that --help offers the loader's flags
// and not the API server's.
func TestHelpListsOnlyLoaderFlags(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), noenv, []string{"--help"}, &out, &errb); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("--help: %v", err)
	}
	help := errb.String()
	for _, f := range []string{"-neo4j-uri", "-json", "-writers"} {
		if !strings.Contains(help, f) {
			t.Errorf("--help does not list %s:\n%s", f, help)
		}
	}
	for _, f := range []string{"-listen", "-cors-origins", "-query-timeout", "-body-timeout"} {
		if strings.Contains(help, f) {
			t.Errorf("--help lists the server flag %s:\n%s", f, help)
		}
	}
}

// TestUnreachableNeo4jIsReportedQuickly starts the loader against a port
// nothing listens on: it must say so within seconds, not after a minute.
func TestUnreachableNeo4jIsReportedQuickly(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // connections to addr are now refused
	env := func(k string) string {
		if k == "NEO4J_URI" {
			return "bolt://" + addr
		}
		return ""
	}
	var out, errb bytes.Buffer
	start := time.Now()
	err = run(context.Background(), env, []string{"../data/corpus"}, &out, &errb)
	took := time.Since(start)
	if err == nil || !strings.Contains(err.Error(), "neo4j unreachable at bolt://"+addr) {
		t.Fatalf("err = %v, want neo4j unreachable at bolt://%s", err, addr)
	}
	if took > 10*time.Second {
		t.Errorf("took %s to report an unreachable Neo4j, want a few seconds", took)
	}
	t.Logf("reported after %s: %v", took.Round(time.Millisecond), err)
}

// TestNamedPipeDoesNotHangTheLoader gives the loader a directory with a
// named pipe that no one writes to: it is named as skipped and the rest is
// extracted.
func TestNamedPipeDoesNotHangTheLoader(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Acme Corporation sued the Department of Energy on Monday.\n"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "feed.jsonl"), 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	var out, errb bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- run(context.Background(), noenv, []string{"--json=-", dir}, &out, &errb) }()
	select {
	case err := <-done:
		if !errors.Is(err, errSomeFailed) {
			t.Fatalf("err = %v, want errSomeFailed", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the loader hangs on a named pipe")
	}
	if !strings.Contains(errb.String(), "feed.jsonl: not a regular file (a named pipe)") {
		t.Errorf("log does not name the pipe:\n%s", errb.String())
	}
	var g kg.Graph
	if err := json.Unmarshal(out.Bytes(), &g); err != nil || len(g.Documents) != 1 {
		t.Errorf("the good document was not extracted: %v, %d documents", err, len(g.Documents))
	}
}

// TestInterruptWhileReading checks that a loader whose context is done
// (SIGINT, SIGTERM) stops with a message instead of going on.
func TestInterruptWhileReading(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	err := run(ctx, noenv, []string{"--json=-", "../data/corpus"}, &out, &errb)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("err = %v, want an interruption", err)
	}
	if out.Len() > 0 {
		t.Errorf("wrote output after the interrupt: %q", out.String())
	}
}
