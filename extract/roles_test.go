package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
)

// roleSummary renders roles as "person | title | org | status" and
// relations as "from type to".
func roleSummary(d *docState) []string {
	name := map[string]string{}
	for _, e := range d.Entities {
		name[e.ID] = e.Name
	}
	var out []string
	for _, r := range d.Roles {
		out = append(out, name[r.Person]+" | "+r.Title+" | "+name[r.Organization]+" | "+r.Status)
	}
	for _, r := range d.Relations {
		out = append(out, name[r.From]+" "+r.Type+" "+name[r.To])
	}
	sort.Strings(out)
	return out
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"org title person", "Hooli CEO Gavin Belson spoke.", []string{"Gavin Belson | CEO | Hooli | current"}},
		{"spent years as an office at a body; Acme's office is a person; who is also an office of a body; who heads a department at a body; will act as an office", "Globex Ltd was named. Ann Lee, who spent 14 years as an examiner at the Harwell Reserve Bank before joining the board, spoke. Globex Ltd's sole director is Dan Poe. Tom Briggs, who is also the chancellor of Harwell University, spoke. Mary Walsh, who heads human resources at Globex Ltd, spoke.", []string{"Ann Lee | Examiner | Harwell Reserve Bank | former", "Dan Poe | sole director | Globex Ltd | current", "Mary Walsh | head | Globex Ltd | current", "Tom Briggs | Chancellor | Harwell University | current"}},
		{"led a body as an office until; sat on a body's board until; was an office of a body from; resigned as a body's office; had been an office since", "Globex Ltd was named. Dan Poe led the Harwell Commission as director-general until March. Ann Lee, who sat on the Globex Ltd board until last year, spoke. Tom Briggs was chairman of the Harwell Association from 2014 until 2022. Mary Walsh resigned as Globex Ltd's treasurer in May. Professor Jane Roe had been president since 2025.", []string{"Ann Lee | board member | Globex Ltd | former", "Dan Poe | Director-General | Harwell Commission | former", "Jane Roe | President |  | former", "Jane Roe | Professor |  | current", "Mary Walsh | Treasurer | Globex Ltd | former", "Tom Briggs | Chairman | Harwell Association | former"}},
		{"an honorific after an appositive's comma; 'its' after an opening phrase is the body the sentence before opened with", "Hooli Partners LLP lodged the claim. His attorney, Sir Dan Poe, told the court so. The Harwell Museum disputes that account. In a statement on Tuesday, its director, Dr. Jane Roe, said the research was sound.", []string{"Dan Poe | Attorney |  | current", "Jane Roe | Director | Harwell Museum | current"}},
		{"a number and a participle before a plural title before a list of names", "Globex University fired its coach. The board said its three independent directors, Dan Poe, Ann Lee and Tom Briggs, would review it. The university's two dissenting trustees, Jane Roe and Mary Walsh, objected.", []string{"Ann Lee | Independent Director | Globex University | current", "Dan Poe | Independent Director | Globex University | current", "Jane Roe | Trustee | Globex University | current", "Mary Walsh | Trustee | Globex University | current", "Tom Briggs | Independent Director | Globex University | current"}},
		{"who has headed a body; who took over as a body's officer; is an officer of a body described first; who was sacked as a body's officer", "Globex Ltd and Hooli Ltd were named. Jane Roe, who has headed the Harwell Regulator since 2026, spoke. Dan Poe, who took over as Globex Ltd's chief executive in March, wrote. Her father, Tom Briggs, is president of the engineering firm Hooli Ltd. Ann Lee, who was sacked as Globex Ltd's corporate secretary in June, spoke. Mary Walsh, who had led the Harwell Museum for years, retired.", []string{"Ann Lee | Secretary | Globex Ltd | former", "Dan Poe | Chief Executive | Globex Ltd | current", "Jane Roe | head | Harwell Regulator | current", "Tom Briggs | President | Hooli Ltd. | current"}},
		{"a description's modifier names the body by a word of its name with the same stem", "Hooli Ventures invested in Globex Pay Ltd. Jane Roe, the venture firm's managing director, sits on its board.", []string{"Jane Roe | Managing Director | Hooli Ventures | current"}},
		{"a loose modifier before a possessive's title; a professor's honorific without its stop is no office", "Hooli Holdings was fined. The board has placed its group CEO, Jane Roe, on leave. The company's medical director, Prof Dan Poe, spoke.", []string{"Dan Poe | Director | Hooli Holdings | current", "Jane Roe | CEO | Hooli Holdings | current"}},
		{"a parliamentarian is a title", "Harwell Unity Party parliamentarian Jane Roe wrote to the commission.", []string{"Jane Roe | Parliamentarian | Harwell Unity Party | current"}},
		{"a lower-case title with a lower-case remit right before a name; not a possessor's firm", "Hooli Inc. director of engineering Jane Roe agreed. Dan Poe was once a director of one of Globex Ltd's other firms.", []string{"Jane Roe | Director | Hooli Inc. | current"}},
		{"a parenthesis between a name and its appositive; a plural title before a comma and names joined by and", "Jane Roe (54), a director of Hooli Inc., said so. Globex University fired its coach. The university's trustees, Dan Poe and Ann Lee, agreed.", []string{"Ann Lee | Trustee | Globex University | current", "Dan Poe | Trustee | Globex University | current", "Jane Roe | Director | Hooli Inc. | current"}},
		{"a region the office covers after for, before the appositive's comma", "Hooli Systems AG won. Hooli's regional director for Southern Africa, Jane Roe, said it would cooperate.", []string{"Jane Roe | Director | Hooli Systems AG | current"}},
		{"an honorific between the title and the name; a revenue authority's Commissioner General and a state advocate", "Harwell Revenue Authority Commissioner General Dr Jane Roe spoke. Senior State Advocate Dan Poe opposed the application.", []string{"Dan Poe | Senior State Advocate |  | current", "Jane Roe | Commissioner General | Harwell Revenue Authority | current"}},
		{"titles with general after the office", "Harwell Competition Council Secretary General Jane Roe spoke. HUF General Secretary Dana Orlo agreed.", []string{"Dana Orlo | General Secretary | HUF | current", "Jane Roe | Secretary General | Harwell Competition Council | current"}},
		{"a calling before the name in the appositive", "Hooli Foods Limited was fined. The company's chairman, farmer Jane Roe, objected.", []string{"Jane Roe | Chairman | Hooli Foods Limited | current"}},
		{"previously one office, now another", "Hooli Foods Limited was fined. Jane Roe, previously head of sales, has been acting chief operating officer since May.", []string{"Jane Roe | acting chief operating officer | Hooli Foods Limited | current", "Jane Roe | head of sales | Hooli Foods Limited | former"}},
		{"the head of a body, then a title before the name", "The chair of the Harwell Transport Committee, MP Jane Roe, said the committee would meet.", []string{"Jane Roe | Chair | Harwell Transport Committee | current", "Jane Roe | MP |  | current"}},
		{"the union is the story's association", "The Harwell Pilots' Association complained. Hooli Airlines Oy was grounded. The union's chair, Jane Roe, said so.", []string{"Jane Roe | Chair | Harwell Pilots' Association | current"}},
		{"named from one office to another of a body", "The board named Chief Financial Officer Jane Roe as acting director of the Harwell Transit Authority.", []string{"Jane Roe | Chief Financial Officer |  | current", "Jane Roe | acting director | Harwell Transit Authority | current"}},
		{"promoted from the appositive's office to another", "Hooli Systems promoted Jane Roe, its head of sales, to chief marketing officer.", []string{"Jane Roe | Chief Marketing Officer | Hooli Systems | current", "Jane Roe | Head of sales | Hooli Systems | current"}},
		{"the head of a branch heads the body", "Jane Roe, who leads the northern chapter of the Hooli Nurses Union, said so.", []string{"Jane Roe | head | Hooli Nurses Union | current"}},
		{"a previous office of the story's company, then a new one", "Hooli Partners reshuffled its board. Jane Roe, formerly the firm's treasurer, has been appointed its managing director.", []string{"Jane Roe | Managing Director | Hooli Partners | current", "Jane Roe | Treasurer | Hooli Partners | former"}},
		{"leading a team that searched an office is no office", "Jane Roe, who led the police team that searched the office of Hooli Inc., declined to comment.", nil},
		{"an appointment after an appositive to an office of a named body", "Hooli Power said it would settle. Jane Roe, who spent a decade at a bank, was named chief executive of Globex Inc. last year.", []string{"Jane Roe | Chief Executive | Globex Inc. | current"}},
		{"joined a body and became its officer", "Jane Roe joined the Harwell Museum as a clerk and became its director.", []string{"Jane Roe | Director | Harwell Museum | current"}},
		{"an office after another clause of the who-clause", "\"We were never told,\" said Jane Roe, who farms near Harwell and is the treasurer of the Harwell Growers Union.", []string{"Jane Roe | Treasurer | Harwell Growers Union | current"}},
		{"reinstated as an office of a body", "The court issued an injunction reinstating Jane Roe as director general of the public broadcaster Hooli Television.", []string{"Jane Roe | Director General | Hooli Television | current"}},
		{"a rank word before the title is not the body's", "Harwell Investigations Division Chief Technical Director Jane Roe spoke.", []string{"Jane Roe | Technical Director | Harwell Investigations Division | current"}},
		{"a title of two words written with a hyphen", "The Harwell Bar Council opened proceedings. The council's vice-chair, Ilsabet Quorrenz, said so.", []string{"Ilsabet Quorrenz | Vice Chair | Harwell Bar Council | current"}},
		{"a place the office covers before the name", "Hooli Corp's managing partner in Kenya, Tavi Oruwenko, said the firm was disappointed.", []string{"Tavi Oruwenko | Managing Partner | Hooli Corp | current"}},
		{"a place between a title that implies a national body and the name", "The Attorney General in Kenya, Jane Roe, said so.", nil},
		{"a hyphenated title that would imply a national body implies none", "She met the Attorney-General, Jane Roe, on Monday.", nil},
		{"an office with its portfolio before the name", "The Harwell Ministry of Public Works and Transport signed it. Minister of Public Works and Transport Jane Roe defended it.", []string{"Jane Roe | Minister of Public Works and Transport | Harwell Ministry of Public Works and Transport | current"}},
		{"an office with a portfolio in commas is the person's", "The Minister of Environment, Water and Parks, Jane Roe, said so. Former Minister for Rural Affairs Dan Poe agreed.", []string{"Dan Poe | Minister for Rural Affairs |  | former", "Jane Roe | Minister of Environment, Water and Parks |  | current"}},
		{"a client after for is no portfolio", "Counsel for Hooli Corp, Jane Roe, said so.", []string{"Jane Roe | Counsel | Hooli Corp | current"}},
		{"the office served is not the person's", "A spokesperson for the minister, Jane Roe, said so. An aide to the governor, Dan Poe, agreed. The widow of the mayor, Ann Lee, spoke.", []string{"Dan Poe | aide |  | current", "Jane Roe | Spokesperson |  | current"}},
		{"a company whose officer is named in commas", "The plan was drawn up by Hooli Consulting, whose managing director, Jane Roe, is the mayor's sister.", []string{"Jane Roe | Managing Director | Hooli Consulting | current"}},
		{"a person who is an officer of a company", "Her brother, Dan Poe, is the commercial manager of Hooli Pharma S.A., the competitor.", []string{"Dan Poe | Manager | Hooli Pharma S.A. | current"}},
		{"a faculty is a body", "Jane Roe, the former dean of the Faculty of Economic Sciences, was elected.", []string{"Jane Roe | Dean | Faculty of Economic Sciences | former"}},
		{"a modifier before a body's noun names it by a word of its name", "Hooli Solar Ltd sued Globex Power Corp in March. \"It was copied,\" said Jane Roe, the solar company's lawyer. Dan Poe, the state-owned company's counsel, disagreed.", []string{"Jane Roe | Lawyer | Hooli Solar Ltd | current"}},
		{"an office after a noun that serves no one is the person's", "The board accepted the resignation of the chief executive, Jane Roe. Residents sent a letter to the mayor, Dan Poe.", []string{"Dan Poe | Mayor |  | current", "Jane Roe | Chief Executive |  | current"}},
		{"a portfolio reaches no further than the name before it", "Minister of Finance Dan Poe and Jane Roe attended. The Minister of Health and Ann Lee met.", []string{"Dan Poe | minister of finance |  | current"}},
		{"a portfolio's body is a public one", "Minister for Energy Jane Roe said Delta Energy Corp had won the tender.", []string{"Jane Roe | Minister for Energy |  | current"}},
		{"former implied org", "Former Defense Secretary Robert Gates spoke.", []string{"Robert Gates | Defense Secretary | Department of Defense | former"}},
		{"a state before the title is not the nation's body", "Oregon Attorney General Jane Roe sued. U.S. Attorney General John Park did not.", []string{"Jane Roe | Attorney General |  | current", "John Park | Attorney General | Department of Justice | current"}},
		{"executive of the story's company", "Quenby Air removed its leader. The airline said Mara Quill, the chief financial officer, would step in.", []string{"Mara Quill | Chief Financial Officer | Quenby Air | current"}},
		{"nominal airline owner", "Quenby Air fell. Ivo Stark, the airline's chief operating officer, spoke.", []string{"Ivo Stark | Chief Operating Officer | Quenby Air | current"}},
		{"appositive then departure", "Quenby Air fell. Ivo Stark, the airline's chief operating officer, resigned in February.", []string{"Ivo Stark | Chief Operating Officer | Quenby Air | former"}},
		{"occupation before a name", "Brill Construction said chief estimator Laura Stark had no comment.", []string{"Laura Stark | Chief Estimator | Brill Construction | current"}},
		{"head of state", "President Henry Moss spoke.", []string{"Henry Moss | President |  | current"}},
		{"lower-case title", "It was a loss for president Henry Moss.", []string{"Henry Moss | President |  | current"}},
		{"appositive after", "Daniel Pink, Globex's senior vice president of marketing, declined.", []string{"Daniel Pink | Senior Vice President of marketing | Globex | current"}},
		{"appositive at", "Katherine Brown, chief technology officer at Initech, said so.", []string{"Katherine Brown | Chief Technology Officer | Initech | current"}},
		{"academic title takes the university", "Tellford University cut jobs. Jane Park, a chemistry professor, objected. Provost Omar Lee agreed.", []string{"Jane Park | Professor | Tellford University | current", "Omar Lee | Provost | Tellford University | current"}},
		{"appositive noun modifiers", "Jane Park, a former Pentagon procurement official, spoke.", []string{"Jane Park | Official | Department of Defense | former"}},
		{"appositive described org", "Jane Park, a former executive at chip maker Globex Software, spoke.", []string{"Jane Park | Executive | Globex Software | former"}},
		{"appositive nominal org", "Globex Software denied it. Jane Park, a spokeswoman for the Ohio-based company, said so.", []string{"Jane Park | Spokeswoman | Globex Software | current"}},
		{"appositive before", "The Defense Department's chief information officer, Maria Diaz, disagreed.", []string{"Maria Diaz | Chief Information Officer | Department of Defense | current"}},
		{"place before title", "US Secretary of State Anne Kim met reporters.", []string{"Anne Kim | Secretary of State | Department of State | current"}},
		{"list of people keeps titles apart", "They want to depose Esper Lane, former Defense Secretary Robert Gates, and others.", []string{"Robert Gates | Defense Secretary | Department of Defense | former"}},
		{"its founder", "Critics attacked Hooli and its founder, Gavin Belson.", []string{"Gavin Belson | Founder | Hooli | current"}},
		{"subsidiary", "Initech and its cloud subsidiary, Initech Hosting Services, won.", []string{"Initech Hosting Services subsidiary_of Initech"}},
		{"company's arm", "The deal hurt rival Initech. Initech Hosting Services, the company's cloud arm, appealed.", []string{"Initech Hosting Services subsidiary_of Initech"}},
		{"owns", "Gavin Belson, who owns the Springfield Gazette, spoke.", []string{"Gavin Belson owns Springfield Gazette", "Gavin Belson | Owner | Springfield Gazette | current"}},
		{"owner with an office is no owner role", "Hooli CEO Gavin Belson, who owns the Springfield Gazette, spoke.", []string{"Gavin Belson owns Springfield Gazette", "Gavin Belson | CEO | Hooli | current"}},
		{"removed title is former", "Globex Software said its board had removed Chief Executive Hank Scorpio.", []string{"Hank Scorpio | Chief Executive | Globex Software | former"}},
		{"then-prefixed title", "It was approved by then-President Henry Moss.", []string{"Henry Moss | President |  | former"}},
		{"company before title", "Globex won. Company spokeswoman Jane Park said so.", []string{"Jane Park | Spokeswoman | Globex | current"}},
		{"title modifier names the organization by its head", "The Port Carrick City Council voted 5-2. Council President Jane Park, who sponsored it, spoke.", []string{"Jane Park | President | Port Carrick City Council | current"}},
		{"office at the story's organization", "Regulators fined Globex Software. Globex Software appealed, and the Ohio Treasury watched. In a statement, spokeswoman Jane Park said Globex Software would fight.", []string{"Jane Park | Spokeswoman | Globex Software | current"}},
		{"public office takes no story organization", "Regulators fined Globex Software. Globex Software appealed. On Monday, Inspector General Jane Park said the review would go on.", []string{"Jane Park | Inspector General |  | current"}},
		{"acting title kept", "Maria Diaz, the Pentagon's acting chief information officer, spoke.", []string{"Maria Diaz | acting Chief Information Officer | Department of Defense | current"}},
		{"conjoined titles share the org", "Jane Park, the founder and chairman of Globex Data Centers, spoke.", []string{"Jane Park | Chairman | Globex Data Centers | current", "Jane Park | Founder | Globex Data Centers | current"}},
		{"as after an appositive", "Globex Software named Jane Park, its chief operating officer, as interim CEO.", []string{"Jane Park | Chief Operating Officer | Globex Software | current", "Jane Park | Interim CEO | Globex Software | current"}},
		{"head noun names the org", "The suit was filed by the Tellford Fair Maps Alliance. Jane Park, the alliance's lead counsel, spoke. The Tellford Conduct Board opened an inquiry. It was signed by the board's chief counsel, Omar Lee.", []string{"Jane Park | Lead Counsel | Tellford Fair Maps Alliance | current", "Omar Lee | Chief Counsel | Tellford Conduct Board | current"}},
		{"head noun names the org the story names after", "Jane Park, the ministry's director general, signed the award. The Ministry of Works defended it.", []string{"Jane Park | Director General | Ministry of Works | current"}},
		{"an owner the story does not name", "Hooli Inc. lost the tender. Jane Park, the ministry's director general, signed the award.", []string{"Jane Park | Director General |  | current"}},
		{"stepped aside from a case is no departure", "Justice Jane Park stepped aside from the case in July.", []string{"Jane Park | Justice |  | current"}},
		{"title word as a verb", "\"We'll judge Jane Park by what she does,\" he said.", nil},
		{"conjoined titles after a field", "Globex Software objected. Jane Park, Globex's vice president for sales and marketing and chief operating officer, said so.", []string{"Jane Park | Chief Operating Officer | Globex Software | current", "Jane Park | Vice President | Globex Software | current"}},
		{"named PERSON interim TITLE", "Tellford Volleyball League commissioner Omar Lee resigned. The league's board named chief operating officer Jane Park interim commissioner.", []string{"Jane Park | Chief Operating Officer | Tellford Volleyball League | current", "Jane Park | interim Commissioner | Tellford Volleyball League | current", "Omar Lee | Commissioner | Tellford Volleyball League | former"}},
		{"sentence-initial title takes the previous subject", "Globex Software denied wrongdoing. Chief Executive Officer Jane Park said so.", []string{"Jane Park | Chief Executive Officer | Globex Software | current"}},
		{"left to become", "Jane Park left the agency to become a senior vice president at Globex Software.", []string{"Jane Park | Senior Vice President | Globex Software | current"}},
		{"a person's spokeswoman", "Senator Omar Lee spoke. A spokeswoman for Lee, Jane Park, declined.", []string{"Jane Park | Spokeswoman |  | current", "Omar Lee | Senator |  | current"}},
		{"council member", "Tellford City Council member Orsola Quintrell sued.", []string{"Orsola Quintrell | Council Member | Tellford City Council | current"}},
		{"served as org's title in a who-clause", "The suit names Jane Park, who served as DHS's deputy chief information officer until last spring.", []string{"Jane Park | Chief Information Officer | Department of Homeland Security | former"}},
		{"joined the company as", "Globex Software won. Jane Park joined the company as a managing director.", []string{"Jane Park | Managing Director | Globex Software | current"}},
		{"resigned day as", "Globex Software said so. Jane Park resigned Monday as CEO of Globex Software.", []string{"Jane Park | CEO | Globex Software | former"}},
		{"after years as", "Jane Park joined Hooli after six years as chief financial officer of Globex Software.", []string{"Jane Park | Chief Financial Officer | Globex Software | former"}},
		{"who is now", "Jane Park, who is now a managing director at Globex Software, spoke.", []string{"Jane Park | Managing Director | Globex Software | current"}},
		{"age then was", "Jane Park, 54, was dean of Tellford University before that.", []string{"Jane Park | Dean | Tellford University | former"}},
		{"named interim", "Jane Park was named interim president of Globex Software.", []string{"Jane Park | interim President | Globex Software | current"}},
		{"where she served", "Jane Park left Tellford University, where she had served as provost.", []string{"Jane Park | Provost | Tellford University | former"}},
		{"then-prefixed modifier", "It was signed by then-finance vice president Jane Park.", []string{"Jane Park | Vice President |  | former"}},
		{"professor of a long field at", "Jane Park, a professor of government procurement law at Tellford University, spoke.", []string{"Jane Park | Professor | Tellford University | current"}},
		{"title for org before person", "Counsel for Globex, Jane Park of Hooli LLP, declined to comment.", []string{"Jane Park | Counsel | Globex | current"}},
		{"worked as", "Jane Park, who co-founded the company in 2011 after working as a vice president at Hooli, spoke. ", []string{"Jane Park | Vice President | Hooli | former"}},
		{"co-founded", "Globex Software grew. Jane Park co-founded the company in 2011.", []string{"Jane Park | Co-founder | Globex Software | current"}},
		{"served as until", "Jane Park, who served as deputy director of Hooli Labs until she retired, left.", []string{"Jane Park | Deputy Director | Hooli Labs | former"}},
		{"joined as", "Jane Park joined Hooli Labs as a vice president in May.", []string{"Jane Park | Vice President | Hooli Labs | current"}},
		{"pronoun was previously", "Jane Park spoke. She was previously chief financial officer of Hooli Analytics.", []string{"Jane Park | Chief Financial Officer | Hooli Analytics | former"}},
		{"resigned as", "Globex Software lost a director. Jane Park, a longtime Hank Scorpio ally, resigned as a director.", []string{"Jane Park | Director | Globex Software | former"}},
		{"spent years as", "Jane Park spoke. She previously worked as an assistant U.S. attorney and spent 12 years as a partner at a law firm.", []string{"Jane Park | Assistant U.S. Attorney |  | former", "Jane Park | Partner |  | former"}},
		{"who represents", "Jane Park of Hooli LLP, who represents Globex Software, spoke.", []string{"Jane Park | Attorney | Hooli LLP | current"}},
		{"who represents a pronoun", "Omar Lee sued. \"It is over,\" said Jane Park of Hooli LLP, who represents him.", []string{"Jane Park | attorney | Hooli LLP | current"}},
		{"of a firm, counsel for", "Jane Park of Hooli LLP, lead counsel for Globex Software, spoke.", []string{"Jane Park | Lead Counsel | Hooli LLP | current"}},
		{"a title with a firm", "Jane Park, an attorney with Hooli Lacey PLLC who represents Globex Software, spoke.", []string{"Jane Park | Attorney | Hooli Lacey PLLC | current"}},
		{"a member of a body is a role at it, however the seat is worded; a member of no body is none", "Jane Park, a member of the Tellford Water Board, spoke. Commission member Omar Lee agreed. The third member of the Tellford Competition Commission, Ann Cole, said nothing. Dan Roe, one of the Tellford Harbour Board's five members, voted against. Tom Hill, a member, left.", []string{"Ann Cole | Member | Tellford Competition Commission | current", "Dan Roe | member | Tellford Harbour Board | current", "Jane Park | Member | Tellford Water Board | current", "Omar Lee | Commission Member | Tellford Competition Commission | current"}},
		{"a possessive's counsel set off by commas, then the body he is from", "Her lawyer, Omar Lee, of the Tellford Bar Association (TBA), said the ruling was wrong.", []string{"Omar Lee | Lawyer | Tellford Bar Association | current"}},
		{"a title's capitalized remit that names no body is part of the title, not an organization; a company named elsewhere stays one", "The Registrar of Lands, Omar Lee, approved the survey. Jane Park, the owner of Tellford Holdings, sued. Tellford won.", []string{"Jane Park | Owner | Tellford Holdings | current", "Omar Lee | Registrar of Lands |  | current"}},
		{"one of a body's members", "Hooli appealed. It centres on Jane Park, one of the Tellford Competition Commission's members. Omar Lee, one of the members of the Tellford Water Board, spoke.", []string{"Jane Park | member | Tellford Competition Commission | current", "Omar Lee | member | Tellford Water Board | current"}},
		{"a body chaired by", "The Tellford Conduct Tribunal, chaired by retired judge Jane Park, reported on Monday.", []string{"Jane Park | Judge |  | former", "Jane Park | chair | Tellford Conduct Tribunal | current"}},
		{"who chairs after an appositive", "Jane Park, a retired accountant who chairs the Tellford Taxpayers Coalition, spoke.", []string{"Jane Park | Accountant |  | former", "Jane Park | chair | Tellford Taxpayers Coalition | current"}},
		{"named its officer as", "The Tellford Arts Foundation has named its chief program officer, Jane Park, as interim executive director.", []string{"Jane Park | Chief Program Officer | Tellford Arts Foundation | current", "Jane Park | interim executive director | Tellford Arts Foundation | current"}},
		{"previously its", "Globex Software needed a lawyer. It named Jane Park, previously its associate general counsel, to the post.", []string{"Jane Park | associate general counsel | Globex Software | former"}},
		{"an office, then its holder in the next sentence", "The general counsel of Globex Software has resigned after an audit. Jane Park, who joined in 2019, left on Friday.", []string{"Jane Park | General Counsel | Globex Software | former"}},
		{"who has been the company's", "Globex Software lost its lawyer. Jane Park, who has been the company's general counsel since 2019, left.", []string{"Jane Park | General Counsel | Globex Software | current"}},
		{"who teaches", "Jane Park, who teaches law at Springfield University, spoke.", []string{"Jane Park | Professor | Springfield University | current"}},
		{"occupation from the general list", "Jane Park, an epidemiologist at Tellford University, spoke.", []string{"Jane Park | epidemiologist | Tellford University | current"}},
		{"honorific inside an appositive", "Globex Software fell. A spokeswoman, Dr. Jane Park, declined.", []string{"Jane Park | Spokeswoman | Globex Software | current"}},
		{"a head-word modifier overrides the story's company", "The Tellford Utility Commission cut the rate Globex Power asked for. In the order, Commission Chairwoman Jane Park wrote that Globex Power erred. Commissioner Omar Lee dissented.", []string{"Jane Park | Chairwoman | Tellford Utility Commission | current", "Omar Lee | Commissioner | Tellford Utility Commission | current"}},
		{"modifier and head name the body", "The Tellford Complaints Commission prosecuted. Tellford Complaints Commissioner Jane Park spoke.", []string{"Jane Park | Commissioner | Tellford Complaints Commission | current"}},
		{"title, a name of any origin, and of the body", "Det Sgt Aoife Brannigan of the Garda National Economic Crime Bureau said the inquiry was continuing.", []string{"Aoife Brannigan | Det Sgt | Garda National Economic Crime Bureau | current"}},
		{"who heads", "Jane Park, who heads the Tellford Port Authority, said so.", []string{"Jane Park | head | Tellford Port Authority | current"}},
		{"took over as", "Jane Park took over as chairman of Globex Software in 2021.", []string{"Jane Park | Chairman | Globex Software | current"}},
		{"an age before the appositive", "Jane Park, 54, the president of Tellford University, spoke.", []string{"Jane Park | President | Tellford University | current"}},
		{"partner at the law firm", "Jane Park, a partner at the law firm Hollis Ward, represents the company.", []string{"Jane Park | Partner | Hollis Ward | current"}},
		{"modifier alone is no occupation", "His deputy, Jane Park, spoke.", nil},
		{"a plural title two names share", "Hooli Inc. sued. Globex Software co-founders Jane Park, Omar Lee and Dana Poe spoke.", []string{"Dana Poe | Co-founder | Globex Software | current", "Jane Park | Co-founder | Globex Software | current", "Omar Lee | Co-founder | Globex Software | current"}},
		{"a plural title before one name is not its", "In a letter to fellow senators Mary Poe wrote that the bill failed.", nil},
		{"a portfolio noun between a status word and a title; an appositive's office in the body named after 'in the'", "The Harwell Ministry of Works was sued. Former fisheries minister Dan Poe spoke. Jane Park, the permanent secretary in the Harwell Ministry of Works, agreed.", []string{"Dan Poe | Minister |  | former", "Jane Park | Permanent Secretary | Harwell Ministry of Works | current"}},
		{"a body set off by commas after an appositive's title; a body after 'to the'", "The Harwell Port Authority was sued. Dan Poe, director of procurement, Harwell Port Authority, approved the bid. Jane Park, counsel to the Harwell Port Authority, agreed.", []string{"Dan Poe | Director of procurement | Harwell Port Authority | current", "Jane Park | Counsel | Harwell Port Authority | current"}},
		{"unit of", "Initech Hosting Services, a unit of Initech, appealed.", []string{"Initech Hosting Services subsidiary_of Initech"}},
		{"the lawyer representing a body named with 'the'", "Hooli Corp was sued. Jane Roe, the lawyer representing the Harwell Gaming Board, said no.", []string{"Jane Roe | Lawyer | Harwell Gaming Board | current"}},
		{"a title before the name, then the firm after 'of' set off by commas", "Advocate Jane Roe, of Hollis Ward LLP, told the court so.", []string{"Jane Roe | Advocate | Hollis Ward LLP | current"}},
		{"Crown Counsel is a government lawyer's title, not a body", "Crown Counsel Jane Roe opposed it.", []string{"Jane Roe | Crown Counsel |  | current"}},
		{"a body's noun inside the title names the body the story named so", "The Harwell Ministry of Works and the Harwell Port Authority ran the tender, which Kestrel Marine Ltd lost. A ministry spokesman, Tom Briggs, said the decision was final.", []string{"Tom Briggs | ministry spokesman | Harwell Ministry of Works | current"}},
		{"a proprietor and an administrator-general are offices", "Hooli Builders won. Tashi Namgay, the proprietor of Hooli Builders, spoke. The Harwell Health Agency was sued. Its administrator-general, Katrien Smedt, said so.", []string{"Katrien Smedt | Administrator-General | Harwell Health Agency | current", "Tashi Namgay | Proprietor | Hooli Builders | current"}},
		{"a rank word that is also a title qualifies the title after it", "Dan Poe, the former deputy chief information officer of Hooli Corp, spoke. In the assembly, Deputy Jane Roe asked.", []string{"Dan Poe | Chief Information Officer | Hooli Corp | former", "Jane Roe | Deputy |  | current"}},
		{"who also heads, who currently chairs", "The Foxhounds sued. Jane Roe, who also heads the real estate company Hooli Sports Group, did not comment. Omar Lee, who currently chairs the Harwell Port Authority, spoke.", []string{"Jane Roe | head | Hooli Sports Group | current", "Omar Lee | chair | Harwell Port Authority | current"}},
		{"a superintendent sits at the story's superintendency", "The Superintendency of Banks of Harwell took over Hooli Bank. Superintendent Jane Roe rejected the accusations.", []string{"Jane Roe | Superintendent | Superintendency of Banks of Harwell | current"}},
		{"became an office", "Jane Roe became chief executive of Acme Corp in 2019. Omar Lee joined Hooli University in 1991 and became vice president in 2020.", []string{"Jane Roe | Chief Executive | Acme Corp | current", "Omar Lee | Vice President | Hooli University | current"}},
		{"an attorney general is the Department of Justice's only in a story that names it, or after the nation", "Jane Roe sued. Attorney General Jane Roe spoke. U.S. Attorney General John Park did not.", []string{"Jane Roe | Attorney General |  | current", "John Park | Attorney General | Department of Justice | current"}},
		{"an office's remit is the body named by it and a head word", "The Director of Lands, Jane Roe, chaired the committee. Roe did not respond to questions sent to the Lands Department.", []string{"Jane Roe | Director | Lands Department | current"}},
		{"a vice minister's remit names the ministry", "The Harwell Ministry of National Security was sued. The Vice Minister of National Security, Jane Roe, rejected it.", []string{"Jane Roe | Vice Minister of National Security | Harwell Ministry of National Security | current"}},
		{"its board chairman is the company's, whatever board the story names", "Hooli Casinos Ltd was fined by the Harwell Gaming Board on Monday. Its board chairman, Jane Roe, said it would appeal.", []string{"Jane Roe | Board Chairman | Hooli Casinos Ltd | current"}},
		{"a board chairman sits on the story's board", "Families sued the Harwell Scholarship Board and Hooli Corp. Board chairman Jane Roe declined to comment. The board's secretary, Omar Lee, said no.", []string{"Jane Roe | Board Chairman | Harwell Scholarship Board | current", "Omar Lee | Secretary | Harwell Scholarship Board | current"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, roleSummary(run(t, tt.text))); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRolesGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/roles_*.txt")
	corpus, _ := filepath.Glob("../data/corpus/*.txt")
	for _, f := range append(files, corpus...) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if !strings.HasPrefix(name, "roles_") {
			name = "roles_corpus_" + name
		}
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, name+".golden.json", roleSummary(run(t, string(b))))
		})
	}
}

// TestSubsumedRoles: an office named again without its organization is
// the office named with it, which keeps both sources.
func TestSubsumedRoles(t *testing.T) {
	ex, err := Document(kg.Document{ID: "t", Text: "Harwell University President Jane Roe resigned on Monday. \"President Roe's exit changes little,\" Dan Whitcomb said."}, lexicon.Must())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range ex.Roles {
		got = append(got, fmt.Sprintf("%s|%s|%d", r.Title, r.Organization, len(r.Sources)))
	}
	if len(ex.Roles) != 1 || ex.Roles[0].Organization == "" || len(ex.Roles[0].Sources) != 2 {
		t.Errorf("roles %v, want one at the university with two sources", got)
	}
}
