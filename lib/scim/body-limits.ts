// One pass over a parsed SCIM body, before anything reads it: every bound on its shape (lib/env/scim-limits.ts) and
// text the databases can store. Iterative, so a deep body cannot exhaust the stack; linear in the body's size.
import { env, type ScimLimits } from '../env';
import { isSafeText } from '../safe-text';
import { badRequest } from './errors';

/** A SCIM request body is read up to this many bytes, while streaming; larger is 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Where a value stands: the body, one of its attributes, a PATCH operation, one of an operation's fields, deeper. */
type Place = 'body' | 'top' | 'operation' | 'field' | 'inside';

const n = (x: number) => x.toLocaleString('en-US');

/** 400 tooMany naming what was counted, the count, the bound and its setting. */
export function tooMany(what: string, count: number, max: number, setting: string) {
  return badRequest('tooMany', `${what}: ${n(count)}; the limit is ${n(max)} (${setting})`);
}

/** An array's bound: PATCH's Operations, a member list, or (any other) an attribute's values. */
function arrayBound(key: string, place: Place, limits: ScimLimits): [what: string, max: number, setting: string] {
  const k = key.toLowerCase();
  if (place === 'top' && k === 'operations') return ['PATCH operations', limits.maxOperations, 'SCIM_MAX_OPERATIONS'];
  // An operation's value may be a member list (path "members"); other targets are held to SCIM_MAX_VALUES
  // when the value is applied (normalize-value.ts).
  if (k === 'members' || (place === 'field' && k === 'value')) {
    return [`Values of "${key}"`, Math.max(limits.maxMembersPerRequest, limits.maxValues), 'SCIM_MAX_MEMBERS_PER_REQUEST'];
  }
  return [`Values of "${key}"`, limits.maxValues, 'SCIM_MAX_VALUES'];
}

const CHILD_OF: Record<Place, Place> = { body: 'top', top: 'inside', operation: 'field', field: 'inside', inside: 'inside' };

function checkString(s: string, what: string, limits: ScimLimits): void {
  if (s.length > limits.maxStringLength) {
    throw badRequest('invalidValue', `${what} is ${n(s.length)} characters long; the limit is ${n(limits.maxStringLength)} (SCIM_MAX_STRING_LENGTH)`);
  }
  if (!isSafeText(s)) throw badRequest('invalidValue', 'The request body holds a NUL character or an unpaired UTF-16 surrogate');
}

/** Throws ScimError 400 (invalidSyntax, invalidValue, tooMany) naming the bound a body exceeds. */
export function checkBodyShape(body: unknown, limits: ScimLimits = env().scim): void {
  const stack: [value: unknown, depth: number, key: string, place: Place][] = [[body, 0, '', 'body']];
  while (stack.length > 0) {
    const [v, depth, key, place] = stack.pop()!;
    if (typeof v === 'string') {
      checkString(v, `The value of "${key}"`, limits);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) {
      throw badRequest('invalidSyntax', `The request body nests deeper than ${limits.maxDepth} levels (SCIM_MAX_DEPTH)`);
    }
    if (Array.isArray(v)) {
      const [what, max, setting] = arrayBound(key, place, limits);
      if (v.length > max) throw tooMany(what, v.length, max, setting);
      const element: Place = place === 'top' && key.toLowerCase() === 'operations' ? 'operation' : 'inside';
      for (const item of v) stack.push([item, depth + 1, key, element]);
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > limits.maxAttributes) {
      throw tooMany(`Attributes of ${place === 'body' ? 'the request body' : `"${key}"`}`, keys.length, limits.maxAttributes, 'SCIM_MAX_ATTRIBUTES');
    }
    for (const k of keys) {
      checkString(k, 'An attribute name', limits);
      stack.push([(v as Record<string, unknown>)[k], depth + 1, k, CHILD_OF[place]]);
    }
  }
}

/** Values of one multi-valued attribute, as applied to a resource (members are rows, bounded per request instead). */
export function checkValueCount(label: string, count: number, limits: ScimLimits = env().scim): void {
  if (count > limits.maxValues) throw tooMany(`Values of "${label}"`, count, limits.maxValues, 'SCIM_MAX_VALUES');
}

/** Group members one request names: a POST or PUT's list, or all of a PATCH's member operations together. */
export function checkMemberCount(count: number, limits: ScimLimits = env().scim): void {
  if (count > limits.maxMembersPerRequest) {
    throw tooMany('Members named in one request', count, limits.maxMembersPerRequest, 'SCIM_MAX_MEMBERS_PER_REQUEST');
  }
}
