package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/factgraph/factgraph/lexicon"
)

// Date precisions.
const (
	precYear   = "year"
	precSeason = "season"
	precMonth  = "month"
	precDay    = "day"
)

// dateRef is a date expression found in the text and resolved to an ISO
// prefix (2019, 2019-10, 2019-10-25). Start and End are original-text
// offsets of Text.
type dateRef struct {
	Date      string
	Precision string
	Text      string
	Start     int
	End       int
}

// approx is a dateRef's point in time, for relative expressions ("a few weeks
// later") anchored on it.
func (r dateRef) approx() time.Time {
	t, err := time.Parse("2006-01-02", r.Date)
	if err == nil {
		return t
	}
	if t, err := time.Parse("2006-01", r.Date); err == nil {
		return t.AddDate(0, 0, 14)
	}
	if t, err := time.Parse("2006", r.Date); err == nil {
		return t.AddDate(0, 6, 0)
	}
	return time.Time{}
}

// months, weekdays and the regexp alternations of their names come from
// the built-in calendar.txt (month=N, weekday=N), the one place the
// calendar's words are written; only that file is read at start-up.
var months, weekdays, monthRe, fullMonthRe, weekdayRe, monthKeys, weekdayKeys = readCalendar(lexicon.Builtin("calendar"))

// readCalendar reads the months (names and abbreviations, an abbreviation
// also without its dot) and weekdays of calendar.txt into lookups, regexp
// alternations (longest first) and the prefixes the prefilter looks for.
func readCalendar(entries []lexicon.Entry) (mo map[string]time.Month, wd map[string]time.Weekday, monthAlt, fullAlt, weekdayAlt string, mkeys, wkeys []string) {
	mo, wd = map[string]time.Month{}, map[string]time.Weekday{}
	var ms, full, ws []string
	seen := map[string]bool{}
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Attr("month")); err == nil {
			name := strings.TrimSuffix(e.Phrase, ".")
			mo[strings.ToLower(name)] = time.Month(n)
			if strings.HasSuffix(e.Phrase, ".") {
				ms = append(ms, regexp.QuoteMeta(name)+`\.?`)
			} else {
				ms = append(ms, regexp.QuoteMeta(name))
				full = append(full, regexp.QuoteMeta(name))
			}
			if k := name[:min(3, len(name))]; !seen[k] {
				seen[k] = true
				mkeys = append(mkeys, k)
			}
		}
		if n, err := strconv.Atoi(e.Attr("weekday")); err == nil {
			wd[strings.ToLower(e.Phrase)] = time.Weekday(n)
			ws = append(ws, regexp.QuoteMeta(e.Phrase))
			wkeys = append(wkeys, e.Phrase)
		}
	}
	alt := func(xs []string) string {
		sort.SliceStable(xs, func(i, j int) bool { return len(xs[i]) > len(xs[j]) })
		return "(?:" + strings.Join(xs, "|") + ")"
	}
	return mo, wd, alt(ms), alt(full), alt(ws), mkeys, wkeys
}

// seasons maps a season of calendar.txt (season=N) to its middle month
// (northern hemisphere); seasonRe is their alternation, seasonKeys the
// words the prefilter looks for.
var seasons, seasonRe, seasonKeys = readSeasons(lexicon.Builtin("calendar"))

const yearRe = `(?:1[89]\d\d|20\d\d)`

// readSeasons reads the seasons of calendar.txt, written in lower case as
// the date patterns match them ("the summer of 2018").
func readSeasons(entries []lexicon.Entry) (map[string]time.Month, string, []string) {
	mid := map[string]time.Month{}
	var names []string
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Attr("season")); err == nil {
			mid[e.Phrase] = time.Month(n)
			names = append(names, e.Phrase)
		}
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = regexp.QuoteMeta(n)
	}
	if len(quoted) == 0 {
		// no seasons: a pattern that matches nothing, and a prefilter key
		// no text holds
		return mid, `(?:\b\B)`, []string{"\x00"}
	}
	sort.SliceStable(quoted, func(i, j int) bool { return len(quoted[i]) > len(quoted[j]) })
	return mid, "(?:" + strings.Join(quoted, "|") + ")", names
}

