// Users a keeping leaving policy keeps after a SCIM DELETE hold no place in SCIM_MAX_USERS_PER_DIRECTORY, so they have a
// bound of their own, SCIM_MAX_KEPT_USERS_PER_DIRECTORY (2 here): past it a DELETE deletes at once, and the decision
// log and the event say why. A token holder creating and deleting distinct users no longer grows the table unbounded.
import { describe, expect, it } from 'vitest';
import { read } from '../../lib/db/database';
import { findUserView } from '../../lib/directory/users/reads';
import { env } from '../../lib/env';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed, toEnvelope } from '../../lib/events/feed';
import { changePolicy } from '../../lib/policy/policy-admin';
import { countOf } from './db-rows';
import { call, newDirectory, user } from './scim-helpers';

process.env.SCIM_MAX_KEPT_USERS_PER_DIRECTORY = '2';
const limits = env().scim;
delete process.env.SCIM_MAX_KEPT_USERS_PER_DIRECTORY;

const LIMIT_WORDS = 'deleted at once: the directory keeps as many deleted users as it may (SCIM_MAX_KEPT_USERS_PER_DIRECTORY)';
const hostView = (dir: DirectoryScope, id: string) => read((env) => findUserView(env, { directoryId: dir.directoryId, id }));
const rowsOf = (dir: DirectoryScope) => countOf('DirectoryUser', '"directoryId" = ?', [dir.directoryId]);
const feed = async (dir: DirectoryScope) =>
  (await readFeed({ hostId: dir.hostId, afterSeq: 0, limit: 100_000 })).filter((e) => e.directoryId === dir.directoryId).map(toEnvelope);

async function keeping(mode: 'deactivate' | 'delete_after') {
  const dir = await newDirectory();
  await changePolicy({ ...dir, actor: 'test' }, { leaving: { mode, deleteAfterDays: mode === 'delete_after' ? 30 : null } });
  return dir;
}

/** Creates `userName` and deletes it over SCIM: its id and the DELETE's decision. */
async function createAndDelete(dir: DirectoryScope, userName: string) {
  const created = await call(dir, 'POST', 'Users', user(userName));
  expect(created.status).toBe(201);
  const deleted = await call(dir, 'DELETE', `Users/${created.body.id}`);
  expect(deleted.status).toBe(204);
  return { id: String(created.body.id), decision: deleted.decision };
}

describe.each(['deactivate', 'delete_after'] as const)('kept users under leaving "%s"', (mode) => {
  it('are kept up to the bound; past it a DELETE deletes at once and says so in the decision log and the event', async () => {
    expect(limits.maxKeptUsersPerDirectory).toBe(2);
    const dir = await keeping(mode);
    const kept = [await createAndDelete(dir, 'k1@example.com'), await createAndDelete(dir, 'k2@example.com')];
    for (const k of kept) {
      expect(k.decision).toMatch(/^deleted from SCIM; kept deactivated/);
      expect((await hostView(dir, k.id))?.row.removedAt).toBeInstanceOf(Date);
    }
    const before = (await feed(dir)).length;
    const past = await createAndDelete(dir, 'k3@example.com');
    expect(past.decision).toBe(LIMIT_WORDS);
    expect(await hostView(dir, past.id)).toBeNull();
    const events = (await feed(dir)).slice(before).filter((e) => e.type !== 'directory.user.created');
    expect(events.map((e) => [e.type, (e.data as { id: string; reason?: string }).id, (e.data as { reason?: string }).reason])).toEqual([
      ['directory.user.deleted', past.id, 'kept_users_limit'],
    ]);
    // A token holder cycling distinct users: the directory never holds more than the bound.
    for (let i = 4; i < 9; i++) expect((await createAndDelete(dir, `k${i}@example.com`)).decision).toBe(LIMIT_WORDS);
    expect(await rowsOf(dir)).toBe(2);
  });

  it('a kept user linked back makes room at once (the count is read again near the bound); another directory has a bound of its own', async () => {
    const dir = await keeping(mode);
    await createAndDelete(dir, 'a@example.com');
    await createAndDelete(dir, 'b@example.com');
    expect((await createAndDelete(dir, 'c@example.com')).decision).toBe(LIMIT_WORDS);
    const linked = await call(dir, 'POST', 'Users', user('a@example.com'));
    expect([linked.status, linked.decision]).toEqual([201, expect.stringMatching(/^linked/)]);
    expect((await createAndDelete(dir, 'd@example.com')).decision).toMatch(/^deleted from SCIM; kept deactivated/);

    const other = await keeping(mode);
    expect((await createAndDelete(other, 'a@example.com')).decision).toMatch(/^deleted from SCIM; kept deactivated/);
  });
});

it('under "delete" the bound changes nothing: every DELETE deletes, without a reason', async () => {
  const dir = await newDirectory();
  await changePolicy({ ...dir, actor: 'test' }, { leaving: { mode: 'delete', deleteAfterDays: null } });
  for (const n of [1, 2, 3]) expect((await createAndDelete(dir, `d${n}@example.com`)).decision).toBe('deleted');
  expect(await rowsOf(dir)).toBe(0);
});
