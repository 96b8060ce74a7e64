package report

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/kg"
)

// Paths under which Handler answers.
const (
	ExportPath = "/export/"
	ReportPath = "/report/"
)

// Handler serves
//
//	GET /export/{query}.{format}  the query's subgraph in an export format
//	GET /report/{query}.{md|html} the query's report
//
// with the query's parameters in the URL (e.g.
// /export/neighborhood.svg?of=Amazon&hops=1). A missing, unknown or
// malformed parameter is 400 with a message naming it; an entity, organization or
// document that does not exist is 404; Neo4j down is 503. Each request runs
// within timeout.
func Handler(rn Runner, timeout time.Duration, log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+ExportPath+"{name}", func(w http.ResponseWriter, r *http.Request) {
		serve(w, r, rn, timeout, log, exportOf)
	})
	mux.HandleFunc("GET "+ReportPath+"{name}", func(w http.ResponseWriter, r *http.Request) {
		serve(w, r, rn, timeout, log, reportOf)
	})
	return mux
}

// output renders a result in the format named by the file extension ext;
// it returns the body and its content type.
type output func(ctx context.Context, res *Result, ext string) ([]byte, string, error)

func serve(w http.ResponseWriter, r *http.Request, rn Runner, timeout time.Duration, log *slog.Logger, out output) {
	kind, ext, _ := strings.Cut(r.PathValue("name"), ".")
	if ext == "" {
		httpError(w, log, &ParamError{Msg: fmt.Sprintf("%q: name the format as an extension, e.g. %s.svg or %s.html", r.PathValue("name"), kind, kind)})
		return
	}
	q, err := Parse(kind, r.URL.Query())
	if err != nil {
		httpError(w, log, err)
		return
	}
	if _, _, err := out(r.Context(), nil, ext); err != nil {
		httpError(w, log, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	res, err := rn.Run(ctx, q)
	if err != nil {
		httpError(w, log, err)
		return
	}
	body, ctype, err := out(ctx, res, ext)
	if err != nil {
		httpError(w, log, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if ext == string(export.FormatCSV) || ext == string(export.FormatPNG) {
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, kind, ext))
	}
	_, _ = w.Write(body)
}

// exportOf renders the subgraph; with a nil result it only checks ext.
func exportOf(ctx context.Context, res *Result, ext string) ([]byte, string, error) {
	f, err := export.ParseFormat(ext)
	if err != nil {
		return nil, "", &ParamError{Param: "format", Msg: err.Error()}
	}
	if res == nil {
		return nil, "", nil
	}
	b, err := export.Render(ctx, res.Graph, f)
	return b, f.ContentType(), err
}

// reportOf renders the report as Markdown or HTML; with a nil result it
// only checks ext.
func reportOf(ctx context.Context, res *Result, ext string) ([]byte, string, error) {
	switch ext {
	case "md", "html":
	default:
		return nil, "", &ParamError{Param: "format", Msg: fmt.Sprintf("unknown report format %q (want md or html)", ext)}
	}
	if res == nil {
		return nil, "", nil
	}
	if ext == "md" {
		b, err := Markdown(res, "")
		return b, "text/markdown; charset=utf-8", err
	}
	b, err := HTML(ctx, res)
	return b, "text/html; charset=utf-8", err
}

// httpError answers err with its status and a plain-text message; internal
// errors are logged and not shown.
func httpError(w http.ResponseWriter, log *slog.Logger, err error) {
	status, msg := Status(err)
	if status == http.StatusInternalServerError && log != nil {
		log.Error("export or report failed", "error", err)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}

// Status maps an error to an HTTP status and the message a client may see.
func Status(err error) (int, string) {
	var pe *ParamError
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, pe.Error()
	case errors.Is(err, kg.ErrInvalid):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, kg.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, kg.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "database unavailable or query too slow; try again"
	}
	return http.StatusInternalServerError, "internal error"
}
