import { describe, it, expect } from 'vitest';
import { ScimError } from '../errors';
import { PATCH_OP_URN } from '../types';
import { parsePatchRequest } from './parse-patch';

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations });

describe('parsePatchRequest', () => {
  it('Entra default job: op in any case, path parsed, "False" value kept for applyPatch to coerce', () => {
    const ops = parsePatchRequest(
      patch(
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Remove', path: 'members[value eq "u1"]' },
        { op: 'ADD', path: 'nickName', value: 'Babs' },
      ),
    );
    expect(ops.map((o) => o.op)).toEqual(['replace', 'remove', 'add']);
    expect(ops[0]).toMatchObject({ path: { path: { attr: 'active' } }, pathText: 'active', value: 'False' });
    expect(ops[1].path?.filter).toMatchObject({ kind: 'compare', op: 'eq', value: 'u1' });
  });

  it('Okta §1.4 E: path-less replace', () => {
    expect(parsePatchRequest(patch({ op: 'replace', value: { active: false } }))).toEqual([{ op: 'replace', value: { active: false } }]);
  });

  it('Microsoft suite Groups 3: extra "name" key tolerated', () => {
    const ops = parsePatchRequest(patch({ name: 'addMember', op: 'add', path: 'members', value: [{ displayName: 'new User', value: 'u' }] }));
    expect(ops[0]).toMatchObject({ op: 'add', pathText: 'members' });
  });

  it('URN-qualified enterprise path', () => {
    const [op] = parsePatchRequest(patch({ op: 'replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager', value: 'm' }));
    expect(op.path?.path).toEqual({ uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attr: 'manager' });
  });

  it('a null value is accepted (Logic App null update)', () => {
    expect(parsePatchRequest(patch({ op: 'replace', path: 'title', value: null }))[0].value).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ['body not an object', [], 'invalidSyntax'],
    ['no schemas', { Operations: [{ op: 'add', path: 'title', value: 'x' }] }, 'invalidSyntax'],
    [
      'wrong schema (SAP scimono)',
      { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], Operations: [{ op: 'add', path: 'title', value: 'x' }] },
      'invalidSyntax',
    ],
    ['no Operations', { schemas: [PATCH_OP_URN] }, 'invalidSyntax'],
    ['empty Operations', patch(), 'invalidSyntax'],
    ['Operations not an array', { schemas: [PATCH_OP_URN], Operations: {} }, 'invalidSyntax'],
    ['operation not an object', patch('add'), 'invalidSyntax'],
    ['unknown op', patch({ op: 'move', path: 'title', value: 'x' }), 'invalidSyntax'],
    ['remove without path', patch({ op: 'remove' }), 'noTarget'],
    ['add without value', patch({ op: 'add', path: 'title' }), 'invalidValue'],
    ['replace without value', patch({ op: 'replace' }), 'invalidValue'],
    ['path not a string', patch({ op: 'add', path: 5, value: 'x' }), 'invalidPath'],
    ['unparsable path', patch({ op: 'add', path: 'emails[type eq', value: 'x' }), 'invalidPath'],
  ])('%s → 400 %s', (_, body, scimType) => {
    let error: unknown;
    try {
      parsePatchRequest(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType });
  });
});
