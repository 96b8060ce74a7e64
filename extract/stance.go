package extract

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// Stance where no cue decides comes from two general sources: the opinion
// words of the claim (a published sentiment lexicon, opinion.txt) and the
// speaker's side. Marked negative opinion about an accusation (the suit,
// the allegations, the findings: accusation=1 in stance_cues.txt) rebuts
// it when the accused speaks and attacks the other side's case when an
// accuser speaks; marked negative opinion about anything
// else (someone's conduct) alleges, whoever speaks. A party the document
// shows accused (the target of a lawsuit, protest, motion, appeal or
// investigation, or what another party's allegation is about) and that
// accuses no one defends itself with marked positive opinion ("we are
// proud of our record").

// opinionThreshold is the summed valence (VADER scale, -4..+4 per word)
// from which a claim's words count as marked opinion.
const opinionThreshold = 1.5

// opinionMinWord is the least absolute valence a word needs to count: weak
// words ("number", "agree") are the noise of plain news prose.
const opinionMinWord = 1.0

// opinionNegation scales a word's valence after a negator, as VADER does.
const opinionNegation = -0.74

// negationReach is how many words before an opinion word a negator reaches.
const negationReach = 3

// accusedAs lists the event parts whose holder the event accuses.
var accusedAs = map[string]bool{"target": true, "subject": true}

// compileOpinion reads the opinion words' valences, the domain's
// corrections (opinion_domain.txt) replacing the general ones.
func compileOpinion(lex *lexicon.Lexicon) map[string]float64 {
	out := map[string]float64{}
	if lex == nil {
		return out
	}
	for _, name := range []string{"opinion", "opinion_domain"} {
		for _, e := range lex.Entries(name) {
			if v, err := strconv.ParseFloat(e.Attr("valence"), 64); err == nil {
				out[strings.ToLower(e.Phrase)] = v
			}
		}
	}
	return out
}

// valence sums the opinion of text's words, a negated word counting for
// the other side.
func (cl *claimLex) valence(text string) float64 {
	ws := wordsIn(asciiLower(text))
	sum := 0.0
	for i, w := range ws {
		v, ok := cl.opinion[w]
		if !ok || v > -opinionMinWord && v < opinionMinWord {
			continue
		}
		for j := max(0, i-negationReach); j < i; j++ {
			n := strings.ReplaceAll(ws[j], "’", "'")
			if cl.negators[n] || strings.HasSuffix(n, "n't") {
				v *= opinionNegation
				break
			}
		}
		sum += v
	}
	return sum
}

// sides returns the entities the document shows accused (targets of
// accusing and judging events) and those it shows accusing (the agents of
// accusing events).
func (d *docState) sides() (accused, accusers map[string]bool) {
	t := d.sideCounts()
	accused, accusers = make(map[string]bool, len(t.accused)), make(map[string]bool, len(t.accusers))
	for id := range t.accused {
		accused[id] = true
	}
	for id := range t.accusers {
		accusers[id] = true
	}
	return accused, accusers
}

// sideTally counts, per entity, the accusing events it is accused in and
// those it brings.
type sideTally struct{ accused, accusers map[string]int }

// sideCounts counts the accusing and judging events each entity is
// accused in (as target or subject) and the accusing events it brings (as
// agent).
func (d *docState) sideCounts() sideTally {
	t := sideTally{accused: map[string]int{}, accusers: map[string]int{}}
	ts := d.triggers()
	for _, ev := range d.Events {
		if !ts.accusing[ev.Type] && !ts.judging[ev.Type] {
			continue
		}
		for _, p := range ev.Participants {
			switch {
			case p.Entity == "":
			case accusedAs[p.As]:
				t.accused[p.Entity]++
			case p.As == "agent" && ts.accusing[ev.Type]:
				t.accusers[p.Entity]++
			}
		}
	}
	return t
}

// procedure reports whether a claim states an intention or speaks of the
// process rather than of the parties: a modal among its first words ("it
// would appeal", "a panel will be formed") or a procedural cue ("does not
// comment on pending litigation"). Such a claim takes no side by default.
func (cl *claimLex) procedure(text string) bool {
	ws := wordsIn(asciiLower(text))
	for i, w := range ws {
		if i == intentReach {
			break
		}
		if modals[strings.ReplaceAll(w, "’", "'")] {
			return true
		}
	}
	return cl.processWords(text)
}

// processWords reports whether text has words of process
// (procedural=1): "takes the findings seriously", "will review the
// decision".
func (cl *claimLex) processWords(text string) bool {
	lower := asciiLower(text)
	ws := wordSet{}.fill(lower)
	for _, p := range cl.procedural {
		if p.possible(ws) && p.match(lower) {
			return true
		}
	}
	return false
}

