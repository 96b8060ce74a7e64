package graph

import (
	"context"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/kg"
)

// rolesStore answers RolesOf and counts its calls; the rest of Store is
// unused (nil).
type rolesStore struct {
	Store
	mu    sync.Mutex
	calls int
}

func (s *rolesStore) RolesOf(_ context.Context, ids []string, _ kg.Fields) (map[string][]kg.Role, error) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	return map[string][]kg.Role{ids[0]: {{ID: "r1"}}}, nil
}

// TestLoadersMadeOnceOnFirstUse: the resolvers of one operation that
// first ask for a loader at the same time share one loader, and with it
// its cache: the store is asked once for a key.
func TestLoadersMadeOnceOnFirstUse(t *testing.T) {
	s := &rolesStore{}
	l := NewLoaders(s, nil)
	var wg sync.WaitGroup
	got := make([][]kg.Role, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rs, err := l.Roles().Load(context.Background(), "e1")
			if err != nil {
				t.Error(err)
			}
			got[i] = rs
		}()
	}
	wg.Wait()
	if s.calls != 1 {
		t.Errorf("RolesOf called %d times, want 1 (one loader, one batch)", s.calls)
	}
	for i, rs := range got {
		if len(rs) != 1 || rs[0].ID != "r1" {
			t.Errorf("load %d: %+v", i, rs)
		}
	}
	if l.Roles() != l.Roles() {
		t.Error("Roles() made a second loader")
	}
	// Unasked loaders are never made.
	if l.entity.l != nil || l.claimsBy.l != nil {
		t.Error("loaders made before first use")
	}
}
