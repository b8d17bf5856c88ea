// The running app as tests see it: host API calls, portal links, SCIM requests as an IdP sends them, and roles.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';

export const app = {
  url: () => process.env.E2E_APP_URL ?? '',
  hostOrigin: () => process.env.E2E_HOST_ORIGIN ?? '',
  apiKey: () => process.env.E2E_API_KEY ?? '',
  databaseUrl: () => process.env.E2E_DATABASE_URL ?? '',
};

export async function hostApi<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${app.url()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${app.apiKey()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function createOrganization(name = `Org ${randomBytes(3).toString('hex')}`): Promise<string> {
  const r = await hostApi<{ id: string }>('POST', '/organizations', { name });
  if (r.status !== 201) throw new Error(`create organization: ${r.status}`);
  return r.body.id;
}

export async function portalLink(orgId: string): Promise<{ url: string; expiresAt: string }> {
  const r = await hostApi<{ url: string; expiresAt: string }>('POST', `/organizations/${orgId}/portal-links`, { features: ['scim'] });
  if (r.status !== 201) throw new Error(`portal link: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function createDirectory(orgId: string, provider = 'okta'): Promise<{ id: string; endpoint: string; token: string }> {
  const r = await hostApi<{ id: string; scim: { endpoint: string; token: string } }>('POST', `/organizations/${orgId}/directories`, { provider });
  if (r.status !== 201) throw new Error(`create directory: ${r.status}`);
  return { id: r.body.id, endpoint: r.body.scim.endpoint, token: r.body.scim.token };
}

/** Roles through the host API; while POST /api/v1/roles is not routed yet, straight into the test database. */
export async function ensureRoles(orgId: string, roles: { key: string; name: string }[]): Promise<void> {
  const probe = await hostApi('GET', '/roles');
  if (probe.status === 200) {
    for (const r of roles) {
      const res = await hostApi('POST', '/roles', r);
      if (res.status !== 201 && res.status !== 409) throw new Error(`create role ${r.key}: ${res.status}`);
    }
    return;
  }
  const file = app.databaseUrl().replace(/^file:/, '');
  const db = new Database(file);
  try {
    const org = db.prepare('SELECT hostId FROM Organization WHERE id = ?').get(orgId) as { hostId: string };
    const createdAt = (db.prepare('SELECT createdAt FROM Organization WHERE id = ?').get(orgId) as { createdAt: unknown }).createdAt;
    const insert = db.prepare('INSERT OR IGNORE INTO Role (id, hostId, key, name, createdAt) VALUES (?, ?, ?, ?, ?)');
    for (const r of roles) insert.run(`rol_${randomBytes(10).toString('hex')}`, org.hostId, r.key, r.name, createdAt);
  } finally {
    db.close();
  }
}

/** Makes an unused portal link look 5 minutes old without waiting 5 minutes. */
export function expireLink(url: string): void {
  const token = url.slice(url.lastIndexOf('/') + 1);
  const hash = createHash('sha256').update(token, 'utf8').digest('hex');
  const db = new Database(app.databaseUrl().replace(/^file:/, ''));
  try {
    // createdAt is in the past and stored in the same format the app writes, so the link reads as expired.
    db.prepare('UPDATE PortalLink SET expiresAt = createdAt WHERE tokenHash = ?').run(hash);
  } finally {
    db.close();
  }
}
