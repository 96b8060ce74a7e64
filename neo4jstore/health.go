package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/kg"
)

// health is what the last health check (Ping) found. While the database is
// down, reads fail at once with kg.ErrUnavailable instead of going through
// the driver's retries until their timeout; reads in flight when a check
// fails are cancelled. Only Ping changes the state, so a store whose health
// is never checked behaves as if the database were always up.
type health struct {
	mu     sync.Mutex
	down   bool
	cause  error
	downCh chan struct{} // closed when a check finds the database down
	kick   chan struct{} // asks Watch for a check now (a read failed)
}

func newHealth() *health {
	return &health{downCh: make(chan struct{}), kick: make(chan struct{}, 1)}
}

// DefaultHealthInterval is how often the server checks Neo4j's health: a
// RETURN 1 twice a second costs nothing and bounds how long the first
// queries after Neo4j dies wait before UNAVAILABLE.
const DefaultHealthInterval = 500 * time.Millisecond

// errDown is the cancellation cause of reads cut short by a failed check.
var errDown = errors.New("neo4j failed a health check")

// enter admits a read: it fails at once while the database is down, and
// otherwise returns a context that is cancelled if a check fails before the
// read is done.
func (h *health) enter(ctx context.Context) (context.Context, context.CancelFunc, error) {
	h.mu.Lock()
	down, cause, ch := h.down, h.cause, h.downCh
	h.mu.Unlock()
	if down {
		return nil, nil, fmt.Errorf("%w: neo4j did not answer the last health check: %v", kg.ErrUnavailable, cause)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	go func() {
		select {
		case <-ch:
			cancel(errDown)
		case <-ctx.Done():
		}
	}()
	return ctx, func() { cancel(nil) }, nil
}

// fail maps a read's error; a connectivity error asks for a health check.
func (h *health) fail(ctx context.Context, err error) error {
	if errors.Is(context.Cause(ctx), errDown) {
		return fmt.Errorf("%w: %v", kg.ErrUnavailable, errDown)
	}
	err = mapErr(err)
	if errors.Is(err, kg.ErrUnavailable) {
		select {
		case h.kick <- struct{}{}:
		default:
		}
	}
	return err
}

// set records the result of a check and reports whether the state changed.
func (h *health) set(err error) (changed bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	down := err != nil
	changed = down != h.down
	h.down, h.cause = down, err
	if down && changed {
		close(h.downCh)
	}
	if !down && changed {
		h.downCh = make(chan struct{})
	}
	return changed
}

// Ping checks that the database answers a query and records the result as
// the store's health: after a failed Ping reads fail at once with
// kg.ErrUnavailable until a Ping succeeds. It does not retry, so it answers
// within the driver's connect time even when the server is gone.
func (s *Store) Ping(ctx context.Context) error {
	err := s.ping(ctx)
	if err != nil && !errors.Is(err, kg.ErrUnavailable) && ctx.Err() != nil {
		// The check itself timed out: the server does not answer.
		err = fmt.Errorf("%w: %v", kg.ErrUnavailable, err)
	}
	if errors.Is(err, kg.ErrUnavailable) || err == nil {
		s.health.set(err)
	}
	return err
}

func (s *Store) ping(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "RETURN 1", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("ping: %w", mapErr(err))
	}
	return nil
}

// Watch checks the database's health (Ping) every interval, every
// interval/4 while it is down, and at once when a read fails with a
// connectivity error, until ctx is done. report, if not nil, is called when
// the health changes (err nil: back up). Reads then fail fast while the
// database is down and succeed again as soon as it is back, without a
// restart.
func (s *Store) Watch(ctx context.Context, interval time.Duration, report func(err error)) {
	if interval <= 0 {
		interval = time.Second
	}
	t := time.NewTimer(0)
	defer t.Stop()
	reported := false // down, as last reported
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.health.kick:
		}
		pctx, cancel := context.WithTimeout(ctx, max(interval, time.Second))
		err := s.Ping(pctx)
		cancel()
		if ctx.Err() != nil {
			return
		}
		s.health.mu.Lock()
		down := s.health.down
		s.health.mu.Unlock()
		if report != nil && down != reported {
			report(err)
		}
		reported = down
		next := interval
		if down {
			next = max(interval/4, 50*time.Millisecond)
		}
		if !t.Stop() {
			select {
			case <-t.C:
			default:
			}
		}
		t.Reset(next)
	}
}
