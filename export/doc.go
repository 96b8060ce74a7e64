// Package export turns a subgraph (nodes with labels and properties, edges
// with types) into files people can look at or load elsewhere: SVG and PNG
// laid out by Graphviz (compiled to WebAssembly, run in pure Go by
// github.com/goccy/go-graphviz), DOT, Mermaid, GraphML, CSV in the
// `neo4j-admin database import` header format (nodes.csv, edges.csv, or both
// zipped) and JSON.
//
// It does no I/O and knows nothing of the store: callers build a Graph.
// Every function is deterministic for a given Graph.
package export
