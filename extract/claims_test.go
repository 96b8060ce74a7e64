package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/lexicon"
)

// claimView is a claim with entity names, for golden files.
type claimView struct {
	Claimant string   `json:"claimant"`
	Kind     string   `json:"kind"`
	Verb     string   `json:"verb,omitempty"`
	Stance   string   `json:"stance"`
	Topics   []string `json:"topics"`
	About    []string `json:"about"`
	Text     string   `json:"text"`
}

func claimViews(t *testing.T, d *docState) []claimView {
	t.Helper()
	n := names(d)
	var out []claimView
	for _, c := range d.Claims {
		checkSources(t, d, c.Sources)
		v := claimView{Claimant: n[c.Claimant], Kind: c.Kind, Verb: c.Verb, Stance: c.Stance, Topics: c.Topics, Text: c.Text, About: []string{}}
		if v.Claimant == "" {
			t.Errorf("claimant of %+v is not an entity of the document", c)
		}
		for _, a := range c.About {
			v.About = append(v.About, n[a])
		}
		out = append(out, v)
	}
	return out
}

func TestClaimsGolden(t *testing.T) {
	for _, name := range []string{"claims_general.txt"} {
		t.Run(name, func(t *testing.T) {
			d := fixture(t, name)
			findClaims(d)
			golden(t, name[:len(name)-4]+".golden.json", claimViews(t, d))
		})
	}
}

func TestStance(t *testing.T) {
	cl := compileClaimLex(lexiconForTest(t))
	tests := []struct{ name, text, verb, want string }{
		{"allegation", "the award was tainted by bias and political interference", "said", "alleges"},
		{"defence", "the process was fair and lawful", "said", "denies"},
		{"negated allegation", "it was decided without any outside influence", "said", "denies"},
		{"a conflict declared", "the official had declared his interest and left the room", "said", "denies"},
		{"a conflict not declared", "the official did not declare his interest", "said", "alleges"},
		{"failing to do what a defence says", "the contractor failed to comply with the rules", "said", "alleges"},
		{"refusing to do what a defence says", "the board refused to follow the procedure", "said", "alleges"},
		{"negated defence", "it wasn't competitively bid", "said", "alleges"},
		{"verb hint", "the merger went ahead", "denied", "denies"},
		{"neutral", "the company remains committed to its customers", "said", "neutral"},
		{"more allegations than defences", "free from influence is needed; there were errors, deficiencies and bias", "said", "alleges"},
		{"idiom of negligence", "the agency looked the other way when it had every reason to ask", "said", "alleges"},
		{"idiom of haste", "the board had rushed to judgment", "said", "alleges"},
		{"standing behind", "the company stands behind its disclosures", "said", "denies"},
		{"disclaimed contact", "he had never met the donor", "added", "denies"},
		{"tilted process", "the process had been tilted toward one bidder", "said", "alleges"},
		{"defence idiom", "he will fight to clear his name", "said", "denies"},
		{"no evidence in the record", "nothing in the record would lead an observer to doubt it", "said", "denies"},
		{"suspicion idiom", "the invoices did not add up", "said", "alleges"},
		{"an error alleged", "the board erred in scoring the bids", "said", "alleges"},
		{"good faith defends", "she acted in good faith on her staff's advice", "wrote", "denies"},
		{"no part in it", "the donor played no part in the decision", "said", "denies"},
		{"disagreement is a defence", "the firm strongly disagrees with the regulator's account", "said", "denies"},
		{"coordinated disclaimers", "the firm had no knowledge of and no involvement in any communications", "said", "denies"},
		{"the rejected charge is not the speaker's", "he categorically rejects the suggestion that he sought to influence the award", "said", "denies"},
		{"unequal treatment alleges", "the agency held unequal discussions with the bidders", "said", "alleges"},
		{"a rejected allegation", "she rejected the allegation that she lied", "said", "denies"},
		{"one cue found twice counts once", "he did nothing wrong, but the deal was a fraud", "said", "neutral"},
		{"a rejection that is negated", "she did not reject the finding that the process was rigged", "said", "alleges"},
		{"doubt outweighs fairness", "the ruling left them with little confidence that they would get a fair trial", "said", "neutral"},
		{"cannot negates", "when one firm writes the rules, you cannot expect a fair outcome", "said", "alleges"},
		{"a fairness wanted defends nothing", "we wanted a fair panel, and the panel was biased", "said", "alleges"},
		{"a fairness owed defends nothing", "admission tests must be fair", "said", "neutral"},
		{"a counterfactual defends nothing", "we would have won a fair contest", "said", "neutral"},
		{"a fairness ensured is asserted", "the agency ensured a fair process", "said", "denies"},
		{"a fairness wanted further off", "we want the review to be fair", "said", "neutral"},
		{"nothing to hide", "the council has nothing to hide", "said", "denies"},
		{"a charge of bias alleges whatever the verb", "the vote was a foregone conclusion", "insisted", "alleges"},
		{"a recusal owed", "the arbitrator should have recused herself", "said", "alleges"},
		{"a fairness to ensure defends nothing", "a ministry cannot meet its duty to ensure a fair tender by trusting the winner's word", "said", "neutral"},
		{"secrecy alleges", "the licensing was rushed and secretive", "said", "alleges"},
		{"rules applied", "the registrar had applied the rules to every applicant", "said", "denies"},
		{"advice followed", "our member followed the advice the clerk gave him", "said", "denies"},
		{"a negated conflict of interest", "there was no conflict of interest in the award", "said", "denies"},
		{"competitive bidding", "the firm won the lease in an open and competitive tender", "said", "denies"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cl.stance(tt.text, tt.verb); got != tt.want {
				t.Errorf("stance(%q, %q) = %s, want %s", tt.text, tt.verb, got, tt.want)
			}
		})
	}
}

