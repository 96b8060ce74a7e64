//go:build unix

package input

import (
	"os"
	"syscall"
)

// openNonblock opens path for reading without blocking on a named pipe
// that has no writer (for regular files O_NONBLOCK changes nothing).
func openNonblock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
