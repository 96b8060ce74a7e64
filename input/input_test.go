package input

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgraph/factgraph/kg"
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
	docs, errs := Read(context.Background(), []string{dir}, nil)
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
	docs, errs := Read(context.Background(), []string{dir, filepath.Join(dir, "missing.txt")}, nil)
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
	docs, errs := Read(context.Background(), []string{"../data/corpus"}, nil)
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

// TestLongJSONLineIsReportedAndReadingGoesOn puts a line over MaxBytes
// between two good ones: it is reported with its file and line, and the
// line after it is read.
func TestLongJSONLineIsReportedAndReadingGoesOn(t *testing.T) {
	dir := t.TempDir()
	long := `{"id":"big","text":"` + strings.Repeat("x", MaxBytes) + `"}`
	p := write(t, dir, "a.jsonl", `{"id":"one","text":"First."}`+"\n"+long+"\n"+`{"id":"three","text":"Third."}`+"\n"+long)
	docs, errs := Read(context.Background(), []string{p}, nil)
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if strings.Join(ids, ",") != "one,three" {
		t.Errorf("documents %v, want one,three", ids)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v, want lines 2 and 4 reported", errs)
	}
	for i, line := range []int{2, 4} {
		var de *DocError
		if !errors.As(errs[i], &de) || de.Line != line || de.File != p || !strings.Contains(de.Error(), "longer than") {
			t.Errorf("error %d = %v, want %s:%d: line longer than ...", i, errs[i], p, line)
		}
	}
}

func TestReadLineLimits(t *testing.T) {
	for _, tt := range []struct {
		in      string
		max     int
		lines   []string
		tooLong []bool
	}{
		{"abc\nde\n", 3, []string{"abc", "de"}, []bool{false, false}},
		{"abcd\nde", 3, []string{"", "de"}, []bool{true, false}},
		{"abc\nabcd", 3, []string{"abc", ""}, []bool{false, true}},
		{"abc", 3, []string{"abc"}, []bool{false}},
	} {
		r := bufio.NewReaderSize(strings.NewReader(tt.in), 16) // smaller than some lines
		var lines []string
		var long []bool
		for {
			l, tl, err := readLine(r, tt.max)
			if len(l) > 0 || tl || err == nil {
				lines, long = append(lines, string(l)), append(long, tl)
			}
			if err != nil {
				break
			}
		}
		if strings.Join(lines, "|") != strings.Join(tt.lines, "|") || fmt.Sprint(long) != fmt.Sprint(tt.tooLong) {
			t.Errorf("%q max %d: lines %q %v, want %q %v", tt.in, tt.max, lines, long, tt.lines, tt.tooLong)
		}
	}
}

// TestNamedPipeIsSkipped puts a named pipe (with no writer: reading it would
// block forever) among the files: it is reported and skipped, given as a
// directory entry or by name.
func TestNamedPipeIsSkipped(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", "Fine.\n")
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for name, paths := range map[string][]string{"directory": {dir}, "by name": {fifo, filepath.Join(dir, "good.txt")}} {
		t.Run(name, func(t *testing.T) {
			type result struct {
				docs []kg.Document
				errs []error
			}
			done := make(chan result, 1)
			go func() {
				docs, errs := Read(context.Background(), paths, nil)
				done <- result{docs, errs}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Read blocked on the named pipe")
			}
			if len(r.docs) != 1 || r.docs[0].ID != "good" {
				t.Errorf("documents %+v, want good only", r.docs)
			}
			if len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), "pipe.txt: not a regular file (a named pipe)") {
				t.Errorf("errors %v, want pipe.txt reported as a named pipe", r.errs)
			}
		})
	}
}

// TestReadStopsWhenCancelled checks that a cancelled read stops and says so.
func TestReadStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "A.\n")
	write(t, dir, "b.jsonl", `{"id":"b","text":"B."}`+"\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs, errs := Read(ctx, []string{dir}, nil)
	if len(docs) != 0 || len(errs) == 0 || !errors.Is(errs[len(errs)-1], context.Canceled) {
		t.Errorf("cancelled read: %d documents, errors %v; want none and context.Canceled", len(docs), errs)
	}
}

func TestURLMustBeHTTP(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", `{"id":"evil","url":"javascript:alert(1)","text":"Text."}`+"\n"+`{"id":"fine","url":"https://example.com/a","text":"Text."}`+"\n")
	docs, errs := Read(context.Background(), []string{p}, nil)
	if len(docs) != 1 || docs[0].ID != "fine" {
		t.Errorf("documents %+v, want fine only", docs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `a.jsonl:1 (document evil): field url "javascript:alert(1)": want an http or https URL`) {
		t.Errorf("errors %v, want line 1, document evil and field url named", errs)
	}
	m := write(t, dir, "manifest.yaml", "documents:\n  x.txt: {url: \"javascript:alert(1)\"}\n")
	if _, err := ReadManifest(m); err == nil || !strings.Contains(err.Error(), `x.txt: field url "javascript:alert(1)"`) {
		t.Errorf("manifest with a javascript: url: %v, want x.txt and field url named", err)
	}
}
