// Passwords never reach the request log (finding 3): every shape a SCIM request can carry one in, sent through the
// trust boundary (serveScim), then read back as the row holds it and as the portal's request-log API serves it. Each
// case has a secret of its own; the rest of the request must still be logged.
import { write } from '../../lib/db/database';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as requestLogRoute } from '../../app/api/portal/directories/[directoryId]/requests/route';
import { createDirectoryToken } from '../../lib/directory/tokens';
import type { DirectoryScope } from '../../lib/events/event-types';
import { openPortalSession } from '../../lib/portal/portal-session';
import { flushRequestLog } from '../../lib/scim/request-log';
import { serveScim } from '../../lib/scim/serve-scim';
import { newDirectory } from './scim-helpers';
import { firstOf } from './db-rows';

process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('hex');
process.env.RATE_LIMITS = 'off';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let dir: DirectoryScope;
let token: string;
let userId: string;

async function send(method: string, path: string, body: string | null, query = '') {
  return serveScim({
    method,
    directoryId: dir.directoryId,
    path: path.split('/').filter(Boolean),
    query: new URLSearchParams(query),
    headers: { authorization: `Bearer ${token}` },
    body,
    bodyBytes: body === null ? 0 : Buffer.byteLength(body),
  });
}

beforeAll(async () => {
  dir = await newDirectory();
  token = (await write((env) => createDirectoryToken(env, { directoryId: dir.directoryId }))).token;
  const r = await send('POST', 'Users', JSON.stringify({ schemas: [USER], userName: 'target@example.com' }));
  expect(r.status).toBe(201);
  userId = (r.body as { id: string }).id;
});

const patch = (...ops: unknown[]) => JSON.stringify({ schemas: [PATCH], Operations: ops });
const user = (extra: Record<string, unknown>) => JSON.stringify({ schemas: [USER], userName: `u${randomBytes(4).toString('hex')}@example.com`, ...extra });

/** [shape, method, path, body (S is the secret), what the logged body must still show (null: no body is kept)]. */
type Case = [string, string, string, (s: string) => string, string | null];

const cases: Case[] = [
  ['POST: key "password"', 'POST', 'Users', (s) => user({ password: s }), '"userName"'],
  ['POST: key in another case', 'POST', 'Users', (s) => user({ PassWord: s }), '"userName"'],
  ['POST: URN-qualified key', 'POST', 'Users', (s) => user({ [`${USER}:password`]: s }), '"userName"'],
  ['POST: inside an extension object', 'POST', 'Users', (s) => user({ [ENTERPRISE]: { password: s, department: 'Eng' } }), '"department"'],
  ['POST: inside an unknown object, nested', 'POST', 'Users', (s) => user({ custom: { deeper: [{ Password: s }] } }), '"deeper"'],
  ["POST: an extension's userPassword", 'POST', 'Users', (s) => user({ 'urn:example:ext:1.0:User': { userPassword: s } }), '"urn:example:ext:1.0:User"'],
  ['POST: a JSON-escaped key', 'POST', 'Users', (s) => user({}).replace(/}$/, `,"pass\\u0077ord":"${s}"}`), '"userName"'],
  ['PUT: key "password"', 'PUT', 'Users/@id', (s) => JSON.stringify({ schemas: [USER], userName: 'target@example.com', password: s }), '"target@example.com"'],
  ['PATCH: path "password"', 'PATCH', 'Users/@id', (s) => patch({ op: 'replace', path: 'password', value: s }), '"path":"password"'],
  [
    'PATCH: path in capitals, op and keys in other cases',
    'PATCH',
    'Users/@id',
    (s) => patch({ Op: 'Replace', Path: 'PASSWORD', Value: s }),
    '"Path":"PASSWORD"',
  ],
  ['PATCH: URN-qualified path', 'PATCH', 'Users/@id', (s) => patch({ op: 'add', path: `${USER}:password`, value: s }), `"path":"${USER}:password"`],
  ['PATCH: path-less value object', 'PATCH', 'Users/@id', (s) => patch({ op: 'replace', value: { password: s, displayName: 'Kept' } }), '"displayName":"Kept"'],
  [
    'PATCH: path-less value with a URN-qualified key',
    'PATCH',
    'Users/@id',
    (s) => patch({ op: 'replace', value: { [`${USER}:password`]: s, active: true } }),
    '"active":true',
  ],
  [
    'PATCH: among other operations',
    'PATCH',
    'Users/@id',
    (s) => patch({ op: 'replace', path: 'title', value: 'Kept' }, { op: 'replace', path: 'password', value: { value: s } }),
    '"title"',
  ],
  ['PATCH: an array value on a password path', 'PATCH', 'Users/@id', (s) => patch({ op: 'add', path: 'password', value: [s] }), '"op":"add"'],
  [
    '.search: a filter on password',
    'POST',
    'Users/.search',
    (s) => JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: `password eq "${s}"` }),
    '"schemas"',
  ],
  ['invalid JSON with the key in plain', 'POST', 'Users', (s) => `{"userName":"x@example.com","password":"${s}"`, null],
  ['invalid JSON with an escaped key', 'PATCH', 'Users/@id', (s) => `{"Operations":[{"op":"replace","value":{"pass\\u0077ord":"${s}"}}],}`, null],
  ['a form-encoded body', 'POST', 'Users', (s) => `userName=x%40example.com&password=${s}`, null],
];

