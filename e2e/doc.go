// Package e2e holds the end-to-end tests and benchmarks of the API: the real
// HTTP handler (graph.NewHandler) over the real store on the test Neo4j
// (neo4jstore/dbtest), loaded with the bundled corpus through the pipeline.
package e2e
