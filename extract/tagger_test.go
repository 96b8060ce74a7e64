package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
	prosetoken "github.com/jdkato/prose/v3/token"

	"encoding/json"
	"github.com/factgraph/factgraph/corpusgen"
)

// TestHashTaggerMatchesProse tags every sentence of the test articles, the
// bundled corpus and a generated corpus with the hash tagger and with
// prose's: the tags must be the same, and most sentences must take the
// hash tagger's own path.
func TestHashTaggerMatchesProse(t *testing.T) {
	m, err := models()
	if err != nil {
		t.Fatal(err)
	}
	prose, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	files, _ := filepath.Glob("testdata/*/*.txt")
	corpus, _ := filepath.Glob("../data/corpus/*.txt")
	for _, f := range append(files, corpus...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if len(texts) < 50 {
		t.Fatalf("only %d articles found", len(texts))
	}
	texts = append(texts, genTexts(200)...)
	texts = append(texts, "He wrote :-) and 8D on @handle at 0 . The -LRB- trace *-1 stays O.o here.", "Posted on May 9 @ 15:20 by the desk.")
	sents, plain := 0, 0
	for _, text := range texts {
		for _, para := range strings.Split(text, "\n") {
			for _, s := range m.seg.Segment(para) {
				toks := m.tok.Tokenize(s.Text)
				want := slices.Clone(toks)
				prose.TagTokens(want)
				got := slices.Clone(toks)
				m.tag.TagTokens(got)
				sents++
				if !slices.ContainsFunc(toks, func(tk prosetoken.Token) bool { return !plainToken(tk.Text) }) {
					plain++
				}
				for i := range want {
					if got[i].Tag != want[i].Tag {
						t.Errorf("%q: %q tagged %s, prose %s", s.Text, want[i].Text, got[i].Tag, want[i].Tag)
						break
					}
				}
			}
		}
	}
	t.Logf("%d sentences, %d on the hash tagger's own path", sents, plain)
	if plain*10 < sents*9 {
		t.Errorf("only %d of %d sentences on the hash tagger's own path", plain, sents)
	}
}

// TestHashTaggerRefusesABadModel: a model that is not prose's, or is cut
// short, is an error, not a panic.
func TestHashTaggerRefusesABadModel(t *testing.T) {
	prose, _ := tag.New()
	manyClasses := slices.Clone(aptagmodel.English)
	manyClasses[12], manyClasses[13] = 0xff, 0xff // the class count
	for _, data := range [][]byte{nil, []byte("PROSETAG"), []byte("NOTAMODEL123"), aptagmodel.English[:len(aptagmodel.English)/2], manyClasses} {
		if _, err := newHashTagger(data, prose); err == nil {
			t.Errorf("model of %d bytes accepted", len(data))
		}
	}
}

// genTexts is the text of n generated documents.
func genTexts(n int) []string {
	var out []string
	for _, line := range strings.Split(corpusgen.JSONL(n, 7), "\n") {
		var d struct{ Text string }
		if json.Unmarshal([]byte(line), &d) == nil && d.Text != "" {
			out = append(out, d.Text)
		}
	}
	return out
}
