// Who an audit entry's actor is, in words: an operator by email, an API key by name, an organization's admin by
// the organization's name, the CLI, the migration. Looked up for the page's rows only (three lookups by id).
import { all, type SqlEnv, type SqlProgram } from '../db/sql-program';

/** `column` of the host's rows of `table` with these ids, by id. */
function* byId(env: SqlEnv, table: 'Operator' | 'ApiKey' | 'Organization', column: string, hostId: string, ids: string[]): SqlProgram<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const [inIds, list] = env.dialect.inList('"id"', ids);
  const rows = yield* all(`SELECT "id", "${column}" AS "v" FROM "${table}" WHERE "hostId" = ? AND ${inIds}`, [hostId, list]);
  return new Map(rows.map((r) => [String(r.id), String(r.v)]));
}

export function* actorNames(env: SqlEnv, hostId: string, actors: string[]): SqlProgram<Map<string, string>> {
  const ids = (prefix: string) => [...new Set(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length)))];
  const operators = yield* byId(env, 'Operator', 'email', hostId, ids('operator:'));
  const keys = yield* byId(env, 'ApiKey', 'name', hostId, ids('api-key:'));
  const orgs = yield* byId(env, 'Organization', 'name', hostId, ids('portal:'));
  const names = new Map<string, string>([
    ['cli', 'Command line'],
    ['migration', 'Database migration'],
    ['system', 'System'],
  ]);
  for (const [id, email] of operators) names.set(`operator:${id}`, `Operator ${email}`);
  for (const [id, name] of keys) names.set(`api-key:${id}`, `API key “${name}”`);
  for (const [id, name] of orgs) names.set(`portal:${id}`, `Admin of ${name} (portal)`);
  return names;
}

/** Organization names of a page's rows. */
export function organizationNames(env: SqlEnv, hostId: string, ids: (string | null)[]): SqlProgram<Map<string, string>> {
  return byId(env, 'Organization', 'name', hostId, [...new Set(ids.filter((i): i is string => i !== null))]);
}
