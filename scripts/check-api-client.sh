#!/usr/bin/env bash
# Fails when libs/api-client is stale: regenerates it and compares with what is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(cat libs/api-client/openapi.json libs/api-client/src/schema.ts | sha256sum)
pnpm run --silent openapi >/dev/null
after=$(cat libs/api-client/openapi.json libs/api-client/src/schema.ts | sha256sum)
if [ "$before" != "$after" ]; then
  echo "libs/api-client is stale: run 'pnpm build && pnpm openapi' and commit the result." >&2
  git --no-pager diff --stat -- libs/api-client >&2 || true
  exit 1
fi
echo "libs/api-client matches the API"
