// Command factgraph serves the knowledge graph over GraphQL: /graphql (GET
// and POST), a GraphiQL playground at / (its assets served from the binary,
// see web), exports and reports under /export/ and /report/ (see report), /healthz (process up) and /readyz (Neo4j reachable). Settings come from the environment and flags (see
// config). Mutations need API_TOKEN; without it the API is read-only.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	neo4jconfig "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/factgraph/factgraph/config"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/pipeline"
	"github.com/factgraph/factgraph/report"
	"github.com/factgraph/factgraph/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Getenv, os.Args[1:], os.Stdout)
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "factgraph:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done, then shuts down gracefully.
func run(ctx context.Context, getenv func(string) string, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("factgraph", flag.ContinueOnError)
	fs.SetOutput(stdout)
	cfg, err := config.Load(getenv, fs)
	if err != nil {
		return err
	}
	cfg.ServerFlags(fs)
	connectWait := fs.Duration("connect-timeout", 60*time.Second, "how long to retry reaching Neo4j at start-up")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	log := cfg.Logger(stdout)
	log.Info("starting", "config", cfg)

	driver, err := neo4j.NewDriverWithContext(cfg.Neo4jURI, neo4j.BasicAuth(cfg.Neo4jUser, cfg.Neo4jPassword.Reveal(), ""),
		func(c *neo4jconfig.Config) {
			// A server that does not answer (rather than refusing) is
			// given up quickly; a request never waits for a pooled
			// connection longer than its own timeout.
			c.SocketConnectTimeout = 2 * time.Second
			c.ConnectionAcquisitionTimeout = cfg.QueryTimeout
		})
	if err != nil {
		return fmt.Errorf("neo4j driver: %w", err)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = driver.Close(cctx)
	}()
	if err := connect(ctx, driver, *connectWait, log); err != nil {
		return err
	}
	store := neo4jstore.New(driver, cfg.Neo4jDatabase)
	if err := store.EnsureSchema(ctx); err != nil {
		return fmt.Errorf("neo4j schema: %w", err)
	}

	// Health checks: while Neo4j does not answer them, queries fail at once
	// with UNAVAILABLE instead of waiting out the driver's retries, and they
	// work again as soon as it answers, without a restart.
	// The watcher stops, and is waited for, before the driver closes (the
	// deferred calls run last to first): a ping on a closing driver races
	// with its pool.
	wctx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	defer func() {
		stopWatch()
		<-watched
	}()
	go func() {
		defer close(watched)
		store.Watch(wctx, neo4jstore.DefaultHealthInterval, func(err error) {
			if err != nil {
				log.Error("neo4j unreachable; queries answer UNAVAILABLE until it is back", "error", err)
			} else {
				log.Info("neo4j reachable again")
			}
		})
	}()

	lex, err := lexicon.Load()
	if err != nil {
		return fmt.Errorf("lexicons: %w", err)
	}
	res := &graph.Resolver{
		Store:    store,
		Ingester: pipeline.New(store, lex),
		Topics:   graph.NewTaxonomy(lex.Entries("topics")),
		Log:      log,
	}
	if cfg.APIToken == "" {
		log.Warn("API_TOKEN is not set: the API is read-only (mutations are refused)")
	}
	api := graph.NewHandler(res, graph.Options{APIToken: cfg.APIToken.Reveal(), CORSOrigins: cfg.CORSOrigins,
		Timeout: cfg.QueryTimeout, BodyTimeout: cfg.BodyTimeout, Log: log})

	mux := routes(api, store, log)
	reportRoutes(mux, report.Runner{Store: store, Topics: res.Topics}, cfg.QueryTimeout, log)

	ln, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	// Request bodies have their own deadline (BODY_TIMEOUT, in the handler).
	srv := &http.Server{Handler: logRequests(log, mux), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	log.Info("serving", "playground", "http://"+ln.Addr().String()+"/", "graphql", "http://"+ln.Addr().String()+"/graphql",
		"neo4j_browser", cfg.BrowserURL, "browser_style", ":style http://"+ln.Addr().String()+web.BrowserPath+"style.grass",
		"browser_guide", ":play http://"+ln.Addr().String()+web.BrowserPath+"guide.html")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// routes is every path the server answers: the API, the playground (page
// and embedded assets), the Neo4j Browser aids and the health checks.
func routes(api http.Handler, store *neo4jstore.Store, log *slog.Logger) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/graphql", api)
	play := web.Playground("/graphql")
	mux.Handle("GET /{$}", play)
	mux.Handle("GET "+web.AssetsPath, play)
	mux.Handle(web.BrowserPath, web.Browser())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		pctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := store.Ping(pctx); err != nil {
			log.Warn("not ready", "error", err)
			http.Error(w, "neo4j unreachable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	return mux
}

// reportRoutes adds the exports (/export/{query}.{format}) and the reports
// (/report/{query}.{md|html}).
func reportRoutes(mux *http.ServeMux, rn report.Runner, timeout time.Duration, log *slog.Logger) {
	h := report.Handler(rn, timeout, log)
	mux.Handle("GET "+report.ExportPath, h)
	mux.Handle("GET "+report.ReportPath, h)
}

// connect waits for Neo4j to answer, retrying with exponential backoff for
// up to wait.
func connect(ctx context.Context, driver neo4j.DriverWithContext, wait time.Duration, log *slog.Logger) error {
	deadline := time.Now().Add(wait)
	backoff := 250 * time.Millisecond
	for {
		vctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := driver.VerifyConnectivity(vctx)
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().Add(backoff).After(deadline) {
			return fmt.Errorf("neo4j unreachable after %s: %w", wait, err)
		}
		log.Warn("neo4j not reachable yet; retrying", "in", backoff, "error", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

// logRequests logs each request at debug level.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.Now()
		next.ServeHTTP(w, r)
		log.Debug("request", "method", r.Method, "path", r.URL.Path, "took", time.Since(t))
	})
}
