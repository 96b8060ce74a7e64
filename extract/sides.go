package extract

import (
	"fmt"

	"github.com/factgraph/factgraph/extract/morph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// Side patterns (lexicon file side_patterns.txt) show one party speaking
// for another: a lawyer for a defendant, a company's spokesman. Each
// captures {person=speaker} and {org=party} or {person=party}. Stance reads
// a claim from the sides of its speaker and of the parties the speaker
// speaks for.

type sidePatterns struct {
	pats []pattern
	ix   *patternIndex
	err  error
}

func compileSidePatterns(lex *lexicon.Lexicon, in *morph.Inflector) *sidePatterns {
	pats, err := compilePatternFile(lex, in, "side_patterns", func(p pattern, e lexicon.Entry) error {
		if _, ok := p.capture("speaker"); !ok {
			return fmt.Errorf("pattern %s: no {person=speaker}", e.File)
		}
		if _, ok := p.capture("party"); !ok {
			return fmt.Errorf("pattern %s: no {org=party} or {person=party}", e.File)
		}
		return nil
	})
	return &sidePatterns{pats: pats, ix: newPatternIndex(pats), err: err}
}

// speaksFor returns, for each person the side patterns show speaking for
// another party, the ids of those parties.
func (d *docState) speaksFor() map[string][]string {
	sp := d.extractor().sp
	if sp.err != nil {
		panic(sp.err)
	}
	out := map[string][]string{}
	if len(sp.pats) == 0 {
		return out
	}
	x := d.index()
	for si := range d.Sents {
		us := d.units(x, si)
		present := newUnitSet(us)
		held := sp.ix.held(present)
		for i, p := range sp.pats {
			if !sp.ix.possible(i, present, held) {
				continue
			}
			for _, m := range p.matches(us) {
				speaker, party := m.caps["speaker"].ent, m.caps["party"].ent
				if speaker == nil || party == nil || speaker == party || speaker.Type != kg.Person {
					continue
				}
				out[speaker.ID] = append(out[speaker.ID], party.ID)
			}
		}
	}
	return out
}
