// Package pipeline runs documents through extraction, cross-document entity
// resolution and the store: the loader command and the API's ingestDocument
// mutation share it. Extraction runs in parallel; each document is written in
// its own transaction, and a failing document does not stop the others.
package pipeline
