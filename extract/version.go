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

// Fingerprint identifies the extractor for lex: Version, the digest of the
// running executable (a build from other code is another extractor) and
// the lexicon's digest.
func Fingerprint(lex *lexicon.Lexicon) string {
	return Version + ":" + executableDigest() + ":" + lex.Fingerprint()
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
