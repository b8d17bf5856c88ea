// Single-use portal links: a 256-bit token behind a recognisable prefix; only its SHA-256 hash is stored. A link
// is consumed atomically (one UPDATE guarded by usedAt IS NULL), so two tabs racing on one link get one session.
import { auditSql } from '../audit/audit-log';
import { columns, decode, insertOp, updateOp } from '../db/rows';
import { changes, one, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { organizationById } from '../organizations/organizations';
import { newId, randomBase62 } from '../ids';
import { hashSecret } from '../secrets/secret-token';
import { LINK_TTL_MS } from './portal-config';

const PREFIX = 'scimp_pl_';

export type PortalFeature = 'scim';

export interface CreatedPortalLink {
  token: string;
  expiresAt: Date;
}

export interface ConsumedLink {
  organizationId: string;
  hostId: string;
  features: PortalFeature[];
  returnUrl: string | null;
  /** The operator who opened this portal from the dashboard (null: the host minted it for the customer's admin). */
  operatorId?: string | null;
}

export type ConsumeResult = { ok: true; link: ConsumedLink } | { ok: false; reason: 'used' | 'expired' | 'invalid' };

export function* createPortalLink(
  env: SqlEnv,
  {
    organizationId,
    features,
    returnUrl,
    operatorId = null,
  }: { organizationId: string; features: PortalFeature[]; returnUrl: string | null; operatorId?: string | null },
): SqlProgram<CreatedPortalLink> {
  const token = PREFIX + randomBase62(43);
  const expiresAt = new Date(Date.now() + LINK_TTL_MS);
  const row = {
    id: newId('psn'),
    organizationId,
    tokenHash: hashSecret(token),
    features: JSON.stringify(features),
    returnUrl,
    operatorId,
    expiresAt,
    usedAt: null,
  };
  yield* changes(insertOp(env.dialect, 'PortalLink', [row]));
  return { token, expiresAt };
}

export function* consumePortalLink(env: SqlEnv, token: string): SqlProgram<ConsumeResult> {
  if (!token.startsWith(PREFIX) || token.length !== PREFIX.length + 43) return { ok: false, reason: 'invalid' };
  const tokenHash = hashSecret(token);
  const now = new Date();
  const used = yield* changes(
    updateOp(env.dialect, 'PortalLink', { usedAt: now }, `"tokenHash" = ? AND "usedAt" IS NULL AND "expiresAt" > ?`, [tokenHash, now]),
  );
  const found = yield* one(`SELECT ${columns('PortalLink')} FROM "PortalLink" WHERE "tokenHash" = ?`, [tokenHash]);
  if (!found) return { ok: false, reason: 'invalid' };
  const row = decode('PortalLink', found);
  if (used === 0) return { ok: false, reason: row.usedAt ? 'used' : 'expired' };
  const org = yield* organizationById(row.organizationId);
  if (!org) return { ok: false, reason: 'invalid' };
  const actor = row.operatorId ? `operator:${row.operatorId}` : `portal:${row.organizationId}`;
  yield* auditSql(env, { hostId: org.hostId, organizationId: row.organizationId, actor, action: 'portal_link.used', target: row.id });
  return {
    ok: true,
    link: {
      organizationId: row.organizationId,
      hostId: org.hostId,
      features: parseFeatures(row.features),
      returnUrl: row.returnUrl,
      operatorId: row.operatorId,
    },
  };
}

function parseFeatures(s: string): PortalFeature[] {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) && v.includes('scim') ? ['scim'] : ['scim'];
  } catch {
    return ['scim'];
  }
}

/** Deletes every link of an organization (with the organization: delete-directory.ts). */
export function* removePortalLinksOf(organizationId: string): SqlProgram<void> {
  yield* run(`DELETE FROM "PortalLink" WHERE "organizationId" = ?`, [organizationId]);
}
