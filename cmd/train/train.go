package main

import (
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/eval"
	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/pipeline"
)

// config is how a model is learned.
type config struct {
	l2      float64
	iters   int
	minDocs int
}

// defaultConfig is the learning of `make models`.
func defaultConfig() config { return config{l2: 5, iters: 400, minDocs: 4} }

// kind is one of the models: its lexicon file, its classes and its
// examples in an article.
type kind struct {
	file     string
	classes  []string
	examples func(a article) []example
	what     string // what an example is, for the file's header
}

var (
	stanceKind = kind{file: "stance_model", classes: extract.StanceClasses, examples: stanceExamples,
		what: "the claim features that\n# extract/stancemodel.go describes"}
	biasKind = kind{file: "bias_model", classes: extract.BiasClasses, examples: biasExamples,
		what: "the claim features that\n# extract/stancemodel.go describes"}
	typeKind = kind{file: "type_model", classes: extract.TypeClasses, examples: typeExamples,
		what: "the name features that\n# extract/typemodel.go describes"}
	attachKind = kind{file: "attach_model", classes: extract.AttachClasses, examples: attachExamples,
		what: "the features of a role's candidate\n# organizations that extract/attach.go describes"}
	// kinds are the models in the order they are learned: the type of
	// names first, since the claims' and roles' features depend on the
	// entities.
	roleKind = kind{file: "role_model", classes: extract.RoleClasses, examples: roleExamples,
		what: "the features of a person and a title\n# near each other that extract/rolemodel.go describes"}
	kinds = []kind{typeKind, stanceKind, biasKind, roleKind, attachKind}
)

