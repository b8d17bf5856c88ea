// The live setup check of a directory: a checklist that fills itself from the IdP's real requests (credentials
// tested, first user, first group, a deactivation) and diagnoses from what arrives (a password being synced, Entra
// without the aadOptscim062020 flag, no groups, a required attribute never sent, an endpoint that is not public
// HTTPS). Every read is an indexed lookup or a bounded read of the newest log rows (idp-behaviour.md §1.4, §2.2).
import type { Tx } from '../db/client';
import { scimEndpoint, type DirectoryRow } from '../directory/directories';

export type SetupStepId = 'credentials' | 'user' | 'group' | 'deactivation';
export type DiagnosisId = 'not_public_https' | 'password_sync' | 'entra_without_flag' | 'no_groups' | 'missing_email' | 'missing_name';

export interface SetupCheck {
  steps: Record<SetupStepId, { done: boolean; at: string | null }>;
  diagnoses: DiagnosisId[];
}

/** PATCH and PUT bodies read for diagnoses: the newest ones only. */
const BODIES = 50;

/** A password in a logged body: the key stays, its value is redacted (lib/scim/redact.ts). */
const PASSWORD = /"(?:[^"]*:)?password"\s*:|"path"\s*:\s*"[^"]*password/i;
/** Entra's default job writes ops capitalised; with ?aadOptscim062020 they are lower case (§2.2). */
const ENTRA_LEGACY_OP = /"op"\s*:\s*"(?:Add|Replace|Remove)"/;

/** Okta and Entra call from the internet, over HTTPS only: a loopback, private or plain-http endpoint never works. */
export function isPublicHttps(endpoint: string): boolean {
  try {
    const u = new URL(endpoint);
    const h = u.hostname.replace(/^\[|\]$/g, '');
    const local = /^(localhost|.*\.local|.*\.internal|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|::1$|f[cd]|fe80:|0\.0\.0\.0)/i.test(h);
    return u.protocol === 'https:' && !local && h.includes('.');
  } catch {
    return false;
  }
}

const at = (d: Date | null | undefined) => ({ done: Boolean(d), at: d?.toISOString() ?? null });

export async function setupCheck(db: Tx, d: DirectoryRow): Promise<SetupCheck> {
  const directoryId = d.id;
  const first = { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] };
  const [request, user, group, inactive, noEmail, noName, bodies] = await Promise.all([
    db.scimRequestLog.findFirst({ where: { directoryId }, ...first, select: { createdAt: true } }),
    db.directoryUser.findFirst({ where: { directoryId }, ...first, select: { createdAt: true } }),
    db.directoryGroup.findFirst({ where: { directoryId }, ...first, select: { createdAt: true } }),
    db.directoryUser.findFirst({ where: { directoryId, active: false }, select: { updatedAt: true } }),
    db.directoryUser.findFirst({ where: { directoryId, emailLower: null }, select: { id: true } }),
    db.directoryUser.findFirst({ where: { directoryId, familyNameLower: null }, select: { id: true } }),
    db.scimRequestLog.findMany({
      where: { directoryId, resource: 'Users', method: { in: ['PATCH', 'PUT'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: BODIES,
      select: { requestBody: true },
    }),
  ]);
  const diagnoses: DiagnosisId[] = [];
  if (!isPublicHttps(scimEndpoint(directoryId)) && (d.provider === 'okta' || d.provider === 'entra')) diagnoses.push('not_public_https');
  if (bodies.some((b) => b.requestBody && PASSWORD.test(b.requestBody))) diagnoses.push('password_sync');
  if (d.provider === 'entra' && bodies.some((b) => b.requestBody && ENTRA_LEGACY_OP.test(b.requestBody))) diagnoses.push('entra_without_flag');
  if (user && !group) diagnoses.push('no_groups');
  if (noEmail) diagnoses.push('missing_email');
  if (noName) diagnoses.push('missing_name');
  return {
    steps: {
      credentials: at(request?.createdAt ?? d.connectedAt ?? d.lastRequestAt),
      user: at(user?.createdAt),
      group: at(group?.createdAt),
      deactivation: at(inactive?.updatedAt),
    },
    diagnoses,
  };
}
