#!/usr/bin/env bash
# Generates both Prisma clients (lib/generated/{sqlite,postgres}) from the generated schemas.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/db-schemas.mjs >/dev/null
for p in sqlite postgres; do
  PRISMA_PROVIDER=$p DATABASE_URL= node_modules/.bin/prisma generate >/dev/null
done
echo "generated Prisma clients for sqlite and postgres"
