// Hosts: the SaaS apps that embed the portal, each seeing only its own data. The one reader and writer of Host.
import { insertOp } from '../db/rows';
import { changes, one, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { newId } from '../ids';

export function* createHost(env: SqlEnv, { id = newId('hst'), name }: { id?: string; name: string }): SqlProgram<{ id: string }> {
  yield* changes(insertOp(env.dialect, 'Host', [{ id, name }]));
  return { id };
}

/** The first host, created on first use: a single-tenant install has exactly one. */
export function* defaultHost(env: SqlEnv): SqlProgram<{ id: string }> {
  const existing = yield* one(`SELECT "id" FROM "Host" ORDER BY "createdAt" LIMIT 1`);
  if (existing) return { id: String(existing.id) };
  return yield* createHost(env, { name: 'Default host' });
}
