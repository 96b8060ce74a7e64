package extract

import (
	"runtime/debug"

	"github.com/factgraph/factgraph/lexicon"
)

// Version names the extraction rules. Change it when a change of the code
// changes what is extracted from the same text: stores then extract the
// documents they hold again on the next load, rather than keeping what an
// older extractor made of them. Builds from a version-controlled checkout
// add their revision (Fingerprint), so that a new commit does the same
// without anyone remembering.
const Version = "2026-12-06"

// Fingerprint identifies the extractor for lex: Version, the build's
// revision when the build records one, and the lexicon's digest.
func Fingerprint(lex *lexicon.Lexicon) string {
	fp := Version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				fp += "+" + s.Value
			}
		}
	}
	return fp + ":" + lex.Fingerprint()
}
