// Migration 0009 on a database that already has data: users already inactive lose the roles they held (an inactive
// user never holds one from now on) and count as deactivated since their last change; active users keep theirs.
import { expect, it } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { ROOT } from '../setup/app-server';
import { at, freshDatabase, kind, migrationsWhere, open } from './migration-helpers';

it('0009 takes the roles of inactive users and dates their deactivation', async () => {
  const url = await freshDatabase('0009');
  await migrate(
    url,
    migrationsWhere((d) => d < '0009', '0009'),
  );
  const db = await open(url);
  const bool = (b: boolean) => (kind === 'sqlite' ? (b ? '1' : '0') : String(b));
  await db.run(`INSERT INTO "Host" ("id", "name", "createdAt") VALUES ('h1', 'h', ${at(0)})`);
  await db.run(`INSERT INTO "Organization" ("id", "hostId", "name", "createdAt", "updatedAt") VALUES ('org_1', 'h1', 'Org', ${at(0)}, ${at(0)})`);
  await db.run(`INSERT INTO "Directory" ("id", "organizationId", "provider", "createdAt", "updatedAt") VALUES ('dir_1', 'org_1', 'okta', ${at(0)}, ${at(0)})`);
  await db.run(`INSERT INTO "Role" ("id", "hostId", "key", "name", "createdAt") VALUES ('rol_1', 'h1', 'member', 'Member', ${at(0)})`);
  await db.run(`INSERT INTO "DirectoryUser" ("id", "directoryId", "userName", "userNameLower", "active", "raw", "createdAt", "updatedAt") VALUES
    ('usr_in', 'dir_1', 'in', 'in', ${bool(true)}, '{}', ${at(1)}, ${at(2)}),
    ('usr_out', 'dir_1', 'out', 'out', ${bool(false)}, '{}', ${at(1)}, ${at(3)})`);
  await db.run(`INSERT INTO "UserRole" ("userId", "roleId", "directoryId") VALUES ('usr_in', 'rol_1', 'dir_1'), ('usr_out', 'rol_1', 'dir_1')`);
  await db.close();

  expect(await migrate(url, ROOT)).toContain('0009_leaving_policy');
  const after = await open(url);
  try {
    expect(await after.rows<{ userId: string }>(`SELECT "userId" FROM "UserRole" ORDER BY "userId"`)).toEqual([{ userId: 'usr_in' }]);
    const users = await after.rows<{ id: string; deactivatedAt: unknown }>(`SELECT "id", "deactivatedAt" FROM "DirectoryUser" ORDER BY "id"`);
    // SQLite returns the stored text, PostgreSQL a Date.
    const iso = (v: unknown) => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
    expect(users.map((u) => [u.id, iso(u.deactivatedAt)])).toEqual([
      ['usr_in', null],
      ['usr_out', '2026-01-01T00:00:03.000Z'],
    ]);
  } finally {
    await after.close();
  }
});
