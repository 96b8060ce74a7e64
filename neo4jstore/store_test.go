package neo4jstore_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/neo4jstore"
	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

func ent(t kg.EntityType, name string, aliases ...string) kg.Entity {
	return kg.Entity{ID: kg.EntityID(t, name), Type: t, Name: name, Aliases: aliases,
		Mentions: []kg.Mention{{Text: name, Source: kg.Source{Start: 0, End: len(name)}}}}
}

func src(doc, quote string) []kg.Source {
	return []kg.Source{{Document: doc, Sentence: 0, Start: 0, End: len(quote), Quote: quote}}
}

// fixture builds a small extraction for document doc; claimText varies the
// one claim so that an "edited" document can be simulated.
func fixture(doc, claimText string) kg.Extraction {
	alice := ent(kg.Person, "Alice Example", "Example")
	acme := ent(kg.Organization, "Acme Corporation", "Acme")
	sub := ent(kg.Organization, "Acme Cloud")
	text := "Alice Example, chief executive of Acme Corporation, said " + claimText
	role := kg.Role{ID: kg.ID("rol", alice.ID, "chief executive", acme.ID, kg.Current), Person: alice.ID,
		Title: "chief executive", Organization: acme.ID, Status: kg.Current, Sources: src(doc, text)}
	ev := kg.Event{ID: kg.ID("evt", doc, "lawsuit"), Type: "lawsuit", Date: "2020-01", DatePrecision: "month",
		Participants: []kg.Participant{{Entity: acme.ID, As: "agent"}, {As: "deponent", Description: "two officials"}},
		Sources:      src(doc, text)}
	cl := kg.Claim{ID: kg.ID("clm", doc, claimText), Claimant: alice.ID, Text: claimText, Kind: kg.Quote,
		Verb: "said", Stance: kg.Alleges, Topics: []string{"bias"}, About: []string{acme.ID}, Sources: src(doc, text)}
	rel := kg.Relation{ID: kg.ID("rel", sub.ID, acme.ID), Type: "subsidiary_of", From: sub.ID, To: acme.ID, Sources: src(doc, text)}
	return kg.Extraction{
		Document: kg.Document{ID: doc, Title: "T " + doc, PublishedAt: "2020-02-10", Text: text},
		Entities: []kg.Entity{alice, acme, sub}, Roles: []kg.Role{role}, Events: []kg.Event{ev},
		Claims: []kg.Claim{cl}, Relations: []kg.Relation{rel},
	}
}

func counts(t *testing.T, s *neo4jstore.Store) [2]int64 {
	t.Helper()
	n, r, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return [2]int64{n, r}
}

func save(t *testing.T, s *neo4jstore.Store, ex kg.Extraction, force bool) kg.SaveResult {
	t.Helper()
	res, err := s.SaveExtraction(context.Background(), ex, force)
	if err != nil {
		t.Fatalf("save %s: %v", ex.Document.ID, err)
	}
	return res
}

func TestSaveIsIdempotent(t *testing.T) {
	s := dbtest.Store(t)
	first := save(t, s, fixture("d1", "the process was biased."), false)
	if first.Unchanged || first.Nodes == 0 {
		t.Fatalf("first save wrote nothing: %+v", first)
	}
	c1 := counts(t, s)
	if again := save(t, s, fixture("d1", "the process was biased."), false); !again.Unchanged {
		t.Errorf("second save of the same extraction wrote: %+v", again)
	}
	save(t, s, fixture("d1", "the process was biased."), true)
	if c2 := counts(t, s); c2 != c1 {
		t.Errorf("forced reload changed counts: %v -> %v", c1, c2)
	}
}