// intentReach is how many opening words of a claim a modal may be among to
// make it a statement of intention ("the company would appeal").
const intentReach = 4

// leavers returns the entities the document shows leaving a post or a
// case (the subjects of resignations and recusals).
func (d *docState) leavers() map[string]bool {
	out := map[string]bool{}
	for _, ev := range d.Events {
		if !d.triggers().leaving[ev.Type] {
			continue
		}
		for _, p := range ev.Participants {
			if p.Entity != "" && (p.As == "subject" || p.As == "agent") {
				out[p.Entity] = true
			}
		}
	}
	return out
}

// observers returns the persons the document quotes as outside
// commentators: holders of an observer title (a professor, an analyst).
func (d *docState) observers() map[string]bool {
	x := d.index()
	out := map[string]bool{}
	for _, r := range d.Roles {
		if x.titles[strings.ToLower(r.Title)].Observer && r.Status != kg.Former {
			out[r.Person] = true
		}
	}
	return out
}

// sideOf is an entity's side with the sides of the parties it speaks for
// (reps, from side_patterns.txt): a defendant's lawyer is on the defence.
func (d *docState) sideOf(id string, reps map[string][]string) []string {
	out := d.side(id)
	for _, p := range reps[id] {
		out = append(out, d.side(p)...)
	}
	return out
}

// side returns an entity with the organizations it holds roles at.
func (d *docState) side(id string) []string {
	out := []string{id}
	for _, r := range d.Roles {
		if r.Person == id && r.Organization != "" && r.Status != kg.Former {
			out = append(out, r.Organization)
		}
	}
	return out
}

// decision tells what settled a claim's stance before opinion is weighed.
type decision int

const (
	byNothing     decision = iota // no cue, verb or context: neutral so far
	byDefenceCues                 // defence cues alone ("followed every rule")
	byWords                       // a verb of denial, an epithet, accusation cues
)

// weighOpinion gives the claims whose cues, verb and context left neutral
// the stance of their opinion words and their speaker's side. Defence cues
// from a party that only accuses ("I followed every rule, and my crop
// died") defend the accusation, not the party: with marked negative
// opinion such a claim alleges. Last, a court's or judge's denial becomes
// neutral (a ruling), unless a party accuses it, the charge is bias, or
// the story has a judge stepping aside.
func (d *docState) weighOpinion(cl *claimLex, claims []kg.Claim, decided []decision) *stanceContext {
	sc := d.newStanceContext(cl, claims, decided)
	charged, dispute, leavers, observers, reps := sc.charged, sc.dispute, sc.leavers, sc.observers, sc.reps
	for i := range claims {
		c := &claims[i]
		if decided[i] == byWords {
			continue
		}
		v := cl.valence(c.Text)
		defends, accuses := sc.parties(d, c.Claimant)
		if decided[i] == byDefenceCues {
			if accuses && !defends && v <= -opinionThreshold {
				c.Stance = kg.Alleges
			}
			continue
		}
		switch {
		case c.Stance != kg.Neutral:
		case v <= -opinionThreshold && cl.aboutAccusation(c.Text):
			// scorn for an accusation: "the suit is a stunt" rebuts it when
			// the accused says it; an accuser scorns the other side's case
			switch {
			case defends && !accuses:
				c.Stance = kg.Denies
			case accuses && !defends:
				c.Stance = kg.Alleges
			}
		case v <= -opinionThreshold && !(observers[c.Claimant] && !defends && !accuses):
			// scorn for someone's conduct accuses them, whoever speaks
			// ("she repeatedly misled this board"), but an outside
			// commentator's opinion takes no side
			c.Stance = kg.Alleges
		case !accuses && !observers[c.Claimant] && d.saysNeverDone(c, reps, dispute && !cl.procedure(c.Text)):
			// "Acme has never shared patients' records", "I have never
			// taken anything": the canonical form of a denial
			c.Stance = kg.Denies
		case defends && !accuses && v >= opinionThreshold && !cl.processWords(c.Text):
			// praise from the accused defends it, unless it only says how
			// it takes the process ("takes the findings seriously")
			c.Stance = kg.Denies
		}
		if c.Stance == kg.Neutral && decided[i] == byNothing && dispute && !leavers[c.Claimant] && !(observers[c.Claimant] && !defends && !accuses) && !cl.procedure(c.Text) {
			c.Stance = disputePrior(defends, accuses, v)
		}
	}
	for _, c := range claims {
		if c.Stance == kg.Alleges {
			for _, a := range c.About {
				charged[a] = true // "the judge was biased": a judge whose impartiality is in question
			}
		}
	}
	if slices.ContainsFunc(d.Events, func(e kg.Event) bool { return e.Type == recusalType }) {
		return sc // a recusal story: the judges' impartiality is what is disputed
	}
	for i := range claims {
		if c := &claims[i]; c.Stance == kg.Denies && !charged[c.Claimant] && !slices.Contains(c.Topics, biasTopic) && d.adjudicator(c.Claimant) {
			// a court or judge that finds a charge unproven rules on it
			// and defends nothing, unless it is itself accused or the
			// charge is one of bias, which it then rebuts for the process
			c.Stance = kg.Neutral
		}
	}
	return sc
}

