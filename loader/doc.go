// Command loader reads news and legal documents, extracts people,
// organizations, roles, events and claims with their sources, resolves
// entities across documents and writes the graph to Neo4j in batches of
// documents, one transaction per batch.
//
// Usage:
//
//	loader [flags] [PATHS...]     (default: the bundled corpus, data/corpus)
//	loader --json=FILE PATHS...   write the extracted graph as JSON; no database
//
// PATHS are files, directories or globs of .txt, .md, .html and .jsonl. A
// manifest.yaml in a directory (or --manifest) gives per-file metadata. The
// exit status is 1 when any document failed or the load stopped (Neo4j gone,
// SIGINT, SIGTERM), 2 on bad usage.
package main
