package resolve

import (
	"sort"
	"strings"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// Table resolves entities across a corpus that is streamed rather than held:
// Add takes each document's extraction in input order and keeps only its
// entities' names (no mentions, no text), Resolve joins them, and Apply then
// rewrites each extraction, read again from wherever the caller spilled it,
// onto the resolved entities. Its memory is the entity names of the corpus,
// not the documents. Corpus is Add, Resolve and Apply over a slice, so both
// give the same result for the same input order.
type Table struct {
	r     *resolver
	start []int // first node of each added document
	docs  []string
	cl    map[int]*cluster
	// strs holds one copy of each name, id and alias: the same entity is
	// mentioned by thousands of documents, and a copy per mention made
	// the table most of the loader's memory.
	strs map[string]string
}

// NewTable returns a table seeded with known entities (those in the store
// and curated ones), so that new documents join existing nodes.
func NewTable(lex *lexicon.Lexicon, known []kg.Entity) *Table {
	t := &Table{r: newResolver(lex), strs: map[string]string{}}
	for _, e := range known {
		t.r.add(t.header(e), "", -1)
	}
	return t
}

// Unvote takes off the known entities' votes (kg.Entity.Votes) the
// stored documents this load reads again: those documents vote
// themselves. Call it before Resolve.
func (t *Table) Unvote(counts map[string]int) {
	for _, n := range t.r.nodes {
		if n.doc < 0 && counts[n.e.ID] > 0 {
			n.e.Votes = max(0, n.e.Votes-counts[n.e.ID])
		}
	}
}

// Add records the entities of the next document. Its index for Apply is the
// number of documents added before it.
func (t *Table) Add(ex kg.Extraction) {
	di := len(t.start)
	t.start = append(t.start, len(t.r.nodes))
	id := strings.Clone(ex.Document.ID)
	t.docs = append(t.docs, id)
	for _, e := range ex.Entities {
		t.r.add(t.header(e), id, di)
		t.r.nodes[len(t.r.nodes)-1].mentions = len(e.Mentions)
	}
}

// Len is the number of documents added.
func (t *Table) Len() int { return len(t.start) }

// header is an entity without its mentions, with its strings copied (once
// per distinct string, see str) so that they do not keep the document's
// text alive.
func (t *Table) header(e kg.Entity) kg.Entity {
	h := kg.Entity{ID: t.str(e.ID), Type: kg.EntityType(t.str(string(e.Type))), Name: t.str(e.Name), Kind: t.str(e.Kind), Votes: e.Votes}
	if len(e.Aliases) > 0 {
		h.Aliases = make([]string, len(e.Aliases))
		for i, a := range e.Aliases {
			h.Aliases[i] = t.str(a)
		}
	}
	if len(e.Merges) > 0 {
		h.Merges = make([]kg.Merge, len(e.Merges))
		for i, m := range e.Merges {
			h.Merges[i] = kg.Merge{Rule: t.str(m.Rule), Name: t.str(m.Name), Into: t.str(m.Into), Where: t.str(m.Where)}
		}
	}
	return h
}

// str returns the table's copy of s.
func (t *Table) str(s string) string {
	if c, ok := t.strs[s]; ok {
		return c
	}
	c := strings.Clone(s)
	t.strs[c] = c
	return c
}

// Resolve joins the entities added so far. Call it once, after the last Add.
func (t *Table) Resolve() {
	t.r.joinByKeys()
	t.r.joinSurnames()
	t.cl = t.r.clusters()
}

// Apply rewrites the extraction added as document di onto the resolved
// entities: one entity per cluster the document mentions, carrying the
// cluster's id, name and kind, the names this document used for it (its
// aliases here; the cluster's are in Entities) and only this document's
// merge decisions, and its roles, relations, events and claims with the
// cluster ids.
func (t *Table) Apply(di int, ex kg.Extraction) kg.Extraction {
	idmap := map[string]string{}
	var ents []kg.Entity
	seen := map[string]int{}
	end := len(t.r.nodes)
	if di+1 < len(t.start) {
		end = t.start[di+1]
	}
	for j, e := range ex.Entities {
		if t.start[di]+j >= end {
			break
		}
		n := t.r.nodes[t.start[di]+j]
		c := t.cl[t.r.find(n.idx)]
		idmap[e.ID] = c.ID
		if i, ok := seen[c.ID]; ok {
			ents[i].Aliases = append(ents[i].Aliases, names(n.e)...)
			ents[i].Mentions = append(ents[i].Mentions, e.Mentions...)
			ents[i].Merges = addMerges(ents[i].Merges, t.r.nodeMerges(n, c.Name))
			continue
		}
		h := kg.Entity{ID: c.ID, Type: c.Type, Name: c.Name, Kind: c.Kind, Aliases: names(n.e)}
		h.Merges = addMerges(nil, t.r.nodeMerges(n, c.Name))
		h.Mentions = append([]kg.Mention(nil), e.Mentions...)
		seen[c.ID] = len(ents)
		ents = append(ents, h)
	}
	for i := range ents {
		sortMentions(ents[i].Mentions)
		ents[i].Aliases = docAliases(ents[i].Name, ents[i].Aliases)
	}
	sort.SliceStable(ents, func(i, j int) bool { return firstStart(ents[i]) < firstStart(ents[j]) })
	nx := kg.Extraction{Document: ex.Document, Entities: ents}
	nx.Roles = rewriteRoles(ex.Roles, idmap, t.r.titles)
	nx.Relations = rewriteRelations(ex.Relations, idmap)
	nx.Events = rewriteEvents(ex.Events, idmap)
	nx.Claims = rewriteClaims(ex.Claims, idmap)
	return nx
}

// docAliases returns the names a document used for an entity, other than
// its canonical name, sorted and each once (by key, as the cluster's
// aliases are): a document's extraction carries the names it wrote, not
// every name the corpus gathered, so that it does not change when another
// document brings a new name for the same entity.
func docAliases(name string, used []string) []string {
	byKey := map[string]string{}
	for _, nm := range used {
		if k := kg.Key(nm); k != "" && k != kg.Key(name) {
			if old, ok := byKey[k]; !ok || nm < old {
				byKey[k] = nm
			}
		}
	}
	out := make([]string, 0, len(byKey))
	for _, a := range byKey {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// addMerges appends the merges of ms that dst lacks, keeping dst sorted.
func addMerges(dst, ms []kg.Merge) []kg.Merge {
	for _, m := range ms {
		dup := false
		for _, d := range dst {
			if d == m {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, m)
		}
	}
	sort.Slice(dst, func(i, j int) bool {
		a, b := dst[i], dst[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Rule < b.Rule
	})
	return dst
}

// Entities returns one entity per cluster (known ones included), sorted by
// id, without mentions.
func (t *Table) Entities() []kg.Entity {
	out := make([]kg.Entity, 0, len(t.cl))
	for _, c := range t.cl {
		out = append(out, c.copyHeader())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// MentionCounts returns the number of mentions of each resolved entity, by
// id, over the documents added: the length of its mention list in the
// graph, known before the extractions are read again.
func (t *Table) MentionCounts() map[string]int {
	out := make(map[string]int, len(t.cl))
	for _, n := range t.r.nodes {
		if n.mentions > 0 {
			out[t.cl[t.r.find(n.idx)].ID] += n.mentions
		}
	}
	return out
}

// GraphBuilder gathers resolved extractions into the whole-corpus graph
// (the loader's --json output). It keeps facts and mentions, never the
// documents' text.
type GraphBuilder struct {
	docs     []kg.Document
	mentions map[string][]kg.Mention
	roles    []kg.Role
	rels     []kg.Relation
	events   []kg.Event
	claims   []kg.Claim
}

// Add takes one resolved extraction.
func (b *GraphBuilder) Add(ex kg.Extraction) {
	if b.mentions == nil {
		b.mentions = map[string][]kg.Mention{}
	}
	d := ex.Document
	d.Text = ""
	b.docs = append(b.docs, d)
	for _, e := range ex.Entities {
		b.mentions[e.ID] = append(b.mentions[e.ID], e.Mentions...)
	}
	b.roles = append(b.roles, ex.Roles...)
	b.rels = append(b.rels, ex.Relations...)
	b.events = append(b.events, ex.Events...)
	b.claims = append(b.claims, ex.Claims...)
}

// Graph returns the graph of everything added, with the table's entities.
func (b *GraphBuilder) Graph(t *Table) kg.Graph {
	g := kg.Graph{Documents: b.docs, Entities: t.Entities()}
	for i := range g.Entities {
		e := &g.Entities[i]
		e.Mentions = b.mentions[e.ID]
		sortMentions(e.Mentions)
	}
	g.Roles = mergeRoles(b.roles)
	g.Relations = mergeRelations(b.rels)
	g.Events = dedupeEvents(b.events)
	g.Claims = dedupeClaims(b.claims)
	return g
}

// EntityIDs returns the ids of the resolved entities the added documents
// mention, sorted.
func (t *Table) EntityIDs() []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range t.r.nodes {
		if n.doc >= 0 {
			if id := t.cl[t.r.find(n.idx)].ID; !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Strings(out)
	return out
}
