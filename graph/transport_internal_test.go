package graph

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

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