// datePatterns are tried in order at each position; the first (and so the
// most specific) match wins and the scan continues after it.
var datePatterns = []struct {
	re      *regexp.Regexp
	resolve func(m []string, pub time.Time, prev *dateRef) (string, string, bool)
}{
	{rx(`(\d{4})-(\d\d)-(\d\d)`), func(m []string, _ time.Time, _ *dateRef) (string, string, bool) {
		return m[1] + "-" + m[2] + "-" + m[3], precDay, true
	}},
	{rx(`(` + monthRe + `) (\d{1,2})(?:st|nd|rd|th)?,? (` + yearRe + `)`), func(m []string, _ time.Time, _ *dateRef) (string, string, bool) {
		return day(atoi(m[3]), month(m[1]), atoi(m[2]))
	}},
	{rx(`(\d{1,2}) (` + monthRe + `),? (` + yearRe + `)`), func(m []string, _ time.Time, _ *dateRef) (string, string, bool) {
		return day(atoi(m[3]), month(m[2]), atoi(m[1]))
	}},
	{rx(`(` + monthRe + `),? (` + yearRe + `)`), func(m []string, _ time.Time, _ *dateRef) (string, string, bool) {
		return ym(atoi(m[2]), month(m[1])), precMonth, true
	}},
	{rx(`(` + monthRe + `) (\d{1,2})(?:st|nd|rd|th)?\b`), func(m []string, pub time.Time, _ *dateRef) (string, string, bool) {
		if pub.IsZero() {
			return "", "", false
		}
		mo, d := month(m[1]), atoi(m[2])
		y := pub.Year()
		// a date more than a month after publication is last year's
		if time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).After(pub.AddDate(0, 1, 0)) {
			y--
		}
		return day(y, mo, d)
	}},
	{rx(`(?i:the )?(` + seasonRe + `) of (` + yearRe + `)`), func(m []string, _ time.Time, _ *dateRef) (string, string, bool) {
		return m[2], precSeason, true
	}},
	{rx(`(` + yearRe + `) (` + seasonRe + `)`), func(m []string, _ time.Time, _ *dateRef) (string, string, bool) {
		return m[1], precSeason, true
	}},
	{rx(`(?i:(this past|last|this|earlier this|late last|early last|next) )(` + seasonRe + `)`), func(m []string, pub time.Time, _ *dateRef) (string, string, bool) {
		if pub.IsZero() {
			return "", "", false
		}
		mid := seasons[strings.ToLower(m[2])]
		y := pub.Year()
		switch strings.ToLower(m[1]) {
		case "next":
			if mid <= pub.Month() {
				y++
			}
		case "this":
		default:
			if mid > pub.Month() || strings.HasPrefix(strings.ToLower(m[1]), "l") && mid == pub.Month() {
				y--
			}
		}
		return strconv.Itoa(y), precSeason, true
	}},
	{rx(`(?i:(this past|last|in|this|since|until|by|early|late|mid-?|next) )(` + fullMonthRe[3:len(fullMonthRe)-1] + `)\b`), func(m []string, pub time.Time, _ *dateRef) (string, string, bool) {
		if pub.IsZero() {
			return "", "", false
		}
		mo := month(m[2])
		y := pub.Year()
		if strings.EqualFold(m[1], "next") {
			if mo <= pub.Month() {
				y++
			}
		} else if mo > pub.Month() || (strings.EqualFold(m[1], "last") && mo == pub.Month()) {
			y--
		}
		return ym(y, mo), precMonth, true
	}},
	{rx(`(?i:(last|this|next|earlier this|later this|earlier last) (year|month|week))`), func(m []string, pub time.Time, _ *dateRef) (string, string, bool) {
		if pub.IsZero() {
			return "", "", false
		}
		rel, unit := strings.ToLower(m[1]), strings.ToLower(m[2])
		n := 0
		switch {
		case rel == "last" || rel == "earlier last":
			n = -1
		case rel == "next":
			n = 1
		}
		switch unit {
		case "year":
			return strconv.Itoa(pub.Year() + n), precYear, true
		case "month":
			t := time.Date(pub.Year(), pub.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
			return t.Format("2006-01"), precMonth, true
		default:
			return pub.AddDate(0, 0, 7*n).Format("2006-01"), precMonth, true
		}
	}},
	{rx(`(?i:(yesterday|today|tomorrow))`), func(m []string, pub time.Time, _ *dateRef) (string, string, bool) {
		if pub.IsZero() {
			return "", "", false
		}
		n := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[strings.ToLower(m[1])]
		return pub.AddDate(0, 0, n).Format("2006-01-02"), precDay, true
	}},
	{rx(`(?i:(last|this past|next) )?(` + weekdayRe + `)(?:'s)?`), func(m []string, pub time.Time, _ *dateRef) (string, string, bool) {
		if pub.IsZero() {
			return "", "", false
		}
		wd := weekdays[strings.ToLower(m[2])]
		if strings.EqualFold(m[1], "next") {
			n := (int(wd) - int(pub.Weekday()) + 7) % 7
			if n == 0 {
				n = 7
			}
			return pub.AddDate(0, 0, n).Format("2006-01-02"), precDay, true
		}
		// the most recent such weekday on or before publication
		back := (int(pub.Weekday()) - int(wd) + 7) % 7
		if back == 0 && strings.EqualFold(m[1], "last") {
			back = 7
		}
		return pub.AddDate(0, 0, -back).Format("2006-01-02"), precDay, true
	}},
	{rx(`(?i:(a few|several|a couple of|two|three|four|a|one) (days|weeks|months|years?|week|month|day) (later|after|afterwards|earlier|before))`), func(m []string, _ time.Time, prev *dateRef) (string, string, bool) {
		if prev == nil {
			return "", "", false
		}
		base := prev.approx()
		if base.IsZero() {
			return "", "", false
		}
		n := map[string]int{"a few": 3, "several": 4, "a couple of": 2, "two": 2, "three": 3, "four": 4, "a": 1, "one": 1}[strings.ToLower(m[1])]
		if strings.EqualFold(m[3], "earlier") || strings.EqualFold(m[3], "before") {
			n = -n
		}
		switch strings.TrimSuffix(strings.ToLower(m[2]), "s") {
		case "day":
			base = base.AddDate(0, 0, n)
		case "week":
			base = base.AddDate(0, 0, 7*n)
		case "month":
			base = base.AddDate(0, n, 0)
		default:
			return strconv.Itoa(base.Year() + n), precYear, true
		}
		return base.Format("2006-01"), precMonth, true
	}},
	{rx(`(?:in |since |by |until |during |of )?(` + yearRe + `)`), func(m []string, _ time.Time, _ *dateRef) (string, string, bool) {
		return m[1], precYear, true
	}},
}

