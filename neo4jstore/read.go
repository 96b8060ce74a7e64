package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/kg"
)

// The read side: every method runs one Cypher statement in a read
// transaction (ExecuteQuery with reader routing) and converts the records to
// kg values in named functions. Facts come with their sources; events with
// their participants; claims with claimant and about ids; roles with person
// and organization ids. Entity references ("ref") are an id, a name or an
// alias, matched case-insensitively.

// Cypher projections of the node kinds. Each takes the variable name and
// the selected fields (kg.Fields, nil for all): a column is read only when
// its field is selected, so a query for names reads names. The id, an
// entity's type and the sort keys of paginated lists are always read. An
// entity's merges are never part of its projection (see MergesOf). The
// projections of facts take a kg.Include: a fact's reference to an entity
// or a document is its id, or the projection of the entity or document
// when the Include asks for it (the conversions gather these into a
// kg.Related), so related nodes are read on the one expansion that finds
// them.

// col is one column of a projection: its value is expr (%[1]s stands for
// the variable) when field is selected, or always when field is ""; key
// names it for rowOf, which finds it by the column's position. When
// rel says the Include asks for the related nodes, relExpr replaces expr:
// %[2]s stands for the projection of entity x, %[3]s for that of document
// d.
type col struct {
	field, key, expr string
	rel              func(kg.Include) bool
	relExpr          string
}

