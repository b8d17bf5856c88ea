// The decision log (issue 19): each SCIM write records what it did, or why it was refused, in plain words beside its
// request in the log; a person is found by email, userName or externalId, refused creates included, newest first,
// in their own directory only.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { write } from '../../lib/db/database';
import { createDirectoryToken } from '../../lib/directory/tokens';
import type { DirectoryScope } from '../../lib/events/event-types';
import { changePolicy } from '../../lib/policy/policy-admin';
import { requestLogPage } from '../../lib/portal/request-log-page';
import { flushRequestLog } from '../../lib/scim/request-log';
import { serveScim } from '../../lib/scim/serve-scim';
import { newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** One request through the SCIM boundary (token, limits, the log), as an IdP sends it. */
async function send(dir: DirectoryScope & { token: string }, method: string, path: string, body?: unknown) {
  // The log orders by time to the millisecond: two requests apart, so "newest first" has one answer.
  await new Promise((r) => setTimeout(r, 2));
  const url = new URL(`http://x/${path}`);
  const text = body === undefined ? null : JSON.stringify(body);
  const res = await serveScim({
    directoryId: dir.directoryId,
    method,
    path: url.pathname.split('/').filter(Boolean),
    query: url.searchParams,
    headers: { authorization: `Bearer ${dir.token}`, 'content-type': 'application/scim+json' },
    body: text,
    bodyBytes: text === null ? 0 : Buffer.byteLength(text),
  });
  return res as { status: number; body: { id: string } };
}

async function directory() {
  const dir = await newDirectory();
  const { token } = await write((env) => createDirectoryToken(env, { directoryId: dir.directoryId }));
  return { ...dir, token };
}

const decisionsOf = async (directoryId: string, person: string) => {
  await flushRequestLog();
  return (await requestLogPage({ directoryId, person, limit: 50 })).rows.map((r) => [r.method, r.status, r.decision]);
};

describe('decision log', () => {
  it('records each write of a person in plain words, refusals included, newest first', async () => {
    const dir = await directory();
    await changePolicy({ hostId: dir.hostId, organizationId: dir.organizationId, actor: 'test' }, { domains: ['acme.com'], seatLimit: 1 });
    const alice = `alice.${randomBytes(3).toString('hex')}@acme.com`;
    const id = (await send(dir, 'POST', 'Users', user(alice, { externalId: 'ext-a' }))).body.id;
    await send(dir, 'PATCH', `Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'replace', path: 'name.givenName', value: 'Alicia' },
        { op: 'add', path: 'title', value: 'CTO' },
      ],
    });
    await send(dir, 'PUT', `Users/${id}`, user(alice, { externalId: 'ext-a', name: { givenName: 'Alicia' }, title: 'CTO', active: false }));
    await send(dir, 'POST', 'Users', user(alice, { externalId: 'ext-a' }));
    await send(dir, 'POST', 'Users', user(alice, { externalId: 'ext-a' }));
    expect(await decisionsOf(dir.directoryId, alice)).toEqual([
      ['POST', 409, 'refused (conflict)'],
      ['POST', 201, 'linked (same externalId), reactivated, updated (name, title)'],
      ['PUT', 200, 'deactivated, updated (name)'],
      ['PATCH', 200, 'updated (name, title)'],
      ['POST', 201, 'created'],
    ]);

    // Requests that never created a record: found by what they named.
    const bob = `bob.${randomBytes(3).toString('hex')}@gmail.com`;
    await send(dir, 'POST', 'Users', user(bob, { externalId: 'ext-bob' }));
    const carol = `carol.${randomBytes(3).toString('hex')}@acme.com`;
    await send(dir, 'POST', 'Users', user(carol));
    await send(dir, 'POST', 'Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: carol, active: 'maybe' });
    expect(await decisionsOf(dir.directoryId, bob)).toEqual([['POST', 403, 'refused (domain)']]);
    expect(await decisionsOf(dir.directoryId, 'ext-bob')).toEqual([['POST', 403, 'refused (domain)']]);
    expect(await decisionsOf(dir.directoryId, carol)).toEqual([
      ['POST', 400, 'refused (invalid value)'],
      ['POST', 403, 'refused (seat limit)'],
    ]);

    // Reads decide nothing and are not what happened to her (a lookup that found nobody is); another directory sees
    // none of it.
    await send(dir, 'GET', `Users/${id}`);
    await send(dir, 'GET', `Users?filter=${encodeURIComponent(`userName eq "${alice}"`)}`);
    await send(dir, 'GET', `Users?filter=${encodeURIComponent(`userName eq "${bob}"`)}`);
    expect((await decisionsOf(dir.directoryId, alice))[0]).toEqual(['POST', 409, 'refused (conflict)']);
    expect(await decisionsOf(dir.directoryId, bob)).toEqual([
      ['GET', 200, null],
      ['POST', 403, 'refused (domain)'],
    ]);
    const other = await directory();
    expect(await decisionsOf(other.directoryId, alice)).toEqual([]);
  });

  it('groups: created, members added and removed, deleted', async () => {
    const dir = await directory();
    const u = (await send(dir, 'POST', 'Users', user(`g.${randomBytes(3).toString('hex')}@example.com`))).body.id;
    const g = (await send(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Eng', members: [] })).body.id;
    await send(dir, 'PATCH', `Groups/${g}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: u }] }] });
    await send(dir, 'PATCH', `Groups/${g}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'replace', value: { id: g, displayName: 'Engineering' } },
        { op: 'remove', path: `members[value eq "${u}"]` },
      ],
    });
    await send(dir, 'DELETE', `Groups/${g}`);
    await flushRequestLog();
    const rows = (await requestLogPage({ directoryId: dir.directoryId, resource: 'Groups', limit: 10 })).rows.map((r) => r.decision);
    expect(rows).toEqual(['deleted', 'updated (displayName, 1 removed)', 'updated (1 member added)', 'created (0 members)']);
  });
});