// TestChargesBias: words that charge bias make an otherwise neutral claim
// allege; words that only name it ("steering", "targeted",
// "impartiality") and negated charges do not.
func TestChargesBias(t *testing.T) {
	cl := compileClaimLex(lexiconForTest(t))
	for text, want := range map[string]bool{
		"the audit was a pretext for cutting his pension":                  true,
		"the chair had a conflict of interest":                             true,
		"this was a settling of scores, not justice":                       true,
		"she stepped aside so that no one could question the impartiality": false,
		"there was no conflict of interest":                                false,
		"its steering committee would meet in March":                       false,
		"the new product targeted small businesses":                        false,
	} {
		if got := cl.chargesBias(text); got != want {
			t.Errorf("chargesBias(%q) = %v, want %v", text, got, want)
		}
	}
	cs := textClaims(t, "Brantley Corp. fired Dan Whitcomb in May. \"The owners knew about the debt for years and now use it as a pretext,\" said Laura Mayhew, a lawyer for Whitcomb.")
	if len(cs) == 0 || cs[0].Stance != "alleges" {
		t.Errorf("claims %+v, want the pretext alleged", cs)
	}
}

func TestCoordinatedVerb(t *testing.T) {
	cl := compileClaimLex(lexiconForTest(t))
	tests := []struct {
		text, verb string
		want       int
	}{
		{`the firm "has full confidence in the court" and called the motion "a delay"`, "said", 43},
		{`the firm was fair and lawful`, "said", -1},
		{`the deal "was rigged and called off"`, "said", -1},
		{`the board had "rushed to judgment" and denied him a chance`, "said", 34},
		// a verb in another tense than the reporting verb's is the
		// reported clause's own
		{`the chair phoned the minister and told him to drop Hooli from the list`, "says", -1},
		{`the firm is solvent and argues the suit is late`, "says", 19},
	}
	for _, tt := range tests {
		if got := cl.coordinatedVerb(tt.text, tt.verb); got != tt.want {
			t.Errorf("coordinatedVerb(%q, %q) = %d, want %d", tt.text, tt.verb, got, tt.want)
		}
	}
}

// textClaims runs the whole pipeline on text and returns its claims with
// claimant names.
func textClaims(t *testing.T, text string) []claimView {
	t.Helper()
	d := run(t, text)
	findEvents(d)
	findClaims(d)
	return claimViews(t, d)
}

