// Package corpusgen generates news-like articles for load benchmarks: each
// article reports a lawsuit, bid protest, award, deposition request, recusal
// or departure between generated people and organizations, with titles,
// quotes, denials and relative dates, in the register of wire copy. Names are
// combinations of generic first names, made-up surnames and organization
// words, so the generated corpus names nobody real. Output is deterministic
// for a seed.
//
// The cast grows with the corpus, as a news archive's does: each article
// draws its companies from a window of the company list that slides one
// company every five articles, so a company is in the news for a while and
// then gives way to new ones; each company has two possible chief
// executives of its own. Only the five agencies and their forty officials
// each (each with one office) recur through the whole corpus (the
// archive's hubs). An ordinary
// entity therefore has about as many mentions at 100,000 articles as at
// 1,000, while the agencies grow with the corpus.
package corpusgen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

var (
	first = []string{"Alice", "Brian", "Carla", "David", "Elena", "Frank", "Grace", "Hector", "Irene", "James",
		"Karen", "Louis", "Maria", "Nathan", "Olivia", "Peter", "Rachel", "Samuel", "Teresa", "Victor",
		"Andrew", "Beatrice", "Colin", "Diana", "Edward", "Fiona", "George", "Helen", "Isaac", "Julia",
		"Kevin", "Laura", "Martin", "Nora", "Oscar", "Paula", "Quentin", "Rosa", "Simon", "Tanya",
		"Ursula", "Vincent", "Wendy", "Walter", "Yvonne", "Adrian", "Bianca", "Daniel", "Monica", "Thomas"}
	// Surnames are a prefix and a suffix: 40 x 30 made-up names.
	surPrefix = []string{"Ash", "Bram", "Cald", "Dal", "Elms", "Fen", "Gar", "Hal", "Ing", "Kel",
		"Lang", "Mar", "Nor", "Oak", "Pem", "Quill", "Rad", "Sel", "Thorn", "Ulver",
		"Vand", "Wex", "Yar", "Alder", "Brack", "Cran", "Dun", "Fair", "Gil", "Hart",
		"Kings", "Lock", "Mid", "Pen", "Ross", "Stan", "Tal", "Whit", "Wood", "Yel"}
	surSuffix = []string{"ford", "ley", "ton", "wood", "well", "more", "field", "by", "worth", "combe",
		"ridge", "wick", "stead", "brook", "dale", "ham", "son", "croft", "hurst", "ling",
		"man", "er", "ett", "ing", "cott", "bury", "den", "low", "mont", "shaw"}
	// Company names are a made-up head (prefix and suffix, 40 x 40) and a
	// business word.
	orgPrefix = []string{"Ash", "Birch", "Bright", "Cedar", "Clear", "Copper", "Crest", "Deep", "East", "Elm",
		"Far", "Fern", "Glen", "Grand", "Hazel", "High", "Iron", "Kestrel", "Lark", "Long",
		"Maple", "North", "Oak", "Orchid", "Pine", "Quarry", "River", "Sable", "Silver", "South",
		"Summer", "Thistle", "Upper", "Vale", "West", "Willow", "Wren", "Amber", "Bay", "Cobalt"}
	orgSuffix = []string{"wind", "field", "stone", "crest", "point", "gate", "line", "bridge", "brook", "ridge",
		"vale", "mark", "way", "light", "port", "haven", "wood", "peak", "view", "star",
		"core", "path", "spring", "water", "land", "ford", "wright", "cliff", "shore", "moor",
		"bay", "dale", "mont", "crown", "forge", "well", "hill", "grove", "mere", "top"}
	orgTail = []string{"Systems", "Logistics", "Networks", "Industries", "Analytics", "Holdings", "Dynamics", "Labs",
		"Robotics", "Materials", "Devices", "Software", "Freight", "Instruments", "Aerospace", "Technologies"}
	agency       = []string{"Department of Energy", "Department of Transportation", "General Services Administration", "Department of Veterans Affairs", "Department of Homeland Security"}
	officeTitles = []string{"procurement director", "chief contracting officer", "deputy assistant secretary", "acquisition chief"}
	titles       = []string{"chief executive", "chief financial officer", "general counsel", "president", "chief operating officer"}
	days         = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	topics       = []string{"bias", "political interference", "a conflict of interest", "bad faith", "an unfair evaluation"}
)

const (
	window           = 100 // companies in the news at any one time
	slide            = 5   // articles per company that enters the window
	officialsPerAgcy = 40
)

// person is the k-th generated person: distinct for every k below
// len(first) x len(surPrefix) x len(surSuffix) (60,000), and neighbours in
// k share neither first name nor surname.
func person(k int) string {
	n := len(surPrefix) * len(surSuffix)
	s, f := k*7%n, (k/n+k)%len(first)
	return first[f] + " " + surPrefix[s/len(surSuffix)] + surSuffix[s%len(surSuffix)]
}

// company is the k-th generated company: distinct for every k below
// 40 x 40 x 16 (25,600), and neighbours in k share no head word.
func company(k int) string {
	n := len(orgPrefix) * len(orgSuffix)
	h, t := k*7%n, (k/n+k)%len(orgTail)
	return orgPrefix[h/len(orgSuffix)] + orgSuffix[h%len(orgSuffix)] + " " + orgTail[t]
}

type article struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Publisher   string `json:"publisher"`
	PublishedAt string `json:"publishedAt"`
	Text        string `json:"text"`
}

// JSONL returns n generated articles, one JSON object per line. The first
// m articles of JSONL(n, seed) are JSONL(m, seed).
func JSONL(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	var b strings.Builder
	base := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		inNews := func() int { return i/slide + r.IntN(window) }
		pk, rk := inNews(), inNews()
		if rk == pk {
			rk++
		}
		plaintiff, rival, parent := company(pk), company(rk), company(inNews())
		ai := r.IntN(len(agency))
		ag := agency[ai]
		// The chief executives are persons 0..2*25,600; the agencies'
		// officials come after them.
		ceo := person(2*pk + r.IntN(2))
		// Each official holds one office, named in two ways.
		oi := r.IntN(officialsPerAgcy)
		official := person(2*len(orgPrefix)*len(orgSuffix)*len(orgTail) + ai*officialsPerAgcy + oi)
		defence := fmt.Sprintf("%s, who oversees procurement at the %s, said the process was conducted fairly and in accordance with applicable rules.", official, ag)
		if r.IntN(2) == 0 {
			defence = fmt.Sprintf("%s, the %s at the %s, said the process was conducted fairly and in accordance with applicable rules.", official, officeTitles[oi%len(officeTitles)], ag)
		}
		judgeDay := pick(days)
		ceoLast := ceo[strings.LastIndexByte(ceo, ' ')+1:]
		title := pick(titles)
		topic := pick(topics)
		pub := base.AddDate(0, 0, r.IntN(700))
		paras := []string{
			fmt.Sprintf("%s sued the %s on %s, saying the agency's decision to award a $%d million contract to rival %s was tainted by %s.", plaintiff, ag, judgeDay, 50+r.IntN(900), rival, topic),
			fmt.Sprintf("\u201cThe evaluation was deeply flawed and we will make our case in court,\u201d said %s, %s's %s.", ceo, plaintiff, title),
			defence,
			fmt.Sprintf("In court filings released last month, %s asked a federal judge for permission to depose %s and two other officials.", plaintiff, official),
			fmt.Sprintf("%s declined to comment. %s, a subsidiary of %s, is expected to begin work this summer.", rival, rival, parent),
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
