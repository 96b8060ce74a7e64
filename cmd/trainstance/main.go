// Command trainstance learns the stance model (lexicon/data/stance_model.txt)
// from annotated articles: folders of NAME.txt documents with NAME.gold.yaml
// gold files, as cmd/evaluate reads them.
//
//	trainstance -o lexicon/data/stance_model.txt FOLDER...
//	trainstance -cv FOLDER...
//
// Each claim the extractor finds that quotes a gold claim and has one of its
// claimants is an example: the claim's stance features (extract's
// StanceFeatures, computed from the rules' stances) and the stances the gold
// accepts. The model is multinomial logistic regression with an L2 penalty,
// fitted by full-batch gradient descent from zero weights, so the same
// folders give the same file. A word feature is kept only when it occurs in
// claims of at least -min-docs documents from at least two folders, so that
// no article's own words or names become weights.
//
// With -cv it writes nothing: each folder in turn is held out, the model is
// learned from the others, and the held-out folder is scored with the
// rules' stances and with the model's (mean per-article F1 of claims, of
// the two stance questions and overall): how the model does on articles it
// has not seen.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/eval"
	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/pipeline"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "trainstance:", err)
		}
		os.Exit(2)
	}
}

type options struct {
	out     string
	cv      bool
	cfg     config
	folders []string
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("trainstance", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := options{cfg: defaultConfig()}
	fs.StringVar(&o.out, "o", "", "write the model to `FILE` (lexicon format)")
	fs.BoolVar(&o.cv, "cv", false, "hold out each folder in turn and report scores; write nothing")
	fs.Float64Var(&o.cfg.l2, "l2", o.cfg.l2, "L2 penalty `weight`")
	fs.IntVar(&o.cfg.iters, "iters", o.cfg.iters, "gradient descent `steps`")
	fs.IntVar(&o.cfg.minDocs, "min-docs", o.cfg.minDocs, "least `N` documents a word feature must occur in")
	fs.BoolVar(&o.cfg.noWords, "no-words", false, "leave out word features")
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.folders = fs.Args()
	if len(o.folders) < 2 || o.out == "" && !o.cv {
		return errors.New("usage: trainstance (-o FILE | -cv) FOLDER FOLDER...")
	}
	lex, err := lexicon.Load()
	if err != nil {
		return err
	}
	delete(lex.Files, "stance_model") // learn from the rules' stances alone
	sets, err := readSets(lex, o.folders, stderr)
	if err != nil {
		return err
	}
	if o.cv {
		crossValidate(sets, o.cfg, stdout)
		return nil
	}
	m := train(examplesOf(sets, ""), o.cfg)
	f, err := os.Create(o.out)
	if err != nil {
		return err
	}
	n := writeModel(f, m, o.folders)
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "trainstance: %d features written to %s\n", n, o.out)
	return nil
}

// article is one annotated document: its graph, gold, and each claim's
// stance features.
type article struct {
	set      string
	name     string
	graph    kg.Graph
	gold     *eval.Gold
	features map[string][]string
	labels   map[string][]string
}

// readSets extracts every annotated document of the folders.
func readSets(lex *lexicon.Lexicon, folders []string, stderr io.Writer) ([]article, error) {
	ex := extract.New(lex)
	var out []article
	for _, dir := range folders {
		golds, err := filepath.Glob(filepath.Join(dir, "*.gold.yaml"))
		if err != nil || len(golds) == 0 {
			return nil, fmt.Errorf("%s: no *.gold.yaml files", dir)
		}
		sort.Strings(golds)
		for _, gp := range golds {
			a, err := readArticle(ex, lex, dir, gp)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		fmt.Fprintf(stderr, "trainstance: %s: %d articles\n", dir, len(golds))
	}
	return out, nil
}

func readArticle(ex *extract.Extractor, lex *lexicon.Lexicon, dir, goldPath string) (article, error) {
	name := strings.TrimSuffix(filepath.Base(goldPath), ".gold.yaml")
	gold, err := eval.ReadGold(goldPath)
	if err != nil {
		return article{}, err
	}
	docs, errs := input.Read(context.Background(), []string{filepath.Join(dir, name+".txt")}, nil)
	if len(errs) > 0 || len(docs) != 1 {
		return article{}, fmt.Errorf("%s: %v", name, errors.Join(errs...))
	}
	_, features, err := ex.StanceFeatures(docs[0])
	if err != nil {
		return article{}, err
	}
	_, g, errs := pipeline.Extract(docs, lex, nil, 1)
	if len(errs) > 0 {
		return article{}, fmt.Errorf("%s: %v", name, errors.Join(errs...))
	}
	return article{set: filepath.Base(filepath.Clean(dir)), name: name, graph: g, gold: gold,
		features: features, labels: eval.StanceLabels(g, gold)}, nil
}