// TestClaimConstructions checks attributions and stances of general
// constructions: each text must yield a claim by claimant, with stance,
// whose text contains the given words.
func TestClaimConstructions(t *testing.T) {
	tests := []struct{ name, text, claimant, stance, contains string }{
		{"a pronoun in a reported clause is who reported it, not the sentence before's speaker", "The Harwell Appeals Court said it would rule in March. The Harwell Audit Office confirmed that it had opened a file and said it was studying the documents.", "Harwell Audit Office", "neutral", "studying the documents"},
		{"proxy with a determiner", "A review by the Federal Trade Commission found no evidence that the merger was rigged.", "Federal Trade Commission", "denies", "no evidence"},
		{"representative of the org", "A representative of the Harwell Foundation said the grants were made fairly and that it played no part in the decision.", "Harwell Foundation", "denies", "played no part"},
		{"an honorific before an appositive subject", "Critics say the projections are rosy. Dr. Laura Mayhew, an economist at Harwell University who has studied subsidies for years, said the county had relied on a study paid for by the team.", "Laura Mayhew", "neutral", "relied on a study"},
		{"she said after a quotation that opens a sentence after one reporting her: the reporter, not the last woman named", "Hooli Inc. accused Jane Roe, the ministry's evaluator, of bias.\n\nAcme's director, Ann Lee, said Acme had never discussed the tender with Roe. \"Hooli has had this business for years. It is not surprising that it sees bias now,\" she said.", "Ann Lee", "denies", "sees bias now"},
		{"the statement said after 'In a statement, he said': its issuer, not a name in the quotation", "Hooli Inc. accused the ministry of bias. Dan Whitcomb, the permanent secretary, rejected it. In a statement, he said the decision was unanimous.\n\n\"Five officials scored these bids. Acme won on price,\" the statement said.", "Dan Whitcomb", "denies", "Five officials"},
		{"a filing set off by a participle clause speaks for the story's filer", "Jane Roe sued the Harwell Port Authority in May. The suit, filed last month in the Harwell High Court, claims the trustees breached her contract.", "Jane Roe", "alleges", "breached her contract"},
		{"the body described by where it sits", "Hooli Inc. rejected any suggestion that it had an advantage. In a statement, the Harwell-based company said it won the contract on price.", "Hooli Inc.", "denies", "won the contract on price"},
		{"the statement said after a statement released by a lawyer", "In a statement released by his lawyer, Dan Whitcomb said he had acted in good faith. \"I was never told, and I would have stopped it,\" the statement said.", "Dan Whitcomb", "denies", "never told"},
		{"a trailing attribution to a filing is its filer's", "Jane Roe sued Globex Inc. in March. Globex billed her for parts it never fitted, the suit says.", "Jane Roe", "alleges", "billed her for parts"},
		{"a trailing attribution to an investigation's report is the investigator's", "The Harwell Audit Office opened an investigation into Hooli Inc. in May. Jane Roe kept the payments from the board while advising Globex Inc., the report said.", "Harwell Audit Office", "alleges", "kept the payments from the board"},
		{"a possessor's case that", "A tribunal sided with the Harwell Fisheries Office's case that Hooli Trawlers had under-reported its catch.", "Harwell Fisheries Office", "alleges", "under-reported its catch"},
		{"citing its grounds after a decision", "Hooli Inc. sued the Harwell Port Authority. The Harwell Port Authority cancelled the lease in May, citing unpaid rent.", "Harwell Port Authority", "alleges", "unpaid rent"},
		{"emphasised, British spelling", "Hooli Inc. sued the Harwell Port Authority. Dana Whitcomb, its spokeswoman, emphasised that every bid was scored by the same panel.", "Dana Whitcomb", "denies", "scored by the same panel"},
		{"assured a listener that", "Hooli Inc. sued the Harwell Port Authority. Dana Whitcomb, the authority's director, assured reporters that the contract was sound.", "Dana Whitcomb", "denies", "the contract was sound"},
		{"testified that", "Dana Whitcomb testified that the company had disclosed every payment required by law.", "Dana Whitcomb", "neutral", "disclosed every payment"},
		{"according to a person", "According to Laura Mayhew, a professor who chairs the board, the vote was about more than one meeting.", "Laura Mayhew", "neutral", "the vote was about"},
		{"according to the complaint", "Laura Mayhew sued Brantley Corp. in March. According to the complaint, managers at the plant were told to bill idle hours to the contract.", "Laura Mayhew", "alleges", "bill idle hours"},
		{"the complaint says", "Laura Mayhew sued Brantley Corp. in March. The complaint says the setting was switched on for every customer.", "Laura Mayhew", "alleges", "switched on"},
		{"according to an organization by its head noun", "The Federal Trade Commission accused Brantley Corp. of deceiving clinics. According to the commission, the company's sales staff told clinicians that rival kits were unsafe.", "Federal Trade Commission", "alleges", "rival kits"},
		{"according to a person after the claim", "Laura Mayhew sued Brantley Corp. in March. Tom Briggs \"acted in good faith at every turn,\" according to his attorney, Jane Poe of Poe & Lane LLP.", "Jane Poe", "denies", "acted in good faith"},
		{"according to an organization by its head noun, no verb", "The Federal Trade Commission accused Brantley Corp. of deceiving clinics. According to the commission, the company broke the law for years.", "Federal Trade Commission", "alleges", "broke the law"},
		{"a named speaker before her firm", "Brantley Corp. won the case. \"The ruling rested on the evidence and the law,\" said Laura Mayhew, a lawyer at Hollis Ward LLP who represents the company.", "Laura Mayhew", "neutral", "rested on the evidence"},
		{"the court after an appeals court is the trial court", "Judge Jane Roe of the U.S. District Court for the District of Nevada stepped aside. Hooli Inc. appealed to the U.S. Court of Appeals for the Ninth Circuit. In a statement, the court said it would assign a new judge.", "U.S. District Court for the District of Nevada", "neutral", "assign a new judge"},
		{"the report said", "The law firm Hollis Ward LLP carried out an investigation into the contract. The report said the director had steered the contract to a friend.", "Hollis Ward LLP", "alleges", "steered the contract"},
		{"the review found: its author speaks", "The Harwell Trade Commission opened a review of Brantley Corp. in May. The review also found that invoices had been approved without the supporting documents the rules require.", "Harwell Trade Commission", "alleges", "supporting documents"},
		{"the post said, after a post by the speaker", "Hooli Inc. sued Brantley Corp. in May. In a company blog post, Hooli said it would go on. \"We will keep fighting this award,\" the post said.", "Hooli Inc.", "alleges", "keep fighting"},
		{"a negator in one quoted passage does not reach the next", "Hooli Inc. protested the award. \"Each applicant saw the same file. No one was turned away,\" said Jane Roe, a spokeswoman for the Harwell Port Authority. \"We are confident the court will agree.\"", "Harwell Port Authority", "denies", "confident"},
		{"its own side never did it", "Jane Roe, a spokeswoman for Acme Corp., said Acme has never shared patients' records with anyone.", "Acme Corp", "denies", "never shared"},
		{"it did not, in the past", "Hooli Inc. said the tender had been rigged. Acme Corp. said it did not break any rule of the tender.", "Acme Corp", "denies", "break any rule"},
		{"it had no", "Hooli Inc. said the tender had been rigged. Acme Corp. said it had no contact with the panel.", "Acme Corp", "denies", "no contact"},
		{"a practice in the present is no denial", "Hooli Inc. sued Acme Corp. over the lease. The Harwell Port Authority said it does not set the fees the port's tenants charge.", "Harwell Port Authority", "alleges", "set the fees"},
		{"he said after a quote paragraph is the one the paragraph before was about", "Harwell Licensing Board chairman Dan Whitcomb told reporters the board would restore Mr. Ben Carrow's licence.\n\n\"The board does not pick winners. It applies the code,\" he said.", "Dan Whitcomb", "alleges", "does not pick"},
		{"a federal judge said: the one judge the story names", "Hooli Inc. lost its challenge because it filed too late, a federal judge said on Friday. Judge Melody Hale also wrote that the agency had been careless.", "Melody Hale", "neutral", "filed too late"},
		{"studying the decision is procedure", "The Harwell Trade Commission fined Acme Corp. in May. Acme Corp. said its board was studying the decision closely.", "Acme Corp", "neutral", "studying the decision"},
		{"a trailing attribution with a participle after it", "Judge Melody Hale ruled against Hooli Inc. in July. Dan Whitcomb, a former Acme employee, ought to have left the panel at once, Hale wrote, calling his conduct careless.", "Melody Hale", "alleges", "left the panel"},
		{"counsel appearing for a party speaks for it", "Dan Whitcomb sued the Harwell Election Commission. Jane Roe, appearing for the Commission, said the members had voted on the papers before them.", "Jane Roe", "denies", "voted on the papers"},
		{"an organization with its acronym before a title and a name: the person speaks", "The board dismissed its manager. Former Hooli Water Authority (HWA) general manager Jane Roe has asked the High Court to quash her dismissal, arguing that the chairman had already made up her mind.", "Jane Roe", "alleges", "made up her mind"},
		{"a winner's contract won on merit defends the award", "Hooli Marine Ltd lost the tender to Globex Dredging Co. and sued the Harwell Ports Authority. Globex Dredging Co. said it had won the contract on merit.", "Globex Dredging Co.", "denies", "on merit"},
		{"bidders treated equally defends the process", "Hooli Marine Ltd lost the tender to Globex Dredging Co. and sued the Harwell Ports Authority, whose director general is Jane Roe. Roe insisted that all bidders were treated equally.", "Jane Roe", "denies", "treated equally"},
		{"submitted that", "Dan Whitcomb sued the Harwell Election Board. His lawyer Ben Carrow submitted that the board had held him to a stricter test than the others.", "Dan Whitcomb", "alleges", "stricter test"},
		{"a court's participle ruling that", "The Harwell Administrative Court has quashed the licence for a quarry, ruling that the noise study behind it was deficient.", "Harwell Administrative Court", "neutral", "was deficient"},
		{"The statement said, opening a sentence: who issued it", "In a statement issued on Tuesday, the Harwell Competition Council said the decision was final. The statement said Jane Roe had been taken off the case within a day.", "Harwell Competition Council", "neutral", "taken off the case"},
		{"she said after a quote, when the paragraph before reported no one", "Judge Melody Hale sentenced Jane Roe to two years on Friday.\n\n\"I am sorry for what I did,\" she said.", "Jane Roe", "denies", "sorry"},
		{"including after a trailing attribution is no participle", "Most of the firms in the tender, Jane Roe said, including Hooli, were never told the rules.", "Jane Roe", "neutral", "never told the rules"},
		{"a curly apostrophe in a denial of one's own conduct", "Hooli Inc. said the tender had been rigged. Acme Corp. said it didn’t break any rule of the tender.", "Acme Corp", "denies", "break any rule"},
		{"had no say is no denial", "Hooli Inc. said the tender had been rigged. Jane Roe, who leads the Harwell Tenants Union, said the union had no say in the tender.", "Jane Roe", "alleges", "no say"},
		{"no dispute, no denial", "Acme Corp. reported higher profits on Monday. Acme Corp. said it did not raise prices in the quarter.", "Acme Corp", "neutral", "raise prices"},
		{"a matter before the court is procedure", "Hooli Inc. sued the Harwell Election Commission. Jane Roe, a member of the commission, declined to comment, saying the matter was before the court.", "Jane Roe", "neutral", "before the court"},
		{"where a party goes next is procedure", "Hooli Inc. said the tender had been rigged. Acme Corp. said it respects the legal process and will decide on the way forward.", "Acme Corp", "neutral", "way forward"},
		{"never received is a complaint", "Hooli Inc. said the tender had been rigged. Jane Roe, who bid for the contract, said she never received a reply from the panel.", "Jane Roe", "alleges", "never received"},
		{"a sentence split by its attribution keeps its negator", "Hooli Inc. protested the award. \"At no point,\" said Jane Roe, a spokeswoman for the Harwell Port Authority, \"was the process rigged.\"", "Harwell Port Authority", "denies", "rigged"},
		{"an epithet for an accusation rebuts it, unquoted", "Hooli Inc. sued Brantley Corp. in May. Brantley Corp. called the lawsuit a sham.", "Brantley Corp", "denies", "sham"},
		{"the spokesperson again", "Hooli Inc. sued the Harwell Port Authority in May. An Acme spokesperson said the ruling was wrong. \"The court would rather look away than ask how it was decided,\" the spokesperson said.", "Acme", "neutral", "look away"},
		{"prosecutors are the one prosecutor named", "Assistant District Attorney Jane Roe opened the trial on Monday. Prosecutors say Dan Whitcomb hid the losses from investors.", "Jane Roe", "alleges", "hid the losses"},
		{"has been insistent that", "Laura Mayhew sued Brantley Corp. in March. Brantley Corp. has been insistent that its discharges complied with every permit.", "Brantley Corp", "denies", "complied with every permit"},
		{"denied one word", "Brantley Corp. denied wrongdoing.", "Brantley Corp", "denies", "wrongdoing"},
		{"a possessor's filing with an appositive", "Brantley Corp. filed a protest. Brantley's first protest, filed in May, argued that evaluators had held discussions with Hollis Ward LLP alone.", "Brantley Corp", "alleges", "held discussions"},
		{"a suit filed by a titled person", "The lawsuit, filed in Harwell County Superior Court by Attorney General Laura Mayhew, alleges that Brantley Corp. overcharged thousands of borrowers.", "Laura Mayhew", "alleges", "overcharged"},
		{"he after a speaker who follows the verb", "Laura Mayhew misled the agency about the contract, said Dan Whitcomb, a lawyer for Hollis Ward LLP. He added that the award was unlawful.", "Dan Whitcomb", "alleges", "award was unlawful"},
		{"he after an appositive subject", "Laura Mayhew sued Brantley Corp. in March. Dan Whitcomb, a lawyer with Hollis Ward LLP who represents Brantley, said the company had cooperated with the state. He called the suit \"a stunt with no basis in law.\"", "Dan Whitcomb", "denies", "a stunt"},
		{"called without a quote", "Laura Mayhew, a spokeswoman for Brantley Corp., called the allegations baseless and said every invoice was reviewed.", "Brantley Corp", "denies", "allegations baseless"},
		{"described by its name's head", "The Harwell Trade Commission sued Brantley Corp. in May. The commission argues that the deal would raise prices for most buyers.", "Harwell Trade Commission", "alleges", "raise prices"},
		{"described by an appositive", "Laura Mayhew resigned as head of Brantley Health, the 11-hospital system said. In a response, the system's lawyers maintained that the coding was accurate in every case.", "Brantley Health", "denies", "coding was accurate"},
		{"they after a described speaker", "Laura Mayhew resigned as head of Brantley Health, the 11-hospital system said. In a response, the system's lawyers maintained that the coding was accurate. They also argued that the auditors had relied on a small sample.", "Brantley Health", "alleges", "small sample"},
		{"he after a quote's speaker", "Laura Mayhew sued the company. \"The ruling was correct and should stand,\" said Dan Whitcomb, a lawyer at Kessler Hale. He maintained that the firm had no knowledge of the holdings.", "Dan Whitcomb", "denies", "no knowledge"},
		{"epithet for an accusation", "Brantley Health spokesperson Laura Mayhew called the union's claims \"reckless and irresponsible.\"", "Laura Mayhew", "denies", "irresponsible"},
		{"titled person by title", "Mayor Laura Mayhew awarded the contract. The mayor's office flatly denied any favoritism.", "Laura Mayhew", "denies", "favoritism"},
		{"attribution after the clause", "Brantley Health billed the state for hours its staff never worked, Laura Mayhew said in a report released Tuesday.", "Laura Mayhew", "neutral", "never worked"},
		{"a participle goes on", "Dan Whitcomb rejected the audit. Capacity that looks idle is held in reserve, Whitcomb argued, adding that the order had been competed properly.", "Dan Whitcomb", "denies", "competed properly"},
		{"attribution mid-sentence", "Dan Whitcomb spoke to reporters on Monday. The investigation, he said, was thorough and independent.", "Dan Whitcomb", "denies", "thorough and independent"},
		{"a denier goes on to say why", "Dan Whitcomb rejected the arguments. In his opinion, Whitcomb wrote that the donations did not create a debt.", "Dan Whitcomb", "denies", "create a debt"},
		{"an organization before a pronoun", "Dan Whitcomb issued the order. Harwell Medical moved for his recusal, arguing that Whitcomb had prejudged the case.", "Harwell Medical", "alleges", "prejudged"},
		{"a participle after a described subject", "Judge Dan Whitcomb issued the order. The judge denied the motion, writing that his comments reflected frustration, not any personal animus toward a party.", "Dan Whitcomb", "denies", "animus"},
		{"a plain allege", "Dan Whitcomb and Laura Mayhew allege the scheme cost buyers more than $3 million.", "Dan Whitcomb", "alleges", "scheme cost"},
		{"a short quoted label", "Brantley Corp. was sued in May. A Brantley spokeswoman called the suit \"meritless.\"", "Brantley Corp", "denies", "meritless"},
		{"a quote runs on into the next paragraph", "Harwell Medical sued Brantley Corp.\n\n\"The company hid the defects from every buyer.\n\n\"It should never have happened,\" said Laura Mayhew, a lawyer for Harwell Medical.", "Harwell Medical", "alleges", "hid the defects"},
		{"a participle speaks for the main subject", "Laura Mayhew sued the Harwell league in March, accusing it of wrongful termination.", "Laura Mayhew", "alleges", "wrongful termination"},
		{"a statement then its quote", "Brantley Corp. was sued in May.\n\nBrantley Corp. issued a statement on Tuesday.\n\n\"The lawsuit is baseless and we will fight it.\"", "Brantley Corp", "denies", "baseless"},
		{"the statement said", "Laura Mayhew said in a statement that the vote was fair. \"The board will meet again in March,\" the statement said.", "Laura Mayhew", "neutral", "meet again"},
		{"a possessor's argument inside another's sentence", "Brantley Corp. sued the agency in March. Judge Dan Whitcomb said Brantley would probably lose on its main argument — that the scoring was tilted by bias.", "Brantley Corp", "alleges", "tilted by bias"},
		{"a named possessor's allegation", "The judge rejected Harwell Medical's allegation that the tender was rigged.", "Harwell Medical", "alleges", "tender was rigged"},
		{"prosecutors stand for the prosecutors' office", "The Harwell County District Attorney's Office charged Dan Whitcomb in May. Prosecutors say he hid the losses from investors.", "Harwell County District Attorney's Office", "alleges", "hid the losses"},
		{"a long description set off by commas before the verb", "Hooli Inc. sued the Harwell Transit Authority in March. \"The panel ignored every rule it had written,\" Jane Roe, a Hooli senior partner who has advised the firm on its bids for a decade, said.", "Jane Roe", "alleges", "ignored every rule"},
		{"a petition alleging speaks for who filed it, not for the court that hears it", "Dan Whitcomb filed a petition against the appointment last week. The Harwell High Court on Monday issued notices to the Harwell government on a petition alleging that the new director cannot regulate an industry he served.", "Dan Whitcomb", "alleges", "cannot regulate"},
		{"possessor's office", "The agency changed its rules, a step that Laura Mayhew's office said the company never took elsewhere.", "Laura Mayhew", "neutral", "never took"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := textClaims(t, tt.text)
			for _, c := range cs {
				if c.Claimant == tt.claimant && c.Stance == tt.stance && strings.Contains(c.Text, tt.contains) {
					return
				}
			}
			t.Errorf("no %s claim by %s containing %q in %+v", tt.stance, tt.claimant, tt.contains, cs)
		})
	}
}

