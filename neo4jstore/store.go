package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/factgraph/factgraph/kg"
)

// Store reads and writes the knowledge graph in one Neo4j database.
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	health   *health
	// conflicts is the cached conflict index (conflicts.go).
	conflicts conflictIndex
	// seeRead, when set (by tests only), is shown every read statement
	// before it runs.
	seeRead func(q string, params map[string]any)
}

// New returns a store over an open driver. The caller owns the driver.
func New(driver neo4j.DriverWithContext, database string) *Store {
	if database == "" {
		database = "neo4j"
	}
	return &Store{driver: driver, database: database, health: newHealth()}
}

// Option tunes the driver that Open creates.
type Option func(*config.Config)

// WithRetryTime bounds how long a write transaction is retried (on transient
// errors and lost connections) before it fails; the driver's default is 30 s.
// A loader gives a few seconds, so that it notices at once that Neo4j is gone.
func WithRetryTime(d time.Duration) Option {
	return func(c *config.Config) { c.MaxTransactionRetryTime = d }
}

// Open creates a driver for uri, checks that the server answers and returns
// a store that closes the driver in Close. uri may be a routing URI
// (neo4j://, neo4j+s://) for a cluster or Aura: reads go to readers, writes
// to the leader.
func Open(ctx context.Context, uri, user, password, database string, opts ...Option) (*Store, error) {
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, password, ""), func(c *config.Config) {
		for _, o := range opts {
			o(c)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j driver for %s: %w", uri, err)
	}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		_ = drv.Close(ctx)
		return nil, fmt.Errorf("connect to neo4j at %s: %w", uri, mapErr(err))
	}
	return New(drv, database), nil
}

// Close closes the driver.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// schema is applied in order by EnsureSchema; every statement is idempotent.
var schema = []string{
	"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (n:Curation) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (n:Merge) REQUIRE n.id IS UNIQUE",
	"CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
	"CREATE INDEX role_title IF NOT EXISTS FOR (n:Role) ON (n.title)",
	"CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)",
	"CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)",
	"CREATE INDEX claim_stance IF NOT EXISTS FOR (n:Claim) ON (n.stance)",
	"CREATE INDEX document_published IF NOT EXISTS FOR (n:Document) ON (n.publishedAt)",
	"CREATE INDEX document_loaded IF NOT EXISTS FOR (n:Document) ON (n.loadedAt)",
	"CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Entity|Claim) ON EACH [n.name, n.aliasText, n.text]",
}

// shortcutIndexes are the relationship indexes by which the write finds a
// shortcut (eventShortcutQuery, claimShortcutQuery, the role query): one per
// shortcut type, on its role, event or claim.
func shortcutIndexes() []string {
	var out []string
	add := func(typ, key string) {
		out = append(out, fmt.Sprintf("CREATE INDEX shortcut_%s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.%s)", strings.ToLower(typ), typ, key))
	}
	add("HOLDS_ROLE_AT", "role")
	for _, t := range shortcutTypeNames() {
		add(t, "event")
	}
	for _, t := range slices.Sorted(maps.Values(claimShortcuts)) {
		add(t, "claim")
	}
	return out
}

// EnsureSchema creates the constraints and indexes the graph needs. It is
// idempotent and waits until the indexes are online.
func (s *Store) EnsureSchema(ctx context.Context) error {
	for _, q := range append(append(slices.Clone(schema), shortcutIndexes()...), "CALL db.awaitIndexes(120)") {
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithWritersRouting()); err != nil {
			return fmt.Errorf("schema %q: %w", q, mapErr(err))
		}
	}
	return s.countForms(ctx)
}

// countForms gives the entities of a store written before the loader
// counted their names (entityQuery) those counts, from their mentions, in
// transactions of 1,000 entities; a store that has them is not touched.
func (s *Store) countForms(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, `MATCH (e:Entity) WHERE e.formDocs IS NULL
		CALL { WITH e `+recountForms+` } IN TRANSACTIONS OF 1000 ROWS`, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("count the names of stored entities: %w", mapErr(err))
	}
	return nil
}

// Counts returns the number of nodes and relationships in the database.
func (s *Store) Counts(ctx context.Context) (nodes, rels int64, err error) {
	recs, err := s.read(ctx, "CALL { MATCH (n) RETURN count(n) AS n } CALL { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n, r", nil)
	if err != nil {
		return 0, 0, err
	}
	n, _ := recs[0].Get("n")
	r, _ := recs[0].Get("r")
	return n.(int64), r.(int64), nil
}

// writeSession opens a session for managed write transactions that shares
// the driver's bookmark manager with the reads (ExecuteQuery uses it), so a
// read that follows a write in this process (ingestDocument, then a query)
// waits on a cluster until the reader it is routed to has that write.
func (s *Store) writeSession(ctx context.Context) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
}

// read runs one query in a read transaction and returns its records. While
// the last health check failed it fails at once (see health).
func (s *Store) read(ctx context.Context, q string, params map[string]any) ([]*neo4j.Record, error) {
	ctx, done, err := s.health.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	if s.seeRead != nil {
		s.seeRead(q, params)
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, s.health.fail(ctx, err)
	}
	return res.Records, nil
}

// mapErr turns driver errors into kg errors where the caller can act on them.
// A managed transaction that gave up (TransactionExecutionLimit: retry time
// or attempts exhausted, or its context done while waiting to retry) does
// not unwrap to its causes, so they are looked at one by one.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if unavailable(err) {
		return fmt.Errorf("%w: %v", kg.ErrUnavailable, err)
	}
	var tel *neo4j.TransactionExecutionLimit
	if errors.As(err, &tel) {
		for _, e := range tel.Errors {
			if unavailable(e) {
				return fmt.Errorf("%w: %v", kg.ErrUnavailable, err)
			}
		}
	}
	return err
}

// unavailable reports whether err says the server cannot be reached or
// cannot serve: connection failures, a refused login, a database offline.
func unavailable(err error) bool {
	var ce *neo4j.ConnectivityError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) || neo4j.IsUsageError(err) && errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne4 *neo4j.Neo4jError
	return errors.As(err, &ne4) && (ne4.Code == "Neo.ClientError.Security.Unauthorized" ||
		ne4.Code == "Neo.TransientError.General.DatabaseUnavailable")
}

// Wipe deletes every node and relationship, in batches. For tests and the
// loader's --reset; the schema stays.
func (s *Store) Wipe(ctx context.Context) error {
	// CALL ... IN TRANSACTIONS needs an auto-commit transaction (session.Run).
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database})
	defer sess.Close(ctx)
	// Relationships first, then the bare nodes: DETACH DELETE of a batch of
	// nodes that includes a hub holds all its relationships in one
	// transaction and runs out of transaction memory on a large graph.
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("wipe: %w", mapErr(err))
		}
	}
	return nil
}
