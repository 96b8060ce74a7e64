// Package pipeline runs documents through extraction, cross-document entity
// resolution and the store: the loader command and the API's ingestDocument
// mutation share it. The input goes through in segments: a segment is
// extracted in parallel and streamed to disk while the one before it is
// written, then resolved against everything stored; batches of documents
// are written one transaction each (a batch that fails is
// retried document by document, so a failing document does not stop the
// others), and the load stops at once when Neo4j goes away.
package pipeline
