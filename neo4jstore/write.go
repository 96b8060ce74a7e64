package neo4jstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/kg"
)

// SaveExtraction writes one document's extraction in a single transaction:
// SaveBatch with one document.
func (s *Store) SaveExtraction(ctx context.Context, ex kg.Extraction, force bool) (kg.SaveResult, error) {
	res := kg.SaveResult{Document: ex.Document.ID}
	br, err := s.SaveBatch(ctx, []kg.Extraction{ex}, force)
	if err != nil {
		return res, err
	}
	res.Unchanged = len(br.Unchanged) > 0
	res.Nodes, res.Rels, res.Deleted = br.Nodes, br.Rels, br.Deleted
	return res, nil
}

// SaveBatch writes the extractions of many documents in one transaction,
// with one UNWIND statement per kind of node and relationship. Entities are
// shared across documents (MERGE on id) and are created in the transaction
// of the first document that mentions them, so a crash never leaves an
// entity without its document. A document already stored has its earlier
// facts removed first, so reloading a changed document replaces exactly its
// facts. A document whose extraction is unchanged (same content hash) is
// skipped unless force is set. Either every document of the batch is written
// or none is. Errors name the document when one document's extraction is
// unusable (kg.ErrInvalid); kg.ErrUnavailable when Neo4j cannot be reached.
func (s *Store) SaveBatch(ctx context.Context, exs []kg.Extraction, force bool) (kg.BatchResult, error) {
	// In id order, so that concurrent loaders lock shared documents in
	// one order.
	exs = slices.Clone(exs)
	slices.SortFunc(exs, func(a, b kg.Extraction) int { return strings.Compare(a.Document.ID, b.Document.ID) })
	ps := make([]map[string]any, 0, len(exs))
	ids := make([]any, 0, len(exs))
	seen := map[string]bool{}
	for _, ex := range exs {
		id := ex.Document.ID
		switch {
		case id == "":
			return kg.BatchResult{}, fmt.Errorf("save extraction: document has no id: %w", kg.ErrInvalid)
		case seen[id]:
			return kg.BatchResult{}, fmt.Errorf("save document %s: twice in one batch: %w", id, kg.ErrInvalid)
		}
		seen[id] = true
		p, err := writeParams(ex)
		if err != nil {
			return kg.BatchResult{}, fmt.Errorf("save document %s: %w", id, err)
		}
		ps, ids = append(ps, p), append(ids, id)
	}
	sess := s.writeSession(ctx)
	defer sess.Close(ctx)
	// The driver retries this function on transient errors (deadlocks
	// between concurrent loaders that share entities): it must not consume
	// anything it cannot rebuild.
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return saveBatchTx(ctx, tx, ps, ids, force)
	})
	if err != nil {
		if len(ids) == 1 {
			return kg.BatchResult{}, fmt.Errorf("save document %s: %w", ids[0], mapErr(err))
		}
		return kg.BatchResult{}, fmt.Errorf("save %d documents (%s to %s): %w", len(ids), ids[0], ids[len(ids)-1], mapErr(err))
	}
	return out.(kg.BatchResult), nil
}

// saveBatchTx is SaveBatch's transaction: it skips unchanged documents,
// removes the old facts of changed ones and writes the rest in one
// statement.
func saveBatchTx(ctx context.Context, tx neo4j.ManagedTransaction, ps []map[string]any, ids []any, force bool) (kg.BatchResult, error) {
	var r kg.BatchResult
	// MERGE, not MATCH, and a write to a found document: a loader must
	// hold each document's lock from before it reads the document's state
	// until it commits, or a concurrent loader writing the same document
	// would read the same state and both would add its facts. A node
	// created here is marked pending until the documents query fills it
	// (every new document is written: it has no hash to match).
	// The file a document was read from is not part of its content
	// hash (a folder moved is not a corpus changed): it is set here, on
	// unchanged documents too.
	rows := make([]any, len(ids))
	for i, id := range ids {
		rows[i] = map[string]any{"id": id, "file": ps[i]["file"], "inputHash": ps[i]["inputHash"]}
	}
	res, err := tx.Run(ctx, `UNWIND $rows AS x
		MERGE (d:Document {id: x.id})
		ON CREATE SET d.pending = true
		ON MATCH SET d.file = x.file, d.inputHash = x.inputHash
		RETURN x.id AS id, d.pending IS NULL AS exists, d.contentHash AS h,
		       COLLECT { MATCH (d)<-[:MENTIONED_IN]-(e:Entity) RETURN e.id } AS old`, map[string]any{"rows": rows})
	if err != nil {
		return r, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return r, err
	}
	var write []map[string]any
	var replace, lock []any
	for i, rec := range recs {
		id := ids[i].(string)
		if h, _ := rec.Get("h"); !force && h == ps[i]["contentHash"] {
			r.Unchanged = append(r.Unchanged, id)
			continue
		}
		r.Saved = append(r.Saved, id)
		write = append(write, ps[i])
		lock = append(lock, ps[i]["entityIDs"].([]any)...)
		if exists, _ := rec.Get("exists"); exists == true {
			old, _ := rec.Get("old")
			lock = append(lock, old.([]any)...)
			replace = append(replace, id)
		}
	}
	if len(write) == 0 {
		return r, nil
	}
	var refresh []any
	if len(replace) > 0 {
		// Take the write locks of every entity these documents touch, old
		// and new, in id order before anything else: concurrent loaders
		// that share entities then queue instead of deadlocking.
		if _, err := run(ctx, tx, lockEntities, map[string]any{"ids": sortedUnion(lock, nil)}); err != nil {
			return r, err
		}
		n, old, err := removeDocumentFacts(ctx, tx, replace, false)
		if err != nil {
			return r, err
		}
		r.Deleted += n
		refresh = append(refresh, old...)
	}
	p := batchParams(write)
	// Entities that lost mentions are recomputed in full; the others get
	// the new names added incrementally.
	p["refresh"] = nonNil(sortedUnion(refresh, nil))
	sum, err := run(ctx, tx, planOnce+batchStatement(p), map[string]any{"p": p})
	if err != nil {
		return r, err
	}
	c := sum.Counters()
	r.Nodes, r.Rels = c.NodesCreated(), c.RelationshipsCreated()
	r.Deleted += c.NodesDeleted() + c.RelationshipsDeleted()
	return r, nil
}

