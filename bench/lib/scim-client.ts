// Small JSON-over-HTTP helpers: the host API (a directory, a webhook endpoint) and the SCIM calls of seeding and probes.

export interface ScimDirectory {
  /** SCIM base URL, e.g. http://127.0.0.1:3000/scim/v2/dir_x */
  endpoint: string;
  token: string;
  /** The portal's directory id; null for another server. */
  directoryId: string | null;
  /** The portal's organization id (its policy's); absent for another server. */
  organizationId?: string;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function asObject(v: Json): JsonObject {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`expected a JSON object, got ${JSON.stringify(v)}`);
  return v;
}

function field(o: JsonObject, key: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Error(`expected string ${key} in ${JSON.stringify(o).slice(0, 300)}`);
  return v;
}

async function call(url: string, init: { method: string; token: string; body?: unknown; contentType: string }): Promise<{ status: number; body: Json }> {
  // A GET is retried on a network error: a keep-alive connection the server closed while we were busy seeding.
  const attempts = init.method === 'GET' ? 3 : 1;
  for (let i = 1; ; i++) {
    let res: Response;
    try {
      res = await fetch(url, {
        method: init.method,
        headers: { Authorization: `Bearer ${init.token}`, 'Content-Type': init.contentType, Accept: init.contentType },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (e) {
      if (i < attempts) continue;
      const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
      throw new Error(`${init.method} ${url} failed${cause}`, { cause: e });
    }
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : null };
  }
}

async function expect(status: number[], what: string, p: Promise<{ status: number; body: Json }>): Promise<Json> {
  const r = await p;
  if (!status.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}

/** Where the host API is and its key. */
export interface HostApi {
  baseUrl: string;
  apiKey: string;
}

export async function hostApi(app: HostApi, method: string, path: string, body?: unknown): Promise<JsonObject> {
  const r = call(`${app.baseUrl}/api/v1${path}`, { method, token: app.apiKey, body, contentType: 'application/json' });
  const answer = await expect([200, 201, 204], `${method} /api/v1${path}`, r);
  return answer === null ? {} : asObject(answer);
}

/** A new organization with one Okta directory, through the host API. */
export async function newOktaDirectory(app: HostApi): Promise<ScimDirectory> {
  const org = await hostApi(app, 'POST', '/organizations', { name: `Bench ${new Date().toISOString()}` });
  const dir = await hostApi(app, 'POST', `/organizations/${field(org, 'id')}/directories`, { provider: 'okta' });
  const scim = asObject(dir.scim ?? null);
  return { endpoint: field(scim, 'endpoint'), token: field(scim, 'token'), directoryId: field(dir, 'id'), organizationId: field(org, 'id') };
}

export async function scimCall(dir: ScimDirectory, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  return call(`${dir.endpoint}${path}`, { method, token: dir.token, body, contentType: 'application/scim+json' });
}
