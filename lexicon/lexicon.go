package lexicon

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.txt
var builtin embed.FS

// Entry is one line of a lexicon file: a phrase and its attributes.
//
// File format (UTF-8 text, one entry per line):
//
//	# comment
//	phrase | key=value | key=value
//
// Blank lines and lines starting with # are ignored. Attribute values may not
// contain "|". What a phrase and its attributes mean is up to the stage that
// reads the file (see the header comment of each file in lexicon/).
type Entry struct {
	Phrase string
	Attrs  map[string]string
	File   string // file:line, for error messages
}

// Attr returns the attribute's value, or "".
func (e Entry) Attr(k string) string { return e.Attrs[k] }

// Lexicon is the set of lexicon files by name without extension
// ("titles", "org_heads", ...).
type Lexicon struct {
	Files map[string][]Entry
}

// Entries returns the entries of a file (nil if absent).
func (l *Lexicon) Entries(name string) []Entry { return l.Files[name] }

// Load reads the built-in lexicons and then every *.txt file of each
// extra file system, whose entries are appended to the built-in file of the
// same name (a new name adds a new file). It fails on a malformed line,
// naming the file and line.
func Load(extra ...fs.FS) (*Lexicon, error) {
	l := &Lexicon{Files: map[string][]Entry{}}
	sub, err := fs.Sub(builtin, "data")
	if err != nil {
		return nil, err
	}
	for _, fsys := range append([]fs.FS{sub}, extra...) {
		if err := l.add(fsys); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// Builtin returns the entries of one built-in file (name without
// extension), for a stage that needs that file alone at start-up; it
// panics on a malformed line, as the built-ins are tested to parse.
func Builtin(name string) []Entry {
	data, err := builtin.ReadFile("data/" + name + ".txt")
	if err != nil {
		return nil
	}
	entries, err := parseLexicon(name+".txt", string(data))
	if err != nil {
		panic(err)
	}
	return entries
}

// Must is the built-in lexicon (Load() with no extra files, which are
// tested to parse), loaded once and shared by every caller: treat it as
// read-only. Sharing it matters beyond the load: the extractor prepares
// its stages once per lexicon value and keeps them, so a fresh lexicon per
// call would prepare, and keep, them again each time.
func Must() *Lexicon { return builtinLexicon() }

var builtinLexicon = sync.OnceValue(func() *Lexicon {
	l, err := Load()
	if err != nil {
		panic(err)
	}
	return l
})

func (l *Lexicon) add(fsys fs.FS) error {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("lexicon %s: %w", name, err)
		}
		stem := strings.TrimSuffix(path.Base(name), ".txt")
		entries, err := parseLexicon(name, string(data))
		if err != nil {
			return err
		}
		l.Files[stem] = append(l.Files[stem], entries...)
	}
	return nil
}

func parseLexicon(name, data string) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "|")
		e := Entry{Phrase: strings.TrimSpace(fields[0]), Attrs: map[string]string{}, File: fmt.Sprintf("%s:%d", name, n)}
		if e.Phrase == "" {
			return nil, fmt.Errorf("lexicon %s:%d: empty phrase", name, n)
		}
		for _, f := range fields[1:] {
			k, v, ok := strings.Cut(strings.TrimSpace(f), "=")
			if !ok || strings.TrimSpace(k) == "" {
				return nil, fmt.Errorf("lexicon %s:%d: attribute %q is not key=value", name, n, strings.TrimSpace(f))
			}
			e.Attrs[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// LoadDir is Load with the lexicon files of directory dir added to the
// built-ins, or the built-ins alone when dir is "". It fails when dir is not
// a directory or a file in it is malformed.
func LoadDir(dir string) (*Lexicon, error) {
	if dir == "" {
		return Load()
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("lexicon directory %s: not a directory", dir)
	}
	return Load(os.DirFS(dir))
}

// Fingerprint is a digest of every entry of l (files, phrases and
// attributes, in a fixed order): two lexicons with the same fingerprint
// extract the same way. Empty for a nil lexicon.
func (l *Lexicon) Fingerprint() string {
	if l == nil {
		return ""
	}
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(l.Files)) {
		fmt.Fprintf(h, "file %s\n", name)
		for _, e := range l.Files[name] {
			fmt.Fprintf(h, "%q", e.Phrase)
			for _, k := range slices.Sorted(maps.Keys(e.Attrs)) {
				fmt.Fprintf(h, " %q=%q", k, e.Attrs[k])
			}
			h.Write([]byte{'\n'})
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
