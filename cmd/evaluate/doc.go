// Command evaluate measures extraction quality: it extracts documents as the
// loader does (or reads a graph the loader wrote with --json) and scores the
// graph against hand-written gold annotations with package eval.
//
//	evaluate -gold data/corpus.gold.yaml data/corpus   # a corpus against one gold file
//	evaluate -gold GOLD.yaml -graph graph.json         # a graph from loader --json
//	evaluate extract/testdata/general                  # each NAME.txt against NAME.gold.yaml
//
// With -gold, the documents at PATHS are extracted together, as one corpus, and
// the report gives precision, recall and F1 per category with what was missed
// and what was wrong. Without it, each document is extracted on its own and
// scored against the NAME.gold.yaml beside it, and a table gives each
// document's F1 per category and the mean (-v adds each document's report).
// A manifest.yaml beside the documents gives their metadata, as for the
// loader. The last line is "overall F1 X" (for a table, the mean); -json
// prints everything as JSON instead, and -min-f1 X makes the exit status 1
// when the overall F1 is below X. Unreadable documents and gold files are
// errors that name the file.
package main
