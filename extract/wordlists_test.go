package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/factgraph/factgraph/lexicon"
)

// closedClass are the words the extractor's Go code may list: grammar
// words (articles, pronouns, prepositions, conjunctions, subordinators,
// auxiliaries and copulas, modals, negators, numerals and quantifiers,
// deictic adverbs), the particles and articles of names in other
// languages, ordinals and their suffixes, compass points, and the few
// fixed words of the date grammar. Vocabulary that a domain could extend
// (titles, triggers, cues, words of a kind) belongs in the lexicon's data
// files.
var closedClass = fields(`
	a an the this that these those all any some each every both no most many several various numerous multiple other others one two three four five six seven eight nine ten dozens hundreds thousands few couple
	i you he she it we they him her hers them himself herself itself themselves his its their our my your i've i'm i'll i'd i’ve i’m i’ll i’d who which whom whose there whoever whatever whichever theirs ours yours everyone everybody nobody anyone anybody someone somebody
	of for to from by with against at on in into about over under between among including regarding per like than as after before toward towards upon within without through via behind despite during according concerning near
	and or but nor so if unless when while since because although though until once whereas whether where then now also
	be is are was were been being am get gets got do did does has have had will would may might could should can shall must 'll remains remained seems seemed appears appeared became
	not never don't didn't
	first second third fourth fifth sixth seventh eighth ninth tenth eleventh st nd rd th northern southern eastern western middle central
	de des du del della delle dei degli di do da dos das der den van von ter ten af av bin binti binte bint ibn le la les el los las il lo gli het für voor för
	l' d' l’ d’ dell' dell’
	yesterday today tomorrow later earlier year month week
	ans ers ists ites ics`)

func fields(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// lexiconNames are the identifiers the lexicon defines, which code may
// name: its files, classes, kinds, sides, event types and the parts of
// events. (A list of event types in code is thereby allowed: it names
// types, though an attribute in event_types.txt says the same better.)
func lexiconNames(t *testing.T) map[string]bool {
	t.Helper()
	lex := lexicon.Must()
	out := map[string]bool{}
	for file, entries := range lex.Files {
		out[file] = true
		for _, e := range entries {
			for _, attr := range []string{"class", "kind", "parties", "side"} {
				for _, v := range strings.Split(e.Attr(attr), ",") {
					out[strings.TrimSpace(v)] = true
				}
			}
			if file == "event_types" {
				out[e.Phrase] = true
			}
		}
	}
	return out
}

// TestNoWordListsInCode holds the extractor to its design: every list of
// words in its Go code is closed-class grammar or names what the lexicon
// defines; open-class vocabulary lives in the lexicon's data files, once.
// tagger.go is exempt: its strings are the POS model's feature names and
// the tokenizer's emoticons; so are stancemodel.go, typemodel.go,
// rolemodel.go and attach.go, whose strings are the learned models'
// feature and class names (the weights are in stance_model.txt,
// bias_model.txt, type_model.txt, role_model.txt and attach_model.txt).
func TestNoWordListsInCode(t *testing.T) {
	names := lexiconNames(t)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	checked := 0
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") || path == "tagger.go" || path == "stancemodel.go" || path == "typemodel.go" ||
			path == "rolemodel.go" || path == "attach.go" {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		check := func(e ast.Expr) {
			b, ok := e.(*ast.BasicLit)
			if !ok || b.Kind != gotoken.STRING {
				return
			}
			s, _ := strconv.Unquote(b.Value)
			// the words of the literal, split at anything but a letter or
			// an inner apostrophe ("role|part", "co-founder" are words too)
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '_' }) {
				if !isWord(w) || pennTags[w] {
					continue
				}
				checked++
				if low := strings.ToLower(w); !closedClass[low] && !names[w] {
					t.Errorf("%s: %q is an open-class word listed in Go code; put it in a lexicon data file", fset.Position(b.Pos()), w)
				}
			}
		}
		// lists: the elements, keys and values of composite literals,
		// the cases of a switch that lists several strings, and the
		// argument of strings.Fields
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CompositeLit:
				for _, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						check(kv.Key)
						check(kv.Value)
						continue
					}
					check(el)
				}
			case *ast.CaseClause:
				if len(x.List) >= 2 {
					for _, e := range x.List {
						check(e)
					}
				}
			case *ast.CallExpr:
				if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Fields" && len(x.Args) == 1 {
					check(x.Args[0])
				}
			}
			return true
		})
	}
	if checked < 100 {
		t.Fatalf("only %d listed words checked: the scan is broken", checked)
	}
}

// isWord reports whether s is made of letters (an apostrophe or, in an
// identifier, an underscore inside allowed): not punctuation, a number,
// nor an elided ending such as "'s".
func isWord(s string) bool {
	for i, r := range s {
		if !unicode.IsLetter(r) && !((r == '\'' || r == '’' || r == '_') && i > 0) {
			return false
		}
	}
	return s != ""
}

// pennTags are the part-of-speech tags of the Penn Treebank, which code
// names as the tagger does.
var pennTags = fields(`CC CD DT EX FW IN JJ JJR JJS LS MD NN NNS NNP NNPS PDT POS PRP PRPS RB RBR RBS RP SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WPS WRB`)
