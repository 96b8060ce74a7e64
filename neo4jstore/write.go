package neo4jstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/kg"
)

// SaveExtraction writes one document's extraction in a single transaction.
// Entities are shared across documents (MERGE on id); the document's earlier
// facts are removed first, so reloading a changed document replaces exactly
// its facts and a crash leaves no half-written document. Saving the same
// extraction twice changes nothing (it is detected by a content hash and
// skipped unless force is set).
func (s *Store) SaveExtraction(ctx context.Context, ex kg.Extraction, force bool) (kg.SaveResult, error) {
	res := kg.SaveResult{Document: ex.Document.ID}
	if ex.Document.ID == "" {
		return res, fmt.Errorf("save extraction: document has no id: %w", kg.ErrInvalid)
	}
	p, err := writeParams(ex)
	if err != nil {
		return res, fmt.Errorf("save document %s: %w", ex.Document.ID, err)
	}
	stmt := writeStatement(p)
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	// The driver retries this function on transient errors (deadlocks
	// between concurrent documents that share entities): it must not
	// consume anything it cannot rebuild.
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		r := kg.SaveResult{Document: ex.Document.ID}
		rec, err := single(ctx, tx, `OPTIONAL MATCH (d:Document {id: $doc})
			OPTIONAL MATCH (d)<-[:MENTIONED_IN]-(e:Entity)
			RETURN d IS NOT NULL AS exists, d.contentHash AS h, collect(e.id) AS old`, p)
		if err != nil {
			return r, err
		}
		exists, _ := rec.Get("exists")
		if h, _ := rec.Get("h"); !force && h == p["contentHash"] {
			r.Unchanged = true
			return r, nil
		}
		// Take the write locks of every entity this document touches, old
		// and new, in id order before anything else: concurrent documents
		// that share entities then queue instead of deadlocking.
		// (The lock is the first subquery of the write statement; for a
		// document already stored it is taken before its old facts go.)
		oldIDs, _ := rec.Get("old")
		p["lock"] = sortedUnion(oldIDs.([]any), p["entityIDs"].([]any))
		if exists == true {
			if _, err := run(ctx, tx, lockEntities, map[string]any{"ids": p["lock"]}); err != nil {
				return r, err
			}
		}
		var old []any
		if exists == true {
			if r.Deleted, old, err = removeDocumentFacts(ctx, tx, ex.Document.ID, false); err != nil {
				return r, err
			}
		}
		// Entities that lost this document's mentions are recomputed in
		// full; the others get the new names added incrementally.
		p["refresh"] = nonNil(old)
		// One statement, one round trip: the write queries run as unit
		// subqueries in order.
		sum, err := run(ctx, tx, stmt, map[string]any{"p": p})
		if err != nil {
			return r, err
		}
		c := sum.Counters()
		r.Nodes, r.Rels = c.NodesCreated(), c.RelationshipsCreated()
		r.Deleted += c.NodesDeleted() + c.RelationshipsDeleted()
		return r, nil
	})
	if err != nil {
		return res, fmt.Errorf("save document %s: %w", ex.Document.ID, mapErr(err))
	}
	return out.(kg.SaveResult), nil
}

// DeleteDocument removes a document and every fact only it supports;
// entities no other document mentions go too. kg.ErrNotFound if absent.
func (s *Store) DeleteDocument(ctx context.Context, id string) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := single(ctx, tx, "OPTIONAL MATCH (d:Document {id: $doc}) RETURN d IS NOT NULL AS found", map[string]any{"doc": id})
		if err != nil {
			return nil, err
		}
		if found, _ := rec.Get("found"); found != true {
			return nil, fmt.Errorf("document %s: %w", id, kg.ErrNotFound)
		}
		_, _, err = removeDocumentFacts(ctx, tx, id, true)
		return nil, err
	})
	if err != nil {
		return fmt.Errorf("delete document %s: %w", id, mapErr(err))
	}
	return nil
}

