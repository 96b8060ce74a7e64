#!/usr/bin/env bash
# The GraphiQL playground's assets, served from the binary (web/assets, embedded
# with go:embed): the few minified files of pinned npm packages and their
# licences, so that the playground works offline and loads nothing from a CDN.
#
# Usage: scripts/playground-assets.sh {fetch|check}
#   fetch  download the pinned packages with `npm pack`, copy the files into
#          web/assets and write web/assets/SHA256SUMS
#   check  download them again and fail unless web/assets matches byte for byte
#          (web/assets_test.go checks SHA256SUMS offline on every test run)
#
# To upgrade, change a version below, run fetch, and check the playground in a
# browser (scripts/test.sh runs the headless Chromium test).
set -euo pipefail
cd "$(dirname "$0")/.."

GRAPHIQL=3.8.3 # the last major with a UMD build usable without a bundler
REACT=18.3.1   # the last major with UMD builds
DEST=web/assets

# package@version  file in the package  name under web/assets
FILES=(
  "graphiql@$GRAPHIQL package/graphiql.min.js graphiql.min.js"
  "graphiql@$GRAPHIQL package/graphiql.min.css graphiql.min.css"
  "graphiql@$GRAPHIQL package/LICENSE LICENSE.graphiql"
  "react@$REACT package/umd/react.production.min.js react.production.min.js"
  "react@$REACT package/LICENSE LICENSE.react"
  "react-dom@$REACT package/umd/react-dom.production.min.js react-dom.production.min.js"
  "react-dom@$REACT package/LICENSE LICENSE.react-dom"
)

command -v npm >/dev/null || { echo "playground-assets: npm is required" >&2; exit 1; }

# unpack DIR: npm pack every package into DIR/<package@version>/.
unpack() {
  local dir=$1 spec
  for spec in $(printf '%s\n' "${FILES[@]}" | cut -d' ' -f1 | sort -u); do
    mkdir -p "$dir/$spec"
    (cd "$dir/$spec" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
  done
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unpack "$tmp"

case ${1:-} in
  fetch)
    mkdir -p "$DEST"
    for f in "${FILES[@]}"; do
      read -r spec path name <<<"$f"
      cp "$tmp/$spec/$path" "$DEST/$name"
    done
    (cd "$DEST" && for f in "${FILES[@]}"; do echo "${f##* }"; done | sort | xargs sha256sum >SHA256SUMS)
    printf '%s\n' "${FILES[@]}" | cut -d' ' -f1 | sort -u >"$DEST/VERSIONS"
    echo "playground-assets: web/assets updated from $(tr '\n' ' ' <"$DEST/VERSIONS")"
    ;;
  check)
    bad=0
    for f in "${FILES[@]}"; do
      read -r spec path name <<<"$f"
      if ! cmp -s "$tmp/$spec/$path" "$DEST/$name"; then
        echo "playground-assets: $DEST/$name differs from $path of $spec" >&2
        bad=1
      fi
    done
    (cd "$DEST" && sha256sum --quiet -c SHA256SUMS) || bad=1
    [ "$bad" = 0 ] || { echo "playground-assets: run scripts/playground-assets.sh fetch" >&2; exit 1; }
    echo "playground-assets: web/assets matches $(printf '%s\n' "${FILES[@]}" | cut -d' ' -f1 | sort -u | tr '\n' ' ')"
    ;;
  *) echo "usage: $0 {fetch|check}" >&2; exit 2 ;;
esac
