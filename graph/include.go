package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/factgraph/factgraph/kg"
)

// operationFields returns every field the operation selects, as
// "Type.field" with persons and organizations as "Entity" (see kg.Fields),
// whatever the fragments. Reads project these fields and no others.
func operationFields(oc *graphql.OperationContext) kg.Fields {
	f := kg.Fields{}
	seen := map[string]bool{}
	var walk func(set ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				if sel.ObjectDefinition != nil {
					typ := sel.ObjectDefinition.Name
					if typ == "Person" || typ == "Organization" {
						typ = "Entity"
					}
					f[typ+"."+sel.Name] = true
				}
				walk(sel.SelectionSet)
			case *ast.InlineFragment:
				walk(sel.SelectionSet)
			case *ast.FragmentSpread:
				if def := oc.Doc.Fragments.ForName(sel.Name); def != nil && !seen[sel.Name] {
					seen[sel.Name] = true
					walk(def.SelectionSet)
				}
			}
		}
	}
	if oc != nil && oc.Operation != nil {
		walk(oc.Operation.SelectionSet)
	}
	return f
}

// selectionDepth is how deep beneath a resolver's field selected() looks:
// enough for events.event.participants.entity.
const selectionDepth = 4

// selection is the set of dotted field paths selected beneath a field, such
// as "edges.node.sources.document", whatever the fragments and aliases.
type selection map[string]bool

// selected returns the fields selected beneath the resolver's field.
func selected(ctx context.Context) selection {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return selection{}
	}
	op := graphql.GetOperationContext(ctx)
	sel := selection{}
	var walk func(set ast.SelectionSet, prefix string, depth int)
	walk = func(set ast.SelectionSet, prefix string, depth int) {
		for _, f := range graphql.CollectFields(op, set, nil) {
			p := prefix + f.Name
			sel[p] = true
			if depth > 1 && len(f.Selections) > 0 {
				walk(f.Selections, p+".", depth-1)
			}
		}
	}
	walk(fc.Field.Selections, "", selectionDepth)
	return sel
}

// facts adds to inc the related nodes that the facts (events, claims or
// roles) selected at prefix ("edges.node.") need.
func (s selection) facts(inc *kg.Include, prefix string) {
	inc.Participants = inc.Participants || s[prefix+"participants.entity"]
	inc.Claimant = inc.Claimant || s[prefix+"claimant"]
	inc.About = inc.About || s[prefix+"about"]
	inc.Person = inc.Person || s[prefix+"person"]
	inc.Organization = inc.Organization || s[prefix+"organization"]
	inc.Documents = inc.Documents || s[prefix+"sources.document"]
}

// connectionInclude is what a connection field (events, claims) needs.
func connectionInclude(ctx context.Context) kg.Include {
	s := selected(ctx)
	inc := kg.Include{Total: s["totalCount"], Fields: loaders(ctx).Fields}
	s.facts(&inc, "edges.node.")
	return inc
}

// entityInclude is what an entity field (entity, person, organization)
// needs: its selected lists and what their facts need.
func entityInclude(ctx context.Context) kg.Include {
	s := selected(ctx)
	inc := kg.Include{Roles: s["roles"], Events: s["events"], ClaimsMade: s["claimsMade"], ClaimsAbout: s["claimsAbout"],
		Fields: loaders(ctx).Fields}
	s.facts(&inc, "roles.")
	s.facts(&inc, "events.event.")
	s.facts(&inc, "claimsMade.")
	s.facts(&inc, "claimsAbout.")
	return inc
}

// prime puts what a read brought along into the request's loaders, so the
// nested resolvers find it there without a fetch or a wait. rel is theirs
// after.
func prime(ctx context.Context, rel kg.Related) { loaders(ctx).PrimeRelated(rel) }

// findEntity looks an entity up by id or by name (exactly one must be
// given) with the lists the selection needs, and primes the loaders with
// the related nodes that came along.
func (r *queryResolver) findEntity(ctx context.Context, id, name *string, typ kg.EntityType) (kg.Entity, *kg.Lists, error) {
	var ref string
	switch {
	case id != nil && name != nil:
		return kg.Entity{}, nil, badInput("give id or name, not both")
	case id != nil:
		ref = *id
	case name != nil && strings.TrimSpace(*name) != "":
		ref = strings.TrimSpace(*name)
	default:
		return kg.Entity{}, nil, badInput("give an id or a name")
	}
	inc := entityInclude(ctx)
	var f kg.EntityFacts
	err := lenient(ctx, r.Store, typ, ref, func(ref string) (err error) {
		f, err = r.Store.Entity(ctx, ref, typ, inc)
		return err
	})
	if err != nil {
		return kg.Entity{}, nil, err
	}
	prime(ctx, f.Related)
	loaders(ctx).PrimeEntity(f.Entity)
	return f.Entity, &f.Lists, nil
}
