package extract

import (
	"time"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// This file is the internal contract between the stages. Stages communicate
// only through a *docState: earlier stages fill it, later stages read it.

// paragraph is a kept (non-boilerplate) paragraph: Text == original[Start:End].
type paragraph struct {
	Start, End int
	Text       string
}

// token is one token with its part-of-speech tag; offsets into the original text.
type token struct {
	Text       string
	Tag        string
	Start, End int
}

// sentence is one sentence of a kept paragraph. Index is its position in the
// document (0-based, counting only kept sentences); offsets are into the
// original text.
type sentence struct {
	Index      int
	Para       int // index into docState.paras
	Start, End int
	Text       string
	Tokens     []token
	InQuote    bool // the sentence starts inside a quotation opened by an earlier sentence
}

// mentionKind tells how an entity is referred to.
type mentionKind int

const (
	nameMention    mentionKind = iota // "Jane Roe", "the Pentagon", "IBM"
	pronounMention                    // "he", "she", "it", "they"
	nominalMention                    // "the company", "the department"
)

// mention is a resolved reference to a local entity.
type mention struct {
	Start, End int // original-text offsets
	Text       string
	Sent       int // sentence index
	Kind       mentionKind
	Entity     *entity
}

// entity is a document-local entity, before cross-document resolution.
type entity struct {
	ID       string // kg.EntityID(Type, Name)
	Type     kg.EntityType
	Name     string              // canonical in-document name (longest full form)
	Aliases  map[string]struct{} // every surface form seen, incl. acronyms
	Kind     string              // organization kind (company, agency, court, media, government)
	Merges   []kg.Merge
	Mentions []*mention
}

// docState is one document travelling through the stages.
type docState struct {
	Doc kg.Document
	// orig is the document's text as given when Doc.Text had its single
	// quotation marks rewritten as double ones (singleQuotations), else ""
	orig      string
	outletSet map[*entity]bool // see outlets
	Published time.Time        // zero if unknown
	Lex       *lexicon.Lexicon
	ex        *Extractor // the stages prepared for Lex; see extractor

	Paras    []paragraph
	Sents    []sentence
	Mentions []*mention // sorted by Start
	Entities []*entity  // in order of first mention

	Roles     []kg.Role
	Relations []kg.Relation
	Events    []kg.Event
	Claims    []kg.Claim

	genders map[*entity]byte // persons an honorific or a title gives a gender ('f', 'm'); see personGenders

	words     []word // every word of wordsText (wordRe), lower case
	wordsText string // the text words was read from

	stanceTrace map[string][]string          // claim id -> stance features, when asked for (StanceFeatures)
	typeTrace   map[string][]string          // name -> type features, when asked for (TypeFeatures)
	attachTrace map[string][]AttachCandidate // role id -> candidates, when asked for (RoleFeatures)
	roleTrace   *[]RoleCandidate             // candidate roles, when asked for (RoleFeatures)
}

// source builds provenance for the span [start,end) of sentence s.
func (d *docState) source(s, start, end int) kg.Source {
	return kg.Source{Document: d.Doc.ID, Sentence: s, Start: start, End: end, Quote: d.original()[start:end]}
}

// original is the document's text as given.
func (d *docState) original() string {
	if d.orig != "" {
		return d.orig
	}
	return d.Doc.Text
}

// mentionsIn returns the mentions whose span lies inside [start,end), in order.
func (d *docState) mentionsIn(start, end int) []*mention {
	var out []*mention
	for _, m := range d.Mentions {
		if m.Start >= start && m.End <= end {
			out = append(out, m)
		}
	}
	return out
}

// mentionAt returns the mention covering offset off, or nil.
func (d *docState) mentionAt(off int) *mention {
	for _, m := range d.Mentions {
		if m.Start <= off && off < m.End {
			return m
		}
	}
	return nil
}

// sentenceAt returns the index of the sentence containing offset off, or -1.
func (d *docState) sentenceAt(off int) int {
	for i, s := range d.Sents {
		if s.Start <= off && off < s.End {
			return i
		}
	}
	return -1
}

// extractor is the Extractor the document is read with: the one it was
// started with, else the one for its lexicon.
func (d *docState) extractor() *Extractor {
	if d.ex == nil {
		d.ex = extractorFor(d.Lex)
	}
	return d.ex
}

// index is the lexicon's word index.
func (d *docState) index() *lexIndex { return d.extractor().x }

// triggers is the lexicon's event triggers and cue words.
func (d *docState) triggers() *triggerSet { return d.extractor().ts }

// claimLex is the lexicon's reporting verbs, stance cues and topics.
func (d *docState) claimLex() *claimLex { return d.extractor().cl }
