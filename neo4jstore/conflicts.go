package neo4jstore

import (
	"cmp"
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

// conflictIndex is the store's cached index: the groups of events that
// share a key and have at least two dates. Pairs are not stored (a group of
// n events may hold n²/2 of them); a page enumerates them in order.
type conflictIndex struct {
	mu      sync.Mutex // held while building, so concurrent requests build once
	version string
	built   bool
	groups  []conflictGroup
	groupOf map[string]int // event id -> index in groups
	total   int            // conflicting pairs in all groups
}

// conflictGroup is the events of one key, ordered by id.
type conflictGroup struct {
	typ string
	evs []conflictEvent
}

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

// conflictGroups returns the index, rebuilt when the graph changed since
// it was built.
func (s *Store) conflictGroups(ctx context.Context) (*conflictIndex, error) {
	recs, err := s.read(ctx, versionQuery, nil)
	if err != nil {
		return nil, fmt.Errorf("conflicts version: %w", err)
	}
	version := str(recs[0].Values[0])
	ix := &s.conflicts
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.built && ix.version == version {
		return ix, nil
	}
	recs, err = s.read(ctx, groupQuery, nil)
	if err != nil {
		return nil, fmt.Errorf("conflicts index: %w", err)
	}
	groups := make([]conflictGroup, 0, len(recs))
	for _, r := range recs {
		groups = append(groups, newConflictGroup(str(r.Values[0]), asList(r.Values[1])))
	}
	slices.SortFunc(groups, func(a, b conflictGroup) int {
		return cmp.Or(strings.Compare(a.typ, b.typ), strings.Compare(a.evs[0].id, b.evs[0].id))
	})
	ix.groups, ix.groupOf, ix.total = groups, map[string]int{}, 0
	for g, grp := range groups {
		for i, ev := range grp.evs {
			ix.groupOf[ev.id] = g
			for _, other := range grp.evs[i+1:] {
				if conflicting(ev, other) {
					ix.total++
				}
			}
		}
	}
	ix.version, ix.built = version, true
	return ix, nil
}

// conflictEvent is an event of a group: id, date and source documents.
type conflictEvent struct {
	id, date string
	docs     []string // ids
	titles   []string // titles, or ids where there is none
}

func newConflictGroup(typ string, evs []any) conflictGroup {
	g := conflictGroup{typ: typ, evs: make([]conflictEvent, 0, len(evs))}
	for _, x := range evs {
		m := asMap(x)
		ev := conflictEvent{id: str(m["id"]), date: str(m["date"])}
		for _, d := range asList(m["docs"]) {
			dm := asMap(d)
			ev.docs = append(ev.docs, str(dm["id"]))
			ev.titles = append(ev.titles, cmpOr(str(dm["title"]), str(dm["id"])))
		}
		g.evs = append(g.evs, ev)
	}
	slices.SortFunc(g.evs, func(a, b conflictEvent) int { return strings.Compare(a.id, b.id) })
	return g
}

// conflicting reports whether events a and b (a before b by id) of one
// group conflict: their dates disagree (neither is a prefix of the other)
// and a is stated in a document b is not.
func conflicting(a, b conflictEvent) bool {
	if strings.HasPrefix(a.date, b.date) || strings.HasPrefix(b.date, a.date) {
		return false
	}
	return slices.ContainsFunc(a.docs, func(d string) bool { return !slices.Contains(b.docs, d) })
}

// page returns up to n conflicts after the pair (after[1], after[2]) of
// type after[0] (all from the start when after is empty), and whether more
// follow.
func (ix *conflictIndex) page(after []string, n int) ([]kg.Conflict, bool) {
	g, i, j := 0, 0, 1 // the next pair to look at: group g, events i < j
	if len(after) == 3 {
		gi, ok := ix.groupOf[after[1]]
		if !ok {
			return nil, false // the event is gone since the cursor was made
		}
		evs := ix.groups[gi].evs
		i, _ = slices.BinarySearchFunc(evs, after[1], func(e conflictEvent, id string) int { return strings.Compare(e.id, id) })
		j, _ = slices.BinarySearchFunc(evs, after[2], func(e conflictEvent, id string) int { return strings.Compare(e.id, id) })
		g, j = gi, max(j, i)+1
	}
	var out []kg.Conflict
	for ; g < len(ix.groups); g, i, j = g+1, 0, 1 {
		grp := ix.groups[g]
		for ; i < len(grp.evs); i, j = i+1, i+2 {
			for ; j < len(grp.evs); j++ {
				a, b := grp.evs[i], grp.evs[j]
				if !conflicting(a, b) {
					continue
				}
				if len(out) == n {
					return out, true
				}
				out = append(out, kg.Conflict{Field: "date", Type: grp.typ, EventIDs: []string{a.id, b.id},
					Description: fmt.Sprintf("%s dated %s by %s but %s by %s", strings.ReplaceAll(grp.typ, "_", " "),
						a.date, strings.Join(a.titles, ", "), b.date, strings.Join(b.titles, ", "))})
			}
		}
	}
	return out, false
}

func cmpOr(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// Conflicts returns a page of the pairs of events of the same type with the
// same agents, targets and recipients whose dates disagree and that are
// stated in different documents, ordered by type, then by key (groups in
// the order of their first event id), then event ids; with the events'
// fields that inc selects. f.After is the key (type, id, id) of the last
// conflict already seen.
func (s *Store) Conflicts(ctx context.Context, f kg.ConflictFilter, inc kg.Include) (kg.Page[kg.Conflict], error) {
	ix, err := s.conflictGroups(ctx)
	if err != nil {
		return kg.Page[kg.Conflict]{}, err
	}
	ix.mu.Lock()
	items, more := ix.page(f.After, f.First)
	total := ix.total
	ix.mu.Unlock()
	p := kg.Page[kg.Conflict]{Total: total, More: more, Items: items}
	if !inc.Fields.Has("Conflict", "events") || len(items) == 0 {
		return p, nil
	}
	var ids []string
	for _, c := range items {
		ids = append(ids, c.EventIDs...)
	}
	events, err := s.EventsByID(ctx, ids, inc.Fields)
	if err != nil {
		return kg.Page[kg.Conflict]{}, fmt.Errorf("conflicts: %w", err)
	}
	for k, c := range p.Items {
		p.Items[k].Events = []kg.Event{}
		for _, id := range c.EventIDs {
			if ev, ok := events[id]; ok {
				p.Items[k].Events = append(p.Items[k].Events, ev)
			}
		}
	}
	return p, nil
}

// EventsByID returns the events with the given ids, with the fields f
// selects; missing ids are absent from the map.
func (s *Store) EventsByID(ctx context.Context, ids []string, f kg.Fields) (map[string]kg.Event, error) {
	recs, err := s.read(ctx, `UNWIND $ids AS id MATCH (ev:Event {id: id}) RETURN `+eventProj("ev", kg.Include{Fields: f})+` AS ev`,
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
