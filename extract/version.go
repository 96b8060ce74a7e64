package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"

	"github.com/factgraph/factgraph/lexicon"
)

// Version names the extraction rules. Change it when a change of the code
// changes what is extracted from the same text. Fingerprint adds the
// digest of the running program, so that any new build reads stored
// documents again once even when nobody changed Version.
const Version = "2026-12-06"

// Fingerprint identifies the extractor for lex (see Extractor.Fingerprint),
// computed once per lexicon.
func Fingerprint(lex *lexicon.Lexicon) string { return extractorFor(lex).Fingerprint() }

// Fingerprint identifies the extractor: Version, the digest of the running
// executable (a build from other code is another extractor) and the
// digest of its lexicon. It is computed once.
func (e *Extractor) Fingerprint() string {
	e.fpOnce.Do(func() { e.fp = Version + ":" + executableDigest() + ":" + e.lex.Fingerprint() })
	return e.fp
}

var executableDigest = sync.OnceValue(func() string {
	path, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
