package resolve

import (
	"sort"
	"strings"
	"unicode"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// Corpus resolves entities across extractions: it returns the extractions
// with entity ids rewritten to corpus-wide ids (and entity lists merged), and
// the whole graph. known seeds the resolver with entities already in the
// store (and curated aliases), so that a new document joins existing nodes.
//
// Two entities of one type are joined when they share a name key (name or
// alias, case and punctuation folded), when one is the other without a legal
// form or ".com" ("Acme Corporation" = "Acme"), when the alias lexicon maps
// both to one official name ("Pentagon" = "Department of Defense"), when
// their given names are nickname forms of each other with the same surname,
// or when a single-word person name is the surname of exactly one full name
// (preferring a full name in the same document). Names that merely share a
// word are never joined. Every join is recorded in Entity.Merges. The result
// is deterministic for a given input order.
func Corpus(exs []kg.Extraction, lex *lexicon.Lexicon, known []kg.Entity) ([]kg.Extraction, kg.Graph) {
	t := NewTable(lex, known)
	for _, ex := range exs {
		t.Add(ex)
	}
	t.Resolve()
	var b GraphBuilder
	out := make([]kg.Extraction, len(exs))
	for di, ex := range exs {
		out[di] = t.Apply(di, ex)
		b.Add(out[di])
	}
	return out, b.Graph(t)
}

type node struct {
	idx      int
	e        kg.Entity
	doc      int // -1 for known entities
	docID    string
	mentions int // mentions of e in its document (e itself keeps none)
}

type edge struct {
	a, b int
	rule string
}

type resolver struct {
	nodes    []*node
	parent   []int
	edges    []edge
	agencies map[string]string // key -> canonical
	legal    map[string]bool   // legal-form words, lower case without dots
	nick     map[string][]string
	titles   map[string]string // title key -> the one spelling of that title
	places   []string          // place keys with a space after them, such as "u s ", that may prefix an agency's name
	joinRule map[int]string    // node -> rule by which it joined its cluster (set by clusters)
}

func newResolver(lex *lexicon.Lexicon) *resolver {
	r := &resolver{agencies: map[string]string{}, legal: map[string]bool{}, nick: map[string][]string{}, titles: map[string]string{}}
	if lex == nil {
		return r
	}
	for _, e := range lex.Entries("places") {
		r.places = append(r.places, kg.Key(e.Phrase)+" ")
	}
	sort.Strings(r.places)
	for _, e := range lex.Entries("titles") {
		c := e.Attr("same")
		if c == "" {
			c = e.Phrase
		}
		r.titles[kg.Key(e.Phrase)] = c
	}
	for _, e := range lex.Entries("agencies") {
		c := e.Attr("canonical")
		if c == "" {
			c = e.Phrase
		}
		r.agencies[kg.Key(e.Phrase)] = c
	}
	for _, e := range lex.Entries("org_heads") {
		if e.Attr("legal") == "1" {
			r.legal[kg.Key(e.Phrase)] = true
		}
	}
	for _, e := range lex.Entries("nicknames") {
		for _, f := range strings.Split(e.Attr("formal"), ",") {
			if f = strings.TrimSpace(f); f != "" {
				k := strings.ToLower(e.Phrase)
				r.nick[k] = append(r.nick[k], strings.ToLower(f))
			}
		}
	}
	return r
}

func (r *resolver) add(e kg.Entity, docID string, doc int) {
	n := &node{idx: len(r.nodes), e: e, doc: doc, docID: docID}
	r.nodes = append(r.nodes, n)
	r.parent = append(r.parent, n.idx)
}

func (r *resolver) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}

func (r *resolver) union(a, b int, rule string) {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	r.parent[rb] = ra
	r.edges = append(r.edges, edge{a, b, rule})
}

// names returns a node's name and aliases, without possessives.
func names(e kg.Entity) []string {
	out := []string{e.Name}
	out = append(out, e.Aliases...)
	for i, n := range out {
		out[i] = stripPossessive(n)
	}
	return out
}

