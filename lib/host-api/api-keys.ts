// Host API keys: hashed at rest, shown once. A key belongs to one host and sees only that host's data.
import { audit } from '../audit/audit-log';
import type { Tx } from '../db/client';
import { newId } from '../ids';
import { hashSecret, looksLike, mintSecret, sameHash } from '../secrets/secret-token';

export async function createApiKey(
  db: Tx,
  { name, hostId, actor }: { name: string; hostId?: string; actor?: string },
): Promise<{ id: string; hostId: string; name: string; key: string; lastFour: string }> {
  const host = hostId ? { id: hostId } : await defaultHost(db);
  const secret = mintSecret('key');
  const row = await db.apiKey.create({
    data: { id: newId('key'), hostId: host.id, name, hash: secret.hash, lastFour: secret.lastFour },
  });
  await audit(db, { hostId: host.id, actor: actor ?? 'cli', action: 'api_key.created', target: row.id, details: { name, lastFour: row.lastFour } });
  return { id: row.id, hostId: row.hostId, name: row.name, key: secret.plaintext, lastFour: row.lastFour };
}

/** The first host, created on first use: a single-tenant install has exactly one. */
export async function defaultHost(db: Tx): Promise<{ id: string }> {
  const existing = await db.host.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } });
  if (existing) return existing;
  return db.host.create({ data: { id: newId('hst'), name: 'Default host' }, select: { id: true } });
}

export interface ApiKeyCheck {
  keyId: string;
  hostId: string;
}

export async function checkApiKey(db: Tx, key: string): Promise<ApiKeyCheck | null> {
  if (!looksLike('key', key)) return null;
  const hash = hashSecret(key);
  const row = await db.apiKey.findUnique({ where: { hash }, select: { id: true, hostId: true, hash: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt || !sameHash(row.hash, hash)) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) void recordUse(db, row.id);
  return { keyId: row.id, hostId: row.hostId };
}

/** A key's last use is written at most once a minute: a busy key costs no write per request. */
const LAST_USED_EVERY_MS = 60_000;

async function recordUse(db: Tx, id: string): Promise<void> {
  const now = new Date();
  await db.apiKey
    .updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] }, data: { lastUsedAt: now } })
    .catch((e: Error) => console.error(`api key last use: ${e.message}`));
}

export async function revokeApiKey(db: Tx, { hostId, id }: { hostId: string; id: string }): Promise<boolean> {
  const r = await db.apiKey.updateMany({ where: { id, hostId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count > 0;
}
