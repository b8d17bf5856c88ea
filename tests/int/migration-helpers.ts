// For tests of a migration on a database that already holds data: a project root whose migrations stop before it,
// a fresh database, and plain SQL on it (no lib/db: the schema is older than the code).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ROOT, freshPostgresDatabase } from '../setup/app-server';

export const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** A project root whose migrations are those `keep` accepts (by folder name). */
export function migrationsWhere(keep: (name: string) => boolean, label: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), `scim-mig-${label}-`));
  const from = path.join(ROOT, 'prisma', kind, 'migrations');
  const to = path.join(copy, 'prisma', kind, 'migrations');
  fs.mkdirSync(to, { recursive: true });
  for (const d of fs.readdirSync(from).filter((d) => /^\d{4}_/.test(d) && keep(d))) fs.cpSync(path.join(from, d), path.join(to, d), { recursive: true });
  return copy;
}

/** A new, empty database of the kind under test. */
export async function freshDatabase(label: string): Promise<string> {
  return kind === 'sqlite'
    ? `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), `scim-mig-${label}-db-`)), 'old.db')}`
    : freshPostgresDatabase(process.env.TEST_PG_URL!, `scim_mig_${randomBytes(5).toString('hex')}`);
}

export interface Sql {
  run(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export async function open(url: string): Promise<Sql> {
  if (kind === 'sqlite') {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(url.slice(5));
    return { run: async (s) => void db.exec(s), rows: async <T>(s: string) => db.prepare(s).all() as T[], close: async () => void db.close() };
  }
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return { run: async (s) => void (await c.query(s)), rows: async <T>(s: string) => (await c.query(s)).rows as T[], close: () => c.end() };
}

/** A timestamp literal both databases store as the app does. */
export const at = (second: number) => `'2026-01-01T00:00:0${second}.000${kind === 'sqlite' ? '+00:00' : ''}'`;
