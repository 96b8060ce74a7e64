package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// The role model (role_model.txt) reads the offices the role rules leave
// unread. In each sentence, every person named and every title of the
// lexicon within roleWindow tokens of the name make a candidate, unless a
// rule already gave that person that title; the model weighs the words
// between them and around them. A candidate it scores roleMargin higher
// as a role than as none becomes a role when the title's context gives it
// an organization, or the title implies none (titleContext and "of"
// after the title, as the rules read them; the attachment model may then
// move the organization): held out, a new role with no organization was
// as often wrong as right.

// RoleClasses are the role model's classes.
var RoleClasses = []string{"role", "none"}

// roleMargin is how much higher a candidate must score as a role than as
// none to become one.
const roleMargin = 0.0

// roleWindow is the most tokens between a name and a title that make a
// candidate.
const roleWindow = 15

// RoleCandidate is a person and a title a sentence puts near each other
// that no rule read as a role, and the features the role model reads for
// the pair. Key tells candidates apart; Role holds the person's entity id
// and the title.
type RoleCandidate struct {
	Key      string
	Role     kg.Role
	Features []string
}

// titleSpan is a title of the lexicon in a sentence: toks[k:k+n].
type titleSpan struct {
	k, n int
	ti   titleInfo
}

// modelRoles adds the roles the role model finds among the candidates of
// every sentence; with a trace it records every candidate, model or not.
func modelRoles(rb *roleBuilder) {
	d, x := rb.d, rb.x
	m := d.extractor().rm
	if m == nil && d.roleTrace == nil {
		return
	}
	has := map[string][]string{} // person id -> lower-case titles of its roles
	taken := map[int][]string{}  // sentence -> lower-case titles the rules gave someone there
	for _, r := range d.Roles {
		has[r.Person] = append(has[r.Person], strings.ToLower(r.Title))
		for _, src := range r.Sources {
			taken[src.Sentence] = append(taken[src.Sentence], strings.ToLower(r.Title))
		}
	}
	covered := func(pid, title string) bool {
		t := strings.ToLower(title)
		for _, h := range has[pid] {
			if strings.Contains(h, t) || strings.Contains(t, h) {
				return true
			}
		}
		return false
	}
	for si, s := range d.Sents {
		toks := s.Tokens
		names := nameMentions(d.mentionsIn(s.Start, s.End))
		if !slices.ContainsFunc(names, func(m *mention) bool { return m.Entity != nil && m.Entity.Type == kg.Person }) {
			continue
		}
		titles := titleSpans(x, toks, names)
		if len(titles) == 0 {
			continue
		}
		for _, pm := range names {
			if pm.Entity == nil || pm.Entity.Type != kg.Person {
				continue
			}
			pa, pb := tokRange(toks, pm.Start, pm.End)
			if pa < 0 {
				continue
			}
			for _, ts := range titles {
				if covered(pm.Entity.ID, ts.ti.Phrase) || slices.Contains(taken[si], strings.ToLower(ts.ti.Phrase)) {
					// the person has the office already, or the
					// rules gave this one to someone else here
					continue
				}
				f, ok := roleFeatures(d, x, toks, names, pm, pa, pb, ts)
				if !ok {
					continue
				}
				if d.roleTrace != nil {
					key := strconv.Itoa(si) + "|" + strconv.Itoa(pa) + "|" + strconv.Itoa(ts.k)
					*d.roleTrace = append(*d.roleTrace, RoleCandidate{Key: key,
						Role: kg.Role{Person: pm.Entity.ID, Title: ts.ti.Phrase}, Features: f})
				}
				if m == nil {
					continue
				}
				if sc := m.scores(f); sc[0]-sc[1] <= roleMargin {
					continue
				}
				org, none, status := titleContext(d, x, si, ts.k, ts.ti, pm.Entity)
				if org == nil && !none {
					org = orgAfterTitle(d, names, toks, ts.k+ts.n)
				}
				if org == nil && !none {
					// a role the context gives no organization is
					// as often wrong as right (held out)
					continue
				}
				rb.addRole(si, pm.Entity, adjTitle(x, toks, max(0, ts.k-2), ts.k, ts.ti.Phrase), org, none, status)
				has[pm.Entity.ID] = append(has[pm.Entity.ID], strings.ToLower(ts.ti.Phrase))
			}
		}
	}
}

// titleSpans are the longest titles of the lexicon in toks, outside names.
func titleSpans(x *lexIndex, toks []token, names []*mention) []titleSpan {
	var out []titleSpan
	for k := 0; k < len(toks); k++ {
		n, ti := x.titleAt(toks, k, len(toks))
		if n == 0 {
			continue
		}
		inName := false
		for _, m := range names {
			if toks[k].Start < m.End && toks[k+n-1].End > m.Start {
				inName = true
			}
		}
		if !inName {
			out = append(out, titleSpan{k: k, n: n, ti: ti})
		}
		k += n - 1
	}
	return out
}

// roleFeatures are the features of a person named at toks[pa:pb] and a
// title: on which side of the name the title is and how far, the words
// between them and around them, and the names between; false when they
// are too far apart.
func roleFeatures(d *docState, x *lexIndex, toks []token, names []*mention, pm *mention, pa, pb int, ts titleSpan) ([]string, bool) {
	ta, tb := ts.k, ts.k+ts.n
	dir, lo, hi := "after", pb, ta // the title after the name
	if tb <= pa {
		dir, lo, hi = "before", tb, pa
	}
	if hi < lo || hi-lo > roleWindow {
		return nil, false
	}
	f := []string{"dir=" + dir, "dir=" + dir + "&td=" + bucket(hi-lo, 0, 1, 2, 4, 8)}
	commas := 0
	for k := lo; k < hi; k++ {
		w := roleWord(toks[k])
		f = append(f, "bw="+w, "bt="+toks[k].Tag)
		if toks[k].Text == "," {
			commas++
		}
	}
	if hi > lo {
		f = append(f, "bf="+roleWord(toks[lo]), "bl="+roleWord(toks[hi-1]))
	}
	f = append(f, "commas="+bucket(commas, 0, 1, 2))
	first, last := min(pa, ta), max(pb, tb)
	if first > 0 {
		f = append(f, "rpre="+roleWord(toks[first-1]))
	}
	if last < len(toks) {
		f = append(f, "rpost="+roleWord(toks[last]))
	}
	if ta > 0 {
		f = append(f, "tp="+roleWord(toks[ta-1]))
	}
	if tb < len(toks) {
		f = append(f, "tn="+roleWord(toks[tb]))
	}
	f = append(f, "th="+titleHead(ts.ti.Phrase))
	for _, m := range names {
		ma, mb := tokRange(toks, m.Start, m.End)
		if ma < 0 || m == pm {
			continue
		}
		between := ma >= lo && mb <= hi
		if m.Entity != nil && m.Entity.Type == kg.Person {
			if between {
				f = append(f, "pbetween")
			} else if dist := min(abs(ma-tb), abs(ta-mb)); dist < hi-lo {
				f = append(f, "pcloser")
			}
		} else if between {
			f = append(f, "obetween")
		}
	}
	if opensSentence(toks, pa) {
		f = append(f, "popens")
	}
	return dedupe(f), true
}

// roleWord is a token as a feature: a lower-case word or punctuation as
// written, CAP for a capitalized word, NUM for a number.
func roleWord(t token) string {
	switch {
	case t.Tag == "CD":
		return "NUM"
	case isCapToken(t.Text):
		return "CAP"
	}
	return strings.ToLower(t.Text)
}
