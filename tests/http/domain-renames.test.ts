// The domain rule on renames (issue 19) over HTTP on both databases: Okta's PUT and Entra's PATCHes (replace userName,
// replace the work email) moving an accepted user off the organization's domains get the create's 403, naming the
// domain, and change nothing: the host sees the user as it was and hears no event.
import { describe, expect, it } from 'vitest';
import { api, feedEnd, newDirectory, targets } from './harness';
import { call, createUser, expectError } from './scim-expect';
import * as entra from '../../e2e/fixtures/idp/entra';
import * as okta from '../../e2e/fixtures/idp/okta';

describe.each(targets())('renames and the organization’s domains on $name', (t) => {
  it('Okta PUT and Entra PATCHes to a foreign domain: 403 naming it, nothing written; within the list: 200', async () => {
    const dir = await newDirectory(t, 'okta');
    expect((await api(t, 'PATCH', `/organizations/${dir.orgId}/policy`, { domains: ['okta.local', 'testuser.com'] })).status).toBe(200);
    const o = okta.oktaUserInput('mover');
    const u = await createUser(dir, okta.clientCreateUserBody(o), okta.clientHeaders(true));
    const e = entra.entraUserInput();
    const v = await createUser(dir, entra.createUserBody(e), entra.entraHeaders(true));
    const { cursor } = await feedEnd(t);

    const moved = o.userName.replace('@okta.local', '@gmail.com');
    const put = { ...u, userName: moved, emails: [{ primary: true, value: moved, type: 'work' }] };
    const refusals = [
      [await call(dir, 'PUT', `/Users/${u.id}`, { body: put, headers: okta.clientHeaders(true) }), 'gmail.com'],
      [await call(dir, 'PATCH', `/Users/${v.id}`, { body: entra.replaceUserName(`${e.userName}@evil.io`), headers: entra.entraHeaders(true) }), 'evil.io'],
      [
        await call(dir, 'PATCH', `/Users/${v.id}`, { body: entra.replaceWorkEmailAndFamilyName('x@outlook.com', 'New'), headers: entra.entraHeaders(true) }),
        'outlook.com',
      ],
    ] as const;
    for (const [res, domain] of refusals) {
      expectError(res, 403);
      expect(res.body.detail).toContain(`"${domain}" is not one of its domains (okta.local, testuser.com)`);
    }
    const hostUser = async (id: string) => (await api(t, 'GET', `/directories/${dir.directoryId}/users/${id}`)).json();
    expect(await hostUser(u.id)).toMatchObject({ userName: o.userName, email: o.userName });
    expect(await hostUser(v.id)).toMatchObject({ userName: e.userName, email: e.email, familyName: e.familyName });
    expect((await feedEnd<{ directoryId: string }>(t, cursor)).events.filter((x) => x.directoryId === dir.directoryId)).toEqual([]);

    const within = await call(dir, 'PATCH', `/Users/${v.id}`, {
      body: entra.replaceWorkEmailAndFamilyName(`renamed.${e.email}`, 'New'),
      headers: entra.entraHeaders(true),
    });
    expect(within.status).toBe(200);
  });
});
