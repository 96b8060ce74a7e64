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
}