// DeleteDocument removes a document and every fact only it supports;
// entities no other document mentions go too. kg.ErrNotFound if absent.
func (s *Store) DeleteDocument(ctx context.Context, id string) error {
	sess := s.writeSession(ctx)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := single(ctx, tx, "OPTIONAL MATCH (d:Document {id: $doc}) RETURN d IS NOT NULL AS found", map[string]any{"doc": id})
		if err != nil {
			return nil, err
		}
		if found, _ := rec.Get("found"); found != true {
			return nil, fmt.Errorf("document %s: %w", id, kg.ErrNotFound)
		}
		_, _, err = removeDocumentFacts(ctx, tx, []any{id}, true)
		return nil, err
	})
	if err != nil {
		return fmt.Errorf("delete document %s: %w", id, mapErr(err))
	}
	return nil
}

// factByID finds the fact node of the id in scope: one index seek per fact
// label. A MATCH on {id} without a label scans every node of the store for
// each id, which grew with the corpus.
const factByID = `CALL {
			WITH id MATCH (f:Role {id: id}) RETURN f
			UNION
			WITH id MATCH (f:Event {id: id}) RETURN f
			UNION
			WITH id MATCH (f:Claim {id: id}) RETURN f
		}`

// relationsByKey binds r to each relation the documents $docs give
// evidence for, found from its two ends (Document.relationKeys:
// "TYPE|from|to").
const relationsByKey = `UNWIND $docs AS doc
		MATCH (d:Document {id: doc})
		UNWIND coalesce(d.relationKeys, []) AS k
		WITH doc, split(k, '|') AS k
		MATCH (a:Entity {id: k[1]})-[r]->(b:Entity {id: k[2]}) WHERE type(r) = k[0] AND doc IN r.docs`

// relationsByMention does the same for a document stored before
// relationKeys, by reading every relationship of the entities it mentions.
const relationsByMention = `UNWIND $docs AS doc
		MATCH (d:Document {id: doc}) WHERE d.relationKeys IS NULL
		MATCH (e:Entity)-[:MENTIONED_IN]->(d)
		MATCH (e)-[r]->(:Entity) WHERE doc IN r.docs`

// shortcutsOfFacts binds s to the shortcuts of fact f (id), found through
// the relationship indexes on their fact id (shortcutIndexes), one type at
// a time: a shortcut starts at an entity of the fact, and expanding a busy
// entity's relationships to find it grew with the corpus.
func shortcutsOfFacts() string {
	branches := []string{`WITH id, f WITH id, f WHERE f:Role MATCH ()-[s:HOLDS_ROLE_AT {role: id}]->() RETURN s`}
	for _, t := range shortcutTypeNames() {
		branches = append(branches, `WITH id, f WITH id, f WHERE f:Event MATCH ()-[s:`+t+` {event: id}]->() RETURN s`)
	}
	for _, t := range slices.Sorted(maps.Values(claimShortcuts)) {
		branches = append(branches, `WITH id, f WITH id, f WHERE f:Claim MATCH ()-[s:`+t+` {claim: id}]->() RETURN s`)
	}
	return "CALL { " + strings.Join(branches, "\n\t\t\tUNION ") + " }"
}