func stripPossessive(s string) string {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+1 {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// keyRules returns the match keys of a name with the rule that produced each.
func (r *resolver) keyRules(t kg.EntityType, name string) map[string]string {
	out := map[string]string{}
	k := kg.Key(name)
	if k == "" {
		return out
	}
	out[string(t)+":"+k] = "same-key"
	if t == kg.Organization {
		if c, ok := r.agencies[k]; ok {
			out[string(t)+":"+kg.Key(c)] = "alias-lexicon"
		}
		// "U.S. Government Accountability Office" is the agency: a place
		// before an agency's name; only agencies, so "U.S. Steel" is no "Steel".
		for _, p := range r.places {
			if rest, ok := strings.CutPrefix(k, p); ok {
				if c, ok := r.agencies[rest]; ok {
					out[string(t)+":"+kg.Key(c)] = "place-prefix"
				}
			}
		}
		if b := r.orgBase(name); b != k && b != "" {
			out[string(t)+":"+b] = "legal-form"
		}
	} else {
		w := strings.Fields(k)
		if len(w) >= 2 {
			for _, f := range r.nick[w[0]] {
				out[string(t)+":"+f+" "+strings.Join(w[1:], " ")] = "nickname"
			}
		}
	}
	return out
}

// orgBase strips legal forms and ".com": "Acme Corporation", "Acme.com" -> "acme".
func (r *resolver) orgBase(name string) string {
	n := strings.TrimSpace(name)
	low := strings.ToLower(n)
	if strings.HasSuffix(low, ".com") {
		n = n[:len(n)-4]
	}
	w := strings.Fields(kg.Key(n))
	for len(w) > 1 && r.legal[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	return strings.Join(w, " ")
}

func (r *resolver) joinByKeys() {
	owner := map[string]int{}
	ownerRule := map[string]string{}
	// Sorted traversal keeps the result independent of map order.
	for _, n := range r.nodes {
		kr := map[string]string{}
		multi := n.e.Type == kg.Person && len(strings.Fields(kg.Key(n.e.Name))) >= 2
		for _, nm := range names(n.e) {
			// A full name's one-word alias ("Doe") is not a join key: two
			// people may share a surname; joinSurnames handles lone surnames.
			if multi && len(strings.Fields(kg.Key(nm))) < 2 {
				continue
			}
			for k, rule := range r.keyRules(n.e.Type, nm) {
				if old, ok := kr[k]; !ok || old != "same-key" {
					kr[k] = rule
				}
			}
		}
		keys := make([]string, 0, len(kr))
		for k := range kr {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if o, ok := owner[k]; ok {
				rule := kr[k]
				if rule == "same-key" {
					rule = ownerRule[k]
				}
				r.union(o, n.idx, rule)
			} else {
				owner[k] = n.idx
				ownerRule[k] = kr[k]
			}
		}
	}
}

// joinSurnames joins single-word person names to the one full name with that
// surname, preferring a full name in the same document.
func (r *resolver) joinSurnames() {
	full := map[string]map[int]bool{} // surname -> cluster roots
	fullInDoc := map[string]map[int]int{}
	for _, n := range r.nodes {
		if n.e.Type != kg.Person {
			continue
		}
		w := strings.Fields(kg.Key(n.e.Name))
		if len(w) < 2 {
			continue
		}
		s := w[len(w)-1]
		if full[s] == nil {
			full[s] = map[int]bool{}
			fullInDoc[s] = map[int]int{}
		}
		full[s][r.find(n.idx)] = true
		if _, ok := fullInDoc[s][n.doc]; !ok {
			fullInDoc[s][n.doc] = n.idx
		}
	}
	for _, n := range r.nodes {
		if n.e.Type != kg.Person {
			continue
		}
		w := strings.Fields(kg.Key(n.e.Name))
		if len(w) != 1 {
			continue
		}
		if i, ok := fullInDoc[w[0]][n.doc]; ok && n.doc >= 0 {
			r.union(i, n.idx, "surname")
			continue
		}
		if len(full[w[0]]) == 1 {
			for root := range full[w[0]] {
				r.union(root, n.idx, "surname")
			}
		}
	}
}

type cluster struct {
	ID, Name, Kind string
	Type           kg.EntityType
	Aliases        []string
	Merges         []kg.Merge
	members        []*node
}

// nodeMerges is why node n is in the cluster named into: the merges its
// extraction recorded and the rule that joined it, if its name differs.
func (r *resolver) nodeMerges(n *node, into string) []kg.Merge {
	var out []kg.Merge
	for _, m := range n.e.Merges {
		m.Into = into
		if kg.Key(m.Name) != kg.Key(m.Into) {
			out = append(out, m)
		}
	}
	if kg.Key(n.e.Name) != kg.Key(into) {
		rule := r.joinRule[n.idx]
		if rule == "" || rule == "same-key" {
			rule = "shared-alias"
		}
		out = append(out, kg.Merge{Rule: rule, Name: n.e.Name, Into: into, Where: n.docID})
	}
	return out
}

// known is the cluster's first member that was known before (stored or
// curated), or nil.
func (c *cluster) known() *node {
	for _, n := range c.members {
		if n.doc < 0 && n.e.ID != "" {
			return n
		}
	}
	return nil
}

func (c *cluster) copyHeader() kg.Entity {
	return kg.Entity{ID: c.ID, Type: c.Type, Name: c.Name, Kind: c.Kind,
		Aliases: append([]string{}, c.Aliases...), Merges: append([]kg.Merge(nil), c.Merges...)}
}

func (r *resolver) clusters() map[int]*cluster {
	out := map[int]*cluster{}
	for _, n := range r.nodes {
		root := r.find(n.idx)
		c := out[root]
		if c == nil {
			c = &cluster{Type: n.e.Type}
			out[root] = c
		}
		c.members = append(c.members, n)
	}
	// rule by which each node joined its cluster
	joinRule := map[int]string{}
	r.joinRule = joinRule
	for _, e := range r.edges {
		if _, ok := joinRule[e.b]; !ok {
			joinRule[e.b] = e.rule
		}
		if _, ok := joinRule[e.a]; !ok {
			joinRule[e.a] = e.rule
		}
	}
	for _, c := range out {
		c.Name = r.canonical(c)
		c.ID = kg.EntityID(c.Type, c.Name)
		// An entity already stored keeps its id and name when new
		// documents join it, even under a longer name ("Northwind
		// Systems Inc." for the stored "Northwind Systems"): otherwise
		// the new documents would write a second entity beside the one
		// the earlier documents mention, and ids that reports and
		// clients hold would change.
		if k := c.known(); k != nil {
			c.Name, c.ID = k.e.Name, k.e.ID
		}
		kinds := map[string]int{}
		aliases := map[string]string{}
		merges := map[kg.Merge]string{} // without Where -> first Where
		for _, n := range c.members {
			if n.e.Kind != "" {
				// a stored entity votes for the documents a load left
				// unread, which do not vote themselves
				kinds[n.e.Kind] += max(1, n.e.Votes)
			}
			for _, nm := range names(n.e) {
				if k := kg.Key(nm); k != "" && k != kg.Key(c.Name) {
					if old, ok := aliases[k]; !ok || nm < old {
						aliases[k] = nm
					}
				}
			}
			for _, m := range r.nodeMerges(n, c.Name) {
				// One record per decision (rule, name): the first document
				// that supports it, not every one, so it does not grow with
				// the corpus.
				k := kg.Merge{Rule: m.Rule, Name: m.Name, Into: m.Into}
				if w, ok := merges[k]; !ok || m.Where < w {
					merges[k] = m.Where
				}
			}
		}
		for _, a := range aliases {
			c.Aliases = append(c.Aliases, a)
		}
		sort.Strings(c.Aliases)
		if c.Aliases == nil {
			c.Aliases = []string{}
		}
		for m, where := range merges {
			m.Where = where
			c.Merges = append(c.Merges, m)
		}
		sort.Slice(c.Merges, func(i, j int) bool {
			a, b := c.Merges[i], c.Merges[j]
			if a.Name != b.Name {
				return a.Name < b.Name
			}
			if a.Where != b.Where {
				return a.Where < b.Where
			}
			return a.Rule < b.Rule
		})
		best, bn := "", 0
		for k, v := range kinds {
			if v > bn || (v == bn && k < best) {
				best, bn = k, v
			}
		}
		c.Kind = best
	}
	return out
}

// canonical picks a cluster's name: for organizations the official name from
// the alias lexicon, else the longest name that is not an acronym or a web
// address; for persons the name with most words, formal given name first.
func (r *resolver) canonical(c *cluster) string {
	var cands []string
	for _, n := range c.members {
		cands = append(cands, names(n.e)...)
	}
	sort.Strings(cands)
	if c.Type == kg.Organization {
		for _, nm := range cands {
			if canon, ok := r.agencies[kg.Key(nm)]; ok {
				return canon
			}
		}
	}
	best := ""
	score := func(s string) [3]int {
		w := strings.Fields(s)
		acr := 0
		if !isAcronym(s) {
			acr = 1
		}
		web := 1
		if strings.HasSuffix(strings.ToLower(s), ".com") {
			web = 0
		}
		formal := 1
		if len(w) > 0 {
			if _, ok := r.nick[strings.ToLower(w[0])]; ok {
				formal = 0
			}
		}
		if c.Type == kg.Person {
			return [3]int{len(w), formal, len(s)}
		}
		return [3]int{acr, web, len(s)}
	}
	for _, nm := range cands {
		nm = strings.TrimPrefix(nm, "the ")
		if best == "" {
			best = nm
			continue
		}
		a, b := score(nm), score(best)
		if a[0] > b[0] || (a[0] == b[0] && (a[1] > b[1] || (a[1] == b[1] && a[2] > b[2]))) {
			best = nm
		}
	}
	return best
}

func isAcronym(s string) bool {
	up := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			return false
		}
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2 && len(s) <= 6
}

func sortMentions(ms []kg.Mention) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Document != ms[j].Document {
			return ms[i].Document < ms[j].Document
		}
		return ms[i].Start < ms[j].Start
	})
}

