// Migration 0020 on a database that already has data: every organization's seats count is back-filled from its
// active users, with its limit beside it and the seats it holds past a limit already below them.
import { expect, it } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { ROOT } from '../setup/app-server';
import { at, freshDatabase, kind, migrationsWhere, open } from './migration-helpers';

it('0020 back-fills the seats count of every organization', async () => {
  const url = await freshDatabase('0020');
  await migrate(
    url,
    migrationsWhere((d) => d < '0020', '0020'),
  );
  const db = await open(url);
  const bool = (b: boolean) => (kind === 'sqlite' ? (b ? '1' : '0') : String(b));
  await db.run(`INSERT INTO "Host" ("id", "name", "createdAt") VALUES ('h1', 'h', ${at(0)})`);
  await db.run(`INSERT INTO "Organization" ("id", "hostId", "name", "createdAt", "updatedAt") VALUES
    ('org_over', 'h1', 'Over', ${at(0)}, ${at(0)}), ('org_free', 'h1', 'Free', ${at(0)}, ${at(0)}), ('org_empty', 'h1', 'Empty', ${at(0)}, ${at(0)})`);
  await db.run(`INSERT INTO "OrganizationPolicy" ("organizationId", "seatLimit", "updatedAt") VALUES ('org_over', 1, ${at(0)}), ('org_free', 5, ${at(0)})`);
  await db.run(`INSERT INTO "Directory" ("id", "organizationId", "provider", "createdAt", "updatedAt") VALUES
    ('dir_1', 'org_over', 'okta', ${at(0)}, ${at(0)}), ('dir_2', 'org_over', 'entra', ${at(0)}, ${at(0)}), ('dir_3', 'org_free', 'okta', ${at(0)}, ${at(0)})`);
  const u = (id: string, dir: string, active: boolean) => `('${id}', '${dir}', '${id}', '${id}', ${bool(active)}, '{}', ${at(1)}, ${at(1)})`;
  await db.run(`INSERT INTO "DirectoryUser" ("id", "directoryId", "userName", "userNameLower", "active", "raw", "createdAt", "updatedAt") VALUES
    ${[u('a', 'dir_1', true), u('b', 'dir_2', true), u('c', 'dir_2', false), u('d', 'dir_3', true)].join(', ')}`);
  await db.close();

  expect(await migrate(url, ROOT)).toContain('0020_organization_seats');
  const after = await open(url);
  try {
    const rows = await after.rows<Record<string, unknown>>(
      `SELECT "organizationId", "activeUsers", "seatLimit", "overLimit" FROM "OrganizationSeats" ORDER BY "organizationId"`,
    );
    expect(rows.map((r) => [r.organizationId, Number(r.activeUsers), r.seatLimit === null ? null : Number(r.seatLimit), Number(r.overLimit)])).toEqual([
      ['org_empty', 0, null, 0],
      ['org_free', 1, 5, 0],
      ['org_over', 2, 1, 1],
    ]);
    // The CHECK holds the limit: a seat more in the organization over it fails, one in the other passes.
    await expect(after.run(`UPDATE "OrganizationSeats" SET "activeUsers" = "activeUsers" + 1 WHERE "organizationId" = 'org_over'`)).rejects.toThrow();
    await after.run(`UPDATE "OrganizationSeats" SET "activeUsers" = "activeUsers" + 1 WHERE "organizationId" = 'org_free'`);
  } finally {
    await after.close();
  }
});
