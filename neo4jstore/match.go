package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/factgraph/factgraph/kg"
)

// Lenient name lookup, for names as a user types them. Match tries, in
// order: the exact reference (id, name or alias); the same without leading
// articles and honorifics ("the Pentagon", "Mr. Esper"); for one word, a
// person's surname, then given name, when exactly one person has it; and
// last a fuzzy full-text match (edit distance) on every word. A step that
// finds several entities that fit equally well is ambiguous.

// honorifics are dropped from the front of a name (lower case, without
// the period).
var honorifics = map[string]bool{
	"the": true, "a": true, "an": true,
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "rev": true, "fr": true,
	"sen": true, "senator": true, "rep": true, "representative": true, "gov": true, "governor": true,
	"gen": true, "general": true, "adm": true, "admiral": true, "col": true, "capt": true, "lt": true, "sgt": true,
	"judge": true, "justice": true, "president": true, "secretary": true, "mayor": true, "chairman": true,
	"chairwoman": true, "ceo": true,
}

// stripName drops leading articles and honorifics and a trailing
// possessive: "the Pentagon's" is "Pentagon", "Mr. Esper" is "Esper".
func stripName(s string) string {
	words := strings.Fields(s)
	for len(words) > 1 && honorifics[strings.ToLower(strings.TrimSuffix(words[0], "."))] {
		words = words[1:]
	}
	out := strings.Join(words, " ")
	for _, p := range []string{"'s", "’s"} {
		out = strings.TrimSuffix(out, p)
	}
	return out
}

// Match resolves text to one entity (of type typ unless typ is "") and
// says how. kg.ErrNotFound when nothing fits; a *kg.AmbiguousError
// (kg.ErrInvalid) naming the candidates when several fit equally well.
func (s *Store) Match(ctx context.Context, text string, typ kg.EntityType) (kg.Match, error) {
	text = strings.TrimSpace(text)
	if e, err := s.FindEntity(ctx, text, typ); err == nil {
		return kg.Match{Text: text, Entity: e, By: kg.MatchedExact}, nil
	} else if !kg.IsNotFound(err) {
		return kg.Match{}, err
	}
	stripped := stripName(text)
	if stripped != text && stripped != "" {
		if e, err := s.FindEntity(ctx, stripped, typ); err == nil {
			return kg.Match{Text: text, Entity: e, By: kg.MatchedStripped}, nil
		} else if !kg.IsNotFound(err) {
			return kg.Match{}, err
		}
	}
	if words := strings.Fields(luceneSpecial.Replace(stripped)); len(words) == 1 && typ != kg.Organization {
		m, err := s.matchNamePart(ctx, text, words[0])
		if err == nil || !kg.IsNotFound(err) {
			return m, err
		}
	}
	return s.matchFuzzy(ctx, text, stripped, typ)
}

// matchNamePart matches a person whose surname (then given name) is word,
// when exactly one person has it.
func (s *Store) matchNamePart(ctx context.Context, text, word string) (kg.Match, error) {
	recs, err := s.read(ctx, `CALL db.index.fulltext.queryNodes('search', 'name:' + $w) YIELD node AS n
		WHERE n:Person RETURN `+entityProj("n", nil)+` LIMIT 200`, map[string]any{"w": strings.ToLower(word)})
	if err != nil {
		return kg.Match{}, fmt.Errorf("match %q: %w", text, err)
	}
	for _, part := range []struct {
		by   kg.MatchedBy
		pick func([]string) string
	}{
		{kg.MatchedSurname, func(w []string) string { return w[len(w)-1] }},
		{kg.MatchedGivenName, func(w []string) string { return w[0] }},
	} {
		var found []kg.Entity
		for _, r := range recs {
			e := toEntity(r.Values[0])
			if ws := strings.Fields(e.Name); len(ws) > 1 && strings.EqualFold(part.pick(ws), word) {
				found = append(found, e)
			}
		}
		switch {
		case len(found) == 1:
			return kg.Match{Text: text, Entity: found[0], By: part.by}, nil
		case len(found) > 1:
			return kg.Match{}, ambiguous(text, found)
		}
	}
	return kg.Match{}, notFound(text, kg.Person)
}

// matchFuzzy matches every word of the name within an edit distance (one
// for words of up to five letters, two beyond) against entity names and
// aliases. The best hit wins unless another entity scores nearly as well.
func (s *Store) matchFuzzy(ctx context.Context, text, name string, typ kg.EntityType) (kg.Match, error) {
	words := strings.Fields(luceneSpecial.Replace(name))
	var terms []string
	for _, w := range words {
		switch strings.ToUpper(w) {
		case "AND", "OR", "NOT", "TO":
			w = strings.ToLower(w)
		}
		d := 1
		if len([]rune(w)) > 5 {
			d = 2
		}
		terms = append(terms, fmt.Sprintf("%s~%d", w, d))
	}
	if len(terms) == 0 {
		return kg.Match{}, notFound(text, typ)
	}
	q := "name:(" + strings.Join(terms, " AND ") + ") OR aliasText:(" + strings.Join(terms, " AND ") + ")"
	recs, err := s.read(ctx, `CALL db.index.fulltext.queryNodes('search', $q) YIELD node AS n, score
		WHERE n:`+entityLabel(typ)+` RETURN score, `+entityProj("n", nil)+` ORDER BY score DESC, n.id LIMIT 6`,
		map[string]any{"q": q})
	if err != nil {
		return kg.Match{}, fmt.Errorf("fuzzy match %q: %w", text, err)
	}
	if len(recs) == 0 {
		return kg.Match{}, notFound(text, typ)
	}
	best := recs[0].Values[0].(float64)
	var close []kg.Entity
	for _, r := range recs {
		if r.Values[0].(float64) >= 0.9*best {
			close = append(close, toEntity(r.Values[1]))
		}
	}
	if len(close) > 1 {
		return kg.Match{}, ambiguous(text, close)
	}
	return kg.Match{Text: text, Entity: close[0], By: kg.MatchedFuzzy}, nil
}

func ambiguous(text string, es []kg.Entity) error {
	slices.SortFunc(es, func(a, b kg.Entity) int { return strings.Compare(a.Name+a.ID, b.Name+b.ID) })
	return &kg.AmbiguousError{Text: text, Candidates: es}
}