// proj projects v as a list of the columns' values in their order, null
// for a column the Include does not select, trailing nulls left off; rowOf
// reads it back by key. Facts and entities come by the hundred, and the
// driver reads a list for a fraction of a map's cost: no key strings, no
// hash table.
func proj(v, typ string, inc kg.Include, cols []col) string {
	f := inc.Fields
	parts := make([]string, 0, len(cols))
	for _, c := range cols {
		switch {
		case c.field != "" && !f.Has(typ, c.field):
			parts = append(parts, "null")
		case c.rel != nil && c.rel(inc):
			parts = append(parts, fmt.Sprintf(c.relExpr, v, entityProj("x", f), documentProj("d", f)))
		default:
			parts = append(parts, fmt.Sprintf(c.expr, v))
		}
	}
	for len(parts) > 0 && parts[len(parts)-1] == "null" {
		parts = parts[:len(parts)-1]
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// row reads a projection by column key: proj's list by the key's position
// among its columns, or a map (a projection written by hand) by key.
type row struct {
	l    []any
	m    map[string]any
	cols []col
}

func rowOf(v any, cols []col) row {
	switch x := v.(type) {
	case []any:
		return row{l: x, cols: cols}
	case map[string]any:
		return row{m: x}
	}
	return row{}
}

func (r row) get(key string) any {
	if r.m != nil {
		return r.m[key]
	}
	for i, c := range r.cols {
		if c.key == key {
			if i < len(r.l) {
				return r.l[i]
			}
			return nil
		}
	}
	return nil
}

var entityCols = []col{
	{field: "", key: "id", expr: "%[1]s.id"},
	{field: "", key: "type", expr: "CASE WHEN %[1]s:Person THEN 'person' ELSE 'organization' END"},
	{field: "name", key: "name", expr: "%[1]s.name"},
	{field: "aliases", key: "aliases", expr: "coalesce(%[1]s.aliases, [])"},
	{field: "kind", key: "kind", expr: "coalesce(%[1]s.kind, '')"},
}

func entityProj(v string, f kg.Fields) string {
	return proj(v, "Entity", kg.Include{Fields: f}, entityCols)
}

// sourceCols are the values of a source in sourcesCol's lists.
var sourceCols = []col{{key: "document", expr: "d.id"}, {key: "sentence", expr: "s.sentence"},
	{key: "start", expr: "s.start"}, {key: "end", expr: "s.end"}, {key: "quote", expr: "s.quote"}}

// sourcesCol is the sources column of a fact, each source a list of
// sourceCols: document is the document's id, or its projection when the
// Include asks for documents.
var sourcesCol = col{field: "sources", key: "sources",
	expr: `COLLECT { MATCH (%[1]s)-[s:SOURCED_FROM]->(d:Document)
		RETURN ` + listOfCols(sourceCols, "") + `
		ORDER BY d.publishedAt, d.id, s.start }`,
	rel: func(inc kg.Include) bool { return inc.Documents },
	relExpr: `COLLECT { MATCH (%[1]s)-[s:SOURCED_FROM]->(d:Document)
		RETURN ` + listOfCols(sourceCols, "%[3]s") + `
		ORDER BY d.publishedAt, d.id, s.start }`}

// listOfCols is the Cypher list of the columns' expressions, in their
// order; first, unless "", replaces the first one.
func listOfCols(cols []col, first string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = c.expr
	}
	if first != "" {
		parts[0] = first
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// refCol is a column of entity ids (pattern binds x; order sorts them, or
// ""), or of their projections when rel says the Include asks for them.
func refCol(field, pattern, order string, rel func(kg.Include) bool) col {
	if order != "" {
		order = " ORDER BY " + order
	}
	return col{field: field, key: field,
		expr:    "COLLECT { MATCH " + pattern + " RETURN x.id" + order + " }",
		rel:     rel,
		relExpr: "COLLECT { MATCH " + pattern + " RETURN %[2]s" + order + " }"}
}

// oneRefCol is refCol for a fact's one entity (a role's person or
// organization, a claim's claimant): the first of the list, or null. The
// driver reads it without the list around it, two allocations a fact.
func oneRefCol(field, pattern string, rel func(kg.Include) bool) col {
	c := refCol(field, pattern, "", rel)
	c.expr, c.relExpr = "head("+c.expr+")", "head("+c.relExpr+")"
	return c
}

// participantCols are the values of a participant in eventCols' lists.
var participantCols = []col{{key: "entity", expr: "x.id"}, {key: "as", expr: "p.as"}}

var eventCols = []col{
	{field: "", key: "id", expr: "%[1]s.id"},
	{field: "", key: "date", expr: "%[1]s.date"},
	{field: "type", key: "type", expr: "%[1]s.type"},
	{field: "datePrecision", key: "datePrecision", expr: "%[1]s.datePrecision"},
	{field: "dateText", key: "dateText", expr: "%[1]s.dateText"},
	{field: "summary", key: "summary", expr: "%[1]s.summary"},
	{field: "participants", key: "unnamed", expr: "coalesce(%[1]s.unnamed, [])"},
	{field: "participants", key: "participants",
		expr:    "COLLECT { MATCH (x:Entity)-[p:PARTICIPATED_IN]->(%[1]s) RETURN " + listOfCols(participantCols, "") + " ORDER BY p.as, x.name }",
		rel:     func(inc kg.Include) bool { return inc.Participants },
		relExpr: "COLLECT { MATCH (x:Entity)-[p:PARTICIPATED_IN]->(%[1]s) RETURN " + listOfCols(participantCols, "%[2]s") + " ORDER BY p.as, x.name }"},
	sourcesCol,
}

func eventProj(v string, inc kg.Include) string { return proj(v, "Event", inc, eventCols) }

var claimCols = []col{
	{field: "", key: "id", expr: "%[1]s.id"},
	{field: "text", key: "text", expr: "%[1]s.text"},
	{field: "kind", key: "kind", expr: "%[1]s.kind"},
	{field: "verb", key: "verb", expr: "%[1]s.verb"},
	{field: "stance", key: "stance", expr: "%[1]s.stance"},
	{field: "topics", key: "topics", expr: "coalesce(%[1]s.topics, [])"},
	oneRefCol("claimant", "(x:Entity)-[:MADE]->(%[1]s)", func(inc kg.Include) bool { return inc.Claimant }),
	refCol("about", "(%[1]s)-[:ABOUT]->(x:Entity)", "x.id", func(inc kg.Include) bool { return inc.About }),
	sourcesCol,
}

func claimProj(v string, inc kg.Include) string { return proj(v, "Claim", inc, claimCols) }

var roleCols = []col{
	{field: "", key: "id", expr: "%[1]s.id"},
	{field: "title", key: "title", expr: "%[1]s.title"},
	{field: "status", key: "status", expr: "%[1]s.status"},
	oneRefCol("person", "(x:Entity)-[:HOLDS_ROLE]->(%[1]s)", func(inc kg.Include) bool { return inc.Person }),
	oneRefCol("organization", "(%[1]s)-[:AT]->(x:Entity)", func(inc kg.Include) bool { return inc.Organization }),
	sourcesCol,
}

func roleProj(v string, inc kg.Include) string { return proj(v, "Role", inc, roleCols) }

var documentCols = []col{
	{field: "", key: "id", expr: "%[1]s.id"},
	{field: "", key: "publishedAt", expr: "%[1]s.publishedAt"},
	{field: "file", key: "file", expr: "%[1]s.file"},
	{field: "title", key: "title", expr: "%[1]s.title"},
	{field: "publisher", key: "publisher", expr: "%[1]s.publisher"},
	{field: "url", key: "url", expr: "%[1]s.url"},
	{field: "sha256", key: "sha256", expr: "%[1]s.sha256"},
}

func documentProj(v string, f kg.Fields) string {
	return proj(v, "Document", kg.Include{Fields: f}, documentCols)
}

// refMatch is a predicate: entity v is named by parameter $p (id, name or
// alias, case-insensitive).
func refMatch(v, p string) string {
	return fmt.Sprintf(`(%[1]s.id = $%[2]s OR toLower(%[1]s.name) = toLower($%[2]s)
		OR any(a IN coalesce(%[1]s.aliases, []) + coalesce(%[1]s.curatedAliases, []) WHERE toLower(a) = toLower($%[2]s)))`, v, p)
}

// refOrder ranks the entities a ref matches: id, then name, then alias; then
// the most mentioned.
func refOrder(v, p string) string {
	return fmt.Sprintf(`CASE WHEN %[1]s.id = $%[2]s THEN 0 WHEN toLower(%[1]s.name) = toLower($%[2]s) THEN 1 ELSE 2 END,
		COUNT { (%[1]s)-[:MENTIONED_IN]->() } DESC, %[1]s.id`, v, p)
}

// resolveRef binds variable out to the one entity (of label) that parameter
// $p names, or yields no row. The candidates of the first two ranks of
// refOrder come from indexes: the entity whose id is $p (the unique index)
// and the entity named exactly $p (the name index); only when neither
// exists, the entities whose name is $p ignoring case (a phrase query on
// the full-text index, which lower-cases names, keeps those the exact
// predicate accepts: no two entities' names differ in case alone, their
// ids would be the same). Only when there is none are all entities
// scanned for an alias: floor is null otherwise, and a seek of the id
// index from null finds nothing (a WHERE on the count would be planned
// after the scan). The hints say SEEK, here and in exactLookups: with a
// plain USING INDEX, or none, the planner may scan a whole index and
// filter afterwards, which reads every entity (936 at 1,000 documents) on
// every lookup; it does so on statistics that say the indexes are empty,
// as a new store's do until they are sampled. A subquery whose importing
// row is filtered out runs nothing, and its collect() still returns one
// (empty) row.
func resolveRef(out, label, p string) string {
	return fmt.Sprintf(`CALL {
		  %[6]s
		  WITH collect(x) AS exact
		  CALL { WITH exact WITH exact WHERE size(exact) = 0
		    CALL db.index.fulltext.queryNodes('search',
		        'name:"' + replace(replace($%[3]s, '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS x
		    WITH x WHERE x:%[4]s AND toLower(x.name) = toLower($%[3]s) RETURN collect(x) AS folded }
		  WITH exact + folded AS found
		  CALL { WITH found WITH found, CASE WHEN size(found) = 0 THEN '' END AS floor
		    MATCH (x:Entity) USING INDEX SEEK x:Entity(id) WHERE x.id >= floor AND x:%[4]s AND %[1]s
		    RETURN collect(x) AS scanned }
		  UNWIND found + scanned AS x
		  RETURN x AS %[5]s ORDER BY %[2]s LIMIT 1 }`,
		refMatch("x", p), refOrder("x", p), p, label, out, exactLookups(label, p))
}

// exactLookups yields as x the entities (of label) whose id or exact name
// is $p, each found by an index seek.
func exactLookups(label, p string) string {
	return fmt.Sprintf(`CALL { MATCH (x:Entity {id: $%[1]s}) USING INDEX SEEK x:Entity(id) WHERE x:%[2]s RETURN x
		    UNION MATCH (x:Entity {name: $%[1]s}) USING INDEX SEEK x:Entity(name) WHERE x:%[2]s RETURN x }`, p, label)
}

// exactRef is resolveRef for the entities whose id or exact name is $p
// only, ranked as resolveRef ranks them: it yields no row when $p is only
// an alias or a name in other case.
func exactRef(out, label, p string) string {
	return fmt.Sprintf(`CALL {
		  %[4]s
		  RETURN x AS %[3]s ORDER BY CASE WHEN x.id = $%[1]s THEN 0 ELSE 1 END,
		    COUNT { (x)-[:MENTIONED_IN]->() } DESC, x.id LIMIT 1 }`, p, label, out, exactLookups(label, p))
}

// readRef runs rest (a statement's remainder over variable e) with e bound
// to the entity of label that parameter $ref names. Most references are
// an exact id or name: the statement that looks for those only is cheaper
// by a tenth of a millisecond, the time of resolveRef's fallbacks, which
// run in a second statement only when the first finds nothing.
func (s *Store) readRef(ctx context.Context, label, rest string, params map[string]any) ([]*neo4j.Record, error) {
	recs, err := s.read(ctx, exactRef("e", label, "ref")+rest, params)
	if err == nil && len(recs) == 0 {
		recs, err = s.read(ctx, resolveRef("e", label, "ref")+rest, params)
	}
	return recs, err
}

// --- conversions -----------------------------------------------------------

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any         { l, _ := v.([]any); return l }
func asInt(v any) int            { i, _ := v.(int64); return int(i) }

func strs(v any) []string {
	l := asList(v)
	out := make([]string, 0, len(l))
	for _, x := range l {
		out = append(out, str(x))
	}
	return out
}

func toEntity(v any) kg.Entity {
	r := rowOf(v, entityCols)
	return kg.Entity{ID: str(r.get("id")), Type: kg.EntityType(str(r.get("type"))), Name: str(r.get("name")),
		Aliases: strs(r.get("aliases")), Kind: str(r.get("kind"))}
}

// parseMerge reads back the merge log format of write.go: "rule: name -> into @doc".
func parseMerge(s string) kg.Merge {
	var m kg.Merge
	m.Rule, s, _ = strings.Cut(s, ": ")
	m.Name, s, _ = strings.Cut(s, " -> ")
	if i := strings.LastIndex(s, " @"); i >= 0 {
		m.Into, m.Where = s[:i], s[i+2:]
	} else {
		m.Into = s
	}
	return m
}

// gather collects the related entities and documents that projections
// bring along in place of ids (see col). A nil *gather reads the ids and
// drops the rest.
type gather struct{ rel kg.Related }

// ref returns the id of an entity reference: an id, or an entity's
// projection, which it keeps; "" for null (no entity).
func (g *gather) ref(v any) string {
	if !isProjection(v) {
		return str(v)
	}
	e := toEntity(v)
	if g != nil {
		if g.rel.Entities == nil {
			g.rel.Entities = map[string]kg.Entity{}
		}
		g.rel.Entities[e.ID] = e
	}
	return e.ID
}

// isProjection: v is a node's projection (proj's list, or a map written by
// hand), not its id.
func isProjection(v any) bool {
	switch v.(type) {
	case []any, map[string]any:
		return true
	}
	return false
}

func (g *gather) refs(v any) []string {
	l := asList(v)
	out := make([]string, 0, len(l))
	for _, x := range l {
		out = append(out, g.ref(x))
	}
	return out
}

// doc returns the id of a document reference, keeping a projection.
func (g *gather) doc(v any) string {
	if !isProjection(v) {
		return str(v)
	}
	d := toDocument(v)
	if g != nil {
		if g.rel.Documents == nil {
			g.rel.Documents = map[string]kg.Document{}
		}
		g.rel.Documents[d.ID] = d
	}
	return d.ID
}

func (g *gather) sources(v any) []kg.Source {
	l := asList(v)
	out := make([]kg.Source, 0, len(l))
	for _, x := range l {
		r := rowOf(x, sourceCols)
		out = append(out, kg.Source{Document: g.doc(r.get("document")), Sentence: asInt(r.get("sentence")),
			Start: asInt(r.get("start")), End: asInt(r.get("end")), Quote: str(r.get("quote"))})
	}
	return out
}

func (g *gather) event(v any) kg.Event {
	m := rowOf(v, eventCols)
	ev := kg.Event{ID: str(m.get("id")), Type: str(m.get("type")), Date: str(m.get("date")), DatePrecision: str(m.get("datePrecision")),
		DateText: str(m.get("dateText")), Summary: str(m.get("summary")), Sources: g.sources(m.get("sources"))}
	ps, unnamed := asList(m.get("participants")), strs(m.get("unnamed"))
	ev.Participants = make([]kg.Participant, 0, len(ps)+len(unnamed))
	for _, x := range ps {
		p := rowOf(x, participantCols)
		ev.Participants = append(ev.Participants, kg.Participant{Entity: g.ref(p.get("entity")), As: str(p.get("as"))})
	}
	for _, u := range unnamed {
		as, desc, _ := strings.Cut(u, ": ")
		ev.Participants = append(ev.Participants, kg.Participant{As: as, Description: desc})
	}
	return ev
}

func (g *gather) claim(v any) kg.Claim {
	m := rowOf(v, claimCols)
	return kg.Claim{ID: str(m.get("id")), Claimant: g.ref(m.get("claimant")), Text: str(m.get("text")), Kind: str(m.get("kind")),
		Verb: str(m.get("verb")), Stance: str(m.get("stance")), Topics: strs(m.get("topics")), About: g.refs(m.get("about")),
		Sources: g.sources(m.get("sources"))}
}

func (g *gather) role(v any) kg.Role {
	m := rowOf(v, roleCols)
	return kg.Role{ID: str(m.get("id")), Person: g.ref(m.get("person")), Title: str(m.get("title")),
		Organization: g.ref(m.get("organization")), Status: str(m.get("status")), Sources: g.sources(m.get("sources"))}
}

func (g *gather) participation(v any) kg.Participation {
	m := asMap(v)
	return kg.Participation{Part: str(m["part"]), Event: g.event(m["event"])}
}

func toSources(v any) []kg.Source { return (*gather)(nil).sources(v) }
func toEvent(v any) kg.Event      { return (*gather)(nil).event(v) }
func toClaim(v any) kg.Claim      { return (*gather)(nil).claim(v) }
func toRole(v any) kg.Role        { return (*gather)(nil).role(v) }

func toDocument(v any) kg.Document {
	m := rowOf(v, documentCols)
	return kg.Document{ID: str(m.get("id")), File: str(m.get("file")), Title: str(m.get("title")), Publisher: str(m.get("publisher")),
		URL: str(m.get("url")), PublishedAt: str(m.get("publishedAt")), SHA256: str(m.get("sha256"))}
}

// --- lookups by id (dataloader fetches) -------------------------------------

// EntitiesByID returns the entities with the given ids, with the fields f
// selects; missing ids are absent from the map. Merges are not read.
func (s *Store) EntitiesByID(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Entity, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN `+entityProj("e", f)+` AS e`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("entities by id: %w", err)
	}
	out := make(map[string]kg.Entity, len(recs))
	for _, r := range recs {
		e := toEntity(r.Values[0])
		out[e.ID] = e
	}
	return out, nil
}

// MergesOf returns, per entity id, why names were joined into it: its
// :Merge nodes (one per rule and merged name, with the first document that
// supports it), read only here, for a query that selects them.
func (s *Store) MergesOf(ctx context.Context, ids []string) (map[string][]kg.Merge, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (e:Entity {id: id})
		RETURN id, COLLECT { MATCH (e)-[:MERGED]->(g:Merge)
			RETURN g.rule + ': ' + g.name + ' -> ' + e.name + ' @' + coalesce(g.where, '') ORDER BY g.name, g.where, g.rule } AS ms`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("merges of entities: %w", err)
	}
	out := make(map[string][]kg.Merge, len(recs))
	for _, r := range recs {
		ms := make([]kg.Merge, 0, len(asList(r.Values[1])))
		for _, x := range strs(r.Values[1]) {
			ms = append(ms, parseMerge(x))
		}
		out[str(r.Values[0])] = ms
	}
	return out, nil
}

// DocumentsByID returns the documents with the given ids.
func (s *Store) DocumentsByID(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Document, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN `+documentProj("d", f)+` AS d`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("documents by id: %w", err)
	}
	out := make(map[string]kg.Document, len(recs))
	for _, r := range recs {
		d := toDocument(r.Values[0])
		out[d.ID] = d
	}
	return out, nil
}

// RolesOf returns, per entity id, the roles a person holds or the roles at
// an organization, current first.
func (s *Store) RolesOf(ctx context.Context, ids []string, f kg.Fields) (map[string][]kg.Role, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (e:Entity {id: id})
		CALL { WITH e MATCH (e)-[:HOLDS_ROLE]->(r:Role) RETURN r UNION WITH e MATCH (r:Role)-[:AT]->(e) RETURN r }
		WITH id, r ORDER BY r.status, r.title, r.id
		RETURN id, collect(`+roleProj("r", kg.Include{Fields: f})+`) AS roles`, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("roles of entities: %w", err)
	}
	out := make(map[string][]kg.Role, len(ids))
	for _, r := range recs {
		for _, x := range asList(r.Values[1]) {
			out[str(r.Values[0])] = append(out[str(r.Values[0])], toRole(x))
		}
	}
	return out, nil
}

// ParticipationsOf returns, per entity id, the events it took part in, by
// date.
func (s *Store) ParticipationsOf(ctx context.Context, ids []string, f kg.Fields) (map[string][]kg.Participation, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (:Entity {id: id})-[pi:PARTICIPATED_IN]->(ev:Event)
		WITH id, pi, ev ORDER BY ev.date, ev.id
		RETURN id, collect({part: pi.as, event: `+eventProj("ev", kg.Include{Fields: f})+`}) AS ps`, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("events of entities: %w", err)
	}
	out := make(map[string][]kg.Participation, len(ids))
	for _, r := range recs {
		id := str(r.Values[0])
		for _, x := range asList(r.Values[1]) {
			m := asMap(x)
			out[id] = append(out[id], kg.Participation{Part: str(m["part"]), Event: toEvent(m["event"])})
		}
	}
	return out, nil
}

// ClaimsBy returns, per entity id, the claims it made.
func (s *Store) ClaimsBy(ctx context.Context, ids []string, f kg.Fields) (map[string][]kg.Claim, error) {
	return s.claimsOf(ctx, "claims by", `(:Entity {id: id})-[:MADE]->(c:Claim)`, ids, f)
}

// ClaimsAbout returns, per entity id, the claims made about it.
func (s *Store) ClaimsAbout(ctx context.Context, ids []string, f kg.Fields) (map[string][]kg.Claim, error) {
	return s.claimsOf(ctx, "claims about", `(c:Claim)-[:ABOUT]->(:Entity {id: id})`, ids, f)
}

func (s *Store) claimsOf(ctx context.Context, op, pattern string, ids []string, f kg.Fields) (map[string][]kg.Claim, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH `+pattern+`
		WITH id, c ORDER BY c.id
		RETURN id, collect(`+claimProj("c", kg.Include{Fields: f})+`) AS cs`, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("%s entities: %w", op, err)
	}
	out := make(map[string][]kg.Claim, len(ids))
	for _, r := range recs {
		id := str(r.Values[0])
		for _, x := range asList(r.Values[1]) {
			out[id] = append(out[id], toClaim(x))
		}
	}
	return out, nil
}

