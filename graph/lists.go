package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
)

// pageArgs checks first and decodes after, a cursor of list ("events/DATE_DESC":
// the list and its order, so that a cursor cannot continue another order).
func pageArgs(list string, first *int, after *string) (int, []string, error) {
	n, err := checkFirst(first)
	if err != nil {
		return 0, nil, err
	}
	key, err := model.DecodeCursor(list, deref(after), 2)
	return n, key, err
}

// pageList pages an entity's list in its order: the first items after the
// one whose id is after. No first means every item.
func pageList[T any](items []T, id func(T) string, first *int, after *string) ([]T, error) {
	if a := deref(after); a != "" {
		i := slices.IndexFunc(items, func(x T) bool { return id(x) == a })
		if i < 0 {
			return nil, badInput("after %q is not an item of the list", a)
		}
		items = items[i+1:]
	}
	if first != nil {
		n, err := checkFirst(first)
		if err != nil {
			return nil, err
		}
		items = items[:min(n, len(items))]
	}
	return items, nil
}

// The lists of an entity, paged: those fetched with it when there are,
// else through the request's loaders, which fetch every entity's list in
// one statement.

func rolesOf(ctx context.Context, e kg.Entity, l *kg.Lists, first *int, after *string) ([]model.Role, error) {
	rs := []kg.Role(nil)
	if l != nil {
		rs = l.Roles
	}
	if rs == nil {
		var err error
		if rs, err = loaders(ctx).Roles().Load(ctx, e.ID); err != nil {
			return nil, err
		}
	}
	rs, err := pageList(rs, func(r kg.Role) string { return r.ID }, first, after)
	if err != nil {
		return nil, err
	}
	return roleObjects(ctx, rs)
}

func eventsOf(ctx context.Context, e kg.Entity, l *kg.Lists, first *int, after *string) ([]kg.Participation, error) {
	ps := []kg.Participation(nil)
	if l != nil {
		ps = l.Events
	}
	if ps == nil {
		var err error
		if ps, err = loaders(ctx).Participation().Load(ctx, e.ID); err != nil {
			return nil, err
		}
	}
	return pageList(ps, func(p kg.Participation) string { return p.Event.ID }, first, after)
}

func claimsMadeBy(ctx context.Context, e kg.Entity, l *kg.Lists, first *int, after *string) ([]kg.Claim, error) {
	cs := []kg.Claim(nil)
	if l != nil {
		cs = l.ClaimsMade
	}
	if cs == nil {
		var err error
		if cs, err = loaders(ctx).ClaimsBy().Load(ctx, e.ID); err != nil {
			return nil, err
		}
	}
	return pageList(cs, claimID, first, after)
}

func claimsAbout(ctx context.Context, e kg.Entity, l *kg.Lists, first *int, after *string) ([]kg.Claim, error) {
	cs := []kg.Claim(nil)
	if l != nil {
		cs = l.ClaimsAbout
	}
	if cs == nil {
		var err error
		if cs, err = loaders(ctx).ClaimsAbout().Load(ctx, e.ID); err != nil {
			return nil, err
		}
	}
	return pageList(cs, claimID, first, after)
}

func claimID(c kg.Claim) string { return c.ID }

// sortHits orders the best hits as orderBy asks (by score, best first, by
// default); ties keep the store's order.
func sortHits(hits []kg.Hit, orderBy *model.SearchOrder) {
	if orderBy == nil || *orderBy == model.SearchOrderScoreDesc {
		return
	}
	name := func(h kg.Hit) string {
		if h.Claim != nil {
			return strings.ToLower(h.Claim.Text)
		}
		return strings.ToLower(h.Entity.Name)
	}
	slices.SortStableFunc(hits, func(a, b kg.Hit) int {
		if *orderBy == model.SearchOrderNameAsc {
			return strings.Compare(name(a), name(b))
		}
		return cmp.Compare(a.Score, b.Score)
	})
}

// documentOrder maps the API's order of documents to the store's.
func documentOrder(o model.DocumentOrder) kg.Order {
	switch o {
	case model.DocumentOrderTitleAsc:
		return kg.Order{By: "title"}
	case model.DocumentOrderTitleDesc:
		return kg.Order{By: "title", Desc: true}
	case model.DocumentOrderPublishedAtDesc:
		return kg.Order{By: "publishedAt", Desc: true}
	}
	return kg.Order{By: "publishedAt"}
}

// apiStats names event types and stances as the API's enums do (AWARD,
// ALLEGES); types the enum lacks count as OTHER.
func apiStats(st kg.Stats) *kg.Stats {
	if st.EventsByType != nil {
		var out []kg.Count
		for _, c := range st.EventsByType {
			k := string(eventType(c.Key))
			if i := slices.IndexFunc(out, func(o kg.Count) bool { return o.Key == k }); i >= 0 {
				out[i].Count += c.Count
				continue
			}
			out = append(out, kg.Count{Key: k, Count: c.Count})
		}
		slices.SortStableFunc(out, func(a, b kg.Count) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Key, b.Key)) })
		st.EventsByType = out
	}
	for i, c := range st.ClaimsByStance {
		st.ClaimsByStance[i].Key = strings.ToUpper(c.Key)
	}
	return &st
}
