// Package resolve joins the document-local entities of many extractions into
// one entity per real-world person or organization, across documents, and
// records which rule joined what (acronyms learned from the text, alias
// lexicons, nicknames, legal forms, tickers, surnames). It is pure.
package resolve