// TestRelativeClauseSpeaker: in "X, who prosecutors say ...", the
// relative clause's own subject speaks; X says nothing.
// TestRetiredJudgeIsNotTheStorys: "a federal judge said" speaks for the
// story's one judge, "a retired judge said" does not.
func TestRetiredJudgeIsNotTheStorys(t *testing.T) {
	for _, c := range textClaims(t, "Hooli Inc. lost its case before Judge Melody Hale in May. The ruling ignored decades of precedent, a retired judge said.") {
		if c.Claimant == "Melody Hale" {
			t.Errorf("a retired judge's words credited to the story's judge: %+v", c)
		}
	}
}

func TestRelativeClauseSpeaker(t *testing.T) {
	for _, c := range textClaims(t, "The court accepted an indictment against the founder of Brantley Corp., who prosecutors say hid losses from investors for a year.") {
		if strings.Contains(c.Text, "hid losses") {
			t.Errorf("claim %+v: the prosecutors say it, not %s", c, c.Claimant)
		}
	}
	if cs := textClaims(t, "Brantley Corp. hired Laura Mayhew, who also said the losses were disclosed."); len(cs) != 1 || cs[0].Claimant != "Laura Mayhew" {
		t.Errorf("\"who also said\": claims %+v, want one by Laura Mayhew", cs)
	}
}

