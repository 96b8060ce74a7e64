package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/factgraph/factgraph/config"
	"github.com/factgraph/factgraph/input"
	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/pipeline"
)

// DefaultCorpus is loaded when no path is given.
const DefaultCorpus = "data/corpus"

// errSomeFailed makes the exit status 1 after a run that went on past bad documents.
var errSomeFailed = errors.New("some documents failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Getenv, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errSomeFailed):
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "loader:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

type usageError struct{ error }

func run(ctx context.Context, getenv func(string) string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("loader", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg, err := config.Load(getenv, fs)
	if err != nil {
		return usageError{err}
	}
	jsonOut := fs.String("json", "", "write the extracted graph as JSON to `FILE` (- for stdout) instead of loading Neo4j")
	manifestPath := fs.String("manifest", "", "YAML `FILE` of per-file metadata (default: manifest.yaml beside the files)")
	lexDir := fs.String("lexicons", "", "`DIR` of extra lexicon files, appended to the built-in ones of the same names")
	force := fs.Bool("force", false, "extract and rewrite documents even when the store holds them unchanged")
	reset := fs.Bool("reset", false, "delete the whole graph before loading")
	progressMode := fs.String("progress", "auto", "progress display: auto (bar on a terminal), bar, log or none")
	workers := fs.Int("workers", 0, "extraction workers (default: number of CPUs)")
	writers := fs.Int("writers", pipeline.DefaultWriters, "batches written concurrently, each in its own transaction")
	batch := fs.Int("batch", pipeline.DefaultBatchSize, "documents written per transaction")
	retry := fs.Duration("retry-time", 3*time.Second, "how long a batch's transaction is retried before the load stops (Neo4j gone)")
	connectWait := fs.Duration("connect-timeout", 5*time.Second, "how long to retry reaching Neo4j at start-up (longer next to a booting server)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: loader [flags] [PATHS...]\n\nPATHS are files, directories or globs of %s (default %s).\n\nFlags:\n",
			strings.Join(input.Extensions, " "), DefaultCorpus)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	if err := cfg.Validate(); err != nil {
		return usageError{err}
	}
	log := cfg.Logger(stderr)
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{DefaultCorpus}
	}
	lex, err := lexicon.LoadDir(*lexDir)
	if err != nil {
		return usageError{fmt.Errorf("--lexicons: %w", err)}
	}
	var manifest *input.Manifest
	if *manifestPath != "" {
		if manifest, err = input.ReadManifest(*manifestPath); err != nil {
			return usageError{err}
		}
	}
	start := time.Now()
	src := func(ctx context.Context, emit func(kg.Document)) []error {
		return input.Each(ctx, paths, manifest, emit)
	}
	if *jsonOut != "" {
		return extractJSON(ctx, src, lex, *workers, *jsonOut, stdout, log, start)
	}

	log.Info("connecting to Neo4j", "config", cfg)
	store, err := openStore(ctx, cfg, *connectWait, *retry, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if err := store.EnsureSchema(ctx); err != nil {
		return err
	}
	if *reset {
		if err := store.Wipe(ctx); err != nil {
			return err
		}
		log.Info("graph wiped (--reset)")
	}
	p := pipeline.New(store, lex)
	p.Workers, p.Writers, p.BatchSize = *workers, *writers, *batch
	prog := newProgress(*progressMode, stderr, log)
	sum, errs := p.LoadFrom(ctx, src, *force, prog.update)
	prog.finish()
	for _, e := range errs {
		if !errors.Is(e, sum.Stopped) {
			log.Error("document failed", "error", e)
		}
	}
	return report(store, sum, errs, start, stdout)
}

// report prints the summary of a load, even one that stopped early, and
// returns the error that makes the exit status non-zero.
func report(store *neo4jstore.Store, sum pipeline.Summary, errs []error, start time.Time, stdout io.Writer) error {
	graph := ""
	if sum.Stopped == nil || !errors.Is(sum.Stopped, kg.ErrUnavailable) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if nodes, rels, err := store.Counts(ctx); err == nil {
			graph = fmt.Sprintf("; graph now has %d nodes and %d relationships", nodes, rels)
		}
	}
	fmt.Fprintf(stdout, "loaded %d documents (%d written, %d unchanged of which %d not read again, %d failed) in %.1fs (extract %.1fs, write %.1fs): +%d nodes, +%d relationships, %d replaced%s\n",
		sum.Documents, sum.Saved, sum.Unchanged, sum.Skipped, sum.Failed, time.Since(start).Seconds(),
		sum.Extract.Seconds(), sum.Write.Seconds(), sum.Nodes, sum.Rels, sum.Deleted, graph)
	switch {
	case sum.Stopped != nil && errors.Is(sum.Stopped, kg.ErrUnavailable):
		return fmt.Errorf("stopped: Neo4j is unavailable; %d documents written, %d read but not written, the rest of the input not read (what was written is complete; run the loader again once Neo4j is back): %w",
			sum.Saved, sum.Documents-sum.Saved-sum.Unchanged-sum.Failed, sum.Stopped)
	case sum.Stopped != nil:
		return fmt.Errorf("stopped before the end (%d documents written; run the loader again to finish): %w", sum.Saved, sum.Stopped)
	case len(errs) > 0:
		return errSomeFailed
	case sum.Documents == 0:
		return errors.New("no documents to load")
	}
	return nil
}

// extractJSON extracts the documents of src and writes the graph as JSON,
// without holding the documents' text or the graph: extractions wait on
// disk and the graph is streamed (pipeline.Extracted.WriteJSON).
func extractJSON(ctx context.Context, src pipeline.Source, lex *lexicon.Lexicon, workers int, path string, stdout io.Writer, log *slog.Logger, start time.Time) error {
	x, err := pipeline.ExtractFrom(ctx, src, lex, nil, workers, "")
	if err != nil {
		return err
	}
	defer x.Close()
	for _, e := range x.DocErrs {
		log.Error("skipping document", "error", e)
	}
	if x.Len() == 0 && len(x.DocErrs) == 0 {
		return errors.New("no documents to extract")
	}
	var c pipeline.GraphCounts
	err = writeOut(path, stdout, func(w io.Writer) error {
		c, err = x.WriteJSON(ctx, w, "")
		return err
	})
	if err != nil {
		return err
	}
	log.Info("extracted", "documents", c.Documents, "entities", c.Entities, "roles", c.Roles,
		"relations", c.Relations, "events", c.Events, "claims", c.Claims,
		"failed", len(x.DocErrs), "seconds", round(time.Since(start)))
	if len(x.DocErrs) > 0 {
		return errSomeFailed
	}
	return nil
}

// openStore connects, retrying for up to wait so that a loader started next
// to a booting Neo4j (docker compose gives --connect-timeout=60s) waits for
// it; by default it says within seconds that Neo4j is not there.
func openStore(ctx context.Context, cfg *config.Config, wait, retry time.Duration, log *slog.Logger) (*neo4jstore.Store, error) {
	deadline := time.Now().Add(wait)
	for pause := 500 * time.Millisecond; ; pause = min(2*pause, 8*time.Second) {
		actx, cancel := context.WithDeadline(ctx, deadline.Add(time.Second))
		s, err := neo4jstore.Open(actx, cfg.Neo4jURI, cfg.Neo4jUser, cfg.Neo4jPassword.Reveal(), cfg.Neo4jDatabase,
			neo4jstore.WithRetryTime(retry))
		cancel()
		if err == nil {
			return s, nil
		}
		if ctx.Err() != nil || !time.Now().Add(pause).Before(deadline) {
			return nil, fmt.Errorf("neo4j unreachable at %s (waited %s; is it running? scripts/neo4j-local.sh start): %w",
				cfg.Neo4jURI, wait, err)
		}
		log.Warn("Neo4j not reachable yet; retrying", "in", pause, "until", deadline.Format(time.TimeOnly), "error", err)
		select {
		case <-time.After(pause):
		case <-ctx.Done():
		}
	}
}

// writeOut calls write with stdout (path "-") or a temporary file beside
// path that replaces path once write has succeeded, so that an interrupted
// run leaves no half-written graph.
func writeOut(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" {
		return write(stdout)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after the rename, there is nothing to remove
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func round(d time.Duration) float64 { return float64(d.Round(time.Millisecond)) / float64(time.Second) }

// progress shows a bar on a terminal and log lines elsewhere.
type progress struct {
	mode  string
	w     io.Writer
	log   *slog.Logger
	start time.Time
}

func newProgress(mode string, w io.Writer, log *slog.Logger) *progress {
	if mode == "auto" {
		mode = "log"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			mode = "bar"
		}
	}
	return &progress{mode: mode, w: w, log: log, start: time.Now()}
}

func (p *progress) update(done, total int, res kg.BatchResult, err error) {
	switch p.mode {
	case "bar":
		const width = 30
		filled := width * done / max(total, 1)
		rate := float64(done) / max(time.Since(p.start).Seconds(), 0.001)
		fmt.Fprintf(p.w, "\r[%s%s] %d/%d documents  %.1f docs/s ", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, total, rate)
	case "log":
		if err != nil {
			p.log.Error("documents failed", "done", done, "total", total, "error", err)
			return
		}
		p.log.Info("batch loaded", "done", done, "total", total, "written", len(res.Saved), "unchanged", len(res.Unchanged),
			"nodes", res.Nodes, "rels", res.Rels, "replaced", res.Deleted)
	}
}

func (p *progress) finish() {
	if p.mode == "bar" {
		fmt.Fprintln(p.w)
	}
}
