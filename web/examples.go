package web

// Example is one question the service answers, as a GraphQL query. The
// playground opens with one tab per example (the README shows the same
// queries, on one line each, with their real output; a test keeps the two
// in step).
type Example struct {
	Question string
	Query    string
}

// Examples are the README's questions, in its order.
var Examples = []Example{
	{"Who was sought for deposition, and by whom?", `query Depositions {
  events(type: DEPOSITION_REQUEST, first: 20) {
    totalCount
    edges {
      node {
        date
        participants { part entity { name } description }
        sources { quote document { title } }
      }
    }
  }
}`},
	{"Who alleged bias?", `query WhoAllegedBias {
  claims(stance: ALLEGES, topic: "bias", first: 50) {
    edges {
      node {
        text
        claimant { name }
        sources { quote start end document { title } }
      }
    }
  }
}`},
	{"Who defended the process (denials)?", `query Denials {
  claims(stance: DENIES, first: 50) {
    totalCount
    edges {
      node {
        text
        claimant { name }
        sources { document { title } }
      }
    }
  }
}`},
	{"Who holds which office at the Department of Defense?", `query DoDRoles {
  organization(name: "Department of Defense") {
    name
    roles { title status person { name } }
  }
}`},
	{"How is Andy Jassy connected to Mark Esper?", `query Connections {
  connections(from: "Andy Jassy", to: "Mark Esper", maxHops: 4) {
    length
    nodes { id label }
    edges { type source target }
  }
}`},
	{"Amazon's neighbourhood, for a graph view", `query Neighborhood {
  neighborhood(of: "Amazon", hops: 1, limit: 100) {
    nodes { id label type }
    edges { source target type }
  }
}`},
	{"Where do the sources disagree?", `query Conflicts {
  conflicts(first: 5) {
    totalCount
    edges {
      node {
        field
        description
        events { type date dateText sources { document { publisher } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`},
	{"Names as a user types them", `query Names {
  person(name: "Jassy") { name }
  entity(name: "the Pentagon") { name }
}`},
	{"Counts for a dashboard", `query Stats {
  stats {
    eventsByType { key count }
    claimsByStance { key count }
    claimsByTopic { key count }
    entitiesByKind { key count }
  }
}`},
	{"Agencies by name, with two of their claims", `query Agencies {
  entities(type: ORGANIZATION, kind: "agency", orderBy: NAME_ASC, first: 5) {
    totalCount
    edges { cursor node { name ... on Organization { kind } claimsMade(first: 2) { text } } }
    pageInfo { hasNextPage endCursor }
  }
}`},
	{"GeekWire's events, newest first", `query NewestEvents {
  events(orderBy: DATE_DESC, publisher: "GeekWire", first: 5) {
    totalCount
    edges { node { type date } }
    pageInfo { endCursor }
  }
}`},
	{"Documents of late 2019 by title", `query DocumentsByTitle {
  documents(from: "2019-10", to: "2019-12", orderBy: TITLE_ASC, first: 5) {
    totalCount
    edges { node { title publisher publishedAt } }
  }
}`},
	{"Mark Esper's first events and claims", `query EsperPaged {
  person(name: "Mark Esper") {
    name
    events(first: 3) { part event { id type date } }
    claimsMade(first: 2) { id text }
  }
}`},
}
