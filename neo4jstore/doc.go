// Package neo4jstore is the only package that talks to Neo4j: it sets up the
// schema, writes extractions (one transaction per batch of documents, one
// UNWIND per kind, idempotent MERGE on content-derived ids) and answers the API's reads. All Cypher lives here.
// Driver errors are mapped to kg errors (kg.ErrUnavailable, kg.ErrNotFound).
//
// Graph model:
//
//	(:Document {id, file, title, publisher, url, publishedAt, sha256, contentHash, loadedAt, relationKeys})
//	(:Entity:Person|:Entity:Organization {id, name, aliases, aliasText, kind, forms, formDocs})
//	(:Role {id, title, status})  (:Event {id, type, date, datePrecision, dateText, summary, unnamed})
//	(:Claim {id, text, kind, verb, stance, topics})
//	(:Person)-[:HOLDS_ROLE]->(:Role)-[:AT]->(:Organization)
//	(:Entity)-[:PARTICIPATED_IN {as}]->(:Event)
//	(:Entity)-[:MADE]->(:Claim)-[:ABOUT]->(:Entity)
//	(:Entity)-[:SUBSIDIARY_OF|OWNS|... {docs, sources}]->(:Entity)
//	(:Role|:Event|:Claim)-[:SOURCED_FROM {sentence, start, end, quote}]->(:Document)
//	(:Entity)-[:MENTIONED_IN {count, forms, starts, ends}]->(:Document)
//	(:Entity)-[:MERGED]->(:Merge {id, rule, name, into, where, curated})-[:SEEN_IN]->(:Document)
//
// A Merge node is one merge decision (an entity and a name joined into it):
// its SEEN_IN relationships are the documents that support it and where is
// the first of them, so the cost of writing or reading one does not grow
// with the corpus.
package neo4jstore
