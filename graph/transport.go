package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// fastPOST is gqlgen's POST transport with a cheaper way to write a
// successful answer. gqlgen writes every response with json.Marshal, which
// scans the whole body gqlgen has already marshalled once more (to compact
// and HTML-escape it): for a neighbourhood of a hundred nodes that was a
// tenth of the API's own time. An answer with data only, no errors or
// extensions, is written as {"data":...} directly, byte for byte what
// json.Marshal would write. Everything else (errors, other content types,
// bodies that cannot be read or decoded) goes to gqlgen's POST as it is.
type fastPOST struct{ transport.POST }

func (t fastPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		t.fallback(w, r, exec, body, err)
		return
	}
	if responseType(r) != "application/json" {
		t.fallback(w, r, exec, body, nil)
		return
	}
	ctx := r.Context()
	start := graphql.Now()
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(params) != nil {
		t.fallback(w, r, exec, body, nil)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	rc, opErr := exec.CreateOperationContext(ctx, params)
	if opErr != nil {
		t.fallback(w, r, exec, body, nil)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

// fallback hands the request to gqlgen's POST with its body as read (and
// the error that stopped the reading, if one did).
func (t fastPOST) fallback(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor, body []byte, err error) {
	var rest io.Reader = bytes.NewReader(body)
	if err != nil {
		rest = io.MultiReader(rest, errReader{err})
	}
	r.Body = io.NopCloser(rest)
	t.POST.Do(w, r, exec)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// responseType is the content type gqlgen's POST answers with (its
// default settings): application/json unless the client asks first for
// application/graphql-response+json, or for nothing it knows.
func responseType(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return "application/json"
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case "*/*", "application/*", "application/json":
			return "application/json"
		case "application/graphql-response+json":
			return mt
		}
	}
	return "application/graphql-response+json"
}

// writeResponse writes resp as json.Marshal would: directly when it holds
// data only, through json.Marshal otherwise. The data gqlgen marshalled is
// compact, so what json.Marshal would change in it is only what it
// escapes for HTML: <, > and &, and U+2028 and U+2029, which JSON has only
// inside strings, so they are escaped where they stand. The data is
// written as it lies, not copied, in runs between what is escaped.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if !dataOnly(resp) {
		b, err := json.Marshal(resp)
		if err != nil {
			// gqlgen panics here; what it marshalled itself is valid JSON
			b = []byte(`{"errors":[{"message":"internal error: the response could not be encoded","extensions":{"code":"INTERNAL"}}]}`)
		}
		_, _ = w.Write(b)
		return
	}
	_, _ = w.Write(dataOpen)
	writeEscaped(w, resp.Data)
	_, _ = w.Write(dataClose)
}

var (
	dataOpen  = []byte(`{"data":`)
	dataClose = []byte(`}`)
	// json.Marshal's escapes of <, >, &, U+2028 and U+2029
	escLT, escGT, escAmp = []byte(`\u003c`), []byte(`\u003e`), []byte(`\u0026`)
	escLS, escPS         = []byte(`\u2028`), []byte(`\u2029`)
)

// dataOnly reports whether json.Marshal writes resp as {"data":...}: every
// other field is empty, and omitempty leaves it out. gqlgen's executor
// gives every response an empty, not nil, extensions map.
func dataOnly(resp *graphql.Response) bool {
	return len(resp.Errors) == 0 && len(resp.Extensions) == 0 && resp.Label == "" && len(resp.Path) == 0 &&
		resp.HasNext == nil && len(resp.Data) > 0
}

// writeEscaped writes d with <, >, & and U+2028/U+2029 written as
// json.Marshal writes them.
func writeEscaped(w io.Writer, d []byte) {
	last := 0
	for i := 0; i < len(d); i++ {
		var esc []byte
		n := 1 // bytes escaped
		switch c := d[i]; {
		case c == '<':
			esc = escLT
		case c == '>':
			esc = escGT
		case c == '&':
			esc = escAmp
		case c == 0xE2 && i+2 < len(d) && d[i+1] == 0x80 && d[i+2] == 0xA8:
			esc, n = escLS, 3
		case c == 0xE2 && i+2 < len(d) && d[i+1] == 0x80 && d[i+2] == 0xA9:
			esc, n = escPS, 3
		default:
			continue
		}
		_, _ = w.Write(d[last:i])
		_, _ = w.Write(esc)
		i += n - 1
		last = i + 1
	}
	_, _ = w.Write(d[last:])
}
