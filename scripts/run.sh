#!/usr/bin/env bash
# The main job (make run): start the local Neo4j if it is not running, load
# the bundled corpus (data/corpus), then serve the GraphQL API in the
# foreground and print where everything is. Ctrl-C stops the API; Neo4j keeps
# running (scripts/neo4j-local.sh stop).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in go java mvn; do
  command -v "$tool" >/dev/null || { echo "run: $tool is required (see README prerequisites)" >&2; exit 1; }
done
export NEO4J_INSTANCE="${NEO4J_INSTANCE:-dev}"
scripts/neo4j-local.sh start
eval "$(scripts/neo4j-local.sh env)"
mkdir -p bin
go build -o bin/loader ./loader
go build -o bin/server .
# Development: a frontend served from any localhost port may call the API
# (CORS). A production server allows only the origins CORS_ORIGINS lists.
export CORS_ORIGINS="${CORS_ORIGINS:-localhost}"
bin/loader "${@:-data/corpus}" || echo "run: some documents failed to load (see above); serving what was loaded" >&2
api="http://${LISTEN_ADDR:-127.0.0.1:8080}"
cat <<EOF

  GraphQL playground: $api/
  Neo4j Browser:      $NEO4J_BROWSER_URL  (user $NEO4J_USER, password $NEO4J_PASSWORD)
    then type in the Browser's editor, for the style and the guide:
      :style $api/browser/style.grass
      :play $api/browser/guide.html

EOF
exec bin/server
