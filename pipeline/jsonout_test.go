package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/factgraph/factgraph/corpusgen/gentest"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/resolve"
)

// TestWriteJSONIsTheGraph checks that the streamed graph is byte for byte
// the encoding of the graph held in memory (resolve.GraphBuilder, what
// loader --json wrote before it streamed), on the bundled corpus and on
// generated documents, with partitions of the default size and with tiny
// ones, so that mentions, roles and relations are split over many spill
// files and merged across them.
func TestWriteJSONIsTheGraph(t *testing.T) {
	gen := gentest.File(t, 300, 7)
	for _, c := range []struct {
		name  string
		paths []string
	}{
		{"corpus", []string{"../data/corpus"}},
		{"generated", []string{gen}},
		{"both", []string{"../data/corpus", gen}},
	} {
		for _, parts := range []struct {
			name            string
			mentions, facts int
		}{
			{"default", jsonMentionsPerPart, jsonFactsPerPart},
			{"tiny", 7, 3},
		} {
			t.Run(c.name+"/"+parts.name, func(t *testing.T) {
				defer func(m, f int) { jsonMentionsPerPart, jsonFactsPerPart = m, f }(jsonMentionsPerPart, jsonFactsPerPart)
				jsonMentionsPerPart, jsonFactsPerPart = parts.mentions, parts.facts
				ctx := context.Background()
				src := func(ctx context.Context, emit func(kg.Document)) []error {
					return input.Each(ctx, c.paths, nil, emit)
				}
				x, err := ExtractFrom(ctx, src, lexicon.Must(), nil, 2, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				defer x.Close()
				if len(x.DocErrs) > 0 {
					t.Fatal(x.DocErrs)
				}
				var b resolve.GraphBuilder
				if err := x.Each(ctx, func(ex kg.Extraction) error { b.Add(ex); return nil }); err != nil {
					t.Fatal(err)
				}
				g := b.Graph(x.Table)
				var want, got bytes.Buffer
				if err := EncodeGraph(&want, g); err != nil {
					t.Fatal(err)
				}
				dir := t.TempDir()
				n, err := x.WriteJSON(ctx, &got, dir)
				if err != nil {
					t.Fatal(err)
				}
				if left, _ := os.ReadDir(dir); len(left) > 0 {
					t.Errorf("spill files left behind: %v", left)
				}
				wantN := GraphCounts{len(g.Documents), len(g.Entities), len(g.Roles), len(g.Relations), len(g.Events), len(g.Claims)}
				if n != wantN {
					t.Errorf("counts = %+v, want %+v", n, wantN)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					i := 0
					for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
						i++
					}
					t.Fatalf("streamed JSON differs from the in-memory graph's at byte %d:\ngot  %q\nwant %q",
						i, got.Bytes()[max(0, i-80):min(got.Len(), i+80)], want.Bytes()[max(0, i-80):min(want.Len(), i+80)])
				}
				var parsed kg.Graph
				if err := json.Unmarshal(got.Bytes(), &parsed); err != nil {
					t.Fatalf("streamed JSON does not parse: %v", err)
				}
				if len(parsed.Documents) == 0 || len(parsed.Entities) == 0 || len(parsed.Events) == 0 {
					t.Errorf("empty sections: %+v", n)
				}
			})
		}
	}
}