// TestPossessedClaimNeedsPossessor: a claim noun reports its possessor's
// claim only when the possessor opens its noun phrase ("its claim that"),
// not an "its" earlier in the sentence ("two of its executives on charges
// that").
func TestPossessedClaimNeedsPossessor(t *testing.T) {
	for _, c := range textClaims(t, "Brantley Corp. canceled the contract after a grand jury indicted Harwell Medical and two of its executives on charges that they rigged bids.") {
		if strings.Contains(c.Text, "rigged bids") {
			t.Errorf("claim %+v: the charges are no possessor's claim", c)
		}
	}
	for _, c := range textClaims(t, "Brantley Corp.'s shareholders claim that the board misled them.") {
		if c.Claimant == "Brantley Corp" {
			t.Errorf("claim %+v: the shareholders claim it, not the company", c)
		}
	}
}

// TestDeniedRequestIsNoClaim: rejecting a request, an application or a
// proposal decides it; it denies no charge.
func TestDeniedRequestIsNoClaim(t *testing.T) {
	for _, text := range []string{
		"The Harwell Trade Commission rejected Brantley Corp.'s permit application last year.",
		"The Harwell Trade Commission rejected the offer as too low.",
		"Judge Jane Roe denied the Hooli Inc.'s request for an injunction.",
		"Brantley Corp. sued. The Harwell High Court dismissed the case.",
		"Brantley Corp. sued. Brantley Corp. dismissed Jane Roe in May.",
		"The Harwell High Court dismissed the charges against Jane Roe.",
		"Judge Jane Roe dismissed the claims against Hooli Inc.",
		"Jane Roe cited a 2019 report by the Harwell Audit Office.",
	} {
		for _, c := range textClaims(t, text) {
			t.Errorf("%q: claim %+v, want none", text, c)
		}
	}
	for _, text := range []string{
		"Brantley Corp. rejected the allegations in the suit.",
		"Brantley Corp. denied that the offer was improper.",
		"Dana Orlo denied making any offer to the minister.",
		"Brantley Corp., for its part, dismissed the accusation.",
		"Dana Orlo rejected claims that the tender was rigged.",
		"Dana Orlo dismissed as baseless the suggestion that the tender was rigged.",
	} {
		if cs := textClaims(t, text); len(cs) != 1 || cs[0].Stance != "denies" {
			t.Errorf("%q: claims %+v, want one denial", text, cs)
		}
	}
}