// datePatternKeys[i] lists groups of lower-case words: datePatterns[i] can
// match only a text holding a word of every group (see mayContainAny), so a
// sentence without a year, a month, a weekday or a relative word is ruled
// out before any regexp runs.
var datePatternKeys = func() [][][]string {
	digits := strings.Split("0123456789", "")
	years := []string{"18", "19", "20"}
	seasons := seasonKeys
	keys := [][][]string{
		{digits, {"-"}},  // 2019-10-25
		{years},          // October 25, 2019
		{years},          // 25 October 2019
		{years},          // October 2019
		{digits},         // October 25
		{seasons, years}, // the summer of 2018
		{seasons, years}, // 2018 summer
		{seasons},        // this past summer
		nil,              // last June
		{{"year", "month", "week"}},
		{{"yesterday", "today", "tomorrow"}},
		nil, // Monday
		{{"later", "after", "earlier", "before"}},
		{years}, // in 2019
	}
	if len(keys) != len(datePatterns) {
		panic("extract: datePatternKeys does not match datePatterns")
	}
	return keys
}()

// datePatternCased[i] lists words of which the original (not lower-cased)
// text must hold one for datePatterns[i] to match: month and weekday names
// are capitalized in the patterns, so "may", "market" or "today" rule
// nothing in.
var datePatternCased = func() [][]string {
	keys := [][]string{nil, monthKeys, monthKeys, monthKeys, monthKeys, nil, nil, nil, monthKeys, nil, nil, weekdayKeys, nil, nil}
	if len(keys) != len(datePatterns) {
		panic("extract: datePatternCased does not match datePatterns")
	}
	return keys
}()

// dateKeyGroup is one group of keys of datePatternKeys or
// datePatternCased; dateKeyGroups holds each once, and
// datePatternGroups[i] the groups datePatterns[i] needs.
type dateKeyGroup struct {
	keys  []string
	cased bool // looked for in the text as written
}

