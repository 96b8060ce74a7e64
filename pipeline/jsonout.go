package pipeline

import (
	"bufio"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/factgraph/factgraph/kg"
)

// GraphCounts says how many elements each section of a written graph has.
type GraphCounts struct {
	Documents, Entities, Roles, Relations, Events, Claims int
}

// Partition sizes of the JSON writer's spill files: how much of a section is
// decoded at once when it is written out. Variables so that tests can make
// them small and exercise many partitions.
var (
	jsonMentionsPerPart = 1 << 16 // mentions (about 250 bytes each decoded)
	jsonFactsPerPart    = 1 << 14 // distinct roles or relations, with their sources
)

// WriteJSON writes the graph of x's documents to w as one JSON object with
// the sections of kg.Graph (documents, entities, roles, relations, events,
// claims): byte for byte what encoding the graph of resolve.GraphBuilder
// would give (EncodeGraph), without holding that graph. Memory is the entity
// table, one id per distinct role and relation, and one partition of a
// section at a time; the rest waits in temporary files in dir ("" for
// os.TempDir) while the extractions are read once:
//
//   - documents are written to w as they are read;
//   - events and claims are encoded into temporary files as they are read
//     (their ids include their document's, so they only merge within a
//     document) and copied to w at the end;
//   - mentions are spilled into files by ranges of entity id (sized from
//     the table's mention counts), and roles and relations by their order of
//     first appearance; each file is then read back, grouped, sorted or
//     merged as GraphBuilder does, and written.
func (x *Extracted) WriteJSON(ctx context.Context, w io.Writer, dir string) (GraphCounts, error) {
	var c GraphCounts
	tmp, err := os.MkdirTemp(dir, "factgraph-json-*")
	if err != nil {
		return c, fmt.Errorf("json spill dir: %w", err)
	}
	defer os.RemoveAll(tmp)
	jw, err := newJSONWriter(x, w, tmp)
	if err != nil {
		return c, err
	}
	defer jw.close()
	jw.bw.WriteString("{")
	jw.out.open(0, "documents")
	if err := x.Each(ctx, jw.document); err != nil {
		return c, err
	}
	c.Documents = jw.out.n
	jw.bw.WriteString("]")
	if c.Entities, err = jw.writeEntities(); err != nil {
		return c, err
	}
	if err := jw.writeFacts(&c); err != nil {
		return c, err
	}
	jw.bw.WriteString("\n}\n")
	return c, jw.bw.Flush()
}

// jsonWriter is one WriteJSON run: the entity table's order and mention
// partitions, the spill files and the output.
type jsonWriter struct {
	ents      []kg.Entity
	ord       map[string]int // entity id -> ordinal
	part      []int          // entity ordinal -> mention partition
	partStart []int          // first entity ordinal of each partition

	mentions *spill[kg.Mention]
	roles    *spill[kg.Role]
	rels     *spill[kg.Relation]
	events   *sectionFile
	claims   *sectionFile

	bw              *bufio.Writer
	out             *section
	roleOrd, relOrd map[string]int
}

// newJSONWriter orders the entity table, sizes the mention partitions from
// its mention counts and opens the spill files in tmp.
func newJSONWriter(x *Extracted, w io.Writer, tmp string) (*jsonWriter, error) {
	jw := &jsonWriter{ents: x.Table.Entities(), roleOrd: map[string]int{}, relOrd: map[string]int{}}
	counts := x.Table.MentionCounts()
	jw.ord = make(map[string]int, len(jw.ents))
	jw.part = make([]int, len(jw.ents))
	for i, n := 0, 0; i < len(jw.ents); i++ {
		jw.ord[jw.ents[i].ID] = i
		m := counts[jw.ents[i].ID]
		if i == 0 || (n > 0 && n+m > jsonMentionsPerPart) {
			jw.partStart = append(jw.partStart, i)
			n = 0
		}
		jw.part[i] = len(jw.partStart) - 1
		n += m
	}
	jw.mentions = &spill[kg.Mention]{dir: tmp, name: "mentions"}
	jw.roles = &spill[kg.Role]{dir: tmp, name: "roles"}
	jw.rels = &spill[kg.Relation]{dir: tmp, name: "relations"}
	var err error
	if jw.events, err = newSectionFile(tmp, "events"); err != nil {
		jw.close()
		return nil, err
	}
	if jw.claims, err = newSectionFile(tmp, "claims"); err != nil {
		jw.close()
		return nil, err
	}
	jw.bw = bufio.NewWriterSize(w, 1<<20)
	jw.out = &section{w: jw.bw}
	return jw, nil
}