// Contributions returns, per document id, the entities it mentions and the
// facts it is a source of.
func (s *Store) Contributions(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Contribution, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (doc:Document {id: id})
		RETURN id,
		  COLLECT { MATCH (e:Entity)-[:MENTIONED_IN]->(doc) RETURN e.id ORDER BY e.name } AS entities,
		  COLLECT { MATCH (r:Role)-[:SOURCED_FROM]->(doc) WITH DISTINCT r ORDER BY r.title RETURN `+roleProj("r", kg.Include{Fields: f})+` } AS roles,
		  COLLECT { MATCH (ev:Event)-[:SOURCED_FROM]->(doc) WITH DISTINCT ev ORDER BY ev.date, ev.id RETURN `+eventProj("ev", kg.Include{Fields: f})+` } AS events,
		  COLLECT { MATCH (c:Claim)-[:SOURCED_FROM]->(doc) WITH DISTINCT c ORDER BY c.id RETURN `+claimProj("c", kg.Include{Fields: f})+` } AS claims`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("contributions of documents: %w", err)
	}
	out := make(map[string]kg.Contribution, len(recs))
	for _, r := range recs {
		c := kg.Contribution{Document: str(r.Values[0]), Entities: strs(r.Values[1])}
		for _, x := range asList(r.Values[2]) {
			c.Roles = append(c.Roles, toRole(x))
		}
		for _, x := range asList(r.Values[3]) {
			c.Events = append(c.Events, toEvent(x))
		}
		for _, x := range asList(r.Values[4]) {
			c.Claims = append(c.Claims, toClaim(x))
		}
		out[c.Document] = c
	}
	return out, nil
}

// --- top-level queries -------------------------------------------------------

// FindEntity returns the entity that ref (id, name or alias) names; of type
// typ unless typ is "". kg.ErrNotFound when none does.
func (s *Store) FindEntity(ctx context.Context, ref string, typ kg.EntityType) (kg.Entity, error) {
	recs, err := s.readRef(ctx, entityLabel(typ), ` RETURN `+entityProj("e", nil), map[string]any{"ref": ref})
	if err != nil {
		return kg.Entity{}, fmt.Errorf("find entity %q: %w", ref, err)
	}
	if len(recs) == 0 {
		return kg.Entity{}, notFound(ref, typ)
	}
	return toEntity(recs[0].Values[0]), nil
}

// Entity returns the entity that ref (id, name or alias) names, of type typ
// unless typ is "", with the lists and related nodes inc names: its roles
// (current first), the events it took part in (by date) and the claims it
// made and that are about it (by id). kg.ErrNotFound when ref names none.
func (s *Store) Entity(ctx context.Context, ref string, typ kg.EntityType, inc kg.Include) (kg.EntityFacts, error) {
	// The lists not asked for are [], their projections not even built.
	list := func(on bool, q func() string) string {
		if on {
			return q()
		}
		return "[]"
	}
	rest := `
		RETURN ` + entityProj("e", inc.Fields) + ` AS e,
		  ` + list(inc.Roles, func() string {
		return `COLLECT { MATCH (e)-[:HOLDS_ROLE|AT]-(r:Role) WITH DISTINCT r
		    RETURN ` + roleProj("r", inc) + ` ORDER BY r.status, r.title, r.id }`
	}) + ` AS roles,
		  ` + list(inc.Events, func() string {
		return `COLLECT { MATCH (e)-[pi:PARTICIPATED_IN]->(ev:Event)
		    RETURN {part: pi.as, event: ` + eventProj("ev", inc) + `} ORDER BY ev.date, ev.id }`
	}) + ` AS events,
		  ` + list(inc.ClaimsMade, func() string {
		return `COLLECT { MATCH (e)-[:MADE]->(c:Claim) RETURN ` + claimProj("c", inc) + ` ORDER BY c.id }`
	}) + ` AS made,
		  ` + list(inc.ClaimsAbout, func() string {
		return `COLLECT { MATCH (c:Claim)-[:ABOUT]->(e) RETURN ` + claimProj("c", inc) + ` ORDER BY c.id }`
	}) + ` AS about`
	recs, err := s.readRef(ctx, entityLabel(typ), rest, map[string]any{"ref": ref})
	if err != nil {
		return kg.EntityFacts{}, fmt.Errorf("entity %q: %w", ref, err)
	}
	if len(recs) == 0 {
		return kg.EntityFacts{}, notFound(ref, typ)
	}
	v := recs[0].Values
	g := &gather{}
	f := kg.EntityFacts{Entity: toEntity(v[0])}
	if inc.Roles {
		f.Roles = listOf(v[1], g.role)
	}
	if inc.Events {
		f.Events = listOf(v[2], g.participation)
	}
	if inc.ClaimsMade {
		f.ClaimsMade = listOf(v[3], g.claim)
	}
	if inc.ClaimsAbout {
		f.ClaimsAbout = listOf(v[4], g.claim)
	}
	f.Related = g.rel
	return f, nil
}

// listOf converts a list value, empty but not nil when it has no items.
func listOf[T any](v any, conv func(any) T) []T {
	l := asList(v)
	out := make([]T, 0, len(l))
	for _, x := range l {
		out = append(out, conv(x))
	}
	return out
}

func entityLabel(typ kg.EntityType) string {
	switch typ {
	case kg.Person:
		return "Person"
	case kg.Organization:
		return "Organization"
	}
	return "Entity"
}

func notFound(ref string, typ kg.EntityType) error {
	what := "entity"
	if typ != "" {
		what = string(typ)
	}
	return fmt.Errorf("%s %q: %w", what, ref, kg.ErrNotFound)
}

// Node returns the entity, role, event, claim or document with a global id,
// with the fields f selects: kg.Entity, kg.Role, kg.Event, kg.Claim or
// kg.Document. kg.ErrNotFound when there is none.
func (s *Store) Node(ctx context.Context, id string, f kg.Fields) (any, error) {
	recs, err := s.read(ctx, `CALL {
		  MATCH (n:Entity {id: $id}) RETURN 'entity' AS kind, `+entityProj("n", f)+` AS v
		  UNION MATCH (n:Role {id: $id}) RETURN 'role' AS kind, `+roleProj("n", kg.Include{Fields: f})+` AS v
		  UNION MATCH (n:Event {id: $id}) RETURN 'event' AS kind, `+eventProj("n", kg.Include{Fields: f})+` AS v
		  UNION MATCH (n:Claim {id: $id}) RETURN 'claim' AS kind, `+claimProj("n", kg.Include{Fields: f})+` AS v
		  UNION MATCH (d:Document {id: $id}) RETURN 'document' AS kind, `+documentProj("d", f)+` AS v
		} RETURN kind, v LIMIT 1`, map[string]any{"id": id})
	if err != nil {
		return nil, fmt.Errorf("node %q: %w", id, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("node %q: %w", id, kg.ErrNotFound)
	}
	v := recs[0].Values[1]
	switch str(recs[0].Values[0]) {
	case "entity":
		return toEntity(v), nil
	case "role":
		return toRole(v), nil
	case "event":
		return toEvent(v), nil
	case "claim":
		return toClaim(v), nil
	default:
		return toDocument(v), nil
	}
}

// luceneSpecial are the characters the fulltext query syntax reserves. In
// plain text they become spaces: the index's analyzer splits words at them
// anyway, except ':' (name:value stays one word), which must not bind.
var luceneSpecial = strings.NewReplacer(`\`, " ", `+`, " ", `-`, " ", `&`, " ", `|`, " ", `!`, " ",
	`(`, " ", `)`, " ", `{`, " ", `}`, " ", `[`, " ", `]`, " ", `^`, " ", `"`, " ", `~`, " ",
	`*`, " ", `?`, " ", `:`, " ", `/`, " ")

