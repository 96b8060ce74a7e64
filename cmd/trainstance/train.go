package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/eval"
	"github.com/factgraph/factgraph/extract"
	"github.com/factgraph/factgraph/kg"
)

// config is how a model is learned.
type config struct {
	l2      float64
	iters   int
	minDocs int
	noWords bool
}

// defaultConfig is the learning of `make stance-model`.
func defaultConfig() config { return config{l2: 5, iters: 400, minDocs: 4} }

// example is one labelled claim: its features and the classes (indexes
// into extract.StanceClasses) the gold accepts.
type example struct {
	doc      string // set/name
	set      string
	features []string
	accepted []int
}

// model is the weights of each feature per class.
type model map[string][3]float64

// examplesOf is the labelled claims of every article not in set exclude.
func examplesOf(arts []article, exclude string) []example {
	var out []example
	for _, a := range arts {
		if a.set == exclude {
			continue
		}
		for _, c := range a.graph.Claims {
			labels, fs := a.labels[c.ID], a.features[c.ID]
			if len(labels) == 0 || fs == nil {
				continue
			}
			var acc []int
			for k, cls := range extract.StanceClasses {
				if slices.Contains(labels, cls) {
					acc = append(acc, k)
				}
			}
			if len(acc) > 0 {
				out = append(out, example{doc: a.set + "/" + a.name, set: a.set, features: fs, accepted: acc})
			}
		}
	}
	return out
}

// isWord reports whether f is a word feature.
func isWord(f string) bool { return strings.HasPrefix(f, "w=") || strings.HasPrefix(f, "not=") }

// vocabulary is the features a model may weigh: a word feature in claims
// of at least minDocs documents of at least two sets, any other feature in
// at least two claims; sorted, so that learning is deterministic.
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
		case isWord(f) && (cfg.noWords || len(docs[f]) < cfg.minDocs || len(sets[f]) < 2):
		case !isWord(f) && n < 2:
		default:
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return append([]string{extract.StanceBias}, out...)
}

// train fits multinomial logistic regression to exs: the loss of a claim
// is minus the log of the probability of the classes its gold accepts,
// with an L2 penalty on every weight but the bias, minimized by full-batch
// gradient descent with AdaGrad steps.
func train(exs []example, cfg config) model {
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
	w := make([][3]float64, len(vocab))
	acc := make([][3]float64, len(vocab))
	const rate = 0.5
	for it := 0; it < cfg.iters; it++ {
		grad := make([][3]float64, len(vocab))
		for i, e := range exs {
			p := softmax(score(w, rows[i]))
			in := 0.0
			for _, k := range e.accepted {
				in += p[k]
			}
			for k := range p {
				g := p[k]
				if slices.Contains(e.accepted, k) {
					g -= p[k] / in
				}
				for _, j := range rows[i] {
					grad[j][k] += g
				}
			}
		}
		for j := range w {
			for k := range w[j] {
				g := grad[j][k]
				if j != 0 {
					g += cfg.l2 * w[j][k]
				}
				acc[j][k] += g * g
				if acc[j][k] > 0 {
					w[j][k] -= rate * g / math.Sqrt(acc[j][k])
				}
			}
		}
	}
	m := model{}
	for j, f := range vocab {
		m[f] = w[j]
	}
	return m
}

func score(w [][3]float64, row []int) [3]float64 {
	var s [3]float64
	for _, j := range row {
		for k := range s {
			s[k] += w[j][k]
		}
	}
	return s
}

