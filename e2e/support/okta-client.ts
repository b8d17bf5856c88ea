// Sends what Okta sends (e2e/fixtures/idp/okta.ts) to a directory's SCIM endpoint.
import { clientCreateUserBody, clientHeaders, groupCreateBody, groupMembershipPatch, oktaUserInput } from '../fixtures/idp/okta';

export interface ScimTarget {
  endpoint: string;
  token: string;
}

export async function scimCall(t: ScimTarget, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const res = await fetch(`${t.endpoint}${path}`, {
    method,
    headers: { ...clientHeaders(body !== undefined), Authorization: `Bearer ${t.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

export interface PushedPerson {
  id: string;
  userName: string;
  givenName: string;
  familyName: string;
}

/** Okta assigning people: one POST /Users each. */
export async function pushUsers(t: ScimTarget, count: number, prefix = 'e2e'): Promise<PushedPerson[]> {
  const out: PushedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const u = oktaUserInput(`${prefix}${i}`);
    const r = await scimCall(t, 'POST', '/Users', clientCreateUserBody(u));
    if (r.status !== 201) throw new Error(`POST /Users: ${r.status} ${JSON.stringify(r.body)}`);
    out.push({ id: String(r.body?.id), userName: u.userName, givenName: u.givenName, familyName: u.familyName });
  }
  return out;
}

/** Okta pushing a group: POST /Groups, then PATCH its members in. */
export async function pushGroup(t: ScimTarget, displayName: string, members: PushedPerson[]): Promise<string> {
  const g = await scimCall(t, 'POST', '/Groups', groupCreateBody(displayName));
  if (g.status !== 201) throw new Error(`POST /Groups: ${g.status} ${JSON.stringify(g.body)}`);
  const id = String(g.body?.id);
  const p = await scimCall(
    t,
    'PATCH',
    `/Groups/${id}`,
    groupMembershipPatch(
      [],
      members.map((m) => ({ value: m.id, display: m.userName })),
    ),
  );
  if (p.status !== 200 && p.status !== 204) throw new Error(`PATCH /Groups: ${p.status} ${JSON.stringify(p.body)}`);
  return id;
}
