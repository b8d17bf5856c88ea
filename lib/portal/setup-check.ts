// The live setup check of a directory: a checklist that fills itself from the IdP's real requests (credentials
// tested, first user, first group, a deactivation) and diagnoses from what arrives (a password being synced, Entra
// without the aadOptscim062020 flag, no groups, a required attribute never sent, an endpoint that is not public
// HTTPS). Every read is an indexed lookup or a bounded read of the newest log rows (idp-behaviour.md §1.4, §2.2).
import { read } from '../db/database';
import { all, one, type SqlProgram, type SqlRow } from '../db/sql-program';
import { scimEndpoint, type DirectoryRow } from '../directory/directories';

export type SetupStepId = 'credentials' | 'user' | 'group' | 'deactivation';
export type DiagnosisId = 'not_public_https' | 'password_sync' | 'entra_without_flag' | 'no_groups' | 'missing_email' | 'missing_name';

export interface SetupCheck {
  steps: Record<SetupStepId, { done: boolean; at: string | null }>;
  diagnoses: DiagnosisId[];
}

/** PATCH and PUT bodies read for diagnoses: the newest ones only, among the newest RECENT requests. */
const BODIES = 50;
const RECENT = 5_000;

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

const firstOf = (table: string, where: string) => `SELECT "createdAt" FROM "${table}" WHERE "directoryId" = ?${where} ORDER BY "createdAt", "id" LIMIT 1`;
const asDate = (r: SqlRow | null, column: string): Date | null => (r ? new Date(r[column] instanceof Date ? (r[column] as Date) : String(r[column])) : null);

/** The first request, user and group, a deactivated user, users missing what apps need, the newest user writes. */
function* setupFacts(directoryId: string): SqlProgram<{
  request: Date | null;
  user: Date | null;
  group: Date | null;
  inactive: Date | null;
  noEmail: boolean;
  noName: boolean;
  bodies: (string | null)[];
}> {
  const p = [directoryId];
  const request = yield* one(firstOf('ScimRequestLog', ''), p);
  const user = yield* one(firstOf('DirectoryUser', ''), p);
  const group = yield* one(firstOf('DirectoryGroup', ''), p);
  const inactive = yield* one(`SELECT "updatedAt" FROM "DirectoryUser" WHERE "directoryId" = ? AND "active" = ? LIMIT 1`, [directoryId, false]);
  const noEmail = yield* one(`SELECT "id" FROM "DirectoryUser" WHERE "directoryId" = ? AND "emailLower" IS NULL LIMIT 1`, p);
  const noName = yield* one(`SELECT "id" FROM "DirectoryUser" WHERE "directoryId" = ? AND "familyNameLower" IS NULL LIMIT 1`, p);
  // Among the newest RECENT requests: a log without user writes (reads and creates only) is not read to its end.
  const bodies = yield* all(
    `SELECT "requestBody" FROM (SELECT "requestBody", "resource", "method", "createdAt", "id" FROM "ScimRequestLog" WHERE "directoryId" = ?
       ORDER BY "createdAt" DESC, "id" DESC LIMIT ?) r
     WHERE "resource" = 'Users' AND "method" IN ('PATCH', 'PUT') ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`,
    [directoryId, RECENT, BODIES],
  );
  return {
    request: asDate(request, 'createdAt'),
    user: asDate(user, 'createdAt'),
    group: asDate(group, 'createdAt'),
    inactive: asDate(inactive, 'updatedAt'),
    noEmail: noEmail !== null,
    noName: noName !== null,
    bodies: bodies.map((b) => (b.requestBody === null ? null : String(b.requestBody))),
  };
}

export async function setupCheck(d: DirectoryRow): Promise<SetupCheck> {
  const directoryId = d.id;
  const f = await read(() => setupFacts(directoryId));
  const bodies = f.bodies.map((requestBody) => ({ requestBody }));
  const diagnoses: DiagnosisId[] = [];
  if (!isPublicHttps(scimEndpoint(directoryId)) && (d.provider === 'okta' || d.provider === 'entra')) diagnoses.push('not_public_https');
  if (bodies.some((b) => b.requestBody && PASSWORD.test(b.requestBody))) diagnoses.push('password_sync');
  if (d.provider === 'entra' && bodies.some((b) => b.requestBody && ENTRA_LEGACY_OP.test(b.requestBody))) diagnoses.push('entra_without_flag');
  if (f.user && !f.group) diagnoses.push('no_groups');
  if (f.noEmail) diagnoses.push('missing_email');
  if (f.noName) diagnoses.push('missing_name');
  return {
    steps: {
      credentials: at(f.request ?? d.connectedAt ?? d.lastRequestAt),
      user: at(f.user),
      group: at(f.group),
      deactivation: at(f.inactive),
    },
    diagnoses,
  };
}
