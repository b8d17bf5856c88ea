// Group-selection changes too large for one transaction run as a job (issue 19), on both databases: batches in their
// own transactions with the one-transaction path's events, membership PATCHes racing them, a process stopping
// midway and another resuming, one job per directory at a time. Small batches stand in for the 2,000 of real jobs.
import { describe, expect, it } from 'vitest';
import { read } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import { readGroupSelection, setGroupSelection } from '../../lib/directory/group-selection';
import { runSelectionJob } from '../../lib/directory/selection-job';
import type { DirectoryScope } from '../../lib/events/event-types';
import { createRole, setRoleMappings } from '../../lib/roles/roles';
import { eventSeq, expectReplayMatchesDatabase } from './host-replay';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const AS_JOB = { inTransaction: 0, batch: 3, start: false };
const member = (op: 'add' | 'remove', u: string) => (op === 'add' ? { op, path: 'members', value: [{ value: u }] } : { op, path: `members[value eq "${u}"]` });

/** 15 users; groups A, B, C of 10, 8 and 6 members; A mapped to a role. */
async function directory(tag: string): Promise<{ dir: DirectoryScope; users: string[]; groups: string[]; role: string }> {
  const dir = await newDirectory();
  const users: string[] = [];
  for (let i = 0; i < 15; i++) users.push((await call(dir, 'POST', 'Users', user(`${tag}${i}@example.com`))).body.id);
  const groups: string[] = [];
  for (const [name, n] of [
    ['A', 10],
    ['B', 8],
    ['C', 6],
  ] as const) {
    const members = users.slice(0, n).map((value) => ({ value }));
    groups.push((await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: name, members })).body.id);
  }
  const role = `job-${tag}-${Math.random().toString(36).slice(2, 8)}`;
  await createRole(dir.hostId, { key: role, name: role });
  await setRoleMappings(dir, [{ groupId: groups[0], roleKey: role }]);
  return { dir, users, groups, role };
}

const job = async (dir: DirectoryScope) => (await readGroupSelection(dir.directoryId)).job;
const holders = async (role: string) =>
  (await read(() => all(`SELECT ur."userId" FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE r."key" = ?`, [role]))).length;

describe('a group selection job', () => {
  it('moves the change batch by batch with the one-transaction events; the host view equals the database at the end', async () => {
    const start = await eventSeq();
    const { dir, groups, role } = await directory('jobA');
    const queued = await setGroupSelection(dir, { mode: 'selected', groupIds: [groups[2]] }, 'test', AS_JOB);
    expect(queued.job).toMatchObject({ status: 'running', done: 0, total: 18 });
    expect(queued.events).toEqual([]);
    // The target is what GET answers while it runs; nothing moved yet.
    expect(await readGroupSelection(dir.directoryId)).toMatchObject({ mode: 'selected', groupIds: [groups[2]], job: { status: 'running' } });
    expect(await holders(role)).toBe(10);
    await runSelectionJob(dir.directoryId, { batch: 3 });
    expect(await job(dir)).toMatchObject({ status: 'done', done: 18, total: 18 });
    expect(await holders(role)).toBe(0);
    await expectReplayMatchesDatabase(dir, start);
    // And back to every group, as a job again.
    await setGroupSelection(dir, { mode: 'all', groupIds: [] }, 'test', AS_JOB);
    await runSelectionJob(dir.directoryId, { batch: 3 });
    expect(await holders(role)).toBe(10);
    const seen = await expectReplayMatchesDatabase(dir, start);
    expect(seen.size).toBe(3);
  });

  it('races membership PATCHes: every event still matches what the host was told, and the end state is the database', async () => {
    for (let round = 0; round < 3; round++) {
      const start = await eventSeq();
      const { dir, users, groups } = await directory(`race${round}`);
      for (const selection of [
        { mode: 'selected' as const, groupIds: [groups[2]] },
        { mode: 'selected' as const, groupIds: [groups[0], groups[1]] },
        { mode: 'all' as const, groupIds: [] },
      ]) {
        await setGroupSelection(dir, selection, 'test', AS_JOB);
        const patches = users.flatMap((u, i) => [
          call(dir, 'PATCH', `Groups/${groups[i % 3]}`, { schemas: [PATCH], Operations: [member(i % 2 ? 'add' : 'remove', u)] }),
          call(dir, 'PATCH', `Groups/${groups[(i + 1) % 3]}`, { schemas: [PATCH], Operations: [member(i % 2 ? 'remove' : 'add', u)] }),
        ]);
        const [results] = await Promise.all([Promise.all(patches), runSelectionJob(dir.directoryId, { batch: 2 })]);
        for (const r of results) expect([200, 204]).toContain(r.status);
        expect((await job(dir))?.status, `round ${round}`).toBe('done');
        await expectReplayMatchesDatabase(dir, start);
      }
    }
  });

  it('resumes after a process stops midway, and refuses another change of the directory until it is done', async () => {
    const start = await eventSeq();
    const { dir, groups } = await directory('resume');
    await setGroupSelection(dir, { mode: 'selected', groupIds: [groups[1]] }, 'test', AS_JOB);
    // A process that ran two batches and stopped.
    await runSelectionJob(dir.directoryId, { batch: 3, maxBatches: 2 });
    expect(await job(dir)).toMatchObject({ status: 'running', done: 6, total: 16 });
    await expect(setGroupSelection(dir, { mode: 'all', groupIds: [] }, 'test')).rejects.toMatchObject({ code: 'conflict' });
    // Another process picks it up where the last committed batch stopped.
    await runSelectionJob(dir.directoryId, { batch: 3 });
    expect(await job(dir)).toMatchObject({ status: 'done', done: 16 });
    await expectReplayMatchesDatabase(dir, start);
    expect((await setGroupSelection(dir, { mode: 'all', groupIds: [] }, 'test')).job).toBeNull();
  });
});
