// A group with more members than a response renders at once (MEMBERS_INLINE_MAX) is answered as a stream, its members
// read a page at a time: the same JSON a client would get from one piece, for every read that shows members (a group,
// a list page, the match query, a PATCH asking for attributes, /.search), projections included.
import { beforeAll, describe, expect, it } from 'vitest';
import { handleScimRequest } from '../../lib/scim/handle-request';
import { MEMBERS_INLINE_MAX } from '../../lib/scim/member-stream';
import { RequestReads } from '../../lib/scim/request-reads';
import type { DirectoryScope } from '../../lib/events/event-types';
import { seedLargeDirectory } from './large-directory';
import { call, newDirectory } from './scim-helpers';

const USERS = 6_000; // the big group holds every even user: 3,000 members
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let dir: DirectoryScope;
let bigId: string;
let expected: string[];

beforeAll(async () => {
  dir = await newDirectory();
  bigId = (await seedLargeDirectory(dir.directoryId, USERS)).bigGroupId;
  const padded = (i: number) => String(i).padStart(7, '0').slice(-7);
  expected = Array.from({ length: USERS / 2 }, (_, i) => `usr_${dir.directoryId}_${padded(2 * i)}`).sort();
  expect(expected.length).toBeGreaterThan(MEMBERS_INLINE_MAX);
}, 120_000);

type Member = { value: string; $ref?: string; type?: string; display?: string };
const values = (members: Member[]) => members.map((m) => m.value);

describe('a group with more members than a response renders at once', () => {
  it('GET /Groups/{id} streams every member in member order, as SCIM shows them', async () => {
    const raw = await handleScimRequest(
      { method: 'GET', path: ['Groups', bigId], query: new URLSearchParams(), headers: {}, body: null },
      { ...dir, baseUrl: 'http://x', reads: new RequestReads(dir.directoryId), userExtension: null, attributeMapping: null },
    );
    expect([raw.status, raw.body, raw.stream !== undefined]).toEqual([200, undefined, true]);
    const res = await call(dir, 'GET', `Groups/${bigId}`);
    expect(res.headers.ETag).toBe(res.body.meta.version);
    expect(values(res.body.members)).toEqual(expected);
    expect(res.body.members[0]).toEqual({ value: expected[0], $ref: `http://x/scim/v2/${dir.directoryId}/Users/${expected[0]}`, type: 'User' });
    expect(Object.keys(res.body)).toEqual(['schemas', 'id', 'members', 'meta']); // the seeded rows' raw is {}
  });

  it('projections apply to the streamed members; excluding them reads none', async () => {
    const onlyValues = await call(dir, 'GET', `Groups/${bigId}?attributes=members.value`);
    expect(onlyValues.body.members).toEqual(expected.map((value) => ({ value })));
    expect(onlyValues.body.meta).toBeUndefined();
    const two = await call(dir, 'GET', `Groups/${bigId}?attributes=members.value,members.type`);
    expect(two.body.members[1]).toEqual({ value: expected[1], type: 'User' });
    const none = await call(dir, 'GET', `Groups/${bigId}?excludedAttributes=members`);
    expect([none.body.members, none.body.id]).toEqual([undefined, bigId]);
  });

  it('list pages, the match query, /.search and a PATCH asking for attributes stream too', async () => {
    const page = await call(dir, 'GET', `Groups?filter=${encodeURIComponent('displayName sw "Everyone"')}`);
    expect([page.body.totalResults, values(page.body.Resources[0].members)]).toEqual([1, expected]);
    const match = await call(dir, 'GET', `Groups?filter=${encodeURIComponent('displayName eq "Everyone half"')}`);
    expect(values(match.body.Resources[0].members)).toEqual(expected);
    const search = await call(dir, 'POST', 'Groups/.search', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: 'displayName eq "Everyone half"',
    });
    expect(values(search.body.Resources[0].members)).toEqual(expected);
    // A list of many small groups whose members add up past the bound: each group's own, none lost between pages.
    const teams = await call(dir, 'GET', 'Groups?startIndex=1&count=300');
    const withMembers = teams.body.Resources.filter((g: { members?: Member[] }) => g.members?.length);
    expect(withMembers.length).toBeGreaterThan(200);
    for (const g of withMembers.slice(0, 200)) expect(g.members.length).toBe((g as { id: string }).id === bigId ? USERS / 2 : 10);
    const patched = await call(dir, 'PATCH', `Groups/${bigId}?attributes=members`, {
      schemas: [PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${expected[0]}"]` }],
    });
    expect(patched.status).toBe(200);
    expect(values(patched.body.members)).toEqual(expected.slice(1));
  });
});
