// Query plans of the SCIM hot path's reads, on the connection and with the settings they run with: a GET's groups are
// found by probing each membership's group by primary key, never by walking the directory's groups, however many
// the directory has and however the planner weighs a small table.
import { describe, expect, it } from 'vitest';
import { dialect, getDb } from '../../lib/db/client';
import { fastAll } from '../../lib/db/fast-read';
import { groupsJsonColumn } from '../../lib/directory/user-json-columns';
import { call, newDirectory, user } from './scim-helpers';

const GROUPS = 300;

async function directoryWithManyGroups() {
  const dir = await newDirectory();
  const u = await call(dir, 'POST', 'Users', user('planned@example.com'));
  expect(u.status).toBe(201);
  const groupIds: string[] = [];
  for (let i = 0; i < GROUPS; i++) {
    const members = i % 150 === 0 ? [{ value: u.body.id }] : [];
    const g = await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `planned ${i}`, members });
    expect(g.status).toBe(201);
    groupIds.push(g.body.id);
  }
  await (await getDb()).$executeRawUnsafe('ANALYZE "DirectoryGroup"');
  await (await getDb()).$executeRawUnsafe('ANALYZE "GroupMembership"');
  return { dir, userId: u.body.id as string, memberOf: [groupIds[0], groupIds[150]].sort() };
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
const touches = (n: PlanNode, table: string) => nodes(n).some((x) => x['Relation Name'] === table);

describe("a user's groups on the hot path", () => {
  const sql = `SELECT u."id", ${groupsJsonColumn(dialect())} FROM "DirectoryUser" u WHERE u."id" = ?`;

  it('come back right from a directory of many groups', async () => {
    const { userId, memberOf } = await directoryWithManyGroups();
    const rows = await fastAll(sql, [userId]);
    const groups = typeof rows[0].groupsJson === 'string' ? JSON.parse(rows[0].groupsJson) : rows[0].groupsJson;
    expect(groups.map((g: [string, string]) => g[0])).toEqual(memberOf);
    expect(groups.map((g: [string, string]) => g[1]).sort()).toEqual(['planned 0', 'planned 150']);
  });

  it.skipIf(dialect() !== 'postgres')('are probed by primary key on PostgreSQL, never joined over the directory', async () => {
    const { userId } = await directoryWithManyGroups();
    // Told to probe even a table small enough to read whole (a directory's few groups, once per membership).
    expect((await fastAll('SHOW enable_seqscan', []))[0].enable_seqscan).toBe('off');
    // Even with a planner that would rather not nest loops (as it would for a directory of many groups, or users in
    // many groups): the subquery must stay a probe per membership, not be flattened into a join it may pick.
    await fastAll('SET enable_nestloop = off', []);
    let row: Record<string, unknown>;
    try {
      [row] = await fastAll(`EXPLAIN (FORMAT JSON) ${sql}`, [userId]);
    } finally {
      await fastAll('RESET enable_nestloop', []);
    }
    const plan = (row['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
    const all = nodes(plan);
    const groupScans = all.filter((n) => n['Relation Name'] === 'DirectoryGroup');
    expect(groupScans.map((n) => [n['Node Type'], n['Index Name']])).toEqual([['Index Scan', 'DirectoryGroup_pkey']]);
    // Under a nested loop driven by the user's memberships, not a hash or merge join reading groups wholesale.
    const joins = all.filter((n) => /Join|Nested Loop/.test(n['Node Type']) && touches(n, 'DirectoryGroup'));
    expect(joins.map((n) => n['Node Type'])).toEqual(['Nested Loop']);
  });

  it.skipIf(dialect() !== 'sqlite')('are probed by primary key on SQLite', async () => {
    const { userId } = await directoryWithManyGroups();
    const plan = (await fastAll(`EXPLAIN QUERY PLAN ${sql}`, [userId])).map((r) => String(r.detail));
    expect(plan.some((d) => /^SEARCH g USING (INDEX sqlite_autoindex_DirectoryGroup_1|PRIMARY KEY) \(id=\?\)/.test(d))).toBe(true);
    expect(plan.filter((d) => /^SCAN (g|m)\b/.test(d))).toEqual([]);
  });
});
