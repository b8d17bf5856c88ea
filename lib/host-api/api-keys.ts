// Host API keys: hashed at rest, shown once. A key belongs to one host and sees only that host's data. The one
// reader and writer of ApiKey.
import { auditSql } from '../audit/audit-log';
import { lookup, write } from '../db/database';
import { asDateOrNull, columns, decoder, insertOp, updateOp } from '../db/rows';
import { all, changes, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { defaultHost } from '../hosts/hosts';
import { newId } from '../ids';
import { hashSecret, looksLike, mintSecret, sameHash } from '../secrets/secret-token';

export function* createApiKey(
  env: SqlEnv,
  { name, hostId, actor }: { name: string; hostId?: string; actor?: string },
): SqlProgram<{ id: string; hostId: string; name: string; key: string; lastFour: string }> {
  const host = hostId ? { id: hostId } : yield* defaultHost(env);
  const secret = mintSecret('key');
  const row = { id: newId('key'), hostId: host.id, name, hash: secret.hash, lastFour: secret.lastFour, lastUsedAt: null, revokedAt: null };
  yield* changes(insertOp(env.dialect, 'ApiKey', [row]));
  yield* auditSql(env, { hostId: host.id, actor: actor ?? 'cli', action: 'api_key.created', target: row.id, details: { name, lastFour: row.lastFour } });
  return { id: row.id, hostId: row.hostId, name: row.name, key: secret.plaintext, lastFour: row.lastFour };
}

export interface ApiKeyCheck {
  keyId: string;
  hostId: string;
}

/** One lookup by the key's hash (unique index), on every host API request. */
export async function checkApiKey(key: string): Promise<ApiKeyCheck | null> {
  if (!looksLike('key', key)) return null;
  const hash = hashSecret(key);
  const [r] = await lookup(`SELECT "id", "hostId", "hash", "revokedAt", "lastUsedAt" FROM "ApiKey" WHERE "hash" = ?`, [hash]);
  if (!r || r.revokedAt !== null || !sameHash(String(r.hash), hash)) return null;
  const lastUsedAt = asDateOrNull(r.lastUsedAt);
  const id = String(r.id);
  if (!lastUsedAt || Date.now() - lastUsedAt.getTime() > LAST_USED_EVERY_MS) void recordUse(id);
  return { keyId: id, hostId: String(r.hostId) };
}

/** A key's last use is written at most once a minute: a busy key costs no write per request. */
const LAST_USED_EVERY_MS = 60_000;

async function recordUse(id: string): Promise<void> {
  const now = new Date();
  await write((env) =>
    changes(
      updateOp(env.dialect, 'ApiKey', { lastUsedAt: now }, `"id" = ? AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ?)`, [
        id,
        new Date(now.getTime() - LAST_USED_EVERY_MS),
      ]),
    ),
  ).catch((e: Error) => console.error(`api key last use: ${e.message}`));
}

export function* revokeApiKey(env: SqlEnv, { hostId, id }: { hostId: string; id: string }): SqlProgram<boolean> {
  return (yield* changes(updateOp(env.dialect, 'ApiKey', { revokedAt: new Date() }, `"id" = ? AND "hostId" = ? AND "revokedAt" IS NULL`, [id, hostId]))) > 0;
}

const SUMMARY = ['id', 'name', 'lastFour', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;
const summary = decoder('ApiKey', SUMMARY);

/** The host's keys, newest first: never their hashes. */
export function* listHostApiKeys(hostId: string): SqlProgram<ReturnType<typeof summary>[]> {
  const rows = yield* all(`SELECT ${columns('ApiKey', undefined, SUMMARY)} FROM "ApiKey" WHERE "hostId" = ? ORDER BY "createdAt" DESC, "id" DESC`, [hostId]);
  return rows.map(summary);
}
