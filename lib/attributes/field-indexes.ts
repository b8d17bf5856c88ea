// Expression indexes on the host fields declared `indexed`: each holds exactly the expression the filter compiler
// writes for the field (to-sql.ts operandExpr), after the directory, so `field eq "x"` in a directory is an index
// search (SQLite: `SEARCH u USING INDEX … (directoryId=? AND <expr>=?)`) instead of a scan of its users. Two per
// field: the value the IdP sent under the host's extension (SCIM filters) and the mapped value (the host API's
// `customAttributes.<key>`). A string list has no single value to index.
import { createHash } from 'node:crypto';
import type { SqlEnv, SqlProgram } from '../db/sql-program';
import { changes, run } from '../db/sql-program';
import { operandExpr } from '../scim/filter/to-sql';
import { extensionOf } from './host-attrs';
import { mappedBacking } from './mapped-attrs';
import type { UserSchema } from './user-schema';

/** One index per host, field and source: its name from them, so hosts' indexes never collide. */
const indexName = (hostId: string, urn: string, key: string, mapped: boolean) =>
  `DirectoryUser_${mapped ? 'mapped' : 'field'}_${createHash('sha256').update(`${hostId}\n${urn}\n${key}`).digest('hex').slice(0, 16)}`;

function indexes(env: SqlEnv, hostId: string, schema: UserSchema | null): Map<string, string> {
  const out = new Map<string, string>();
  const ext = extensionOf(schema);
  if (!schema || !ext) return out;
  for (const f of schema.fields.filter((x) => x.indexed && x.type !== 'stringList')) {
    const operand = ext.attrs.index.get(`${schema.urn}:${f.key}`.toLowerCase());
    if (operand && !('rows' in operand)) out.set(indexName(hostId, schema.urn, f.key, false), operandExpr(operand, '', env.dialect));
    const mapped = mappedBacking(f.key, f.type);
    if (!('rows' in mapped)) out.set(indexName(hostId, schema.urn, f.key, true), operandExpr(mapped, '', env.dialect));
  }
  return out;
}

/** Creates the indexes `next` declares and drops those only `previous` did. */
export function* syncFieldIndexes(env: SqlEnv, hostId: string, previous: UserSchema | null, next: UserSchema): SqlProgram<void> {
  const before = indexes(env, hostId, previous);
  const after = indexes(env, hostId, next);
  for (const name of before.keys()) if (!after.has(name)) yield* run(`DROP INDEX IF EXISTS "${name}"`);
  for (const [name, expr] of after) {
    yield* run(`CREATE INDEX IF NOT EXISTS "${name}" ON "DirectoryUser" ("directoryId", (${expr}))`);
    // A directory shares the first column, a value narrows to a few users: never the way to walk a directory.
    for (const op of env.dialect.indexShape('DirectoryUser', name, '1000000 100000 1')) yield* changes(op);
  }
}
