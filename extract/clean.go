package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cleaning drops page furniture (captions, photo credits, video lists,
// newsletter and job prompts, bylines, teasers, repeated lines) before any
// name is looked at. It works on lines: each kept paragraph is a trimmed span
// of the original text, so every later offset is an offset into Doc.Text.
//
// Cue phrases live in lexicon file "boilerplate"; the rules here are about
// structure: durations and the caption after them, photo-agency datelines,
// lines without sentence punctuation, all-lowercase alt text, lines repeated
// elsewhere in the page, and the headline repeated as a caption.

var (
	durationRe = regexp.MustCompile(`^\(?\d{1,2}:\d{2}(:\d{2})?\)?$`)
	// "MADISON, WI - NOVEMBER 05:" and "NEW YORK, NY - JUNE 3:" open agency photo captions.
	captionDatelineRe = regexp.MustCompile(`^[A-Z][A-Z .,'’-]+ [-–—] [A-Z]+ \d{1,2}(, \d{4})?:`)
	// "(GeekWire Photo / Jane Doe)", "(Reuters/Jane Doe)", "(AP Photo/Jane Doe)".
	creditRe = regexp.MustCompile(`\((?:[A-Z][\w.&-]* ){0,3}(?:Photo|Photos|Image|Images|Illustration|File Photo)\b[^)]*\)\s*$|\([A-Z][\w.&-]*(?: [A-Z][\w.&-]*)? ?/ ?[A-Z][\w.' -]+\)\s*$`)
	// "By Jane Doe", "By Jane Doe and John Roe, Reuters"
	bylineRe = regexp.MustCompile(`^(?i:by) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:(?:,| and) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})*$`)
)

type boilerCue struct {
	phrase string
	match  string
}

func boilerCues(d *docState) []boilerCue {
	if d.Lex == nil {
		return nil
	}
	var out []boilerCue
	for _, e := range d.Lex.Entries("boilerplate") {
		m := e.Attr("match")
		if m == "" {
			m = "contains"
		}
		out = append(out, boilerCue{strings.ToLower(e.Phrase), m})
	}
	return out
}

// line is a candidate paragraph: a trimmed, non-empty line of the original text.
type line struct {
	start, end int
	text       string
}

func splitLines(text string) []line {
	var out []line
	for off := 0; off < len(text); {
		nl := strings.IndexByte(text[off:], '\n')
		end := len(text)
		if nl >= 0 {
			end = off + nl
		}
		s, e := trimSpan(text, off, end)
		if s < e {
			out = append(out, line{s, e, text[s:e]})
		}
		off = end + 1
	}
	return out
}

// trimSpan narrows [s,e) of text past leading and trailing white space
// (including no-break space).
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		e -= n
	}
	return s, e
}

func clean(d *docState) {
	lines := splitLines(d.Doc.Text)
	cues := boilerCues(d)
	drop := make([]bool, len(lines))

	// A line seen earlier in the page is a repeated caption, pull quote or
	// navigation: keep only the first copy (the other rules judge that one).
	// A line that is a prefix of another one (a truncated caption) is dropped.
	seen := map[string]bool{}
	keys := make([]string, len(lines))
	for i, l := range lines {
		keys[i] = normLine(l.text)
	}
	for i := range lines {
		k := keys[i]
		if len(strings.Fields(k)) < 3 {
			continue
		}
		if seen[k] {
			drop[i] = true
			continue
		}
		seen[k] = true
		if len(k) >= 40 {
			for j := range lines {
				if j != i && len(keys[j]) > len(k) && strings.HasPrefix(keys[j], k) {
					drop[i] = true
					break
				}
			}
		}
	}
	title := normLine(d.Doc.Title)
	afterDuration := false
	for i, l := range lines {
		// Prose that ends in a credit, a byline or a link keeps its
		// sentences: the tail goes, and the rules judge what is left. A
		// photo credit marks the whole line as a caption.
		if !endsLikeProse(l.text) && !durationRe.MatchString(l.text) && !creditRe.MatchString(l.text) {
			if n := proseHead(l.text); n > 0 && !isCredit(l.text[n:], cues) {
				_, lines[i].end = trimSpan(d.Doc.Text, l.start, l.start+n)
				lines[i].text = d.Doc.Text[l.start:lines[i].end]
			}
		}
		t := lines[i].text
		low := strings.ToLower(t)
		switch {
		case durationRe.MatchString(t):
			drop[i] = true
			afterDuration = true
			continue
		case afterDuration && (!endsLikeProse(t) || len(strings.Fields(t)) < 15):
			// The video title after a duration (a prose paragraph after a
			// "Video: title" + duration pair is article text).
			drop[i] = true
		case title != "" && keys[i] == title:
			drop[i] = true
		case matchCue(low, cues):
			drop[i] = true
		case captionDatelineRe.MatchString(t), creditRe.MatchString(t), bylineRe.MatchString(t):
			drop[i] = true
		case !hasUpper(t):
			// Image alt text and slugs: "jeff smith building".
			drop[i] = true
		case !endsLikeProse(t):
			// Headlines, captions, navigation, alt text, photo credits.
			drop[i] = true
		}
		afterDuration = false
	}
	for i, l := range lines {
		if !drop[i] {
			d.Paras = append(d.Paras, paragraph{Start: l.start, End: l.end, Text: l.text})
		}
	}
}

// isCredit reports whether a tail after prose opens with a photo credit cue.
func isCredit(tail string, cues []boilerCue) bool {
	low := strings.ToLower(strings.TrimLeft(tail, " \t(—–-:"))
	for _, c := range cues {
		if c.match == "credit" && strings.HasPrefix(low, c.phrase) && (len(low) == len(c.phrase) || !unicode.IsLetter(rune(low[len(c.phrase)]))) {
			return true
		}
	}
	return false
}

func matchCue(low string, cues []boilerCue) bool {
	for _, c := range cues {
		switch c.match {
		case "credit":
		case "prefix":
			if strings.HasPrefix(low, c.phrase) {
				return true
			}
		case "exact":
			if strings.TrimRight(low, " .:") == strings.TrimRight(c.phrase, " .:") {
				return true
			}
		default:
			if strings.Contains(low, c.phrase) {
				return true
			}
		}
	}
	return false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// endsLikeProse reports whether a line ends as a sentence or a lead-in does:
// with terminal punctuation, a closing quote after it, or a colon.
func endsLikeProse(s string) bool {
	s = strings.TrimRight(s, " \t")
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '?', '!', ':', '…':
			return true
		case '"', '”', '’', '\'', ')', ']', '*', '_':
			s = s[:len(s)-n]
			continue
		}
		return false
	}
	return false
}

// proseHeadWords is how many words a line's sentences must have before a
// trailing credit for them to count as prose, and proseTailWords how many
// words the trailing credit, byline or link text may have.
const (
	proseHeadWords = 8
	proseTailWords = 16
)

// proseHead returns the length of a line's prose before a trailing tail
// that does not end like a sentence ("... said. (Reporting by Jane Doe;
// Editing by John Roe)", "... in May. Read more: ..."), or 0 when the line
// has no such prose head.
func proseHead(s string) int {
	for i := len(s) - 1; i > 0; i-- {
		if s[i] != ' ' || !endsLikeProse(s[:i]) {
			continue
		}
		if len(strings.Fields(s[i:])) > proseTailWords {
			return 0
		}
		if len(strings.Fields(s[:i])) < proseHeadWords || strings.HasSuffix(s[:i], ":") {
			continue
		}
		return i
	}
	return 0
}

// normLine folds a line for duplicate detection.
func normLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}
