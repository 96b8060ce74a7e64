package extract

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/kg"
	"github.com/factgraph/factgraph/lexicon"
	"github.com/google/go-cmp/cmp"
)

// run runs the stages up to roles over text.
func run(t testing.TB, text string) *docState {
	t.Helper()
	d := &docState{Doc: kg.Document{ID: "t", Text: text}, Lex: rulesLexicon()}
	d.rewriteQuotations()
	clean(d)
	segment(d)
	findMentions(d)
	findRoles(d)
	return d
}

// rulesLexicon is the built-in lexicon without the learned models: the
// tests of the stages check what the rules give, which is what the models
// read (stancemodel_test.go and typemodel_test.go test the models on top
// of them).
var rulesLexicon = sync.OnceValue(func() *lexicon.Lexicon {
	l := *lexicon.Must()
	l.Files = maps.Clone(l.Files)
	delete(l.Files, "stance_model")
	delete(l.Files, "bias_model")
	delete(l.Files, "type_model")
	delete(l.Files, "role_model")
	delete(l.Files, "attach_model")
	return &l
})

// entitySummary is "type:Name" for each entity, sorted.
func entitySummary(d *docState) []string {
	var out []string
	for _, e := range d.Entities {
		if len(e.Mentions) > 0 {
			out = append(out, string(e.Type)[:3]+":"+e.Name)
		}
	}
	sort.Strings(out)
	return out
}

