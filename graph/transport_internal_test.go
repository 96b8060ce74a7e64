package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestDataOnlyAsGQLGenAnswers: the response gqlgen's executor gives a
// query that succeeds is written directly, not through json.Marshal (the
// executor gives it an empty, not nil, extensions map, which omitempty
// leaves out); a response with anything but data is not.
func TestDataOnlyAsGQLGenAnswers(t *testing.T) {
	exec := executor.New(NewExecutableSchema(newConfig(&Resolver{})))
	ctx := graphql.StartOperationTrace(context.Background())
	oc, errs := exec.CreateOperationContext(ctx, &graphql.RawParams{Query: "{ __typename }"})
	if errs != nil {
		t.Fatal(errs)
	}
	ctx = graphql.WithOperationContext(ctx, oc)
	next, ctx := exec.DispatchOperation(ctx, oc)
	resp := next(ctx)
	var b bytes.Buffer
	writeResponse(&b, resp)
	if b.String() != `{"data":{"__typename":"Query"}}` {
		t.Fatalf("answer %s", b.String())
	}
	if !dataOnly(resp) {
		t.Errorf("the executor's answer %+v is not written directly", resp)
	}
	for _, r := range []*graphql.Response{
		{Data: []byte(`{}`), Extensions: map[string]any{"x": 1}},
		{Data: []byte(`{}`), Label: "l"},
		{Data: []byte(`{}`), Path: ast.Path{ast.PathName("a")}},
		{Data: []byte(`{}`), Errors: gqlerror.List{{Message: "m"}}},
		{Data: nil},
	} {
		if dataOnly(r) {
			t.Errorf("%+v counted as data only", r)
		}
	}
}

// FuzzWriteResponse: for compact data whose strings hold anything,
// writeResponse writes what json.Marshal writes.
func FuzzWriteResponse(f *testing.F) {
	for _, s := range []string{"", "plain", "AT&T <b>", "a\u2028b\u2029c", "\xe2\x80", "\xe2\x80\xa8", "é – “quoted”", "\x00\x1f\"\\", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var data bytes.Buffer
		enc := json.NewEncoder(&data)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"name": s, "list": []string{s, "x"}}); err != nil {
			t.Skip()
		}
		resp := &graphql.Response{Data: bytes.TrimSuffix(data.Bytes(), []byte("\n"))}
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		writeResponse(&got, resp)
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%q:\ngot  %s\nwant %s", s, got.Bytes(), want)
		}
	})
}