// close closes the spill files (WriteJSON removes their directory).
func (jw *jsonWriter) close() {
	jw.mentions.close()
	jw.roles.close()
	jw.rels.close()
	if jw.events != nil {
		jw.events.f.Close()
	}
	if jw.claims != nil {
		jw.claims.f.Close()
	}
}

// document writes one extraction's document and spills its mentions,
// roles, relations, events and claims.
func (jw *jsonWriter) document(ex kg.Extraction) error {
	d := ex.Document
	d.Text = ""
	if err := jw.out.item(d); err != nil {
		return err
	}
	for _, e := range ex.Entities {
		o, ok := jw.ord[e.ID]
		if !ok {
			return fmt.Errorf("document %s: entity %s is not in the entity table", d.ID, e.ID)
		}
		for _, m := range e.Mentions {
			if err := jw.mentions.add(jw.part[o], o, m); err != nil {
				return err
			}
		}
	}
	for _, r := range ex.Roles {
		o := ordinal(jw.roleOrd, r.ID)
		if err := jw.roles.add(o/jsonFactsPerPart, o, r); err != nil {
			return err
		}
	}
	for _, r := range ex.Relations {
		o := ordinal(jw.relOrd, r.ID)
		if err := jw.rels.add(o/jsonFactsPerPart, o, r); err != nil {
			return err
		}
	}
	for _, e := range mergeByID(ex.Events, func(e kg.Event) string { return e.ID },
		func(e *kg.Event) *[]kg.Source { return &e.Sources }) {
		if err := jw.events.item(e); err != nil {
			return err
		}
	}
	for _, cl := range mergeByID(ex.Claims, func(c kg.Claim) string { return c.ID },
		func(c *kg.Claim) *[]kg.Source { return &c.Sources }) {
		if err := jw.claims.item(cl); err != nil {
			return err
		}
	}
	return nil
}

// writeEntities writes the entities partition by partition, each with its
// mentions read back from the spill and ordered as GraphBuilder orders
// them, and returns how many it wrote.
func (jw *jsonWriter) writeEntities() (int, error) {
	jw.out.open(1, "entities")
	for p, first := range jw.partStart {
		end := len(jw.ents)
		if p+1 < len(jw.partStart) {
			end = jw.partStart[p+1]
		}
		recs, err := jw.mentions.read(p)
		if err != nil {
			return 0, err
		}
		// GraphBuilder appends mentions in document order and sorts them
		// stably by document id and start: the same, per entity.
		sort.SliceStable(recs, func(i, j int) bool {
			a, b := recs[i], recs[j]
			if a.K != b.K {
				return a.K < b.K
			}
			if a.V.Document != b.V.Document {
				return a.V.Document < b.V.Document
			}
			return a.V.Start < b.V.Start
		})
		for o := first; o < end; o++ {
			e := jw.ents[o]
			for len(recs) > 0 && recs[0].K == o {
				e.Mentions = append(e.Mentions, recs[0].V)
				recs = recs[1:]
			}
			if err := jw.out.item(e); err != nil {
				return 0, err
			}
		}
	}
	n := jw.out.n
	jw.bw.WriteString("]")
	return n, nil
}

