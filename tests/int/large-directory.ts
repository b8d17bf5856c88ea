// A directory of many users written straight through SQL (100,000 in seconds, not 100,000 SCIM calls), shaped as
// the bench's: user{n}@example.com created one after another, an email row each, one in 20 inactive, a host field
// `costCenter` (cc-{n}, one user each) and `region` (one of 10) in the mapped values, a group of half the directory
// and teams of 10. Then the statistics a loaded database has (PostgreSQL's ANALYZE, as autovacuum would run).
import { database, read, write } from '../../lib/db/database';
import { all, run, type SqlProgram } from '../../lib/db/sql-program';

const TEAM = 10;

/** The numbers 0 … n - 1 as rows `s(i)`, on either database. */
export const series = (n: number) =>
  database().dialect.name === 'postgres'
    ? `(SELECT i::int AS i FROM generate_series(0, ${n - 1}) AS i) s`
    : `(WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${n - 1}) SELECT i FROM c) s`;

/** Row i of `series` at `start` (a date) plus i seconds, on either database. */
export const secondsAfter = (start: string) =>
  database().dialect.name === 'postgres'
    ? `(TIMESTAMP '${start}' + s.i * interval '1 second')`
    : `strftime('%Y-%m-%dT%H:%M:%f+00:00', '${start}', '+' || s.i || ' seconds')`;

/** User n's createdAt: one second after user n - 1's, so the keyset order is the order of creation. */
const createdAt = () => secondsAfter('2026-01-01');

/** The member counts of a directory's groups, after memberships written here straight through SQL. */
export function* countMembersOf(directoryId: string): SqlProgram<void> {
  yield* run(
    `UPDATE "DirectoryGroup" SET "memberCount" = (SELECT COUNT(*) FROM "GroupMembership" m WHERE m."groupId" = "DirectoryGroup"."id") WHERE "directoryId" = ?`,
    [directoryId],
  );
}

/** User n's id: ordered as n is, so a test can name any user without reading it. */
export const largeUserId = (directoryId: string, n: number) => `usr_${directoryId}_${String(n).padStart(7, '0')}`;

export async function seedLargeDirectory(directoryId: string, users: number): Promise<{ bigGroupId: string; teamId: (n: number) => string }> {
  const big = `grp_big_${directoryId}`;
  const team = (n: number) => `grp_team_${directoryId}_${Math.floor(n / TEAM)}`;
  const padded = `'0000000' || s.i`;
  const id = `'usr_${directoryId}_' || substr(${padded}, length(${padded}) - 6)`;
  const name = `'user' || s.i || '@example.com'`;
  await write(function* () {
    yield* run(
      `INSERT INTO "DirectoryUser" ("id", "directoryId", "externalId", "userName", "userNameLower", "displayNameLower", "givenNameLower", "familyNameLower",
         "emailLower", "active", "raw", "customAttributes", "createdAt", "updatedAt")
       SELECT ${id}, ?, 'ext-' || s.i, ${name}, ${name}, 'given' || s.i || ' family' || s.i, 'given' || s.i, 'family' || s.i,
         ${name}, s.i % 20 <> 7, '{"userName":"' || ${name} || '"}', '{"costCenter":"cc-' || s.i || '","region":"r' || (s.i % 10) || '"}',
         ${createdAt()}, ${createdAt()}
       FROM ${series(users)}`,
      [directoryId],
    );
    yield* run(`INSERT INTO "UserEmail" ("userId", "directoryId", "valueLower", "type", "primary") SELECT ${id}, ?, ${name}, 'work', ? FROM ${series(users)}`, [
      directoryId,
      true,
    ]);
    yield* run(
      `INSERT INTO "DirectoryGroup" ("id", "directoryId", "displayName", "displayNameLower", "raw", "updatedAt")
       SELECT 'grp_team_' || ? || '_' || s.i, ?, 'Team ' || s.i, 'team ' || s.i, '{}', ${createdAt()} FROM ${series(Math.ceil(users / TEAM))}
       UNION ALL SELECT ?, ?, 'Everyone half', 'everyone half', '{}', ${createdAt().replace(/s\.i/g, '0')}`,
      [directoryId, directoryId, big, directoryId],
    );
    // Teams of 10 in order of creation; the big group holds every even user.
    yield* run(
      `INSERT INTO "GroupMembership" ("groupId", "userId", "directoryId")
       SELECT 'grp_team_' || ? || '_' || (s.i / ${TEAM}), ${id}, ? FROM ${series(users)}
       UNION ALL SELECT ?, ${id}, ? FROM ${series(users)} WHERE s.i % 2 = 0`,
      [directoryId, directoryId, big, directoryId],
    );
    yield* countMembersOf(directoryId);
  });
  if (database().dialect.name === 'postgres') await read(() => all('ANALYZE'));
  return { bigGroupId: big, teamId: team };
}

/** `count` more groups without members, created before every group seedLargeDirectory makes (in 2025). */
export async function seedEmptyGroups(directoryId: string, count: number): Promise<void> {
  const createdAt2025 = secondsAfter('2025-01-01');
  await write(() =>
    run(
      `INSERT INTO "DirectoryGroup" ("id", "directoryId", "displayName", "displayNameLower", "raw", "createdAt", "updatedAt")
       SELECT 'grp_empty_' || ? || '_' || s.i, ?, 'Empty ' || s.i, 'empty ' || s.i, '{}', ${createdAt2025}, ${createdAt2025} FROM ${series(count)}`,
      [directoryId, directoryId],
    ),
  );
  if (database().dialect.name === 'postgres') await read(() => all('ANALYZE "DirectoryGroup"'));
}
