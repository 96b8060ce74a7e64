// Package extract turns one document's text into a kg.Extraction: cleaned
// paragraphs, sentences, typed mentions of persons and organizations, roles,
// relations, events with resolved dates, and claims, each carrying its
// provenance (document, sentence, byte offsets into the original text, quote).
//
// It is pure: text in, values out, no I/O, no network. General knowledge
// (titles, organization head words, agency aliases, reporting verbs, event
// triggers, topics) comes from lexicon files embedded in package lexicon and may be
// extended by the caller (see package lexicon). New prepares the stages for
// one lexicon once (an Extractor); Document uses one Extractor per lexicon.
// Open-class words (titles, nouns, verbs) live in the lexicon files; the Go
// code writes closed-class grammar words (determiners, pronouns,
// prepositions, conjunctions, auxiliaries, numerals) and the date
// grammar's month, weekday and season names, which its patterns embed.
//
// Stages, each in its own file:
//
//	extract.go   the Extractor and Document: the stages in order
//	lexindex.go  the lexicon prepared for lookups (titles, places, role and event words)
//	clean.go     boilerplate removal -> paragraphs (spans of the original text)
//	sentences.go tokens, tags and sentences (prose v3)
//	tagger.go    prose's tagger model, its features looked up by hash
//	mentions.go  capitalized-run chunking + lexicons -> typed mentions, local entities, coreference
//	roles.go     person / title / organization / status, and organization relations
//	dates.go     date expressions resolved against the publication date
//	events.go    event triggers -> kg.Event with participants and date
//	claims.go    quotes and indirect speech -> kg.Claim with claimant, stance, topics
//
// Entity ids in an Extraction are local (kg.EntityID of the in-document
// canonical name); package resolve joins entities across documents.
package extract