var dateKeyGroups, datePatternGroups = func() ([16]dateKeyGroup, [][]int) {
	var groups [16]dateKeyGroup
	n := 0
	index := func(keys []string, cased bool) int {
		for i := range n {
			if groups[i].cased == cased && &groups[i].keys[0] == &keys[0] {
				return i
			}
		}
		if n == len(groups) {
			panic("extract: more date key groups than dateKeyGroups holds")
		}
		groups[n] = dateKeyGroup{keys, cased}
		n++
		return n - 1
	}
	out := make([][]int, len(datePatterns))
	for i := range datePatterns {
		for _, g := range datePatternKeys[i] {
			out[i] = append(out[i], index(g, false))
		}
		if c := datePatternCased[i]; c != nil {
			out[i] = append(out[i], index(c, true))
		}
	}
	return groups, out
}()

// rx compiles a date pattern anchored at word boundaries.
func rx(p string) *regexp.Regexp { return regexp.MustCompile(`\b` + p + `\b`) }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func month(s string) time.Month {
	return months[strings.TrimSuffix(strings.ToLower(s), ".")]
}

func ym(y int, m time.Month) string {
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
}

func day(y int, m time.Month, d int) (string, string, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if m == 0 || d < 1 || t.Day() != d {
		return "", "", false
	}
	return t.Format("2006-01-02"), precDay, true
}

// findDates returns the date expressions in text, in order, resolved against
// pub (zero: unknown, so relative expressions are skipped) and, for
// expressions relative to an earlier date ("a few weeks later"), against prev,
// which must not be nil and is updated as dates are found. base is the
// offset of text in the original document.
func findDates(text string, base int, pub time.Time, prev *dateRef) []dateRef {
	var out []dateRef
	type hit struct {
		start, end, p int
		m             []string
	}
	var hits []hit
	lower := strings.ToLower(text)
	// each group of keys is looked for once: the patterns share them
	var held [len(dateKeyGroups)]int8 // 0 not yet looked for, 1 held, -1 not
	holds := func(gi int, s string) bool {
		if held[gi] == 0 {
			held[gi] = -1
			if mayContainAny(s, dateKeyGroups[gi].keys) {
				held[gi] = 1
			}
		}
		return held[gi] == 1
	}
	for pi, p := range datePatterns {
		possible := true
		for _, gi := range datePatternGroups[pi] {
			if g := dateKeyGroups[gi]; g.cased {
				possible = possible && holds(gi, text)
			} else {
				possible = possible && holds(gi, lower)
			}
		}
		if !possible {
			continue
		}
		for _, loc := range p.re.FindAllStringSubmatchIndex(text, -1) {
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = text[loc[2*i]:loc[2*i+1]]
				}
			}
			hits = append(hits, hit{loc[0], loc[1], pi, m})
		}
	}
	// the most specific pattern wins an overlap; then document order
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].p < hits[b].p })
	var kept []hit
	for _, h := range hits {
		if h.p == len(datePatterns)-1 && yearIsAmount(text, h.start, h.end) {
			continue
		}
		overlaps := false
		for _, k := range kept {
			if h.start < k.end && k.start < h.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, h)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].start < kept[b].start })
	for _, h := range kept {
		date, prec, ok := datePatterns[h.p].resolve(h.m, pub, prev)
		if !ok {
			continue
		}
		r := dateRef{Date: date, Precision: prec, Text: h.m[0], Start: base + h.start, End: base + h.end}
		out = append(out, r)
		*prev = r
	}
	return out
}

// yearIsAmount reports whether a four-digit number is a quantity ("$2019",
// "2019 people") rather than a year.
func yearIsAmount(text string, start, end int) bool {
	if start > 0 && strings.ContainsAny(text[start-1:start], "$€£,.") {
		return true
	}
	if end < len(text) && strings.ContainsAny(text[end:end+1], ",.%") && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' {
		return true
	}
	return false
}

// dates finds the date expressions of every sentence, in document order:
// out[i] holds sentence i's. Relative expressions ("a few weeks later")
// resolve against the previous date in the text.
func (d *docState) dates() [][]dateRef {
	out := make([][]dateRef, len(d.Sents))
	var prev dateRef
	for i, s := range d.Sents {
		out[i] = findDates(s.Text, s.Start, d.Published, &prev)
	}
	return out
}
