#!/usr/bin/env bash
# make bench-scale: load N generated documents (FACTGRAPH_BENCH_DOCS, comma-
# separated sizes, default 1000), print the loader's docs/s against a raw
# UNWIND ... MERGE of the same extracted graph, then run the loader binary
# into an empty graph for its wall time, peak memory and the store's size
# on disk, then ask the five mission
# questions with 2 and 8 clients of factgraph's API, @neo4j/graphql 7.6.3 with
# Apollo Server (bench/, installed with npm ci from bench/package-lock.json)
# and hand-written Cypher, taking turns. Uses the throwaway test Neo4j
# (FACTGRAPH_TEST_INSTANCE, default test), started if needed and left
# running. Not part of make test: figures are printed, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEO4J_INSTANCE=${FACTGRAPH_TEST_INSTANCE:-test}
scripts/neo4j-local.sh start
eval "$(scripts/neo4j-local.sh env)"
export NEO4J_TEST_URI="$NEO4J_URI" NEO4J_TEST_USER="$NEO4J_USER" NEO4J_TEST_PASSWORD="$NEO4J_PASSWORD"
export FACTGRAPH_BENCH_DOCS=${FACTGRAPH_BENCH_DOCS:-1000}
export FACTGRAPH_NEO4J_HOME="$PWD/.neo4j/$NEO4J_INSTANCE" # store size on disk
peer_port=${FACTGRAPH_PEER_PORT:-4017}

[ -d bench/node_modules ] || (cd bench && npm ci --no-audit --no-fund)
PORT=$peer_port node bench/server.mjs &
peer=$!
trap 'kill "$peer" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
	curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
		-d '{"query":"{ __typename }"}' "http://127.0.0.1:$peer_port/" && break
	sleep 0.5
done

for n in ${FACTGRAPH_BENCH_DOCS//,/ }; do
	echo "== load: $n generated documents, loader against raw UNWIND ... MERGE"
	FACTGRAPH_BENCH_DOCS=$n go test ./neo4jstore -run '^$' -bench LoaderVsRaw -benchtime 2x -timeout 2h
done
echo "== loader binary: wall time, peak memory, store size"
go test ./e2e -run '^$' -bench '^BenchmarkLoad$' -benchtime 1x -timeout 4h
echo "== five questions: factgraph, @neo4j/graphql 7.6.3, hand-written Cypher"
FACTGRAPH_PEER_URL="http://127.0.0.1:$peer_port/" \
	go test ./e2e -run '^$' -bench '^BenchmarkScale$' -benchtime 1x -timeout 4h
echo "@neo4j/graphql peer peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2 / 1024}' "/proc/$peer/status" 2>/dev/null || echo unknown)"
