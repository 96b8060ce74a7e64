package graph

import (
	"bytes"
	"cmp"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vikstrous/dataloadgen"

	"github.com/factgraph/factgraph/graph/model"
	"github.com/factgraph/factgraph/kg"
)

// Limits of list sizes and query cost.
const (
	DefaultFirst  = 20
	MaxFirst      = 100
	MaxComplexity = 5000
	MaxDepth      = 12
	// ConflictsCost is the fixed price of conflicts in the complexity
	// limit, beyond its page: it reads the conflict index.
	ConflictsCost = 200
	// StatsCost is the price of each list of stats: it aggregates over
	// every node of a label.
	StatsCost    = 100
	maxBodyBytes = 8 << 20
)

// Error codes in extensions.code.
const (
	CodeBadInput        = "BAD_USER_INPUT"
	CodeNotFound        = "NOT_FOUND"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeUnavailable     = "UNAVAILABLE"
	CodeInternal        = "INTERNAL"

	// Requests refused before GraphQL runs, with a 4xx HTTP status.
	CodePayloadTooLarge      = "PAYLOAD_TOO_LARGE"      // 413
	CodeRequestTimeout       = "REQUEST_TIMEOUT"        // 408
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE" // 415
	CodeMethodNotAllowed     = "METHOD_NOT_ALLOWED"     // 405
)

// DefaultBodyTimeout bounds the time to receive a request body.
const DefaultBodyTimeout = 30 * time.Second

// errUnauthenticated refuses a mutation without a valid token.
var errUnauthenticated = errors.New("unauthenticated")

// errInternal is what a recovered panic becomes.
var errInternal = errors.New("internal error")

// Options configure the HTTP handler of the API.
type Options struct {
	APIToken    string        // bearer token for mutations; "" makes the API read-only
	CORSOrigins []string      // allowed origins; "*" allows any, "localhost" any localhost origin
	Timeout     time.Duration // per request; 0 means none
	BodyTimeout time.Duration // to receive a request body; 0 means DefaultBodyTimeout
	Log         *slog.Logger

	gqlgenLists bool // tests: marshal every list with gqlgen (no fastLists)
	gqlgenPOST  bool // tests: gqlgen's own POST transport (no fastPOST)
}

// NewHandler returns the /graphql handler (GET and POST): per-request
// loaders and timeout, bearer-token auth for mutations, CORS, complexity and
// depth limits, and an error presenter that maps kg errors to codes.
func NewHandler(r *Resolver, o Options) http.Handler {
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if r.Topics == nil {
		r.Topics = NewTaxonomy(nil)
	}
	srv := handler.New(NewExecutableSchema(newConfig(r)))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	if o.gqlgenPOST {
		srv.AddTransport(transport.POST{})
	} else {
		srv.AddTransport(fastPOST{})
	}
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.Use(depthLimit{max: MaxDepth})
	srv.SetErrorPresenter(presenter(log))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p))
		return errInternal
	})
	srv.AroundOperations(aroundOperation(r.Store, log))
	if !o.gqlgenLists {
		srv.AroundFields(fastLists)
	}
	var h http.Handler = srv
	h = authMiddleware(o.APIToken, h)
	if o.Timeout > 0 {
		h = timeoutMiddleware(o.Timeout, h)
	}
	h = requestMiddleware(maxBodyBytes, cmp.Or(o.BodyTimeout, DefaultBodyTimeout), h)
	return corsMiddleware(o.CORSOrigins, h)
}

func newConfig(r *Resolver) Config {
	c := Config{Resolvers: r}
	c.Directives.Auth = func(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
		switch authState(ctx) {
		case authOK:
			return next(ctx)
		case authDisabled:
			return nil, fmt.Errorf("%w: the API is read-only (no API token is configured on the server)", errUnauthenticated)
		default:
			return nil, fmt.Errorf("%w: this mutation needs the API token in the header Authorization: Bearer <token>", errUnauthenticated)
		}
	}
	page := func(child int, first *int) int { return child * pageSize(first) }
	c.Complexity.Query.Events = func(child int, _ *model.EventType, _, _, _, _, _ *string, _ *model.EventOrder, first *int, _ *string) int {
		return page(child, first)
	}
	c.Complexity.Query.Claims = func(child int, _ *model.Stance, _, _, _, _, _, _, _ *string, first *int, _ *string) int {
		return page(child, first)
	}
	c.Complexity.Query.Documents = func(child int, _, _, _ *string, _ *model.DocumentOrder, first *int, _ *string) int {
		return page(child, first)
	}
	c.Complexity.Query.Entities = func(child int, _ *model.EntityKind, _, _ *string, _ *model.EntityOrder, first *int, _ *string) int {
		return page(child, first)
	}
	c.Complexity.Query.Conflicts = func(child int, first *int, _ *string) int { return ConflictsCost + page(child, first) }
	c.Complexity.Query.Search = func(child int, _ string, _ []model.EntityKind, first *int, _ *model.SearchSyntax, _ *model.SearchOrder) int {
		return page(child, first)
	}
	stat := func(int) int { return StatsCost }
	c.Complexity.Stats.EventsByType, c.Complexity.Stats.ClaimsByStance = stat, stat
	c.Complexity.Stats.ClaimsByTopic, c.Complexity.Stats.EntitiesByKind = stat, stat
	nestedComplexity(&c)
	c.Complexity.Query.Neighborhood = func(child int, _ string, hops, limit *int) int {
		n := 100
		if limit != nil && *limit > 0 {
			n = *limit
		}
		return child * max(1, n/10)
	}
	c.Complexity.Query.Connections = func(child int, _, _ string, _ *int) int { return child * 10 }
	return c
}