// typeExamples are the capitalized names of an article the gold labels.
func typeExamples(a article) []example {
	names := make([]string, 0, len(a.types))
	for n := range a.types {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []example
	for _, n := range names {
		if k := slices.Index(extract.TypeClasses, a.typeLabels[n]); k >= 0 {
			out = append(out, example{doc: a.set + "/" + a.name, set: a.set, features: a.types[n], accepted: []int{k}})
		}
	}
	return out
}

// roleExamples are the candidate roles the gold labels: a role of the
// person or none.
func roleExamples(a article) []example {
	var out []example
	for i, c := range a.roles {
		if l := a.roleLabels[i]; l >= 0 {
			out = append(out, example{doc: a.set + "/" + a.name, set: a.set, features: c.Features, accepted: []int{1 - l}})
		}
	}
	return out
}

// attachExamples are the candidate organizations of each role the gold
// labels: the organization of the role or not.
func attachExamples(a article) []example {
	var out []example
	for _, id := range slices.Sorted(maps.Keys(a.attachLabels)) {
		for k, c := range a.attach[id] {
			cls := 1
			if a.attachLabels[id][k] {
				cls = 0
			}
			out = append(out, example{doc: a.set + "/" + a.name, set: a.set, features: c.Features, accepted: []int{cls}})
		}
	}
	return out
}

// example is one labelled claim: its features and the classes (indexes
// into its kind's classes) the gold accepts.
type example struct {
	doc      string // set/name
	set      string
	features []string
	accepted []int
}

func stanceExamples(a article) []example {
	var out []example
	for _, c := range a.graph.Claims {
		labels, fs := a.labels[c.ID], a.features[c.ID]
		var acc []int
		for k, cls := range extract.StanceClasses {
			if slices.Contains(labels, cls) {
				acc = append(acc, k)
			}
		}
		if len(acc) > 0 && fs != nil {
			out = append(out, example{doc: a.set + "/" + a.name, set: a.set, features: fs, accepted: acc})
		}
	}
	return out
}

func biasExamples(a article) []example {
	var out []example
	for _, c := range a.graph.Claims {
		isBias, labelled := a.bias[c.ID]
		fs := a.features[c.ID]
		if !labelled || fs == nil || slices.Contains(c.Topics, extract.BiasTopic) {
			continue // the model weighs only claims the cues gave no bias topic
		}
		k := 1
		if isBias {
			k = 0
		}
		out = append(out, example{doc: a.set + "/" + a.name, set: a.set, features: extract.BiasFeatures(fs, c.Topics), accepted: []int{k}})
	}
	return out
}

// examplesOf is the examples of kind k in every article not in set
// exclude.
func examplesOf(arts []article, exclude string, k kind) []example {
	var out []example
	for _, a := range arts {
		if a.set != exclude {
			out = append(out, k.examples(a)...)
		}
	}
	return out
}

// model is the weights of each feature per class of its kind.
type model struct {
	k kind
	w map[string][]float64
}

// wordPrefixes open the features that hold a word of the text: the claim
// models' stems (w=, not=), and the type model's words around a name
// (pw=, pw2=, nw=, cw=), inside it (inner=) and its last letters (sfx=),
// the attachment model's title heads (thn=, thk=), and the role model's
// words between and around a name and a title and its head (bw=, bf=,
// bl=, rpre=, rpost=, tp=, tn=, th=).
var wordPrefixes = []string{"w=", "not=", "pw=", "pw2=", "nw=", "cw=", "inner=", "sfx=", "thn=", "thk=",
	"bw=", "bf=", "bl=", "rpre=", "rpost=", "tp=", "tn=", "th="}

// isWord reports whether f is a word feature.
func isWord(f string) bool {
	return slices.ContainsFunc(wordPrefixes, func(p string) bool { return strings.HasPrefix(f, p) })
}

// vocabulary is the features a model may weigh: a word feature in
// examples of at least minDocs documents of at least two sets, any other
// feature in at least two examples; sorted, so that learning is
// deterministic.
func vocabulary(exs []example, cfg config) []string {
	docs, sets, count := map[string]map[string]bool{}, map[string]map[string]bool{}, map[string]int{}
	for _, e := range exs {
		for _, f := range e.features {
			count[f]++
			if docs[f] == nil {
				docs[f], sets[f] = map[string]bool{}, map[string]bool{}
			}
			docs[f][e.doc], sets[f][e.set] = true, true
		}
	}
	var out []string
	for f, n := range count {
		switch {
		case isWord(f) && (len(docs[f]) < cfg.minDocs || len(sets[f]) < 2):
		case !isWord(f) && n < 2:
		case f == extract.PriorFeature:
		default:
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return append([]string{extract.PriorFeature}, out...)
}

// train fits multinomial logistic regression to exs: the loss of an
// example is minus the log of the probability of the classes its gold
// accepts, with an L2 penalty on every weight but the bias, minimized by
// full-batch gradient descent with AdaGrad steps.
func train(exs []example, k kind, cfg config) model {
	vocab := vocabulary(exs, cfg)
	index := make(map[string]int, len(vocab))
	for i, f := range vocab {
		index[f] = i
	}
	rows := make([][]int, len(exs))
	for i, e := range exs {
		rows[i] = append(rows[i], 0)
		for _, f := range e.features {
			if j, ok := index[f]; ok && j != 0 {
				rows[i] = append(rows[i], j)
			}
		}
	}
	nc := len(k.classes)
	w, acc := matrix(len(vocab), nc), matrix(len(vocab), nc)
	const rate = 0.5
	for it := 0; it < cfg.iters; it++ {
		grad := matrix(len(vocab), nc)
		for i, e := range exs {
			p := softmax(score(w, rows[i], nc))
			in := 0.0
			for _, c := range e.accepted {
				in += p[c]
			}
			for c := range p {
				g := p[c]
				if slices.Contains(e.accepted, c) {
					g -= p[c] / in
				}
				for _, j := range rows[i] {
					grad[j][c] += g
				}
			}
		}
		for j := range w {
			for c := range w[j] {
				g := grad[j][c]
				if j != 0 {
					g += cfg.l2 * w[j][c]
				}
				acc[j][c] += g * g
				if acc[j][c] > 0 {
					w[j][c] -= rate * g / math.Sqrt(acc[j][c])
				}
			}
		}
	}
	m := model{k: k, w: map[string][]float64{}}
	for j, f := range vocab {
		m.w[f] = round4(w[j])
	}
	return m
}

func matrix(rows, cols int) [][]float64 {
	out := make([][]float64, rows)
	for i := range out {
		out[i] = make([]float64, cols)
	}
	return out
}

func score(w [][]float64, row []int, nc int) []float64 {
	s := make([]float64, nc)
	for _, j := range row {
		for c := range s {
			s[c] += w[j][c]
		}
	}
	return s
}

func softmax(s []float64) []float64 {
	hi := slices.Max(s)
	p := make([]float64, len(s))
	sum := 0.0
	for c := range s {
		p[c] = math.Exp(s[c] - hi)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
	return p
}

func round4(w []float64) []float64 {
	out := make([]float64, len(w))
	for c := range w {
		out[c] = math.Round(w[c]*1e4) / 1e4
	}
	return out
}

// linear is m as the extractor reads it from its file.
func (m model) linear() *extract.LinearModel {
	return extract.NewLinearModel(m.k.classes, m.w)
}

// writeModel writes m in lexicon format, the bias first (a model appended
// to another replaces it from its bias on) and then the features in sorted
// order, leaving out those whose weights are all zero; it returns how
// many it wrote.
func writeModel(w io.Writer, k kind, m model, folders []string) int {
	fmt.Fprintf(w, "# %s: weights per class (%s) of %s, learned by cmd/train from the annotated articles of\n", k.file, strings.Join(k.classes, ", "), k.what)
	fmt.Fprintf(w, "# %s.\n", strings.Join(folders, ", "))
	fmt.Fprintf(w, "# Generated: `make models` rewrites it; do not edit by hand.\n")
	keys := make([]string, 0, len(m.w))
	for f := range m.w {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == extract.PriorFeature) != (keys[j] == extract.PriorFeature) {
			return keys[i] == extract.PriorFeature
		}
		return keys[i] < keys[j]
	})
	n := 0
	for _, f := range keys {
		if !slices.ContainsFunc(m.w[f], func(x float64) bool { return x != 0 }) {
			continue
		}
		fmt.Fprint(w, f)
		for c, cls := range k.classes {
			fmt.Fprintf(w, " | %s=%g", cls, m.w[f][c])
		}
		fmt.Fprintln(w)
		n++
	}
	return n
}

// variants are the configurations crossValidate compares: the rules
// alone, with the stance model, and with both models.
var variants = []string{"rules", "+stance", "+bias"}

// typeCrossValidate holds out each set in turn, learns the type model
// from the others and prints the held-out set's scores extracted with the
// rules' types and with the model's.
func typeCrossValidate(arts []article, lex *lexicon.Lexicon, cfg config, w io.Writer) {
	fmt.Fprintf(w, "%-10s %4s  %-7s %6s %6s %6s %6s %6s %7s\n", "held out", "docs", "", "person", "orgs", "roles", "events", "claims", "overall")
	var tot [2]tally
	for _, s := range setsOf(arts) {
		t := typeHeldOut(arts, lex, s, cfg)
		for i, v := range []string{"rules", "+type"} {
			printTypeTally(w, s, i, v, t[i])
			tot[i].merge(t[i])
		}
	}
	for i, v := range []string{"rules", "+type"} {
		printTypeTally(w, "all", i, v, tot[i])
	}
}

func printTypeTally(w io.Writer, set string, i int, v string, t tally) {
	if i > 0 {
		set = ""
	}
	fmt.Fprintf(w, "%-10s %4d  %-7s %6.3f %6.3f %6.3f %6.3f %6.3f %7.3f\n", set, t.n, v, mean(t.persons, t.n), mean(t.orgs, t.n),
		mean(t.roles, t.n), mean(t.events, t.n), mean(t.claims, t.n), mean(t.overall, t.n))
}

// typeHeldOut learns the type model without set s and scores s's
// articles as the rules type their names and as that model does.
func typeHeldOut(arts []article, lex *lexicon.Lexicon, s string, cfg config) [2]tally {
	lexT := withModel(lex, train(examplesOf(arts, s, typeKind), typeKind, cfg))
	var t [2]tally
	for _, a := range arts {
		if a.set != s {
			continue
		}
		t[0].add(eval.Score(a.graph, a.gold))
		_, g, errs := pipeline.Extract([]kg.Document{a.doc}, lexT, nil, 1)
		if len(errs) > 0 {
			panic(errs[0])
		}
		t[1].add(eval.Score(g, a.gold))
	}
	return t
}

// setsOf is the sets of arts in order.
func setsOf(arts []article) []string {
	var sets []string
	for _, a := range arts {
		if !slices.Contains(sets, a.set) {
			sets = append(sets, a.set)
		}
	}
	return sets
}

// crossValidate holds out each set in turn and prints the held-out scores
// of each variant.
func crossValidate(arts []article, cfg config, w io.Writer) {
	fmt.Fprintf(w, "%-10s %4s  %-7s %6s %6s %6s %7s\n", "held out", "docs", "", "claims", "bias", "defend", "overall")
	tot := heldOut(arts, cfg, func(set string, t []tally) { printTallies(w, set, t) })
	printTallies(w, "all", tot)
}

func printTallies(w io.Writer, set string, t []tally) {
	for i, v := range variants {
		name := set
		if i > 0 {
			name = ""
		}
		fmt.Fprintf(w, "%-10s %4d  %-7s %6.3f %6.3f %6.3f %7.3f\n", name, t[i].n, v, mean(t[i].claims, t[i].n),
			mean(t[i].bias, t[i].nBias), mean(t[i].defended, t[i].nDefended), mean(t[i].overall, t[i].n))
	}
}

// heldOut learns the models without each set in turn and scores that
// set's articles with each variant, calling each (when given) with the
// set's tallies; it returns the totals.
func heldOut(arts []article, cfg config, each ...func(set string, t []tally)) []tally {
	var sets []string
	for _, a := range arts {
		if !slices.Contains(sets, a.set) {
			sets = append(sets, a.set)
		}
	}
	tot := make([]tally, len(variants))
	for _, s := range sets {
		sm, bm := train(examplesOf(arts, s, stanceKind), stanceKind, cfg).linear(), train(examplesOf(arts, s, biasKind), biasKind, cfg).linear()
		t := make([]tally, len(variants))
		for _, a := range arts {
			if a.set == s {
				t[0].add(eval.Score(a.graph, a.gold))
				t[1].add(eval.Score(withModels(a, sm, nil), a.gold))
				t[2].add(eval.Score(withModels(a, sm, bm), a.gold))
			}
		}
		for _, f := range each {
			f(s, t)
		}
		for i := range tot {
			tot[i].merge(t[i])
		}
	}
	return tot
}

// withModels is a's graph with its claims as the extractor's models give
// them (bias nil: that model not applied).
func withModels(a article, stance, bias *extract.LinearModel) kg.Graph {
	g := a.graph
	g.Claims = slices.Clone(g.Claims)
	for i := range g.Claims {
		if fs, ok := a.features[g.Claims[i].ID]; ok {
			extract.ApplyModels(&g.Claims[i], fs, stance, bias)
		}
	}
	return g
}

// tally sums per-article F1s: claims, the two stance questions (over the
// articles that ask them) and overall.
type tally struct {
	n                int
	persons, orgs    float64
	roles, events    float64
	claims, overall  float64
	bias, defended   float64
	nBias, nDefended int
}

func (t *tally) add(r eval.Result) {
	t.n++
	t.persons += r.Persons.F1
	t.orgs += r.Organizations.F1
	t.roles += r.Roles.F1
	t.events += r.Events.F1
	t.claims += r.Claims.F1
	t.overall += r.Overall
	for _, q := range r.Questions {
		switch q.Name {
		case "who_alleged_bias":
			t.bias += q.F1
			t.nBias++
		case "who_defended_the_process":
			t.defended += q.F1
			t.nDefended++
		}
	}
}

func (t *tally) merge(o tally) {
	t.n += o.n
	t.persons += o.persons
	t.orgs += o.orgs
	t.roles += o.roles
	t.events += o.events
	t.claims += o.claims
	t.overall += o.overall
	t.bias += o.bias
	t.nBias += o.nBias
	t.defended += o.defended
	t.nDefended += o.nDefended
}

func mean(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// roleCrossValidate holds out each set in turn, learns the role and
// attachment models from the others and prints the held-out set's scores
// with the role rules alone, with the role model and with both models; it
// returns the totals of the three.
func roleCrossValidate(arts []article, lex *lexicon.Lexicon, cfg config, w io.Writer) []tally {
	variants := []string{"rules", "+role", "+attach"}
	fmt.Fprintf(w, "%-10s %4s  %-7s %6s %6s %6s %6s %6s %7s\n", "held out", "docs", "", "person", "orgs", "roles", "events", "claims", "overall")
	tot := make([]tally, len(variants))
	for _, s := range setsOf(arts) {
		rm := train(examplesOf(arts, s, roleKind), roleKind, cfg)
		am := train(examplesOf(arts, s, attachKind), attachKind, cfg)
		t := make([]tally, len(variants))
		for i, l := range []*lexicon.Lexicon{nil, withModel(lex, rm), withModel(withModel(lex, rm), am)} {
			for _, a := range arts {
				if a.set != s {
					continue
				}
				if l == nil {
					t[i].add(eval.Score(a.graph, a.gold))
					continue
				}
				_, g, errs := pipeline.Extract([]kg.Document{a.doc}, l, nil, 1)
				if len(errs) > 0 {
					panic(errs[0])
				}
				t[i].add(eval.Score(g, a.gold))
			}
		}
		for i, v := range variants {
			printTypeTally(w, s, i, v, t[i])
			tot[i].merge(t[i])
		}
	}
	for i, v := range variants {
		printTypeTally(w, "all", i, v, tot[i])
	}
	return tot
}
