import { describe, it, expect } from 'vitest';
import { ScimError } from '../errors';
import { GROUP_URN } from '../types';
import { normalizeGroup } from './normalize-group';

const ADSCIM = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

describe('normalizeGroup', () => {
  it('Okta §1.4 F1 create with empty members', () => {
    expect(normalizeGroup({ schemas: [GROUP_URN], displayName: 'Test SCIMv2', members: [] })).toEqual({
      resource: { schemas: [GROUP_URN], displayName: 'Test SCIMv2' },
      members: [],
    });
  });

  it('Entra §2.1 step 11: unknown ADSCIM schema kept, meta ignored, externalId kept', () => {
    const out = normalizeGroup({
      schemas: [GROUP_URN, ADSCIM],
      externalId: '8aa1',
      displayName: 'displayName',
      meta: { resourceType: 'Group' },
    });
    expect(out.resource).toEqual({ schemas: [GROUP_URN, ADSCIM], externalId: '8aa1', displayName: 'displayName' });
  });

  it('members: objects with $ref null, displayName alias, bare strings, duplicates', () => {
    const out = normalizeGroup({
      DisplayName: 'G',
      Members: [{ $ref: null, value: 'u1', type: 'User' }, { displayName: 'new User', Value: 'u2' }, 'string id 1', { value: 'u1', display: 'Later' }, null],
    });
    expect(out.resource).toEqual({ schemas: [GROUP_URN], displayName: 'G' });
    expect(out.members).toEqual([{ value: 'u1', display: 'Later' }, { value: 'u2', display: 'new User' }, { value: 'string id 1' }]);
  });

  it('Microsoft suite Groups 2: PUT with two members', () => {
    const out = normalizeGroup({ schemas: [GROUP_URN], displayName: 'G2', members: [{ value: 'a' }, { value: 'b' }] });
    expect(out.members.map((m) => m.value)).toEqual(['a', 'b']);
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'invalidSyntax'],
    ['no displayName', { schemas: [GROUP_URN] }, 'invalidValue'],
    ['displayName not a string', { displayName: 3 }, 'invalidValue'],
    ['empty displayName', { displayName: '' }, 'invalidValue'],
    ['member without value', { displayName: 'G', members: [{ display: 'x' }] }, 'invalidValue'],
    ['member value a number', { displayName: 'G', members: [{ value: 1 }] }, 'invalidValue'],
  ])('%s → 400 %s', (_, body, scimType) => {
    expect(() => normalizeGroup(body)).toThrow(ScimError);
    try {
      normalizeGroup(body);
    } catch (e) {
      expect(e).toMatchObject({ status: 400, scimType });
    }
  });
});
