// Package report answers the service's questions as subgraphs and as
// citable reports. A Query (the neighbourhood of an entity, the connections
// between two, the events of a type, the claims on a topic, the roles at an
// organization, an entity's profile, a document's facts) runs against a
// Store into a Result: the subgraph (exportable in every format of package
// export), a table with one row per source sentence (quote, document title,
// publisher, date, link) and the conflicts between sources. Markdown and HTML
// render a Result as a report; Handler serves exports and reports over HTTP.
//
// The store is reached only through the Store interface declared here, which
// *neo4jstore.Store satisfies; adapt.go is the one place that converts the
// store's values.
package report