func firstStart(e kg.Entity) int {
	if len(e.Mentions) == 0 {
		return 1 << 30
	}
	return e.Mentions[0].Start
}

func mapID(idmap map[string]string, id string) string {
	if n, ok := idmap[id]; ok {
		return n
	}
	return id
}

// rewriteRoles maps a document's roles onto the resolved entities and spells
// each title the one way the titles lexicon gives ("Defense Secretary" and
// "defense secretary" are "Secretary of Defense"), so one office held is one
// role however the articles word it; the sources keep the words.
func rewriteRoles(rs []kg.Role, idmap, titles map[string]string) []kg.Role {
	out := []kg.Role{}
	for _, r := range rs {
		if t, ok := titles[kg.Key(r.Title)]; ok {
			r.Title = t
		}
		r.Person = mapID(idmap, r.Person)
		if r.Organization != "" {
			r.Organization = mapID(idmap, r.Organization)
		}
		r.ID = kg.ID("rol", r.Person, r.Title, r.Organization, r.Status)
		r.Sources = append([]kg.Source(nil), r.Sources...)
		out = append(out, r)
	}
	return mergeRoles(out)
}

func rewriteRelations(rs []kg.Relation, idmap map[string]string) []kg.Relation {
	out := []kg.Relation{}
	for _, r := range rs {
		r.From, r.To = mapID(idmap, r.From), mapID(idmap, r.To)
		if r.From == r.To {
			continue
		}
		r.ID = kg.ID("rel", r.Type, r.From, r.To)
		r.Sources = append([]kg.Source(nil), r.Sources...)
		out = append(out, r)
	}
	return mergeRelations(out)
}