func TestReloadReplacesOnlyThatDocument(t *testing.T) {
	s := dbtest.Store(t)
	ctx := context.Background()
	save(t, s, fixture("d1", "the process was biased."), false)
	save(t, s, fixture("d2", "the award was unfair."), false)
	before := counts(t, s)
	save(t, s, fixture("d1", "the decision was political."), false)
	if after := counts(t, s); after != before {
		t.Errorf("replacing one claim changed counts: %v -> %v", before, after)
	}
	texts := claimTexts(t, s)
	want := map[string]bool{"the decision was political.": true, "the award was unfair.": true}
	if len(texts) != 2 || !want[texts[0]] || !want[texts[1]] {
		t.Errorf("claims after reload = %q, want the new d1 claim and the untouched d2 claim", texts)
	}
	// The shared role keeps the source of d2 when d1 is deleted.
	if err := s.DeleteDocument(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	if texts := claimTexts(t, s); len(texts) != 1 || texts[0] != "the award was unfair." {
		t.Errorf("claims after deleting d1 = %q", texts)
	}
	if err := s.DeleteDocument(ctx, "d1"); !errors.Is(err, kg.ErrNotFound) {
		t.Errorf("deleting a missing document: err = %v, want kg.ErrNotFound", err)
	}
	if err := s.DeleteDocument(ctx, "d2"); err != nil {
		t.Fatal(err)
	}
	if c := counts(t, s); c != [2]int64{0, 0} {
		t.Errorf("graph not empty after deleting every document: %v", c)
	}
}

func TestBadExtractionLeavesNothing(t *testing.T) {
	s := dbtest.Store(t)
	ex := fixture("bad", "text")
	ex.Claims[0].About = []string{"org_doesnotexist"}
	if _, err := s.SaveExtraction(context.Background(), ex, false); !errors.Is(err, kg.ErrInvalid) {
		t.Fatalf("err = %v, want kg.ErrInvalid", err)
	}
	if c := counts(t, s); c != [2]int64{0, 0} {
		t.Errorf("a failed save left %v nodes/relationships", c)
	}
}

func TestKnownEntities(t *testing.T) {
	s := dbtest.Store(t)
	save(t, s, fixture("d1", "x"), false)
	known, err := s.KnownEntities(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	names := map[string][]string{}
	for _, e := range known {
		names[e.Name] = e.Aliases
	}
	if a, ok := names["Alice Example"]; !ok || len(a) != 1 || a[0] != "Example" {
		t.Errorf("known entities = %v", names)
	}
}

func claimTexts(t *testing.T, s *neo4jstore.Store) []string {
	t.Helper()
	texts, err := s.ClaimTexts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestAliasGoesWithTheLastDocumentThatUsedIt: an entity's aliases are the
// names its documents use. Replacing or deleting a document takes away the
// names only it used, and keeps those another document still uses, without
// reading every mention of the entity. A store written before the names
// were counted gets its counts from its mentions at EnsureSchema.
func TestAliasGoesWithTheLastDocumentThatUsedIt(t *testing.T) {
	s := dbtest.Store(t)
	ctx := context.Background()
	aliases := func() []string {
		t.Helper()
		rows := dbtest.Query(t, `MATCH (e:Entity {name: 'Acme Corporation'}) RETURN e.aliases AS a`, nil)
		if len(rows) != 1 {
			t.Fatalf("Acme Corporation: %d entities", len(rows))
		}
		var out []string
		for _, a := range rows[0]["a"].([]any) {
			out = append(out, a.(string))
		}
		sort.Strings(out)
		return out
	}
	d1 := fixture("d1", "x") // Acme Corporation, alias Acme
	d2 := fixture("d2", "y")
	d2.Entities[1].Aliases = []string{"Acme Corp."}
	d3 := fixture("d3", "z")
	d3.Entities[1].Aliases = []string{"Acme Corp."}
	for _, ex := range []kg.Extraction{d1, d2, d3} {
		save(t, s, ex, false)
	}
	if got := aliases(); !slices.Equal(got, []string{"Acme", "Acme Corp."}) {
		t.Fatalf("after three documents: aliases %v", got)
	}
	// A store of an older loader: no counts. EnsureSchema counts them.
	uri, user, pw := dbtest.Config()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	if _, err := neo4j.ExecuteQuery(ctx, drv, `MATCH (e:Entity) REMOVE e.forms, e.formDocs`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithWritersRouting()); err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDocument(ctx, "d2"); err != nil {
		t.Fatal(err)
	}
	if got := aliases(); !slices.Equal(got, []string{"Acme", "Acme Corp."}) {
		t.Errorf("after deleting one of the two documents that say Acme Corp.: aliases %v", got)
	}
	// d1 is edited: it no longer says "Acme".
	d1 = fixture("d1", "x, again")
	d1.Entities[1].Aliases = nil
	save(t, s, d1, false)
	if got := aliases(); !slices.Equal(got, []string{"Acme Corp."}) {
		t.Errorf("after d1 dropped Acme: aliases %v", got)
	}
	if err := s.DeleteDocument(ctx, "d3"); err != nil {
		t.Fatal(err)
	}
	if got := aliases(); len(got) != 0 {
		t.Errorf("after the last document that said Acme Corp. went: aliases %v", got)
	}
}

// TestRelationEvidenceGoesWithItsDocument: a relation keeps one entry of
// evidence per document; deleting a document takes its entries off (found
// from the relation's ends, or, for a document stored before it listed its
// relations, from the entities it mentions) and the relation goes with its
// last document.
func TestRelationEvidenceGoesWithItsDocument(t *testing.T) {
	s := dbtest.Store(t)
	ctx := context.Background()
	evidence := func() []any {
		t.Helper()
		rows := dbtest.Query(t, `MATCH (:Entity {name: 'Acme Cloud'})-[r:SUBSIDIARY_OF]->(:Entity {name: 'Acme Corporation'}) RETURN r.docs AS docs`, nil)
		if len(rows) == 0 {
			return nil
		}
		return rows[0]["docs"].([]any)
	}
	for _, d := range []string{"d1", "d2", "d3"} {
		save(t, s, fixture(d, "x"+d), false)
	}
	if got := fmt.Sprint(evidence()); got != "[d1 d2 d3]" {
		t.Fatalf("evidence after three documents: %s", got)
	}
	// d2 as an older loader stored it, without the list of its relations.
	uri, user, pw := dbtest.Config()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	if _, err := neo4j.ExecuteQuery(ctx, drv, `MATCH (d:Document {id: 'd2'}) REMOVE d.relationKeys`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithWritersRouting()); err != nil {
		t.Fatal(err)
	}
	for i, d := range []string{"d1", "d2", "d3"} {
		if err := s.DeleteDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		want := []string{"[d2 d3]", "[d3]", "[]"}[i]
		if got := fmt.Sprint(evidence()); got != want {
			t.Errorf("evidence after deleting %s: %s, want %s", d, got, want)
		}
	}
}

// TestBatchReplacingDocumentsThatShareANameDropsIt: two documents that
// are the only ones to use a name are replaced in one batch by versions
// without it: both take it off, and the name goes.
func TestBatchReplacingDocumentsThatShareANameDropsIt(t *testing.T) {
	s := dbtest.Store(t)
	ctx := context.Background()
	var before, after []kg.Extraction
	for _, d := range []string{"d1", "d2", "d3"} {
		ex := fixture(d, "x"+d)
		if d != "d1" {
			ex.Entities[1].Aliases = []string{"Acme Corp."}
		}
		before = append(before, ex)
		ed := fixture(d, "edited "+d)
		ed.Entities[1].Aliases = nil
		after = append(after, ed)
	}
	if _, err := s.SaveBatch(ctx, before, false); err != nil {
		t.Fatal(err)
	}
	res, err := s.SaveBatch(ctx, after[1:], false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Saved) != 2 {
		t.Fatalf("replaced %v, want d2 and d3", res.Saved)
	}
	rows := dbtest.Query(t, `MATCH (e:Entity {name: 'Acme Corporation'}) RETURN e.aliases AS a, COUNT { (e)-[:MENTIONED_IN]->() } AS n`, nil)
	if len(rows) != 1 || fmt.Sprint(rows[0]["a"]) != "[Acme]" || rows[0]["n"] != int64(3) {
		t.Errorf("Acme Corporation after the batch: %v, want aliases [Acme] (d1's) and 3 documents", rows)
	}
}
