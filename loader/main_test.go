package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/kg"
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

// TestJSONToFile checks that --json FILE writes the graph that --json=-
// prints, through a temporary file that does not stay behind.
func TestJSONToFile(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), noenv, []string{"--json=-", "../data/corpus"}, &out, &errb); err != nil {
		t.Fatalf("run: %v\n%s", err, errb.String())
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "graph.json")
	if err := run(context.Background(), noenv, []string{"--json=" + path, "../data/corpus"}, &bytes.Buffer{}, &errb); err != nil {
		t.Fatalf("run: %v\n%s", err, errb.String())
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, out.Bytes()) {
		t.Error("--json FILE differs from --json=-")
	}
	if left, _ := os.ReadDir(filepath.Dir(path)); len(left) != 1 {
		t.Errorf("files beside the graph: %v", left)
	}
}
