package config

import (
	"bytes"
	"flag"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadDefaultsEnvAndFlags(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	c, err := Load(envOf(map[string]string{"NEO4J_URI": "bolt://db:7687", "QUERY_TIMEOUT": "3s", "NEO4J_PASSWORD": "s3cret-pw"}), fs)
	if err != nil {
		t.Fatal(err)
	}
	c.ServerFlags(fs)
	if err := fs.Parse([]string{"-listen", ":9999", "-cors-origins", "http://a, http://b"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Neo4jURI != "bolt://db:7687" || c.ListenAddr != ":9999" || c.QueryTimeout != 3*time.Second || c.Neo4jUser != DefaultUser {
		t.Errorf("unexpected config %+v", c)
	}
	if len(c.CORSOrigins) != 2 || c.CORSOrigins[1] != "http://b" {
		t.Errorf("CORSOrigins = %q", c.CORSOrigins)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("config", "config", c)
	if strings.Contains(buf.String(), "s3cret-pw") {
		t.Errorf("password leaked into log: %s", buf.String())
	}
}

func TestValidateRejects(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"bad uri":     {"NEO4J_URI": "localhost"},
		"bad format":  {"LOG_FORMAT": "xml"},
		"neg timeout": {"QUERY_TIMEOUT": "-1s"},
		"bad body":    {"BODY_TIMEOUT": "soon"},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := Load(envOf(env), nil)
			if err == nil {
				err = c.Validate()
			}
			if err == nil {
				t.Error("want an error")
			}
		})
	}
}

// TestServerFlagsOnlyWhenAsked checks that Load registers only the shared
// flags: the loader's --help must not offer the server's.
func TestServerFlagsOnlyWhenAsked(t *testing.T) {
	fs := flag.NewFlagSet("loader", flag.ContinueOnError)
	c, err := Load(envOf(nil), fs)
	if err != nil {
		t.Fatal(err)
	}
	server := []string{"listen", "cors-origins", "query-timeout", "body-timeout"}
	for _, name := range server {
		if fs.Lookup(name) != nil {
			t.Errorf("Load registered the server flag -%s", name)
		}
	}
	c.ServerFlags(fs)
	for _, name := range server {
		if fs.Lookup(name) == nil {
			t.Errorf("ServerFlags did not register -%s", name)
		}
	}
}
