package report

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/kg"
)

// Result is a query's answer: a subgraph, a table with one row per source
// sentence of each fact, and the conflicts between sources.
type Result struct {
	Query     Query
	Title     string // the question, e.g. "Who alleged bias?"
	Summary   string // what was asked, in a line
	Graph     export.Graph
	Columns   []string // the fact's columns; the citation's follow
	Rows      []Row
	Conflicts []Conflict
	Documents []kg.Document // every cited document, by date
	Empty     string        // why there are no rows, when there are none
}

// Row is one fact as stated by one source.
type Row struct {
	Cells []string
	Cite  Citation
}

// Citation is the sentence a fact comes from.
type Citation struct {
	Quote      string
	Start, End int
	Document   kg.Document
}

// Conflict is a point on which sources disagree, with the statements on
// each side.
type Conflict struct {
	Summary string
	Sides   []Statement
}

// Statement is one side of a conflict: who said or dated what, where.
type Statement struct {
	Who  string
	What string
	Cite Citation
}

// rows adds one row per source of a fact.
func (r *Result) rows(f *facts, srcs []kg.Source, cells ...string) {
	for _, s := range srcs {
		r.Rows = append(r.Rows, Row{Cells: cells, Cite: f.cite(s)})
	}
}

func (f *facts) cite(s kg.Source) Citation {
	d, ok := f.docs[s.Document]
	if !ok {
		d = kg.Document{ID: s.Document}
	}
	return Citation{Quote: strings.TrimSpace(s.Quote), Start: s.Start, End: s.End, Document: d}
}

// finish fills the documents list and the conflicts among the facts.
func (r *Result) finish(ctx context.Context, s Store, f *facts, extra []kg.Claim) error {
	for _, d := range f.docs {
		r.Documents = append(r.Documents, d)
	}
	sort.Slice(r.Documents, func(i, j int) bool {
		a, b := r.Documents[i], r.Documents[j]
		return a.PublishedAt+a.ID < b.PublishedAt+b.ID
	})
	conflicts, err := allConflicts(ctx, s)
	if err != nil {
		return err
	}
	r.Conflicts = append(dateConflicts(f, conflicts), stanceConflicts(f, append(append([]kg.Claim(nil), f.claims...), extra...))...)
	return nil
}

// maxConflicts bounds the conflicts a report reads, page by page.
const maxConflicts = 2000

// allConflicts reads the store's conflicts, up to maxConflicts.
func allConflicts(ctx context.Context, s Store) ([]kg.Conflict, error) {
	var out []kg.Conflict
	f := kg.ConflictFilter{First: 200}
	for len(out) < maxConflicts {
		page, err := s.Conflicts(ctx, f, kg.Include{})
		if err != nil {
			return nil, err
		}
		out = append(out, page.Items...)
		if !page.More || len(page.Items) == 0 {
			break
		}
		last := page.Items[len(page.Items)-1]
		f.After = append([]string{last.Type}, last.EventIDs...)
	}
	return out, nil
}

// dateConflicts are the store's date disagreements that involve an event of
// the facts.
func dateConflicts(f *facts, all []kg.Conflict) []Conflict {
	var out []Conflict
	for _, c := range all {
		if !anyEvent(f, c.Events) {
			continue
		}
		cf := Conflict{Summary: "Sources disagree on the date of the " + strings.ToLower(human(c.Events[0].Type)) + ": " + c.Description}
		for _, e := range c.Events {
			for _, s := range e.Sources {
				cf.Sides = append(cf.Sides, Statement{Who: f.participants(e), What: "dated " + orNone(e.Date), Cite: f.cite(s)})
			}
		}
		out = append(out, cf)
	}
	return out
}

func anyEvent(f *facts, evs []kg.Event) bool {
	for _, e := range evs {
		if f.seen[e.ID] {
			return true
		}
	}
	return false
}

func orNone(s string) string {
	if s == "" {
		return "(undated)"
	}
	return s
}

// stanceConflicts are the topics on which some claims allege and others
// deny. Topics with the same claims on both sides are reported together.
func stanceConflicts(f *facts, claims []kg.Claim) []Conflict {
	type sides struct{ alleges, denies []kg.Claim }
	by := map[string]*sides{}
	var topics []string
	seen := map[string]bool{}
	for _, c := range claims {
		if seen[c.ID] || c.Stance == kg.Neutral {
			continue
		}
		seen[c.ID] = true
		for _, t := range c.Topics {
			if by[t] == nil {
				by[t] = &sides{}
				topics = append(topics, t)
			}
			if c.Stance == kg.Alleges {
				by[t].alleges = append(by[t].alleges, c)
			} else {
				by[t].denies = append(by[t].denies, c)
			}
		}
	}
	sort.Strings(topics)
	var out []Conflict
	at := map[string]int{} // claim ids of both sides -> index in out
	for _, t := range topics {
		s := by[t]
		if len(s.alleges) == 0 || len(s.denies) == 0 {
			continue
		}
		key := claimKey(s.alleges) + "|" + claimKey(s.denies)
		if i, ok := at[key]; ok {
			out[i].Summary = strings.Replace(out[i].Summary, "”:", "”, “"+t+"”:", 1)
			continue
		}
		at[key] = len(out)
		cf := Conflict{Summary: "On “" + t + "”: " + plural(len(s.alleges), "allegation") + " against " + plural(len(s.denies), "denial")}
		for _, c := range append(append([]kg.Claim(nil), s.alleges...), s.denies...) {
			if len(c.Sources) > 0 {
				cf.Sides = append(cf.Sides, Statement{Who: f.name(c.Claimant), What: stanceVerb(c.Stance), Cite: f.cite(c.Sources[0])})
			}
		}
		out = append(out, cf)
	}
	return out
}

func claimKey(cs []kg.Claim) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
