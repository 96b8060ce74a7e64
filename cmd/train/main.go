// Command train learns the extractor's two models of claims from
// annotated articles (folders of NAME.txt documents with NAME.gold.yaml
// gold files, as cmd/evaluate reads them):
//
//   - the stance model (stance_model.txt): each claim that quotes a gold
//     claim and has one of its claimants is an example, with the stances the
//     gold accepts; so is a claim that quotes none where the gold's
//     questions rule a stance out (no denial from a speaker the answer to
//     "who defended the process" does not allow);
//   - the bias model (bias_model.txt): in a document whose gold asks "who
//     alleged bias", each claim is an example of bias when the answer wants
//     its speaker and of none when the answer does not allow it.
//
// Usage:
//
//	train -o DIR FOLDER...   write DIR/stance_model.txt and DIR/bias_model.txt
//	train -cv FOLDER...      hold out each folder in turn and report scores
//
// The features are extract's (Extractor.StanceFeatures, with the claim's
// topics for the bias model), computed with neither model in the
// lexicon. Each model is multinomial logistic regression with an L2
// penalty, fitted by full-batch gradient descent from zero weights, so the
// same folders give the same files. A word feature is kept only when it
// occurs in examples from at least -min-docs documents of at least two
// folders, so that no article's own words become weights; words are the
// stems of lower-case words, so no name does.
//
// With -cv it writes nothing: each folder in turn is held out, the models
// are learned from the others, and the held-out folder is scored with the
// rules alone, with the stance model, and with both (mean per-article
// F1): how the models do on articles they have not seen.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
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
			fmt.Fprintln(os.Stderr, "train:", err)
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
	flags := flag.NewFlagSet("train", flag.ContinueOnError)
	flags.SetOutput(stderr)
	lexDir := flags.String("lexicons", "", "`DIR` of extra lexicon files, as the loader's --lexicons (their own models are ignored)")
	o := options{cfg: defaultConfig()}
	flags.StringVar(&o.out, "o", "", "write stance_model.txt and bias_model.txt into `DIR`")
	flags.BoolVar(&o.cv, "cv", false, "hold out each folder in turn and report scores; write nothing")
	flags.Float64Var(&o.cfg.l2, "l2", o.cfg.l2, "L2 penalty `weight`")
	flags.IntVar(&o.cfg.iters, "iters", o.cfg.iters, "gradient descent `steps`")
	flags.IntVar(&o.cfg.minDocs, "min-docs", o.cfg.minDocs, "least `N` documents a word feature must occur in")
	if err := flags.Parse(args); err != nil {
		return err
	}
	o.folders = flags.Args()
	if len(o.folders) < 2 || o.out == "" && !o.cv {
		return errors.New("usage: train (-o DIR | -cv) FOLDER FOLDER...")
	}
	var extra []fs.FS
	if *lexDir != "" {
		extra = append(extra, os.DirFS(*lexDir))
	}
	lex, err := lexicon.Load(extra...)
	if err != nil {
		return err
	}
	for _, k := range kinds {
		delete(lex.Files, k.file) // learn from the rules alone
	}
	sets, err := readSets(lex, o.folders, stderr)
	if err != nil {
		return err
	}
	if o.cv {
		crossValidate(sets, o.cfg, stdout)
		return nil
	}
	for _, k := range kinds {
		path := filepath.Join(o.out, k.file+".txt")
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		n := writeModel(f, k, train(examplesOf(sets, "", k), k, o.cfg), o.folders)
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "train: %d features written to %s\n", n, path)
	}
	return nil
}

// article is one annotated document: its graph, gold, and each claim's
// stance features.
type article struct {
	set      string
	name     string
	graph    kg.Graph
	gold     *eval.Gold
	features map[string][]string // claim id -> stance features
	labels   map[string][]string // claim id -> stances the gold accepts
	bias     map[string]bool     // claim id -> an allegation of bias or none
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
		fmt.Fprintf(stderr, "train: %s: %d articles\n", dir, len(golds))
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
		features: features, labels: eval.StanceLabels(g, gold), bias: eval.BiasLabels(g, gold)}, nil
}