// stanceContext is what a document tells of its parties' sides, for
// weighing the stance of its claims: who is accused (charged: before the
// self-defence of denials is counted) and who accuses, how often, whether
// the story is about a dispute, who leaves a post, who comments from
// outside and whom each party speaks for.
type stanceContext struct {
	accused, accusers, charged map[string]bool
	counts                     sideTally
	dispute                    bool
	leavers, observers         map[string]bool
	reps                       map[string][]string
}

// newStanceContext gathers the sides of claims' document. Whoever denies
// in words ("X denied wrongdoing", "X rejected the findings") is defending
// itself, and so is a party that accuses no one and defends its conduct
// ("I acted in good faith"), and so is the winner of an award whose
// awarder stands accused.
func (d *docState) newStanceContext(cl *claimLex, claims []kg.Claim, decided []decision) *stanceContext {
	accused, accusers := d.sides()
	sc := &stanceContext{accused: accused, accusers: accusers, counts: d.sideCounts(), charged: maps.Clone(accused)}
	for i, c := range claims {
		if decided[i] == byWords && c.Stance == kg.Denies && cl.verbs[c.Verb].Attr("denial") != "" {
			accused[c.Claimant] = true
		}
		if decided[i] == byDefenceCues && c.Stance == kg.Denies && !accusers[c.Claimant] {
			accused[c.Claimant] = true
		}
	}
	// the winner of a disputed award (one whose awarder stands accused)
	// defends it with its awarder
	for _, ev := range d.Events {
		if ev.Type != "award" || !slices.ContainsFunc(ev.Participants, func(p kg.Participant) bool { return p.As == asAgent && sc.charged[p.Entity] }) {
			continue
		}
		for _, p := range ev.Participants {
			if p.As == "recipient" && p.Entity != "" && !accusers[p.Entity] {
				accused[p.Entity] = true
			}
		}
	}
	sc.dispute = inDispute(accused, accusers, claims, decided)
	sc.leavers, sc.observers, sc.reps = d.leavers(), d.observers(), d.speaksFor()
	return sc
}

// parties tells whether the speaker id, with the parties it speaks for,
// defends itself and whether it accuses. A party on both sides (it sues
// and is investigated, or it sues and denies in words) speaks for the
// side the story's events put it on more often. Only events count: a
// party that sues once and denies wrongdoing in words speaks as an
// accuser. Counting such a denial as an accusation faced was tried: dev2
// +0.004, blind4 -0.007.
func (sc *stanceContext) parties(d *docState, id string) (defends, accuses bool) {
	against, by := 0, 0
	for _, s := range d.sideOf(id, sc.reps) {
		defends = defends || sc.accused[s]
		accuses = accuses || sc.accusers[s]
		against += sc.counts.accused[s]
		by += sc.counts.accusers[s]
	}
	if defends && accuses && against != by {
		defends, accuses = against > by, by > against
	}
	return defends, accuses
}

// adjudicator reports whether the entity with id is a court or a judge.
func (d *docState) adjudicator(id string) bool {
	if e := d.entityByID(id); e != nil && e.Kind == "court" {
		return true
	}
	return d.isJudge(id, d.triggers())
}

// disputePrior is the stance of a claim that nothing in its words decided,
// in a document about a dispute (an accusing event, or a claim whose words
// allege or deny). A party quoted in such a story speaks to the dispute:
// the accused defends itself, an accuser accuses, and anyone else who is
// quoted without marked praise or reassurance ("we have full confidence
// in her", "honored to be selected") takes a side against someone. In the
// annotated development articles, unmarked key claims allege about three
// times as often as they are neutral.
func disputePrior(defends, accuses bool, v float64) string {
	switch {
	case defends && !accuses:
		return kg.Denies
	case accuses && !defends:
		return kg.Alleges
	case v < opinionThreshold:
		return kg.Alleges
	}
	return kg.Neutral
}

// inDispute reports whether a document is about a dispute: some party is
// accused or accuses, or some claim's own words allege or deny.
func inDispute(accused, accusers map[string]bool, claims []kg.Claim, decided []decision) bool {
	if len(accused) > 0 || len(accusers) > 0 {
		return true
	}
	for i, c := range claims {
		if decided[i] != byNothing && c.Stance != kg.Neutral {
			return true
		}
	}
	return false
}

