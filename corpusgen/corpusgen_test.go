package corpusgen

import (
	"encoding/json"
	"strings"
	"testing"
)

// The generator's promise: every person and company index below the
// stated bounds has its own name, so that the cast really grows.
func TestNamesAreDistinct(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
		f    func(int) string
	}{{"person", len(first) * len(surPrefix) * len(surSuffix), person}, {"company", len(orgPrefix) * len(orgSuffix) * len(orgTail), company}} {
		seen := map[string]int{}
		for k := 0; k < c.n; k++ {
			nm := c.f(k)
			if j, ok := seen[nm]; ok {
				t.Fatalf("%s %d and %d are both %q", c.name, j, k, nm)
			}
			seen[nm] = k
		}
	}
}

// An early article's cast is not a late article's: the window slides.
func TestCastGrowsWithTheCorpus(t *testing.T) {
	docs := strings.Split(strings.TrimSpace(JSONL(3000, 1)), "\n")
	if len(docs) != 3000 {
		t.Fatalf("%d articles, want 3000", len(docs))
	}
	if !strings.HasPrefix(JSONL(3000, 1), JSONL(10, 1)) {
		t.Error("the first 10 articles of a 3,000-article corpus differ from a 10-article corpus")
	}
	var a article
	if err := json.Unmarshal([]byte(docs[0]), &a); err != nil {
		t.Fatal(err)
	}
	early, _, _ := strings.Cut(a.Title, " challenges ")
	for _, d := range docs[2000:] {
		if strings.Contains(d, early) {
			t.Fatalf("a late article still names %q of the first article's headline", early)
		}
	}
}
