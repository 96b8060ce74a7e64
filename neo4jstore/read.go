package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"sort"
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
// entity's merges are never part of its projection (see MergesOf).

// col is one column of a projection: key is read as expr (%[1]s stands for
// the variable) when field is selected, or always when field is "".
type col struct{ field, key, expr string }

func proj(v, typ string, f kg.Fields, cols []col) string {
	parts := make([]string, 0, len(cols))
	for _, c := range cols {
		if c.field == "" || f.Has(typ, c.field) {
			parts = append(parts, c.key+": "+fmt.Sprintf(c.expr, v))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

var entityCols = []col{
	{"", "id", "%[1]s.id"},
	{"", "type", "CASE WHEN %[1]s:Person THEN 'person' ELSE 'organization' END"},
	{"name", "name", "%[1]s.name"},
	{"aliases", "aliases", "coalesce(%[1]s.aliases, [])"},
	{"kind", "kind", "coalesce(%[1]s.kind, '')"},
}

func entityProj(v string, f kg.Fields) string { return proj(v, "Entity", f, entityCols) }

const sourcesExpr = `COLLECT { MATCH (%[1]s)-[s:SOURCED_FROM]->(d:Document)
		RETURN {document: d.id, sentence: s.sentence, start: s.start, end: s.end, quote: s.quote}
		ORDER BY d.publishedAt, d.id, s.start }`

var eventCols = []col{
	{"", "id", "%[1]s.id"},
	{"", "date", "%[1]s.date"},
	{"type", "type", "%[1]s.type"},
	{"datePrecision", "datePrecision", "%[1]s.datePrecision"},
	{"dateText", "dateText", "%[1]s.dateText"},
	{"summary", "summary", "%[1]s.summary"},
	{"participants", "unnamed", "coalesce(%[1]s.unnamed, [])"},
	{"participants", "participants", "COLLECT { MATCH (x:Entity)-[p:PARTICIPATED_IN]->(%[1]s) RETURN {entity: x.id, as: p.as} ORDER BY p.as, x.name }"},
	{"sources", "sources", sourcesExpr},
}

func eventProj(v string, f kg.Fields) string { return proj(v, "Event", f, eventCols) }

var claimCols = []col{
	{"", "id", "%[1]s.id"},
	{"text", "text", "%[1]s.text"},
	{"kind", "kind", "%[1]s.kind"},
	{"verb", "verb", "%[1]s.verb"},
	{"stance", "stance", "%[1]s.stance"},
	{"topics", "topics", "coalesce(%[1]s.topics, [])"},
	{"claimant", "claimant", "COLLECT { MATCH (x:Entity)-[:MADE]->(%[1]s) RETURN x.id }"},
	{"about", "about", "COLLECT { MATCH (%[1]s)-[:ABOUT]->(x:Entity) RETURN x.id ORDER BY x.id }"},
	{"sources", "sources", sourcesExpr},
}

func claimProj(v string, f kg.Fields) string { return proj(v, "Claim", f, claimCols) }

var roleCols = []col{
	{"", "id", "%[1]s.id"},
	{"title", "title", "%[1]s.title"},
	{"status", "status", "%[1]s.status"},
	{"person", "person", "COLLECT { MATCH (x:Entity)-[:HOLDS_ROLE]->(%[1]s) RETURN x.id }"},
	{"organization", "organization", "COLLECT { MATCH (%[1]s)-[:AT]->(x:Entity) RETURN x.id }"},
	{"sources", "sources", sourcesExpr},
}

func roleProj(v string, f kg.Fields) string { return proj(v, "Role", f, roleCols) }

var documentCols = []col{
	{"", "id", "%[1]s.id"},
	{"", "publishedAt", "%[1]s.publishedAt"},
	{"file", "file", "%[1]s.file"},
	{"title", "title", "%[1]s.title"},
	{"publisher", "publisher", "%[1]s.publisher"},
	{"url", "url", "%[1]s.url"},
	{"sha256", "sha256", "%[1]s.sha256"},
}

func documentProj(v string, f kg.Fields) string { return proj(v, "Document", f, documentCols) }

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
// $p names, or yields no row.
func resolveRef(out, label, p string) string {
	return fmt.Sprintf(`CALL { MATCH (x:%[3]s) WHERE %[1]s RETURN x AS %[4]s ORDER BY %[2]s LIMIT 1 }`,
		refMatch("x", p), refOrder("x", p), label, out)
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

func first(v any) string {
	if l := asList(v); len(l) > 0 {
		return str(l[0])
	}
	return ""
}

func toEntity(v any) kg.Entity {
	m := asMap(v)
	return kg.Entity{ID: str(m["id"]), Type: kg.EntityType(str(m["type"])), Name: str(m["name"]),
		Aliases: strs(m["aliases"]), Kind: str(m["kind"])}
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

func toSources(v any) []kg.Source {
	l := asList(v)
	out := make([]kg.Source, 0, len(l))
	for _, x := range l {
		m := asMap(x)
		out = append(out, kg.Source{Document: str(m["document"]), Sentence: asInt(m["sentence"]),
			Start: asInt(m["start"]), End: asInt(m["end"]), Quote: str(m["quote"])})
	}
	return out
}

func toEvent(v any) kg.Event {
	m := asMap(v)
	ev := kg.Event{ID: str(m["id"]), Type: str(m["type"]), Date: str(m["date"]), DatePrecision: str(m["datePrecision"]),
		DateText: str(m["dateText"]), Summary: str(m["summary"]), Sources: toSources(m["sources"]),
		Participants: []kg.Participant{}}
	for _, x := range asList(m["participants"]) {
		p := asMap(x)
		ev.Participants = append(ev.Participants, kg.Participant{Entity: str(p["entity"]), As: str(p["as"])})
	}
	for _, u := range strs(m["unnamed"]) {
		as, desc, _ := strings.Cut(u, ": ")
		ev.Participants = append(ev.Participants, kg.Participant{As: as, Description: desc})
	}
	return ev
}

func toClaim(v any) kg.Claim {
	m := asMap(v)
	return kg.Claim{ID: str(m["id"]), Claimant: first(m["claimant"]), Text: str(m["text"]), Kind: str(m["kind"]),
		Verb: str(m["verb"]), Stance: str(m["stance"]), Topics: strs(m["topics"]), About: strs(m["about"]),
		Sources: toSources(m["sources"])}
}

func toRole(v any) kg.Role {
	m := asMap(v)
	return kg.Role{ID: str(m["id"]), Person: first(m["person"]), Title: str(m["title"]),
		Organization: first(m["organization"]), Status: str(m["status"]), Sources: toSources(m["sources"])}
}

func toDocument(v any) kg.Document {
	m := asMap(v)
	return kg.Document{ID: str(m["id"]), File: str(m["file"]), Title: str(m["title"]), Publisher: str(m["publisher"]),
		URL: str(m["url"]), PublishedAt: str(m["publishedAt"]), SHA256: str(m["sha256"])}
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
		RETURN id, collect(`+roleProj("r", f)+`) AS roles`, map[string]any{"ids": ids})
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
		RETURN id, collect({part: pi.as, event: `+eventProj("ev", f)+`}) AS ps`, map[string]any{"ids": ids})
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
		RETURN id, collect(`+claimProj("c", f)+`) AS cs`, map[string]any{"ids": ids})
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
		  COLLECT { MATCH (r:Role)-[:SOURCED_FROM]->(doc) WITH DISTINCT r ORDER BY r.title RETURN `+roleProj("r", f)+` } AS roles,
		  COLLECT { MATCH (ev:Event)-[:SOURCED_FROM]->(doc) WITH DISTINCT ev ORDER BY ev.date, ev.id RETURN `+eventProj("ev", f)+` } AS events,
		  COLLECT { MATCH (c:Claim)-[:SOURCED_FROM]->(doc) WITH DISTINCT c ORDER BY c.id RETURN `+claimProj("c", f)+` } AS claims`,
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
	recs, err := s.read(ctx, resolveRef("e", entityLabel(typ), "ref")+` RETURN `+entityProj("e", nil), map[string]any{"ref": ref})
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
	list := func(on bool, q string) string {
		if on {
			return q
		}
		return "[]"
	}
	recs, err := s.read(ctx, resolveRef("e", entityLabel(typ), "ref")+`
		WITH e,
		  `+list(inc.Roles, `COLLECT { MATCH (e)-[:HOLDS_ROLE|AT]-(r:Role) WITH DISTINCT r RETURN r ORDER BY r.status, r.title, r.id }`)+` AS rs,
		  `+list(inc.Events, `COLLECT { MATCH (e)-[:PARTICIPATED_IN]->(ev:Event) RETURN DISTINCT ev }`)+` AS evs,
		  `+list(inc.ClaimsMade, `COLLECT { MATCH (e)-[:MADE]->(c:Claim) RETURN c ORDER BY c.id }`)+` AS made,
		  `+list(inc.ClaimsAbout, `COLLECT { MATCH (c:Claim)-[:ABOUT]->(e) RETURN c ORDER BY c.id }`)+` AS about
		WITH e, rs, evs, made, about, rs + evs + made + about AS ns
		RETURN `+entityProj("e", inc.Fields)+` AS e, [r IN rs | `+roleProj("r", inc.Fields)+`] AS roles,
		  `+list(inc.Events, `COLLECT { MATCH (e)-[pi:PARTICIPATED_IN]->(ev:Event) WITH pi, ev ORDER BY ev.date, ev.id
		    RETURN {part: pi.as, event: `+eventProj("ev", inc.Fields)+`} }`)+` AS events,
		  [c IN made | `+claimProj("c", inc.Fields)+`] AS made, [c IN about | `+claimProj("c", inc.Fields)+`] AS about,
		  `+relatedProj("ns", inc), map[string]any{"ref": ref})
	if err != nil {
		return kg.EntityFacts{}, fmt.Errorf("entity %q: %w", ref, err)
	}
	if len(recs) == 0 {
		return kg.EntityFacts{}, notFound(ref, typ)
	}
	v := recs[0].Values
	f := kg.EntityFacts{Entity: toEntity(v[0]), Related: toRelated(v[5], v[6])}
	if inc.Roles {
		f.Roles = listOf(v[1], toRole)
	}
	if inc.Events {
		f.Events = listOf(v[2], func(x any) kg.Participation {
			m := asMap(x)
			return kg.Participation{Part: str(m["part"]), Event: toEvent(m["event"])}
		})
	}
	if inc.ClaimsMade {
		f.ClaimsMade = listOf(v[3], toClaim)
	}
	if inc.ClaimsAbout {
		f.ClaimsAbout = listOf(v[4], toClaim)
	}
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
		  UNION MATCH (n:Role {id: $id}) RETURN 'role' AS kind, `+roleProj("n", f)+` AS v
		  UNION MATCH (n:Event {id: $id}) RETURN 'event' AS kind, `+eventProj("n", f)+` AS v
		  UNION MATCH (n:Claim {id: $id}) RETURN 'claim' AS kind, `+claimProj("n", f)+` AS v
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
		RETURN score, n:Claim AS isClaim, CASE WHEN n:Claim THEN `+claimProj("n", f)+` ELSE `+entityProj("n", f)+` END AS v`,
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

func keyParam(after []string, n int) any {
	if len(after) == 0 {
		return nil
	}
	for len(after) < n {
		after = append(after, "")
	}
	return after
}

// sortKey is the sort key of a keyset-paginated list: expr (over n, a
// string) before n.id, descending when desc.
type sortKey struct {
	expr string
	desc bool
}

// pageOf builds a keyset-paginated read. match is a MATCH ... WHERE over n;
// the page is the $limit matches after $after ([key, id]) in (key, id)
// order, projected by proj, with each item's key, the total count when
// inc.Total and the related nodes inc names. One statement: columns total,
// items, keys, entities, documents.
func pageOf(match string, key sortKey, proj string, inc kg.Include) string {
	var b strings.Builder
	if inc.Total {
		b.WriteString("CALL { " + match + " RETURN count(n) AS total }\n")
	} else {
		b.WriteString("WITH 0 AS total\n")
	}
	cmp, dir := ">", ""
	if key.desc {
		cmp, dir = "<", " DESC"
	}
	b.WriteString(match + `
		WITH total, n, ` + key.expr + ` AS k
		WHERE $after IS NULL OR k ` + cmp + ` $after[0] OR (k = $after[0] AND n.id ` + cmp + ` $after[1])
		WITH total, n, k ORDER BY k` + dir + `, n.id` + dir + ` LIMIT $limit
		WITH total, collect(n) AS ns, collect(k) AS keys
		RETURN total, [n IN ns | ` + proj + `] AS items, keys, ` + relatedProj("ns", inc))
	return b.String()
}

// relatedProj returns the columns entities and documents: the projections
// of the entities and documents that the facts in list ns refer to and inc
// names, each once.
func relatedProj(ns string, inc kg.Include) string {
	var pats []string
	for _, p := range []struct {
		on      bool
		pattern string
	}{
		{inc.Participants, `(x:Entity)-[:PARTICIPATED_IN]->(n)`},
		{inc.Claimant, `(x:Entity)-[:MADE]->(n)`},
		{inc.About, `(n)-[:ABOUT]->(x:Entity)`},
		{inc.Person, `(x:Entity)-[:HOLDS_ROLE]->(n)`},
		{inc.Organization, `(n)-[:AT]->(x:Entity)`},
	} {
		if p.on {
			pats = append(pats, `UNWIND `+ns+` AS n MATCH `+p.pattern+` RETURN x`)
		}
	}
	ents, docs := "[]", "[]"
	if len(pats) > 0 {
		ents = `[y IN COLLECT { ` + strings.Join(pats, " UNION ") + ` } | ` + entityProj("y", inc.Fields) + `]`
	}
	if inc.Documents {
		docs = `[y IN COLLECT { UNWIND ` + ns + ` AS n MATCH (n)-[:SOURCED_FROM]->(d:Document) RETURN DISTINCT d } | ` +
			documentProj("y", inc.Fields) + `]`
	}
	return ents + ` AS entities, ` + docs + ` AS documents`
}

// toRelated converts the entities and documents columns.
func toRelated(ents, docs any) kg.Related {
	var rel kg.Related
	if l := asList(ents); len(l) > 0 {
		rel.Entities = make(map[string]kg.Entity, len(l))
		for _, x := range l {
			e := toEntity(x)
			rel.Entities[e.ID] = e
		}
	}
	if l := asList(docs); len(l) > 0 {
		rel.Documents = make(map[string]kg.Document, len(l))
		for _, x := range l {
			d := toDocument(x)
			rel.Documents[d.ID] = d
		}
	}
	return rel
}

// toPage converts the one record of a pageOf statement.
func toPage[T any](recs []*neo4j.Record, first int, conv func(any) T) kg.Page[T] {
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
	if len(p.Items) > first {
		p.Items, p.Keys, p.More = p.Items[:first], p.Keys[:first], true
	}
	p.Related = toRelated(v[3], v[4])
	return p
}

// sourceMatch is a predicate: fact n is stated in a document that matches
// the parameters of sourceParams (an empty one matches any).
const sourceMatch = `(($doc = '' AND $publisher = '' AND $docFrom = '' AND $docTo = '') OR EXISTS {
		MATCH (n)-[:SOURCED_FROM]->(d:Document)
		WHERE ($doc = '' OR d.id = $doc) AND ($publisher = '' OR toLower(d.publisher) = toLower($publisher))
		  AND ($docFrom = '' OR d.publishedAt >= $docFrom) AND ($docTo = '' OR d.publishedAt < $docTo + '~') })`

// sourceParams adds the parameters of sourceMatch to m.
func sourceParams(f kg.SourceFilter, m map[string]any) map[string]any {
	m["doc"], m["publisher"], m["docFrom"], m["docTo"] = f.Document, f.Publisher, f.From, f.To
	return m
}

// orderKey returns the sort key of list for o; kg.ErrInvalid for an order
// the list does not have.
func orderKey(list string, o kg.Order) (sortKey, error) {
	var expr string
	switch list + "/" + o.By {
	case "events/", "events/date":
		expr = `CASE WHEN coalesce(n.date, '') = '' THEN '~' ELSE n.date END` // undated last
		if o.Desc {
			expr = `coalesce(n.date, '')`
		}
	case "documents/", "documents/publishedAt":
		expr = `coalesce(n.publishedAt, '')`
	case "documents/title":
		expr = `toLower(coalesce(n.title, ''))`
	case "entities/", "entities/name":
		expr = `toLower(coalesce(n.name, ''))`
	default:
		return sortKey{}, fmt.Errorf("%s cannot be ordered by %q: %w", list, o.By, kg.ErrInvalid)
	}
	return sortKey{expr: expr, desc: o.Desc}, nil
}

// Events returns a page of the events that match f in f.Order (by date,
// undated last either way, then id), with what inc names.
func (s *Store) Events(ctx context.Context, f kg.EventFilter, inc kg.Include) (kg.Page[kg.Event], error) {
	key, err := orderKey("events", f.Order)
	if err != nil {
		return kg.Page[kg.Event]{}, err
	}
	recs, err := s.read(ctx, pageOf(`MATCH (n:Event)
		WHERE ($type = '' OR n.type = $type)
		  AND ($from = '' OR (coalesce(n.date, '') <> '' AND n.date >= $from))
		  AND ($to = '' OR (coalesce(n.date, '') <> '' AND n.date < $to + '~'))
		  AND ($participant = '' OR EXISTS { MATCH (x:Entity)-[:PARTICIPATED_IN]->(n) WHERE `+refMatch("x", "participant")+` })
		  AND `+sourceMatch, key, eventProj("n", inc.Fields), inc),
		sourceParams(f.Source, map[string]any{"type": f.Type, "from": f.From, "to": f.To, "participant": f.Participant,
			"after": keyParam(f.After, 2), "limit": int64(f.First + 1)}))
	if err != nil {
		return kg.Page[kg.Event]{}, fmt.Errorf("events: %w", err)
	}
	return toPage(recs, f.First, toEvent), nil
}

// Claims returns a page of the claims that match f, ordered by id, with
// what inc names.
func (s *Store) Claims(ctx context.Context, f kg.ClaimFilter, inc kg.Include) (kg.Page[kg.Claim], error) {
	var topics any
	if f.Topics != nil {
		topics = f.Topics
	}
	after := keyParam(f.After, 1)
	if after != nil {
		after = []string{f.After[0], f.After[0]}
	}
	recs, err := s.read(ctx, pageOf(`MATCH (n:Claim)
		WHERE ($stance = '' OR n.stance = $stance)
		  AND ($topics IS NULL OR any(t IN coalesce(n.topics, []) WHERE t IN $topics))
		  AND ($claimant = '' OR EXISTS { MATCH (x:Entity)-[:MADE]->(n) WHERE `+refMatch("x", "claimant")+` })
		  AND ($about = '' OR EXISTS { MATCH (n)-[:ABOUT]->(x:Entity) WHERE `+refMatch("x", "about")+` })
		  AND `+sourceMatch, sortKey{expr: `n.id`}, claimProj("n", inc.Fields), inc),
		sourceParams(f.Source, map[string]any{"stance": f.Stance, "topics": topics, "claimant": f.Claimant,
			"about": f.About, "after": after, "limit": int64(f.First + 1)}))
	if err != nil {
		return kg.Page[kg.Claim]{}, fmt.Errorf("claims: %w", err)
	}
	return toPage(recs, f.First, toClaim), nil
}

// Documents returns a page of the documents that match f in f.Order (by
// publication date or title, then id), with the fields inc selects.
func (s *Store) Documents(ctx context.Context, f kg.DocumentFilter, inc kg.Include) (kg.Page[kg.Document], error) {
	key, err := orderKey("documents", f.Order)
	if err != nil {
		return kg.Page[kg.Document]{}, err
	}
	inc = kg.Include{Total: inc.Total, Fields: inc.Fields} // documents have no related nodes
	recs, err := s.read(ctx, pageOf(`MATCH (n:Document)
		WHERE ($publisher = '' OR toLower(n.publisher) = toLower($publisher))
		  AND ($from = '' OR n.publishedAt >= $from) AND ($to = '' OR n.publishedAt < $to + '~')`,
		key, documentProj("n", inc.Fields), inc),
		map[string]any{"publisher": f.Publisher, "from": f.From, "to": f.To,
			"after": keyParam(f.After, 2), "limit": int64(f.First + 1)})
	if err != nil {
		return kg.Page[kg.Document]{}, fmt.Errorf("documents: %w", err)
	}
	return toPage(recs, f.First, toDocument), nil
}

// Entities returns a page of the persons and organizations that match f in
// f.Order (by name ignoring case, then id), with the fields inc selects.
func (s *Store) Entities(ctx context.Context, f kg.EntityFilter, inc kg.Include) (kg.Page[kg.Entity], error) {
	key, err := orderKey("entities", f.Order)
	if err != nil {
		return kg.Page[kg.Entity]{}, err
	}
	label := ""
	if f.Type != "" {
		label = entityLabel(f.Type)
	}
	inc = kg.Include{Total: inc.Total, Fields: inc.Fields}
	recs, err := s.read(ctx, pageOf(`MATCH (n:Entity)
		WHERE (n:Person OR n:Organization) AND ($label = '' OR $label IN labels(n))
		  AND ($kind = '' OR toLower(n.kind) = toLower($kind))
		  AND ($doc = '' OR EXISTS { MATCH (n)-[:MENTIONED_IN]->(:Document {id: $doc}) })`,
		key, entityProj("n", inc.Fields), inc),
		map[string]any{"label": label, "kind": f.Kind, "doc": f.Document,
			"after": keyParam(f.After, 2), "limit": int64(f.First + 1)})
	if err != nil {
		return kg.Page[kg.Entity]{}, fmt.Errorf("entities: %w", err)
	}
	return toPage(recs, f.First, toEntity), nil
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

// graphNodeProj projects a node of a drawable graph, with its sources.
func graphNodeProj(v string) string {
	return fmt.Sprintf(`{id: %[1]s.id, labels: labels(%[1]s), name: %[1]s.name, title: %[1]s.title, type: %[1]s.type,
		date: %[1]s.date, text: %[1]s.text,
		sources: [(%[1]s)-[s:SOURCED_FROM]->(d:Document) | {document: d.id, sentence: s.sentence, start: s.start, end: s.end, quote: s.quote}]}`, v)
}

const graphEdgeProj = `{id: elementId(r), type: type(r), source: startNode(r).id, target: endNode(r).id, part: r.as}`

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
func (s *Store) Connections(ctx context.Context, from, to string, maxHops int) ([]kg.Path, error) {
	if maxHops < 1 || maxHops > 8 {
		return nil, fmt.Errorf("maxHops %d: want 1 to 8: %w", maxHops, kg.ErrInvalid)
	}
	recs, err := s.read(ctx, resolveRef("a", "Entity", "from")+" "+resolveRef("b", "Entity", "to")+
		fmt.Sprintf(`
		OPTIONAL MATCH p = allShortestPaths((a)-[*..%d]-(b)) WHERE a <> b AND `+noDocs+` AND `+notShortcut+`
		WITH a, b, p LIMIT 10
		RETURN a.id, b.id, CASE WHEN p IS NULL THEN null ELSE {length: length(p),
			nodes: [n IN nodes(p) | `+graphNodeProj("n")+`],
			edges: [r IN relationships(p) | `+graphEdgeProj+`]} END AS path`, maxHops),
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
func (s *Store) Neighborhood(ctx context.Context, of string, hops, limit int) (kg.Subgraph, error) {
	if hops < 1 || hops > 3 {
		return kg.Subgraph{}, fmt.Errorf("hops %d: want 1 to 3: %w", hops, kg.ErrInvalid)
	}
	if limit < 1 {
		return kg.Subgraph{}, fmt.Errorf("limit %d: want at least 1: %w", limit, kg.ErrInvalid)
	}
	recs, err := s.read(ctx, resolveRef("a", "Entity", "of")+fmt.Sprintf(`
		CALL { WITH a
		  MATCH p = (a)-[*1..%d]-(n) WHERE n <> a AND `+noDocs+` AND `+notShortcut+`
		  WITH n, min(length(p)) AS d ORDER BY d, n.id LIMIT $limit
		  RETURN collect(n) AS near }
		WITH [a] + near AS ns
		CALL { WITH ns UNWIND ns AS x
		  OPTIONAL MATCH (x)-[r]->(y) WHERE y IN ns AND r.role IS NULL AND r.event IS NULL AND r.claim IS NULL
		  RETURN collect(DISTINCT r) AS rs }
		RETURN [n IN ns | `+graphNodeProj("n")+`] AS nodes, [r IN rs | `+graphEdgeProj+`] AS edges`, hops),
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
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		return a.Source+a.Type+a.Target < b.Source+b.Type+b.Target
	})
	return g, nil
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
