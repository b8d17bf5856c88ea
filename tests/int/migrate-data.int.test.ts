// Migrations keep existing data: a database at the first migration, with rows, is brought to the latest one
// without losing a row (SQLite migrations rebuild tables, which must not cascade-delete children).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { ROOT } from '../setup/app-server';

it('upgrading from 0001 keeps directories, tokens and users', async () => {
  if (process.env.TEST_DB === 'postgres') return; // PostgreSQL alters tables in place
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'scim-mig-data-'));
  const migrations = path.join(copy, 'prisma', 'sqlite', 'migrations');
  fs.mkdirSync(migrations, { recursive: true });
  fs.cpSync(path.join(ROOT, 'prisma/sqlite/migrations/0001_init'), path.join(migrations, '0001_init'), { recursive: true });
  const url = `file:${path.join(copy, 'old.db')}`;
  await migrate(url, copy);
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(url.slice(5));
  const now = new Date().toISOString();
  db.exec(`INSERT INTO "Host" VALUES ('h', 'h', '${now}')`);
  db.exec(`INSERT INTO "Organization" VALUES ('o', 'h', 'o', NULL, '${now}', '${now}')`);
  db.exec(
    `INSERT INTO "Directory" ("id","organizationId","provider","status","createdAt","updatedAt") VALUES ('d', 'o', 'okta', 'enabled', '${now}', '${now}')`,
  );
  db.exec(`INSERT INTO "DirectoryToken" ("id","directoryId","hash","lastFour","createdAt") VALUES ('t', 'd', 'x', 'abcd', '${now}')`);
  db.exec(
    `INSERT INTO "DirectoryUser" ("id","directoryId","userName","userNameLower","active","raw","version","createdAt","updatedAt") VALUES ('u', 'd', 'U', 'u', 1, '{}', 1, '${now}', '${now}')`,
  );
  db.close();
  const applied = await migrate(url, ROOT);
  expect(applied.length).toBeGreaterThan(0);
  const after = new Database(url.slice(5));
  expect(after.prepare('SELECT count(*) AS n FROM "DirectoryToken"').get()).toEqual({ n: 1 });
  expect(after.prepare('SELECT count(*) AS n FROM "DirectoryUser"').get()).toEqual({ n: 1 });
  after.close();
});
