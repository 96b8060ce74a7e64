package input

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/factgraph/factgraph/kg"
)

// MaxBytes bounds one document (and one JSON line).
const MaxBytes = 8 << 20

// Extensions lists the file name endings Read accepts.
var Extensions = []string{".txt", ".md", ".html", ".htm", ".jsonl"}

// DocError is a problem with one document.
type DocError struct {
	File string // path of the file
	Line int    // line for .jsonl, else 0
	Doc  string // document id, if known
	Err  error
}

func (e *DocError) Error() string {
	where := e.File
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Doc != "" {
		where += " (document " + e.Doc + ")"
	}
	return where + ": " + e.Err.Error()
}

func (e *DocError) Unwrap() error { return e.Err }

// Meta is the metadata a manifest gives one file.
type Meta struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Publisher   string `yaml:"publisher"`
	URL         string `yaml:"url"`
	PublishedAt string `yaml:"publishedAt"`
}

// Manifest maps file names (relative to the manifest) to metadata.
type Manifest struct {
	Documents map[string]Meta `yaml:"documents"`
	dir       string
}

// ReadManifest parses a manifest file.
func ReadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	var m Manifest
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	abs, _ := filepath.Abs(filepath.Dir(path))
	m.dir = abs
	for name, meta := range m.Documents {
		if meta.PublishedAt != "" && !validDate(meta.PublishedAt) {
			return nil, fmt.Errorf("manifest %s: %s: publishedAt %q is not YYYY-MM-DD", path, name, meta.PublishedAt)
		}
		if err := kg.CheckURL(meta.URL); err != nil {
			return nil, fmt.Errorf("manifest %s: %s: field %w", path, name, err)
		}
	}
	return &m, nil
}

func (m *Manifest) lookup(file string) (Meta, bool) {
	if m == nil {
		return Meta{}, false
	}
	abs, _ := filepath.Abs(file)
	rel, err := filepath.Rel(m.dir, abs)
	if err != nil {
		return Meta{}, false
	}
	meta, ok := m.Documents[filepath.ToSlash(rel)]
	return meta, ok
}

// Read expands paths (files, directories, globs) and reads every document.
// manifest may be nil; a manifest.yaml found in a directory that is read is
// used for that directory's files. Documents come back in path order.
// Files that are not regular files (named pipes, devices, sockets) are
// reported and skipped, never opened for reading, so nothing can block.
// When ctx is done Read stops between files and .jsonl lines and returns
// ctx's error last in the errors.
func Read(ctx context.Context, paths []string, manifest *Manifest) ([]kg.Document, []error) {
	var docs []kg.Document
	errs := Each(ctx, paths, manifest, func(d kg.Document) { docs = append(docs, d) })
	return docs, errs
}

// Each is Read without holding the documents: it calls emit with each one
// in turn, in the same order, and returns the errors. Memory does not grow
// with the number of documents beyond one id per document (to refuse
// duplicates).
func Each(ctx context.Context, paths []string, manifest *Manifest, emit func(kg.Document)) []error {
	files, errs := expand(paths)
	manifests := map[string]*Manifest{}
	seen := map[string]string{}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return append(errs, fmt.Errorf("reading stopped before %s: %w", f, err))
		}
		m := manifest
		if m == nil {
			m = dirManifest(filepath.Dir(f), manifests, &errs)
		}
		add := func(d kg.Document) {
			if prev, dup := seen[d.ID]; dup {
				errs = append(errs, &DocError{File: f, Doc: d.ID, Err: fmt.Errorf("duplicate document id (also in %s)", prev)})
				return
			}
			seen[d.ID] = f
			emit(d)
		}
		if strings.EqualFold(filepath.Ext(f), ".jsonl") {
			errs = append(errs, readJSONL(ctx, f, add)...)
			continue
		}
		d, err := readFile(f, m)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		add(d)
	}
	return errs
}

