// Query plans of the SCIM reads, on the connection and with the settings they run with: a user's groups are found by
// probing each membership's group by primary key, never by walking the directory's groups; on SQLite (which plans
// without statistics until ANALYZE runs: lib/db/migrate.ts gives it the shape of a large directory) filters on
// indexed attributes use their index, and an unfiltered page walks the directory in order.
import { describe, expect, it } from 'vitest';
import { database, read, write } from '../../lib/db/database';
import { migrate } from '../../lib/db/migrate';
import { all, run } from '../../lib/db/sql-program';
import { TOKEN_CHECK_COLUMNS, TOKEN_CHECK_JOINS } from '../../lib/directory/tokens';
import { groupsJson, SCIM_VISIBLE_U, USER_COLUMNS_OF_U, USER_RESPONSE_COLUMNS_OF_U } from '../../lib/directory/users/reads';
import { parseFilter } from '../../lib/scim/filter/parse';
import { USER_ATTRS } from '../../lib/scim/filter/resource-attrs';
import { filterToSql } from '../../lib/scim/filter/to-sql';
import { requestLogQuery } from '../../lib/portal/request-log-page';
import { call, newDirectory, user } from './scim-helpers';

const GROUPS = 300;
const dialect = () => database().dialect.name;

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
  if (dialect() === 'postgres') await read(() => all('ANALYZE "DirectoryGroup"'));
  return { dir, userId: u.body.id as string, memberOf: [groupIds[0], groupIds[150]].sort() };
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
const touches = (n: PlanNode, table: string) => nodes(n).some((x) => x['Relation Name'] === table);
const sqlitePlan = async (sql: string, params: unknown[]) =>
  (await read(() => all(`EXPLAIN QUERY PLAN ${sql}`, params as string[]))).map((r) => String(r.detail));

