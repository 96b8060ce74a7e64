// Command factgraph exports subgraphs and writes reports from the knowledge
// graph in Neo4j, as the server's /export/ and /report/ endpoints do:
//
//	factgraph export [flags] QUERY [NAME=VALUE ...]
//	factgraph report [flags] QUERY [NAME=VALUE ...]
//
// e.g. `go run ./cmd/factgraph export -format svg -o amazon.svg neighborhood of=Amazon hops=1`
// or `go run ./cmd/factgraph report -format html -o bias.html claims topic=bias stance=alleges`.
// The connection settings are the server's (NEO4J_URI, ... and -neo4j-uri,
// see config). `factgraph export -help` lists the queries and formats.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/factgraph/factgraph/config"
	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/report"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Getenv, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "factgraph:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  factgraph export [flags] QUERY [NAME=VALUE ...]   the query's subgraph in a format
  factgraph report [flags] QUERY [NAME=VALUE ...]   the query's report, with citations

queries and their parameters:
%s
export formats: %s
report formats: md, html (md with -o also writes the graph as FILE's name + .svg beside it)

examples:
  factgraph export -format svg -o amazon.svg neighborhood of=Amazon hops=1
  factgraph export -format csv.zip -o jedi.zip document id=000
  factgraph report -format html -o bias.html claims topic=bias stance=alleges
  factgraph report roles at="Department of Defense"

flags:
`

// command is the parsed command line.
type command struct {
	verb, format, out string
	query             report.Query
	cfg               *config.Config
}

func parse(getenv func(string) string, args []string, stderr io.Writer) (command, error) {
	var c command
	if len(args) == 0 || (args[0] != "export" && args[0] != "report") {
		fmt.Fprintf(stderr, usage, report.Help(), export.FormatList())
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help") {
			return c, flag.ErrHelp
		}
		return c, errors.New("want export or report as the first argument")
	}
	c.verb = args[0]
	fs := flag.NewFlagSet("factgraph "+c.verb, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, usage, report.Help(), export.FormatList()); fs.PrintDefaults() }
	cfg, err := config.Load(getenv, fs)
	if err != nil {
		return c, err
	}
	c.cfg = cfg
	def := "svg"
	if c.verb == "report" {
		def = "md"
	}
	fs.StringVar(&c.format, "format", def, "output `format`")
	fs.StringVar(&c.out, "o", "", "write to `FILE` (default: standard output)")
	// Flags may come before and after the query's words.
	var pos []string
	rest := args[1:]
	for {
		if err := fs.Parse(rest); err != nil {
			return c, err
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		rest = rest[1:]
	}
	if len(pos) == 0 {
		fs.Usage()
		return c, errors.New("name a query, e.g. neighborhood of=Amazon")
	}
	v := url.Values{}
	for _, kv := range pos[1:] {
		k, val, ok := strings.Cut(kv, "=")
		if !ok {
			return c, fmt.Errorf("%q: want NAME=VALUE", kv)
		}
		v.Add(k, val)
	}
	if c.query, err = report.Parse(pos[0], v); err != nil {
		return c, err
	}
	return c, cfg.Validate()
}

func run(ctx context.Context, getenv func(string) string, args []string, stdout, stderr io.Writer) error {
	c, err := parse(getenv, args, stderr)
	if err != nil {
		return err
	}
	if c.verb == "export" {
		if _, err := export.ParseFormat(c.format); err != nil {
			return err
		}
	} else if c.format != "md" && c.format != "html" {
		return fmt.Errorf("report format %q: want md or html", c.format)
	}
	store, err := neo4jstore.Open(ctx, c.cfg.Neo4jURI, c.cfg.Neo4jUser, c.cfg.Neo4jPassword.Reveal(), c.cfg.Neo4jDatabase)
	if err != nil {
		return fmt.Errorf("neo4j: %w", err)
	}
	defer store.Close(context.Background())
	lex, err := lexicon.Load()
	if err != nil {
		return fmt.Errorf("lexicons: %w", err)
	}
	res, err := report.Runner{Store: store, Topics: graph.NewTaxonomy(lex.Entries("topics"))}.Run(ctx, c.query)
	if err != nil {
		return err
	}
	body, err := render(ctx, c, res)
	if err != nil {
		return err
	}
	if c.out == "" {
		_, err = stdout.Write(body)
		return err
	}
	return os.WriteFile(c.out, body, 0o644)
}

// render writes the export or the report; a Markdown report written to a
// file gets its graph as an SVG file beside it.
func render(ctx context.Context, c command, res *report.Result) ([]byte, error) {
	if c.verb == "export" {
		f, _ := export.ParseFormat(c.format)
		return export.Render(ctx, res.Graph, f)
	}
	if c.format == "html" {
		return report.HTML(ctx, res)
	}
	svgPath := ""
	if c.out != "" && len(res.Graph.Nodes) > 0 {
		svg, err := export.SVG(ctx, res.Graph)
		if err != nil {
			return nil, err
		}
		file := strings.TrimSuffix(c.out, filepath.Ext(c.out)) + ".svg"
		if err := os.WriteFile(file, svg, 0o644); err != nil {
			return nil, err
		}
		svgPath = filepath.Base(file)
	}
	return report.Markdown(res, svgPath)
}
