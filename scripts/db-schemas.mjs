#!/usr/bin/env node
// Writes prisma/{sqlite,postgres}/schema.prisma and lib/db/schema.ts (the column table: scripts/db-tables.mjs)
// from prisma/schema.base.prisma (the one source of the model).
// `--check` exits 1 instead of writing when a generated file differs from what the base gives.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTables, tablesPath } from './db-tables.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const providers = ['sqlite', 'postgres'];

export function renderSchema(provider) {
  const base = fs.readFileSync(path.join(root, 'prisma/schema.base.prisma'), 'utf8');
  const dbProvider = provider === 'postgres' ? 'postgresql' : 'sqlite';
  const header = `// GENERATED from prisma/schema.base.prisma by scripts/db-schemas.mjs: do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../lib/generated/${provider}"
  engineType   = "client"
  runtime      = "nodejs"
  moduleFormat = "esm"
}

// Prisma only diffs this schema into migrations (the app reads and writes through lib/db); engineType "client"
// keeps its CLI from fetching a native engine, and nothing runs prisma generate. This url only satisfies the parser.
datasource db {
  provider = "${dbProvider}"
  url      = "${provider === 'postgres' ? 'postgresql://localhost/unused' : 'file:./unused.db'}"
}
`;
  return header + '\n' + base;
}

export function schemaPath(provider) {
  return path.join(root, 'prisma', provider, 'schema.prisma');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv.includes('--check');
  let drift = false;
  const outputs = [...providers.map((p) => [schemaPath(p), renderSchema(p)]), [tablesPath, renderTables()]];
  for (const [file, want] of outputs) {
    const have = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (have === want) continue;
    if (check) {
      console.error(`${path.relative(root, file)} differs from prisma/schema.base.prisma; run npm run db:schemas`);
      drift = true;
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, want);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  process.exit(drift ? 1 : 0);
}