describe("a user's groups", () => {
  const sql = () => `SELECT u."id", ${groupsJson(database().dialect)} FROM "DirectoryUser" u WHERE u."id" = ?`;

  it('come back right from a directory of many groups', async () => {
    const { userId, memberOf } = await directoryWithManyGroups();
    const [row] = await read(() => all(sql(), [userId]));
    const groups = typeof row.groupsJson === 'string' ? JSON.parse(row.groupsJson) : row.groupsJson;
    expect(groups.map((g: [string, string]) => g[0])).toEqual(memberOf);
    expect(groups.map((g: [string, string]) => g[1]).sort()).toEqual(['planned 0', 'planned 150']);
  });

  it.skipIf(dialect() !== 'postgres')('are probed by primary key on PostgreSQL, never joined over the directory', async () => {
    const { userId } = await directoryWithManyGroups();
    // Even with a planner that would rather not nest loops: each group stays a probe per membership.
    const plan = await read(function* () {
      yield* all('SET enable_nestloop = off');
      try {
        return ((yield* all(`EXPLAIN (FORMAT JSON) ${sql()}`, [userId]))[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
      } finally {
        yield* all('RESET enable_nestloop');
      }
    });
    const all_ = nodes(plan);
    const groupScans = all_.filter((n) => n['Relation Name'] === 'DirectoryGroup');
    expect(groupScans.map((n) => [n['Node Type'], n['Index Name']])).toEqual([['Index Scan', 'DirectoryGroup_pkey']]);
    expect(all_.filter((n) => /Join/.test(n['Node Type']) && touches(n, 'DirectoryGroup'))).toEqual([]);
  });

  it.skipIf(dialect() !== 'sqlite')('are probed by primary key on SQLite', async () => {
    const { userId } = await directoryWithManyGroups();
    const plan = await sqlitePlan(sql(), [userId]);
    expect(plan.some((d) => /^SEARCH g USING (INDEX sqlite_autoindex_DirectoryGroup_1|PRIMARY KEY) \(id=\?\)/.test(d))).toBe(true);
    expect(plan.filter((d) => /^SCAN (g|m)\b/.test(d))).toEqual([]);
  });
});

describe.skipIf(dialect() !== 'sqlite')('SQLite list pages, with the statistics migrations leave', () => {
  // `sorted`: the page; else the first two matches in any order (lib/db/counted-page.ts's probe of an indexed `eq`).
  const page = (filter: string | null, sorted = true) => {
    const where =
      filter === null ? null : filterToSql(parseFilter(filter), { attrs: USER_ATTRS, alias: 'u', directoryId: 'dir_x', dialect: database().dialect });
    return {
      // As listUsers asks: only the users SCIM sees (the userName index is theirs alone).
      sql: `SELECT ${USER_COLUMNS_OF_U} FROM "DirectoryUser" u WHERE u."directoryId" = ? AND ${SCIM_VISIBLE_U}${where ? ` AND ${where.sql}` : ''}${sorted ? ' ORDER BY u."createdAt", u."id" LIMIT 100' : ' LIMIT 2'}`,
      params: ['dir_x', ...(where?.params ?? [])],
    };
  };

  it.each([
    ['externalId eq "e1"', /SEARCH u USING INDEX DirectoryUser_directoryId_externalId_idx \(directoryId=\? AND externalId=\?\)/],
    // Either index of the name: the unique one of the users SCIM sees, or migration 0025's of every user.
    ['userName eq "a@b"', /SEARCH u USING INDEX DirectoryUser_directoryId_userNameLower_(key|idx) \(directoryId=\? AND userNameLower=\?\)/],
    ['emails[type eq "work"].value eq "a@b"', /SEARCH u USING INDEX sqlite_autoindex_DirectoryUser_1 \(id=\?\)/],
    ['emails.value eq "a@b"', /SEARCH r1 USING INDEX UserEmail_directoryId_valueLower_idx/],
    ['groups eq "grp_1"', /SEARCH u USING INDEX sqlite_autoindex_DirectoryUser_1 \(id=\?\)/],
    [null, /SEARCH u USING (COVERING )?INDEX DirectoryUser_directoryId_createdAt_id_idx/],
  ])('%s: by its index, never a walk of the whole directory', async (filter, expected) => {
    for (const sorted of filter === null ? [true] : [true, false]) {
      const { sql, params } = page(filter, sorted);
      const plan = await sqlitePlan(sql, params);
      expect(plan.some((d) => expected.test(d))).toBe(true);
      if (filter !== null) expect(plan.filter((d) => /DirectoryUser_directoryId_createdAt_id_idx/.test(d))).toEqual([]);
    }
  });
});

describe.skipIf(dialect() !== 'sqlite')('SQLite token check with the row it reads', () => {
  // The statement of GET /Users/{id} and `userName eq` (lib/scim/request-reads.ts): its one-row joins (a unique key
  // each) must read as one row, or SQLite builds a Bloom filter over the directory's users for every request.
  const statement = (column: string) =>
    `SELECT ${TOKEN_CHECK_COLUMNS}, ${USER_RESPONSE_COLUMNS_OF_U}, ${groupsJson(database().dialect)} FROM "DirectoryToken" t ${TOKEN_CHECK_JOINS}
     LEFT JOIN "DirectoryUser" u ON ${column} = ? AND u."directoryId" = t."directoryId" AND ${SCIM_VISIBLE_U} WHERE t."hash" = ?`;

  it.each([['u."userNameLower"'], ['u."id"']])('by %s: every join a keyed search, no Bloom filter, no scan', async (column) => {
    const plan = await sqlitePlan(statement(column), ['x', 'h']);
    expect(plan.filter((d) => /BLOOM|^SCAN/.test(d))).toEqual([]);
    expect(plan.some((d) => /^SEARCH u USING INDEX/.test(d))).toBe(true);
  });

  it('statistics an earlier start wrote with a unique key read as many rows are corrected at the next start', async () => {
    const idx = 'sqlite_autoindex_AttributeMapping_1';
    await write(() => run(`UPDATE sqlite_stat1 SET "stat" = '1000000 100000' WHERE "idx" = ?`, [idx]));
    await migrate(process.env.DATABASE_URL!);
    expect((await read(() => all(`SELECT "stat" FROM sqlite_stat1 WHERE "idx" = ?`, [idx])))[0]).toEqual({ stat: '1000000 1' });
  });
});

describe.skipIf(dialect() !== 'sqlite')('SQLite request log search by person', () => {
  it('reads the partial person indexes (writes, refusals, lookups that found nobody), never every request of the directory', async () => {
    const { sql, params } = requestLogQuery({ directoryId: 'dir_x', person: 'alice@', limit: 50 });
    const plan = await sqlitePlan(sql, params);
    for (const column of ['userId', 'externalId', 'userNameLower', 'emailLower']) {
      expect(plan.some((d) => d.includes(`INDEX ScimRequestLog_person_${column}_idx`))).toBe(true);
    }
    expect(plan.filter((d) => /^SCAN|ScimRequestLog_directoryId_createdAt_id_idx/.test(d))).toEqual([]);
  });
});