func dirManifest(dir string, cache map[string]*Manifest, errs *[]error) *Manifest {
	if m, ok := cache[dir]; ok {
		return m
	}
	var m *Manifest
	p := filepath.Join(dir, "manifest.yaml")
	if _, err := os.Stat(p); err == nil {
		var rerr error
		if m, rerr = ReadManifest(p); rerr != nil {
			*errs = append(*errs, rerr)
		}
	}
	cache[dir] = m
	return m
}

func expand(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	// add adds p if its extension is one of Extensions (and reports it
	// when it is not a regular file); it returns false for other extensions.
	add := func(p string) bool {
		for _, e := range Extensions {
			if strings.EqualFold(filepath.Ext(p), e) {
				if err := regular(p); err != nil {
					errs = append(errs, &DocError{File: p, Err: err})
				} else {
					files = append(files, p)
				}
				return true
			}
		}
		return false
	}
	for _, p := range paths {
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			var err error
			if matches, err = filepath.Glob(p); err != nil || len(matches) == 0 {
				errs = append(errs, &DocError{File: p, Err: errors.New("pattern matches no file")})
				continue
			}
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				errs = append(errs, &DocError{File: m, Err: unwrapPathErr(err)})
				continue
			}
			if !st.IsDir() {
				if len(matches) == 1 && !strings.ContainsAny(p, "*?[") {
					if !add(m) {
						errs = append(errs, &DocError{File: m, Err: fmt.Errorf("unsupported file type %q (want one of %s)", filepath.Ext(m), strings.Join(Extensions, " "))})
					}
					continue
				}
				add(m)
				continue
			}
			err = filepath.WalkDir(m, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					errs = append(errs, &DocError{File: path, Err: unwrapPathErr(err)})
					return nil
				}
				if !d.IsDir() { // a symbolic link to a directory is not followed
					add(path)
				}
				return nil
			})
			if err != nil {
				errs = append(errs, &DocError{File: m, Err: err})
			}
		}
	}
	sort.Strings(files)
	return dedupe(files), errs
}

func dedupe(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// regular refuses a path that is not a regular file (following symbolic
// links): reading a named pipe would block until a writer comes, a device
// might never end.
func regular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return unwrapPathErr(err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("not a regular file (%s); skipped", fileKind(st.Mode()))
	}
	return nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "mode " + m.String()
}