// TestSupposedFindingIsNoClaim: a finding supposed by "if" is said by no
// one, while a claim inside a condition is still its claimant's.
func TestSupposedFindingIsNoClaim(t *testing.T) {
	if cs := textClaims(t, "Hooli Inc. protested. If the inspector's audit finds that Hooli was favoured, the city may have to start the tender again."); len(cs) != 0 {
		t.Errorf("claims %+v, want none", cs)
	}
	cs := textClaims(t, "Hooli Inc. sued the Harwell Port Authority. The port authority told the council that it may have to cancel the lease if a judge allows Hooli Inc. to pursue claims that the minister steered the lease to Globex.")
	if !slices.ContainsFunc(cs, func(c claimView) bool { return c.Claimant == "Hooli Inc." && strings.Contains(c.Text, "steered") }) {
		t.Errorf("claims %+v, want Hooli's claim that the minister steered the award", cs)
	}
}

// TestUnsaidIsNoClaim: a negated reporting verb says nothing.
func TestUnsaidIsNoClaim(t *testing.T) {
	for _, text := range []string{
		"Hooli Inc. sued. Jane Roe, its lawyer, did not say what the evidence was.",
		"Hooli Inc. sued. Jane Roe, its lawyer, would not say whether the minister was involved.",
		"Hooli Inc. sued. Jane Roe, its lawyer, never said the minister was involved.",
	} {
		if cs := textClaims(t, text); len(cs) != 0 {
			t.Errorf("%s: claims %+v, want none", text, cs)
		}
	}
}