// removeDocumentFacts detaches a document's sources, mentions and relation
// evidence and deletes the facts nothing else supports; with dropDoc it
// deletes the document node too. The entities that lost a mention are then
// refreshed (aliases) or deleted when nothing mentions them any more.
func removeDocumentFacts(ctx context.Context, tx neo4j.ManagedTransaction, doc string, dropDoc bool) (deleted int, entities []any, err error) {
	p := map[string]any{"doc": doc}
	n := 0
	count := func(sum neo4j.ResultSummary) {
		c := sum.Counters()
		n += c.NodesDeleted() + c.RelationshipsDeleted()
	}
	// Relation evidence is kept as parallel lists docs[i] / sources[i].
	sum, err := run(ctx, tx, `MATCH (e:Entity)-[:MENTIONED_IN]->(:Document {id: $doc})
		MATCH (e)-[r]->(:Entity) WHERE $doc IN r.docs
		WITH DISTINCT r ORDER BY elementId(r)
		WITH r, [i IN range(0, size(r.docs) - 1) WHERE r.docs[i] <> $doc] AS keep
		SET r.docs = [i IN keep | r.docs[i]], r.sources = [i IN keep | r.sources[i]]
		WITH r WHERE size(r.docs) = 0
		DELETE r`, p)
	if err != nil {
		return n, nil, fmt.Errorf("remove relations of %s: %w", doc, err)
	}
	count(sum)
	rec, err := single(ctx, tx, `OPTIONAL MATCH (:Document {id: $doc})<-[s:SOURCED_FROM]-(f)
		WITH f, s ORDER BY f.id
		WITH collect(DISTINCT f.id) AS ids, collect(s) AS ss
		FOREACH (s IN ss | DELETE s)
		RETURN ids`, p)
	if err != nil {
		return n, nil, fmt.Errorf("remove sources of %s: %w", doc, err)
	}
	ids, _ := rec.Get("ids")
	n += len(ids.([]any))
	// The shortcuts derived from a fact start at an entity linked to it
	// (the role's holder, the event's agent, the claimant) and go with it.
	sum, err = run(ctx, tx, `UNWIND $ids AS id
		MATCH (f {id: id}) WHERE (f:Role OR f:Event OR f:Claim) AND NOT (f)-[:SOURCED_FROM]->()
		MATCH (f)--(:Entity)-[s]->(:Entity) WHERE s.role = id OR s.event = id OR s.claim = id
		WITH DISTINCT s
		DELETE s`, map[string]any{"ids": ids})
	if err != nil {
		return n, nil, fmt.Errorf("remove shortcuts of %s: %w", doc, err)
	}
	count(sum)
	sum, err = run(ctx, tx, `UNWIND $ids AS id
		MATCH (f {id: id}) WHERE (f:Role OR f:Event OR f:Claim) AND NOT (f)-[:SOURCED_FROM]->()
		DETACH DELETE f`, map[string]any{"ids": ids})
	if err != nil {
		return n, nil, fmt.Errorf("remove facts of %s: %w", doc, err)
	}
	count(sum)
	rec, err = single(ctx, tx, `OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(:Document {id: $doc})
		WITH e, m ORDER BY e.id
		WITH collect(e.id) AS ids, collect(m) AS ms
		FOREACH (m IN ms | DELETE m)
		RETURN ids`, p)
	if err != nil {
		return n, nil, fmt.Errorf("remove mentions of %s: %w", doc, err)
	}
	ents, _ := rec.Get("ids")
	n += len(ents.([]any))
	if !dropDoc {
		return n, ents.([]any), nil
	}
	sum, err = run(ctx, tx, `MATCH (d:Document {id: $doc}) DETACH DELETE d`, p)
	if err != nil {
		return n, nil, fmt.Errorf("remove document %s: %w", doc, err)
	}
	count(sum)
	sum, err = run(ctx, tx, refreshEntities, map[string]any{"ids": ents})
	if err != nil {
		return n, nil, fmt.Errorf("refresh entities of %s: %w", doc, err)
	}
	count(sum)
	return n, nil, nil
}

// lockEntities write-locks existing entities in the order given (setting a
// property takes the node's exclusive lock).
const lockEntities = `UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.name = e.name`

