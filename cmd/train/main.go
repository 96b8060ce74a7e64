// Command train learns the extractor's five models from annotated
// articles (folders of NAME.txt documents with NAME.gold.yaml gold files,
// as cmd/evaluate reads them):
//
//   - the type model (type_model.txt): each capitalized name of a document
//     is an example of a person, an organization or no entity when the
//     gold lists it as such (a gold name or alias, or a person's surname)
//     or does not list it at all; a name the gold tolerates, or one that is
//     part of a gold name or holds one, is no example;
//   - the stance model (stance_model.txt): each claim that quotes a gold
//     claim and has one of its claimants is an example, with the stances the
//     gold accepts; so is a claim that quotes none where the gold's
//     questions rule a stance out (no denial from a speaker the answer to
//     "who defended the process" does not allow);
//   - the bias model (bias_model.txt): in a document whose gold asks "who
//     alleged bias", each claim is an example of bias when the answer wants
//     its speaker and of none when the answer does not allow it.
//   - the role model (role_model.txt): each person and title of the
//     lexicon that a sentence names within a few tokens of each other, and
//     that no rule read as a role, is an example of a role when a gold role
//     of that person has that title (whatever its organization and status)
//     and of none when none has; a person the gold does not list is no
//     example;
//   - the attachment model (attach_model.txt): each organization a role
//     may be at (the rules' choice, those named in its sentence or the two
//     before, the story's three most named) and no organization are
//     examples of the role's organization or not, for each role whose
//     person and title match a gold role that names its organization.
//
// Usage:
//
//	train -o DIR FOLDER...   write DIR/type_model.txt, stance_model.txt, bias_model.txt, role_model.txt and attach_model.txt
//	train -cv FOLDER...      hold out each folder in turn and report scores
//
// The features are extract's (Extractor.TypeFeatures,
// Extractor.StanceFeatures, with the claim's topics for the bias model, and
// Extractor.RoleFeatures for the role and attachment models). The type
// model is learned first, from the naming rules' types; the claims' and
// roles' features are then read with the learned types in place, as the
// extractor will read them (the roles' from the role rules alone). Each
// model is multinomial logistic regression with an L2 penalty, fitted by
// full-batch gradient descent from zero weights, so the same folders give
// the same files. A word feature is kept only when it occurs in examples
// from at least -min-docs documents of at least two folders, so that no
// article's own words become weights; words are the stems of lower-case
// words, the lower-case words around a name and a name's last three
// letters, and the lower-case words around a title (a capitalized word is
// CAP), so no name is.
//
// With -cv it writes nothing: each folder in turn is held out, the models
// are learned from the others, and the held-out folder is scored with the
// naming rules and with the type model, then with the claim rules alone,
// with the stance model, and with both, then with the role rules alone,
// with the role model and with the role and attachment models (mean
// per-article F1): how the models do on articles they have not seen. The claim models are held out
// on the claims as read with the naming rules' types (the shipped ones
// learn from the claims read with the learned types).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
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
	flags.StringVar(&o.out, "o", "", "write type_model.txt, stance_model.txt, bias_model.txt, role_model.txt and attach_model.txt into `DIR`")
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
		typeCrossValidate(sets, lex, o.cfg, stdout)
		crossValidate(sets, o.cfg, stdout)
		roleCrossValidate(sets, lex, o.cfg, stdout)
		return nil
	}
	tm := train(examplesOf(sets, "", typeKind), typeKind, o.cfg)
	if err := writeModelFile(o, typeKind, tm, stderr); err != nil {
		return err
	}
	// The claims are described as the extractor will see them: with the
	// entities the learned types give.
	if sets, err = readSets(withModel(lex, tm), o.folders, stderr); err != nil {
		return err
	}
	for _, k := range []kind{stanceKind, biasKind, roleKind, attachKind} {
		if err := writeModelFile(o, k, train(examplesOf(sets, "", k), k, o.cfg), stderr); err != nil {
			return err
		}
	}
	return nil
}

// writeModelFile writes model m of kind k into o.out.
func writeModelFile(o options, k kind, m model, stderr io.Writer) error {
	path := filepath.Join(o.out, k.file+".txt")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	n := writeModel(f, k, m, o.folders)
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "train: %d features written to %s\n", n, path)
	return nil
}

// withModel is lex with m as its model of m's kind.
func withModel(lex *lexicon.Lexicon, m model) *lexicon.Lexicon {
	out := &lexicon.Lexicon{Files: maps.Clone(lex.Files)}
	var entries []lexicon.Entry
	for _, f := range slices.Sorted(maps.Keys(m.w)) {
		e := lexicon.Entry{Phrase: f, Attrs: map[string]string{}, File: m.k.file}
		for c, cls := range m.k.classes {
			e.Attrs[cls] = strconv.FormatFloat(m.w[f][c], 'g', -1, 64)
		}
		if f == extract.PriorFeature {
			entries = append([]lexicon.Entry{e}, entries...)
		} else {
			entries = append(entries, e)
		}
	}
	out.Files[m.k.file] = entries
	return out
}

// article is one annotated document: its graph, gold, and each claim's
// stance features.
type article struct {
	set          string
	name         string
	doc          kg.Document
	types        map[string][]string // capitalized name -> type features
	typeLabels   map[string]string   // capitalized name -> the type the gold wants
	graph        kg.Graph
	gold         *eval.Gold
	features     map[string][]string                  // claim id -> stance features
	attach       map[string][]extract.AttachCandidate // role id -> candidate organizations
	attachLabels map[string][]bool                    // role id -> which candidates the gold accepts
	roles        []extract.RoleCandidate              // candidate roles no rule read
	roleLabels   []int                                // per candidate role: 1 a role, 0 none, -1 no label
	labels       map[string][]string                  // claim id -> stances the gold accepts
	bias         map[string]bool                      // claim id -> an allegation of bias or none
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
	_, types, err := ex.TypeFeatures(docs[0])
	if err != nil {
		return article{}, err
	}
	names := make([]string, 0, len(types))
	for n := range types {
		names = append(names, n)
	}
	roles, roleCands, attach, err := ex.RoleFeatures(docs[0])
	if err != nil {
		return article{}, err
	}
	probes := make([]kg.Role, len(roleCands))
	for i, c := range roleCands {
		probes[i] = c.Role
	}
	cands := make(map[string][]string, len(attach))
	for id, cs := range attach {
		for _, c := range cs {
			cands[id] = append(cands[id], c.Org)
		}
	}
	_, g, errs := pipeline.Extract(docs, lex, nil, 1)
	if len(errs) > 0 {
		return article{}, fmt.Errorf("%s: %v", name, errors.Join(errs...))
	}
	return article{set: filepath.Base(filepath.Clean(dir)), name: name, doc: docs[0], graph: g, gold: gold,
		types: types, typeLabels: eval.TypeLabels(names, gold),
		features: features, labels: eval.StanceLabels(g, gold), bias: eval.BiasLabels(g, gold),
		attach: attach, attachLabels: eval.AttachLabels(kg.Graph{Entities: roles.Entities, Roles: roles.Roles}, gold, cands),
		roles: roleCands, roleLabels: eval.RoleLabels(kg.Graph{Entities: roles.Entities}, gold, probes)}, nil
}
