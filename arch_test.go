package main

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

type listedPackage struct {
	ImportPath string
	Doc        string
	Deps       []string
}

func listPackages(t *testing.T) []listedPackage {
	t.Helper()
	out, err := exec.Command("go", "list", "-json=ImportPath,Doc,Deps", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// TestPackagesDocumented holds the habit that every package says what it is.
func TestPackagesDocumented(t *testing.T) {
	for _, p := range listPackages(t) {
		if strings.TrimSpace(p.Doc) == "" {
			t.Errorf("package %s has no package comment (add a doc.go)", p.ImportPath)
		}
	}
}

// TestLayering keeps the driver inside neo4jstore: the domain, the
// extraction and the API layer must not depend on it.
func TestLayering(t *testing.T) {
	const driver = "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	pure := []string{"/kg", "/lexicon", "/extract", "/resolve", "/input", "/graph", "/graph/model", "/config", "/export", "/report"}
	for _, p := range listPackages(t) {
		for _, suffix := range pure {
			if !strings.HasSuffix(p.ImportPath, suffix) {
				continue
			}
			for _, d := range p.Deps {
				if strings.HasPrefix(d, driver) {
					t.Errorf("package %s depends on the Neo4j driver (%s); only neo4jstore may", p.ImportPath, d)
					break
				}
			}
		}
	}
}

// TestStoreDoesNotDependOnAPI keeps the database layer below the API: the
// store returns kg values, and the API binds to them or maps them.
func TestStoreDoesNotDependOnAPI(t *testing.T) {
	const module = "github.com/factgraph/factgraph"
	forbidden := []string{module + "/graph", module + "/graph/model"}
	found := false
	for _, p := range listPackages(t) {
		if p.ImportPath != module+"/neo4jstore" && !strings.HasPrefix(p.ImportPath, module+"/neo4jstore/") {
			continue
		}
		found = true
		for _, d := range p.Deps {
			for _, f := range forbidden {
				if d == f {
					t.Errorf("package %s depends on %s; the store must not depend on the API layer", p.ImportPath, d)
				}
			}
		}
	}
	if !found {
		t.Fatal("package neo4jstore not listed")
	}
}

// maxExtractFuncLines is the longest function the extraction stages may
// have: each step of reading a sentence is its own named function.
const maxExtractFuncLines = 100

// TestExtractFunctionsShort holds extract's functions to one step each: no
// function (from its func line to its closing brace) over
// maxExtractFuncLines lines.
func TestExtractFunctionsShort(t *testing.T) {
	fs := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join("extract", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in extract: %v", err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fs, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			if n := fs.Position(fd.End()).Line - fs.Position(fd.Pos()).Line + 1; n > maxExtractFuncLines {
				t.Errorf("%s: %s is %d lines (at most %d): split it into named steps", f, fd.Name.Name, n, maxExtractFuncLines)
			}
		}
	}
}
