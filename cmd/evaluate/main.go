package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/factgraph/factgraph/eval"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/pipeline"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	default:
		fmt.Fprintln(os.Stderr, "evaluate:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

type usageError struct{ error }

// errBelowMin is the error of a run whose overall F1 is below -min-f1.
var errBelowMin = errors.New("below -min-f1")

const goldSuffix = ".gold.yaml"

type options struct {
	gold, graph string
	manifest    *input.Manifest
	lex         *lexicon.Lexicon
	json        bool
	verbose     bool
	minF1       float64
	paths       []string
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.gold, "gold", "", "score all of PATHS (or -graph) against one gold `FILE`")
	fs.StringVar(&o.graph, "graph", "", "score the graph in `FILE` (loader --json output) instead of extracting; needs -gold")
	manifestPath := fs.String("manifest", "", "YAML `FILE` of per-file metadata (default: manifest.yaml beside the files)")
	lexDir := fs.String("lexicons", "", "`DIR` of extra lexicon files, appended to the built-in ones of the same names")
	fs.BoolVar(&o.json, "json", false, "print the whole result as JSON")
	fs.BoolVar(&o.verbose, "v", false, "without -gold: print each document's report before the table")
	fs.Float64Var(&o.minF1, "min-f1", 0, "exit with status 1 when the overall F1 (without -gold: the mean) is below `X`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, `Usage:
  evaluate -gold GOLD.yaml PATHS...         extract PATHS as one corpus and score it against GOLD.yaml
  evaluate -gold GOLD.yaml -graph G.json    score a graph written by loader --json
  evaluate PATHS...                         score each document NAME.txt against NAME%s beside it;
                                            a PATH may be a folder of such pairs

PATHS are files, folders or globs of %s, read as the loader reads them.
The last line printed is "overall F1 X".

Flags:
`, goldSuffix, strings.Join(input.Extensions, " "))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	o.paths = fs.Args()
	switch {
	case o.graph != "" && o.gold == "":
		return usageError{errors.New("-graph needs -gold")}
	case o.graph != "" && len(o.paths) > 0:
		return usageError{errors.New("give either -graph or PATHS, not both")}
	case o.graph == "" && len(o.paths) == 0:
		return usageError{errors.New("no documents: give PATHS (or -gold with -graph); -h for help")}
	}
	var err error
	if *manifestPath != "" {
		if o.manifest, err = input.ReadManifest(*manifestPath); err != nil {
			return usageError{err}
		}
	}
	if o.graph == "" {
		if o.lex, err = lexicon.LoadDir(*lexDir); err != nil {
			return usageError{fmt.Errorf("-lexicons: %w", err)}
		}
	}
	var overall float64
	if o.gold != "" {
		overall, err = scoreCorpus(ctx, o, stdout)
	} else {
		overall, err = scoreEach(ctx, o, stdout, stderr)
	}
	if err != nil {
		return err
	}
	if overall < o.minF1 {
		return fmt.Errorf("overall F1 %.3f is %w %g", overall, errBelowMin, o.minF1)
	}
	return nil
}

// scoreCorpus scores o.paths extracted together (or o.graph) against o.gold
// and prints the result.
func scoreCorpus(ctx context.Context, o options, stdout io.Writer) (float64, error) {
	gold, err := eval.ReadGold(o.gold)
	if err != nil {
		return 0, err
	}
	var g kg.Graph
	if o.graph != "" {
		g, err = readGraph(o.graph)
	} else {
		g, err = extractGraph(ctx, o.paths, o.manifest, o.lex)
	}
	if err != nil {
		return 0, err
	}
	res := eval.Score(g, gold)
	if o.json {
		return res.Overall, writeJSON(stdout, res)
	}
	return res.Overall, res.WriteText(stdout)
}

// readGraph reads a graph written by loader --json.
func readGraph(path string) (kg.Graph, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return kg.Graph{}, fmt.Errorf("read graph: %w", err)
	}
	var g kg.Graph
	if err := json.Unmarshal(data, &g); err != nil {
		return kg.Graph{}, fmt.Errorf("graph %s: %w", path, err)
	}
	return g, nil
}

// extractGraph reads the documents at paths and extracts them as one corpus,
// as loader --json does. Any unreadable or failing document is an error: a
// score of part of the documents would mislead.
func extractGraph(ctx context.Context, paths []string, manifest *input.Manifest, lex *lexicon.Lexicon) (kg.Graph, error) {
	docs, errs := input.Read(ctx, paths, manifest)
	if len(errs) > 0 {
		return kg.Graph{}, fmt.Errorf("read documents: %w", errors.Join(errs...))
	}
	if len(docs) == 0 {
		return kg.Graph{}, fmt.Errorf("no documents in %s", strings.Join(paths, " "))
	}
	_, g, errs := pipeline.Extract(docs, lex, nil, 0)
	if len(errs) > 0 {
		return kg.Graph{}, fmt.Errorf("extract: %w", errors.Join(errs...))
	}
	return g, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(v)
}

// pair is a document and its gold file.
type pair struct {
	name string // the document's file name without extension
	doc  string
	gold string
}

// pairs finds the document-and-gold pairs at paths: every NAME.gold.yaml in
// a folder with its document NAME.txt (or another input extension), a
// document with the gold file beside it, or a gold file with its document.
// Documents without a gold file in a folder or a glob are listed in skipped.
func pairs(paths []string) (ps []pair, skipped []string, err error) {
	seen := map[string]bool{} // gold files
	add := func(base string) error {
		pr, err := pairOf(base)
		if err == nil && !seen[pr.gold] {
			seen[pr.gold] = true
			ps = append(ps, pr)
		}
		return err
	}
	for _, p := range paths {
		glob := strings.ContainsAny(p, "*?[")
		matches := []string{p}
		if glob {
			if matches, _ = filepath.Glob(p); len(matches) == 0 {
				return nil, nil, fmt.Errorf("%s: pattern matches no file", p)
			}
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				return nil, nil, err
			}
			base := strings.TrimSuffix(m, filepath.Ext(m))
			switch {
			case st.IsDir():
				golds, _ := filepath.Glob(filepath.Join(m, "*"+goldSuffix))
				if len(golds) == 0 {
					return nil, nil, fmt.Errorf("%s: no NAME%s files beside the documents (to score them against one gold file, use -gold)", m, goldSuffix)
				}
				for _, g := range golds {
					if err := add(strings.TrimSuffix(g, goldSuffix)); err != nil {
						return nil, nil, err
					}
				}
				entries, err := os.ReadDir(m)
				if err != nil {
					return nil, nil, err
				}
				for _, e := range entries {
					f := filepath.Join(m, e.Name())
					if !e.IsDir() && isDocument(f) && !seen[strings.TrimSuffix(f, filepath.Ext(f))+goldSuffix] {
						skipped = append(skipped, f)
					}
				}
			case strings.HasSuffix(m, goldSuffix):
				if err := add(strings.TrimSuffix(m, goldSuffix)); err != nil {
					return nil, nil, err
				}
			case isDocument(m):
				if _, err := os.Stat(base + goldSuffix); err != nil && glob {
					skipped = append(skipped, m)
				} else if err := add(base); err != nil {
					return nil, nil, err
				}
			case !glob:
				return nil, nil, fmt.Errorf("%s: neither a document (%s) nor a gold file (NAME%s)", m, strings.Join(input.Extensions, " "), goldSuffix)
			}
		}
	}
	return ps, skipped, nil
}

// pairOf pairs base.gold.yaml with the one document base.EXT.
func pairOf(base string) (pair, error) {
	pr := pair{name: filepath.Base(base), gold: base + goldSuffix}
	if _, err := os.Stat(pr.gold); err != nil {
		return pair{}, fmt.Errorf("no gold file %s (to score against another gold file, use -gold)", pr.gold)
	}
	var docs []string
	for _, ext := range input.Extensions {
		if _, err := os.Stat(base + ext); err == nil {
			docs = append(docs, base+ext)
		}
	}
	switch len(docs) {
	case 0:
		return pair{}, fmt.Errorf("gold %s: no document %s%s beside it", pr.gold, pr.name, strings.Join(input.Extensions, ", "+pr.name))
	case 1:
		pr.doc = docs[0]
		return pr, nil
	default:
		return pair{}, fmt.Errorf("gold %s: more than one document for it: %s", pr.gold, strings.Join(docs, ", "))
	}
}

func isDocument(path string) bool {
	for _, ext := range input.Extensions {
		if strings.EqualFold(filepath.Ext(path), ext) {
			return true
		}
	}
	return false
}

// docResult is one document's score.
type docResult struct {
	Name     string      `json:"name"`
	Document string      `json:"document"`
	Gold     string      `json:"gold"`
	Result   eval.Result `json:"result"`
}

// suiteResult is the score of documents scored one by one.
type suiteResult struct {
	Documents []docResult `json:"documents"`
	Overall   float64     `json:"overall"` // the mean of the documents' overall F1
}

// scoreEach extracts each document of o.paths on its own, scores it against
// its gold file and prints a table with the mean.
func scoreEach(ctx context.Context, o options, stdout, stderr io.Writer) (float64, error) {
	s, skipped, err := scoreSuite(ctx, o.paths, o.manifest, o.lex)
	if err != nil {
		return 0, err
	}
	for _, f := range skipped {
		fmt.Fprintf(stderr, "evaluate: %s has no gold file; not scored\n", f)
	}
	if o.json {
		return s.Overall, writeJSON(stdout, s)
	}
	if o.verbose {
		for _, d := range s.Documents {
			fmt.Fprintf(stdout, "== %s (%s against %s)\n", d.Name, d.Document, d.Gold)
			if err := d.Result.WriteText(stdout); err != nil {
				return 0, err
			}
			fmt.Fprintln(stdout)
		}
	}
	return s.Overall, s.writeTable(stdout)
}

// scoreSuite scores each document of paths against its gold file.
func scoreSuite(ctx context.Context, paths []string, manifest *input.Manifest, lex *lexicon.Lexicon) (suiteResult, []string, error) {
	ps, skipped, err := pairs(paths)
	if err != nil {
		return suiteResult{}, nil, err
	}
	if len(ps) == 0 {
		return suiteResult{}, nil, fmt.Errorf("no document in %s has a NAME%s file beside it", strings.Join(paths, " "), goldSuffix)
	}
	var s suiteResult
	for _, p := range ps {
		if err := ctx.Err(); err != nil {
			return suiteResult{}, nil, err
		}
		gold, err := eval.ReadGold(p.gold)
		if err != nil {
			return suiteResult{}, nil, err
		}
		g, err := extractGraph(ctx, []string{p.doc}, manifest, lex)
		if err != nil {
			return suiteResult{}, nil, err
		}
		r := eval.Score(g, gold)
		s.Documents = append(s.Documents, docResult{Name: p.name, Document: p.doc, Gold: p.gold, Result: r})
		s.Overall += r.Overall
	}
	s.Overall /= float64(len(s.Documents))
	return s, skipped, nil
}

func (s suiteResult) writeTable(w io.Writer) error {
	width := len("mean")
	for _, d := range s.Documents {
		width = max(width, len(d.Name))
	}
	var sums [6]float64
	fmt.Fprintf(w, "%-*s  persons  orgs  roles  events  claims  overall\n", width, "doc")
	row := func(name string, f [6]float64) {
		fmt.Fprintf(w, "%-*s  %7.2f  %4.2f  %5.2f  %6.2f  %6.2f  %7.3f\n", width, name, f[0], f[1], f[2], f[3], f[4], f[5])
	}
	for _, d := range s.Documents {
		r := d.Result
		f := [6]float64{r.Persons.F1, r.Organizations.F1, r.Roles.F1, r.Events.F1, r.Claims.F1, r.Overall}
		for i := range f {
			sums[i] += f[i]
		}
		row(d.Name, f)
	}
	for i := range sums {
		sums[i] /= float64(len(s.Documents))
	}
	row("mean", sums)
	_, err := fmt.Fprintf(w, "overall F1 %.3f\n", s.Overall)
	return err
}