// EnsureEntities creates the entities that do not exist yet, bare (id, type
// and name), in one transaction, in id order. The loader calls it before
// writing documents concurrently, so that no two document transactions race
// to create the same entity (which deadlocks). Entities that end up with no
// mention are removed by PruneEntities.
func (s *Store) EnsureEntities(ctx context.Context, ents []kg.Entity) error {
	rows := make([]any, 0, len(ents))
	seen := map[string]bool{}
	for _, e := range ents {
		if seen[e.ID] || e.Type != kg.Person && e.Type != kg.Organization {
			continue
		}
		seen[e.ID] = true
		rows = append(rows, map[string]any{"id": e.ID, "type": string(e.Type), "name": e.Name})
	}
	sortByKey(rows, "id")
	_, err := neo4j.ExecuteQuery(ctx, s.driver, `UNWIND $rows AS x
		MERGE (e:Entity {id: x.id})
		ON CREATE SET e.name = x.name, e.aliases = [], e.aliasText = x.name
		FOREACH (_ IN CASE WHEN x.type = 'person' THEN [1] ELSE [] END | SET e:Person)
		FOREACH (_ IN CASE WHEN x.type = 'organization' THEN [1] ELSE [] END | SET e:Organization)`,
		map[string]any{"rows": rows}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return fmt.Errorf("ensure entities: %w", mapErr(err))
	}
	return nil
}

// PruneEntities deletes those of the given entities that no document
// mentions and no curation keeps (left by EnsureEntities when a document
// failed).
func (s *Store) PruneEntities(ctx context.Context, ids []string) error {
	_, err := neo4j.ExecuteQuery(ctx, s.driver, `UNWIND $ids AS id
		MATCH (e:Entity {id: id}) WHERE NOT (e)-[:MENTIONED_IN]->() AND e.curatedAliases IS NULL
		DETACH DELETE e`, map[string]any{"ids": ids}, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return fmt.Errorf("prune entities: %w", mapErr(err))
	}
	return nil
}

