#!/usr/bin/env bash
# Fails when the gqlgen code in graph/ is stale: regenerates it and compares
# with what was there. The regenerated files are left in place, so after a
# failure `git diff` shows what changed and committing fixes it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f gqlgen.yml ]; then echo "check-generated: no gqlgen.yml"; exit 0; fi
snapshot() { find graph -name '*.go' -print0 2>/dev/null | sort -z | xargs -0 sha256sum; }
before=$(snapshot)
go tool gqlgen generate
after=$(snapshot)
if [ "$before" != "$after" ]; then
  echo "check-generated: generated code was stale; run 'make generate' and commit the result:" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  exit 1
fi
echo "generated code is up to date"
