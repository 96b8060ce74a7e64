#!/usr/bin/env bash
# Fetch the mermaid npm package at a pinned version into tmp/mermaid
# (git-ignored), for the test that renders exported Mermaid in headless
# Chromium (browser_export_test.go). Idempotent: does nothing when the file
# is there. Prints the path of mermaid.min.js.
set -euo pipefail
cd "$(dirname "$0")/.."
version=11.4.1
dir=tmp/mermaid
file=$dir/mermaid-$version.min.js
if [ ! -s "$file" ]; then
  command -v npm >/dev/null || { echo "mermaid: npm is required to fetch mermaid@$version" >&2; exit 1; }
  mkdir -p "$dir"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "mermaid@$version" >/dev/null && tar -xzf "mermaid-$version.tgz" package/dist/mermaid.min.js package/LICENSE)
  cp "$work/package/dist/mermaid.min.js" "$file"
  cp "$work/package/LICENSE" "$dir/LICENSE"
fi
echo "$file"
