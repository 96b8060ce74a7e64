#!/usr/bin/env bash
# Benchmarks (make bench): extraction throughput on one core, load throughput
# of 1,000 generated documents into a real Neo4j, and API vs raw Cypher
# latency under concurrent load. Starts the throwaway test Neo4j if needed and
# leaves it running. Figures are printed, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEO4J_INSTANCE=${FACTGRAPH_TEST_INSTANCE:-test}
scripts/neo4j-local.sh start
eval "$(scripts/neo4j-local.sh env)"
export NEO4J_TEST_URI="$NEO4J_URI" NEO4J_TEST_USER="$NEO4J_USER" NEO4J_TEST_PASSWORD="$NEO4J_PASSWORD"
echo "== extraction, one core"
go test ./extract -run '^$' -bench . -benchmem -cpu 1
echo "== load: 1,000 generated documents (corpusgen) per iteration"
go test ./pipeline -run '^$' -bench Load -benchtime 2x -timeout 30m
echo "== API vs hand-written Cypher"
go test ./e2e -run '^$' -bench . -benchtime 300x -timeout 30m
