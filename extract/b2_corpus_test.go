package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// corpusDocs reads the bundled corpus with the publication dates of its
// manifest (each document's id is the first three characters of its name).
func corpusDocs(t *testing.T) []kg.Document {
	t.Helper()
	files, err := filepath.Glob("../data/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	man, err := os.ReadFile("../data/corpus/manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var docs []kg.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		pub := ""
		re := regexp.MustCompile(regexp.QuoteMeta(base) + `:(?s:.*?)publishedAt: (\d{4}-\d\d-\d\d)`)
		if m := re.FindSubmatch(man); m != nil {
			pub = string(m[1])
		}
		docs = append(docs, kg.Document{ID: base[:3], File: base, Text: string(b), PublishedAt: pub})
	}
	return docs
}

// TestCorpusEventsClaims runs the whole extractor over the bundled corpus
// and compares its events and claims with golden files.
func TestCorpusEventsClaims(t *testing.T) {
	lex := lexicon.Must()
	for _, doc := range corpusDocs(t) {
		t.Run(doc.ID, func(t *testing.T) {
			ex, err := Document(doc, lex)
			if err != nil {
				t.Fatal(err)
			}
			d := &docState{Doc: doc}
			for _, e := range ex.Entities {
				d.Entities = append(d.Entities, &entity{ID: e.ID, Name: e.Name})
			}
			d.Events, d.Claims = ex.Events, ex.Claims
			name := strings.TrimSuffix(doc.File, ".txt")
			golden(t, "events_corpus_"+name+".golden.json", eventViews(t, d))
			golden(t, "claims_corpus_"+name+".golden.json", claimViews(t, d))
		})
	}
}