// nestedComplexity prices an entity's lists: by their page when first is
// given, as before (one plus the children) when the whole list is asked.
func nestedComplexity(c *Config) {
	list := func(child int, first *int, _ *string) int {
		if first == nil {
			return 1 + child
		}
		return 1 + child*pageSize(first)
	}
	c.Complexity.Person.Roles, c.Complexity.Person.Events = list, list
	c.Complexity.Person.ClaimsMade, c.Complexity.Person.ClaimsAbout = list, list
	c.Complexity.Organization.Roles, c.Complexity.Organization.Events = list, list
	c.Complexity.Organization.ClaimsMade, c.Complexity.Organization.ClaimsAbout = list, list
}

// pageSize returns the page size for first: DefaultFirst when absent; values
// beyond the limits are refused by the resolvers, so cost them at MaxFirst.
func pageSize(first *int) int {
	switch {
	case first == nil:
		return DefaultFirst
	case *first < 1:
		return 1
	case *first > MaxFirst:
		return MaxFirst
	}
	return *first
}

// checkFirst validates a first argument.
func checkFirst(first *int) (int, error) {
	if first == nil {
		return DefaultFirst, nil
	}
	if *first < 1 || *first > MaxFirst {
		return 0, fmt.Errorf("first must be between 1 and %d, got %d: %w", MaxFirst, *first, kg.ErrInvalid)
	}
	return *first, nil
}

// presenter turns errors into client errors with extensions.code: kg errors
// keep their message, anything else is logged and answered as INTERNAL.
func presenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		var inner *gqlerror.Error
		if errors.As(err, &inner) && inner.Err != nil {
			err = inner.Err // the resolver's error, without location and path
		}
		set := func(code, msg string) *gqlerror.Error {
			gerr.Message = msg
			gerr.Err = nil
			errcode.Set(gerr, code)
			return gerr
		}
		switch {
		case errors.Is(err, errUnauthenticated):
			return set(CodeUnauthenticated, err.Error())
		case errors.Is(err, kg.ErrUnavailable):
			note(ctx, log, slog.LevelWarn, "database unavailable", gerr.Path.String(), "error", err)
			return set(CodeUnavailable, "the database is unavailable; try again later")
		case errors.Is(err, context.DeadlineExceeded):
			note(ctx, log, slog.LevelWarn, "query timed out", gerr.Path.String(), "error", err)
			return set(CodeUnavailable, "the query took too long and was stopped; narrow it or try again later")
		case errors.Is(err, kg.ErrNotFound), errors.Is(err, dataloadgen.ErrNotFound):
			return set(CodeNotFound, err.Error())
		case errors.Is(err, kg.ErrInvalid):
			var amb *kg.AmbiguousError
			if errors.As(err, &amb) {
				cands := make([]map[string]string, 0, len(amb.Candidates))
				for _, c := range amb.Candidates {
					cands = append(cands, map[string]string{"id": c.ID, "name": c.Name})
				}
				if gerr.Extensions == nil {
					gerr.Extensions = map[string]any{}
				}
				gerr.Extensions["candidates"] = cands
			}
			return set(CodeBadInput, err.Error())
		}
		var gq *gqlerror.Error
		if errors.As(err, &gq) && gq.Err == nil {
			// gqlgen's own error (argument coercion, validation): say what
			// is wrong as it is.
			if _, ok := gerr.Extensions["code"]; !ok {
				errcode.Set(gerr, CodeBadInput)
			}
			return gerr
		}
		note(ctx, log, slog.LevelError, "internal error", gerr.Path.String(), "error", err)
		return set(CodeInternal, "internal error")
	}
}