// TestProsecutorsNeedAProsecutor: "prosecutors" stand for no company,
// whatever its name holds.
func TestProsecutorsNeedAProsecutor(t *testing.T) {
	for _, text := range []string{
		"Dan Whitcomb hired Kessler Hale Attorneys Inc. in May. Prosecutors say he hid the losses from investors.",
		"Defense attorney Jane Roe spoke to the jury. Prosecutors say Dan Whitcomb hid the losses from investors.",
	} {
		if cs := textClaims(t, text); len(cs) != 0 {
			t.Errorf("%q: claims %+v, want none: no prosecutors' office or prosecutor is named", text, cs)
		}
	}
	for _, text := range []string{
		"The Harwell County District Attorney's Office charged Dan Whitcomb. Former prosecutors said the case was weak.",
		"The Harwell County District Attorney's Office charged Dan Whitcomb. Swiss prosecutors said the case was weak.",
	} {
		for _, c := range textClaims(t, text) {
			if strings.Contains(c.Text, "case was weak") {
				t.Errorf("%q: claim %+v, want none: those prosecutors are not the office", text, c)
			}
		}
	}
}

// TestAdjudicatorRules: a judge who finds a charge unproven rules on it
// (neutral); one who rejects a charge of bias, her own or the process's,
// defends against it.
func TestAdjudicatorRules(t *testing.T) {
	ruling := textClaims(t, "Hooli Inc. sued the Department of Defense over the award. U.S. District Judge Dan Whitcomb dismissed the suit on Monday. Whitcomb wrote that there was no evidence that the company had overbilled the agency.")
	if len(ruling) != 1 || ruling[0].Stance != "neutral" {
		t.Errorf("ruling: claims %+v, want one neutral claim by the judge", ruling)
	}
	recusal := textClaims(t, "Hooli Inc. moved to recuse U.S. District Judge Dan Whitcomb. Whitcomb refused to recuse himself on Monday. Whitcomb wrote that there was no evidence that he had prejudged the case.")
	found := false
	for _, c := range recusal {
		found = found || c.Claimant == "Dan Whitcomb" && c.Stance == "denies"
	}
	if !found {
		t.Errorf("recusal: claims %+v, want the judge's denial", recusal)
	}
}

