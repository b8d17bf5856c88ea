// Every bound on a SCIM request's shape, at its default: the largest accepted input passes, one more is a 400 with the
// scimType and a detail naming the setting. Through the functions the endpoints call (parse, normalise, plan, apply).
import { describe, expect, it } from 'vitest';
import { env } from '../env';
import { parseJsonObject } from './json-body';
import { applyPatch } from './patch/apply-patch';
import { planGroupPatch } from './patch/group-members';
import { parsePatchRequest } from './patch/parse-patch';
import { normalizeGroup } from './resources/normalize-group';
import { normalizeUser } from './resources/normalize-user';
import { ENTERPRISE_USER_URN, PATCH_OP_URN, USER_URN, type ScimObject } from './types';

const L = env().scim;
const CUSTOM = 'urn:ietf:params:scim:schemas:extension:custom:2.0:User';
const keys = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
const emails = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `e${i}@example.com`, type: 'work' }));
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `usr_${i}` }));
const nest = (levels: number): unknown => (levels === 0 ? 'x' : { a: nest(levels - 1) });
const patch = (ops: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations: ops });
const op = (path: string, value: unknown, name = 'add') => ({ op: name, path, value });

const user: ScimObject = normalizeUser({ schemas: [USER_URN], userName: 'bjensen', emails: [{ value: 'b@example.org' }] });
/** What the endpoints do with a body: parse, then normalise or plan and apply. */
const postUser = (body: unknown) => normalizeUser(parseJsonObject({ body: JSON.stringify(body) }));
const postGroup = (body: unknown) => normalizeGroup(parseJsonObject({ body: JSON.stringify(body) }));
const patchUser = (body: unknown) => normalizeUser(applyPatch(user, parsePatchRequest(parseJsonObject({ body: JSON.stringify(body) })), 'User'));
const patchGroup = (body: unknown) => planGroupPatch(parsePatchRequest(parseJsonObject({ body: JSON.stringify(body) })));

type Case = [name: string, run: (body: unknown) => unknown, ok: unknown, over: unknown, scimType: string, setting: string];

