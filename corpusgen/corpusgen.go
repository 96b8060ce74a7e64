// Package corpusgen generates news-like articles for load benchmarks: each
// article reports a lawsuit, bid protest, award, deposition request, recusal
// or departure between generated people and organizations, with titles,
// quotes, denials and relative dates, in the register of wire copy. Names are
// random combinations of generic first names, surnames and organization
// words, so the generated corpus names nobody real. Output is deterministic
// for a seed.
package corpusgen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

var (
	first   = []string{"Alice", "Brian", "Carla", "David", "Elena", "Frank", "Grace", "Hector", "Irene", "James", "Karen", "Louis", "Maria", "Nathan", "Olivia", "Peter", "Rachel", "Samuel", "Teresa", "Victor"}
	last    = []string{"Abbott", "Barnes", "Castillo", "Dunn", "Ellison", "Fletcher", "Garner", "Holloway", "Ingram", "Jennings", "Kessler", "Lindqvist", "Moreau", "Novak", "Okafor", "Prescott", "Quinlan", "Ramirez", "Sorensen", "Thornton"}
	orgHead = []string{"Northwind", "Bluefield", "Cobalt", "Granite", "Harbor", "Ironwood", "Juniper", "Keystone", "Lakeshore", "Meridian", "Summit", "Redwood"}
	orgTail = []string{"Systems", "Logistics", "Networks", "Industries", "Analytics", "Holdings", "Dynamics", "Labs"}
	agency  = []string{"Department of Energy", "Department of Transportation", "General Services Administration", "Department of Veterans Affairs", "Department of Homeland Security"}
	titles  = []string{"chief executive", "chief financial officer", "general counsel", "president", "chief operating officer"}
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	topics  = []string{"bias", "political interference", "a conflict of interest", "bad faith", "an unfair evaluation"}
)

type article struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Publisher   string `json:"publisher"`
	PublishedAt string `json:"publishedAt"`
	Text        string `json:"text"`
}

// JSONL returns n generated articles, one JSON object per line.
func JSONL(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	person := func() string { return pick(first) + " " + pick(last) }
	org := func() string { return pick(orgHead) + " " + pick(orgTail) }
	var b strings.Builder
	base := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		plaintiff, rival, ag := org(), org(), pick(agency)
		ceo, official, judgeDay := person(), person(), pick(days)
		ceoLast := ceo[strings.LastIndexByte(ceo, ' ')+1:]
		title := pick(titles)
		topic := pick(topics)
		pub := base.AddDate(0, 0, r.IntN(700))
		paras := []string{
			fmt.Sprintf("%s sued the %s on %s, saying the agency's decision to award a $%d million contract to rival %s was tainted by %s.", plaintiff, ag, judgeDay, 50+r.IntN(900), rival, topic),
			fmt.Sprintf("\u201cThe evaluation was deeply flawed and we will make our case in court,\u201d said %s, %s's %s.", ceo, plaintiff, title),
			fmt.Sprintf("%s, who oversees procurement at the %s, said the process was conducted fairly and in accordance with applicable rules.", official, ag),
			fmt.Sprintf("In court filings released last month, %s asked a federal judge for permission to depose %s and two other officials.", plaintiff, official),
			fmt.Sprintf("%s declined to comment. %s, a subsidiary of %s, is expected to begin work this summer.", rival, rival, org()),
			fmt.Sprintf("%s has led %s since %d. Analysts said the dispute could take months to resolve.", ceoLast, plaintiff, 2010+r.IntN(9)),
		}
		a := article{ID: fmt.Sprintf("gen-%05d", i), Title: fmt.Sprintf("%s challenges %s contract award", plaintiff, ag),
			Publisher: "Generated Wire", PublishedAt: pub.Format("2006-01-02"), Text: strings.Join(paras, "\n\n") + "\n"}
		line, _ := json.Marshal(a)
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}
