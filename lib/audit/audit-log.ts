// The audit log of admin actions (token minted or revoked, mapping changed, portal link used, API key created),
// written in the same transaction as the action. Details never hold a secret: only ids and last four characters.
import type { Tx } from '../db/client';
import { inPrismaTx } from '../db/prisma-bridge';
import { insertOp } from '../db/rows';
import { changes, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { newLogId } from '../ids';

export type AuditAction =
  | 'api_key.created'
  | 'api_key.revoked'
  | 'directory.created'
  | 'directory.deleted'
  | 'directory.status_changed'
  | 'token.created'
  | 'token.revoked'
  | 'role_mappings.changed'
  | 'portal_link.created'
  | 'portal_link.used'
  | 'webhook_endpoint.created'
  | 'webhook_endpoint.secret_rotated'
  | 'organization.deleted';

export interface AuditEntry {
  hostId: string;
  organizationId?: string | null;
  /** Who: `api-key:<id>`, `portal:<org>`, `operator:<id>`, `cli`. */
  actor: string;
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** The one writer of AuditLog: an entry, in the transaction of the action it records. */
export function* auditSql(env: SqlEnv, e: AuditEntry): SqlProgram<void> {
  const row = {
    id: newLogId('aud'),
    hostId: e.hostId,
    organizationId: e.organizationId ?? null,
    actor: e.actor,
    action: e.action,
    target: e.target ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
  };
  yield* changes(insertOp(env.dialect, 'AuditLog', [row]));
}

/** The same inside a Prisma transaction (callers not yet on lib/db/database.ts). */
export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await inPrismaTx(tx, (env) => auditSql(env, e));
}

export function listAudit(db: Tx, { hostId, take = 100 }: { hostId: string; take?: number }) {
  return db.auditLog.findMany({ where: { hostId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take });
}
