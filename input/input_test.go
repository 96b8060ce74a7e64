package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadFormatsAndManifest(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "Plain text article.\n")
	write(t, dir, "b.md", "# A Heading\n\nBody text.\n")
	write(t, dir, "c.html", "<html><head><title>Page T</title><script>var x=1</script></head><body><nav>Menu</nav><p>First para.</p><p>Second <b>bold</b> para.</p><figure><img alt='x'><figcaption>Photo credit</figcaption></figure></body></html>")
	write(t, dir, "d.jsonl", `{"id":"j1","title":"J","publisher":"P","publishedAt":"2020-01-02","text":"Json text."}`+"\n"+
		`{"id":"j2","html":"<p>From html</p>"}`+"\n")
	write(t, dir, "manifest.yaml", "documents:\n  a.txt: {id: A1, publisher: Pub, publishedAt: 2019-11-14, title: Title A}\n")
	write(t, dir, "skip.pdf", "%PDF")
	docs, errs := Read([]string{dir}, nil)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	byID := map[string]int{}
	for i, d := range docs {
		byID[d.ID] = i
	}
	for _, id := range []string{"A1", "b", "c", "j1", "j2"} {
		if _, ok := byID[id]; !ok {
			t.Errorf("document %s missing; got %+v", id, docs)
		}
	}
	a := docs[byID["A1"]]
	if a.Publisher != "Pub" || a.PublishedAt != "2019-11-14" || a.Title != "Title A" || a.SHA256 == "" {
		t.Errorf("manifest not applied: %+v", a)
	}
	if got := docs[byID["b"]].Title; got != "A Heading" {
		t.Errorf("markdown title = %q", got)
	}
	c := docs[byID["c"]]
	if c.Title != "Page T" || !strings.Contains(c.Text, "First para.\n\nSecond bold para.") ||
		strings.Contains(c.Text, "Menu") || strings.Contains(c.Text, "Photo credit") || strings.Contains(c.Text, "var x") {
		t.Errorf("html: title %q text %q", c.Title, c.Text)
	}
	if got := docs[byID["j2"]].Text; !strings.Contains(got, "From html") {
		t.Errorf("jsonl html text = %q", got)
	}
}

func TestReadBadInputNamesFileAndReason(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", "Fine.\n")
	write(t, dir, "empty.txt", "  \n")
	write(t, dir, "latin1.txt", "caf\xe9\n")
	write(t, dir, "bin.txt", "a\x00b")
	write(t, dir, "bad.jsonl", "{\"id\":\"x\",\"text\":\"ok\"}\n{not json\n{\"title\":\"no id\",\"text\":\"t\"}\n")
	docs, errs := Read([]string{dir, filepath.Join(dir, "missing.txt")}, nil)
	if len(docs) != 2 {
		t.Errorf("got %d documents, want 2 (good, x)", len(docs))
	}
	want := []string{"empty.txt (document empty): empty file", "latin1.txt (document latin1): not valid UTF-8 (first bad byte at offset 3)",
		"bin.txt (document bin): binary file", "bad.jsonl:2: malformed JSON", "bad.jsonl:3: field id is missing", "missing.txt: no such file"}
	all := ""
	for _, e := range errs {
		var de *DocError
		if !errors.As(e, &de) {
			t.Errorf("error %v is not a *DocError", e)
		}
		all += e.Error() + "\n"
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("errors lack %q; got:\n%s", w, all)
		}
	}
}

func TestBundledCorpus(t *testing.T) {
	docs, errs := Read([]string{"../data/corpus"}, nil)
	if len(errs) > 0 || len(docs) != 4 {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	publishers := 0
	for _, d := range docs {
		if d.PublishedAt == "" || d.Title == "" {
			t.Errorf("%s: manifest metadata missing: title %q, publishedAt %q", d.ID, d.Title, d.PublishedAt)
		}
		if d.Publisher != "" {
			publishers++
		}
	}
	if publishers != 2 { // two scrapes lost their publisher
		t.Errorf("%d documents have a publisher, want 2", publishers)
	}
}
