// Every Group PATCH in /work/shared/scim/idp-behaviour.md, request by request.
import { describe, it, expect } from 'vitest';
import { ScimError } from '../errors';
import { normalizeGroup } from '../resources/normalize-group';
import { GROUP_URN, PATCH_OP_URN, type ScimObject } from '../types';
import { applyPatch } from './apply-patch';
import { planGroupPatch } from './group-members';
import { parsePatchRequest } from './parse-patch';

const plan = (...ops: unknown[]) => planGroupPatch(parsePatchRequest({ schemas: [PATCH_OP_URN], Operations: ops }));

/** The membership plan as plain data: easier to compare. */
const members = (...ops: unknown[]) => {
  const m = plan(...ops).members;
  return { clear: m.clear, add: Object.fromEntries(m.add), remove: [...m.remove] };
};

const group: ScimObject = normalizeGroup({ schemas: [GROUP_URN], displayName: 'Old', externalId: 'e1' }).resource;
const renamed = (...ops: unknown[]) => normalizeGroup(applyPatch(group, plan(...ops).resourceOps, 'Group')).resource;

describe('planGroupPatch: membership', () => {
  it.each<[string, unknown[], ReturnType<typeof members>]>([
    [
      'Okta F6: remove members[value eq] then add members',
      [
        { op: 'remove', path: 'members[value eq "89bb"]' },
        { op: 'add', path: 'members', value: [{ value: '23a3', display: 'test.user@okta.local' }] },
      ],
      { clear: false, add: { '23a3': 'test.user@okta.local' }, remove: ['89bb'] },
    ],
    [
      'Okta F7: full push replace members',
      [
        {
          op: 'replace',
          path: 'members',
          value: [
            { value: 'a', display: 'A' },
            { value: 'b', display: 'B' },
          ],
        },
      ],
      { clear: true, add: { a: 'A', b: 'B' }, remove: [] },
    ],
    [
      'Entra 15: Add members with $ref null, several in one PATCH',
      [
        {
          op: 'Add',
          path: 'members',
          value: [
            { $ref: null, value: 'u1' },
            { $ref: null, value: 'u2' },
          ],
        },
      ],
      { clear: false, add: { u1: undefined, u2: undefined }, remove: [] },
    ],
    [
      'Entra 16 / §2.2 default: Remove members with a value array removes just those',
      [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: 'u1091' }] }],
      { clear: false, add: {}, remove: ['u1091'] },
    ],
    ['§2.2 flag: remove members[value eq "7f4b"]', [{ op: 'remove', path: 'members[value eq "7f4b"]' }], { clear: false, add: {}, remove: ['7f4b'] }],
    ['or-combined value eq filters', [{ op: 'remove', path: 'members[value eq "a" or value eq "b"]' }], { clear: false, add: {}, remove: ['a', 'b'] }],
    [
      'MS suite Groups 3: extra "name" key and displayName kept as display',
      [{ name: 'addMember', op: 'add', path: 'members', value: [{ displayName: 'new User', value: 'u9' }] }],
      { clear: false, add: { u9: 'new User' }, remove: [] },
    ],
    [
      'MS suite Groups 4: remove then add again',
      [
        { op: 'remove', path: 'members[value eq "u9"]' },
        { op: 'add', path: 'members', value: [{ value: 'u9' }] },
      ],
      { clear: false, add: { u9: undefined }, remove: [] },
    ],
    ['MS suite Groups 5: remove "members" without value removes all', [{ op: 'remove', path: 'members' }], { clear: true, add: {}, remove: [] }],
    [
      'MS suite garbage: add members as a bare string',
      [{ op: 'add', path: 'members', value: 'string id 1' }],
      { clear: false, add: { 'string id 1': undefined }, remove: [] },
    ],
    [
      'MS suite garbage: bare strings in an array',
      [{ op: 'add', path: 'members', value: ['string id 1', 'string id 2'] }],
      { clear: false, add: { 'string id 1': undefined, 'string id 2': undefined }, remove: [] },
    ],
    [
      'validator preview: add a member then remove it in one request',
      [
        { op: 'add', path: 'members', value: [{ value: 'u1' }] },
        { op: 'remove', path: 'members[value eq "u1"]' },
      ],
      { clear: false, add: {}, remove: ['u1'] },
    ],
    [
      'remove all, then add',
      [
        { op: 'add', path: 'members', value: [{ value: 'x' }] },
        { op: 'remove', path: 'members' },
        { op: 'add', path: 'members', value: [{ value: 'y' }] },
      ],
      { clear: true, add: { y: undefined }, remove: [] },
    ],
    ['path-less add with members in the value', [{ op: 'add', value: { members: [{ value: 'u1' }] } }], { clear: false, add: { u1: undefined }, remove: [] }],
    [
      'path-less replace with members in the value',
      [{ op: 'replace', value: { Members: [{ value: 'u1' }], displayName: 'X' } }],
      { clear: true, add: { u1: undefined }, remove: [] },
    ],
    [
      'URN-qualified members path',
      [{ op: 'add', path: `${GROUP_URN}:members`, value: [{ value: 'u1' }] }],
      { clear: false, add: { u1: undefined }, remove: [] },
    ],
    [
      'a later add without display keeps an earlier display',
      [
        { op: 'add', path: 'members', value: [{ value: 'u1', display: 'U' }] },
        { op: 'add', path: 'members', value: ['u1'] },
      ],
      { clear: false, add: { u1: 'U' }, remove: [] },
    ],
    ['remove with an empty value array removes nothing', [{ op: 'remove', path: 'members', value: [] }], { clear: false, add: {}, remove: [] }],
  ])('%s', (_, ops, expected) => {
    expect(members(...ops)).toEqual(expected);
  });

  it('membership ops never reach resourceOps', () => {
    expect(plan({ op: 'add', path: 'members', value: ['u'] }, { op: 'remove', path: 'members' }).resourceOps).toEqual([]);
  });
});

