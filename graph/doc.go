// Package graph is the GraphQL layer: gqlgen resolvers over the consumer
// interfaces it declares (the store's reads and curations, and the ingest
// pipeline), per-request dataloaders, the HTTP handler with bearer-token auth
// for mutations, CORS, depth and complexity limits, a per-request timeout,
// and one error presenter that turns kg errors into extensions.code values.
// It never imports the Neo4j driver.
package graph