// fulltextQuery turns user text into a fulltext query: the words (any may
// match, ranked by relevance) plus the whole text as a boosted phrase. The
// text is never parsed as Lucene syntax: special characters become spaces
// and the operators AND, OR and NOT are lower-cased into plain words (the
// index lower-cases every word anyway).
func fulltextQuery(text string) string {
	words := strings.Fields(luceneSpecial.Replace(text))
	for i, w := range words {
		switch w {
		case "AND", "OR", "NOT":
			words[i] = strings.ToLower(w)
		}
	}
	q := strings.Join(words, " ")
	if len(words) > 1 {
		q = `"` + q + `"^3 ` + q
	}
	return q
}

// Search runs a fulltext query over entity names and aliases and claim text,
// best first. kinds restricts the labels (Person, Organization, Claim). The
// text is plain words unless lucene is set: then it is a Lucene query, and
// one that does not parse is kg.ErrInvalid. Hits have the fields f selects.
func (s *Store) Search(ctx context.Context, text string, kinds []string, first int, lucene bool, f kg.Fields) ([]kg.Hit, error) {
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("search: empty text: %w", kg.ErrInvalid)
	}
	q := text
	if !lucene {
		if q = fulltextQuery(text); q == "" {
			return []kg.Hit{}, nil // nothing but punctuation
		}
	}
	var ks any
	if len(kinds) > 0 {
		ks = kinds
	}
	recs, err := s.read(ctx, `CALL db.index.fulltext.queryNodes('search', $q) YIELD node AS n, score
		WHERE $kinds IS NULL OR any(l IN labels(n) WHERE l IN $kinds)
		WITH n, score ORDER BY score DESC, n.id LIMIT $first
		RETURN score, n:Claim AS isClaim, CASE WHEN n:Claim THEN `+claimProj("n", kg.Include{Fields: f})+` ELSE `+entityProj("n", f)+` END AS v`,
		map[string]any{"q": q, "kinds": ks, "first": int64(first)})
	if err != nil {
		if lucene && isParseError(err) {
			return nil, fmt.Errorf("search %q: not a Lucene query: %s: %w", text, parseProblem(err), kg.ErrInvalid)
		}
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	out := make([]kg.Hit, 0, len(recs))
	for _, r := range recs {
		h := kg.Hit{Score: r.Values[0].(float64)}
		if r.Values[1] == true {
			c := toClaim(r.Values[2])
			h.Claim = &c
		} else {
			e := toEntity(r.Values[2])
			h.Entity = &e
		}
		out = append(out, h)
	}
	return out, nil
}