// TestToldListener: the listener after "told" is no part of what was
// said, named elsewhere in the story or not ("told Law360 the ruling").
func TestToldListener(t *testing.T) {
	cs := textClaims(t, "Brantley Corp. lost the case. Laura Mayhew told Law360 the ruling was wrong.")
	if len(cs) != 1 || cs[0].Text != "the ruling was wrong" {
		t.Errorf("claims %+v, want one: the ruling was wrong", cs)
	}
}

func TestTopics(t *testing.T) {
	cl := compileClaimLex(lexicon.Must())
	for _, tc := range []struct {
		text string
		want string
	}{
		{"the tender was built around one company from the start", "bias"},
		{"the chair did not disclose that his brother-in-law owned the bidder", "conflict of interest"},
		{"the review was a whitewash", "bias"},
		{"the judge owns shares in the company that won", "conflict of interest"},
		{"the council approved the budget on Tuesday", ""},
		// the words of an unfair process, not only of bias by name
		{"the licence was decided before the panel ever met", "bias"},
		{"the board was not neutral and the review process was compromised", "bias"},
		{"nobody gets a fair hearing from that committee", "bias"},
		{"the chair engaged in self-dealing", "bias"},
		{"the inspector had close ties to the developer", "conflict of interest"},
		{"an assessor who sat on both sides of the tender", "conflict of interest"},
		{"the auditors were never shown the side letters", ""},
	} {
		got := cl.topicsOf(tc.text)
		if tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Contains(got, tc.want) {
			t.Errorf("topics of %q: %v, want %q", tc.text, got, tc.want)
		}
	}
}
