package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The name stages need these files, each non-empty.
func TestBuiltinNameLexicons(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"boilerplate", "titles", "org_heads", "agencies", "nicknames", "first_names", "places", "calendar", "honorifics", "org_cues", "role_words", "event_words", "program_cues", "occupations"} {
		t.Run(name, func(t *testing.T) {
			if len(l.Entries(name)) == 0 {
				t.Fatalf("lexicon %s is missing or empty", name)
			}
			seen := map[string]string{}
			for _, e := range l.Entries(name) {
				k := e.Phrase
				if prev, ok := seen[k]; ok && name != "nicknames" {
					t.Errorf("%s: %q already at %s", e.File, e.Phrase, prev)
				}
				seen[k] = e.File
			}
		})
	}
}

func TestAttributes(t *testing.T) {
	l := Must()
	check := func(file, phrase, key, want string) {
		t.Helper()
		for _, e := range l.Entries(file) {
			if e.Phrase == phrase {
				if got := e.Attr(key); got != want {
					t.Errorf("%s %q %s=%q, want %q", file, phrase, key, got, want)
				}
				return
			}
		}
		t.Errorf("%s has no %q", file, phrase)
	}
	check("agencies", "Pentagon", "canonical", "Department of Defense")
	check("agencies", "CIA", "canonical", "Central Intelligence Agency")
	check("titles", "Defense Secretary", "org", "Department of Defense")
	check("titles", "President", "org", "none")
	check("nicknames", "Jim", "formal", "James")
	check("org_heads", "Corporation", "legal", "1")
	check("boilerplate", "now playing", "match", "exact")
}

func TestLoadExtendsBuiltin(t *testing.T) {
	extra := fstest.MapFS{"agencies.txt": {Data: []byte("Space Force | kind=agency\n")}}
	l, err := Load(extra)
	if err != nil {
		t.Fatal(err)
	}
	last := l.Entries("agencies")[len(l.Entries("agencies"))-1]
	if last.Phrase != "Space Force" || len(l.Entries("agencies")) < 10 {
		t.Errorf("extra entry not appended: %+v", last)
	}
	if _, err := Load(fstest.MapFS{"titles.txt": {Data: []byte("CEO | org\n")}}); err == nil || !strings.Contains(err.Error(), "titles.txt:1") {
		t.Errorf("malformed line error = %v, want file and line", err)
	}
}

// Builtin reads one built-in file as Load reads it.
func TestBuiltinOneFile(t *testing.T) {
	want := Must().Entries("calendar")
	got := Builtin("calendar")
	if len(got) == 0 || len(got) != len(want) {
		t.Fatalf("Builtin(calendar): %d entries, Load: %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Phrase != want[i].Phrase || got[i].Attr("month") != want[i].Attr("month") || got[i].File != want[i].File {
			t.Errorf("entry %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if Builtin("no_such_file") != nil {
		t.Error("Builtin of a missing file is not nil")
	}
}

func TestFingerprint(t *testing.T) {
	a, b := Must().Fingerprint(), Must().Fingerprint()
	if a == "" || a != b {
		t.Fatalf("fingerprints of the built-in lexicon: %q and %q, want one non-empty value", a, b)
	}
	for name, extra := range map[string]string{
		"a new entry":     "Grand Vizier\n",
		"a new attribute": "President | org=none | observer=1\n",
	} {
		l, err := Load(fstest.MapFS{"titles.txt": {Data: []byte(extra)}})
		if err != nil {
			t.Fatal(err)
		}
		if l.Fingerprint() == a {
			t.Errorf("%s left the fingerprint as it was", name)
		}
	}
	var none *Lexicon
	if none.Fingerprint() != "" {
		t.Error("a nil lexicon has a fingerprint")
	}
}

// TestMustIsShared: the built-in lexicon is loaded once; a fresh one per
// call would make the extractor prepare (and keep) its stages again each
// time.
func TestMustIsShared(t *testing.T) {
	if Must() != Must() {
		t.Fatal("Must() returned two lexicons")
	}
}
