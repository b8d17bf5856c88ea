// Deleting a directory or an organization removes all its data and emits the matching events; retention removes
// old request and delivery logs only.
import { describe, expect, it } from 'vitest';
import { deleteDirectory, deleteOrganization } from '../../lib/directory/delete-directory';
import { applyRetention } from '../../lib/maintenance/retention';
import { newId } from '../../lib/ids';
import { call, newDirectory, user } from './scim-helpers';
import { countOf, insertRows, query, rowsOf } from './db-rows';

async function populate() {
  const dir = await newDirectory();
  const a = await call(dir, 'POST', 'Users', user('del.a@example.com'));
  const b = await call(dir, 'POST', 'Users', user('del.b@example.com'));
  await call(dir, 'POST', 'Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'Doomed',
    members: [{ value: a.body.id }, { value: b.body.id }],
  });
  return dir;
}

async function counts(directoryId: string) {
  const where: [string, string[]] = ['"directoryId" = ?', [directoryId]];
  return {
    users: await countOf('DirectoryUser', ...where),
    groups: await countOf('DirectoryGroup', ...where),
    memberships: await countOf('GroupMembership', ...where),
    emails: await countOf('UserEmail', ...where),
    tokens: await countOf('DirectoryToken', ...where),
    directory: await countOf('Directory', '"id" = ?', [directoryId]),
  };
}

const none = { users: 0, groups: 0, memberships: 0, emails: 0, tokens: 0, directory: 0 };

describe('deletion', () => {
  it('a directory: all rows gone, one event per user and group, then directory.deleted', async () => {
    const dir = await populate();
    const other = await populate();
    const before = Number((await query(`SELECT max("seq") AS "seq" FROM "Event"`))[0]?.seq ?? 0);
    await deleteDirectory({ hostId: dir.hostId, directoryId: dir.directoryId });
    expect(await counts(dir.directoryId)).toEqual(none);
    expect((await counts(other.directoryId)).users).toBe(2);
    const events = await rowsOf('Event', '"seq" > ?', [before], 'ORDER BY "seq"');
    expect(events.map((e) => e.type)).toEqual(['directory.group.deleted', 'directory.user.deleted', 'directory.user.deleted', 'directory.deleted']);
  });

  it('an organization: its directories and their data gone; another host cannot delete it', async () => {
    const dir = await populate();
    await expect(deleteOrganization({ hostId: 'hst_other', organizationId: dir.organizationId })).rejects.toThrow(/not found/);
    expect((await counts(dir.directoryId)).users).toBe(2);
    await deleteOrganization({ hostId: dir.hostId, organizationId: dir.organizationId });
    expect(await counts(dir.directoryId)).toEqual(none);
    expect(await countOf('Organization', '"id" = ?', [dir.organizationId])).toBe(0);
  });
});

describe('retention', () => {
  it('removes request logs and finished deliveries older than the limit, keeps the rest', async () => {
    const dir = await newDirectory();
    const old = new Date(Date.now() - 40 * 86_400_000);
    const row = (createdAt: Date) => ({ id: newId('req'), directoryId: dir.directoryId, method: 'GET', path: '/Users', status: 200, durationMs: 1, createdAt });
    await insertRows('ScimRequestLog', [row(old), row(new Date())]);
    const result = await applyRetention();
    expect(result.requestLogs).toBeGreaterThanOrEqual(1);
    expect(await countOf('ScimRequestLog', '"directoryId" = ?', [dir.directoryId])).toBe(1);
  });

  it('removes old rows a batch at a time, in every directory, to the last one', async () => {
    const [a, b] = [await newDirectory(), await newDirectory()];
    const old = new Date(Date.now() - 40 * 86_400_000);
    const row = (directoryId: string, createdAt: Date) => ({
      id: newId('req'),
      directoryId,
      method: 'GET',
      path: '/Users',
      status: 200,
      durationMs: 1,
      createdAt,
    });
    // More than one batch (2,000) in one directory, a few in another, and recent rows in both.
    await insertRows(
      'ScimRequestLog',
      Array.from({ length: 4_001 }, () => row(a.directoryId, old)),
    );
    await insertRows('ScimRequestLog', [row(b.directoryId, old), row(b.directoryId, old), row(a.directoryId, new Date()), row(b.directoryId, new Date())]);
    const result = await applyRetention();
    expect(result.requestLogs).toBeGreaterThanOrEqual(4_003);
    expect(await countOf('ScimRequestLog', '"directoryId" IN (?, ?)', [a.directoryId, b.directoryId])).toBe(2);
    expect(await countOf('ScimRequestLog', '"createdAt" < ?', [new Date(Date.now() - 30 * 86_400_000)])).toBe(0);
  });
});