// writeFacts writes the roles and relations merged from their spills, then
// copies the events and claims, counting each section into c.
func (jw *jsonWriter) writeFacts(c *GraphCounts) error {
	jw.out.open(2, "roles")
	if err := writeMerged(jw.roles, len(jw.roleOrd), jw.out, func(r *kg.Role) *[]kg.Source { return &r.Sources }); err != nil {
		return err
	}
	c.Roles = jw.out.n
	jw.bw.WriteString("]")
	jw.out.open(3, "relations")
	if err := writeMerged(jw.rels, len(jw.relOrd), jw.out, func(r *kg.Relation) *[]kg.Source { return &r.Sources }); err != nil {
		return err
	}
	c.Relations = jw.out.n
	jw.bw.WriteString("]")
	for i, s := range []*sectionFile{jw.events, jw.claims} {
		jw.out.open(4+i, s.name)
		if err := s.copyTo(jw.bw); err != nil {
			return err
		}
		jw.bw.WriteString("]")
	}
	c.Events, c.Claims = jw.events.n, jw.claims.n
	return nil
}

// ordinal returns id's order of first appearance in seen, adding it if new.
func ordinal(seen map[string]int, id string) int {
	o, ok := seen[id]
	if !ok {
		o = len(seen)
		seen[id] = o
	}
	return o
}

// mergeByID keeps the first of the elements with the same non-empty id and
// appends the others' new sources to it, as GraphBuilder does.
func mergeByID[T any](xs []T, id func(T) string, sources func(*T) *[]kg.Source) []T {
	out := make([]T, 0, len(xs))
	at := map[string]int{}
	for _, x := range xs {
		if i, ok := at[id(x)]; ok && id(x) != "" {
			s := sources(&out[i])
			*s = addSources(*s, *sources(&x), nil)
			continue
		}
		at[id(x)] = len(out)
		out = append(out, x)
	}
	return out
}

// addSources appends the sources of b that a lacks, in order. seen, if not
// nil, holds a's sources and is kept up to date.
func addSources(a, b []kg.Source, seen map[kg.Source]bool) []kg.Source {
	if seen == nil {
		seen = make(map[kg.Source]bool, len(a))
		for _, s := range a {
			seen[s] = true
		}
	}
	for _, s := range b {
		if !seen[s] {
			seen[s] = true
			a = append(a, s)
		}
	}
	return a
}

