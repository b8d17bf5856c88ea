// Migration 0007 on a database that already has data: organizations sharing an externalId within a host (it was
// not unique before) do not break it (the oldest keeps the id, the others lose it, each clearing audited); names
// are backfilled for search; directories get names ("Okta", "Okta 2") and, once they served requests, connected.
import { expect, it } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { ROOT } from '../setup/app-server';
import { at as t, freshDatabase, migrationsWhere, open } from './migration-helpers';

it('0007 keeps the oldest of duplicate externalIds, clears the rest with an audit entry, and names directories', async () => {
  const url = await freshDatabase('0007');
  await migrate(
    url,
    migrationsWhere((d) => d < '0007', '0007'),
  );
  const db = await open(url);
  await db.run(`INSERT INTO "Host" ("id", "name", "createdAt") VALUES ('h1', 'h', ${t(0)}), ('h2', 'h', ${t(0)})`);
  await db.run(`INSERT INTO "Organization" ("id", "hostId", "name", "externalId", "createdAt", "updatedAt") VALUES
    ('org_b', 'h1', 'Beta Corp', 'cust-1', ${t(2)}, ${t(2)}),
    ('org_a', 'h1', 'ALPHA Inc', 'cust-1', ${t(1)}, ${t(1)}),
    ('org_c', 'h1', 'Gamma', 'cust-1', ${t(3)}, ${t(3)}),
    ('org_d', 'h2', 'Delta', 'cust-1', ${t(4)}, ${t(4)}),
    ('org_e', 'h1', 'Epsilon', NULL, ${t(5)}, ${t(5)}),
    ('org_f', 'h1', 'Zeta', NULL, ${t(6)}, ${t(6)})`);
  await db.run(`INSERT INTO "Directory" ("id", "organizationId", "provider", "status", "lastRequestAt", "createdAt", "updatedAt") VALUES
    ('dir_1', 'org_a', 'okta', 'enabled', ${t(7)}, ${t(1)}, ${t(1)}),
    ('dir_2', 'org_a', 'okta', 'enabled', NULL, ${t(2)}, ${t(2)}),
    ('dir_3', 'org_a', 'entra', 'enabled', NULL, ${t(3)}, ${t(3)})`);
  await db.close();

  expect(await migrate(url, ROOT)).toContain('0007_directory_health_names_people');
  const after = await open(url);
  try {
    const orgs = await after.rows<{ id: string; externalId: string | null; nameLower: string }>(
      `SELECT "id", "externalId", "nameLower" FROM "Organization" ORDER BY "id"`,
    );
    expect(orgs).toEqual([
      { id: 'org_a', externalId: 'cust-1', nameLower: 'alpha inc' },
      { id: 'org_b', externalId: null, nameLower: 'beta corp' },
      { id: 'org_c', externalId: null, nameLower: 'gamma' },
      { id: 'org_d', externalId: 'cust-1', nameLower: 'delta' },
      { id: 'org_e', externalId: null, nameLower: 'epsilon' },
      { id: 'org_f', externalId: null, nameLower: 'zeta' },
    ]);
    const audit = await after.rows<{ target: string; action: string; details: string }>(
      `SELECT "target", "action", "details" FROM "AuditLog" ORDER BY "target"`,
    );
    expect(audit.map((a) => [a.target, a.action, JSON.parse(a.details)])).toEqual([
      ['org_b', 'organization.external_id_cleared', { externalId: 'cust-1' }],
      ['org_c', 'organization.external_id_cleared', { externalId: 'cust-1' }],
    ]);
    const dirs = await after.rows<{ id: string; name: string; health: string; connected: number }>(
      `SELECT "id", "name", "health", CASE WHEN "connectedAt" IS NULL THEN 0 ELSE 1 END AS "connected" FROM "Directory" ORDER BY "id"`,
    );
    expect(dirs.map((d) => [d.id, d.name, d.health, Number(d.connected)])).toEqual([
      ['dir_1', 'Okta', 'connected', 1],
      ['dir_2', 'Okta 2', 'waiting', 0],
      ['dir_3', 'Microsoft Entra ID', 'waiting', 0],
    ]);
    // The unique index holds from now on.
    await expect(after.run(`UPDATE "Organization" SET "externalId" = 'cust-1' WHERE "id" = 'org_b'`)).rejects.toThrow(/unique/i);
  } finally {
    await after.close();
  }
});
