package resolve

import (
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// Corpus resolves entities across extractions: it returns the extractions
// with entity ids rewritten to corpus-wide ids (and entity lists merged), and
// the whole graph. known seeds the resolver with entities already in the
// store (and curated aliases), so that a new document joins existing nodes.
// Placeholder: replaced by the real resolver.
func Corpus(exs []kg.Extraction, lex *lexicon.Lexicon, known []kg.Entity) ([]kg.Extraction, kg.Graph) {
	var g kg.Graph
	for _, ex := range exs {
		g.Documents = append(g.Documents, ex.Document)
		g.Entities = append(g.Entities, ex.Entities...)
		g.Roles = append(g.Roles, ex.Roles...)
		g.Relations = append(g.Relations, ex.Relations...)
		g.Events = append(g.Events, ex.Events...)
		g.Claims = append(g.Claims, ex.Claims...)
	}
	return exs, g
}