func rewriteEvents(es []kg.Event, idmap map[string]string) []kg.Event {
	out := []kg.Event{}
	for _, e := range es {
		ps := make([]kg.Participant, len(e.Participants))
		for i, p := range e.Participants {
			if p.Entity != "" {
				p.Entity = mapID(idmap, p.Entity)
			}
			ps[i] = p
		}
		e.Participants = ps
		out = append(out, e)
	}
	return out
}

func rewriteClaims(cs []kg.Claim, idmap map[string]string) []kg.Claim {
	out := []kg.Claim{}
	for _, c := range cs {
		c.Claimant = mapID(idmap, c.Claimant)
		about := make([]string, len(c.About))
		for i, a := range c.About {
			about[i] = mapID(idmap, a)
		}
		c.About = about
		out = append(out, c)
	}
	return out
}

func mergeRoles(rs []kg.Role) []kg.Role {
	out := []kg.Role{}
	at := map[string]int{}
	for _, r := range rs {
		if i, ok := at[r.ID]; ok {
			out[i].Sources = appendSources(out[i].Sources, r.Sources)
			continue
		}
		at[r.ID] = len(out)
		out = append(out, r)
	}
	return out
}

func mergeRelations(rs []kg.Relation) []kg.Relation {
	out := []kg.Relation{}
	at := map[string]int{}
	for _, r := range rs {
		if i, ok := at[r.ID]; ok {
			out[i].Sources = appendSources(out[i].Sources, r.Sources)
			continue
		}
		at[r.ID] = len(out)
		out = append(out, r)
	}
	return out
}

func appendSources(a, b []kg.Source) []kg.Source {
	seen := map[kg.Source]bool{}
	for _, s := range a {
		seen[s] = true
	}
	for _, s := range b {
		if !seen[s] {
			seen[s] = true
			a = append(a, s)
		}
	}
	return a
}

func dedupeEvents(es []kg.Event) []kg.Event {
	out := []kg.Event{}
	at := map[string]int{}
	for _, e := range es {
		if i, ok := at[e.ID]; ok && e.ID != "" {
			out[i].Sources = appendSources(out[i].Sources, e.Sources)
			continue
		}
		at[e.ID] = len(out)
		out = append(out, e)
	}
	return out
}

func dedupeClaims(cs []kg.Claim) []kg.Claim {
	out := []kg.Claim{}
	at := map[string]int{}
	for _, c := range cs {
		if i, ok := at[c.ID]; ok && c.ID != "" {
			out[i].Sources = appendSources(out[i].Sources, c.Sources)
			continue
		}
		at[c.ID] = len(out)
		out = append(out, c)
	}
	return out
}
