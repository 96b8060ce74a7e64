package config

import (
	"flag"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Config is every setting of the server and the loader.
type Config struct {
	Neo4jURI      string        // NEO4J_URI, -neo4j-uri
	Neo4jUser     string        // NEO4J_USER, -neo4j-user
	Neo4jPassword Secret        // NEO4J_PASSWORD (env only: never on a command line)
	Neo4jDatabase string        // NEO4J_DATABASE, -neo4j-database
	ListenAddr    string        // LISTEN_ADDR, -listen
	APIToken      Secret        // API_TOKEN (env only); empty = read-only API
	CORSOrigins   []string      // CORS_ORIGINS, -cors-origins (comma-separated)
	QueryTimeout  time.Duration // QUERY_TIMEOUT, -query-timeout
	BodyTimeout   time.Duration // BODY_TIMEOUT, -body-timeout: to receive a request body
	LogLevel      slog.Level    // LOG_LEVEL, -log-level (debug, info, warn, error)
	LogFormat     string        // LOG_FORMAT, -log-format (text or json)
	BrowserURL    string        // NEO4J_BROWSER_URL: printed for users
}

// Defaults match the local Neo4j started by scripts/neo4j-local.sh.
const (
	DefaultURI      = "bolt://127.0.0.1:7687"
	DefaultUser     = "neo4j"
	DefaultPassword = "factgraph-local"
	DefaultDatabase = "neo4j"
	DefaultListen   = "127.0.0.1:8080"
)

// Secret is a string that prints masked.
type Secret string

// String masks the secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "****"
}

// LogValue masks the secret in slog output.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// Reveal returns the secret itself, for the one place that needs it.
func (s Secret) Reveal() string { return string(s) }

// Load reads the configuration from getenv, then registers the flags of the
// settings every command uses (Neo4j, logging) on fs so that flags parsed
// later override the environment; ServerFlags adds the server's. Call
// fs.Parse afterwards, then Validate.
func Load(getenv func(string) string, fs *flag.FlagSet) (*Config, error) {
	env := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	c := &Config{
		Neo4jURI:      env("NEO4J_URI", DefaultURI),
		Neo4jUser:     env("NEO4J_USER", DefaultUser),
		Neo4jPassword: Secret(env("NEO4J_PASSWORD", DefaultPassword)),
		Neo4jDatabase: env("NEO4J_DATABASE", DefaultDatabase),
		ListenAddr:    env("LISTEN_ADDR", DefaultListen),
		APIToken:      Secret(env("API_TOKEN", "")),
		LogFormat:     env("LOG_FORMAT", "text"),
		BrowserURL:    env("NEO4J_BROWSER_URL", "http://127.0.0.1:7474/browser/"),
	}
	if o := env("CORS_ORIGINS", ""); o != "" {
		c.CORSOrigins = splitList(o)
	}
	var err error
	if c.QueryTimeout, err = time.ParseDuration(env("QUERY_TIMEOUT", "10s")); err != nil {
		return nil, fmt.Errorf("QUERY_TIMEOUT: %w", err)
	}
	if c.BodyTimeout, err = time.ParseDuration(env("BODY_TIMEOUT", "30s")); err != nil {
		return nil, fmt.Errorf("BODY_TIMEOUT: %w", err)
	}
	if err := c.LogLevel.UnmarshalText([]byte(env("LOG_LEVEL", "info"))); err != nil {
		return nil, fmt.Errorf("LOG_LEVEL: %w", err)
	}
	if fs != nil {
		fs.StringVar(&c.Neo4jURI, "neo4j-uri", c.Neo4jURI, "Neo4j Bolt URI (env NEO4J_URI)")
		fs.StringVar(&c.Neo4jUser, "neo4j-user", c.Neo4jUser, "Neo4j user (env NEO4J_USER); the password comes from NEO4J_PASSWORD")
		fs.StringVar(&c.Neo4jDatabase, "neo4j-database", c.Neo4jDatabase, "Neo4j database (env NEO4J_DATABASE)")
		fs.TextVar(&c.LogLevel, "log-level", c.LogLevel, "log level: debug, info, warn, error (env LOG_LEVEL)")
		fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "log format: text or json (env LOG_FORMAT)")
	}
	return c, nil
}

// ServerFlags registers the flags of the API server's own settings on fs.
func (c *Config) ServerFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.ListenAddr, "listen", c.ListenAddr, "HTTP listen address (env LISTEN_ADDR)")
	fs.DurationVar(&c.QueryTimeout, "query-timeout", c.QueryTimeout, "per-request timeout (env QUERY_TIMEOUT)")
	fs.DurationVar(&c.BodyTimeout, "body-timeout", c.BodyTimeout, "time to receive a request body (env BODY_TIMEOUT)")
	fs.Func("cors-origins", "comma-separated allowed CORS origins; localhost allows any localhost origin (env CORS_ORIGINS)", func(s string) error {
		c.CORSOrigins = splitList(s)
		return nil
	})
}

// Validate reports the first unusable setting.
func (c *Config) Validate() error {
	switch {
	case !strings.Contains(c.Neo4jURI, "://"):
		return fmt.Errorf("NEO4J_URI %q: want a URI such as %s", c.Neo4jURI, DefaultURI)
	case c.Neo4jUser == "":
		return fmt.Errorf("NEO4J_USER is empty")
	case c.QueryTimeout <= 0:
		return fmt.Errorf("QUERY_TIMEOUT must be positive, got %s", c.QueryTimeout)
	case c.BodyTimeout <= 0:
		return fmt.Errorf("BODY_TIMEOUT must be positive, got %s", c.BodyTimeout)
	case c.LogFormat != "text" && c.LogFormat != "json":
		return fmt.Errorf("LOG_FORMAT %q: want text or json", c.LogFormat)
	}
	return nil
}

// Logger builds the process logger from the log settings.
func (c *Config) Logger(w interface{ Write([]byte) (int, error) }) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// LogValue lists the settings with secrets masked.
func (c *Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("neo4j_uri", c.Neo4jURI),
		slog.String("neo4j_user", c.Neo4jUser),
		slog.Any("neo4j_password", c.Neo4jPassword),
		slog.String("neo4j_database", c.Neo4jDatabase),
		slog.String("listen", c.ListenAddr),
		slog.Bool("api_token_set", c.APIToken != ""),
		slog.Any("cors_origins", c.CORSOrigins),
		slog.Duration("query_timeout", c.QueryTimeout),
		slog.Duration("body_timeout", c.BodyTimeout),
	)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