describe('planGroupPatch: resource ops', () => {
  it.each<[string, unknown[], ScimObject]>([
    [
      'Okta F5: rename with id in the value (id ignored)',
      [{ op: 'replace', value: { id: 'grp_1', displayName: 'New' } }],
      { displayName: 'New', externalId: 'e1' },
    ],
    ['Entra 14: Replace displayName', [{ op: 'Replace', path: 'displayName', value: 'Renamed' }], { displayName: 'Renamed' }],
    ['validator 10: path-less replace externalId', [{ op: 'replace', value: { externalId: 'e2' } }], { externalId: 'e2', displayName: 'Old' }],
    ['validator 10: path-less replace displayName', [{ op: 'replace', value: { displayName: 'D2' } }], { displayName: 'D2' }],
    [
      'Okta F5 + F6 in one request',
      [
        { op: 'replace', value: { id: 'grp_1', displayName: 'New' } },
        { op: 'add', path: 'members', value: [{ value: 'u' }] },
      ],
      { displayName: 'New' },
    ],
    ['path-less replace with members and displayName', [{ op: 'replace', value: { members: [], displayName: 'Both' } }], { displayName: 'Both' }],
  ])('%s', (_, ops, expected) => {
    const out = renamed(...ops);
    expect(out).toMatchObject(expected);
    expect(out).not.toHaveProperty('id');
    expect(out).not.toHaveProperty('members');
  });
});

describe('planGroupPatch: errors', () => {
  it.each<[string, unknown[], string]>([
    ['members filter on display', [{ op: 'remove', path: 'members[display eq "x"]' }], 'invalidFilter'],
    ['members filter with co', [{ op: 'remove', path: 'members[value co "x"]' }], 'invalidFilter'],
    ['members filter with and', [{ op: 'remove', path: 'members[value eq "x" and type eq "User"]' }], 'invalidFilter'],
    ['add with a members filter', [{ op: 'add', path: 'members[value eq "x"]', value: { display: 'x' } }], 'invalidPath'],
    ['members sub-attribute', [{ op: 'replace', path: 'members.display', value: 'x' }], 'invalidPath'],
    ['member without value', [{ op: 'add', path: 'members', value: [{ display: 'x' }] }], 'invalidValue'],
    ['member value not a string', [{ op: 'add', path: 'members', value: [{ value: 5 }] }], 'invalidValue'],
  ])('%s → 400 %s', (_, ops, scimType) => {
    let error: unknown;
    try {
      plan(...ops);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType });
  });

  it.each<[string, unknown[], string]>([
    ['unknown Group attribute', [{ op: 'replace', path: 'foo', value: 'x' }], 'invalidPath'],
    ['removing displayName (re-normalised)', [{ op: 'remove', path: 'displayName' }], 'invalidValue'],
  ])('%s → 400 %s', (_, ops, scimType) => {
    expect(() => renamed(...ops)).toThrow(expect.objectContaining({ status: 400, scimType }));
  });
});
