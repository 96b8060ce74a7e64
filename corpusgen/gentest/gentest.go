// Package gentest gives tests and benchmarks generated documents
// (corpusgen): as a .jsonl file, and read back from it as the loader reads
// them.
package gentest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/corpusgen"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/kg"
)

// File writes n generated documents (corpusgen, seed) to a .jsonl file in
// the test's temporary directory and returns its path.
func File(t testing.TB, n int, seed uint64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gen.jsonl")
	if err := os.WriteFile(path, []byte(corpusgen.JSONL(n, seed)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Docs is File with the documents read back as the loader reads them.
func Docs(t testing.TB, n int, seed uint64) ([]kg.Document, string) {
	t.Helper()
	path := File(t, n, seed)
	docs, errs := input.Read(context.Background(), []string{path}, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return docs, path
}
