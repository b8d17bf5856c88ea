// Directory bearer tokens, the one writer of DirectoryToken: several may be live at once so an IdP's token can be
// rotated without downtime. Only a hash is stored; the plaintext is shown once, when minted.
import { columns, decode, decoder, insertOp, updateOp } from '../db/rows';
import type { AttributeMappingRow, DirectoryTokenRow, HostUserSchemaRow } from '../db/schema';
import type { Dialect } from '../db/dialect';
import { all, one, rowsOf, type SqlEnv, type SqlOp, type SqlProgram, type SqlRow } from '../db/sql-program';
import { newId } from '../ids';
import { mintSecret, sameHash } from '../secrets/secret-token';

export interface TokenSummary {
  id: string;
  lastFour: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A token as the portal and the host API show it: never its hash. */
export function tokenJson(t: TokenSummary) {
  return {
    id: t.id,
    lastFour: t.lastFour,
    createdAt: t.createdAt.toISOString(),
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}

export interface CreatedToken extends TokenSummary {
  /** The plaintext, returned this once and never stored. */
  token: string;
}

function summary(row: DirectoryTokenRow): TokenSummary {
  const { id, lastFour, createdAt, expiresAt, lastUsedAt, revokedAt } = row;
  return { id, lastFour, createdAt, expiresAt, lastUsedAt, revokedAt };
}

export function* createDirectoryToken(
  env: SqlEnv,
  { directoryId, expiresInDays }: { directoryId: string; expiresInDays?: number | null },
): SqlProgram<CreatedToken> {
  const secret = mintSecret('scim');
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const [r] = yield* rowsOf(
    insertOp(
      env.dialect,
      'DirectoryToken',
      [{ id: newId('tok'), directoryId, hash: secret.hash, lastFour: secret.lastFour, expiresAt, lastUsedAt: null, revokedAt: null }],
      {
        returning: columns('DirectoryToken'),
      },
    ),
  );
  return { ...summary(decode('DirectoryToken', r)), token: secret.plaintext };
}

export function* listDirectoryTokens({ directoryId }: { directoryId: string }): SqlProgram<TokenSummary[]> {
  const rows = yield* all(`SELECT ${columns('DirectoryToken')} FROM "DirectoryToken" WHERE "directoryId" = ? ORDER BY "createdAt" DESC, "id"`, [directoryId]);
  return rows.map((r) => summary(decode('DirectoryToken', r)));
}

/** Whether the token belongs to the directory (a portal path's tenant check). */
export function* isDirectoryToken({ directoryId, tokenId }: { directoryId: string; tokenId: string }): SqlProgram<boolean> {
  return (yield* one(`SELECT 1 AS "found" FROM "DirectoryToken" WHERE "id" = ? AND "directoryId" = ?`, [tokenId, directoryId])) !== null;
}

/** Revokes a token of this directory; false when there is no such token (another directory's id included). */
export function* revokeDirectoryToken(env: SqlEnv, { directoryId, tokenId }: { directoryId: string; tokenId: string }): SqlProgram<boolean> {
  const [r] = yield* rowsOf(
    updateOp(
      env.dialect,
      'DirectoryToken',
      { revokedAt: new Date() },
      `"id" = ? AND "directoryId" = ? AND "revokedAt" IS NULL`,
      [tokenId, directoryId],
      '"id"',
    ),
  );
  return r !== undefined || (yield* isDirectoryToken({ directoryId, tokenId }));
}

/** Records when tokens were last used (the request log's batches: lib/scim/request-log.ts). */
export function touchTokensOps(d: Dialect, ids: string[], at: Date): SqlOp[] {
  if (ids.length === 0) return [];
  const [inIds, param] = d.inList('"id"', ids);
  return [updateOp(d, 'DirectoryToken', { lastUsedAt: at }, inIds, [param], undefined, true)];
}

/** A live token's check: what the SCIM boundary needs of it and of its directory. */
export interface TokenCheck {
  tokenId: string;
  directoryStatus: string;
  organizationId: string;
  hostId: string;
  /** The host's declared user fields as stored (slug and fields JSON), read with the check; null when none. */
  hostUserSchema: Pick<HostUserSchemaRow, (typeof HOST_SCHEMA)[number]> | null;
  /** The directory's mapping of those fields as stored (version and fields JSON); null when it has none. */
  attributeMapping: Pick<AttributeMappingRow, (typeof MAPPING)[number]> | null;
}

const HOST_SCHEMA = ['slug', 'fields', 'updatedAt'] as const;
const MAPPING = ['version', 'fields'] as const;
const hostSchemaOf = decoder('HostUserSchema', HOST_SCHEMA, 'hostUserSchema.');
const mappingOf = decoder('AttributeMapping', MAPPING, 'attributeMapping.');

/** The columns a token check reads, for a query joining TOKEN_CHECK_JOINS to the token aliased `t`. */
export const TOKEN_CHECK_COLUMNS = `${columns('DirectoryToken', 't', ['id', 'directoryId', 'hash', 'expiresAt', 'revokedAt'], 'token.')},
  d."status" AS "directoryStatus", d."organizationId" AS "organizationId", o."hostId" AS "hostId",
  ${columns('HostUserSchema', 'hs', HOST_SCHEMA, 'hostUserSchema.')}, ${columns('AttributeMapping', 'am', MAPPING, 'attributeMapping.')}`;
export const TOKEN_CHECK_JOINS = `JOIN "Directory" d ON d."id" = t."directoryId" JOIN "Organization" o ON o."id" = d."organizationId"
  LEFT JOIN "HostUserSchema" hs ON hs."hostId" = o."hostId" LEFT JOIN "AttributeMapping" am ON am."directoryId" = t."directoryId"`;

/**
 * The check when the row holds a live token of `directoryId` for `hash`, else null. The lookup was by hash
 * (indexed); the hashes are compared again in constant time, and a token of directory A presented at directory B's
 * URL fails.
 */
export function tokenCheckOf(r: SqlRow | undefined, directoryId: string, hash: string): TokenCheck | null {
  if (!r || r['token.id'] === null || r['token.id'] === undefined) return null;
  const t = decode('DirectoryToken', r, 'token.');
  if (!sameHash(t.hash, hash) || t.directoryId !== directoryId || t.revokedAt) return null;
  if (t.expiresAt && t.expiresAt.getTime() <= Date.now()) return null;
  return {
    tokenId: t.id,
    directoryStatus: String(r.directoryStatus),
    organizationId: String(r.organizationId),
    hostId: String(r.hostId),
    hostUserSchema: r['hostUserSchema.slug'] == null ? null : hostSchemaOf(r),
    attributeMapping: r['attributeMapping.version'] == null ? null : mappingOf(r),
  };
}

/** Tokens neither revoked nor expired. */
export function* countLiveTokens(env: SqlEnv, directoryId: string): SqlProgram<number> {
  const r = yield* one(
    `SELECT COUNT(*) AS "n" FROM "DirectoryToken" WHERE "directoryId" = ? AND "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > ${env.dialect.now})`,
    [directoryId],
  );
  return Number(r?.n ?? 0);
}
