package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
