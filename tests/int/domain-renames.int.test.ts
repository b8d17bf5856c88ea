// The domain rule on renames (issue 19), on both databases: a PUT or PATCH moving an accepted user's userName or
// primary email to a domain not on the organization's list is refused like a create (403 naming the domain, the
// decision logged, nothing written); renames within the list, and writes that move no domain, go through.
import { describe, expect, it } from 'vitest';
import type { DirectoryScope } from '../../lib/events/event-types';
import { changePolicy } from '../../lib/policy/policy-admin';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });
type Write = (id: string) => [method: 'PUT' | 'PATCH', body: unknown];

const okta =
  (userName: string, extra: Record<string, unknown> = {}): Write =>
  (id) => ['PUT', { ...user(userName), id, ...extra }];
const entraUserName =
  (userName: string): Write =>
  () => ['PATCH', patch({ op: 'Replace', path: 'userName', value: userName })];
const entraEmail =
  (email: string): Write =>
  () => ['PATCH', patch({ op: 'Replace', path: 'emails[type eq "work"].value', value: email })];

async function acmeUser(userName = 'ann@acme.com'): Promise<{ dir: DirectoryScope; id: string; version: string }> {
  const dir = await newDirectory();
  await changePolicy({ ...dir, actor: 'test' }, { domains: ['acme.com'] });
  const res = await call(dir, 'POST', 'Users', user(userName));
  expect(res.status).toBe(201);
  return { dir, id: res.body.id, version: res.body.meta.version };
}

describe('a rename to a foreign domain is refused like a create, and nothing is written', () => {
  it.each<[string, Write, string]>([
    ['Okta PUT, userName and email moved', okta('ann@gmail.com'), 'gmail.com'],
    ['Okta PUT, the primary email alone moved', okta('ann@acme.com', { emails: [{ primary: true, value: 'ann@gmail.com', type: 'work' }] }), 'gmail.com'],
    ['Entra PATCH replace userName', entraUserName('ann@evil.io'), 'evil.io'],
    ['Entra PATCH replace emails[type eq "work"].value', entraEmail('ann@notacme.com'), 'notacme.com'],
    ['Okta PUT to no domain at all', okta('ann', { emails: [] }), '(none)'],
  ])('%s', async (_, write, domain) => {
    const { dir, id, version } = await acmeUser();
    const [method, body] = write(id);
    const res = await call(dir, method, `Users/${id}`, body);
    expect([res.status, res.body.status, res.body.detail]).toEqual([
      403,
      '403',
      `Refused by the organization's provisioning policy: the domain "${domain}" is not one of its domains (acme.com)`,
    ]);
    expect(res.decision).toBe('refused (domain)');
    const after = await call(dir, 'GET', `Users/${id}`);
    expect([after.body.userName, after.body.emails[0].value, after.body.meta.version]).toEqual(['ann@acme.com', 'ann@acme.com', version]);
  });
});

describe('writes that move no user off the list go through', () => {
  it.each<[string, Write]>([
    ['Okta PUT to a subdomain', okta('ann@eu.acme.com')],
    ['Entra PATCH replace userName within the domain', entraUserName('annie@acme.com')],
    ['Entra PATCH replace the work email to a subdomain', entraEmail('ann@us.acme.com')],
    ['Entra PATCH of another attribute', () => ['PATCH', patch({ op: 'Replace', path: 'displayName', value: 'Ann' })]],
  ])('%s', async (_, write) => {
    const { dir, id } = await acmeUser();
    const [method, body] = write(id);
    expect((await call(dir, method, `Users/${id}`, body)).status).toBe(200);
  });

  it('a user already off the list (the list changed since) keeps being updated while its domain stays', async () => {
    const { dir, id } = await acmeUser();
    await changePolicy({ ...dir, actor: 'test' }, { domains: ['acme.io'] });
    expect((await call(dir, 'PATCH', `Users/${id}`, patch({ op: 'Replace', path: 'displayName', value: 'Ann' }))).status).toBe(200);
    expect((await call(dir, 'PATCH', `Users/${id}`, patch({ op: 'Replace', path: 'userName', value: 'ann2@acme.com' }))).status).toBe(200);
    expect((await call(dir, 'PATCH', `Users/${id}`, patch({ op: 'Replace', path: 'userName', value: 'ann@gmail.com' }))).status).toBe(403);
  });

  it('an inactive user may be renamed anywhere; its reactivation is then checked', async () => {
    const { dir, id } = await acmeUser();
    expect((await call(dir, 'PATCH', `Users/${id}`, patch({ op: 'replace', path: 'active', value: false }))).status).toBe(200);
    expect((await call(dir, 'PATCH', `Users/${id}`, patch({ op: 'Replace', path: 'userName', value: 'ann@gmail.com' }))).status).toBe(200);
    const back = await call(dir, 'PATCH', `Users/${id}`, patch({ op: 'replace', path: 'active', value: true }));
    expect([back.status, back.decision]).toEqual([403, 'refused (domain)']);
  });
});
