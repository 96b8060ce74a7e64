package neo4jstore

import (
	"strings"
	"testing"
)

// TestCompareJoined checks compareJoined against comparing the joined
// strings, on parts that split the same text in different places.
func TestCompareJoined(t *testing.T) {
	parts := []string{"", "a", "ab", "abc", "b", "ba", "per_1", "per_10", "AT", "ATx", "é", "\xff"}
	for _, a0 := range parts {
		for _, a1 := range parts {
			for _, b0 := range parts {
				for _, b2 := range parts {
					a := [3]string{a0, a1, "x"}
					b := [3]string{b0, "", b2}
					want := strings.Compare(a[0]+a[1]+a[2], b[0]+b[1]+b[2])
					if got := compareJoined(a, b); got != want {
						t.Fatalf("compareJoined(%q, %q) = %d, want %d", a, b, got, want)
					}
					if got := compareJoined(b, a); got != -want {
						t.Fatalf("compareJoined(%q, %q) = %d, want %d", b, a, got, -want)
					}
				}
			}
		}
	}
}
