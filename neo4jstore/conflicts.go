package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/factgraph/factgraph/kg"
)

// Conflicts are found from an index, never by comparing every pair of
// events: one statement groups the dated events by their key (type plus
// the agents, targets and recipients), and only events within a group are
// compared. The index is kept in memory and rebuilt when the graph's
// version stamp (documents, their last load time, entities, events,
// curations) changes, so a request costs one cheap stamp read and a page.

// conflictIndex is the store's cached list of conflicts.
type conflictIndex struct {
	mu      sync.Mutex // held while building, so concurrent requests build once
	version string
	list    []conflictEntry
}

// conflictEntry is one conflict: two events, ordered by type and ids.
type conflictEntry struct {
	typ, a, b   string
	description string
}

func (c conflictEntry) key() []string { return []string{c.typ, c.a, c.b} }

// versionQuery reads the stamp: counts come from the count store, the last
// load time from the document_loaded index.
const versionQuery = `CALL { MATCH (d:Document) RETURN count(d) AS docs }
	CALL { MATCH (e:Entity) RETURN count(e) AS ents }
	CALL { MATCH (e:Event) RETURN count(e) AS evs }
	CALL { MATCH (c:Curation) RETURN count(c) AS curs }
	CALL { OPTIONAL MATCH (d:Document) WHERE d.loadedAt IS NOT NULL
	       RETURN toString(d.loadedAt) AS last ORDER BY d.loadedAt DESC LIMIT 1 }
	RETURN docs + '/' + ents + '/' + evs + '/' + curs + '/' + coalesce(last, '')`

// groupQuery returns the events of every key shared by events with at least
// two different dates, with their dates and source documents.
const groupQuery = `MATCH (e:Event) WHERE e.date > ''
	WITH e, COLLECT { MATCH (x:Entity)-[p:PARTICIPATED_IN]->(e) WHERE p.as IN ['agent', 'target', 'recipient']
	                  WITH x.id + ':' + p.as AS k ORDER BY k RETURN k } AS k
	WHERE size(k) > 0
	WITH e.type AS type, k, collect(e) AS evs, count(DISTINCT e.date) AS dates
	WHERE dates > 1
	RETURN type, [e IN evs | {id: e.id, date: e.date,
	  docs: COLLECT { MATCH (e)-[:SOURCED_FROM]->(d:Document) WITH DISTINCT d ORDER BY d.id RETURN {id: d.id, title: d.title} }}] AS evs`

// conflictList returns the current list of conflicts, rebuilding it when
// the graph changed since it was built.
func (s *Store) conflictList(ctx context.Context) ([]conflictEntry, error) {
	recs, err := s.read(ctx, versionQuery, nil)
	if err != nil {
		return nil, fmt.Errorf("conflicts version: %w", err)
	}
	version := str(recs[0].Values[0])
	ix := &s.conflicts
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.list != nil && ix.version == version {
		return ix.list, nil
	}
	recs, err = s.read(ctx, groupQuery, nil)
	if err != nil {
		return nil, fmt.Errorf("conflicts index: %w", err)
	}
	list := []conflictEntry{}
	for _, r := range recs {
		list = append(list, groupConflicts(str(r.Values[0]), asList(r.Values[1]))...)
	}
	slices.SortFunc(list, func(x, y conflictEntry) int { return slices.Compare(x.key(), y.key()) })
	ix.version, ix.list = version, list
	return list, nil
}

// conflictEvent is an event of a group: id, date and source documents.
type conflictEvent struct {
	id, date string
	docs     []string // ids
	titles   []string // titles, or ids where there is none
}

// groupConflicts compares the events of one group pairwise: two conflict
// when their dates disagree (neither is a prefix of the other) and the
// first (by id) is stated in a document the second is not.
func groupConflicts(typ string, evs []any) []conflictEntry {
	group := make([]conflictEvent, 0, len(evs))
	for _, x := range evs {
		m := asMap(x)
		ev := conflictEvent{id: str(m["id"]), date: str(m["date"])}
		for _, d := range asList(m["docs"]) {
			dm := asMap(d)
			ev.docs = append(ev.docs, str(dm["id"]))
			ev.titles = append(ev.titles, cmpOr(str(dm["title"]), str(dm["id"])))
		}
		group = append(group, ev)
	}
	slices.SortFunc(group, func(a, b conflictEvent) int { return strings.Compare(a.id, b.id) })
	var out []conflictEntry
	for i, a := range group {
		for _, b := range group[i+1:] {
			if strings.HasPrefix(a.date, b.date) || strings.HasPrefix(b.date, a.date) {
				continue
			}
			if !slices.ContainsFunc(a.docs, func(d string) bool { return !slices.Contains(b.docs, d) }) {
				continue
			}
			out = append(out, conflictEntry{typ: typ, a: a.id, b: b.id,
				description: fmt.Sprintf("%s dated %s by %s but %s by %s", strings.ReplaceAll(typ, "_", " "),
					a.date, strings.Join(a.titles, ", "), b.date, strings.Join(b.titles, ", "))})
		}
	}
	return out
}

func cmpOr(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// Conflicts returns a page of the pairs of events of the same type with the
// same agents, targets and recipients whose dates disagree and that are
// stated in different documents, ordered by type and event ids, with the
// events' fields that f selects. f.After is the key (type, id, id) of the
// last conflict already seen.
func (s *Store) Conflicts(ctx context.Context, f kg.ConflictFilter, inc kg.Include) (kg.Page[kg.Conflict], error) {
	list, err := s.conflictList(ctx)
	if err != nil {
		return kg.Page[kg.Conflict]{}, err
	}
	start := 0
	if len(f.After) > 0 {
		start, _ = slices.BinarySearchFunc(list, f.After, func(c conflictEntry, k []string) int {
			return slices.Compare(c.key(), k)
		})
		if start < len(list) && slices.Equal(list[start].key(), f.After) {
			start++
		}
	}
	end := min(len(list), start+f.First)
	p := kg.Page[kg.Conflict]{Total: len(list), More: end < len(list)}
	page := list[start:end]
	events := map[string]kg.Event{}
	if inc.Fields.Has("Conflict", "events") && len(page) > 0 {
		var ids []string
		for _, c := range page {
			ids = append(ids, c.a, c.b)
		}
		if events, err = s.EventsByID(ctx, ids, inc.Fields); err != nil {
			return kg.Page[kg.Conflict]{}, fmt.Errorf("conflicts: %w", err)
		}
	}
	for _, c := range page {
		cf := kg.Conflict{Field: "date", Description: c.description, Type: c.typ, EventIDs: []string{c.a, c.b}, Events: []kg.Event{}}
		for _, id := range []string{c.a, c.b} {
			if ev, ok := events[id]; ok {
				cf.Events = append(cf.Events, ev)
			}
		}
		p.Items = append(p.Items, cf)
	}
	return p, nil
}

// EventsByID returns the events with the given ids, with the fields f
// selects; missing ids are absent from the map.
func (s *Store) EventsByID(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Event, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (ev:Event {id: id}) RETURN `+eventProj("ev", f)+` AS ev`,
		map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("events by id: %w", err)
	}
	out := make(map[string]kg.Event, len(recs))
	for _, r := range recs {
		ev := toEvent(r.Values[0])
		out[ev.ID] = ev
	}
	return out, nil
}
