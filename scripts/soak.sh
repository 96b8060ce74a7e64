#!/usr/bin/env bash
# make soak: a bounded load test on 127.0.0.1 only. Starts (or uses) its own
# Neo4j instance (NEO4J_INSTANCE, default soak on Bolt 7710 / HTTP 7497),
# loads the bundled corpus, serves the API on 127.0.0.1:${SOAK_PORT:-8090},
# then runs cmd/soak: 20 clients over the README's queries for
# SOAK_DURATION (default 10m), Neo4j stopped and started once in the middle.
# Stops the API it started, and Neo4j if it started it.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEO4J_INSTANCE="${NEO4J_INSTANCE:-soak}"
if [[ $NEO4J_INSTANCE == soak ]]; then
  export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7710}" NEO4J_HTTP_PORT="${NEO4J_HTTP_PORT:-7497}"
fi
started_neo4j=0
if ! scripts/neo4j-local.sh status >/dev/null 2>&1; then
  scripts/neo4j-local.sh start
  started_neo4j=1
fi
eval "$(scripts/neo4j-local.sh env)"
mkdir -p bin
go build -o bin/loader ./loader
go build -o bin/server .
go build -o bin/soak ./cmd/soak
bin/loader data/corpus >/dev/null
export LISTEN_ADDR="127.0.0.1:${SOAK_PORT:-8090}"
bin/server >bin/soak-server.log 2>&1 &
api_pid=$!
cleanup() {
  kill "$api_pid" 2>/dev/null || true
  wait "$api_pid" 2>/dev/null || true
  if [[ $started_neo4j == 1 ]]; then scripts/neo4j-local.sh stop; fi
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://$LISTEN_ADDR/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
bin/soak -api "http://$LISTEN_ADDR/graphql" -pid "$api_pid" "$@"
