package extract

import "github.com/factgraph/factgraph/kg"

// Placeholder stages; replaced by the real implementations.

func clean(d *docState)        {}
func segment(d *docState)      {}
func findMentions(d *docState) {}
func findRoles(d *docState)    {}

func (d *docState) extraction() kg.Extraction { return kg.Extraction{Document: d.Doc} }
