package graph

// GQLGenLists returns o with every list marshalled by gqlgen, without the
// fast path of fastlists.go: for tests that compare the two.
func GQLGenLists(o Options) Options {
	o.gqlgenLists = true
	return o
}
