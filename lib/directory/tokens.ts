// Directory bearer tokens: several may be active at once so an IdP's token can be rotated without downtime.
import type { Tx } from '../db/client';
import { newId } from '../ids';
import { NativeDate } from '../native-date';
import { hashSecret, looksLike, mintSecret, sameHash } from '../secrets/secret-token';
import { tokenAndGroupFast, tokenAndUserFast, tokenByHashFast, type FastTokenRow, type FoundUser, type TokenAnd, type UserLookup } from './fast-queries';
import type { GroupWithRoles } from './group-sql';

export interface TokenSummary {
  id: string;
  lastFour: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedToken extends TokenSummary {
  /** The plaintext, returned this once and never stored. */
  token: string;
}

export async function createDirectoryToken(
  db: Tx,
  { directoryId, expiresInDays }: { directoryId: string; expiresInDays?: number | null },
): Promise<CreatedToken> {
  const secret = mintSecret('scim');
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const row = await db.directoryToken.create({
    data: { id: newId('tok'), directoryId, hash: secret.hash, lastFour: secret.lastFour, expiresAt },
  });
  return { ...summary(row), token: secret.plaintext };
}

export async function listDirectoryTokens(db: Tx, { directoryId }: { directoryId: string }): Promise<TokenSummary[]> {
  const rows = await db.directoryToken.findMany({ where: { directoryId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  return rows.map(summary);
}

/** Revokes a token of this directory; false when there is no such token (another directory's id included). */
export async function revokeDirectoryToken(
  db: Tx,
  { directoryId, tokenId }: { directoryId: string; tokenId: string },
): Promise<boolean> {
  const r = await db.directoryToken.updateMany({
    where: { id: tokenId, directoryId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (r.count > 0) return true;
  return (await db.directoryToken.count({ where: { id: tokenId, directoryId } })) > 0;
}

export interface TokenCheck {
  tokenId: string;
  directoryStatus: string;
  organizationId: string;
  hostId: string;
}

/**
 * The token row when `token` is a live token of `directoryId`, else null. Lookup is by hash (indexed), then the
 * hashes are compared in constant time; a token of directory A presented at directory B's URL fails.
 */
export async function checkDirectoryToken(_db: Tx, directoryId: string, token: string): Promise<TokenCheck | null> {
  if (!looksLike('scim', token)) return null;
  const hash = hashSecret(token);
  // Every SCIM request runs this: plain SQL on the fast-read connection, which sees every committed revocation.
  return validFor(directoryId, hash, await tokenByHashFast(hash));
}

/** A live token and the row read with it; null when the token is not live for the directory. */
export type CheckedWith<T> = { check: TokenCheck; found: T | null } | null;

/**
 * The token check and the row the request starts from, read in the same query (`read`, given the token's hash): the
 * row only when the token is live for `directoryId` (the query joins it in the token's own directory, and a failed
 * check drops it).
 */
function checkAndRead<T>(directoryId: string, token: string, read: (hash: string) => Promise<TokenAnd<T>>): Promise<CheckedWith<T>> {
  if (!looksLike('scim', token)) return Promise.resolve(null);
  const hash = hashSecret(token);
  // .then, not async/await: a promise fewer on the hot path (readyDb in db/client.ts).
  return read(hash).then((r) => {
    const check = validFor(directoryId, hash, r.token);
    return check && { check, found: r.found };
  });
}

/** The token check and the user a GET reads. */
export function checkDirectoryTokenAndFindUser(directoryId: string, token: string, read: { by: UserLookup; withGroups: boolean }): Promise<CheckedWith<FoundUser>> {
  return checkAndRead(directoryId, token, (hash) => tokenAndUserFast(hash, read.by, read.withGroups));
}

/** The token check and the group a membership PATCH changes, with the directory's role configuration. */
export function checkDirectoryTokenAndFindGroup(directoryId: string, token: string, groupId: string): Promise<CheckedWith<GroupWithRoles>> {
  return checkAndRead(directoryId, token, (hash) => tokenAndGroupFast(hash, groupId));
}

function validFor(directoryId: string, hash: string, row: FastTokenRow | null): TokenCheck | null {
  if (!row || !sameHash(row.hash, hash)) return null;
  if (row.directoryId !== directoryId || row.revokedAt) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= NativeDate.now()) return null;
  return { tokenId: row.id, directoryStatus: row.status, organizationId: row.organizationId, hostId: row.hostId };
}

function summary(row: TokenSummary): TokenSummary {
  const { id, lastFour, createdAt, expiresAt, lastUsedAt, revokedAt } = row;
  return { id, lastFour, createdAt, expiresAt, lastUsedAt, revokedAt };
}
