// Package model holds the API's value types that are not domain types of kg:
// the GraphQL wrappers of kg values, cursors, and the generated connection
// and enum types. It imports only kg; the store never imports it.
package model

import (
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/factgraph/factgraph/kg"
)

// Node is any object with a global id: *Person, *Organization, Role,
// kg.Event, kg.Claim or kg.Document.
type Node any

// Entity is *Person or *Organization.
type Entity interface{ Base() kg.Entity }

// Person is a kg.Entity of type person. Lists, when not nil, are lists
// fetched with it for the selection it answers.
type Person struct {
	kg.Entity
	Lists *kg.Lists
}

// Organization is a kg.Entity of type organization. Lists, when not nil,
// are lists fetched with it for the selection it answers.
type Organization struct {
	kg.Entity
	Lists *kg.Lists
}

// Base returns the entity.
func (p Person) Base() kg.Entity { return p.Entity }

// Base returns the entity.
func (o Organization) Base() kg.Entity { return o.Entity }

// WrapEntity returns the GraphQL object of an entity: *Person or *Organization.
func WrapEntity(e kg.Entity) Entity {
	if e.Type == kg.Person {
		return &Person{Entity: e}
	}
	return &Organization{Entity: e}
}

// Role is a kg.Role with the person and the organization it links as
// objects, filled when the operation selects them (nil otherwise;
// OrganizationNode is nil too when the role names no organization). They
// are plain fields, not field resolvers: the list that holds the role
// loads every role's entities in one batch, and GraphQL execution needs no
// resolver (no per-role goroutine, no loader call) for them.
type Role struct {
	kg.Role
	PersonNode       *Person
	OrganizationNode *Organization
}

// SearchHit is one full-text hit.
type SearchHit struct {
	Score float64
	Node  Node
}

// Topic is one topic of the taxonomy.
type Topic struct {
	Name   string
	Parent *string
}

// EventKey is the sort key of an event: its date (undated sort last as "~")
// and id.
func EventKey(e kg.Event) []string {
	d := e.Date
	if d == "" {
		d = "~"
	}
	return []string{d, e.ID}
}

// ClaimKey is the sort key of a claim: its id.
func ClaimKey(c kg.Claim) []string { return []string{c.ID} }

// DocumentKey is the sort key of a document: publication date and id.
func DocumentKey(d kg.Document) []string { return []string{d.PublishedAt, d.ID} }

// EncodeCursor encodes a list's name and an item's sort key as an opaque cursor.
func EncodeCursor(list string, key []string) string {
	b, _ := json.Marshal(append([]string{list}, key...))
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor returns the sort key in a cursor of list, which must have n
// parts; a foreign or malformed cursor is kg.ErrInvalid.
func DecodeCursor(list, cursor string, n int) ([]string, error) {
	if cursor == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	var parts []string
	if err == nil {
		err = json.Unmarshal(b, &parts)
	}
	if err != nil || len(parts) != n+1 || parts[0] != list {
		return nil, fmt.Errorf("cursor %q is not a cursor of %s: %w", cursor, list, kg.ErrInvalid)
	}
	return parts[1:], nil
}
