// Package lexicon loads the general-knowledge word lists the extractor and
// the resolver use (titles, organization head words, agency aliases,
// nicknames, reporting verbs, event triggers, topics...). The built-in lists
// are embedded from data/; a user extends them with files of the same names.
package lexicon
