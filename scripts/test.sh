#!/usr/bin/env bash
# The test command (make test, and so CI): start a throwaway real Neo4j (the
# "test" instance: bolt 7688, http 7475, its own data dir), check formatting,
# vet and generated code, run every test with the race detector, and stop what
# it started. FACTGRAPH_REQUIRE_DB=1 turns a skipped database test into a
# failure, so a run cannot pass by skipping; FACTGRAPH_REQUIRE_BROWSER=1 does
# the same for the headless Chromium test (Chromium is installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n== %s (%ds)\n' "$*" $(( $(date +%s) - start )); }

for tool in go java mvn; do
  command -v "$tool" >/dev/null || { echo "test: $tool is required (see README prerequisites)" >&2; exit 1; }
done

# The throwaway instance: "test" unless FACTGRAPH_TEST_INSTANCE names another
# (with NEO4J_BOLT_PORT and NEO4J_HTTP_PORT), e.g. to run beside a busy one.
export NEO4J_INSTANCE=${FACTGRAPH_TEST_INSTANCE:-test}
started=0
cleanup() {
  if [ "$started" = 1 ]; then
    step "stopping the test Neo4j"
    scripts/neo4j-local.sh stop || true
  fi
}
trap cleanup EXIT

step "gofmt, go vet, go mod tidy"
unformatted=$(gofmt -l $(git ls-files '*.go') || true)
if [ -n "$unformatted" ]; then echo "gofmt needed:"; echo "$unformatted"; exit 1; fi
go vet ./...
if ! go mod tidy -diff >/dev/null; then echo "go.mod/go.sum are not tidy: run go mod tidy"; go mod tidy -diff; exit 1; fi

step "generated code is up to date"
scripts/check-generated.sh

step "Chromium for the browser tests"
# The playground test drives headless Chromium (browser_test.go). A fresh
# Debian/Ubuntu machine has none: install the distribution's package.
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "test: chromium is missing and installing it needs root: apt-get install chromium" >&2; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
"${CHROMIUM:-chromium}" --version 2>/dev/null # the Debian wrapper warns on stderr
export FACTGRAPH_REQUIRE_BROWSER=1
# The Mermaid export test renders diagrams with the mermaid npm package at
# a pinned version, fetched into tmp/mermaid (git-ignored).
scripts/mermaid.sh

step "starting the test Neo4j"
if ! scripts/neo4j-local.sh status >/dev/null 2>&1; then started=1; fi
scripts/neo4j-local.sh reset >/dev/null
scripts/neo4j-local.sh start
started=1
eval "$(scripts/neo4j-local.sh env)"
export NEO4J_TEST_URI="$NEO4J_URI" NEO4J_TEST_USER="$NEO4J_USER" NEO4J_TEST_PASSWORD="$NEO4J_PASSWORD"
export FACTGRAPH_REQUIRE_DB=1

step "go test -race ./..."
mkdir -p tmp
# -v so that skips are visible; the full log is kept in tmp/test.log and the
# console shows all but the RUN/PASS chatter. Under the race detector the
# packages that hold out every learned model (cmd/train) and read every
# annotated article (extract) take 20-35 minutes on two slow cores: the
# timeout leaves them room, well inside CI's 90 minutes.
set +e
go test -race -count=1 -v -timeout 60m ./... > tmp/test.log 2>&1
status=$?
set -e
grep -vE '^\s*(=== (RUN|PAUSE|CONT|NAME)|--- PASS)' tmp/test.log || true
if grep -qE -- '--- SKIP' tmp/test.log; then
  echo "test: tests were skipped; under make test nothing may skip:" >&2
  grep -E -- '--- SKIP' tmp/test.log >&2
  status=1
fi
passed=$(grep -cE -- '^\s*--- PASS' tmp/test.log || true)
failed=$(grep -cE -- '^\s*--- FAIL' tmp/test.log || true)
skipped=$(grep -cE -- '^\s*--- SKIP' tmp/test.log || true)
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi # a build or setup failure
cleanup
started=0
step "done"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
