package extract

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/factgraph/factgraph/extract/morph"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// MaxDocumentBytes bounds the size of one document's text.
const MaxDocumentBytes = 8 << 20

// Extractor is the extraction stages prepared for one lexicon: its word
// index, its inflector, the event triggers, the claim lexicon and the role
// patterns, each compiled once. It is safe for concurrent use.
type Extractor struct {
	lex *lexicon.Lexicon
	x   *lexIndex
	in  *morph.Inflector
	ts  *triggerSet
	cl  *claimLex
	rp  *rolePatterns
	sp  *sidePatterns
	pv  map[string]bool // the past forms of the event triggers' verbs (see retagPast)
	tm  *LinearModel    // the learned type of names (type_model.txt), or nil
	am  *LinearModel    // the learned attachment of roles (attach_model.txt), or nil
	rm  *LinearModel    // the learned reading of roles (role_model.txt), or nil
	err error           // a model file that does not read: every document fails with it

	fpOnce sync.Once
	fp     string // Fingerprint
}

// New prepares the extraction stages for lex (nil: no lexicon). A role
// pattern that does not compile fails every document, naming the pattern.
func New(lex *lexicon.Lexicon) *Extractor {
	e := &Extractor{lex: lex, in: newInflector(lex)}
	if lex == nil {
		e.x = buildIndex(&lexicon.Lexicon{}, e.in)
	} else {
		e.x = buildIndex(lex, e.in)
	}
	e.ts = compileTriggers(lex, e.in)
	e.cl = buildClaimLex(lex, e.in)
	e.rp = compileRolePatterns(lex, e.in)
	e.sp = compileSidePatterns(lex, e.in)
	e.pv = pastForms(e.ts)
	e.tm, e.err = compileLinear(lex, "type_model", TypeClasses)
	if e.err == nil {
		e.am, e.err = compileLinear(lex, "attach_model", AttachClasses)
	}
	if e.err == nil {
		e.rm, e.err = compileLinear(lex, "role_model", RoleClasses)
	}
	return e
}

var extractors sync.Map // *lexicon.Lexicon -> *Extractor, for Document

// extractorFor is New(lex), built once per lexicon for Document and for
// documents started without an Extractor.
func extractorFor(lex *lexicon.Lexicon) *Extractor {
	if v, ok := extractors.Load(lex); ok {
		return v.(*Extractor)
	}
	v, _ := extractors.LoadOrStore(lex, New(lex))
	return v.(*Extractor)
}

// Document extracts the graph of one document with the Extractor for lex,
// prepared once per lexicon. It is deterministic and safe for concurrent use
// with a shared lexicon. It fails as Extractor.Document does.
func Document(doc kg.Document, lex *lexicon.Lexicon) (ex kg.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("document %s: extractor failed: %v", doc.ID, r)
		}
	}()
	return extractorFor(lex).Document(doc)
}

// Document extracts the graph of one document. It is deterministic and safe
// for concurrent use. It fails, naming the document, on text that is empty,
// not UTF-8, binary or larger than MaxDocumentBytes.
func (e *Extractor) Document(doc kg.Document) (ex kg.Extraction, err error) {
	return e.document(doc, nil)
}

// StanceFeatures extracts doc as Document does and returns, by claim id,
// the features the stance model reads for each claim (stancemodel.go),
// computed from the rules' stances: what cmd/train learns from.
func (e *Extractor) StanceFeatures(doc kg.Document) (kg.Extraction, map[string][]string, error) {
	trace := map[string][]string{}
	ex, err := e.document(doc, trace)
	return ex, trace, err
}

// TypeFeatures extracts doc as Document does and returns, by the name as
// first written, the features the type model reads for each capitalized
// name (typemodel.go), computed from the rules' types: what cmd/train
// learns from.
func (e *Extractor) TypeFeatures(doc kg.Document) (kg.Extraction, map[string][]string, error) {
	d := &docState{Doc: doc, Lex: e.lex, ex: e, typeTrace: map[string][]string{}}
	ex, err := e.run(d)
	return ex, d.typeTrace, err
}

// RoleFeatures extracts doc as Document does and returns what the role
// models read, computed from the rules' roles: the candidate roles the
// role model weighs (rolemodel.go) and, by role id, the organizations the
// attachment model weighs for each role (attach.go), each with its
// features. This is what cmd/train learns from.
func (e *Extractor) RoleFeatures(doc kg.Document) (kg.Extraction, []RoleCandidate, map[string][]AttachCandidate, error) {
	trace := []RoleCandidate{}
	d := &docState{Doc: doc, Lex: e.lex, ex: e, roleTrace: &trace, attachTrace: map[string][]AttachCandidate{}}
	ex, err := e.run(d)
	return ex, trace, d.attachTrace, err
}

// document is Document, filling trace (when not nil) with each claim's
// stance features.
func (e *Extractor) document(doc kg.Document, trace map[string][]string) (ex kg.Extraction, err error) {
	return e.run(&docState{Doc: doc, Lex: e.lex, ex: e, stanceTrace: trace})
}

// run extracts the document of d.
func (e *Extractor) run(d *docState) (ex kg.Extraction, err error) {
	doc := d.Doc
	if err := Validate(doc); err != nil {
		return kg.Extraction{}, err
	}
	if e.err != nil {
		return kg.Extraction{}, fmt.Errorf("document %s: %w", doc.ID, e.err)
	}
	if doc.PublishedAt != "" {
		t, perr := time.Parse("2006-01-02", doc.PublishedAt)
		if perr != nil {
			return kg.Extraction{}, fmt.Errorf("document %s: publishedAt %q is not YYYY-MM-DD: %w", doc.ID, doc.PublishedAt, kg.ErrInvalid)
		}
		d.Published = t
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("document %s: extractor failed: %v", doc.ID, r)
		}
	}()
	d.rewriteQuotations()
	clean(d)
	segment(d)
	findMentions(d)
	findRoles(d)
	findEvents(d)
	findClaims(d)
	departedRoles(d)
	attachOrgs(d)
	d.Roles = subsumedRoles(d.Roles)
	return d.extraction(), nil
}

// Validate checks that a document's text can be extracted.
func Validate(doc kg.Document) error {
	switch {
	case doc.ID == "":
		return fmt.Errorf("document %q: no id: %w", doc.File, kg.ErrInvalid)
	case strings.TrimSpace(doc.Text) == "":
		return fmt.Errorf("document %s: empty text: %w", doc.ID, kg.ErrInvalid)
	case len(doc.Text) > MaxDocumentBytes:
		return fmt.Errorf("document %s: %d bytes, more than the %d allowed: %w", doc.ID, len(doc.Text), MaxDocumentBytes, kg.ErrInvalid)
	case !utf8.ValidString(doc.Text):
		return fmt.Errorf("document %s: text is not valid UTF-8: %w", doc.ID, kg.ErrInvalid)
	case strings.ContainsRune(doc.Text, 0):
		return fmt.Errorf("document %s: text contains NUL bytes (binary file?): %w", doc.ID, kg.ErrInvalid)
	}
	return nil
}
