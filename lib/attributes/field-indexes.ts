// Expression indexes on the host fields declared `indexed`: each holds exactly the expression the filter compiler
// writes for the field (to-sql.ts operandExpr), after the directory, so `field eq "x"` in a directory is an index
// search (SQLite: `SEARCH u USING INDEX … (directoryId=? AND <expr>=?)`) instead of a scan of its users. Two per
// field: the value the IdP sent under the host's extension (SCIM filters) and the mapped value (the host API's
// `customAttributes.<key>`). A string list has no single value to index. An index is named from its expression, so
// hosts declaring the same one share it; the declaration is written here, in the PUT's transaction, and the build
// or drop runs afterwards, outside any transaction (field-index-job.ts).
import { createHash } from 'node:crypto';
import { all, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { operandExpr } from '../scim/filter/to-sql';
import { extensionOf } from './host-attrs';
import { mappedBacking } from './mapped-attrs';
import type { UserSchema } from './user-schema';

export const FIELD_INDEX_TABLE = 'DirectoryUser';
/** The names this module gives its indexes: what the start-up sweep may drop when nothing declares them. */
export const isFieldIndexName = (name: string) => /^DirectoryUser_(field|mapped)_[0-9a-f]{16}$/.test(name);

const indexName = (kind: 'field' | 'mapped', keys: string) => `DirectoryUser_${kind}_${createHash('sha256').update(keys).digest('hex').slice(0, 16)}`;

interface FieldIndex {
  key: string;
  name: string;
  keys: string;
}

/** The indexes a declaration asks for: two per indexed field, each named from its key columns. */
export function fieldIndexesOf(env: SqlEnv, schema: UserSchema | null): FieldIndex[] {
  const out: FieldIndex[] = [];
  const ext = extensionOf(schema);
  if (!schema || !ext) return out;
  const add = (key: string, kind: 'field' | 'mapped', expr: string) => {
    const keys = `"directoryId", (${expr})`;
    out.push({ key, name: indexName(kind, keys), keys });
  };
  for (const f of schema.fields.filter((x) => x.indexed && x.type !== 'stringList')) {
    const operand = ext.attrs.index.get(`${schema.urn}:${f.key}`.toLowerCase());
    if (operand && !('rows' in operand)) add(f.key, 'field', operandExpr(operand, '', env.dialect));
    const mapped = mappedBacking(f.key, f.type);
    if (!('rows' in mapped)) add(f.key, 'mapped', operandExpr(mapped, '', env.dialect));
  }
  return out;
}

/**
 * Records which indexes the host now declares, in the transaction that saves the declaration: a new one is
 * `building`, a failed one is tried again (`retryFailed`: a host's PUT), one already ready stays so (a PUT that
 * changes nothing rebuilds nothing). Returns the names whose index may have to be built or dropped: the job does
 * that after the commit.
 */
export function* declareFieldIndexes(env: SqlEnv, hostId: string, schema: UserSchema, { retryFailed = true } = {}): SqlProgram<string[]> {
  // In name order: hosts declaring the same indexes take their rows' locks in one order.
  const wanted = fieldIndexesOf(env, schema).sort((a, b) => (a.name < b.name ? -1 : 1));
  const [inWanted, names] = env.dialect.inList(
    '"name"',
    wanted.map((w) => w.name),
  );
  const gone = yield* all(`DELETE FROM "HostFieldIndexUse" WHERE "hostId" = ? AND NOT (${inWanted}) RETURNING "name"`, [hostId, names]);
  const now = env.dialect.now;
  for (const w of wanted) {
    yield* run(`INSERT INTO "HostFieldIndexUse" ("name", "hostId") VALUES (?, ?) ON CONFLICT DO NOTHING`, [w.name, hostId]);
    yield* run(
      `INSERT INTO "HostFieldIndex" ("name", "expression", "status", "error", "updatedAt") VALUES (?, ?, 'building', NULL, ${now})
       ON CONFLICT ("name") DO UPDATE SET "status" = 'building', "error" = NULL, "updatedAt" = excluded."updatedAt"
       WHERE "HostFieldIndex"."status" IN (${retryFailed ? `'failed', ` : ''}'dropping')`,
      [w.name, w.keys],
    );
  }
  return [...wanted.map((w) => w.name), ...gone.map((r) => String(r.name))];
}

type FieldIndexStatus = 'building' | 'ready' | 'failed';
export interface FieldIndexState {
  key: string;
  status: FieldIndexStatus;
  reason: string | null;
}

const RANK: Record<FieldIndexStatus, number> = { ready: 0, building: 1, failed: 2 };

/** Each indexed field's state: ready when both its indexes are, failed (with why) when one failed, else building. */
export function* fieldIndexStates(env: SqlEnv, schema: UserSchema | null): SqlProgram<FieldIndexState[]> {
  const wanted = fieldIndexesOf(env, schema);
  if (!wanted.length) return [];
  const [inNames, names] = env.dialect.inList(
    '"name"',
    wanted.map((w) => w.name),
  );
  const rows = yield* all(`SELECT "name", "status", "error" FROM "HostFieldIndex" WHERE ${inNames}`, [names]);
  const byName = new Map(rows.map((r) => [String(r.name), r]));
  const out = new Map<string, FieldIndexState>();
  for (const w of wanted) {
    const r = byName.get(w.name);
    // No row yet (a declaration from before this table, until the start-up sweep): being built.
    const status: FieldIndexStatus = r?.status === 'ready' ? 'ready' : r?.status === 'failed' ? 'failed' : 'building';
    const now = out.get(w.key);
    if (!now || RANK[status] > RANK[now.status]) out.set(w.key, { key: w.key, status, reason: status === 'failed' ? String(r?.error ?? '') : null });
  }
  return [...out.values()];
}
