package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/google/go-cmp/cmp"
)

func cleaned(text, title string) []string {
	d := &docState{Doc: kg.Document{ID: "t", Text: text, Title: title}, Lex: lexicon.Must()}
	clean(d)
	var out []string
	for _, p := range d.Paras {
		out = append(out, p.Text)
	}
	return out
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, text, title string
		want              []string
	}{
		{"keeps prose", "Acme sued the agency.\n\nIt wants damages.", "", []string{"Acme sued the agency.", "It wants damages."}},
		{"photo credit line", "Jane Doe at the event. (Acme Photo / John Roe)\nAcme sued.", "", []string{"Acme sued."}},
		{"photo prefix", "PHOTO: John Roe/Getty Images\nAcme sued.", "", []string{"Acme sued."}},
		{"video list", "Now playing\n01:26\nJohn Roe explains it all (really)\nAcme sued.", "", []string{"Acme sued."}},
		{"headline repeated", "Acme Sues Agency\nAcme sued the agency.", "Acme Sues Agency", []string{"Acme sued the agency."}},
		{"duplicate lines", "Acme sued the agency.\nAcme sued the agency.\nIt wants damages.", "", []string{"Acme sued the agency.", "It wants damages."}},
		{"truncated caption", "NEW YORK, NY - JUNE 3: The Acme logo is seen on a building in the city during a sunny day at noon\nAcme sued.", "", []string{"Acme sued."}},
		{"alt text", "jane doe john roe\nAcme sued.", "", []string{"Acme sued."}},
		{"newsletter", "Like this story? Subscribe to our free newsletters.\nAcme sued.", "", []string{"Acme sued."}},
		{"contributors", "Acme sued.\nCNN's Jane Doe and John Roe contributed to this report.", "", []string{"Acme sued."}},
		{"teaser", "Follow-up: Can Acme win? Explaining the case\nAcme sued.", "", []string{"Acme sued."}},
		{"byline", "By Jane Doe\nAcme sued.", "", []string{"Acme sued."}},
		{"wire credit after prose", "Acme sued the agency on Monday over the award of the contract. (Reporting by Jane Doe; Editing by John Roe)", "", []string{"Acme sued the agency on Monday over the award of the contract."}},
		{"byline after prose", "The agency said it would review the award before the end of the year. Jane Doe, Federal News", "", []string{"The agency said it would review the award before the end of the year."}},
		{"link after prose", "The board met for three hours and voted to remove the president. Read more: Board fights", "", []string{"The board met for three hours and voted to remove the president."}},
		{"photo courtesy caption", "A nurse reviews patient records at a medical center in Ohio last week. Photo courtesy Jane Doe", "", nil},
		{"short head is a headline", "Acme sues. Agency responds to the claims", "", nil},
		{"lead-in colon kept", "The company said Monday:\n\u201cWe will appeal.\u201d", "", []string{"The company said Monday:", "\u201cWe will appeal.\u201d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, cleaned(tt.text, tt.title)); diff != "" {
				t.Errorf("clean (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCleanGolden checks kept paragraphs (with offsets) of testdata/clean_*.txt
// and of the bundled corpus.
func TestCleanGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/clean_*.txt")
	corpus, _ := filepath.Glob("../data/corpus/*.txt")
	for _, f := range append(files, corpus...) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if !strings.HasPrefix(name, "clean_") {
			name = "clean_corpus_" + name
		}
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := &docState{Doc: kg.Document{ID: "t", Text: string(b)}, Lex: lexicon.Must()}
			clean(d)
			for _, p := range d.Paras {
				if d.Doc.Text[p.Start:p.End] != p.Text {
					t.Fatalf("paragraph %d:%d is not a span of the original", p.Start, p.End)
				}
			}
			golden(t, name+".golden.json", d.Paras)
		})
	}
}

func FuzzClean(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.txt")
	for _, s := range seeds {
		b, _ := os.ReadFile(s)
		f.Add(string(b))
	}
	f.Add("Now playing\n00:49\n")
	f.Add("\u00a0\n\u200b x.\n")
	lex := lexicon.Must()
	f.Fuzz(func(t *testing.T, text string) {
		d := &docState{Doc: kg.Document{ID: "f", Text: text}, Lex: lex}
		clean(d)
		last := -1
		for _, p := range d.Paras {
			if p.Start < 0 || p.End > len(text) || p.Start >= p.End || p.Start < last {
				t.Fatalf("bad paragraph span %d:%d in %d bytes", p.Start, p.End, len(text))
			}
			if text[p.Start:p.End] != p.Text {
				t.Fatalf("paragraph text differs from original span")
			}
			last = p.End
		}
	})
}
