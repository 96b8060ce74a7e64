package kg

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"unicode"
)

// Sentinel errors shared by the store, the loader and the API.
var (
	// ErrNotFound means the requested document, entity or fact does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the input (a document or an argument) is unusable.
	ErrInvalid = errors.New("invalid input")
	// ErrUnavailable means the database cannot be reached.
	ErrUnavailable = errors.New("database unavailable")
)

// EntityType is the kind of a named entity.
type EntityType string

// Entity types.
const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
)

// Role status values.
const (
	Current = "current"
	Former  = "former"
)

// Claim stances.
const (
	Alleges = "alleges"
	Denies  = "denies"
	Neutral = "neutral"
)

// Claim kinds.
const (
	Quote      = "quote"
	Paraphrase = "paraphrase"
)

// Source ties a fact to the text that states it. Start and End are byte
// offsets into the original document text (Document.Text), End exclusive, and
// Quote is Document.Text[Start:End].
type Source struct {
	Document string `json:"document"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Quote    string `json:"quote"`
}

// Document is one input article with its metadata. Text is the original text
// (HTML already turned into text); all offsets point into it.
type Document struct {
	ID          string `json:"id"`
	File        string `json:"file,omitempty"`
	Title       string `json:"title,omitempty"`
	Publisher   string `json:"publisher,omitempty"`
	URL         string `json:"url,omitempty"`
	PublishedAt string `json:"publishedAt,omitempty"` // YYYY-MM-DD or empty
	SHA256      string `json:"sha256,omitempty"`
	Text        string `json:"-"`
	// InputHash is a digest of what the document was extracted from: its
	// text and metadata, and the extractor with its lexicon
	// (pipeline.InputHash). A store keeps it, so that a later load can
	// leave a document it already holds, from the same input, unread.
	InputHash string `json:"-"`
}

// StoredInput is what a store remembers of a document's input: its
// InputHash and the file it was last read from.
type StoredInput struct {
	Hash, File string
}

// Mention is one occurrence of an entity in a document.
type Mention struct {
	Text string `json:"text"`
	Source
}

// Merge records why two names were joined into one entity.
type Merge struct {
	Rule  string `json:"rule"`  // e.g. "acronym", "alias-lexicon", "surname", "legal-form"
	Name  string `json:"name"`  // the name that was merged in
	Into  string `json:"into"`  // the canonical name it was merged into
	Where string `json:"where"` // document id where the evidence was seen, if any
}

// Entity is a person or an organization. ID is stable and derived from the
// type and the canonical name (see EntityID).
type Entity struct {
	ID       string     `json:"id"`
	Type     EntityType `json:"type"`
	Name     string     `json:"name"`
	Aliases  []string   `json:"aliases"`
	Kind     string     `json:"kind,omitempty"` // organizations: company, agency, court, media, government, ...
	Merges   []Merge    `json:"merges,omitempty"`
	Mentions []Mention  `json:"mentions,omitempty"`
	// Votes is, for an entity a store already holds, how many of its
	// stored documents a load leaves unread: its kind counts that many
	// votes against the kinds the documents read give it (0 counts one).
	Votes int `json:"-"`
}

// Role is a person's position at an organization.
type Role struct {
	ID           string   `json:"id"`
	Person       string   `json:"person"`
	Title        string   `json:"title"`
	Organization string   `json:"organization"` // entity id, or "" when none is stated
	Status       string   `json:"status"`       // Current or Former
	Sources      []Source `json:"sources"`
}

// Relation is a stated link between two entities, such as subsidiary_of or owns.
type Relation struct {
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	From    string   `json:"from"`
	To      string   `json:"to"`
	Sources []Source `json:"sources"`
}

// Participant is an entity's part in an event. Entity is "" for an unnamed
// participant, which is then described by Description.
type Participant struct {
	Entity      string `json:"entity,omitempty"`
	As          string `json:"as"`
	Description string `json:"description,omitempty"`
}

// Event is something that happened, typed by the event vocabulary.
type Event struct {
	ID            string        `json:"id"`
	Type          string        `json:"type"`
	Date          string        `json:"date,omitempty"`          // ISO prefix: 2019, 2019-10, 2019-10-25
	DatePrecision string        `json:"datePrecision,omitempty"` // year, season, month, day
	DateText      string        `json:"dateText,omitempty"`      // the words that gave the date
	Summary       string        `json:"summary,omitempty"`
	Participants  []Participant `json:"participants"`
	Sources       []Source      `json:"sources"`
}

// Claim is something a claimant said or alleged.
type Claim struct {
	ID       string   `json:"id"`
	Claimant string   `json:"claimant"` // entity id
	Text     string   `json:"text"`
	Kind     string   `json:"kind"` // Quote or Paraphrase
	Verb     string   `json:"verb,omitempty"`
	Stance   string   `json:"stance"` // Alleges, Denies or Neutral
	Topics   []string `json:"topics"`
	About    []string `json:"about"` // entity ids
	Sources  []Source `json:"sources"`
}

// Extraction is everything extracted from one document. Entity ids in it are
// final (resolved across the corpus) when it comes out of a resolver.
type Extraction struct {
	Document  Document   `json:"document"`
	Entities  []Entity   `json:"entities"`
	Roles     []Role     `json:"roles"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`
	Claims    []Claim    `json:"claims"`
}

// Graph is a whole extracted corpus in the shape the scorer reads: the
// loader's --json output.
type Graph struct {
	Documents []Document `json:"documents"`
	Entities  []Entity   `json:"entities"`
	Roles     []Role     `json:"roles"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`
	Claims    []Claim    `json:"claims"`
}

// SaveResult says what saving one document's extraction did.
type SaveResult struct {
	Document  string `json:"document"`
	Unchanged bool   `json:"unchanged"` // the same extraction was already stored; nothing was written
	Nodes     int    `json:"nodes"`     // nodes created
	Rels      int    `json:"rels"`      // relationships created
	Deleted   int    `json:"deleted"`   // nodes and relationships deleted (the document's old facts)
}

// BatchResult says what saving many documents' extractions in one
// transaction did.
type BatchResult struct {
	Saved     []string // ids of the documents written
	Unchanged []string // ids of the documents already stored as extracted
	Nodes     int      // nodes created
	Rels      int      // relationships created
	Deleted   int      // nodes and relationships deleted (replaced facts)
}

// Key normalizes a name for matching: lower case, punctuation folded to
// spaces, a leading "the" dropped, runs of space collapsed.
func Key(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			return keyUnicode(name)
		}
	}
	// ASCII, which most names are, in one pass; a name already in key form
	// is its own key
	var b []byte
	space, n := false, 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '\'':
		default:
			space = true
			continue
		}
		if space && n > 0 {
			if b == nil && (i != n+1 || name[n] != ' ') {
				b = append(make([]byte, 0, len(name)), name[:n]...)
			}
			if b != nil {
				b = append(b, ' ')
			}
			n++
		}
		space = false
		if b == nil && c != name[n] {
			b = append(make([]byte, 0, len(name)), name[:n]...)
		}
		if b != nil {
			b = append(b, c)
		}
		n++
	}
	out := name[:n]
	if b != nil {
		out = string(b)
	}
	return strings.TrimPrefix(out, "the ")
}

// keyUnicode is Key for a name with non-ASCII letters.
func keyUnicode(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.ReplaceAll(name, "’", "'")) {
		ok := r == '\'' || unicode.IsLetter(r) || unicode.IsDigit(r)
		if !ok {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// ID derives a stable id from a prefix and parts: prefix + "_" + the first 16
// hex digits of the SHA-256 of the parts joined by a unit separator.
func ID(prefix string, parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return prefix + "_" + hex.EncodeToString(h[:8])
}

// EntityID is the id of the entity of a type with a canonical name.
func EntityID(t EntityType, canonical string) string {
	return ID(string(t)[:3], string(t), Key(canonical))
}
