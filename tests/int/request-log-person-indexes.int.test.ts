// The request log's four person indexes (migrations 0019 and 0024): each holds the rows that name its own key, writes
// and lookups that found nobody (not reads of a user), and "Find a person" reads all four on either database
// (SQLite's MULTI-INDEX OR is in query-plans.int.test.ts).
import { describe, expect, it } from 'vitest';
import { database, read, write } from '../../lib/db/database';
import { all, run } from '../../lib/db/sql-program';
import { requestLogQuery } from '../../lib/portal/request-log-page';
import { newDirectory } from './scim-helpers';

const dialect = () => database().dialect.name;
const PERSON_INDEXES = ['userId', 'externalId', 'userNameLower', 'emailLower'].map((key) => ({ key, name: `ScimRequestLog_person_${key}_idx` }));

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

it('each is partial on its own key: a request about a group, which names no person, enters none', async () => {
  const defs =
    dialect() === 'sqlite'
      ? await read(() => all(`SELECT "name", "sql" AS "def" FROM sqlite_master WHERE "type" = 'index' AND "name" LIKE 'ScimRequestLog_person_%'`))
      : await read(() => all(`SELECT indexname AS "name", indexdef AS "def" FROM pg_indexes WHERE indexname LIKE 'ScimRequestLog_person_%'`));
  expect(defs.map((d) => d.name).sort()).toEqual(PERSON_INDEXES.map((i) => i.name).sort());
  for (const { key, name } of PERSON_INDEXES) {
    const def = String(defs.find((d) => d.name === name)?.def);
    expect(def.replace(/[()]/g, ''), key).toMatch(new RegExp(`WHERE "?${key}"? IS NOT NULL AND`));
  }
});

describe.skipIf(dialect() !== 'postgres')('PostgreSQL search by person', () => {
  it('reads the four partial person indexes in a BitmapOr', async () => {
    // A log of 20,000 requests, a fifth about groups (no person), the rest about 4,000 people, analysed.
    const { directoryId } = await newDirectory();
    await write(() =>
      run(
        `INSERT INTO "ScimRequestLog" ("id", "directoryId", "method", "path", "status", "durationMs", "resource", "userId", "userNameLower", "emailLower", "externalId", "createdAt")
         SELECT 'log_' || i, ?, CASE WHEN i % 3 = 0 THEN 'GET' ELSE 'PATCH' END, '/x', 200, 1, 'Users',
           CASE WHEN i % 5 = 0 THEN NULL ELSE 'usr_' || (i % 4000) END, CASE WHEN i % 5 = 0 THEN NULL ELSE 'p' || (i % 4000) || '@example.com' END,
           CASE WHEN i % 5 = 0 THEN NULL ELSE 'p' || (i % 4000) || '@example.com' END, CASE WHEN i % 5 = 0 THEN NULL ELSE 'ext' || (i % 4000) END,
           now() - i * interval '1 second'
         FROM generate_series(1, 20000) AS i`,
        [directoryId],
      ),
    );
    await read(() => all('ANALYZE "ScimRequestLog"'));
    const { sql, params } = requestLogQuery({ directoryId, person: 'p12@', limit: 50 });
    const plan = ((await read(() => all(`EXPLAIN (FORMAT JSON) ${sql}`, params as string[])))[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan;
    const or = nodes(plan).find((n) => n['Node Type'] === 'BitmapOr');
    expect((or?.Plans ?? []).map((n) => n['Index Name']).sort()).toEqual(PERSON_INDEXES.map((i) => i.name).sort());
  });
});