// open opens a regular file for reading. It opens without blocking and
// checks the opened file, so a path swapped for a named pipe after expand
// looked at it cannot hang the reader.
func open(path string) (*os.File, error) {
	f, err := openNonblock(path)
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, unwrapPathErr(err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("not a regular file (%s); skipped", fileKind(st.Mode()))
	}
	return f, nil
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(path string, m *Manifest) (kg.Document, error) {
	raw, err := readLimited(path)
	if err != nil {
		return kg.Document{}, &DocError{File: path, Err: err}
	}
	meta, _ := m.lookup(path)
	id := meta.ID
	if id == "" {
		id = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	d := kg.Document{ID: id, File: filepath.ToSlash(path), Title: meta.Title, Publisher: meta.Publisher,
		URL: meta.URL, PublishedAt: meta.PublishedAt, SHA256: sum(raw)}
	if err := checkText(raw); err != nil {
		return kg.Document{}, &DocError{File: path, Doc: id, Err: err}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		title, text := HTMLText(string(raw))
		d.Text = text
		if d.Title == "" {
			d.Title = title
		}
	case ".md":
		d.Text = string(raw)
		if d.Title == "" {
			d.Title = markdownTitle(d.Text)
		}
	default:
		d.Text = string(raw)
	}
	if strings.TrimSpace(d.Text) == "" {
		return kg.Document{}, &DocError{File: path, Doc: id, Err: errors.New("no text")}
	}
	if d.Title == "" {
		d.Title = filepath.Base(path)
	}
	return d, nil
}

func readLimited(path string) ([]byte, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, unwrapPathErr(err)
	}
	if n > MaxBytes {
		return nil, fmt.Errorf("larger than %d bytes", MaxBytes)
	}
	return buf.Bytes(), nil
}

func checkText(raw []byte) error {
	switch {
	case len(bytes.TrimSpace(raw)) == 0:
		return errors.New("empty file")
	case bytes.IndexByte(raw, 0) >= 0:
		return errors.New("binary file (contains NUL bytes)")
	case !utf8.Valid(raw):
		off := 0
		for off < len(raw) {
			r, size := utf8.DecodeRune(raw[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return fmt.Errorf("not valid UTF-8 (first bad byte at offset %d)", off)
	}
	return nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func markdownTitle(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if t, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return ""
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// jsonArticle is one line of a .jsonl file.
type jsonArticle struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	Publisher   string `json:"publisher"`
	PublishedAt string `json:"publishedAt"`
	Text        string `json:"text"`
	HTML        string `json:"html"`
}

// readJSONL reads one article per line. A bad line (too long, not UTF-8,
// malformed, missing fields) is reported with its line number and the next
// line is read.
func readJSONL(ctx context.Context, path string, emit func(kg.Document)) []error {
	f, err := open(path)
	if err != nil {
		return []error{&DocError{File: path, Err: err}}
	}
	defer f.Close()
	var errs []error
	r := bufio.NewReaderSize(f, 64<<10)
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			errs = append(errs, &DocError{File: path, Line: line, Err: fmt.Errorf("reading stopped: %w", err)})
			break
		}
		raw, tooLong, err := readLine(r, MaxBytes)
		if err != nil && err != io.EOF {
			errs = append(errs, &DocError{File: path, Line: line, Err: unwrapPathErr(err)})
			break
		}
		fail := func(id string, err error) { errs = append(errs, &DocError{File: path, Line: line, Doc: id, Err: err}) }
		if tooLong {
			fail("", fmt.Errorf("line longer than %d bytes; skipped", MaxBytes))
			continue
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			if err == io.EOF {
				break
			}
			continue
		}
		if !utf8.Valid(raw) {
			fail("", errors.New("not valid UTF-8"))
			continue
		}
		var a jsonArticle
		if err := json.Unmarshal(raw, &a); err != nil {
			fail("", fmt.Errorf("malformed JSON: %v", err))
			continue
		}
		switch {
		case a.ID == "":
			fail("", errors.New("field id is missing"))
			continue
		case a.Text == "" && a.HTML == "":
			fail(a.ID, errors.New("fields text and html are both empty"))
			continue
		case a.PublishedAt != "" && !validDate(a.PublishedAt):
			fail(a.ID, fmt.Errorf("field publishedAt %q is not YYYY-MM-DD", a.PublishedAt))
			continue
		}
		if err := kg.CheckURL(a.URL); err != nil {
			fail(a.ID, fmt.Errorf("field %w", err))
			continue
		}
		d := kg.Document{ID: a.ID, File: filepath.ToSlash(path), Title: a.Title, URL: a.URL, Publisher: a.Publisher,
			PublishedAt: a.PublishedAt, Text: a.Text}
		if a.Text == "" {
			title, text := HTMLText(a.HTML)
			d.Text = text
			if d.Title == "" {
				d.Title = title
			}
		}
		if strings.ContainsRune(d.Text, 0) {
			fail(a.ID, errors.New("text contains NUL bytes"))
			continue
		}
		d.SHA256 = sum([]byte(d.Text))
		emit(d)
	}
	return errs
}

// readLine returns the next line of r without its end of line. A line over
// max bytes is read to its end but not kept: tooLong reports it. err is
// io.EOF with the last line of a file that does not end in a newline (and
// with an empty line at the end).
func readLine(r *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	n := 0
	for {
		chunk, err := r.ReadSlice('\n')
		n += len(chunk)
		if !tooLong {
			if n-1 > max || (err != nil && n > max) { // the newline does not count
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}
