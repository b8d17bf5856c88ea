// Single-use portal links: a 256-bit token behind a recognisable prefix; only its SHA-256 hash is stored. A link
// is consumed atomically (one UPDATE guarded by usedAt IS NULL), so two tabs racing on one link get one session.
import { audit } from '../audit/audit-log';
import type { Tx } from '../db/client';
import { run, type SqlProgram } from '../db/sql-program';
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

export async function createPortalLink(
  db: Tx,
  {
    organizationId,
    features,
    returnUrl,
    operatorId = null,
  }: { organizationId: string; features: PortalFeature[]; returnUrl: string | null; operatorId?: string | null },
): Promise<CreatedPortalLink> {
  const token = PREFIX + randomBase62(43);
  const expiresAt = new Date(Date.now() + LINK_TTL_MS);
  await db.portalLink.create({
    data: { id: newId('psn'), organizationId, tokenHash: hashSecret(token), features: JSON.stringify(features), returnUrl, operatorId, expiresAt },
  });
  return { token, expiresAt };
}

export async function consumePortalLink(db: Tx, token: string): Promise<ConsumeResult> {
  if (!token.startsWith(PREFIX) || token.length !== PREFIX.length + 43) return { ok: false, reason: 'invalid' };
  const tokenHash = hashSecret(token);
  const now = new Date();
  const r = await db.portalLink.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  const row = await db.portalLink.findUnique({ where: { tokenHash } });
  if (!row) return { ok: false, reason: 'invalid' };
  if (r.count === 0) return { ok: false, reason: row.usedAt ? 'used' : 'expired' };
  const org = await db.organization.findUnique({ where: { id: row.organizationId }, select: { hostId: true } });
  if (!org) return { ok: false, reason: 'invalid' };
  const actor = row.operatorId ? `operator:${row.operatorId}` : `portal:${row.organizationId}`;
  await audit(db, { hostId: org.hostId, organizationId: row.organizationId, actor, action: 'portal_link.used', target: row.id });
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
