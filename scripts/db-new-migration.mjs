#!/usr/bin/env node
// Usage: node scripts/db-new-migration.mjs <name>
// Writes one migration per database from the difference between the schema at the last migration
// (prisma/<db>/migrations/schema.snapshot.prisma) and the current one. Prisma's `migrate dev` needs a shadow
// database and a native engine; a schema-to-schema diff needs neither.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { providers, schemaPath } from './db-schemas.mjs';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
if (!name) {
  console.error('usage: node scripts/db-new-migration.mjs <name>');
  process.exit(2);
}
const root = path.resolve(path.dirname(schemaPath('sqlite')), '../..');
const prismaBin = path.join(root, 'node_modules/.bin/prisma');
execFileSync(process.execPath, [path.join(root, 'scripts/db-schemas.mjs')], { stdio: 'inherit' });

// Prisma's JavaScript schema engine connects to a database even for a schema-to-schema diff on PostgreSQL.
let pgUrl = /^postgres/.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined;
const tempPg = `/tmp/scim-portal-migrate-pg-${process.pid}`;
if (!pgUrl) pgUrl = execFileSync('bash', [path.join(root, 'scripts/pg-temp.sh'), 'start', tempPg], { encoding: 'utf8' }).trim();
process.on('exit', () => {
  if (!process.env.DATABASE_URL?.startsWith('postgres')) execFileSync('bash', [path.join(root, 'scripts/pg-temp.sh'), 'stop', tempPg]);
});

for (const p of providers) {
  const dir = path.join(root, 'prisma', p, 'migrations');
  fs.mkdirSync(dir, { recursive: true });
  const snapshot = path.join(dir, 'schema.snapshot.prisma');
  const from = fs.existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  const sql = execFileSync(prismaBin, ['migrate', 'diff', ...from, '--to-schema-datamodel', schemaPath(p), '--script'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PRISMA_PROVIDER: p, DATABASE_URL: p === 'postgres' ? pgUrl : '' },
  });
  if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) {
    console.log(`${p}: no change`);
    continue;
  }
  // The next number after the highest (migrations removed before release leave gaps: counting them would reuse one).
  const seq = String(Math.max(0, ...fs.readdirSync(dir).map((d) => Number(/^(\d{4})_/.exec(d)?.[1] ?? 0))) + 1).padStart(4, '0');
  const mdir = path.join(dir, `${seq}_${name}`);
  fs.mkdirSync(mdir);
  fs.writeFileSync(path.join(mdir, 'migration.sql'), sql);
  fs.copyFileSync(schemaPath(p), snapshot);
  console.log(`${p}: wrote ${path.relative(root, mdir)}/migration.sql`);
}