const NEWEST = 'ORDER BY "createdAt" DESC, "id" DESC';

describe('the request log keeps no password', () => {
  it.each(cases)('%s', async (_, method, path, body, kept) => {
    const secret = `S3cret-${randomBytes(6).toString('hex')}`;
    const res = await send(method, path.replace('@id', userId), body(secret));
    expect(res.status).toBeLessThan(500);
    await flushRequestLog();
    const row = await firstOf('ScimRequestLog', '"directoryId" = ?', [dir.directoryId], NEWEST);
    expect(JSON.stringify(row)).not.toContain(secret);
    if (kept === null) expect(row.requestBody).toMatch(/^\[not stored: the body is not valid JSON \(\d+ bytes\)\]$/);
    else expect(row.requestBody).toContain(kept);

    const session = await write((env) =>
      openPortalSession(env, { organizationId: dir.organizationId, hostId: dir.hostId, features: ['scim'], returnUrl: null }),
    );
    const api = await requestLogRoute(
      new Request(`http://localhost/api/portal/directories/${dir.directoryId}/requests?limit=5`, { headers: { authorization: `Bearer ${session.token}` } }),
      { params: Promise.resolve({ directoryId: dir.directoryId }) },
    );
    expect(api.status).toBe(200);
    const text = await api.text();
    expect(text).toContain(row.id);
    expect(text).not.toContain(secret);
  });

  it('a filter on password in the query string: the value and the error detail are left out', async () => {
    const secret = `S3cret-${randomBytes(6).toString('hex')}`;
    const res = await send('GET', 'Users', null, new URLSearchParams({ filter: `password eq "${secret}" and (` }).toString());
    expect(res.status).toBe(400);
    await flushRequestLog();
    const row = await firstOf('ScimRequestLog', '"directoryId" = ? AND "method" = ?', [dir.directoryId, 'GET'], NEWEST);
    expect(row.path).toMatch(/^\/Users\?filter=/);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('a body cut at 16,384 characters stays well-formed text, with nothing past the cut', async () => {
    const secret = `S3cret-${randomBytes(6).toString('hex')}`;
    const long = user({ title: '😀'.repeat(4500), nickName: '😀'.repeat(4500), password: secret, zzz: secret });
    expect((await send('POST', 'Users', long)).status).toBe(201);
    await flushRequestLog();
    const row = await firstOf('ScimRequestLog', '"directoryId" = ?', [dir.directoryId], NEWEST);
    expect(row.requestBody).toMatch(/…\[truncated\]$/);
    expect(row.requestBody!.length).toBeLessThanOrEqual(16_384 + '…[truncated]'.length);
    expect(row.requestBody!.isWellFormed()).toBe(true);
    expect(row.requestBody).not.toContain(secret);
  });
});
