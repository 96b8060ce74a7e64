//go:build !unix

package input

import "os"

// openNonblock opens path for reading; expand has already refused what is
// not a regular file.
func openNonblock(path string) (*os.File, error) { return os.Open(path) }
