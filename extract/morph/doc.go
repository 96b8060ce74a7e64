// Package morph is English inflectional morphology for the extractor's
// lexicons: every verb or noun is written once in its base form, and the
// extractor matches all of its inflections ("hire" matches hires, hired,
// hiring; "appeal" matches appeals).
//
// Forms are generated from the base, not analysed back from text: generation
// needs no dictionary, and generating a form that English lacks ("openned"
// beside "opened") costs nothing, because text never contains it. Regular
// rules cover most words; irregular forms (brought, sought, people) come from
// data given to New, so no word list lives in code.
package morph