func softmax(s [3]float64) [3]float64 {
	hi := max(s[0], s[1], s[2])
	var p [3]float64
	sum := 0.0
	for k := range s {
		p[k] = math.Exp(s[k] - hi)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}

// predict is the class extract's model gives: the highest score, ties to
// the earlier class. Weights are rounded as writeModel writes them.
func (m model) predict(features []string) string {
	s := round3(m[extract.StanceBias])
	for _, f := range features {
		if f == extract.StanceBias {
			continue
		}
		w := round3(m[f])
		for k := range s {
			s[k] += w[k]
		}
	}
	best := 0
	for k := range s {
		if s[k] > s[best] {
			best = k
		}
	}
	return extract.StanceClasses[best]
}

func round3(w [3]float64) [3]float64 {
	for k := range w {
		w[k] = math.Round(w[k]*1e4) / 1e4
	}
	return w
}

// writeModel writes m in lexicon format, the bias first (a model appended
// to another replaces it from its bias on) and then the features in sorted
// order, leaving out those whose rounded weights are all zero; it returns
// how many it wrote.
func writeModel(w io.Writer, m model, folders []string) int {
	fmt.Fprintf(w, "# Stance model: weights of a claim's stance features (extract/stancemodel.go) per\n")
	fmt.Fprintf(w, "# stance, learned by cmd/trainstance from the annotated articles of\n")
	fmt.Fprintf(w, "# %s.\n", strings.Join(folders, ", "))
	fmt.Fprintf(w, "# Generated: `make stance-model` rewrites it; do not edit by hand.\n")
	keys := make([]string, 0, len(m))
	for f := range m {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == extract.StanceBias) != (keys[j] == extract.StanceBias) {
			return keys[i] == extract.StanceBias
		}
		return keys[i] < keys[j]
	})
	n := 0
	for _, f := range keys {
		r := round3(m[f])
		if r == [3]float64{} {
			continue
		}
		fmt.Fprintf(w, "%s | %s=%g | %s=%g | %s=%g\n", f, extract.StanceClasses[0], r[0], extract.StanceClasses[1], r[1], extract.StanceClasses[2], r[2])
		n++
	}
	return n
}

// crossValidate holds out each set in turn and prints the held-out
// scores with the rules' stances and with the model's.
func crossValidate(arts []article, cfg config, w io.Writer) {
	fmt.Fprintf(w, "%-10s %5s  %-17s %-17s %-17s %-17s\n", "held out", "docs", "claims", "alleged bias", "defended", "overall")
	rules, learned := heldOut(arts, cfg, func(set string, r, l tally) {
		fmt.Fprintf(w, "%-10s %5d  %s\n", set, r.n, compare(r, l))
	})
	fmt.Fprintf(w, "%-10s %5d  %s\n", "all", rules.n, compare(rules, learned))
}

// heldOut learns a model without each set in turn and scores that set's
// articles with the rules' stances and with the model's, calling each
// (when given) with the set's tallies; it returns the totals.
func heldOut(arts []article, cfg config, each ...func(set string, rules, learned tally)) (rules, learned tally) {
	var sets []string
	for _, a := range arts {
		if !slices.Contains(sets, a.set) {
			sets = append(sets, a.set)
		}
	}
	for _, s := range sets {
		m := train(examplesOf(arts, s), cfg)
		var r, l tally
		for _, a := range arts {
			if a.set == s {
				r.add(eval.Score(a.graph, a.gold))
				l.add(eval.Score(withStances(a, m), a.gold))
			}
		}
		for _, f := range each {
			f(s, r, l)
		}
		rules.merge(r)
		learned.merge(l)
	}
	return rules, learned
}

// withStances is a's graph with the model's stances.
func withStances(a article, m model) kg.Graph {
	g := a.graph
	g.Claims = slices.Clone(g.Claims)
	for i, c := range g.Claims {
		if fs, ok := a.features[c.ID]; ok {
			g.Claims[i].Stance = m.predict(fs)
		}
	}
	return g
}

// tally sums per-article F1s: claims, the two stance questions (over the
// articles that ask them) and overall.
type tally struct {
	n                int
	claims, overall  float64
	bias, defended   float64
	nBias, nDefended int
}

func (t *tally) add(r eval.Result) {
	t.n++
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

// compare prints rule → model for each figure.
func compare(a, b tally) string {
	f := func(x, y float64) string { return fmt.Sprintf("%.3f → %.3f    ", x, y) }
	return f(mean(a.claims, a.n), mean(b.claims, b.n)) + f(mean(a.bias, a.nBias), mean(b.bias, b.nBias)) +
		f(mean(a.defended, a.nDefended), mean(b.defended, b.nDefended)) + f(mean(a.overall, a.n), mean(b.overall, b.n))
}
