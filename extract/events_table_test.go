package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// eventSummary renders events as "type date: part name; part name".
func eventSummary(d *docState) []string {
	n := names(d)
	var out []string
	for _, e := range d.Events {
		var ps []string
		for _, p := range e.Participants {
			who := n[p.Entity]
			if p.Entity == "" {
				who = "(" + p.Description + ")"
			}
			ps = append(ps, p.As+" "+who)
		}
		out = append(out, e.Type+" "+e.Date+": "+strings.Join(ps, "; "))
	}
	return out
}

func TestEventPatterns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"named as a defendant is no appointment",
			"Hooli Inc. sued Globex Software. Its chief executive, Jane Roe, is named as a defendant.",
			[]string{"lawsuit : agent Hooli Inc.; target Globex Software"}},
		{"named with a long name as a defendant is no appointment",
			"Hooli Inc. sued Globex Software. The lawsuit named Christopher Robinson-Smith as a defendant.",
			[]string{"lawsuit : agent Hooli Inc.; target Globex Software"}},
		{"is reviewing is no review event",
			"Hooli Inc. sued Globex Software. Globex Software said it is reviewing the complaint.",
			[]string{"lawsuit : agent Hooli Inc.; target Globex Software"}},
		{"date of the own clause only",
			"Hooli Inc. sued the Pentagon on November 8, 2019, after the agency awarded Globex Software the contract.",
			[]string{"lawsuit 2019-11-08: agent Hooli Inc.; target Department of Defense", "award : agent Department of Defense; recipient Globex Software"}},
		{"most precise date of a restated event",
			"The Pentagon awarded the contract to Globex Software in October 2019. Hooli Inc. protested. The Pentagon awarded it to Globex Software on October 25.",
			[]string{"award 2019-10-25: agent Department of Defense; recipient Globex Software", "protest 2019-10: agent Hooli Inc."}},
		{"relative clause keeps its own date",
			"Jane Park, who recused herself from the review, sued Hooli Inc. in May 2019.",
			[]string{"recusal : agent Jane Park", "lawsuit 2019-05: agent Jane Park; target Hooli Inc."}},
		{"judge by title dismissing a lawsuit rules",
			"U.S. District Judge Jane Park heard the case. Park dismissed Hooli Inc.'s lawsuit on Tuesday.",
			[]string{"court_ruling 2020-02-25: agent Jane Park", "lawsuit 2020-02-25: agent Hooli Inc."}},
		{"judge barred a party",
			"U.S. District Judge Jane Park barred Globex Software from starting work in February 2020.",
			[]string{"court_order 2020-02: agent Jane Park; target Globex Software"}},
		{"protest by X, sustained",
			"The Government Accountability Office sustained a protest by Hooli Inc. of the contract.",
			[]string{"court_ruling : agent Government Accountability Office", "protest : agent Hooli Inc."}},
		{"noun by an appositive, dismissed",
			"A separate protest by another bidder, Hooli Inc., was dismissed in August.",
			[]string{"protest 2019-08: agent Hooli Inc."}},
		{"lawsuit brought by X against Y",
			"A judge has refused to remove himself from a lawsuit brought by Hooli Inc. against Globex Software.",
			[]string{"court_ruling : agent (A judge)", "lawsuit : agent Hooli Inc.; target Globex Software"}},
		{"an organization's name modifying the noun is its agent",
			"Globex Software paid $4 million to settle a Securities and Exchange Commission investigation.",
			[]string{"settlement : agent Globex Software", "investigation : agent Securities and Exchange Commission"}},
		{"a court modifying the noun is where it happens",
			"Hooli Inc. filed a Federal Court lawsuit against Globex Software.",
			[]string{"lawsuit : agent Hooli Inc.; target Globex Software"}},
		{"a noun trigger after a modal or under a negated verb states nothing",
			"Hooli Inc. said it would appeal. Jane Park said she would not accept a settlement. Globex Software filed an appeal.",
			[]string{"appeal : agent Globex Software"}},
		{"a possessor that names no one keeps the clause subject out",
			"Jane Park said the integrity unit's investigation had been thorough. Globex Software opened its investigation in May.",
			[]string{"investigation 2019-05: agent Globex Software"}},
		{"a clause with a described subject of its own",
			"Jane Park was banned, and her longtime coach resigned hours later. Hooli Inc. sued Globex Software, and then appealed.",
			[]string{"lawsuit : agent Hooli Inc.; target Globex Software", "appeal : agent Hooli Inc."}},
		{"lawyers for a party act for it",
			"Lawyers for Hooli Inc. asked the court to compel depositions of Jane Park.",
			[]string{"motion : agent Hooli Inc.", "deposition_request : agent Hooli Inc.; deponent Jane Park"}},
		{"a plural possessive's lawyers act for it",
			"Hooli Partners sued the city. Hooli Partners' lawyers asked the court for permission to depose Jane Park.",
			[]string{"lawsuit : agent Hooli Partners", "motion : agent Hooli Partners", "deposition_request : agent Hooli Partners; deponent Jane Park"}},
		{"participle phrase after a comma",
			"The lawsuit, filed in 2023 by Hooli Inc. and others, alleges fraud.",
			[]string{"lawsuit 2023: agent Hooli Inc."}},
		{"appositive is not the subject",
			"Jane Park, a co-founder and longtime Hooli ally, resigned as a director.",
			[]string{"resignation : agent Jane Park"}},
		{"named across an appositive",
			"Globex Software named Jane Park, its chief operating officer, as interim CEO.",
			[]string{"appointment : agent Globex Software; subject Jane Park"}},
		{"was named",
			"Globex Software grew. Jane Park was named interim CEO.",
			[]string{"appointment : subject Jane Park"}},
		{"told X to",
			"The book said Henry Moss told Jane Park in 2018 to drop the plan. Jane Park told reporters she planned to leave.",
			[]string{"directive 2018: agent Henry Moss; recipient Jane Park"}},
		{"and asked after a that clause",
			"Globex Software lawyers told the court that the case was moot and asked Judge Jane Park to dismiss it.",
			[]string{"motion : agent Globex Software; target Jane Park"}},
		{"challenge in a court",
			"Hooli Inc. lost its challenge in the Court of Federal Claims. Globex Software called it a challenge.",
			[]string{"lawsuit : agent Hooli Inc."}},
		{"summoned to testify or for questioning is a deposition request",
			"Hooli Inc. voted to summon Jane Park, its former auditor, to testify. Globex Software asked the judge to summon Henry Moss for questioning.",
			[]string{"deposition_request : agent Hooli Inc.; deponent Jane Park", "motion : agent Globex Software", "deposition_request : agent Globex Software; deponent Henry Moss"}},
		{"authorities freeze assets, refuse licences and arrest",
			"Globex Software froze the bank accounts of Hooli Inc. The Securities Commission refused Hooli Inc. a licence. The police arrested Jane Park and Henry Moss.",
			[]string{"directive : agent Globex Software", "directive : agent Securities Commission; target Hooli Inc.", "investigation : target Jane Park; target Henry Moss"}},
		{"a grievance is a complaint; taking over a post is an appointment",
			"Jane Park lodged a personal grievance against Hooli Inc. on Monday. Henry Moss took over as chief executive.",
			[]string{"lawsuit 2020-02-24: agent Jane Park; target Hooli Inc.", "appointment 2020-02-24: subject Henry Moss"}},
		{"question under oath is a deposition request",
			"Hooli Inc. sought to question Jane Park and former chief executive Henry Moss under oath. Globex Software did not question the plan.",
			[]string{"deposition_request : agent Hooli Inc.; deponent Jane Park; deponent Henry Moss"}},
		{"audit by X",
			"The complaint cites a 2019 audit by the Federal Trade Commission.",
			[]string{"review 2019: agent Federal Trade Commission"}},
		{"review by a party's unnamed office",
			"A review by the Pentagon's inspector general found no evidence of pressure.",
			[]string{"review : agent Department of Defense"}},
		{"review of another party's conduct is an investigation",
			"The Federal Trade Commission opened its own review of Hooli Inc.'s reporting.",
			[]string{"investigation : agent Federal Trade Commission; subject Hooli Inc."}},
		{"fired in the passive: the employer fired",
			"Jane Park, a former analyst at Hooli Inc., sued. She was fired in August 2019.",
			[]string{"lawsuit : agent Jane Park", "removal 2019-08: agent Hooli Inc.; subject Jane Park"}},
		{"challenged in court",
			"Hooli Inc. had unsuccessfully challenged the procurement in court. Jane Park challenged the plan.",
			[]string{"lawsuit : agent Hooli Inc."}},
		{"gap over an abbreviation's possessive",
			"U.S. District Judge Jane Park denied the F.T.C.'s request to block the deal.",
			[]string{"court_ruling : agent Jane Park"}},
		{"verb after a relative clause takes the name before it",
			"Hooli Inc., which argued that the design favored Globex Software and that the procurement was flawed, lost its challenge in the Court of Federal Claims.",
			[]string{"lawsuit : agent Hooli Inc."}},
		{"case brought by X",
			"The case, brought by Hooli Inc. in January, seeks to stop the merger. The case was reassigned by Judge Jane Park.",
			[]string{"lawsuit 2020-01: agent Hooli Inc."}},
		{"terminated a contract or a person",
			"Hooli Inc. terminated the contract with Globex Software. Globex Software terminated Jane Park in May.",
			[]string{"cancellation : agent Hooli Inc.", "removal 2019-05: agent Globex Software; subject Jane Park"}},
		{"a negated verb states nothing",
			"Jane Park said she never directed Henry Moss to change the bids and did not recuse.",
			nil},
		{"a magistrate rules on bail; a court accepts an indictment",
			"Magistrate Jane Park refused bail for Henry Moss. The Harwell Criminal Court accepted the indictment against Hooli Inc.",
			[]string{"court_order : agent Jane Park", "court_ruling : agent Harwell Criminal Court", "lawsuit : target Hooli Inc."}},
		{"verbs in other senses state nothing",
			"Jane Park had directed the relay program since 2021. Hooli Inc. chose to go around the rules. Globex Software used the hearing to settle scores with Henry Moss.",
			nil},
		{"cannot, without, whether and if state nothing",
			"Rulings of the Labour Court cannot be appealed. Hooli Inc. closed the complaints without conducting an investigation. Jane Park has not said whether she will appeal. Globex Software can seek damages if the judge rules for it.",
			nil},
		{"an organization hired is no appointment, but does the review it was hired for",
			"Hooli Inc. hired Globex Software to review the bids.",
			[]string{"review : agent Globex Software"}},
		{"directed X to review: X reviews, not the holder after by",
			"The governor directed the Office of State Inspector General to review every contract held by Globex Software.",
			[]string{"directive : recipient Office of State Inspector General", "review : agent Office of State Inspector General"}},
		{"replaced him with Y: Y's appointment and his removal",
			"John Smith led the office until last week, when Hooli Inc. replaced him with Jane Park.",
			[]string{"appointment : agent Hooli Inc.; subject Jane Park", "removal : agent Hooli Inc.; subject John Smith"}},
		{"will serve as interim",
			"John Smith, the chief financial officer, will serve as interim chief executive.",
			[]string{"appointment : subject John Smith"}},
		{"moved for a recusal is a motion",
			"U.S. District Judge Jane Park heard the case. Hooli Inc. moved for her recusal in December.",
			[]string{"motion 2019-12: agent Hooli Inc.", "recusal 2019-12: agent Jane Park"}},
		{"asked the court for time is a motion",
			"Last month, Hooli Inc. asked the court for 120 days to reconsider its evaluation.",
			[]string{"motion 2020-02: agent Hooli Inc."}},
		{"withdrew from the matter is a recusal",
			"John Smith withdrew from the matter last October because his son works for Hooli Inc.",
			[]string{"recusal 2019-10: agent John Smith"}},
		{"the judge is the judge last named",
			"U.S. District Judge Jane Park heard the case. Hooli Inc. moved for her recusal. The judge denied the motion.",
			[]string{"motion : agent Hooli Inc.", "recusal : agent Jane Park", "court_ruling : agent Jane Park"}},
		{"a party that blasted a ruling made none",
			"Hooli Inc., which won the injunction, blasted the ruling.",
			[]string{"court_order : beneficiary Hooli Inc."}},
		{"named X, an appositive, to replace Y",
			"Hooli Inc. also named Dr. Jane Park, its senior vice president of clinical development, to replace John Smith on an interim basis.",
			[]string{"appointment : agent Hooli Inc.; subject Jane Park"}},
		{"an agentless investigation is the investigating body's",
			"The Office of Inspector General released its report on Tuesday. The investigation was opened a year ago. Auditors found that Hooli Inc. overbilled.",
			[]string{"investigation 2020-02-25: agent Office of Inspector General"}},
		{"a review someone is hired to do is not the investigating body's",
			"The Office of Inspector General released its report. Jane Park said she would pay an outside firm to review complaints.",
			nil},
		{"the plaintiffs' motion is the plaintiff's",
			"Hooli Inc. sued Globex Software in January. The plaintiffs' recusal motion, filed in August, relied on precedent.",
			[]string{"lawsuit 2020-01: agent Hooli Inc.; target Globex Software", "motion 2019-08: agent Hooli Inc."}},
		{"investors led by X are the plaintiffs of a lawsuit stated without one",
			"Globex Software agreed to settle a shareholder lawsuit. Investors led by the Hooli Pension Fund accused Globex Software of fraud.",
			[]string{"settlement : agent Globex Software", "lawsuit : agent Hooli Pension Fund; target Globex Software"}},
		{"a unit's award is its parent's too",
			"The Department of Energy's Office of Information and Technology extended a task order to Globex Software in 2022.",
			[]string{"award 2022: agent Office of Information and Technology; agent Department of Energy; recipient Globex Software"}},
		{"synonyms: revoked, installed as, sought recusal",
			"The Department of Energy revoked the contract. Hooli Inc. installed Jane Park as chief executive. Globex Software sought the recusal of the judge.",
			[]string{"cancellation : agent Department of Energy", "appointment : agent Hooli Inc.; subject Jane Park", "motion : agent Globex Software"}},
		{"an award without its awarder takes the canceller",
			"The Department of Energy canceled the contract on Tuesday. Globex Software won the contract in March.",
			[]string{"cancellation 2020-02-25: agent Department of Energy", "award 2020-03: agent Department of Energy; recipient Globex Software"}},
		{"compel to testify",
			"Hooli Inc. sought to compel Jane Park and Henry Moss to testify.",
			[]string{"deposition_request : agent Hooli Inc.; deponent Jane Park; deponent Henry Moss"}},
		{"a judge stepping aside recuses",
			"U.S. District Judge Jane Park stepped aside from the case. Henry Moss stepped aside as chief executive.",
			[]string{"recusal : agent Jane Park", "resignation : agent Henry Moss"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := run(t, tt.text)
			d.Published = time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
			findEvents(d)
			if diff := cmp.Diff(tt.want, eventSummary(d)); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
