# Targets for developers and CI. The two set-up commands of the README are
# `make run` (Neo4j up, bundled corpus loaded, API served) and `make test`.
SHELL := bash
GO    ?= go

.PHONY: run test soak unit generate check-generate check lint fuzz bench bench-scale neo4j-start neo4j-stop score score-general models models-cv playground-assets playground-check

run: ## start Neo4j, load the bundled corpus, serve the API
	scripts/run.sh

test: ## every test against a throwaway real Neo4j (what CI runs)
	scripts/test.sh

soak: ## 20 clients over the README queries on 127.0.0.1 with one Neo4j restart (SOAK_DURATION, default 10m; not part of test)
	scripts/soak.sh

unit: ## tests that need no database (database tests skip)
	$(GO) test -race ./...

generate: ## regenerate gqlgen code from schema.graphqls
	$(GO) tool gqlgen generate

check-generate: ## fail when generated code is stale
	scripts/check-generated.sh

lint: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed: $$out"; exit 1; fi
	$(GO) vet ./...

check: check-generate lint test

fuzz: ## run each fuzz target for 30 s
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzClean$$' -fuzztime 30s
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzDocument$$' -fuzztime 30s

bench: ## extraction, load and API benchmarks against the test Neo4j (figures, not assertions)
	scripts/bench.sh

bench-scale: ## loader vs raw MERGE, then the five questions against factgraph, @neo4j/graphql 7.6.3 and Cypher (FACTGRAPH_BENCH_DOCS=1000,10000)
	scripts/bench-scale.sh

score: ## score the bundled corpus's extraction against its gold annotation (data/corpus.gold.yaml)
	$(GO) run ./cmd/evaluate -gold data/corpus.gold.yaml data/corpus

score-general: ## score each hand-written article of extract/testdata/general against its gold file
	$(GO) run ./cmd/evaluate extract/testdata/general

# The annotated development sets the claim models learn from (never a
# blind set, never the bundled corpus).
MODEL_SETS := $(addprefix extract/testdata/,general dev2 blind blind2 blind3 blind4 blind5 blind6 blind7 blind8 blind9 blind12 blind13 blind14 blind15 blind17 blind19 blind20 blind21 blind22 blind23)

models: ## relearn lexicon/data/type_model.txt, stance_model.txt and bias_model.txt from the annotated development sets (cmd/train)
	$(GO) run ./cmd/train -o lexicon/data $(MODEL_SETS)

models-cv: ## hold out each development set in turn: its scores with the rules alone and with models learned from the others
	$(GO) run ./cmd/train -cv $(MODEL_SETS)

playground-assets: ## re-fetch the playground's GraphiQL and React files from npm at the pinned versions
	scripts/playground-assets.sh fetch

playground-check: ## fail unless web/assets matches the pinned npm packages byte for byte
	scripts/playground-assets.sh check

neo4j-start:
	scripts/neo4j-local.sh start

neo4j-stop:
	scripts/neo4j-local.sh stop