const cases: Case[] = [
  [
    'attributes of a User',
    postUser,
    { userName: 'u', ...keys(L.maxAttributes - 1) },
    { userName: 'u', ...keys(L.maxAttributes) },
    'tooMany',
    'SCIM_MAX_ATTRIBUTES',
  ],
  [
    'attributes of an extension object',
    postUser,
    { userName: 'u', [ENTERPRISE_USER_URN]: keys(L.maxAttributes) },
    { userName: 'u', [ENTERPRISE_USER_URN]: keys(L.maxAttributes + 1) },
    'tooMany',
    'SCIM_MAX_ATTRIBUTES',
  ],
  [
    'attributes of a complex value',
    postUser,
    { userName: 'u', name: keys(L.maxAttributes) },
    { userName: 'u', name: keys(L.maxAttributes + 1) },
    'tooMany',
    'SCIM_MAX_ATTRIBUTES',
  ],
  [
    'attributes of a path-less PATCH value',
    patchUser,
    patch([{ op: 'add', value: keys(L.maxAttributes) }]),
    patch([{ op: 'add', value: keys(L.maxAttributes + 1) }]),
    'tooMany',
    'SCIM_MAX_ATTRIBUTES',
  ],
  [
    'values of emails',
    postUser,
    { userName: 'u', emails: emails(L.maxValues) },
    { userName: 'u', emails: emails(L.maxValues + 1) },
    'tooMany',
    'SCIM_MAX_VALUES',
  ],
  [
    'values of an unknown attribute',
    postUser,
    { userName: 'u', tags: keysList(L.maxValues) },
    { userName: 'u', tags: keysList(L.maxValues + 1) },
    'tooMany',
    'SCIM_MAX_VALUES',
  ],
  [
    'values of schemas',
    postUser,
    { userName: 'u', schemas: keysList(L.maxValues) },
    { userName: 'u', schemas: keysList(L.maxValues + 1) },
    'tooMany',
    'SCIM_MAX_VALUES',
  ],
  [
    'values one PATCH operation adds',
    patchUser,
    patch([op('emails', emails(L.maxValues - 1))]),
    patch([op('emails', emails(L.maxValues + 1))]),
    'tooMany',
    'SCIM_MAX_VALUES',
  ],
  [
    'values PATCH operations add one by one',
    patchUser,
    patch(emails(L.maxValues - 1).map((e) => op('emails', [e]))),
    patch(emails(L.maxValues).map((e) => op('emails', [e]))),
    'tooMany',
    'SCIM_MAX_VALUES',
  ],
  [
    'values of an unknown extension attribute by PATCH path',
    patchUser,
    patch([op(`${CUSTOM}:tags`, keysList(L.maxValues), 'replace')]),
    patch([op(`${CUSTOM}:tags`, keysList(L.maxValues + 1), 'replace')]),
    'tooMany',
    'SCIM_MAX_VALUES',
  ],
  [
    'PATCH operations',
    patchUser,
    patch(Array.from({ length: L.maxOperations }, (_, i) => op('displayName', `d${i}`, 'replace'))),
    patch(Array.from({ length: L.maxOperations + 1 }, (_, i) => op('displayName', `d${i}`, 'replace'))),
    'tooMany',
    'SCIM_MAX_OPERATIONS',
  ],
  [
    'members of a POSTed group',
    postGroup,
    { displayName: 'g', members: members(L.maxMembersPerRequest) },
    { displayName: 'g', members: members(L.maxMembersPerRequest + 1) },
    'tooMany',
    'SCIM_MAX_MEMBERS_PER_REQUEST',
  ],
  [
    'members one PATCH operation adds',
    patchGroup,
    patch([op('members', members(L.maxMembersPerRequest))]),
    patch([op('members', members(L.maxMembersPerRequest + 1))]),
    'tooMany',
    'SCIM_MAX_MEMBERS_PER_REQUEST',
  ],
  [
    'members a PATCH names across operations',
    patchGroup,
    patch([op('members', members(L.maxMembersPerRequest - 2)), { op: 'remove', path: 'members[value eq "a" or value eq "b"]' }]),
    patch([op('members', members(L.maxMembersPerRequest - 2)), { op: 'remove', path: 'members[value eq "a" or value eq "b" or value eq "c"]' }]),
    'tooMany',
    'SCIM_MAX_MEMBERS_PER_REQUEST',
  ],
  // The body is the first level: {deep: nest(n)} has 1 + n levels of objects.
  ['nesting depth', postUser, { userName: 'u', deep: nest(L.maxDepth - 1) }, { userName: 'u', deep: nest(L.maxDepth) }, 'invalidSyntax', 'SCIM_MAX_DEPTH'],
  [
    'length of a value',
    postUser,
    { userName: 'u', title: 'x'.repeat(L.maxStringLength) },
    { userName: 'u', title: 'x'.repeat(L.maxStringLength + 1) },
    'invalidValue',
    'SCIM_MAX_STRING_LENGTH',
  ],
  [
    'length of a nested value',
    patchUser,
    patch([op('name.givenName', 'é'.repeat(L.maxStringLength))]),
    patch([op('name.givenName', 'é'.repeat(L.maxStringLength + 1))]),
    'invalidValue',
    'SCIM_MAX_STRING_LENGTH',
  ],
  [
    'length of an attribute name',
    postUser,
    { userName: 'u', ['k'.repeat(L.maxStringLength)]: 1 },
    { userName: 'u', ['k'.repeat(L.maxStringLength + 1)]: 1 },
    'invalidValue',
    'SCIM_MAX_STRING_LENGTH',
  ],
];

function keysList(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `t${i}`);
}

describe('SCIM request bounds (lib/env/scim-limits.ts), at their defaults', () => {
  it('has the documented defaults', () => {
    expect(L).toMatchObject({
      maxAttributes: 500,
      maxValues: 100,
      maxMembersPerRequest: 10_000,
      maxOperations: 200,
      maxDepth: 16,
      maxStringLength: 16_384,
      maxFilterLeaves: 100,
      maxResourceBytes: 65_536,
    });
  });

  it.each(cases)('%s: the largest accepted passes, one more is 400', (_, run, ok, over, scimType, setting) => {
    expect(() => run(ok)).not.toThrow();
    expect(() => run(over)).toThrow(expect.objectContaining({ status: 400, scimType, detail: expect.stringContaining(setting) }));
  });

  it('names the count and the bound in the detail', () => {
    expect(() => postUser({ userName: 'u', emails: emails(L.maxValues + 5) })).toThrow('Values of "emails": 105; the limit is 100 (SCIM_MAX_VALUES)');
    expect(() => patchUser(patch(Array.from({ length: 201 }, () => op('title', 'x'))))).toThrow(
      'PATCH operations: 201; the limit is 200 (SCIM_MAX_OPERATIONS)',
    );
  });
});
