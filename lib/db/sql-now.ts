// The current time as each database stores Prisma's DateTime: SQLite as ISO text with an explicit offset,
// PostgreSQL as `timestamp(3)` in UTC. Written in SQL so no Date crosses a driver as a parameter.
import type { SqlEnv } from './sql-program';

export function nowSql(env: SqlEnv): string {
  return env.dialect === 'sqlite' ? `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')` : `(now() AT TIME ZONE 'UTC')`;
}

/** ` FOR UPDATE` on PostgreSQL (SQLite's write transaction already excludes other writers). */
export function forUpdate(env: SqlEnv): string {
  return env.dialect === 'postgres' ? ' FOR UPDATE' : '';
}

/** A timestamp parameter where nothing gives it a type (a CASE branch): PostgreSQL needs the cast; SQLite stores text. */
export function timestampParam(env: SqlEnv): string {
  return env.dialect === 'postgres' ? 'CAST(? AS timestamp(3))' : '?';
}
