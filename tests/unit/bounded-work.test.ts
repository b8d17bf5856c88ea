// Work per SCIM request is linear in what the request holds: the largest accepted input of each shape (at the
// default limits, lib/env/scim-limits.ts) against ten inputs a tenth its size, through what the endpoints run (parse, bounds,
// normalise, plan, apply a PATCH, compile a filter). Linear work gives a ratio near 1; a lookup that scans what came
// before (finding 1: 10,000 keys took 10 s) gives ~10. Timings are the fastest of several runs (the machine is shared).
import { describe, expect, it } from 'vitest';
import { env } from '../../lib/env';
import { MAX_BODY_BYTES } from '../../lib/scim/body-limits';
import { parseFilter } from '../../lib/scim/filter/parse';
import { sqlite } from '../../lib/db/dialect';
import { USER_ATTRS } from '../../lib/scim/filter/resource-attrs';
import { filterToSql } from '../../lib/scim/filter/to-sql';
import { parseJsonObject } from '../../lib/scim/json-body';
import { applyPatch } from '../../lib/scim/patch/apply-patch';
import { planGroupPatch } from '../../lib/scim/patch/group-members';
import { parsePatchRequest } from '../../lib/scim/patch/parse-patch';
import { normalizeGroup } from '../../lib/scim/resources/normalize-group';
import { normalizeUser } from '../../lib/scim/resources/normalize-user';
import { ENTERPRISE_USER_URN, PATCH_OP_URN } from '../../lib/scim/types';

const L = env().scim;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const base = normalizeUser({ userName: 'bjensen', emails: [{ value: 'b@example.org', type: 'home' }] });
const patch = (ops: unknown[]) => JSON.stringify({ schemas: [PATCH_OP_URN], Operations: ops });

const postUser = (body: string) => normalizeUser(parseJsonObject({ body }));
const patchUser = (body: string) => normalizeUser(applyPatch(base, parsePatchRequest(parseJsonObject({ body })), 'User'));

/** A shape: the request at `size` (1 is the largest accepted; 0.1 a tenth of it) and what the server runs on it. */
interface Shape {
  body: (size: number) => string;
  run: (body: string) => unknown;
}

const shapes: Record<string, Shape> = {
  'many keys (POST)': {
    body: (s) => JSON.stringify({ userName: 'u', ...Object.fromEntries(range(L.maxAttributes * s - 1).map((i) => [`k${i}`, 'v'])) }),
    run: postUser,
  },
  'many keys (path-less PATCH add)': {
    body: (s) => patch([{ op: 'add', value: Object.fromEntries(range(L.maxAttributes * s).map((i) => [`k${i}`, 'v'])) }]),
    run: patchUser,
  },
  'many keys in many objects, up to the stored size': {
    body: (s) =>
      JSON.stringify({
        userName: 'u',
        ...Object.fromEntries(range(12 * s).map((o) => [`o${o}`, Object.fromEntries(range(L.maxAttributes).map((i) => [`k${i}`, i]))])),
      }),
    run: postUser,
  },
  'many values (POST emails)': {
    body: (s) => JSON.stringify({ userName: 'u', emails: range(L.maxValues * s).map((i) => ({ value: `e${i}@example.com`, type: 'work' })) }),
    run: postUser,
  },
  'many operations (PATCH replace)': {
    body: (s) => patch(range(L.maxOperations * s).map((i) => ({ op: 'replace', path: 'displayName', value: `d${i}` }))),
    run: patchUser,
  },
  'many operations adding values one by one': {
    body: (s) =>
      patch(range(L.maxOperations * s).map((i) => ({ op: 'add', path: 'emails', value: [{ value: `e${i % (L.maxValues - 1)}@example.com`, type: 'work' }] }))),
    run: patchUser,
  },
  'many members (PATCH add)': {
    body: (s) => patch([{ op: 'add', path: 'members', value: range(L.maxMembersPerRequest * s).map((i) => ({ value: `usr_${i}`, display: `User ${i}` })) }]),
    run: (body) => planGroupPatch(parsePatchRequest(parseJsonObject({ body }))),
  },
  'many members (POST group)': {
    body: (s) => JSON.stringify({ displayName: 'g', members: range(L.maxMembersPerRequest * s).map((i) => ({ value: `usr_${i}` })) }),
    run: (body) => normalizeGroup(parseJsonObject({ body })),
  },
  'deep nesting, many branches': {
    body: (s) => {
      const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1), b: n });
      return JSON.stringify({ userName: 'u', ...Object.fromEntries(range(300 * s).map((i) => [`d${i}`, deep(L.maxDepth - 2)])) });
    },
    run: postUser,
  },
  'long strings, up to the stored size': {
    body: (s) =>
      JSON.stringify({ userName: 'u', [ENTERPRISE_USER_URN]: Object.fromEntries(range(3).map((i) => [`s${i}`, 'x'.repeat(L.maxStringLength * s)])) }),
    run: postUser,
  },
  'long strings, up to the body limit (a PATCH replacing one attribute)': {
    body: (s) => patch(range(60 * s).map(() => ({ op: 'replace', path: 'title', value: 'x'.repeat(L.maxStringLength) }))),
    run: patchUser,
  },
  'big filters (parse and compile)': {
    body: (s) =>
      range((L.maxFilterLeaves / 2) * s)
        .map((i) => `emails[type eq "work" and value co "@x${i}"]`)
        .join(' or '),
    run: (filter) => filterToSql(parseFilter(filter), { attrs: USER_ATTRS, alias: 'u', directoryId: 'dir_1', dialect: sqlite }),
  },
};

/** Fastest of `runs` timings of `fn`, in ms. */
function fastest(fn: () => void, runs = 11): number {
  fn(); // warm up
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('bounded work per SCIM request: the largest accepted input of each shape costs what ten tenths do', () => {
  it.each(Object.entries(shapes))('%s', (_, { body, run }) => {
    const largest = body(1);
    const tenth = body(0.1);
    expect(largest.length, 'the largest input fits the body limit').toBeLessThanOrEqual(MAX_BODY_BYTES);
    run(largest); // accepted
    const big = fastest(() => run(largest));
    const small = fastest(() => {
      for (let i = 0; i < 10; i++) run(tenth);
    });
    // Linear: ~1 (up to ~4 when a collection pause lands in the big run on a busy machine). A scan per key or
    // value: ~10. Below 0.2 ms the clock's resolution decides, not the work.
    expect(big / Math.max(small, 0.2), `largest ${big.toFixed(2)} ms, ten tenths ${small.toFixed(2)} ms`).toBeLessThan(6);
  });

  it('operations × values: every operation filters a full list (the product of two limits), within 150 ms', () => {
    const ops = [
      { op: 'add', path: 'emails', value: range(L.maxValues - 1).map((i) => ({ value: `e${i}@example.com`, type: 'work' })) },
      ...range(L.maxOperations - 1).map((i) => ({
        op: 'replace',
        path: i % 2 ? 'emails[type eq "work"].value' : 'emails[type eq "work"]',
        value: i % 2 ? `z${i}@example.com` : { value: `z${i}@example.com`, type: 'work' },
      })),
    ];
    const body = patch(ops);
    patchUser(body);
    const ms = fastest(() => patchUser(body), 3);
    expect(ms).toBeLessThan(150);
  });
});
