package morph

import (
	"slices"
	"testing"
)

func TestVerb(t *testing.T) {
	in := New([]Irregular{{"seek", []string{"sought"}}, {"bring", []string{"brought"}}}, nil)
	cases := []struct {
		base string
		want []string // forms that must be generated
		not  []string // forms that must not
	}{
		{"hire", []string{"hire", "hires", "hired", "hiring"}, []string{"hireed", "hireing"}},
		{"deny", []string{"denies", "denied", "denying"}, []string{"denyed"}},
		{"ban", []string{"bans", "banned", "banning"}, nil},
		{"open", []string{"opened", "opening"}, nil},
		{"cancel", []string{"canceled", "cancelled", "canceling", "cancelling"}, nil},
		{"push", []string{"pushes", "pushed"}, nil},
		{"sue", []string{"sues", "sued", "suing"}, []string{"sueing"}},
		{"seek", []string{"seeks", "sought", "seeking"}, []string{"seeked"}},
		{"step down", []string{"step down", "steps down", "stepped down", "stepping down"}, nil},
		{"agree", []string{"agreed", "agreeing"}, nil},
		{"veto", []string{"vetoes", "vetoed"}, nil},
	}
	for _, c := range cases {
		t.Run(c.base, func(t *testing.T) {
			got := in.Verb(c.base)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("Verb(%q) = %v, missing %q", c.base, got, w)
				}
			}
			for _, w := range c.not {
				if slices.Contains(got, w) {
					t.Errorf("Verb(%q) = %v, has %q", c.base, got, w)
				}
			}
		})
	}
}

func TestNoun(t *testing.T) {
	in := New(nil, []Irregular{{"person", []string{"people", "persons"}}})
	cases := []struct {
		base string
		want []string
	}{
		{"appeal", []string{"appeal", "appeals"}},
		{"inquiry", []string{"inquiry", "inquiries"}},
		{"task order", []string{"task order", "task orders"}},
		{"motion to dismiss", []string{"motion to dismiss", "motions to dismiss"}},
		{"person", []string{"person", "people", "persons"}},
		{"tax", []string{"taxes"}},
	}
	for _, c := range cases {
		t.Run(c.base, func(t *testing.T) {
			got := in.Noun(c.base)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("Noun(%q) = %v, missing %q", c.base, got, w)
				}
			}
		})
	}
}

func TestNilInflector(t *testing.T) {
	var in *Inflector
	if got := in.Verb("file"); !slices.Contains(got, "filed") {
		t.Errorf("nil Verb(file) = %v", got)
	}
	if got := in.Noun("lawsuit"); !slices.Contains(got, "lawsuits") {
		t.Errorf("nil Noun(lawsuit) = %v", got)
	}
}
