package graph

import (
	"context"
	"log/slog"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"github.com/factgraph/factgraph/kg"
)

// opLog gathers what one operation would log, so that an operation whose
// many fields fail alike (2,400 aliases of one slow field) writes one line,
// not one per field.
type opLog struct {
	mu     sync.Mutex
	level  slog.Level
	msg    string
	attrs  []any
	count  int
	paths  []string
	logger *slog.Logger
	// matches are the names resolved leniently, for extensions.resolved.
	matches []map[string]any
}

const opLogPaths = 5 // paths named in the line

type opLogKey struct{}

// note logs msg at level, or, within an operation, records it for the
// operation's one line.
func note(ctx context.Context, log *slog.Logger, level slog.Level, msg, path string, attrs ...any) {
	l, _ := ctx.Value(opLogKey{}).(*opLog)
	if l == nil {
		log.Log(ctx, level, msg, append([]any{"path", path}, attrs...)...)
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.count == 0 || level > l.level {
		l.level, l.msg, l.attrs = level, msg, attrs
	}
	l.count++
	if len(l.paths) < opLogPaths {
		l.paths = append(l.paths, path)
	}
}

// flush writes the operation's line, if anything was noted.
func (l *opLog) flush(ctx context.Context) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.count == 0 {
		return
	}
	attrs := append([]any{"errors", l.count, "paths", l.paths}, l.attrs...)
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.OperationName != "" {
		attrs = append(attrs, "operation", oc.OperationName)
	}
	l.logger.Log(ctx, l.level, l.msg, attrs...)
	l.count, l.paths = 0, nil
}

// aroundOperation gives an operation its loaders (reading the fields it
// selects) and its one log line.
func aroundOperation(s Store, log *slog.Logger) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		l := &opLog{logger: log}
		ctx = context.WithValue(ctx, opLogKey{}, l)
		ctx = WithLoaders(ctx, NewLoaders(s, operationFields(graphql.GetOperationContext(ctx))))
		h := next(ctx)
		return func(ctx context.Context) *graphql.Response {
			resp := h(ctx)
			l.flush(ctx)
			if resp != nil && len(l.matches) > 0 {
				if resp.Extensions == nil {
					resp.Extensions = map[string]any{}
				}
				resp.Extensions["resolved"] = l.matches
			}
			return resp
		}
	}
}

// noteMatch records, for extensions.resolved, that the field at ctx read
// the name m.Text as m.Entity.
func noteMatch(ctx context.Context, m kg.Match) {
	l, _ := ctx.Value(opLogKey{}).(*opLog)
	if l == nil {
		return
	}
	path := ""
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		path = fc.Path().String()
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, x := range l.matches {
		if x["path"] == path && x["text"] == m.Text {
			return
		}
	}
	l.matches = append(l.matches, map[string]any{"path": path, "text": m.Text, "id": m.Entity.ID,
		"name": m.Entity.Name, "matchedBy": string(m.By)})
}

// lenient runs call with ref; when ref names no entity, it resolves ref as
// a user-typed name (Store.Match), records the match and runs call with
// the entity's id. An ambiguous name is BAD_USER_INPUT naming the
// candidates.
func lenient(ctx context.Context, s Store, typ kg.EntityType, ref string, call func(ref string) error) error {
	err := call(ref)
	if !kg.IsNotFound(err) {
		return err
	}
	m, merr := s.Match(ctx, ref, typ)
	if merr != nil {
		return merr
	}
	if m.By != kg.MatchedExact {
		noteMatch(ctx, m)
	}
	return call(m.Entity.ID)
}
