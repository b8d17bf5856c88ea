#!/usr/bin/env bash
# npm test: the whole suite — unit, integration on SQLite and PostgreSQL, the built app over HTTP, and the browser
# end-to-end tests. Starts a throwaway PostgreSQL (scripts/pg-temp.sh) unless TEST_PG_URL points at one.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
node scripts/db-schemas.mjs --check

if [ -z "${TEST_PG_URL:-}" ]; then
  pgdir=/tmp/scim-portal-test-pg-$$
  TEST_PG_URL=$(bash scripts/pg-temp.sh start "$pgdir")
  trap 'bash scripts/pg-temp.sh stop "$pgdir"' EXIT
  export TEST_PG_URL
fi

# App logs of this run go here; after the suite they are scanned for every secret the tests used.
export TEST_LOG_DIR=${TEST_LOG_DIR:-$(mktemp -d /tmp/scim-portal-logs-XXXX)}

node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$TEST_LOG_DIR/vitest.json" "$@"
if [ -z "$*" ] && [ -f playwright.config.ts ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$TEST_LOG_DIR/playwright.json" node_modules/.bin/playwright test --reporter=list,json
fi
node scripts/scan-logs-for-secrets.mjs "$TEST_LOG_DIR"
node scripts/test-summary.mjs "$TEST_LOG_DIR"
