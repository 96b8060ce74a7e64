// Package kg holds the domain of the knowledge graph: documents, the entities
// they mention (persons and organizations), and the facts stated about them
// (roles, relations, events, claims), each tied to the text that states it.
//
// It is plain data with no I/O and imports only the standard library. The
// extractor produces kg values, the store persists and reads them, and the
// GraphQL layer serves them.
package kg
