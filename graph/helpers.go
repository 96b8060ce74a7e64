package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
)

// errNoIngester answers ingestDocument when the server runs without the
// loader pipeline.
var errNoIngester = fmt.Errorf("ingestion is not available on this server: %w", kg.ErrUnavailable)

func badInput(format string, args ...any) error {
	return fmt.Errorf(format+": %w", append(args, kg.ErrInvalid)...)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// entity loads one entity by id through the request's loader.
func entity(ctx context.Context, id string) (model.Entity, error) {
	e, err := loaders(ctx).LoadEntity(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	return model.WrapEntity(e), nil
}

// entities loads entities by id through the request's loader, in order.
func entities(ctx context.Context, ids []string) ([]model.Entity, error) {
	es, err := loaders(ctx).LoadEntities(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	out := make([]model.Entity, len(es))
	for i, e := range es {
		out[i] = model.WrapEntity(e)
	}
	return out, nil
}

// roleObjects returns the API's objects of roles: each with its person and
// organization when the operation selects them. The entities come in one
// call, found among those the read of the roles brought along (primed) or
// fetched together through the loader, so a list of roles costs one batch
// and no resolver per role.
func roleObjects(ctx context.Context, rs []kg.Role) ([]model.Role, error) {
	out := make([]model.Role, len(rs))
	for i, r := range rs {
		out[i].Role = r
	}
	l := loaders(ctx)
	person, org := l.Fields.Has("Role", "person"), l.Fields.Has("Role", "organization")
	if len(rs) == 0 || !person && !org {
		return out, nil
	}
	// One allocation for the objects of each kind, not one per role; the
	// entities are set in them where they stand, not copied through a list.
	var persons []model.Person
	var orgs []model.Organization
	n := 0
	if person {
		persons = make([]model.Person, len(rs))
		n = len(rs)
	}
	if org {
		orgs = make([]model.Organization, len(rs))
		for _, r := range rs {
			if r.Organization != "" {
				n++
			}
		}
	}
	ids, dst := make([]string, 0, n), make([]*kg.Entity, 0, n)
	for i, r := range rs {
		if person {
			ids, dst = append(ids, r.Person), append(dst, &persons[i].Entity)
			out[i].PersonNode = &persons[i]
		}
		if org && r.Organization != "" {
			ids, dst = append(ids, r.Organization), append(dst, &orgs[i].Entity)
			out[i].OrganizationNode = &orgs[i]
		}
	}
	if err := l.eachEntity(ctx, ids, func(i int, e kg.Entity) { *dst[i] = e }); err != nil {
		return nil, fmt.Errorf("entities of roles: %w", err)
	}
	return out, nil
}

// searchHits wraps the store's hits as GraphQL nodes and primes the entity
// loader with the entities among them.
func searchHits(ctx context.Context, hits []kg.Hit) []model.SearchHit {
	out := make([]model.SearchHit, 0, len(hits))
	for _, h := range hits {
		switch {
		case h.Claim != nil:
			out = append(out, model.SearchHit{Score: h.Score, Node: *h.Claim})
		case h.Entity != nil:
			loaders(ctx).PrimeEntity(*h.Entity)
			out = append(out, model.SearchHit{Score: h.Score, Node: model.WrapEntity(*h.Entity)})
		}
	}
	return out
}

// eventType maps the loader's lower snake case type to the enum; unknown
// types are OTHER.
func eventType(t string) model.EventType {
	e := model.EventType(strings.ToUpper(t))
	if e.IsValid() {
		return e
	}
	return model.EventTypeOther
}

func kindLabel(k model.EntityKind) string {
	switch k {
	case model.EntityKindPerson:
		return "Person"
	case model.EntityKindOrganization:
		return "Organization"
	}
	return "Claim"
}

var datePrefix = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// checkDates validates ISO date prefixes: YYYY, YYYY-MM or YYYY-MM-DD, a
// real month and day ("2019-13" and "2019-02-30" are refused).
func checkDates(dates ...string) error {
	layouts := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
	for _, d := range dates {
		if d == "" {
			continue
		}
		if !datePrefix.MatchString(d) {
			return badInput("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
		if _, err := time.Parse(layouts[len(d)], d); err != nil {
			return badInput("date %q is not a calendar date", d)
		}
	}
	return nil
}

// pageInfo describes a page of n edges; cursor(i) is the i-th edge's cursor.
func pageInfo(after *string, more bool, n int, cursor func(int) string) *model.PageInfo {
	p := &model.PageInfo{HasNextPage: more, HasPreviousPage: after != nil && *after != ""}
	if n > 0 {
		s, e := cursor(0), cursor(n-1)
		p.StartCursor, p.EndCursor = &s, &e
	}
	return p
}

// documentInput turns the mutation input into a document; the id defaults
// to a hash of the text.
func documentInput(in model.IngestDocumentInput) (kg.Document, error) {
	if strings.TrimSpace(in.Text) == "" {
		return kg.Document{}, badInput("input.text is empty")
	}
	if err := checkDates(deref(in.PublishedAt)); err != nil {
		return kg.Document{}, err
	}
	if d := deref(in.PublishedAt); d != "" && len(d) != 10 {
		return kg.Document{}, badInput("input.publishedAt %q: want YYYY-MM-DD", d)
	}
	if err := kg.CheckURL(deref(in.URL)); err != nil {
		return kg.Document{}, fmt.Errorf("input.url: %w", err)
	}
	sum := sha256.Sum256([]byte(in.Text))
	doc := kg.Document{ID: deref(in.ID), Title: deref(in.Title), Publisher: deref(in.Publisher), URL: deref(in.URL),
		PublishedAt: deref(in.PublishedAt), SHA256: hex.EncodeToString(sum[:]), Text: in.Text}
	if doc.ID == "" {
		doc.ID = "doc_" + doc.SHA256[:16]
	}
	return doc, nil
}
