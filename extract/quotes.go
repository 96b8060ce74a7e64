package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// British and Commonwealth papers quote speech between single marks
// ('We won fairly,' she said), which the claim and speaker rules, written
// for double marks, do not see. singleQuotations rewrites each pair of
// single marks that encloses a quotation as the double marks of the same
// style (' as ", ‘ ’ as “ ”): every mark keeps its length, so every offset
// into the rewritten text is one into the original, which the extraction's
// quotes and claim texts are taken from (restoreQuotes).
//
// A pair opens with a mark at the start of a paragraph or after a space, a
// bracket or a dash, before a letter, digit or other mark; it closes at the
// first later mark in the paragraph that follows a word or punctuation and
// comes before a space, punctuation or the paragraph's end, and is no
// plural possessive ("the workers' union"). Marks inside a double-quoted
// passage, apostrophes ("don't", "O'Malley") and openings without a close
// are left alone.
func singleQuotations(text string) string {
	if !strings.ContainsAny(text, "'‘") {
		return text
	}
	b := []byte(text)
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		quoteParagraph(text, b, start, end)
		start = end + 1
	}
	return string(b)
}

// rewriteQuotations reads the document with its single quotation marks
// rewritten (singleQuotations), keeping the text as given in d.orig.
func (d *docState) rewriteQuotations() {
	if q := singleQuotations(d.Doc.Text); q != d.Doc.Text {
		d.orig, d.Doc.Text = d.Doc.Text, q
	}
}

// quoteParagraph rewrites the quotation pairs of text[start:end] in b.
func quoteParagraph(text string, b []byte, start, end int) {
	inDouble := false
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == '"':
			inDouble = !inDouble
		case r == '“':
			inDouble = true
		case r == '”':
			inDouble = false
		case !inDouble && (r == '\'' || r == '‘') && opensQuotation(text, start, i, n, end):
			if j, m := closingMark(text, i+n, end, r); j >= 0 {
				if r == '\'' {
					b[i], b[j] = '"', '"'
				} else {
					copy(b[i:i+n], "“")
					copy(b[j:j+m], "”")
				}
				i = j + m
				continue
			}
		}
		i += n
	}
}

// opensQuotation: the mark at i starts the paragraph or follows a space,
// bracket or dash, and a letter, digit or mark follows it.
func opensQuotation(text string, start, i, n, end int) bool {
	if i > start {
		p, _ := utf8.DecodeLastRuneInString(text[start:i])
		if !unicode.IsSpace(p) && p != '(' && p != '[' && p != '—' && p != '–' && p != '-' {
			return false
		}
	}
	if i+n >= end {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+n : end])
	return unicode.IsLetter(next) || unicode.IsDigit(next) || next == '"' || next == '“' || next == '…'
}

// closingMark finds the mark that closes a quotation opened by open before
// from: the first one after a word or punctuation and before a space,
// punctuation or the paragraph's end, that is no apostrophe inside a word
// and no plural possessive. It returns its offset and length, or -1.
func closingMark(text string, from, end int, open rune) (int, int) {
	closer := "'"
	if open == '‘' {
		closer = "’"
	}
	for j := from; j < end; {
		k := strings.Index(text[j:end], closer)
		if k < 0 {
			break
		}
		j += k
		n := len(closer)
		prev, _ := utf8.DecodeLastRuneInString(text[from:j])
		if j == from || unicode.IsSpace(prev) {
			j += n
			continue
		}
		after := rune(' ')
		if j+n < end {
			after, _ = utf8.DecodeRuneInString(text[j+n : end])
		}
		if unicode.IsLetter(after) || unicode.IsDigit(after) {
			j += n // an apostrophe inside a word: "don't"
			continue
		}
		if prev == 's' && unicode.IsSpace(after) && j+n+1 < end && unicode.IsLetter(rune(text[j+n+1])) {
			j += n // a plural possessive: "the workers' union"
			continue
		}
		return j, n
	}
	return -1, 0
}