// sortKey is the sort key of a keyset-paginated list, before n.id,
// descending when desc. Either prop, a string property read through its
// range index in order (missing is the key of the nodes without it or with
// "": they come last, by id; always says every node has it), or expr, an
// expression over n that the database sorts.
type sortKey struct {
	prop, missing string
	always        bool
	expr          string
	desc          bool
}

// keyExpr is the key of node n as an expression.
func (k sortKey) keyExpr() string {
	switch {
	case k.prop == "":
		return k.expr
	case k.always:
		return `n.` + k.prop
	}
	return `CASE WHEN coalesce(n.` + k.prop + `, '') = '' THEN '` + k.missing + `' ELSE n.` + k.prop + ` END`
}

// page is a keyset-paginated read of the nodes n of label for which every
// predicate of where holds (built from the filters given, so the planner
// sees only real predicates and can seek an index), in key order after
// after ([key, id], nil for the first page).
type page struct {
	label string
	where []string
	key   sortKey
	after []string
}

// and joins predicates.
func and(ps ...string) string {
	var out []string
	for _, p := range ps {
		if p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return "true"
	}
	return strings.Join(out, " AND ")
}

// nodes returns a subquery that binds ns to the first $limit nodes of the
// page in key order. A key that is a property is read in index order: the
// database stops after $limit rows instead of sorting every match. The
// nodes without the property come after, read only when the indexed ones
// do not fill the page.
func (p page) nodes(params map[string]any) string {
	cmp, dir := ">", ""
	if p.key.desc {
		cmp, dir = "<", " DESC"
	}
	match := `MATCH (n:` + p.label + `) WHERE `
	if p.after != nil {
		params["k0"], params["id0"] = p.after[0], p.after[1]
	}
	if p.key.prop == "" {
		after := ""
		if p.after != nil {
			after = `(k ` + cmp + ` $k0 OR (k = $k0 AND n.id ` + cmp + ` $id0))`
		}
		return `CALL { ` + match + and(p.where...) + `
		  WITH n, ` + p.key.expr + ` AS k WHERE ` + and(after) + `
		  WITH n, k ORDER BY k` + dir + `, n.id` + dir + ` LIMIT $limit
		  RETURN collect(n) AS ns }`
	}
	v := `n.` + p.key.prop
	// Nodes with the property, in index order; nodes without it, by id.
	has, hasNot := v+` > ''`, `(`+v+` IS NULL OR `+v+` = '')`
	switch {
	case p.after == nil:
	case !p.key.always && p.after[0] == p.key.missing:
		has = ""
		hasNot += ` AND n.id ` + cmp + ` $id0`
	default:
		has += ` AND ` + v + ` ` + cmp + `= $k0 AND (` + v + ` ` + cmp + ` $k0 OR n.id ` + cmp + ` $id0)`
	}
	order := v + dir + `, n.id` + dir
	if p.key.prop == "id" {
		order = v + dir
	}
	withKey := `CALL { ` + match + and(append([]string{has}, p.where...)...) + `
		  WITH n ORDER BY ` + order + ` LIMIT $limit RETURN collect(n) AS ns }`
	withoutKey := match + and(append([]string{hasNot}, p.where...)...) + `
		  WITH n ORDER BY n.id` + dir + ` LIMIT $limit RETURN collect(n) AS`
	switch {
	case p.key.always:
		return withKey
	case has == "":
		return `CALL { ` + withoutKey + ` ns }`
	}
	// The nodes without the key, read only when the page is not full:
	// floor is null otherwise, and a seek of the id index from null finds
	// nothing (a WHERE on the count would be planned after the scan; the
	// hint says SEEK, as in resolveRef, or the index may be scanned).
	return withKey + `
		CALL { WITH ns WITH ns, CASE WHEN size(ns) < $limit THEN '' END AS floor
		  ` + strings.Replace(withoutKey, "WHERE ", "USING INDEX SEEK n:"+p.label+"(id) WHERE n.id >= floor AND ", 1) + ` rest }
		WITH total, (ns + rest)[0..$limit] AS ns`
}