func sortedUnion(a, b []any) []any {
	seen := map[string]bool{}
	var out []string
	for _, x := range append(append([]any{}, a...), b...) {
		if id, ok := x.(string); ok && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Strings(out)
	res := make([]any, len(out))
	for i, id := range out {
		res[i] = id
	}
	return res
}

// refreshEntities recomputes the aliases and merge log of entities from their
// remaining mentions (plus curated aliases) and deletes those that nothing
// mentions or curates any more.
const refreshEntities = `UNWIND $ids AS id
	MATCH (e:Entity {id: id})
	OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(:Document)
	WITH e, collect(m.forms) AS forms, collect(m.merges) AS merges, count(m) AS n
	WITH e, n,
	     reduce(acc = coalesce(e.curatedAliases, []), fs IN forms | acc + [f IN fs WHERE NOT f IN acc]) AS names,
	     reduce(acc = [], ms IN merges | acc + [x IN ms WHERE NOT x IN acc]) AS mergeLog
	WITH e, n, mergeLog, [a IN names WHERE a <> e.name] AS aliases
	SET e.aliases = aliases, e.aliasText = reduce(t = e.name, a IN aliases | t + ' | ' + a), e.merges = mergeLog
	WITH e WHERE n = 0 AND e.curatedAliases IS NULL
	DETACH DELETE e`

// writeQueries write one document's extraction; they run in order in one
// transaction after removeDocumentFacts, with the parameters of writeParams.
// %s in the entity queries is the label; relation queries are built per type
// by relationQuery.
var writeQueries = []string{
	`MERGE (d:Document {id: $doc})
	 SET d += $document, d.loadedAt = datetime()`,
	entityQuery,
	`UNWIND $roles AS x
	 MATCH (p:Entity {id: x.person})
	 MERGE (r:Role {id: x.id})
	 SET r.title = x.title, r.status = x.status
	 MERGE (p)-[:HOLDS_ROLE]->(r)
	 WITH p, r, x WHERE x.organization <> ''
	 MATCH (o:Entity {id: x.organization})
	 MERGE (r)-[:AT]->(o)
	 MERGE (p)-[s:HOLDS_ROLE_AT {role: r.id}]->(o)
	 SET s.title = r.title, s.status = r.status`,
	`UNWIND $events AS x
	 MERGE (ev:Event {id: x.id})
	 SET ev.type = x.type, ev.date = x.date, ev.datePrecision = x.datePrecision,
	     ev.dateText = x.dateText, ev.summary = x.summary, ev.unnamed = x.unnamed, ev.caption = x.caption
	 WITH ev, x
	 UNWIND x.participants AS p
	 MATCH (e:Entity {id: p.entity})
	 MERGE (e)-[:PARTICIPATED_IN {as: p.as}]->(ev)`,
	`UNWIND $claims AS x
	 MATCH (c0:Entity {id: x.claimant})
	 MERGE (c:Claim {id: x.id})
	 SET c.text = x.text, c.kind = x.kind, c.verb = x.verb, c.stance = x.stance, c.topics = x.topics,
	     c.caption = x.caption
	 MERGE (c0)-[:MADE]->(c)
	 WITH c, x
	 UNWIND x.about AS a
	 MATCH (e:Entity {id: a})
	 MERGE (c)-[:ABOUT]->(e)`,
	`UNWIND $eventShortcuts AS x
	 MATCH (a:Entity {id: x.from}), (b:Entity {id: x.to})
	 MERGE (a)-[s:$(x.rel) {event: x.event, as: x.as}]->(b)
	 SET s.type = x.type, s.date = x.date`,
	`UNWIND $claimShortcuts AS x
	 MATCH (a:Entity {id: x.from}), (b:Entity {id: x.to})
	 MERGE (a)-[s:$(x.rel) {claim: x.claim}]->(b)
	 SET s.stance = x.stance, s.topic = x.topic, s.topics = x.topics`,
	sourceQuery("Role", "roleSources"),
	sourceQuery("Event", "eventSources"),
	sourceQuery("Claim", "claimSources"),
}

// writeStatement joins writeQueries, the relation queries of the types the
// extraction has, and the refresh of entities that lost mentions into one statement of unit
// subqueries. Relation parameters are flattened to rels_<TYPE>.
func writeStatement(p map[string]any) string {
	var b strings.Builder
	b.WriteString("CALL { " + strings.ReplaceAll(lockEntities, "$ids", "$lock") + " }\n")
	for _, q := range writeQueries {
		b.WriteString("CALL { " + q + " }\n")
	}
	rels := p["relations"].(map[string][]any)
	types := make([]string, 0, len(rels))
	for t := range rels {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		p["rels_"+t] = rels[t]
		b.WriteString("CALL { " + relationQuery(t) + " }\n")
	}
	delete(p, "relations")
	b.WriteString("CALL { " + strings.ReplaceAll(refreshEntities, "$ids", "$refresh") + " }\n")
	b.WriteString("RETURN 1")
	// All parameters travel in one map, $p: Neo4j caches plans per query
	// text and parameter types, and an empty list and a list of maps are
	// different types, so separate parameters would replan for nearly every
	// document.
	return paramRef.ReplaceAllString(b.String(), "$$p.$1")
}

var paramRef = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

// entityQuery merges the document's entities and links their mentions. The
// list is sorted by id: concurrent documents then lock shared entities in the
// same order and do not deadlock; later statements touch only entities this
// one has already locked.
const entityQuery = `UNWIND $entities AS x
	 MERGE (e:Entity {id: x.id})
	 SET e.name = x.name, e.kind = x.kind,
	     e.aliases = reduce(acc = [a IN coalesce(e.aliases, []) WHERE a <> x.name], f IN x.forms |
	                        CASE WHEN f IN acc OR f = x.name THEN acc ELSE acc + f END),
	     e.merges = reduce(acc = coalesce(e.merges, []), m IN x.merges | CASE WHEN m IN acc THEN acc ELSE acc + m END)
	 SET e.aliasText = reduce(t = e.name, a IN e.aliases | t + ' | ' + a)
	 FOREACH (_ IN CASE WHEN x.type = 'person' THEN [1] ELSE [] END | SET e:Person)
	 FOREACH (_ IN CASE WHEN x.type = 'organization' THEN [1] ELSE [] END | SET e:Organization)
	 WITH e, x
	 MATCH (d:Document {id: $doc})
	 CREATE (e)-[:MENTIONED_IN {count: x.count, forms: x.forms, starts: x.starts, ends: x.ends, merges: x.merges}]->(d)`

func sourceQuery(label, param string) string {
	return fmt.Sprintf(`UNWIND $%s AS s
	 MATCH (f:%s {id: s.fact})
	 MATCH (d:Document {id: $doc})
	 CREATE (f)-[:SOURCED_FROM {sentence: s.sentence, start: s.start, end: s.end, quote: s.quote}]->(d)`, param, label)
}

// relationQuery merges relations of one type (validated by relType) and
// appends this document's evidence to them.
func relationQuery(typ string) string {
	return fmt.Sprintf(`UNWIND $rels_%[1]s AS x
	 MATCH (a:Entity {id: x.from}), (b:Entity {id: x.to})
	 MERGE (a)-[r:%[1]s]->(b)
	 SET r.docs = coalesce(r.docs, []) + x.docs, r.sources = coalesce(r.sources, []) + x.sources`, typ)
}

// relType turns a relation type such as "subsidiary_of" into a relationship
// type (SUBSIDIARY_OF), refusing anything but letters, digits and underscores.
func relType(t string) (string, error) {
	u := strings.ToUpper(strings.TrimSpace(t))
	if u == "" {
		return "", fmt.Errorf("relation type is empty: %w", kg.ErrInvalid)
	}
	for _, r := range u {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return "", fmt.Errorf("relation type %q: only letters, digits and _ allowed: %w", t, kg.ErrInvalid)
		}
	}
	return u, nil
}