// depthLimit refuses operations nested deeper than max (introspection
// fields excepted).
type depthLimit struct{ max int }

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if n := depth(oc.Operation.SelectionSet, oc.Doc.Fragments, 0); n > d.max {
		err := gqlerror.Errorf("operation is nested %d levels deep, which exceeds the limit of %d", n, d.max)
		errcode.Set(err, "DEPTH_LIMIT_EXCEEDED")
		return err
	}
	return nil
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func depth(ss ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) int {
	if seen > 64 { // fragment cycles are refused by validation; be safe anyway
		return seen
	}
	deepest := 0
	for _, s := range ss {
		n := 0
		switch s := s.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			n = 1 + depth(s.SelectionSet, frags, seen+1)
		case *ast.InlineFragment:
			n = depth(s.SelectionSet, frags, seen)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				n = depth(f.SelectionSet, frags, seen+1) // seen+1 bounds cycles
			}
		}
		deepest = max(deepest, n)
	}
	return deepest
}

type authKey struct{}

type auth int

const (
	authNone     auth = iota // no or wrong token
	authOK                   // valid token
	authDisabled             // the server has no token: read-only
)

func authState(ctx context.Context) auth {
	a, _ := ctx.Value(authKey{}).(auth)
	return a
}

// authMiddleware records whether the request carries the API token.
func authMiddleware(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		state := authNone
		if token == "" {
			state = authDisabled
		} else if h := r.Header.Get("Authorization"); len(h) > 7 && strings.EqualFold(h[:7], "bearer ") &&
			subtle.ConstantTimeCompare([]byte(strings.TrimSpace(h[7:])), []byte(token)) == 1 {
			state = authOK
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), authKey{}, state)))
	})
}

func timeoutMiddleware(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requestMiddleware refuses, with a GraphQL-style JSON error and a 4xx
// status, what the GraphQL transports would refuse without a code: methods
// other than GET, POST and OPTIONS, a POST that is not application/json, a
// body over limit bytes (413) or not received within timeout (408). It
// reads the body before GraphQL runs, so a slow client cannot hold a
// request open past timeout.
func requestMiddleware(limit int64, timeout time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		case http.MethodPost:
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			requestError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed,
				fmt.Sprintf("method %s is not allowed: use GET or POST", r.Method))
			return
		}
		ct := r.Header.Get("Content-Type")
		if mt, _, _ := mime.ParseMediaType(ct); mt != "application/json" {
			got := "the request has none"
			if ct != "" {
				got = fmt.Sprintf("got %q", ct)
			}
			requestError(w, http.StatusUnsupportedMediaType, CodeUnsupportedMediaType,
				"a POST needs the header Content-Type: application/json ("+got+")")
			return
		}
		tooLarge := fmt.Sprintf("the request body is larger than the limit of %d bytes", limit)
		if r.ContentLength > limit {
			w.Header().Set("Connection", "close")
			requestError(w, http.StatusRequestEntityTooLarge, CodePayloadTooLarge, tooLarge)
			return
		}
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Now().Add(timeout)) // not supported by every writer (tests)
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		_ = rc.SetReadDeadline(time.Time{})
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			requestError(w, http.StatusRequestEntityTooLarge, CodePayloadTooLarge, tooLarge)
			return
		case errors.Is(err, os.ErrDeadlineExceeded):
			w.Header().Set("Connection", "close")
			requestError(w, http.StatusRequestTimeout, CodeRequestTimeout,
				fmt.Sprintf("the request body was not received within %s", timeout))
			return
		case err != nil:
			w.Header().Set("Connection", "close")
			requestError(w, http.StatusBadRequest, CodeBadInput, "the request body could not be read")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// requestError answers a request with one GraphQL-style error.
func requestError(w http.ResponseWriter, status int, code, msg string) {
	err := gqlerror.Errorf("%s", msg)
	errcode.Set(err, code)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": gqlerror.List{err}})
}

// LocalhostOrigins is the CORS_ORIGINS entry that allows any origin on
// localhost, 127.0.0.1 or [::1], at any port and over http or https: for
// development (make run), never the default.
const LocalhostOrigins = "localhost"

// corsMiddleware allows the configured origins ("*" for any, "localhost"
// for any localhost origin) and answers preflight requests.
func corsMiddleware(origins []string, next http.Handler) http.Handler {
	any := slices.Contains(origins, "*")
	local := slices.Contains(origins, LocalhostOrigins)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" && (any || slices.Contains(origins, origin) || local && isLocalOrigin(origin)) {
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Add("Vary", "Origin")
			h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Max-Age", "600")
			if r.Method == http.MethodOptions {
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// isLocalOrigin reports whether origin is http(s)://localhost,
// 127.0.0.1 or [::1], with any port.
func isLocalOrigin(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Path != "" || u.User != nil {
		return false
	}
	switch u.Hostname() {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}