// pageOf builds a keyset-paginated read: the $first nodes of p (and
// whether there are more), projected by proj, with each item's key, the
// total count when inc.Total and the related nodes of the page that inc
// names (through proj). One statement: columns total, items, keys, more.
// It sets the parameters limit and first in params.
func pageOf(p page, first int, proj string, inc kg.Include, params map[string]any) string {
	params["limit"], params["first"] = int64(first+1), int64(first)
	var b strings.Builder
	if inc.Total {
		b.WriteString("CALL { MATCH (n:" + p.label + ") WHERE " + and(p.where...) + " RETURN count(n) AS total }\n")
	} else {
		b.WriteString("WITH 0 AS total\n")
	}
	b.WriteString(p.nodes(params) + `
		WITH total, ns[0..$first] AS ns, size(ns) > $first AS more
		RETURN total, [n IN ns | ` + proj + `] AS items, [n IN ns | ` + p.key.keyExpr() + `] AS keys, more`)
	return b.String()
}

// toPage converts the one record of a pageOf statement; conv converts an
// item and gathers its related nodes into g.
func toPage[T any](recs []*neo4j.Record, g *gather, conv func(any) T) kg.Page[T] {
	var p kg.Page[T]
	if len(recs) == 0 {
		return p
	}
	v := recs[0].Values
	p.Total = asInt(v[0])
	for _, x := range asList(v[1]) {
		p.Items = append(p.Items, conv(x))
	}
	p.Keys = strs(v[2])
	p.More = v[3] == true
	p.Related = g.rel
	return p
}

// sourceWhere is a predicate: fact n is stated in a document that matches
// every non-empty field of f ("" when none is set). It sets its
// parameters in params.
func sourceWhere(f kg.SourceFilter, params map[string]any) string {
	var ps []string
	if f.Document != "" {
		ps, params["doc"] = append(ps, `d.id = $doc`), f.Document
	}
	if f.Publisher != "" {
		ps, params["publisher"] = append(ps, `toLower(d.publisher) = toLower($publisher)`), f.Publisher
	}
	if f.From != "" {
		ps, params["docFrom"] = append(ps, `d.publishedAt >= $docFrom`), f.From
	}
	if f.To != "" {
		ps, params["docTo"] = append(ps, `d.publishedAt < $docTo + '~'`), f.To
	}
	if len(ps) == 0 {
		return ""
	}
	return `EXISTS { MATCH (n)-[:SOURCED_FROM]->(d:Document) WHERE ` + and(ps...) + ` }`
}

// orderKey returns the sort key of list for o; kg.ErrInvalid for an order
// the list does not have.
func orderKey(list string, o kg.Order) (sortKey, error) {
	switch list + "/" + o.By {
	case "events/", "events/date":
		// undated last either way
		if o.Desc {
			return sortKey{prop: "date", missing: "", desc: true}, nil
		}
		return sortKey{prop: "date", missing: "~"}, nil
	case "documents/", "documents/publishedAt":
		return sortKey{expr: `coalesce(n.publishedAt, '')`, desc: o.Desc}, nil
	case "documents/title":
		return sortKey{expr: `toLower(coalesce(n.title, ''))`, desc: o.Desc}, nil
	case "entities/", "entities/name":
		return sortKey{expr: `toLower(coalesce(n.name, ''))`, desc: o.Desc}, nil
	}
	return sortKey{}, fmt.Errorf("%s cannot be ordered by %q: %w", list, o.By, kg.ErrInvalid)
}

// keyAfter pads a cursor's key to [key, id]; nil for the first page.
func keyAfter(after []string) []string {
	if len(after) == 0 {
		return nil
	}
	for len(after) < 2 {
		after = append(after, "")
	}
	return after
}

// Events returns a page of the events that match f in f.Order (by date,
// undated last either way, then id), with what inc names.
func (s *Store) Events(ctx context.Context, f kg.EventFilter, inc kg.Include) (kg.Page[kg.Event], error) {
	key, err := orderKey("events", f.Order)
	if err != nil {
		return kg.Page[kg.Event]{}, err
	}
	params := map[string]any{}
	var where []string
	if f.Type != "" {
		where, params["type"] = append(where, `n.type = $type`), f.Type
	}
	if f.From != "" {
		where, params["from"] = append(where, `n.date >= $from`), f.From
	}
	if f.To != "" {
		where, params["to"] = append(where, `n.date > '' AND n.date < $to + '~'`), f.To
	}
	if f.Participant != "" {
		where, params["participant"] = append(where, `EXISTS { MATCH (x:Entity)-[:PARTICIPATED_IN]->(n) WHERE `+
			refMatch("x", "participant")+` }`), f.Participant
	}
	if w := sourceWhere(f.Source, params); w != "" {
		where = append(where, w)
	}
	q := pageOf(page{label: "Event", where: where, key: key, after: keyAfter(f.After)}, f.First, eventProj("n", inc), inc, params)
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return kg.Page[kg.Event]{}, fmt.Errorf("events: %w", err)
	}
	g := &gather{}
	return toPage(recs, g, g.event), nil
}

// Claims returns a page of the claims that match f, ordered by id, with
// what inc names.
func (s *Store) Claims(ctx context.Context, f kg.ClaimFilter, inc kg.Include) (kg.Page[kg.Claim], error) {
	params := map[string]any{}
	var where []string
	if f.Stance != "" {
		where, params["stance"] = append(where, `n.stance = $stance`), f.Stance
	}
	if f.Topics != nil {
		where, params["topics"] = append(where, `any(t IN coalesce(n.topics, []) WHERE t IN $topics)`), f.Topics
	}
	if f.Claimant != "" {
		where, params["claimant"] = append(where, `EXISTS { MATCH (x:Entity)-[:MADE]->(n) WHERE `+refMatch("x", "claimant")+` }`), f.Claimant
	}
	if f.About != "" {
		where, params["about"] = append(where, `EXISTS { MATCH (n)-[:ABOUT]->(x:Entity) WHERE `+refMatch("x", "about")+` }`), f.About
	}
	if w := sourceWhere(f.Source, params); w != "" {
		where = append(where, w)
	}
	// By id, in the order of the unique index on it; the key is the id.
	var after []string
	if len(f.After) > 0 {
		after = []string{f.After[0], f.After[0]}
	}
	q := pageOf(page{label: "Claim", where: where, key: sortKey{prop: "id", always: true}, after: after}, f.First, claimProj("n", inc), inc, params)
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return kg.Page[kg.Claim]{}, fmt.Errorf("claims: %w", err)
	}
	g := &gather{}
	return toPage(recs, g, g.claim), nil
}

