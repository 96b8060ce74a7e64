package kg

import (
	"errors"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Washington Post", "washington post"},
		{"Amazon.com", "amazon com"},
		{"  Department of  Defense ", "department of defense"},
		{"Trump’s", "trump's"},
		{"U.S.", "u s"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEntityIDStable(t *testing.T) {
	a := EntityID(Organization, "The Washington Post")
	b := EntityID(Organization, "washington post")
	if a != b {
		t.Errorf("ids differ for equivalent names: %s %s", a, b)
	}
	if a == EntityID(Person, "washington post") {
		t.Error("person and organization share an id")
	}
}

func TestCheckURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"":                                 true,
		"https://example.com/a?b=c":        true,
		"http://example.com":               true,
		"HTTPS://EXAMPLE.COM/X":            true,
		"javascript:alert(1)":              false,
		"JavaScript:alert(1)":              false,
		" javascript:alert(1)":             false,
		"data:text/html,<script>":          false,
		"file:///etc/passwd":               false,
		"/relative/path":                   false,
		"example.com/a":                    false,
		"http:///no-host":                  false,
		"https://example.com/a b":          false,
		"vbscript:msgbox":                  false,
		"ftp://example.com/file":           false,
		"https://example.com/\njavascript": false,
	} {
		err := CheckURL(raw)
		if (err == nil) != ok {
			t.Errorf("CheckURL(%q) = %v, want ok=%v", raw, err, ok)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("CheckURL(%q) = %v, want it to wrap ErrInvalid", raw, err)
		}
	}
}

// FuzzKeyASCII: Key's one-pass ASCII path gives what the general path
// gives.
func FuzzKeyASCII(f *testing.F) {
	for _, s := range []string{"", "the the", "The Washington Post", "amazon com", " a", "a  b", "a b ", ".a", "U.S.", "o'neil", "A-B c", "the", "the x", "x the y", "ab. cd", "a\tb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return
			}
		}
		if got, want := Key(s), keyUnicode(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestKeyOfKeyAllocatesNothing(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = Key("department of defense") }); n != 0 {
		t.Errorf("%v allocations for a name already in key form", n)
	}
}
