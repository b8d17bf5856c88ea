// A column derived from stored resources filled in for the users already there: when the derivation's version
// (USER_COLUMNS_VERSION) has not been applied to the database, every user's columns are recomputed from its `raw`,
// without a new version or an event; once applied, nothing runs again.
import { describe, expect, it } from 'vitest';
import { read, write } from '../../lib/db/database';
import { all, changes, one, runOp } from '../../lib/db/sql-program';
import { USER_COLUMNS_VERSION } from '../../lib/directory/users/columns';
import { recomputeUserColumns } from '../../lib/directory/users/recompute';
import { call, newDirectory, user } from './scim-helpers';

const marker = `derived DirectoryUser columns v${USER_COLUMNS_VERSION}`;
const row = (id: string) => read(() => one(`SELECT "displayNameLower", "familyNameLower", "version", "updatedAt" FROM "DirectoryUser" WHERE "id" = ?`, [id]));

describe('recomputing derived user columns', () => {
  it('fills in what a new derivation gives for every user, once', async () => {
    const dir = await newDirectory();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await call(dir, 'POST', 'Users', user(`re${i}@example.com`, { displayName: `Re ${i}`, name: { familyName: `Fam ${i}` } }))).body.id);
    const before = await row(ids[0]);
    // As after a migration that added these columns: empty for the users already there, the version not applied.
    await write(() => changes(runOp(`UPDATE "DirectoryUser" SET "displayNameLower" = NULL, "familyNameLower" = NULL`)));
    await write(() => changes(runOp(`DELETE FROM "UserEmail" WHERE "directoryId" = ?`, [dir.directoryId])));
    await write(() => changes(runOp(`DELETE FROM "_scim_portal_migrations" WHERE "name" = ?`, [marker])));

    expect(await recomputeUserColumns()).toBeGreaterThanOrEqual(3);
    for (const [i, id] of ids.entries()) expect(await row(id)).toMatchObject({ displayNameLower: `re ${i}`, familyNameLower: `fam ${i}` });
    expect(await row(ids[0])).toEqual(before);
    const emails = await read(() => all(`SELECT "valueLower" FROM "UserEmail" WHERE "directoryId" = ? ORDER BY "valueLower"`, [dir.directoryId]));
    expect(emails.map((e) => e.valueLower)).toEqual(['re0@example.com', 're1@example.com', 're2@example.com']);
    const filtered = await call(dir, 'GET', `Users?filter=${encodeURIComponent('name.familyName eq "FAM 1"')}`);
    expect(filtered.body.Resources.map((u: { id: string }) => u.id)).toEqual([ids[1]]);

    await write(() => changes(runOp(`UPDATE "DirectoryUser" SET "displayNameLower" = NULL WHERE "id" = ?`, [ids[0]])));
    expect(await recomputeUserColumns()).toBe(0);
    expect((await row(ids[0]))?.displayNameLower).toBeNull();
  });
});
