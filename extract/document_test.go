package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

func checkSpans(t *testing.T, text string, srcs ...kg.Source) {
	t.Helper()
	for _, s := range srcs {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Fatalf("source %d:%d out of bounds (%d bytes)", s.Start, s.End, len(text))
		}
		if text[s.Start:s.End] != s.Quote {
			t.Fatalf("source quote %q != text[%d:%d]", s.Quote, s.Start, s.End)
		}
	}
}

func FuzzDocument(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.txt")
	corpus, _ := filepath.Glob("../data/corpus/*.txt")
	for _, s := range append(seeds, corpus...) {
		b, _ := os.ReadFile(s)
		f.Add(string(b))
	}
	f.Add("Acme CEO Jane Doe (JD), who owns Foo Post, said: \u201cno.")
	lex := lexicon.Must()
	f.Fuzz(func(t *testing.T, text string) {
		doc := kg.Document{ID: "f", Text: text}
		if Validate(doc) != nil {
			return
		}
		ex, err := Document(doc, lex)
		if err != nil {
			t.Fatalf("Document: %v", err)
		}
		for _, e := range ex.Entities {
			for _, m := range e.Mentions {
				checkSpans(t, text, m.Source)
			}
		}
		for _, r := range ex.Roles {
			checkSpans(t, text, r.Sources...)
		}
		for _, r := range ex.Relations {
			checkSpans(t, text, r.Sources...)
		}
		for _, e := range ex.Events {
			checkSpans(t, text, e.Sources...)
		}
		for _, c := range ex.Claims {
			checkSpans(t, text, c.Sources...)
		}
		again, _ := Document(doc, lex)
		if !reflect.DeepEqual(ex, again) {
			t.Fatal("Document is not deterministic")
		}
	})
}

// BenchmarkCorpus extracts every bundled document; MB/s is over their text.
func BenchmarkCorpus(b *testing.B) {
	files, _ := filepath.Glob("../data/corpus/*.txt")
	var docs []kg.Document
	n := 0
	for i, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, kg.Document{ID: string(rune('a' + i)), Text: string(t)})
		n += len(t)
	}
	lex := lexicon.Must()
	if _, err := models(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := Document(d, lex); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkCorpusNames runs only the name stages (clean, segment, mentions,
// roles, output) over the bundled corpus.
func BenchmarkCorpusNames(b *testing.B) {
	files, _ := filepath.Glob("../data/corpus/*.txt")
	var texts []string
	n := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += len(t)
	}
	lex := lexicon.Must()
	ex := New(lex) // the stages prepared once, as Document does per lexicon
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			d := &docState{Doc: kg.Document{ID: "b", Text: t}, Lex: lex, ex: ex}
			clean(d)
			segment(d)
			findMentions(d)
			findRoles(d)
			_ = d.extraction()
		}
	}
	b.ReportMetric(float64(len(texts))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
