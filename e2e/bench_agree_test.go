package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph/neo4jstore/dbtest"
)

// TestBenchCypherAgrees checks that the hand-written Cypher of the benchmark
// answers the same question with the same data as its GraphQL query, so the
// latency ratio compares like with like.
func TestBenchCypherAgrees(t *testing.T) {
	e := setup(t)
	uri, user, pw := dbtest.Config()
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(context.Background())
	ctx := context.Background()
	params := map[string]any{"topics": e.topics.Expand("bias")}

	type src struct {
		Quote      string
		Start, End int
		Document   struct{ Title string }
	}
	type named struct{ Name string }
	// Each case flattens both answers to lines.
	cases := map[string]struct {
		api    func(t *testing.T, q string) []string
		cypher func(r *neo4j.Record) string
	}{
		"depositions": {
			api: func(t *testing.T, q string) []string {
				var r struct {
					Events struct {
						TotalCount int
						Edges      []struct {
							Node struct {
								Date         *string
								Participants []struct {
									Part   string
									Entity *named
								}
								Sources []src
							}
						}
					}
				}
				e.mustQuery(t, q, &r)
				var out []string
				for _, ed := range r.Events.Edges {
					n := ed.Node
					var ps, ss []string
					for _, p := range n.Participants {
						name := ""
						if p.Entity != nil {
							name = p.Entity.Name
						}
						ps = append(ps, p.Part+":"+name)
					}
					for _, s := range n.Sources {
						ss = append(ss, s.Quote+"@"+s.Document.Title)
					}
					out = append(out, fmt.Sprintf("%d %s | %s | %s", r.Events.TotalCount, deref(n.Date), strings.Join(ps, ", "), strings.Join(ss, ", ")))
				}
				return out
			},
			cypher: func(r *neo4j.Record) string {
				var ps, ss []string
				for _, x := range r.Values[2].([]any) {
					m := x.(map[string]any)
					name, _ := m["name"].(string)
					ps = append(ps, m["part"].(string)+":"+name)
				}
				for _, x := range r.Values[3].([]any) {
					m := x.(map[string]any)
					ss = append(ss, m["quote"].(string)+"@"+m["title"].(string))
				}
				date, _ := r.Values[1].(string)
				return fmt.Sprintf("%d %s | %s | %s", r.Values[0], date, strings.Join(ps, ", "), strings.Join(ss, ", "))
			},
		},
		"bias_claims": {
			api: func(t *testing.T, q string) []string {
				var r struct {
					Claims struct {
						Edges []struct {
							Node struct {
								Text     string
								Claimant *named
								Sources  []src
							}
						}
					}
				}
				e.mustQuery(t, q, &r)
				var out []string
				for _, ed := range r.Claims.Edges {
					n := ed.Node
					var ss []string
					for _, s := range n.Sources {
						ss = append(ss, fmt.Sprintf("%s %d-%d@%s", s.Quote, s.Start, s.End, s.Document.Title))
					}
					c := ""
					if n.Claimant != nil {
						c = n.Claimant.Name
					}
					out = append(out, n.Text+" | "+c+" | "+strings.Join(ss, ", "))
				}
				return out
			},
			cypher: func(r *neo4j.Record) string {
				var ss []string
				for _, x := range r.Values[2].([]any) {
					m := x.(map[string]any)
					ss = append(ss, fmt.Sprintf("%s %d-%d@%s", m["quote"], m["start"], m["end"], m["title"]))
				}
				c := ""
				if l := r.Values[1].([]any); len(l) > 0 {
					c = l[0].(string)
				}
				return r.Values[0].(string) + " | " + c + " | " + strings.Join(ss, ", ")
			},
		},
		"dod_roles": {
			api: func(t *testing.T, q string) []string {
				var r struct {
					Organization struct {
						Name  string
						Roles []struct {
							Title, Status string
							Person        named
						}
					}
				}
				e.mustQuery(t, q, &r)
				out := []string{r.Organization.Name}
				for _, ro := range r.Organization.Roles {
					out = append(out, ro.Title+" "+ro.Status+" "+ro.Person.Name)
				}
				return out
			},
			cypher: func(r *neo4j.Record) string {
				lines := []string{r.Values[0].(string)}
				for _, x := range r.Values[1].([]any) {
					m := x.(map[string]any)
					lines = append(lines, fmt.Sprintf("%s %s %s", m["title"], m["status"], m["person"]))
				}
				return strings.Join(lines, "\n")
			},
		},
	}
	for _, q := range benchQueries {
		c, ok := cases[q.name]
		if !ok {
			continue
		}
		t.Run(q.name, func(t *testing.T) {
			want := c.api(t, q.graphql)
			res, err := neo4j.ExecuteQuery(ctx, drv, q.cypher, params, neo4j.EagerResultTransformer)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res.Records {
				got = append(got, strings.Split(c.cypher(r), "\n")...)
			}
			if len(want) < 2 {
				t.Fatalf("API answer %q is too small to compare", want)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("API (-) vs hand-written Cypher (+):\n%s", diff)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestPeerNeighborhoodIsTheHandWrittenCypher checks that the peer's
// neighbourhood (bench/typeDefs.graphql, a @cypher field) walks exactly the
// graph the hand-written Cypher does, so that the two cannot drift apart:
// only the final projection differs (the peer returns one map).
func TestPeerNeighborhoodIsTheHandWrittenCypher(t *testing.T) {
	defs, err := os.ReadFile("../bench/typeDefs.graphql")
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	ours := squash(neighborhoodCypher("$of"))
	walk := ours[:strings.Index(ours, " RETURN [n IN ns")]
	peer := squash(string(defs))
	if !strings.Contains(peer, walk) {
		t.Errorf("the peer's neighborhood statement no longer contains the hand-written walk:\n%s", walk)
	}
}