// Documents returns a page of the documents that match f in f.Order (by
// publication date or title, then id), with the fields inc selects.
func (s *Store) Documents(ctx context.Context, f kg.DocumentFilter, inc kg.Include) (kg.Page[kg.Document], error) {
	key, err := orderKey("documents", f.Order)
	if err != nil {
		return kg.Page[kg.Document]{}, err
	}
	inc = kg.Include{Total: inc.Total, Fields: inc.Fields} // documents have no related nodes
	params := map[string]any{}
	var where []string
	if f.Publisher != "" {
		where, params["publisher"] = append(where, `toLower(n.publisher) = toLower($publisher)`), f.Publisher
	}
	if f.From != "" {
		where, params["from"] = append(where, `n.publishedAt >= $from`), f.From
	}
	if f.To != "" {
		where, params["to"] = append(where, `n.publishedAt < $to + '~'`), f.To
	}
	q := pageOf(page{label: "Document", where: where, key: key, after: keyAfter(f.After)}, f.First, documentProj("n", inc.Fields), inc, params)
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return kg.Page[kg.Document]{}, fmt.Errorf("documents: %w", err)
	}
	return toPage(recs, &gather{}, toDocument), nil
}

// Entities returns a page of the persons and organizations that match f in
// f.Order (by name ignoring case, then id), with the fields inc selects.
func (s *Store) Entities(ctx context.Context, f kg.EntityFilter, inc kg.Include) (kg.Page[kg.Entity], error) {
	key, err := orderKey("entities", f.Order)
	if err != nil {
		return kg.Page[kg.Entity]{}, err
	}
	inc = kg.Include{Total: inc.Total, Fields: inc.Fields}
	params := map[string]any{}
	where := []string{`(n:Person OR n:Organization)`}
	if f.Type != "" {
		where = []string{`n:` + entityLabel(f.Type)}
	}
	if f.Kind != "" {
		where, params["kind"] = append(where, `toLower(n.kind) = toLower($kind)`), f.Kind
	}
	if f.Document != "" {
		where, params["doc"] = append(where, `EXISTS { MATCH (n)-[:MENTIONED_IN]->(:Document {id: $doc}) }`), f.Document
	}
	q := pageOf(page{label: "Entity", where: where, key: key, after: keyAfter(f.After)}, f.First, entityProj("n", inc.Fields), inc, params)
	recs, err := s.read(ctx, q, params)
	if err != nil {
		return kg.Page[kg.Entity]{}, fmt.Errorf("entities: %w", err)
	}
	return toPage(recs, &gather{}, toEntity), nil
}

// Stats counts what inc names in one statement, each list by aggregation
// in the database, by count (largest first) then key.
func (s *Store) Stats(ctx context.Context, inc kg.StatsInclude) (kg.Stats, error) {
	count := func(on bool, match, key string) string {
		if !on {
			return "null"
		}
		return `COLLECT { ` + match + ` WITH ` + key + ` AS key, count(*) AS c
			WITH key, c ORDER BY c DESC, key RETURN {key: key, count: c} }`
	}
	recs, err := s.read(ctx, `RETURN `+
		count(inc.EventsByType, `MATCH (n:Event)`, `coalesce(n.type, 'other')`)+` AS events, `+
		count(inc.ClaimsByStance, `MATCH (n:Claim)`, `coalesce(n.stance, 'neutral')`)+` AS stances, `+
		count(inc.ClaimsByTopic, `MATCH (n:Claim) UNWIND coalesce(n.topics, []) AS t`, `t`)+` AS topics, `+
		count(inc.EntitiesByKind, `MATCH (n:Entity) WHERE n:Person OR n:Organization`,
			`CASE WHEN n:Person THEN 'person' WHEN coalesce(n.kind, '') = '' THEN 'organization' ELSE n.kind END`)+` AS kinds`, nil)
	if err != nil {
		return kg.Stats{}, fmt.Errorf("stats: %w", err)
	}
	counts := func(v any) []kg.Count {
		if v == nil {
			return nil
		}
		return listOf(v, func(x any) kg.Count {
			m := asMap(x)
			return kg.Count{Key: str(m["key"]), Count: asInt(m["count"])}
		})
	}
	v := recs[0].Values
	return kg.Stats{EventsByType: counts(v[0]), ClaimsByStance: counts(v[1]), ClaimsByTopic: counts(v[2]), EntitiesByKind: counts(v[3])}, nil
}

// graphNodeProj projects a node of a drawable graph: the properties its
// label is made of (those of its kind only) when f selects the label, its
// sources when f selects them.
func graphNodeProj(v string, f kg.Fields) string {
	cols := ""
	if f.Has("GraphNode", "label") {
		cols += `, name: CASE WHEN %[1]s:Person OR %[1]s:Organization THEN %[1]s.name END,
		title: CASE WHEN %[1]s:Role THEN %[1]s.title END, type: CASE WHEN %[1]s:Event THEN %[1]s.type END,
		date: CASE WHEN %[1]s:Event THEN %[1]s.date END, text: CASE WHEN %[1]s:Claim THEN %[1]s.text END`
	}
	if f.Has("GraphNode", "sources") {
		cols += `, sources: [(%[1]s)-[s:SOURCED_FROM]->(d:Document) | {document: d.id, sentence: s.sentence, start: s.start, end: s.end, quote: s.quote}]`
	}
	return fmt.Sprintf(`{id: %[1]s.id, labels: labels(%[1]s)`+cols+`}`, v)
}

// graphEdgeProj projects relationship r of a drawable graph: its id and
// part only when f selects them.
func graphEdgeProj(f kg.Fields) string {
	cols := ""
	if f.Has("GraphEdge", "id") {
		cols += `, id: elementId(r)`
	}
	if f.Has("GraphEdge", "part") {
		cols += `, part: r.as`
	}
	return `{type: type(r), source: startNode(r).id, target: endNode(r).id` + cols + `}`
}

// graphRels are the relationship types a drawable graph may walk: not
// those to documents and merge records (MENTIONED_IN, SOURCED_FROM,
// SEEN_IN, MERGED), which noDocs would refuse anyway. Naming them in a
// one-hop pattern lets the database skip them, by type, on dense nodes
// without reading them (variable-length patterns cannot negate types).
const graphRels = `:!(MENTIONED_IN|SOURCED_FROM|SEEN_IN|MERGED)`

// noDocs keeps paths off documents, curation records and merge records, which would join
// everything to everything.
const noDocs = `all(y IN nodes(p) WHERE NOT y:Document AND NOT y:Curation AND NOT y:Merge)`