// aboutAccusation reports whether a claim speaks of an accusation (the
// suit, the allegations, the report's findings) rather than of conduct.
func (cl *claimLex) aboutAccusation(text string) bool {
	lower := asciiLower(text)
	for _, a := range cl.accusations {
		if a.match(lower) {
			return true
		}
	}
	return false
}

// recusalType is the event type of a judge stepping aside (event_types.txt).
const recusalType = "recusal"

// biasTopic is the topic whose charges make a claim allege (topics.txt).
const biasTopic = "bias"

// chargesBias reports whether a claim's words charge bias: a charge of
// bias or a narrower topic (topics.txt charges=: "a pretext", "rigged",
// "a conflict of interest") that no negator before it in its clause
// denies ("there was no conflict of interest").
func (cl *claimLex) chargesBias(text string) bool {
	lower := asciiLower(text)
	for _, c := range cl.biasCharges {
		for _, at := range c.findAll(lower) {
			if !cl.negated(lower[:at[0]]) {
				return true
			}
		}
	}
	return false
}

// saysNeverDone reports whether claim c has its speaker say that it, or
// its own side (ownWords), never did something, in the perfect: "it has
// never sold", "Acme had never hidden", "I have never broken a rule" (not
// "had never been consulted", a complaint, nor "I had never heard of it").
// With broad (a story about a dispute, a claim about no procedure) the
// claim's opening subject and predicate may also be otherwise negated, in
// the past: "it did not break any rule", "I didn't know", "the company had
// no contact with the panel".
func (d *docState) saysNeverDone(c *kg.Claim, reps map[string][]string, broad bool) bool {
	ws := wordsIn(asciiLower(c.Text))
	var own map[string]bool // built only when a subject is to be checked
	for i := 1; i+2 < len(ws); i++ {
		perfect := (ws[i] == "has" || ws[i] == "have" || ws[i] == "had") && ws[i+1] == "never" && ws[i+2] != "been" && ws[i+2] != "heard"
		if !perfect && (!broad || i > ownSubjectReach || !negatedConduct(ws[i:], d.claimLex().notConduct)) {
			continue
		}
		if e := d.entityByID(c.Claimant); ws[i-1] == "it" && !perfect && e != nil && e.Type == kg.Person {
			continue // a person's "it" is something else
		}
		if selfPronouns[ws[i-1]] {
			return true
		}
		if own == nil {
			own = d.ownWords(c.Claimant, reps)
		}
		if own[ws[i-1]] {
			return true
		}
	}
	return false
}

// ownSubjectReach is how far into a claim its subject may stand for a
// negation other than "has never" to deny.
const ownSubjectReach = 3

// negatedConduct reports whether ws opens with a negated predicate of
// conduct: "never sold", "did not breach", "didn't know", "has not paid",
// "has no stake", but not "has not been", "had not yet", "never heard",
// "never received", nor "had no choice": the words after the negation in
// notConduct (stance_cues.txt not_conduct=1) say what befell or was
// lacking, not what was done.
func negatedConduct(ws []string, notConduct map[string]bool) bool {
	if len(ws) < 3 {
		return false
	}
	w, next := strings.ReplaceAll(ws[0], "’", "'"), ws[1]
	switch {
	case w == "never":
	case negAux[w] && (next == "not" || next == "never"):
		next = ws[2]
	case strings.HasSuffix(w, "n't") && negAux[strings.TrimSuffix(w, "n't")]:
	case (w == "has" || w == "have" || w == "had") && next == "no":
		return !notConduct[ws[2]]
	default:
		return false
	}
	return !notConduct[next]
}

// negAux are the auxiliaries a negated predicate of conduct opens with.
// The present ("it does not comment on ...") states a practice, not a
// denial.
var negAux = map[string]bool{"did": true, "has": true, "have": true, "had": true}

// ownWords is the lower-case words of the names of an entity and of those
// on its side (sideOf), and for a person the pronoun that agrees with it.
func (d *docState) ownWords(id string, reps map[string][]string) map[string]bool {
	out := map[string]bool{}
	if e := d.entityByID(id); e != nil && e.Type == kg.Person {
		// "she said she had never ...": a person's own pronoun
		for _, p := range []string{"he", "she"} {
			out[p] = d.agrees(e, p)
		}
	}
	for _, s := range d.sideOf(id, reps) {
		if e := d.entityByID(s); e != nil {
			for _, w := range wordsIn(asciiLower(e.Name)) {
				out[w] = true
			}
		}
	}
	return out
}

// selfPronouns are the pronouns by which a speaker speaks, or an
// organization is reported speaking, of itself ("he" may be anyone).
var selfPronouns = map[string]bool{"i": true, "we": true, "it": true}
