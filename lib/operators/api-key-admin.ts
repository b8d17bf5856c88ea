// Host API keys as the dashboard manages them: list (never the hash), create through the shared service, and
// revoke with its audit entry in the same transaction.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { DomainError } from '../domain-error';
import { createApiKey, listHostApiKeys, revokeApiKey } from '../host-api/api-keys';

export interface ApiKeySummary {
  id: string;
  name: string;
  lastFour: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiKeys(hostId: string): Promise<ApiKeySummary[]> {
  const rows = await read(() => listHostApiKeys(hostId));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

export function createOperatorApiKey({ hostId, name, actor }: { hostId: string; name: string; actor: string }) {
  return write((env) => createApiKey(env, { name, hostId, actor }));
}

export async function revokeOperatorApiKey({ hostId, id, actor }: { hostId: string; id: string; actor: string }): Promise<void> {
  await write(function* (env) {
    if (!(yield* revokeApiKey(env, { hostId, id }))) throw new DomainError('not_found', 'That API key does not exist or is already revoked');
    yield* auditSql(env, { hostId, actor, action: 'api_key.revoked', target: id });
  });
}