func TestMentionTyping(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"title split from person", "Defense Secretary Mark Lane visited troops.", []string{"per:Mark Lane"}},
		{"a body's remit against a wrong goes on past a lower-case against", "The National Commission for the Fight against Illicit Enrichment received a complaint.", []string{"org:National Commission for the Fight against Illicit Enrichment"}},
		{"an office named by its holder's chambers, after a titled person and of", "State Counsel Jane Roe of the Attorney General's Chambers opposed it. Dan Poe of the Solicitor General's Office agreed.", []string{"org:Attorney General's Chambers", "org:Solicitor General's Office", "per:Dan Poe", "per:Jane Roe"}},
		{"a capitalized remit after a title and of, before its holder, names no body; a client after for does", "The Director of Marine, Jane Roe, spoke. The owner of Globex Trading, Dan Poe, agreed. Counsel for Hooli, Ann Lee, left.", []string{"org:Globex Trading", "org:Hooli", "per:Ann Lee", "per:Dan Poe", "per:Jane Roe"}},
		{"a body's name may open with a joined Arabic article; a contracting firm is a company", "The runner-up, al-Furat Engineering Contracting, filed its suit. Judge Hazem al-Shami heard it.", []string{"org:al-Furat Engineering Contracting", "per:Hazem al-Shami"}},
		{"a particle after one word that is no given name makes no person's name; after a given name, or before an article, it does", "The Provedor de Justiça opened an inquiry. João de Sousa spoke first. Lorena Ibarra de la Peña spoke next; Ibarra de la Peña said she would appeal.", []string{"per:João de Sousa", "per:Lorena Ibarra de la Peña"}},
		{"binti joins a Malay patronymic as bin does; a four-word name before of and a firm named by partners is a person's", "Dayang Siti Nurhayati binti Haji Md Yassin signed it. Leonard Chia Kok Meng of Chia, Lim & Partners said the award was unfair.", []string{"org:Chia, Lim & Partners", "per:Dayang Siti Nurhayati binti Haji Md Yassin", "per:Leonard Chia Kok Meng"}},
		{"a bare office with its own name in parentheses is its institution when the story names no holder and no fuller office of that title", "Hooli Inc. was criticised. The Ombudsman (Provedor de Justiça) opened an inquiry, his office confirmed.", []string{"org:Hooli Inc.", "org:Ombudsman"}},
		{"a bare office is no institution of its own when the story names a holder or the office in full", "The Ombudsman (HPO) has a new head, Ombudsman Jane Roe. The Harwell Parliamentary Ombudsman said the Ombudsman (HPO) would report.", []string{"org:Harwell Parliamentary Ombudsman", "per:Jane Roe"}},
		{"a head word's remit after a capitalized Against", "The Independent Authority Against Corruption (IAAC) opened an investigation.", []string{"org:Independent Authority Against Corruption"}},
		{"a given name that ends a place's name opens no person's", "He was left out of the team for the Los Angeles Olympic Games, Jane Roe said.", []string{"per:Jane Roe"}},
		{"a title phrase with its remit that opens a clause after a comma, then a name set off by commas", "In an application heard on Wednesday, counsel for Hooli Inc., Alesana Tuilagi Leavasa, asked for more time.", []string{"org:Hooli Inc.", "per:Alesana Tuilagi Leavasa"}},
		{"after a title, a plain run of up to four words is one name even when a given name stands inside it", "Hooli Inc. asked Justice Lupematasila Heather Masoe-Kersten to act.", []string{"org:Hooli Inc.", "per:Lupematasila Heather Masoe-Kersten"}},
		{"an ordinal between capitalized words of a court's name", "The Harwell 31st High Criminal Court ruled on Monday.", []string{"org:Harwell 31st High Criminal Court"}},
		{"a place after in closes the remit of a body whose name opens with its head; after a named body it says where it is", "The Council for the Regulation of Engineering in Nigeria opened proceedings. Jane Roe teaches at Harwell University School of Law in Nigeria.", []string{"org:Council for the Regulation of Engineering in Nigeria", "org:Harwell University School of Law", "per:Jane Roe"}},
		{"a legal form's stop ends the sentence before a name that is no legal form, head or title", "The contract went to Hooli Dredging Co. Globex Marine Ltd filed a challenge. It went to Samsung Electronics Co. Ltd. in May.", []string{"org:Globex Marine Ltd", "org:Hooli Dredging Co.", "org:Samsung Electronics Co. Ltd."}},
		{"an initial run into a name with a stop and no space is a person's name", "The company asked the court to summon D.Tumurbaatar, a director of Hooli Ltd. The U.S. Army and Amazon.com Inc. agreed.", []string{"org:Amazon.com Inc.", "org:Department of the Army", "org:Hooli Ltd.", "per:D.Tumurbaatar"}},
		{"a given name and a double-barrelled surname; an apostrophe inside a surname", "Her deputy, Serge Koumba-Ivanga, has been named. Judges Pauline Newman and Kathleen O'Malley joined the opinion.", []string{"per:Kathleen O'Malley", "per:Pauline Newman", "per:Serge Koumba-Ivanga"}},
		{"a title between an honorific and the name is no part of the name", "On Tuesday, Mrs Justice Jane Roe ordered the underwriters to disclose the file.", []string{"per:Jane Roe"}},
		{"Me abbreviates the French Maître before a lawyer's name", `"The committee refused us," Me Jane Rabe told the court.`, []string{"per:Jane Rabe"}},
		{"a currency's code before an amount is not a name's", "Globex Shipping S.L. was fined EUR 9 million and the operator Hooli Freight S.L. EUR 4 million.", []string{"org:Globex Shipping S.L.", "org:Hooli Freight S.L."}},
		{"two remits joined before a body's head of any kind", "The Coastal Dredging and Salvage Group said it would review Hooli Inc.", []string{"org:Coastal Dredging and Salvage Group", "org:Hooli Inc."}},
		{"two remits, the second with of, before a public body's head", "Jane Roe said the Harwell Licensing and Inspection of Rental Homes Appeals Tribunal had ruled.", []string{"org:Harwell Licensing and Inspection of Rental Homes Appeals Tribunal", "per:Jane Roe"}},
		{"a compound adjective before a name is no part of it", "Jane Roe said Oslo-listed Hooli Shipping ASA would appeal.", []string{"org:Hooli Shipping ASA", "per:Jane Roe"}},
		{"a compound given name opens a person's name before of and a firm", "Anne-Marie Roe of Roe Pell Inc. said the bid was late.", []string{"org:Roe Pell Inc.", "per:Anne-Marie Roe"}},
		{"a court's name then a judge's title and name", "The inquiry, led by retired Harwell Court of Appeal Justice Jane Roe, reported on Monday.", []string{"org:Harwell Court of Appeal", "per:Jane Roe"}},
		{"a club named for its sport after its town", "Harwell Athletic lodged an appeal on Friday.", []string{"org:Harwell Athletic"}},
		{"a remit list ending in the", "The Ministry of Mines, Forests and the Environment said it would appeal.", []string{"org:Ministry of Mines, Forests and the Environment"}},
		{"a remit list after on", "The Parliamentary Committee on Ports, Transport and Tourism said it would appeal.", []string{"org:Parliamentary Committee on Ports, Transport and Tourism"}},
		{"an agency closes a list of bodies", "Jane Roe sued the Department of Justice, Globex Inc. and the Pentagon.", []string{"org:Department of Defense", "org:Department of Justice", "org:Globex Inc.", "per:Jane Roe"}},
		{"an opening word or a list of companies is no partner of a firm", "Meanwhile, Hooli & Globex said it would appeal. Acme, Tarrow & Brill each paid fines.", []string{"org:Hooli & Globex", "org:Tarrow & Brill"}},
		{"a body with a head word closes a list of bodies, as a legal form does", "Jane Roe sued the Department of Justice, Globex Inc. and the Harwell Police. Hooli Systems and Globex Group were fined.", []string{"org:Department of Justice", "org:Globex Group", "org:Globex Inc.", "org:Harwell Police", "org:Hooli Systems", "per:Jane Roe"}},
		{"a firm named by partners before an ampersand and a Spanish legal form", "Jane Roe of Ortega, Vidal & Cía. said the claim was weak.", []string{"org:Ortega, Vidal & Cía", "per:Jane Roe"}},
		{"a remit after and the ends in no head; a compound with any participle of the lexicon stays out", "The Department of Broadband, Communications and the Digital Economy said it would appeal. Jane Roe said Kremlin-linked Hooli Group would pay.", []string{"org:Department of Broadband, Communications and the Digital Economy", "org:Hooli Group", "per:Jane Roe"}},
		{"an opening word after a bracket is no partner", "(Meanwhile, Tarrow & Co. paid the fine.)", []string{"org:Tarrow & Co."}},
		{"a firm named by partners before an ampersand", "Jane Roe of Chandro, Torra & Associates said the claim was weak.", []string{"org:Chandro, Torra & Associates", "per:Jane Roe"}},
		{"a legal form in parentheses inside a name", "Harwell Mining (Pty) Ltd said it would appeal.", []string{"org:Harwell Mining (Pty) Ltd"}},
		{"the alone does not join two names", "Jane Roe told the Harwell Mirror the Election Board would comply.", []string{"org:Election Board", "per:Jane Roe"}},
		{"title, name appositive", "Separately, the city's inspector general, Orsola Quintrell, confirmed it.", []string{"per:Orsola Quintrell"}},
		{"a well-known name with a lower-case word", "It said the Committee to Protect Journalists had written to the minister.", []string{"org:Committee to Protect Journalists"}},
		{"a well-known name opening a sentence", "Reporters Without Borders said the refusal fitted a pattern.", []string{"org:Reporters Without Borders"}},
		{"title with a long remit, name appositive", "The agency said its director of enforcement for the Harwell North district, Tavi Oruwenko, had been moved.", []string{"per:Tavi Oruwenko"}},
		{"title at a named place, name appositive", "A lecturer at Harwell Polytechnic Institute, Ilsabet Quorrenz, was dismissed.", []string{"org:Harwell Polytechnic Institute", "per:Ilsabet Quorrenz"}},
		{"an agency whose name ends in a title word", "The government is represented by Rebecca Oyelaran of the U.S. Department of Justice.", []string{"org:Department of Justice", "per:Rebecca Oyelaran"}},
		{"a title that ends in an agency's short name", "Secretary of the Navy Carlos Del Toro said the fleet was ready.", []string{"per:Carlos Del Toro"}},
		{"a committee whose remits are joined by and", "Margaret Olander, the ranking member of the Senate Energy and Natural Resources Committee, said so.", []string{"org:Senate Energy and Natural Resources Committee", "per:Margaret Olander"}},
		{"an honorific name, then of and a firm", "Counsel for Hooli, Mr Tavi Oruwenko of Oruwenko, Park & Co. Advocates, welcomed the decision.", []string{"org:Hooli", "org:Oruwenko, Park & Co.", "per:Tavi Oruwenko"}},
		{"a name, then of and a partnership with a legal form", "Ilsabet Quorrenz of Quorrenz & Co. welcomed it. Quorrenz said so.", []string{"org:Quorrenz & Co.", "per:Ilsabet Quorrenz"}},
		{"a Malaysian honour before a name", "Hooli Corp's counsel, Datuk Tavi Oruwenko of Oruwenko & Partners, said so.", []string{"org:Hooli Corp", "org:Oruwenko & Partners", "per:Tavi Oruwenko"}},
		{"a name, then of and the office it works in", "Counsel for the State, Mr Tavi Oruwenko of the Office of the Attorney-General, told the court.", []string{"org:Office of the Attorney-General", "per:Tavi Oruwenko"}},
		{"a foundation's namesake is a person", "The Melody Quorrenz Foundation opened a school. Melody Quorrenz said so.", []string{"org:Melody Quorrenz Foundation", "per:Melody Quorrenz"}},
		{"a name, then of and a body led by its head word", "Jane Roe of the Office of the Attorney General told the court.", []string{"org:Office of the Attorney General", "per:Jane Roe"}},
		{"an organization's opening words after its full name", "Melody Crest Kenya Limited won the tender on Monday. Melody Crest said it would appeal.", []string{"org:Melody Crest Kenya Limited"}},
		{"a given name before a head word and of", "Ilsabet Quorrenz, who lectures at Ivy School of Business and Economics, said so.", []string{"org:Ivy School of Business and Economics", "per:Ilsabet Quorrenz"}},
		{"a consortium opens its name, particles inside", "The losing bidder, Consorcio Vial del Norte, sued the city.", []string{"org:Consorcio Vial del Norte"}},
		{"a public-utility company's letters after its legal form", "The contract went to Aguas del Norte S.A. E.S.P., a company controlled by Hooli Holdings.", []string{"org:Aguas del Norte S.A. E.S.P.", "org:Hooli Holdings"}},
		{"a football club's letters", "Harwell Rovers FC have lodged an appeal. The club said so.", []string{"org:Harwell Rovers FC"}},
		{"a body's acronym that speaks", "The club broke the rules. QFBA said in a statement that it would defend the decision.", []string{"org:QFBA"}},
		{"a program's acronym that does not speak", "The club broke the rules. QFBA was designed for speed.", nil},
		{"two honorific names joined by and", "The claim names Bramwell Corp., Mr. Gendron and Ms. Shastri as defendants.", []string{"org:Bramwell Corp", "per:Gendron", "per:Shastri"}},
		{"a couple's shared honorifics", "Mr. and Mrs. Quintrell sued Globex Software.", []string{"org:Globex Software", "per:Quintrell"}},
		{"honorific after an opening quote", "Globex Software denied it. \"Mr. Quintrell had no role,\" company spokesman Owen Marsh said.", []string{"org:Globex Software", "per:Owen Marsh", "per:Quintrell"}},
		{"final stop split off a name", "She teaches at the Tellford University School of Law. It grew.", []string{"org:Tellford University School of Law"}},
		{"no date in a name", "The state sued Quixo Technologies on Tuesday. Quixo denied it.", []string{"org:Quixo Technologies"}},
		{"quotation opener", "Lena Hart said: \"There was no way.\" There is more.", []string{"per:Lena Hart"}},
		{"university short form", "Tellford University hired her. She said Tellford was ready.", []string{"org:Tellford University"}},
		{"place is not the university", "Ohio State University won. Ohio voted.", []string{"org:Ohio State University"}},
		{"committee remit", "She testified before the Senate Committee on Banking and Housing.", []string{"org:Senate Committee on Banking and Housing"}},
		{"org before title", "Initech CEO Bill Lumbergh resigned.", []string{"org:Initech", "per:Bill Lumbergh"}},
		{"places are not entities", "The talks in Las Vegas and South Korea ended.", nil},
		{"months and sentence-initial words", "In March, Congress met. However, Tuesday passed.", []string{"org:Congress"}},
		{"head word", "The Springfield Gazette reported it.", []string{"org:Springfield Gazette"}},
		{"legal form", "Globex Corporation sued. Globex lost.", []string{"org:Globex Corporation"}},
		{"ticker", "Hooli (HOOL) fell 3%.", []string{"org:Hooli"}},
		{"no join across 'in'", "Jane Roe sued Quixo Labs in Harwell County District Court.", []string{"org:Harwell County District Court", "org:Quixo Labs", "per:Jane Roe"}},
		{"a number ends a name", "The Harwell School District 12 hired Jane Roe.", []string{"org:Harwell School District 12", "per:Jane Roe"}},
		{"a particle with an article inside a name", "Lorena Ibarra de la Peña denied it. Prosecutor María Fernanda Ruiz de Alba spoke.", []string{"per:Lorena Ibarra de la Peña", "per:María Fernanda Ruiz de Alba"}},
		{"the first of two surnames names the person again", "Gov. Jane Roe named Patricia Olvera Saucedo as director. Olvera said she would review every draw.", []string{"per:Jane Roe", "per:Patricia Olvera Saucedo"}},
		{"a title phrase set off before a name of any origin", "A company spokesperson, Yohana Pardede, said it. Acme's director of enforcement, Kwabena Osei, agreed. Its network planning director, Whetu Paraone, left.", []string{"org:Acme", "per:Kwabena Osei", "per:Whetu Paraone", "per:Yohana Pardede"}},
		{"a quoted nickname inside a name", "Senator Eduardo \"Eddie\" Buenaflor spoke. William “Bill” Hartley left. Acme said \"Nothing\" Else matters.", []string{"org:Acme", "per:Eduardo Buenaflor", "per:William Hartley"}},
		{"a capitalized title opening the phrase", "The Auditor-General, Whetu Paraone-Lind, said so.", []string{"per:Whetu Paraone-Lind"}},
		{"surnames named again from a particle", "Annelie du Plessis-Naudé spoke. Du Plessis-Naudé's office agreed.", []string{"per:Annelie du Plessis-Naudé"}},
		{"a name of the body it belongs to", "Professor Anneli Juhlin-Persson of Stockholm University spoke. Bank of America did not.", []string{"org:Bank of America", "org:Stockholm University", "per:Anneli Juhlin-Persson"}},
		{"letters after a name", "The review was led by Priya Anand-Colville KC, a barrister. Her counsel, Advocate Hennie Lubbe SC, spoke.", []string{"per:Hennie Lubbe", "per:Priya Anand-Colville"}},
		{"a minister's remit is no body", "She lost her role as Associate Minister of Tourism. Minister for Employment Helena Strom spoke.", []string{"per:Helena Strom"}},
		{"surnames of two words name a person again", "Lorena Ibarra de la Peña was summoned. Ibarra de la Peña said it.", []string{"per:Lorena Ibarra de la Peña"}},
		{"a member of parliament", "Green MP Tamsin Hollingworth-Ruru said so.", []string{"per:Tamsin Hollingworth-Ruru"}},
		{"honorifics of other languages", "Deputy chair Ir. Bambang Wicaksono agreed. Governor Ma. Lourdes Reyes left.", []string{"per:Bambang Wicaksono", "per:Ma. Lourdes Reyes"}},
		{"a legal form before the name", "PT Sentosa Agro Niaga fell 5%. Sentosa Agro Niaga said so. Sentosa denied it.", []string{"org:PT Sentosa Agro Niaga"}},
		{"the pronoun of a speaker's own statement", "Prithvi Infocomm said on Thursday that it had no role. Kwabena Asante said he had done nothing wrong.", []string{"org:Prithvi Infocomm", "per:Kwabena Asante"}},
		{"letters that are a state's, not a name's", "Residents of North Charleston SC said so. Residents of Myrtle Beach SC agreed.", nil},
		{"a hospital named for a prince", "She was treated at Prince of Wales Hospital.", []string{"org:Prince of Wales Hospital"}},
		{"a quoted word inside a product's name", "Apple \"Vision\" Pro sales fell.", []string{"org:Apple"}},
		{"a middle name is no second surname", "Lee Harvey Oswald shot Kennedy. Harvey struck Texas in 2017.", []string{"per:Lee Harvey Oswald"}},
		{"an it that is no one", "Kwame Asante-Darko said it was unclear whether the plan would work.", []string{"per:Kwame Asante-Darko"}},
		{"a short name after the full one in its sentence", "The judge let bidder Varrow Defense Systems Inc. go on, but ruled that Varrow may depose the official. Varrow said it was pleased.", []string{"org:Varrow Defense Systems Inc."}},
		{"a body named without its place or house", "The Harwell Elections Commission met. The Elections Commission voted. The Ohio Department of Justice sued. The Department of Justice declined.", []string{"org:Department of Justice", "org:Harwell Elections Commission", "org:Ohio Department of Justice"}},
		{"an appositive says what a body is", "It was sued by Harrow Vane, a London law firm, and by Marlow Agri, a farming company based in Limpopo. Camden, a district of London, was not. Dana Roe, a law firm partner, spoke.", []string{"org:Harrow Vane", "org:Marlow Agri", "per:Dana Roe"}},
		{"a law's name names no one", "Tarn Mills Inc. cited the Fair Trading in Grain Act. It relied on the Public Order (Amendment) Act 2004. Globex Corp. and the Defense Production Act were cited. The regulator accused Marlow Holdings Ltd of Companies Act violations.", []string{"org:Globex Corp", "org:Marlow Holdings Ltd", "org:Tarn Mills Inc."}},
		{"heads and cue words of firms and bodies", "Jane Roe hired solicitors Harrow Vane in May. Orrin Litigation Funding paid the costs. Staff of Harwell National Parks spoke.", []string{"org:Harrow Vane", "org:Harwell National Parks", "org:Orrin Litigation Funding", "per:Jane Roe"}},
		{"given names of other countries", "Rune Kvalsvik sued. Halima Bakari and Piotr Zielonka agreed.", []string{"per:Halima Bakari", "per:Piotr Zielonka", "per:Rune Kvalsvik"}},
		{"a Swedish particle", "The manager, Malin af Klercker, said so.", []string{"per:Malin af Klercker"}},
		{"an age after a name", "The league banned Drazen Oblak for life. Drazen Oblak, 44, said he would appeal.", []string{"per:Drazen Oblak"}},
		{"who after a name", "The ruling cites Tomasz Wierzb, who resigned in March.", []string{"per:Tomasz Wierzb"}},
		{"nouns before an appositive title", "It relies on Tomasz Wierzb, Velora's former data protection officer.", []string{"org:Velora", "per:Tomasz Wierzb"}},
		{"a contraction opening a quote is no name", "\"I've watched her run,\" Jasmine Treloar said.", []string{"per:Jasmine Treloar"}},
		{"which after a name", "Quarlen Public Sector, which had tried to bid, objected.", []string{"org:Quarlen Public Sector"}},
		{"a surname used alone marks a person of any origin", "The agency acted. Chukwuemeka Obiora told reporters it was fine. Obiora declined to elaborate.", []string{"per:Chukwuemeka Obiora"}},
		{"a first word used alone is no surname", "Officials said Quenby Mobility had sued. Quenby said the process was rigged.", []string{"org:Quenby Mobility"}},
		{"given names match without accents", "Renée Whitacre of the Tillman County Chancery Court ruled.", []string{"org:Tillman County Chancery Court", "per:Renée Whitacre"}},
		{"an occupation word inside a company name", "Quenby sued Northway Coach Industries on Monday.", []string{"org:Northway Coach Industries", "org:Quenby"}},
		{"a legal form's stop before a lower-case word ends no sentence; Spanish SL", "The deal was signed. Yesil Enerji A.Ş. challenged the decision. Grup Serveis Aeris SL lost.", []string{"org:Grup Serveis Aeris SL", "org:Yesil Enerji A.Ş."}},
		{"an industry word, a company named by its remit, a demonym opening a body's name", "The deal was signed. Harwell Telecom lost. The State Company for Oil Projects signed. Syrian Arab Airlines objected.", []string{"org:Harwell Telecom", "org:State Company for Oil Projects", "org:Syrian Arab Airlines"}},
		{"a cabinet and a presidency lead their names", "The deal was signed. The Cabinet of Ministers approved it. The Presidency of the Republic objected.", []string{"org:Cabinet of Ministers", "org:Presidency of the Republic"}},
		{"Myanmar's honorific for a woman", "The deal was signed. Daw Khin Mar Lwin, a trader, said it was unfair.", []string{"per:Khin Mar Lwin"}},
		{"an Arabic article joined to a family name", "On Monday, Mahmoud al-Khatib resigned. Al-Khatib said he was tired. Nasser Saleh al-Hamdani agreed.", []string{"per:Mahmoud al-Khatib", "per:Nasser Saleh al-Hamdani"}},
		{"a name particle", "On Monday, Pieter van Rensburg resigned. Van Rensburg said he was tired.", []string{"per:Pieter van Rensburg"}},
		{"nationality adjectives name nothing", "A Dutch member of the European Parliament and a former Swedish judge spoke.", []string{"org:European Parliament"}},
		{"a place compound opens no name", "The Brussels-based European Biosimilars Council objected.", []string{"org:European Biosimilars Council"}},
		{"a bare head or title word is no entity", "\"Trust is earned,\" she said. Deputy Mayor Jane Roe agreed.", []string{"per:Jane Roe"}},
		{"an office named by its holder", "The Minnesota Attorney General's Office confirmed a review.", []string{"org:Minnesota Attorney General's Office"}},
		{"middle initial", "Judge Orla P. Quintrell ruled. Said Peter J. Munro, its chief executive: no.", []string{"per:Orla P. Quintrell", "per:Peter J. Munro"}},
		{"cue before", "The deal helps rival Hooli.", []string{"org:Hooli"}},
		{"cue after", "A Hooli spokesperson declined to comment.", []string{"org:Hooli"}},
		{"company unit head words", "Quenby Air hired a pilot from Tarrow Aviation. The Antitrust Division objected.", []string{"org:Antitrust Division", "org:Quenby Air", "org:Tarrow Aviation"}},
		{"ampersand joins a firm", "Mara Quill of Dunmore & Pike argued the appeal.", []string{"org:Dunmore & Pike", "per:Mara Quill"}},
		{"person of a firm", "Its lawyer, Mara Quill of Dunmore Kolt, said no.", []string{"org:Dunmore Kolt", "per:Mara Quill"}},
		{"a former firm partner", "Mara Quill, a former Brevik partner, joined in 2021.", []string{"org:Brevik", "per:Mara Quill"}},
		{"short form modifying a noun", "Tarrow Cardiac Systems sued, saying former Tarrow engineers took files. Tarrow won.", []string{"org:Tarrow Cardiac Systems"}},
		{"ampersand short form", "Brill Bridge & Iron bid. Brill lost.", []string{"org:Brill Bridge & Iron"}},
		{"dateline", "ST. LOUIS (CN) — Quenby Air sued.", []string{"org:Quenby Air"}},
		{"rank before a place and a title", "It fell to Chief U.S. District Judge Mara Quill to decide.", []string{"per:Mara Quill"}},
		{"opening gerund", "Laura Stark said so. \"Canceling was the only course.\"", []string{"per:Laura Stark"}},
		{"agency alias", "The Pentagon said the DoD would respond.", []string{"org:Department of Defense"}},
		{"a bare office is no body", "Inspector General Mara Quill opened an inquiry. On Tuesday, the Inspector General said she would report. The Public Defender said the client would appeal.", []string{"per:Mara Quill"}},
		{"an office acting as a body", "The Parliamentary Ombudsman has opened an inquiry. The Comptroller General of the Republic said it would audit the deal. The President said no. The Ombudsman, Mara Quill, agreed.", []string{"org:Comptroller General of the Republic", "org:Parliamentary Ombudsman", "per:Mara Quill"}},
		{"program acronym blocked", "The agency runs the Joint Logistics Modernization Program (JLMP). JLMP is late.", nil},
		{"untyped capitalized word", "Azure grew fast.", nil},
		{"surname carried", "Judge Maria Ortiz ruled. Ortiz said the case was closed.", []string{"per:Maria Ortiz"}},
		{"nickname", "Jim Rowan spoke. Later James Rowan left.", []string{"per:James Rowan"}},
		{"honorific", "Dr. Quill testified.", []string{"per:Quill"}},
		{"acronym not matching initials", "Initech Cloud Services (ICX) won. ICX said so.", []string{"org:Initech Cloud Services"}},
		{"initials", "Initech Cloud Services won. ICS said so.", []string{"org:Initech Cloud Services"}},
		{"company is not its unit", "Initech and Initech Cloud Services filed. Initech said its unit would appeal.", []string{"org:Initech", "org:Initech Cloud Services"}},
		{"its marks an org", "Later Hooli filed its lawsuit.", []string{"org:Hooli"}},
		{"possessive", "Hooli's lawyers, hired by rival Hooli, disagreed.", []string{"org:Hooli"}},
		{"a senior counsel's letters before a comma", "Tadhg Quarrie KC, for the bank, said the claim was late.", []string{"per:Tadhg Quarrie"}},
		{"a name set off by commas after a title", "Her solicitor, Tadhg Mac Giolla Rua, told the court she was innocent.", []string{"per:Tadhg Mac Giolla Rua"}},
		{"short form of a two-word company the lexicon has no trade word for", "The general counsel of Tarrow Wealth has resigned. Tarrow said it was sad.", []string{"org:Tarrow Wealth"}},
		{"short form drops industry words", "Globex Data Centers won the deal. Later Globex said it would build more.", []string{"org:Globex Data Centers"}},
		{"a company of three words with no head word is named by its first two", "The regulator fined the airline Tarrow Kestrel Aviação in May. Later Tarrow Kestrel said it would appeal.", []string{"org:Tarrow Kestrel Aviação"}},
		{"a company's first two words name it for short", "Tarrow Capital Investments was fined. The board found that Tarrow Capital had placed the orders.", []string{"org:Tarrow Capital Investments"}},
		{"a body's list of remits set off by commas, a given name among them", "The Scholarship, Grant and Loan Board refused. The Economy, Industry and Trade Committee met.", []string{"org:Economy, Industry and Trade Committee", "org:Scholarship, Grant and Loan Board"}},
		{"a lawyer of four words and her partnership after 'of'; a lawyer set off after her title, of a firm whose last word is no head", "Hooli Ltd sued. Its lawyer, Mr Benedict Ong Jia Hao of Ong & Loke LLP, spoke. The company's lawyer, Hicham Ouazzani-Touhami of Cabinet Ouazzani & Associés, spoke.", []string{"org:Cabinet Ouazzani & Associés", "org:Hooli Ltd", "org:Ong & Loke LLP", "per:Benedict Ong Jia Hao", "per:Hicham Ouazzani-Touhami"}},
		{"of two persons who share a two-word surname, the one named before with the same rank", "The inspection was led by Captain Jane Roe Poe, whose brother, Dan Roe Poe, owns Hooli Ltd, a rival. The court will summon Captain Roe Poe.", []string{"org:Hooli Ltd", "per:Dan Roe Poe", "per:Jane Roe Poe"}},
		{"an honorific's name ends before 'and' and a title", "Jane Roe was sued. He asked the court to summon Mr. Roe and Deputy Governor Mary Achol Akec.", []string{"per:Jane Roe", "per:Mary Achol Akec"}},
		{"an honorific's name ends before 'and the'", "Jane Roe was sued. He asked the court to summon Dr. Roe and the Director General of the Harwell Port Authority.", []string{"org:Harwell Port Authority", "per:Jane Roe"}},
		{"short form in the same sentence", "Globex Software said it paid a vendor that won a contract from Globex.", []string{"org:Globex Software"}},
		{"first word as short form", "Globex Federal Solutions LLC won a protest. Globex said it was pleased.", []string{"org:Globex Federal Solutions LLC"}},
		{"short form keeps a non-industry word", "Initech said Initech Web Services would appeal.", []string{"org:Initech", "org:Initech Web Services"}},
		{"sentence-initial common word", "Shares fell 9%. Hooli shares rose.", []string{"org:Hooli"}},
		{"I is no company", "\"I have given eight years to this university, and I will not let a dispute define them,\" Jane Roe wrote. \"I testified truthfully, and I stand by that testimony.\"", []string{"per:Jane Roe"}},
		{"known company is no short form", "Amazon Web Services won. Amazon said its unit would build it.", []string{"org:Amazon", "org:Amazon Web Services"}},
		{"school of a university", "She teaches at Springfield University School of Law in St. Louis.", []string{"org:Springfield University School of Law"}},
		{"hyphenated head word", "It was first reported by the Springfield Post-Dispatch.", []string{"org:Springfield Post-Dispatch"}},
		{"appeals court by circuit", "They asked the 8th U.S. Circuit Court of Appeals to act. The 8th Circuit declined.", []string{"org:U.S. Court of Appeals for the 8th Circuit"}},
		{"group with a remit", "The suit was filed by Citizens for Fair Roads, a watchdog group.", []string{"org:Citizens for Fair Roads"}},
		{"state agency keeps its state", "The Ohio Department of Health said so.", []string{"org:Ohio Department of Health"}},
		{"office of a title", "The VA Office of Inspector General found it.", []string{"org:VA Office of Inspector General"}},
		{"one-word title before a head word", "The map was drawn by the General Assembly.", []string{"org:General Assembly"}},
		{"subcommittee after a plural possessive", "She chairs the House Farmers' Affairs Subcommittee on Rural Roads.", []string{"org:House Farmers' Affairs Subcommittee on Rural Roads"}},
		{"title's organization after of", "Jane Roe, CEO of Globex Corp, said no.", []string{"org:Globex Corp", "per:Jane Roe"}},
		{"team after owns the", "Ana Roe, who owns the Charlotte Hawks, spoke.", []string{"org:Charlotte Hawks", "per:Ana Roe"}},
		{"place opens a team name", "Jon Roe, the owner of the Denver Peaks, spoke.", []string{"org:Denver Peaks", "per:Jon Roe"}},
		{"given name after unknown title words", "It was led by Senate Floor Whip Curtis Quill. Quill spoke.", []string{"per:Curtis Quill"}},
		{"lone given name", "Lydia Quill, a lawyer, spoke. Lydia knows the risks.", []string{"per:Lydia Quill"}},
		{"agency by its remit", "The Department of Public Works won. Public Works Director Gina Roe spoke.", []string{"org:Department of Public Works", "per:Gina Roe"}},
		{"industry word head", "She joined from Halberd Bio last year.", []string{"org:Halberd Bio"}},
		{"appeals court written out", "The U.S. Court of Appeals for the Ninth Circuit ruled.", []string{"org:U.S. Court of Appeals for the Ninth Circuit"}},
		{"an acronym counts the parts of hyphenated words and dotted abbreviations", "The U.S. Anti-Fraud Office said so. USAFO said it would appeal.", []string{"org:U.S. Anti-Fraud Office"}},
		{"a given name after a title and at is a workplace", "Jane Roe, a partner at Melody Hale, said so.", []string{"org:Melody Hale", "per:Jane Roe"}},
		{"a name set off after a title's remit that ends in a body's noun is the title holder's, not the body's; after the noun alone it is the body's", "The Harwell Financial Authority is monitoring the dispute, a spokesman for the regulator, Tamir Qaddouri, said. It said its rival, Hooli Pay, had declined to comment.", []string{"org:Harwell Financial Authority", "org:Hooli Pay", "per:Tamir Qaddouri"}},
		{"an initial with its stop opens a name of two proper nouns, or of one set off by commas; a sentence's last capital does not", "The petition was filed by R. Dan Harwick, who lost. His counsel, P. Raghunandan, agreed. They fought in World War I. The Allies won.", []string{"per:P. Raghunandan", "per:R. Dan Harwick"}},
		{"an honorific abbreviation keeps its stop before the name", "The oath was taken before regional director Atty. Marivic Tolentino. The Public Protector, Adv. Karabo Motaung, confirmed it.", []string{"per:Karabo Motaung", "per:Marivic Tolentino"}},
		{"a portfolio of two fields joined by 'and' ends after the word that follows 'and', before a name the lexicon does not know", "Minister of Water and Sanitation Tamir Qaddouri-Nkosi spoke. Minister of Environment and National Beautification Trevor Small spoke.", []string{"per:Tamir Qaddouri-Nkosi", "per:Trevor Small"}},
		{"an office written in lower case after its owner's possessive, with no holder named, is the owner's office as a body; a holder's appositive is not", "The Harwell Transport Department fined Hooli Ltd. The department's inspector general said its review was continuing. Jane Roe, the Harwell Transport Department's acting inspector general, spoke.", []string{"org:Harwell Transport Department", "org:Harwell Transport Department Office of Inspector General", "org:Hooli Ltd.", "per:Jane Roe"}},
		{"a possessor after a title and at is a person", "Jane Roe, a lawyer at Melody Hale's firm, said so.", []string{"per:Jane Roe", "per:Melody Hale"}},
		{"a body led by its head and remit, 'and the', and a second body with a head of its own are two bodies; a remit with 'and the' and no head of its own is one", "The Harwell Ministry of Works and the Harwell Port Authority ran the tender. The House Committee on Education and the Workforce met.", []string{"org:Harwell Ministry of Works", "org:Harwell Port Authority", "org:House Committee on Education and the Workforce"}},
		{"a body whose head follows a plural possessive is a second name after 'and the'", "The Gaming Board and the Teachers' Union met. The Attorney General's Office agreed.", []string{"org:Attorney General's Office", "org:Gaming Board", "org:Teachers' Union"}},
		{"a country after a body's head is part of its name, and its acronym's", "The Gaming Control Board Suriname (GCBS) met. The GCBS said no.", []string{"org:Gaming Control Board Suriname"}},
		{"a patronym inside a name makes it a person's, and the given name after it is the father's", "Dah Ould Mohamed Vall said no. Ely Ould Abdallahi Lekweiri rejected it.", []string{"per:Dah Ould Mohamed Vall", "per:Ely Ould Abdallahi Lekweiri"}},
		{"a title in lower case right before a name introduces a person", "In the assembly, deputy Kadra Elmi and councillor Minik Roe said no.", []string{"per:Kadra Elmi", "per:Minik Roe"}},
		{"travel agencies, tour operators and holdings are companies", "Nour Voyages, Al Baraka Travel and Comores Hijra Tours filed a petition. Al Ansari Holding denied it.", []string{"org:Al Ansari Holding", "org:Al Baraka Travel", "org:Comores Hijra Tours", "org:Nour Voyages"}},
		{"a capitalized De after a given name is a family name's particle", "Advocate James De Garis said so.", []string{"per:James De Garis"}},
		{"a sentence's first word is a name's when an appositive's title follows the run; not a preposition's or a month's", "Klodian Rexhepi, the owner of EcoTermo Shpk, is charged. In February, the company's director resigned.", []string{"org:EcoTermo Shpk", "per:Klodian Rexhepi"}},
		{"a firm of partners joined by a comma and an ampersand, with a legal form or a word for associates in another language", "Jane Roe of Ríos, Vélez & Colón LLC said so. Ana Roca of the firm Roca, Paz & Asociados agreed.", []string{"org:Roca, Paz & Asociados", "org:Ríos, Vélez & Colón LLC", "per:Ana Roca", "per:Jane Roe"}},
		{"barristers' chambers are a body; after a given name alone, a family name", "Jai Tucker-Ming of Sandys Lane Chambers said so. Jane Chambers agreed.", []string{"org:Sandys Lane Chambers", "per:Jai Tucker-Ming", "per:Jane Chambers"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, entitySummary(run(t, tt.text))); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPronouns(t *testing.T) {
	d := run(t, `Acme sued rival Hooli. "We will win," said Jane Park. She said the company would appeal.`)
	var got []string
	for _, m := range d.Mentions {
		if m.Kind != nameMention {
			got = append(got, m.Text+"="+m.Entity.Name)
		}
	}
	want := []string{"She=Jane Park", "the company=Hooli"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pronoun links (-want +got):\n%s", diff)
	}
}

// TestOutletIsNoReferent: the outlet a dateline credits publishes the
// story; "the company" is never it.
func TestOutletIsNoReferent(t *testing.T) {
	d := run(t, "Nouadhibou (Globex Media SA) - Hooli SARL was closed. The ministry said so in a statement to Globex Media SA. The company says the inspection was unfair.")
	var got []string
	for _, m := range d.Mentions {
		if m.Kind != nameMention {
			got = append(got, m.Text+"="+m.Entity.Name)
		}
	}
	if want := []string{"The company=Hooli SARL"}; !slices.Equal(want, got) {
		t.Errorf("references %v, want %v", got, want)
	}
}

// TestPronounGender: a pronoun skips a person of the other gender, as an
// honorific, a title or a given name the census gives one sex says, and one
// last named inside a quotation the pronoun is outside of; a person nothing
// marks stays a candidate for either.
func TestPronounGender(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{`Jane Roe sued Mayor John Doe. "I did nothing wrong," she said.`, "she=Jane Roe"},
		{`Mayor Omar Doe sued Ms. Dana Roe. He said the claim was false.`, "He=Omar Doe"},
		{`Dana Roe met Mr. Kim Lee. She declined to comment.`, "She=Dana Roe"},
		{`Spokeswoman Dana Roe met Mayor Dana Doe. She declined to comment.`, "She=Dana Doe"},
		// a person named inside a quotation is not the one who says it
		{`Mayor Dana Roe spoke first. Omar Doe was next. "I never met Dana Roe," he said.`, "he=Omar Doe"},
	} {
		d := run(t, tt.text)
		var got []string
		for _, m := range d.Mentions {
			if m.Kind == pronounMention {
				got = append(got, m.Text+"="+m.Entity.Name)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: pronoun links %v, want [%s]", tt.text, got, tt.want)
		}
	}
}

// TestNominalNamedFirst: "the department" is a department the story named,
// before any agency it names more recently or opens a sentence with.
func TestNominalNamedFirst(t *testing.T) {
	d := run(t, `Hooli sued the Department of Energy. The Government Accountability Office ruled first. The department said it would appeal.`)
	var got []string
	for _, m := range d.Mentions {
		if m.Kind == nominalMention && strings.EqualFold(m.Text, "the department") {
			got = append(got, m.Entity.Name)
		}
	}
	if len(got) != 1 || got[0] != "Department of Energy" {
		t.Errorf(`"the department" refers to %v, want [Department of Energy]`, got)
	}
}

type goldEntity struct {
	Type     kg.EntityType
	Name     string
	Kind     string   `json:",omitempty"`
	Aliases  []string `json:",omitempty"`
	Merges   []kg.Merge
	Mentions []string
}

// TestMentionsGolden records the entities of testdata/mentions_*.txt and of
// the bundled corpus.
func TestMentionsGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/mentions_*.txt")
	corpus, _ := filepath.Glob("../data/corpus/*.txt")
	for _, f := range append(files, corpus...) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if !strings.HasPrefix(name, "mentions_") {
			name = "mentions_corpus_" + name
		}
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := run(t, string(b))
			ex := d.extraction()
			var got []goldEntity
			for _, e := range ex.Entities {
				g := goldEntity{Type: e.Type, Name: e.Name, Kind: e.Kind, Aliases: e.Aliases, Merges: e.Merges}
				for _, m := range e.Mentions {
					g.Mentions = append(g.Mentions, m.Text)
					if m.Quote != string(b)[m.Start:m.End] {
						t.Fatalf("mention quote %q is not text[%d:%d]", m.Quote, m.Start, m.End)
					}
				}
				got = append(got, g)
			}
			golden(t, name+".golden.json", got)
		})
	}
}

