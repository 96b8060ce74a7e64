// Package web serves the pages people look at beside the GraphQL API: the
// GraphiQL playground (its assets embedded from pinned npm packages, so it
// loads nothing from the network) opened on the service's questions, and the
// Neo4j Browser's style and guide for the same questions in Cypher.
package web
