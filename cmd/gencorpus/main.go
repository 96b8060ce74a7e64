// Command gencorpus writes generated news-like articles as JSON Lines, for
// load benchmarks: go run ./cmd/gencorpus -n 1000 > /tmp/gen.jsonl
package main

import (
	"flag"
	"fmt"

	"github.com/factgraph/factgraph/corpusgen"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	fmt.Print(corpusgen.JSONL(*n, *seed))
}