// writeMerged writes the n facts spilled in s by order of first appearance,
// each merged with its later copies (their new sources appended), as
// GraphBuilder's mergeRoles and mergeRelations do.
func writeMerged[T any](s *spill[T], n int, out *section, sources func(*T) *[]kg.Source) error {
	for p := 0; p*jsonFactsPerPart < n; p++ {
		recs, err := s.read(p)
		if err != nil {
			return err
		}
		first := p * jsonFactsPerPart
		facts := make([]T, min(jsonFactsPerPart, n-first))
		seen := make([]map[kg.Source]bool, len(facts))
		for _, r := range recs {
			i := r.K - first
			if seen[i] == nil {
				facts[i], seen[i] = r.V, map[kg.Source]bool{}
				for _, src := range *sources(&facts[i]) {
					seen[i][src] = true
				}
				continue
			}
			ss := sources(&facts[i])
			*ss = addSources(*ss, *sources(&r.V), seen[i])
		}
		for i := range facts {
			if err := out.item(facts[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// section writes the elements of one section of the graph object, in the
// layout of EncodeGraph.
type section struct {
	w *bufio.Writer
	n int
}

// open starts the i-th section of the object.
func (s *section) open(i int, name string) {
	if i > 0 {
		s.w.WriteString(",")
	}
	fmt.Fprintf(s.w, "\n %q: [", name)
	s.n = 0
}

func (s *section) item(v any) error {
	b, err := json.MarshalIndent(v, "  ", " ")
	if err != nil {
		return err
	}
	if s.n > 0 {
		s.w.WriteString(",")
	}
	s.w.WriteString("\n  ")
	_, err = s.w.Write(b)
	s.n++
	return err
}

// EncodeGraph writes g as one JSON object, encoding one element at a time,
// in the layout WriteJSON streams. The scorer and jq users want [] rather
// than null for empty lists, so every section is written.
func EncodeGraph(w io.Writer, g kg.Graph) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	s := &section{w: bw}
	bw.WriteString("{")
	for i, sec := range []struct {
		name string
		n    int
		at   func(int) any
	}{
		{"documents", len(g.Documents), func(i int) any { return g.Documents[i] }},
		{"entities", len(g.Entities), func(i int) any { return g.Entities[i] }},
		{"roles", len(g.Roles), func(i int) any { return g.Roles[i] }},
		{"relations", len(g.Relations), func(i int) any { return g.Relations[i] }},
		{"events", len(g.Events), func(i int) any { return g.Events[i] }},
		{"claims", len(g.Claims), func(i int) any { return g.Claims[i] }},
	} {
		s.open(i, sec.name)
		for j := 0; j < sec.n; j++ {
			if err := s.item(sec.at(j)); err != nil {
				return err
			}
		}
		bw.WriteString("]")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// sectionFile holds the encoded elements of a section that is written
// after sections still being gathered.
type sectionFile struct {
	section
	name string
	f    *os.File
}

func newSectionFile(dir, name string) (*sectionFile, error) {
	f, err := os.CreateTemp(dir, name+"-*.json")
	if err != nil {
		return nil, fmt.Errorf("json spill file: %w", err)
	}
	return &sectionFile{section: section{w: bufio.NewWriterSize(f, 1<<16)}, name: name, f: f}, nil
}

func (s *sectionFile) copyTo(w io.Writer) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("json spill file: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("json spill file: %w", err)
	}
	_, err := io.Copy(w, s.f)
	return err
}

// keyed is one spilled element with its key (an entity or fact ordinal).
type keyed[T any] struct {
	K int
	V T
}

// spill keeps elements in temporary files, one per partition, to be read
// back a partition at a time in the order they were added.
type spill[T any] struct {
	dir, name string
	parts     []*spillPart
}

type spillPart struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
}

func (s *spill[T]) add(p, k int, v T) error {
	for len(s.parts) <= p {
		s.parts = append(s.parts, nil)
	}
	sp := s.parts[p]
	if sp == nil {
		f, err := os.CreateTemp(s.dir, fmt.Sprintf("%s-%d-*.gob", s.name, p))
		if err != nil {
			return fmt.Errorf("json spill file: %w", err)
		}
		sp = &spillPart{f: f, w: bufio.NewWriterSize(f, 1<<16)}
		sp.enc = gob.NewEncoder(sp.w)
		s.parts[p] = sp
	}
	if err := sp.enc.Encode(keyed[T]{k, v}); err != nil {
		return fmt.Errorf("json spill file: %w", err)
	}
	return nil
}

// read returns the elements of partition p in the order they were added,
// and closes its file.
func (s *spill[T]) read(p int) ([]keyed[T], error) {
	if p >= len(s.parts) || s.parts[p] == nil {
		return nil, nil
	}
	sp := s.parts[p]
	s.parts[p] = nil
	defer sp.f.Close()
	if err := sp.w.Flush(); err != nil {
		return nil, fmt.Errorf("json spill file: %w", err)
	}
	if _, err := sp.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("json spill file: %w", err)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(sp.f, 1<<16))
	var out []keyed[T]
	for {
		var r keyed[T]
		if err := dec.Decode(&r); err != nil {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			return nil, fmt.Errorf("json spill file: read back: %w", err)
		}
		out = append(out, r)
	}
}

func (s *spill[T]) close() {
	for _, sp := range s.parts {
		if sp != nil {
			sp.f.Close()
		}
	}
}