// removeDocumentFacts detaches the sources, mentions and relation evidence
// of documents (all of a batch's replaced ones at once: each statement runs
// once, not once per document) and deletes the facts nothing else
// supports; with dropDoc it deletes the document nodes too and refreshes
// the entities that lost a mention (aliases), deleting those nothing
// mentions any more; otherwise it returns them for the batch to refresh.
func removeDocumentFacts(ctx context.Context, tx neo4j.ManagedTransaction, docs []any, dropDoc bool) (deleted int, entities []any, err error) {
	p := map[string]any{"docs": docs}
	doc := fmt.Sprint(docs[0])
	if len(docs) > 1 {
		doc = fmt.Sprintf("%d documents (%s to %s)", len(docs), docs[0], docs[len(docs)-1])
	}
	n := 0
	count := func(sum neo4j.ResultSummary) {
		c := sum.Counters()
		n += c.NodesDeleted() + c.RelationshipsDeleted()
	}
	// Relation evidence is kept as parallel lists docs[i] / sources[i].
	for _, q := range []string{relationsByKey, relationsByMention} {
		sum, err := run(ctx, tx, q+`
		WITH DISTINCT r ORDER BY elementId(r)
		WITH r, [i IN range(0, size(r.docs) - 1) WHERE NOT r.docs[i] IN $docs] AS keep
		SET r.docs = [i IN keep | r.docs[i]], r.sources = [i IN keep | r.sources[i]]
		WITH r WHERE size(r.docs) = 0
		DELETE r`, p)
		if err != nil {
			return n, nil, fmt.Errorf("remove relations of %s: %w", doc, err)
		}
		count(sum)
	}
	var sum neo4j.ResultSummary
	rec, err := single(ctx, tx, `UNWIND $docs AS doc
		OPTIONAL MATCH (:Document {id: doc})<-[s:SOURCED_FROM]-(f)
		WITH f, s ORDER BY f.id
		WITH collect(DISTINCT f.id) AS ids, collect(s) AS ss
		FOREACH (s IN ss | DELETE s)
		RETURN ids, size(ss) AS deleted`, p)
	if err != nil {
		return n, nil, fmt.Errorf("remove sources of %s: %w", doc, err)
	}
	ids, _ := rec.Get("ids")
	deletedSources, _ := rec.Get("deleted")
	n += int(deletedSources.(int64))
	// The shortcuts derived from a fact start at an entity linked to it
	// (the role's holder, the event's agent, the claimant) and go with it.
	sum, err = run(ctx, tx, `UNWIND $ids AS id
		`+factByID+`
		WITH id, f WHERE NOT (f)-[:SOURCED_FROM]->()
		`+shortcutsOfFacts()+`
		WITH DISTINCT s
		DELETE s`, map[string]any{"ids": ids})
	if err != nil {
		return n, nil, fmt.Errorf("remove shortcuts of %s: %w", doc, err)
	}
	count(sum)
	sum, err = run(ctx, tx, `UNWIND $ids AS id
		`+factByID+`
		WITH f WHERE NOT (f)-[:SOURCED_FROM]->()
		DETACH DELETE f`, map[string]any{"ids": ids})
	if err != nil {
		return n, nil, fmt.Errorf("remove facts of %s: %w", doc, err)
	}
	count(sum)
	// Merge decisions this document supported lose it; those no document
	// supports any more (and that no curation made) go.
	sum, err = run(ctx, tx, removeMergeEvidence, p)
	if err != nil {
		return n, nil, fmt.Errorf("remove merge evidence of %s: %w", doc, err)
	}
	count(sum)
	rec, err = single(ctx, tx, removeMentions, p)
	if err != nil {
		return n, nil, fmt.Errorf("remove mentions of %s: %w", doc, err)
	}
	ents, _ := rec.Get("ids")
	deletedMentions, _ := rec.Get("deleted")
	n += int(deletedMentions.(int64))
	if !dropDoc {
		return n, ents.([]any), nil
	}
	sum, err = run(ctx, tx, `UNWIND $docs AS doc MATCH (d:Document {id: doc}) DETACH DELETE d`, p)
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

// removeMentions deletes the mentions of documents $docs and takes the
// names each used off its entity's form counts (entityQuery), one mention
// at a time (an entity the documents share loses each one's names); it
// returns the entities, for refreshEntities, and how many mentions went.
const removeMentions = `UNWIND $docs AS doc
		OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(:Document {id: doc})
		WITH e, m ORDER BY e.id, doc
		FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END |
		  SET e.formDocs = [i IN range(0, size(coalesce(e.forms, [])) - 1) |
		                    e.formDocs[i] - CASE WHEN e.forms[i] IN m.forms THEN 1 ELSE 0 END])
		WITH collect(DISTINCT e.id) AS ids, collect(m) AS ms
		FOREACH (m IN ms | DELETE m)
		RETURN ids, size(ms) AS deleted`

// lockEntities write-locks existing entities in the order given (setting a
// property takes the node's exclusive lock).
const lockEntities = `UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.name = e.name`

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

// removeMergeEvidence detaches documents $docs from the merge decisions they
// supported, moves their first document on when it was this one, and
// deletes the decisions left with no document and no curation.
const removeMergeEvidence = `UNWIND $docs AS doc
	MATCH (:Document {id: doc})<-[s:SEEN_IN]-(m:Merge)
	DELETE s
	WITH DISTINCT m ORDER BY m.id
	SET m.where = CASE WHEN m.where IN $docs
	                   THEN COLLECT { MATCH (m)-[:SEEN_IN]->(d:Document) WHERE NOT d.id IN $docs RETURN d.id ORDER BY d.id LIMIT 1 }[0]
	                   ELSE m.where END
	WITH m WHERE m.where IS NULL AND m.curated IS NULL
	DETACH DELETE m`

// refreshEntities drops the forms of entities that no mention uses any
// more, sets their aliases again, and deletes the entities that nothing
// mentions or curates any more, with their merge decisions.
var refreshEntities = `UNWIND $ids AS id
	MATCH (e:Entity {id: id})
	WITH e, [i IN range(0, size(coalesce(e.forms, [])) - 1) WHERE e.formDocs[i] > 0] AS keep
	SET e.forms = [i IN keep | e.forms[i]], e.formDocs = [i IN keep | e.formDocs[i]]
	` + setAliases("e") + `
	WITH e WHERE NOT EXISTS { (e)-[:MENTIONED_IN]->() } AND e.curatedAliases IS NULL
	OPTIONAL MATCH (e)-[:MERGED]->(g:Merge)
	DETACH DELETE g, e`

// batchQueries write the extractions of a batch of documents; they run in
// order as unit subqueries of one statement (batchStatement), after the
// removal of replaced documents' facts, with the parameters of batchParams.
// Rows are sorted by id, so concurrent loaders lock shared nodes in one
// order; later queries touch only entities the entity query has locked.
var batchQueries = []string{
	`UNWIND $documents AS x
	 MERGE (d:Document {id: x.id})
	 SET d += x.props, d.loadedAt = datetime()
	 REMOVE d.pending`,
	entityQuery,
	`UNWIND $mentions AS x
	 MATCH (e:Entity {id: x.entity}), (d:Document {id: x.doc})
	 CREATE (e)-[:MENTIONED_IN {count: x.count, forms: x.forms, starts: x.starts, ends: x.ends}]->(d)`,
	`UNWIND $roles AS x
	 MATCH (p:Entity {id: x.person})
	 MERGE (r:Role {id: x.id})
	 SET r.title = x.title, r.status = x.status
	 MERGE (p)-[:HOLDS_ROLE]->(r)
	 WITH p, r, x WHERE x.organization <> ''
	 MATCH (o:Entity {id: x.organization})
	 MERGE (r)-[:AT]->(o)
	 WITH p, r, o, COLLECT { MATCH ()-[s:HOLDS_ROLE_AT {role: r.id}]->() USING INDEX SEEK s:HOLDS_ROLE_AT(role)
	                         WHERE startNode(s) = p AND endNode(s) = o RETURN s } AS old
	 FOREACH (s IN old | SET s.title = r.title, s.status = r.status)
	 FOREACH (_ IN CASE WHEN size(old) = 0 THEN [1] ELSE [] END |
	   CREATE (p)-[:HOLDS_ROLE_AT {role: r.id, title: r.title, status: r.status}]->(o))`,
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
	sourceQuery("Role", "roleSources"),
	sourceQuery("Event", "eventSources"),
	sourceQuery("Claim", "claimSources"),
	mergeQuery,
}

// batchStatement joins batchQueries, the relation queries of the types the
// batch has, and the refresh of entities that lost mentions into one
// statement of unit subqueries. Relation parameters are flattened to
// rels_<TYPE>.
func batchStatement(p map[string]any) string {
	var b strings.Builder
	for _, q := range batchQueries {
		b.WriteString("CALL { " + q + " }\n")
	}
	// Relations and shortcuts get one query per relationship type: a
	// dynamic type ($(x.rel)) in a MERGE is planned without the type and
	// was most of a batch's time.
	for _, k := range []struct {
		param, prefix string
		query         func(string, string) string
	}{{"relations", "rels_", relationQuery}, {"eventShortcuts", "evs_", eventShortcutQuery}, {"claimShortcuts", "cls_", claimShortcutQuery}} {
		byType := p[k.param].(map[string][]any)
		types := make([]string, 0, len(byType))
		for t := range byType {
			types = append(types, t)
		}
		sort.Strings(types)
		for _, t := range types {
			p[k.prefix+t] = byType[t]
			b.WriteString("CALL { " + k.query(t, k.prefix+t) + " }\n")
		}
		delete(p, k.param)
	}
	b.WriteString("CALL { " + strings.ReplaceAll(refreshEntities, "$ids", "$refresh") + " }\n")
	b.WriteString("RETURN 1")
	// All parameters travel in one map, $p: Neo4j caches plans per query
	// text and parameter types, and an empty list and a list of maps are
	// different types, so separate parameters would replan for nearly every
	// batch.
	return paramRef.ReplaceAllString(b.String(), "$$p.$1")
}

// planOnce keeps the batch statement's first plan: Neo4j plans it anew
// when the store's statistics have moved (every few seconds while a load
// grows the store), and planning it takes 0.6 s, as long as writing a
// batch. Every lookup in it is an index seek whatever the statistics, so
// the first plan stays right (TestBatchPlanSeeksEveryLookup).
const planOnce = "CYPHER replan=skip "

var paramRef = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

// entityQuery merges the batch's entities (one row each, sorted by id, with
// the names the documents of the batch use and how many use each) and adds
// those counts to the entity's: forms[i] is a name that formDocs[i] of its
// mentions use. Aliases are the curated ones and the forms, but the name.
// A document's removal subtracts its forms again (removeMentions), so an
// alias goes with the last document that used it without reading the
// mentions of a busy entity. A merge list left by an older version of the
// loader goes: merge decisions are Merge nodes now.
var entityQuery = `UNWIND $entities AS x
	 MERGE (e:Entity {id: x.id})
	 WITH e, x, coalesce(e.forms, []) AS fs, coalesce(e.formDocs, []) AS ns
	 WITH e, x, fs + [f IN x.forms WHERE NOT f IN fs] AS fs, ns
	 SET e.name = x.name, e.kind = x.kind, e.forms = fs,
	     e.formDocs = [i IN range(0, size(fs) - 1) | coalesce(ns[i], 0) +
	                   reduce(c = 0, j IN range(0, size(x.forms) - 1) | c + CASE WHEN x.forms[j] = fs[i] THEN x.counts[j] ELSE 0 END)]
	 ` + setAliases("e, x") + `
	 REMOVE e.merges
	 FOREACH (_ IN CASE WHEN x.type = 'person' THEN [1] ELSE [] END | SET e:Person)
	 FOREACH (_ IN CASE WHEN x.type = 'organization' THEN [1] ELSE [] END | SET e:Organization)`

// setAliases sets e's aliases (and their search text) from its curated
// aliases and its forms, without its name, carrying the variables carry.
func setAliases(carry string) string {
	return `WITH ` + carry + `, reduce(acc = [a IN coalesce(e.curatedAliases, []) WHERE a <> e.name], f IN e.forms |
	                    CASE WHEN f IN acc OR f = e.name THEN acc ELSE acc + f END) AS aliases
	 SET e.aliases = aliases, e.aliasText = reduce(t = e.name, a IN aliases | t + ' | ' + a)`
}

// recountForms computes the forms of entities (those of $ids, or every
// entity without counts) from all their mentions: for a store written
// before the counts, and after a curated merge moved mentions.
const recountForms = `CALL { WITH e OPTIONAL MATCH (e)-[m:MENTIONED_IN]->()
	   UNWIND coalesce(m.forms, []) AS f
	   WITH f, count(*) AS n ORDER BY f
	   RETURN collect(f) AS fs, collect(n) AS ns }
	 SET e.forms = fs, e.formDocs = ns`

// mergeQuery records why a document's names were joined into an entity:
// one Merge node per entity and merged name, linked to each document that
// supports it; where is the first of them (by id), kept so that reading a
// merge never scans its documents.
const mergeQuery = `UNWIND $merges AS x
	 MATCH (e:Entity {id: x.entity}), (d:Document {id: x.doc})
	 MERGE (m:Merge {id: x.id})
	 SET m.rule = x.rule, m.name = x.name, m.into = e.name,
	     m.where = CASE WHEN m.where IS NULL OR x.doc < m.where THEN x.doc ELSE m.where END
	 MERGE (e)-[:MERGED]->(m)
	 CREATE (m)-[:SEEN_IN]->(d)`

func sourceQuery(label, param string) string {
	return fmt.Sprintf(`UNWIND $%s AS s
	 MATCH (f:%s {id: s.fact})
	 MATCH (d:Document {id: s.doc})
	 CREATE (f)-[:SOURCED_FROM {sentence: s.sentence, start: s.start, end: s.end, quote: s.quote}]->(d)`, param, label)
}

// eventShortcutQuery merges the event shortcuts of one type (a name from
// shortcutTypes) from parameter param. A shortcut is found by its event
// through a relationship index (shortcutIndexes), not by MERGE: MERGE
// between two entities scans every relationship of the type between them,
// and busy pairs gather thousands. The seek is a hint (USING INDEX SEEK,
// here and in the role query): left to itself the planner scanned the
// whole index for each row, on a small graph and at 5,000 documents alike
// (5.5 million db hits for a batch of 200 documents, 93 thousand with the
// seek; TestBatchPlanSeeksEveryLookup). Finding and then creating is safe
// because the batch holds both entities' locks (entityQuery), and the rows
// are unique (batchParams).
func eventShortcutQuery(typ, param string) string {
	return fmt.Sprintf(`UNWIND $%[2]s AS x
	 MATCH (a:Entity {id: x.from}), (b:Entity {id: x.to})
	 WITH a, b, x, COLLECT { MATCH ()-[o:%[1]s {event: x.event}]->() USING INDEX SEEK o:%[1]s(event)
	                         WHERE o.as = x.as AND startNode(o) = a AND endNode(o) = b RETURN o } AS old
	 FOREACH (o IN old | SET o.type = x.type, o.date = x.date)
	 FOREACH (_ IN CASE WHEN size(old) = 0 THEN [1] ELSE [] END |
	   CREATE (a)-[:%[1]s {event: x.event, as: x.as, type: x.type, date: x.date}]->(b))`, typ, param)
}

// claimShortcutQuery merges the claim shortcuts of one type (a name from
// claimShortcuts) from parameter param, found by their claim as
// eventShortcutQuery finds event shortcuts.
func claimShortcutQuery(typ, param string) string {
	return fmt.Sprintf(`UNWIND $%[2]s AS x
	 MATCH (a:Entity {id: x.from}), (b:Entity {id: x.to})
	 WITH a, b, x, COLLECT { MATCH ()-[o:%[1]s {claim: x.claim}]->() USING INDEX SEEK o:%[1]s(claim)
	                         WHERE startNode(o) = a AND endNode(o) = b RETURN o } AS old
	 FOREACH (o IN old | SET o.stance = x.stance, o.topic = x.topic, o.topics = x.topics)
	 FOREACH (_ IN CASE WHEN size(old) = 0 THEN [1] ELSE [] END |
	   CREATE (a)-[:%[1]s {claim: x.claim, stance: x.stance, topic: x.topic, topics: x.topics}]->(b))`, typ, param)
}

// relationQuery merges relations of one type (validated by relType) from
// parameter param and appends this document's evidence to them.
func relationQuery(typ, param string) string {
	return fmt.Sprintf(`UNWIND $%[2]s AS x
	 MATCH (a:Entity {id: x.from}), (b:Entity {id: x.to})
	 MERGE (a)-[r:%[1]s]->(b)
	 SET r.docs = coalesce(r.docs, []) + x.docs, r.sources = coalesce(r.sources, []) + x.sources`, typ, param)
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
	// The hash covers what this document says. An entity's kind is the
	// vote of every document that names it: written with each batch, it
	// must not make unchanged documents look changed when others move it.
	// Nor does the file it was read from (saveBatchTx sets that).
	hx := ex
	hx.Document.File = ""
	hx.Document.InputHash = "" // nor what it was extracted with: set with the file
	hx.Entities = slices.Clone(ex.Entities)
	for i := range hx.Entities {
		hx.Entities[i].Kind = ""
	}
	hashInput, err := json.Marshal(struct {
		X kg.Extraction
		T string
	}{hx, d.Text})
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(hashInput)
	contentHash := hex.EncodeToString(h[:])
	pb := &paramBuilder{doc: d.ID, known: map[string]bool{}, name: map[string]string{}, p: map[string]any{
		"contentHash": contentHash,
		"file":        d.File,
		"inputHash":   orNil(d.InputHash),
		"documents": []any{map[string]any{"id": d.ID, "props": map[string]any{
			"file": d.File, "title": d.Title, "publisher": d.Publisher, "url": d.URL,
			"publishedAt": d.PublishedAt, "sha256": d.SHA256, "contentHash": contentHash,
			"inputHash": orNil(d.InputHash),
		}}},
	}}
	for _, step := range []func(kg.Extraction) error{pb.entities, pb.roles, pb.events, pb.claims, pb.relations} {
		if err := step(ex); err != nil {
			return nil, err
		}
	}
	return pb.p, nil
}

// paramBuilder collects one document's query parameters: entities first,
// so that facts can be checked to refer only to the document's entities.
type paramBuilder struct {
	doc   string
	known map[string]bool   // entity ids of the document
	name  map[string]string // entity id -> name, for captions
	p     map[string]any
}

// need fails unless the document lists entity id.
func (pb *paramBuilder) need(what, id string) error {
	if !pb.known[id] {
		return fmt.Errorf("%s refers to entity %q, which the document does not list: %w", what, id, kg.ErrInvalid)
	}
	return nil
}

// sources converts a fact's sources in this document, each span once.
func (pb *paramBuilder) sources(fact string, srcs []kg.Source) []any {
	var out []any
	seen := map[[2]int]bool{}
	for _, s := range srcs {
		if s.Document != "" && s.Document != pb.doc || seen[[2]int{s.Start, s.End}] {
			continue
		}
		seen[[2]int{s.Start, s.End}] = true
		out = append(out, map[string]any{"fact": fact, "doc": pb.doc, "sentence": int64(s.Sentence),
			"start": int64(s.Start), "end": int64(s.End), "quote": s.Quote})
	}
	return out
}

// sorted sets key of the parameters to rows sorted by field (by id, so that
// concurrent documents lock shared facts in one order), never nil.
func (pb *paramBuilder) sorted(key string, rows []any, field string) {
	sortByKey(rows, field)
	pb.p[key] = nonNil(rows)
}

func (pb *paramBuilder) entities(ex kg.Extraction) error {
	var entities, entityIDs, mentions, merges []any
	for _, e := range ex.Entities {
		if e.Type != kg.Person && e.Type != kg.Organization {
			return fmt.Errorf("entity %s (%q): unknown type %q: %w", e.ID, e.Name, e.Type, kg.ErrInvalid)
		}
		pb.known[e.ID] = true
		pb.name[e.ID] = e.Name
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
		// This document's merge decisions only: those of other documents
		// are written with them.
		seenMerge := map[string]bool{}
		for _, m := range e.Merges {
			if id := kg.ID("mrg", e.ID, kg.Key(m.Name)); m.Where == pb.doc && !seenMerge[id] {
				seenMerge[id] = true
				merges = append(merges, map[string]any{"id": id, "entity": e.ID,
					"rule": m.Rule, "name": m.Name, "doc": pb.doc})
			}
		}
		entities = append(entities, map[string]any{"id": e.ID, "type": string(e.Type), "name": e.Name, "kind": e.Kind, "forms": forms})
		mentions = append(mentions, map[string]any{"entity": e.ID, "doc": pb.doc,
			"count": int64(len(e.Mentions)), "forms": forms, "starts": starts, "ends": ends})
	}
	pb.sorted("entities", entities, "id")
	pb.p["entityIDs"], pb.p["mentions"], pb.p["merges"] = nonNil(entityIDs), nonNil(mentions), nonNil(merges)
	return nil
}

func (pb *paramBuilder) roles(ex kg.Extraction) error {
	var roles, srcs []any
	for _, r := range ex.Roles {
		if err := pb.need("role "+r.ID, r.Person); err != nil {
			return err
		}
		if r.Organization != "" {
			if err := pb.need("role "+r.ID, r.Organization); err != nil {
				return err
			}
		}
		roles = append(roles, map[string]any{"id": r.ID, "person": r.Person, "title": r.Title,
			"organization": r.Organization, "status": r.Status})
		srcs = append(srcs, pb.sources(r.ID, r.Sources)...)
	}
	pb.sorted("roles", roles, "id")
	pb.sorted("roleSources", srcs, "fact")
	return nil
}

func (pb *paramBuilder) events(ex kg.Extraction) error {
	var events, srcs []any
	links := []any{}
	for _, ev := range ex.Events {
		parts, unnamed := []any{}, []any{}
		for _, pt := range ev.Participants {
			if pt.Entity == "" {
				unnamed = append(unnamed, pt.As+": "+pt.Description)
				continue
			}
			if err := pb.need("event "+ev.ID, pt.Entity); err != nil {
				return err
			}
			parts = append(parts, map[string]any{"entity": pt.Entity, "as": pt.As})
		}
		events = append(events, map[string]any{"id": ev.ID, "type": ev.Type, "date": ev.Date,
			"datePrecision": ev.DatePrecision, "dateText": ev.DateText, "summary": ev.Summary,
			"participants": parts, "unnamed": unnamed, "caption": eventCaption(ev, pb.name)})
		srcs = append(srcs, pb.sources(ev.ID, ev.Sources)...)
		links = append(links, eventShortcutRows(ev)...)
	}
	pb.sorted("events", events, "id")
	pb.sorted("eventSources", srcs, "fact")
	pb.p["eventShortcuts"] = shortcutOrder(links)
	return nil
}

func (pb *paramBuilder) claims(ex kg.Extraction) error {
	var claims, srcs []any
	links := []any{}
	for _, c := range ex.Claims {
		if err := pb.need("claim "+c.ID, c.Claimant); err != nil {
			return err
		}
		about := []any{}
		for _, a := range c.About {
			if err := pb.need("claim "+c.ID, a); err != nil {
				return err
			}
			about = append(about, a)
		}
		topics := []any{}
		for _, t := range c.Topics {
			topics = append(topics, t)
		}
		claims = append(claims, map[string]any{"id": c.ID, "claimant": c.Claimant, "text": c.Text,
			"kind": c.Kind, "verb": c.Verb, "stance": c.Stance, "topics": topics, "about": about,
			"caption": claimCaption(c, pb.name)})
		srcs = append(srcs, pb.sources(c.ID, c.Sources)...)
		links = append(links, claimShortcutRows(c)...)
	}
	pb.sorted("claims", claims, "id")
	pb.sorted("claimSources", srcs, "fact")
	pb.p["claimShortcuts"] = shortcutOrder(links)
	return nil
}

// shortcutOrder sorts shortcut rows in (from, to) order, so concurrent
// documents lock relationships in one order too.
func shortcutOrder(rows []any) []any {
	sortByKey(rows, "to")
	sortByKey(rows, "from")
	return rows
}

func (pb *paramBuilder) relations(ex kg.Extraction) error {
	rels := map[string][]any{}
	var keys []string
	for _, r := range ex.Relations {
		t, err := relType(r.Type)
		if err != nil {
			return fmt.Errorf("relation %s: %w", r.ID, err)
		}
		if err := pb.need("relation "+r.ID, r.From); err != nil {
			return err
		}
		if err := pb.need("relation "+r.ID, r.To); err != nil {
			return err
		}
		docs, srcs := []any{}, []any{}
		for _, s := range r.Sources {
			b, _ := json.Marshal(s)
			docs = append(docs, pb.doc)
			srcs = append(srcs, string(b))
		}
		rels[t] = append(rels[t], map[string]any{"from": r.From, "to": r.To, "docs": docs, "sources": srcs})
		keys = append(keys, t+"|"+r.From+"|"+r.To)
	}
	pb.p["relations"] = rels
	// The document remembers the relations it gives evidence for, so that
	// replacing it finds them by their ends, not by reading every
	// relationship of the entities it mentions.
	slices.Sort(keys)
	props := pb.p["documents"].([]any)[0].(map[string]any)["props"].(map[string]any)
	props["relationKeys"] = nonNil(anySlice(slices.Compact(keys)))
	return nil
}

func anySlice(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// batchParams joins the parameters of several documents (writeParams) into
// those of one batch: lists are concatenated, entities that several
// documents mention become one row with the names of all, and rows are
// sorted by id so that concurrent loaders lock in one order.
func batchParams(ps []map[string]any) map[string]any {
	out := map[string]any{}
	for _, k := range []string{"documents", "mentions", "roles", "events", "claims", "eventShortcuts", "claimShortcuts",
		"roleSources", "eventSources", "claimSources", "merges"} {
		var all []any
		for _, p := range ps {
			all = append(all, p[k].([]any)...)
		}
		out[k] = nonNil(all)
	}
	for _, k := range []string{"documents", "roles", "events", "claims", "merges"} {
		sortByKey(out[k].([]any), "id")
	}
	// One row per role, the last: the role shortcut (HOLDS_ROLE_AT) is
	// found before it is created, like the event and claim shortcuts.
	out["roles"] = uniqueShortcuts(out["roles"].([]any), "id")
	for _, k := range []string{"roleSources", "eventSources", "claimSources"} {
		sortByKey(out[k].([]any), "fact")
	}
	for _, k := range []struct{ param, key string }{{"eventShortcuts", "event"}, {"claimShortcuts", "claim"}} {
		rows := uniqueShortcuts(out[k.param].([]any), k.key)
		sortByKey(rows, "to")
		sortByKey(rows, "from")
		byType := map[string][]any{}
		for _, x := range rows {
			t := x.(map[string]any)["rel"].(string)
			byType[t] = append(byType[t], x)
		}
		out[k.param] = byType
	}
	ents := map[string]map[string]any{}
	var entities []any
	// One row per relation (type, from, to) with the evidence of every
	// document of the batch, in order: the query rewrites the relation's
	// evidence lists, which grow with the corpus, once per row.
	rels := map[string][]any{}
	relAt := map[[3]string]map[string]any{}
	for _, p := range ps {
		for _, x := range p["entities"].([]any) {
			row := x.(map[string]any)
			prev, ok := ents[row["id"].(string)]
			if !ok {
				prev = map[string]any{"id": row["id"], "type": row["type"], "name": row["name"], "kind": row["kind"],
					"forms": []any{}, "counts": []any{}}
				ents[row["id"].(string)] = prev
				entities = append(entities, prev)
			}
			prev["forms"], prev["counts"] = countForms(prev["forms"].([]any), prev["counts"].([]any), row["forms"].([]any))
		}
		for t, rs := range p["relations"].(map[string][]any) {
			for _, x := range rs {
				row := x.(map[string]any)
				k := [3]string{t, row["from"].(string), row["to"].(string)}
				if prev, ok := relAt[k]; ok {
					prev["docs"] = append(prev["docs"].([]any), row["docs"].([]any)...)
					prev["sources"] = append(prev["sources"].([]any), row["sources"].([]any)...)
					continue
				}
				cp := map[string]any{"from": row["from"], "to": row["to"],
					"docs": append([]any{}, row["docs"].([]any)...), "sources": append([]any{}, row["sources"].([]any)...)}
				relAt[k] = cp
				rels[t] = append(rels[t], cp)
			}
		}
	}
	sortByKey(entities, "id")
	out["entities"] = nonNil(entities)
	out["relations"] = rels
	return out
}

// uniqueShortcuts keeps one row per shortcut (its rel, from, to, as and
// fact key, those of them the rows have), the last, as MERGE and SET would
// leave it: the shortcut queries find existing shortcuts before they create
// any, so a row twice in one batch would create two.
func uniqueShortcuts(rows []any, fact string) []any {
	last := map[string]int{}
	key := func(x any) string {
		m := x.(map[string]any)
		return fmt.Sprint(m["rel"], "\x1f", m["from"], "\x1f", m["to"], "\x1f", m[fact], "\x1f", m["as"])
	}
	for i, x := range rows {
		last[key(x)] = i
	}
	out := rows[:0:0]
	for i, x := range rows {
		if last[key(x)] == i {
			out = append(out, x)
		}
	}
	return out
}

// countForms adds one document's forms (each once) to the batch's forms of
// an entity and the number of its documents that use each.
func countForms(forms, counts, doc []any) ([]any, []any) {
	for _, f := range doc {
		i := slices.Index(forms, f)
		if i < 0 {
			forms, counts = append(forms, f), append(counts, int64(0))
			i = len(forms) - 1
		}
		counts[i] = counts[i].(int64) + 1
	}
	return forms, counts
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

// orNil is s, or nil when s is empty: a property set to nil is removed.
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}
