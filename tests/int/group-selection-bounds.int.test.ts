// The worst accepted group selection change, timed: one that moves MAX_SELECTION_MEMBERSHIPS memberships of a group
// mapped to a role (each member's roles recomputed, a user_removed and a user.updated event each), in one
// transaction; one more is a job, nothing moved until it runs, then the same events, timed.
import { describe, expect, it } from 'vitest';
import { read, write } from '../../lib/db/database';
import { insertOp, insertSelectOps } from '../../lib/db/rows';
import { changes, chunked, one, runOp } from '../../lib/db/sql-program';
import { MAX_SELECTION_MEMBERSHIPS, readGroupSelection, setGroupSelection } from '../../lib/directory/group-selection';
import { runSelectionJob } from '../../lib/directory/selection-job';
import { newId } from '../../lib/ids';
import { configureRoles, createRole } from '../../lib/roles/roles';
import { bulkUserRow, newDirectory } from './scim-helpers';

const count = async (sql: string, params: string[]) => Number((await read(() => one(sql, params)))?.n ?? 0);

describe('group selection bounds', () => {
  it(`moves ${MAX_SELECTION_MEMBERSHIPS} memberships in one change; one more runs as a job`, { timeout: 300_000 }, async () => {
    const dir = await newDirectory();
    const n = MAX_SELECTION_MEMBERSHIPS;
    const users = Array.from({ length: n + 1 }, (_, i) => ({ id: newId('usr'), userName: `bulk${i}@example.com` }));
    // Written straight through SQL below, so with the member counts the writers keep.
    const group = (name: string, memberCount: number) => ({
      id: newId('grp'),
      memberCount,
      directoryId: dir.directoryId,
      externalId: null,
      displayName: name,
      displayNameLower: name.toLowerCase(),
      raw: JSON.stringify({ displayName: name }),
      syncCursor: null,
      updatedAt: new Date(),
    });
    const [big, small] = [group('Everyone', n), group('Few', 1)];
    await write(function* (env) {
      for (const part of chunked(users, 2000)) {
        const rows = part.map((u) => bulkUserRow(dir.directoryId, u.id, u.userName));
        for (const op of insertSelectOps(env.dialect, 'DirectoryUser', rows)) yield* changes(op);
      }
      yield* changes(insertOp(env.dialect, 'DirectoryGroup', [big, small]));
      const members = [...users.slice(0, n).map((u) => ({ groupId: big.id, userId: u.id })), { groupId: small.id, userId: users[n].id }];
      for (const part of chunked(members, 2000)) {
        for (const op of insertSelectOps(
          env.dialect,
          'GroupMembership',
          part.map((m) => ({ ...m, directoryId: dir.directoryId, display: null })),
        ))
          yield* changes(op);
      }
    });
    const key = `bulk-${dir.directoryId.slice(-6)}`;
    await createRole(dir.hostId, { key, name: 'Bulk' });
    const mapped = performance.now();
    await configureRoles(dir, { mappings: [{ groupId: big.id, roleKey: key }] });
    console.log(`role mapping for comparison: ${n} users' roles in ${Math.round(performance.now() - mapped)} ms (${process.env.TEST_DB})`);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "UserRole" WHERE "directoryId" = ?`, [dir.directoryId])).toBe(n);

    const before = await count(`SELECT COUNT(*) AS "n" FROM "Event" WHERE "directoryId" = ?`, [dir.directoryId]);
    const started = performance.now();
    const change = await setGroupSelection(dir, { mode: 'selected', groupIds: [small.id] }, 'test');
    const ms = performance.now() - started;
    console.log(`group selection: ${n} memberships moved in ${Math.round(ms)} ms (${process.env.TEST_DB})`);
    expect(change.disappearing.map((g) => g.members)).toEqual([n]);
    expect(change.roleChanges).toHaveLength(n);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "UserRole" WHERE "directoryId" = ?`, [dir.directoryId])).toBe(0);
    expect(await count(`SELECT COUNT(*) AS "n" FROM "Event" WHERE "directoryId" = ?`, [dir.directoryId])).toBe(before + 2 * n + 1);
    expect(ms).toBeLessThan(60_000);

    // Back to everyone: the big group and the one more membership it now has would move n + 1.
    await write(function* (env) {
      for (const op of insertSelectOps(env.dialect, 'GroupMembership', [{ groupId: big.id, userId: users[n].id, directoryId: dir.directoryId, display: null }]))
        yield* changes(op);
      yield* changes(runOp(`UPDATE "DirectoryGroup" SET "memberCount" = "memberCount" + 1 WHERE "id" = ?`, [big.id]));
    });
    const queued = await setGroupSelection(dir, { mode: 'all', groupIds: [] }, 'test', { start: false });
    expect(queued.job).toMatchObject({ status: 'running', total: n + 1 });
    expect(await count(`SELECT COUNT(*) AS "n" FROM "Event" WHERE "directoryId" = ?`, [dir.directoryId])).toBe(before + 2 * n + 1);
    const job = performance.now();
    await runSelectionJob(dir.directoryId);
    console.log(`group selection job: ${n + 1} memberships moved in ${Math.round(performance.now() - job)} ms (${process.env.TEST_DB})`);
    expect(await readGroupSelection(dir.directoryId)).toMatchObject({ mode: 'all', job: { status: 'done', done: n + 1 } });
    expect(await count(`SELECT COUNT(*) AS "n" FROM "UserRole" WHERE "directoryId" = ?`, [dir.directoryId])).toBe(n + 1);
    // group.created, a user_added and a user.updated (roles) for each member: the one-transaction path's events.
    expect(await count(`SELECT COUNT(*) AS "n" FROM "Event" WHERE "directoryId" = ?`, [dir.directoryId])).toBe(before + 2 * n + 1 + 2 * (n + 1) + 1);
  });
});