func toGraphNode(v any) kg.GraphNode {
	m := asMap(v)
	n := kg.GraphNode{ID: str(m["id"]), Sources: toSources(m["sources"])}
	for _, l := range strs(m["labels"]) {
		if l != "Entity" {
			n.Type = l
		}
	}
	switch n.Type {
	case "Person", "Organization":
		n.Label = str(m["name"])
	case "Role":
		n.Label = str(m["title"])
	case "Event":
		n.Label = strings.TrimSpace(strings.ReplaceAll(str(m["type"]), "_", " ") + " " + str(m["date"]))
	case "Claim":
		n.Label = str(m["text"])
		if r := []rune(n.Label); len(r) > 80 {
			n.Label = string(r[:79]) + "…"
		}
	}
	return n
}

func toGraphEdge(v any) kg.GraphEdge {
	m := asMap(v)
	return kg.GraphEdge{ID: str(m["id"]), Type: str(m["type"]), Source: str(m["source"]), Target: str(m["target"]), Part: str(m["part"])}
}

// Connections returns the shortest paths (at most 10) of at most maxHops
// between the entities that from and to name, documents excluded.
// kg.ErrNotFound when either names no entity.
func (s *Store) Connections(ctx context.Context, from, to string, maxHops int, f kg.Fields) ([]kg.Path, error) {
	if maxHops < 1 || maxHops > 8 {
		return nil, fmt.Errorf("maxHops %d: want 1 to 8: %w", maxHops, kg.ErrInvalid)
	}
	recs, err := s.read(ctx, resolveRef("a", "Entity", "from")+" "+resolveRef("b", "Entity", "to")+
		fmt.Sprintf(`
		OPTIONAL MATCH p = allShortestPaths((a)-[*..%d]-(b)) WHERE a <> b AND `+noDocs+` AND `+notShortcut+`
		WITH a, b, p LIMIT 10
		RETURN a.id, b.id, CASE WHEN p IS NULL THEN null ELSE {length: length(p),
			nodes: [n IN nodes(p) | `+graphNodeProj("n", f)+`],
			edges: [r IN relationships(p) | `+graphEdgeProj(f)+`]} END AS path`, maxHops),
		map[string]any{"from": from, "to": to})
	if err != nil {
		return nil, fmt.Errorf("connections %q to %q: %w", from, to, err)
	}
	if len(recs) == 0 {
		for _, ref := range []string{from, to} {
			if _, err := s.FindEntity(ctx, ref, ""); err != nil {
				return nil, err
			}
		}
	}
	out := []kg.Path{}
	for _, r := range recs {
		m := asMap(r.Values[2])
		if m == nil {
			continue
		}
		p := kg.Path{Length: asInt(m["length"])}
		for _, n := range asList(m["nodes"]) {
			p.Nodes = append(p.Nodes, toGraphNode(n))
		}
		for _, e := range asList(m["edges"]) {
			p.Edges = append(p.Edges, toGraphEdge(e))
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return pathKey(out[i]) < pathKey(out[j]) })
	return out, nil
}

func pathKey(p kg.Path) string {
	var b strings.Builder
	for _, n := range p.Nodes {
		b.WriteString(n.ID)
		b.WriteByte(0)
	}
	return b.String()
}

// Neighborhood returns the entity that of names and the nodes within hops
// of it (at most limit nodes, nearest first), with every relationship among
// them. kg.ErrNotFound when of names no entity.
func (s *Store) Neighborhood(ctx context.Context, of string, hops, limit int, f kg.Fields) (kg.Subgraph, error) {
	if hops < 1 || hops > 3 {
		return kg.Subgraph{}, fmt.Errorf("hops %d: want 1 to 3: %w", hops, kg.ErrInvalid)
	}
	if limit < 1 {
		return kg.Subgraph{}, fmt.Errorf("limit %d: want at least 1: %w", limit, kg.ErrInvalid)
	}
	// One hop: the neighbours by id, met on one typed expansion; more: the
	// nearest by path length.
	near := `MATCH (a)-[r` + graphRels + `]-(n) WHERE n <> a AND NOT n:Document AND NOT n:Curation AND NOT n:Merge
		  AND r.role IS NULL AND r.event IS NULL AND r.claim IS NULL
		  WITH DISTINCT n ORDER BY n.id LIMIT $limit`
	if hops > 1 {
		near = `MATCH p = (a)-[*1..` + strconv.Itoa(hops) + `]-(n) WHERE n <> a AND ` + noDocs + ` AND ` + notShortcut + `
		  WITH n, min(length(p)) AS d ORDER BY d, n.id LIMIT $limit`
	}
	recs, err := s.read(ctx, resolveRef("a", "Entity", "of")+`
		CALL { WITH a
		  `+near+`
		  RETURN collect(n) AS near }
		WITH [a] + near AS ns
		CALL { WITH ns UNWIND ns AS x
		  OPTIONAL MATCH (x)-[r`+graphRels+`]->(y) WHERE y IN ns AND r.role IS NULL AND r.event IS NULL AND r.claim IS NULL
		  RETURN collect(DISTINCT r) AS rs }
		RETURN [n IN ns | `+graphNodeProj("n", f)+`] AS nodes, [r IN rs | `+graphEdgeProj(f)+`] AS edges`,
		map[string]any{"of": of, "limit": int64(limit - 1)})
	if err != nil {
		return kg.Subgraph{}, fmt.Errorf("neighborhood of %q: %w", of, err)
	}
	if len(recs) == 0 {
		return kg.Subgraph{}, fmt.Errorf("entity %q: %w", of, kg.ErrNotFound)
	}
	g := kg.Subgraph{Nodes: []kg.GraphNode{}, Edges: []kg.GraphEdge{}}
	for _, n := range asList(recs[0].Values[0]) {
		g.Nodes = append(g.Nodes, toGraphNode(n))
	}
	for _, e := range asList(recs[0].Values[1]) {
		g.Edges = append(g.Edges, toGraphEdge(e))
	}
	slices.SortStableFunc(g.Edges, func(a, b kg.GraphEdge) int {
		return compareJoined([3]string{a.Source, a.Type, a.Target}, [3]string{b.Source, b.Type, b.Target})
	})
	return g, nil
}

// compareJoined compares a[0]+a[1]+a[2] with b[0]+b[1]+b[2] byte by byte
// without building the strings: the edges of a neighbourhood are sorted by
// that key, and joining it in the comparison cost two allocations per
// comparison.
func compareJoined(a, b [3]string) int {
	i, j := 0, 0 // parts of a and b
	x, y := a[0], b[0]
	for {
		for x == "" && i < 2 {
			i++
			x = a[i]
		}
		for y == "" && j < 2 {
			j++
			y = b[j]
		}
		switch {
		case x == "" && y == "":
			return 0
		case x == "":
			return -1
		case y == "":
			return 1
		}
		n := min(len(x), len(y))
		if c := strings.Compare(x[:n], y[:n]); c != 0 {
			return c
		}
		x, y = x[n:], y[n:]
	}
}

// isParseError reports whether err is Neo4j refusing a fulltext query that
// does not parse.
func isParseError(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne.Code == "Neo.ClientError.Procedure.ProcedureCallFailed" &&
		(strings.Contains(ne.Msg, "ParseException") || strings.Contains(ne.Msg, "TokenMgrError"))
}

// parseProblem is the parser's message without the Java exception names.
func parseProblem(err error) string {
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) {
		return ""
	}
	msg := ne.Msg
	for _, e := range []string{"ParseException: ", "TokenMgrError: "} {
		if i := strings.LastIndex(msg, e); i >= 0 {
			msg = msg[i+len(e):]
		}
	}
	msg = strings.TrimSuffix(msg, ")")
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return strings.TrimSpace(msg)
}