func TestTitledReferents(t *testing.T) {
	d := run(t, `Governor Jane Roe sued Senator John Park. "He lied," the governor said. The senator's office denied it. The governor, Mary Lane, is new.`)
	var got []string
	for _, m := range d.Mentions {
		if m.Kind == nominalMention {
			got = append(got, m.Text+"="+m.Entity.Name)
		}
	}
	want := []string{"the governor=Jane Roe", "The senator=John Park"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("titled referents (-want +got):\n%s", diff)
	}
}

// TestCalledSurname: a name after a program word ("a platform called
// Beacon", "an app called Whitlock") is no entity, but one word after the
// verb "called" that ends a longer name of the document is that name's
// bearer ("the mayor called Roe"), and so are its later mentions.
func TestCalledSurname(t *testing.T) {
	d := run(t, "Jane Roe spoke on Monday. The mayor called Roe in 2018. Roe later resigned. A platform called Beacon was built, and Beacon failed.")
	got := entitySummary(d)
	if !slices.Contains(got, "per:Jane Roe") || slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "Beacon") }) {
		t.Fatalf("entities %v", got)
	}
	n := 0
	for _, m := range d.Mentions {
		if m.Entity != nil && m.Entity.Name == "Jane Roe" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("Jane Roe mentioned %d times, want 3", n)
	}
	d = run(t, "Dana Whitlock founded Whitlock Foods in 2010. The company launched a budgeting app called Whitlock, which regulators later investigated.")
	for _, m := range d.Mentions {
		if m.Entity != nil && m.Entity.Name == "Dana Whitlock" && m.Text == "Whitlock" {
			t.Errorf("the app called Whitlock was read as Dana Whitlock")
		}
	}
}

