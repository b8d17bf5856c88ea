// Host API keys as the dashboard manages them: list (never the hash), create through the shared service, and
// revoke with its audit entry in the same transaction.
import { audit } from '../audit/audit-log';
import type { Db, Tx } from '../db/client';
import { transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import { createApiKey, revokeApiKey } from '../host-api/api-keys';

export interface ApiKeySummary {
  id: string;
  name: string;
  lastFour: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiKeys(db: Tx, hostId: string): Promise<ApiKeySummary[]> {
  const rows = await db.apiKey.findMany({
    where: { hostId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, lastFour: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

export function createOperatorApiKey(db: Db, { hostId, name, actor }: { hostId: string; name: string; actor: string }) {
  return transaction(db, (tx) => createApiKey(tx, { name, hostId, actor }));
}

export async function revokeOperatorApiKey(db: Db, { hostId, id, actor }: { hostId: string; id: string; actor: string }): Promise<void> {
  await transaction(db, async (tx) => {
    if (!(await revokeApiKey(tx, { hostId, id }))) throw new DomainError('not_found', 'That API key does not exist or is already revoked');
    await audit(tx, { hostId, actor, action: 'api_key.revoked', target: id });
  });
}
