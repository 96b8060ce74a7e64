package neo4jstore

import "context"

// ReadBookmarks returns the bookmarks that the store's reads wait for.
func (s *Store) ReadBookmarks(ctx context.Context) ([]string, error) {
	return s.driver.ExecuteQueryBookmarkManager().GetBookmarks(ctx)
}
