// Package input reads documents from files, directories and globs: plain
// text (.txt), Markdown (.md), HTML (.html, .htm) and JSON Lines (.jsonl, one
// article per line with id, title, url, publisher, publishedAt and text or
// html), with per-file metadata from an optional YAML manifest. A
// manifest.yaml inside a directory applies to that directory's files.
//
// Bad input (unreadable, not UTF-8, empty, binary, too large, malformed JSON)
// becomes a *DocError naming the file (and line) and the reason; the other
// documents are still returned.
package input
