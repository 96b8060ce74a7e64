package graph

// GQLGenLists returns o with every list marshalled by gqlgen, without the
// fast path of fastlists.go: for tests that compare the two.
func GQLGenLists(o Options) Options {
	o.gqlgenLists = true
	return o
}

// GQLGenPOST returns o with gqlgen's own POST transport instead of
// fastPOST: for tests that compare the two.
func GQLGenPOST(o Options) Options {
	o.gqlgenPOST = true
	return o
}

// FastListsWritten is how many lists fastlists.go has written so far.
func FastListsWritten() int64 { return fastWrites.Load() }