// writeParams converts an extraction into query parameters (plain maps and
// lists, as the driver wants) and computes its content hash.
func writeParams(ex kg.Extraction) (map[string]any, error) {
	d := ex.Document
	hashInput, err := json.Marshal(struct {
		X kg.Extraction
		T string
	}{ex, d.Text})
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(hashInput)
	contentHash := hex.EncodeToString(h[:])
	p := map[string]any{
		"doc":         d.ID,
		"contentHash": contentHash,
		"document": map[string]any{
			"file": d.File, "title": d.Title, "publisher": d.Publisher, "url": d.URL,
			"publishedAt": d.PublishedAt, "sha256": d.SHA256, "contentHash": contentHash,
		},
	}
	known := map[string]bool{}
	name := map[string]string{}
	var entities, entityIDs []any
	for _, e := range ex.Entities {
		known[e.ID] = true
		name[e.ID] = e.Name
		entityIDs = append(entityIDs, e.ID)
		forms := []any{}
		seen := map[string]bool{}
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			if f != "" && !seen[f] {
				seen[f] = true
				forms = append(forms, f)
			}
		}
		starts, ends := []any{}, []any{}
		for _, m := range e.Mentions {
			starts = append(starts, int64(m.Start))
			ends = append(ends, int64(m.End))
		}
		merges := []any{}
		for _, m := range e.Merges {
			merges = append(merges, fmt.Sprintf("%s: %s -> %s @%s", m.Rule, m.Name, m.Into, m.Where))
		}
		if e.Type != kg.Person && e.Type != kg.Organization {
			return nil, fmt.Errorf("entity %s (%q): unknown type %q: %w", e.ID, e.Name, e.Type, kg.ErrInvalid)
		}
		entities = append(entities, map[string]any{"id": e.ID, "type": string(e.Type), "name": e.Name, "kind": e.Kind,
			"count": int64(len(e.Mentions)), "forms": forms, "starts": starts, "ends": ends, "merges": merges})
	}
	sortByKey(entities, "id")
	need := func(what, id string) error {
		if !known[id] {
			return fmt.Errorf("%s refers to entity %q, which the document does not list: %w", what, id, kg.ErrInvalid)
		}
		return nil
	}
	p["entities"], p["entityIDs"] = nonNil(entities), nonNil(entityIDs)
	var roles, events, claims, roleSrc, eventSrc, claimSrc []any
	evLinks, clLinks := []any{}, []any{}
	addSources := func(dst *[]any, fact string, srcs []kg.Source) {
		seen := map[[2]int]bool{}
		for _, s := range srcs {
			if s.Document != "" && s.Document != d.ID || seen[[2]int{s.Start, s.End}] {
				continue
			}
			seen[[2]int{s.Start, s.End}] = true
			*dst = append(*dst, map[string]any{"fact": fact, "sentence": int64(s.Sentence),
				"start": int64(s.Start), "end": int64(s.End), "quote": s.Quote})
		}
	}
	for _, r := range ex.Roles {
		if err := need("role "+r.ID, r.Person); err != nil {
			return nil, err
		}
		if r.Organization != "" {
			if err := need("role "+r.ID, r.Organization); err != nil {
				return nil, err
			}
		}
		roles = append(roles, map[string]any{"id": r.ID, "person": r.Person, "title": r.Title,
			"organization": r.Organization, "status": r.Status})
		addSources(&roleSrc, r.ID, r.Sources)
	}
	for _, ev := range ex.Events {
		parts, unnamed := []any{}, []any{}
		for _, pt := range ev.Participants {
			if pt.Entity == "" {
				unnamed = append(unnamed, pt.As+": "+pt.Description)
				continue
			}
			if err := need("event "+ev.ID, pt.Entity); err != nil {
				return nil, err
			}
			parts = append(parts, map[string]any{"entity": pt.Entity, "as": pt.As})
		}
		events = append(events, map[string]any{"id": ev.ID, "type": ev.Type, "date": ev.Date,
			"datePrecision": ev.DatePrecision, "dateText": ev.DateText, "summary": ev.Summary,
			"participants": parts, "unnamed": unnamed, "caption": eventCaption(ev, name)})
		addSources(&eventSrc, ev.ID, ev.Sources)
		evLinks = append(evLinks, eventShortcutRows(ev)...)
	}
	for _, c := range ex.Claims {
		if err := need("claim "+c.ID, c.Claimant); err != nil {
			return nil, err
		}
		about := []any{}
		for _, a := range c.About {
			if err := need("claim "+c.ID, a); err != nil {
				return nil, err
			}
			about = append(about, a)
		}
		topics := []any{}
		for _, t := range c.Topics {
			topics = append(topics, t)
		}
		claims = append(claims, map[string]any{"id": c.ID, "claimant": c.Claimant, "text": c.Text,
			"kind": c.Kind, "verb": c.Verb, "stance": c.Stance, "topics": topics, "about": about,
			"caption": claimCaption(c, name)})
		addSources(&claimSrc, c.ID, c.Sources)
		clLinks = append(clLinks, claimShortcutRows(c)...)
	}
	// Sorted by id, like the entities, so concurrent documents lock shared
	// facts in one order.
	for _, xs := range [][]any{roles, events, claims} {
		sortByKey(xs, "id")
	}
	for _, xs := range [][]any{roleSrc, eventSrc, claimSrc} {
		sortByKey(xs, "fact")
	}
	p["roles"], p["events"], p["claims"] = nonNil(roles), nonNil(events), nonNil(claims)
	// Shortcuts in (from, to) order, so concurrent documents lock
	// relationships in one order too.
	for _, xs := range [][]any{evLinks, clLinks} {
		sortByKey(xs, "to")
		sortByKey(xs, "from")
	}
	p["eventShortcuts"], p["claimShortcuts"] = evLinks, clLinks
	p["roleSources"], p["eventSources"], p["claimSources"] = nonNil(roleSrc), nonNil(eventSrc), nonNil(claimSrc)
	rels := map[string][]any{}
	for _, r := range ex.Relations {
		t, err := relType(r.Type)
		if err != nil {
			return nil, fmt.Errorf("relation %s: %w", r.ID, err)
		}
		if err := need("relation "+r.ID, r.From); err != nil {
			return nil, err
		}
		if err := need("relation "+r.ID, r.To); err != nil {
			return nil, err
		}
		docs, srcs := []any{}, []any{}
		for _, s := range r.Sources {
			b, _ := json.Marshal(s)
			docs = append(docs, d.ID)
			srcs = append(srcs, string(b))
		}
		rels[t] = append(rels[t], map[string]any{"from": r.From, "to": r.To, "docs": docs, "sources": srcs})
	}
	p["relations"] = rels
	return p, nil
}

// sortByKey sorts a list of parameter maps by a string key, stably.
func sortByKey(xs []any, key string) {
	sort.SliceStable(xs, func(i, j int) bool {
		return xs[i].(map[string]any)[key].(string) < xs[j].(map[string]any)[key].(string)
	})
}

func nonNil(xs []any) []any {
	if xs == nil {
		return []any{}
	}
	return xs
}

// run runs one statement in tx and consumes its result.
func run(ctx context.Context, tx neo4j.ManagedTransaction, q string, p map[string]any) (neo4j.ResultSummary, error) {
	res, err := tx.Run(ctx, q, p)
	if err != nil {
		return nil, err
	}
	return res.Consume(ctx)
}

// single runs a statement that returns exactly one record.
func single(ctx context.Context, tx neo4j.ManagedTransaction, q string, p map[string]any) (*neo4j.Record, error) {
	res, err := tx.Run(ctx, q, p)
	if err != nil {
		return nil, err
	}
	return res.Single(ctx)
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i > 0 {
		return q[:i]
	}
	return q
}
