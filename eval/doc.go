// Package eval measures an extraction against a gold annotation: what a
// careful reader expects the graph of a document (or a corpus) to hold.
// ReadGold reads the annotation, and Score compares a kg.Graph with it and
// says, per category, the precision, recall and F1, what was missed and what
// was wrong. It is pure: no I/O but ReadGold's, no logging.
//
// # Gold format
//
// A gold file is YAML. Every key is optional; keys not listed here (documents,
// note, date, target, ...) are for the reader and are ignored.
//
//	persons:                  # the persons the text names
//	  - {name: Mark Esper, aliases: [Esper]}
//	organizations:
//	  - {name: Department of Defense, aliases: [DoD, Pentagon]}
//	tolerated_persons: [Todd Bishop]            # may be entities, not required
//	tolerated_organizations: [GeekWire]
//	figurative_mentions: [Wall Street]          # tolerated, but claim nothing
//	noise_entities: [Getty Images]              # boilerplate: must not be entities
//	roles:
//	  - {person: Mark Esper, title: [Defense Secretary, Secretary of Defense],
//	     org: Department of Defense, status: current}
//	  - {person: Jane Roe, title: [judge], org: [District Court, null], optional: true}
//	events:
//	  - {id: award, type: award, type_accept: [contract_award], agent: Department of Defense}
//	  - {id: order, type: court_order, agent: court}
//	claims:
//	  - {id: esper_fair, claimant: [Mark Esper], stance: denies, stance_accept: [neutral],
//	     quote_contains: "freely and fairly"}
//	questions:
//	  who_alleged_bias: {want: [Amazon Web Services], any: [Amazon, AWS], ok: [Oracle]}
//
// A field that takes names takes one name or a list. Names are matched
// ignoring case, punctuation and a leading "the": only ASCII letters, digits
// and apostrophes count.
//
// # Rules
//
// Entities. A graph entity stands for the first gold entity that shares a name
// with it (its name or an alias against the gold name or an alias). Per kind,
// an entity that stands for a gold entity of its kind is right, one that
// carries a tolerated or figurative name counts neither way, and any other is
// wrong; a gold entity no graph entity stands for is missed. Several graph
// entities for one gold entity are reported as duplicates.
//
// Roles. A graph role matches a gold role when its person is the gold person,
// its title and one of the gold titles contain one another, its organization
// is one of org (with no org any organization, or none, is right; a null among
// org makes no organization right too) and its status is status (a role with
// no status is current). A gold role no graph role matches is missed; a graph
// role of a gold person that matches no gold role is wrong.
//
// Events. A graph event matches a gold event when its type is type or one of
// type_accept (after folding synonyms such as suit for lawsuit, ruling for
// court_ruling, ouster for removal) and one of its participants is one of the
// agents. An agent of just "court" matches any participants, and without an
// agent the participants whose role is agent are the agents. A graph event
// that matches no gold event but has a gold person or organization among its
// participants is wrong.
//
// Claims. A graph claim is about a gold claim when its text or its quotes
// contain quote_contains; it matches when, in addition, its claimant is one of
// claimant and its stance is stance or one of stance_accept. A claim about a
// gold claim that matches none is wrong (the wrong speaker or stance), and so
// is a claim made by a figurative mention. Other claims count neither way:
// annotators list the key claims only.
//
// Optional roles, events and claims count neither way: found, they are not
// wrong; not found, they are not missed.
//
// Questions. Five key questions are answered from the graph, with gold names
// for entities that stand for a gold entity:
//
//   - who_was_sought_for_deposition: the deponents (part deponent, target,
//     witness or subject) of deposition_request events;
//   - who_sought_depositions: their agents (agent, requester, plaintiff, movant);
//   - who_alleged_bias: the claimants of alleging claims with a topic that
//     speaks of bias or interference;
//   - who_defended_the_process: the claimants of denying claims;
//   - who_holds_a_role_at_dod: the persons with a role at the gold's
//     "Department of Defense".
//
// Each name of want in the answer is right and each one missing is missed;
// with any, one of them in the answer is right and none is one missed; a name
// in neither want, any nor ok is wrong; "want: []" says the answer is no
// one, so that every name in it is wrong. Other questions are listed as
// unanswerable and not scored.
//
// Scores. Precision is right / (right + wrong), recall right / (right +
// missed), F1 their harmonic mean. With nothing to find and nothing found all
// three are 1; with nothing found but something missed, all three are 0. Overall is the mean F1 of persons, organizations, roles, events,
// claims and the scored questions, less 5% for each graph entity that carries
// a noise name.
package eval