// TestLedeDefiniteDescription: a story that opens on "The aircraft leasing
// company ..." describes the body it names later by the nouns of that
// description; an adjective ("The regional ...") alone names no one.
func TestLedeDefiniteDescription(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{`The aircraft leasing company suing Hooli Air has asked the court to act. Globex Aircraft Leasing Ltd filed the claim in May. Globex Aircraft Leasing Ltd said Hooli Air owed it money.`, "Globex Aircraft Leasing Ltd"},
		{`The regional company has asked the court to act. Globex Regional Holdings Ltd filed the claim in May. Globex Regional Holdings Ltd said Hooli Air owed it money.`, ""},
	} {
		d := run(t, tt.text)
		got := ""
		for _, m := range d.Mentions {
			if m.Kind == nominalMention && m.Start == 0 && m.Entity != nil {
				got = m.Entity.Name
			}
		}
		if got != tt.want {
			t.Errorf("%s\nthe opening refers to %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLegalFormAfterComma: a legal form set off by a comma ends the
// company's name, even after a place ("Acme Angola, Lda").
func TestLegalFormAfterComma(t *testing.T) {
	d := run(t, `Globex Angola, Lda said it would appeal. Hooli, Inc. and Initech, S.A. lost the tender.`)
	got := entitySummary(d)
	for _, want := range []string{"org:Globex Angola, Lda", "org:Hooli, Inc.", "org:Initech, S.A."} {
		if !slices.Contains(got, want) {
			t.Errorf("entities %v, want %s among them", got, want)
		}
	}
}

// TestChineseSurnameAfterWesternName: "Leonard Chia Kok Meng" is named
// again by his surname, the second word, even when it is also a given name.
func TestChineseSurnameAfterWesternName(t *testing.T) {
	d := run(t, `Leonard Chia Kok Meng argued for the bidder. Chia had also sought to cross-examine Jane Roe.`)
	for _, m := range d.Mentions {
		if m.Text == "Chia" {
			if m.Entity == nil || m.Entity.Name != "Leonard Chia Kok Meng" {
				t.Errorf(`"Chia" refers to %v, want Leonard Chia Kok Meng`, m.Entity)
			}
			return
		}
	}
	t.Error(`"Chia" is no mention`)
}

// TestSpeakerGoesOn: after `"...," he said.`, a sentence that opens with
// "He" goes on with that speaker, not with a man the quotation named.
func TestSpeakerGoesOn(t *testing.T) {
	d := run(t, "Dan Poe sued the board. Omar Doe spoke for the board.\n\n\"The board looked at the whole season. Mr Poe did not finish two of his last four races,\" he said. He said the rule had been circulated in January.")
	var got []string
	for _, m := range d.Mentions {
		if m.Kind == pronounMention {
			got = append(got, m.Text+"="+m.Entity.Name)
		}
	}
	if want := []string{"his=Dan Poe", "he=Omar Doe", "He=Omar Doe"}; !slices.Equal(got, want) {
		t.Errorf("pronoun links %v, want %v", got, want)
	}
}

// TestSurnameByPronoun: of a husband and wife the story names, "Dr Roe"
// followed by "his" is the husband, however recently the wife was named.
func TestSurnameByPronoun(t *testing.T) {
	d := run(t, `Dr Peter Roe inspected the site. The licence went to Dr Linda Roe. Dr Roe denied any role in his wife's licence.`)
	for _, m := range d.Mentions {
		if m.Text == "Roe" {
			if m.Entity == nil || m.Entity.Name != "Peter Roe" {
				t.Errorf(`"Roe" refers to %v, want Peter Roe`, m.Entity)
			}
			return
		}
	}
	t.Error(`"Roe" is no mention`)
}
