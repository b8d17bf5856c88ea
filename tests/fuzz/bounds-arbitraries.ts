// Requests at the bounds of lib/env/scim-limits.ts, at their defaults: just under, at and just over each one (many keys,
// many values, many operations, deep nesting, long strings, many members, a resource near its stored size), alone or
// mixed, on Users and Groups. Every one must be answered below 500, and a refused one must change nothing.
import fc from 'fast-check';
import { GROUP_URN, PATCH_URN, USER_URN, type GenRequest, type Json } from './scim-arbitraries';

const LIMITS = { attributes: 500, values: 100, operations: 500, depth: 16, string: 16_384, members: 10_000, resourceBytes: 65_536 };

/** A count around a bound: just under, at, just over, or anywhere up to half again. */
const around = (bound: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: bound - 2, max: bound + 2 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: Math.ceil(bound * 1.5) }) },
  );

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const userName = fc.integer({ min: 0, max: 1_000_000 }).map((n) => `bounds-${n}@example.com`);

/** Keys, sometimes differing only in case (the index must keep the first one a lookup finds). */
const manyKeys = fc
  .tuple(around(LIMITS.attributes), fc.boolean())
  .map(([n, cased]) => Object.fromEntries(range(n).map((i) => [cased && i % 2 ? `K${i >> 1}` : `k${i >> (cased ? 1 : 0)}`, i % 7 === 0 ? null : `v${i}`])));
const manyValues = around(LIMITS.values).map((n) => range(n).map((i) => ({ value: `e${i}@example.com`, type: i % 3 ? 'work' : 'home', primary: i === n - 1 })));
const nested = around(LIMITS.depth).map((depth) => {
  let v: Json = 'leaf';
  for (let i = 0; i < depth - 1; i++) v = { a: v };
  return v;
});
const longString = fc.tuple(around(LIMITS.string), fc.constantFrom('x', 'é', '😀')).map(([n, ch]) => ch.repeat(Math.max(0, Math.floor(n / ch.length))));
/** Attributes (each under the string bound) that put the user just under or over its stored-size bound. */
const nearStoredSize = fc.integer({ min: -300, max: 100 }).map((d): Record<string, Json> => {
  const total = LIMITS.resourceBytes - 100 + d;
  return Object.fromEntries(range(Math.ceil(total / 16_000)).map((i) => [`fill${i}`, 'x'.repeat(Math.min(16_000, total - i * 16_000))]));
});

const userBody = fc
  .tuple(userName, fc.constantFrom('keys', 'values', 'depth', 'string', 'stored', 'unknownValues'), manyKeys, manyValues, nested, longString, nearStoredSize)
  .map(([name, shape, keys, values, deep, str, stored]): Record<string, Json> => {
    const base: Record<string, Json> = { schemas: [USER_URN], userName: name };
    if (shape === 'keys') return { ...keys, ...base };
    if (shape === 'values') return { ...base, emails: values };
    if (shape === 'unknownValues') return { ...base, tags: values.map((v) => v.value) };
    if (shape === 'depth') return { ...base, deep };
    if (shape === 'string') return { ...base, title: str };
    return { ...base, ...stored };
  });

const members = around(LIMITS.members).map((n) => range(n).map((i) => ({ value: i % 50 ? `usr_fuzz${i}` : `@user:${i}` })));

/** Operations that touch the resource, mixed: the PATCH work bound is operations × values. */
const opOfKind = (kind: number, i: number): Record<string, Json> => {
  switch (kind % 6) {
    case 0:
      return { op: 'replace', path: 'displayName', value: `d${i}` };
    case 1:
      return { op: 'add', path: 'emails', value: [{ value: `o${i % 120}@example.com`, type: 'work' }] };
    case 2:
      return { op: 'replace', path: 'emails[type eq "work"].value', value: `w${i}@example.com` };
    case 3:
      return { op: 'remove', path: `emails[value eq "o${i % 120}@example.com"]` };
    case 4:
      return { op: 'add', value: { [`k${i % 600}`]: i, nickName: `n${i}` } };
    default:
      return { op: 'remove', path: 'title' };
  }
};
const manyOps = fc.tuple(around(LIMITS.operations), fc.nat(5), fc.boolean()).map(([n, kind, mixed]) => range(n).map((i) => opOfKind(mixed ? i : kind, i)));
const memberOps = fc
  .tuple(around(LIMITS.operations), fc.nat(40))
  .map(([n, u]) =>
    range(n).map((i): Record<string, Json> =>
      i % 2 ? { op: 'remove', path: `members[value eq "usr_gone${i}"]` } : { op: 'add', path: 'members', value: [{ value: `@user:${(u + i) % 41}` }] },
    ),
  );
const patch = (ops: Json[]) => JSON.stringify({ schemas: [PATCH_URN], Operations: ops });

/** (7) requests at the bounds. */
export const boundsRequest: fc.Arbitrary<GenRequest> = fc.oneof(
  { weight: 4, arbitrary: userBody.map((b) => ({ method: 'POST', path: ['Users'], body: JSON.stringify(b) })) },
  { weight: 2, arbitrary: fc.tuple(userBody, fc.nat(40)).map(([b, u]) => ({ method: 'PUT', path: ['Users', `@user:${u}`], body: JSON.stringify(b) })) },
  { weight: 3, arbitrary: fc.tuple(manyOps, fc.nat(40)).map(([ops, u]) => ({ method: 'PATCH', path: ['Users', `@user:${u}`], body: patch(ops) })) },
  { weight: 1, arbitrary: fc.tuple(memberOps, fc.nat(40)).map(([ops, g]) => ({ method: 'PATCH', path: ['Groups', `@group:${g}`], body: patch(ops) })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(members, fc.integer({ min: 0, max: 1_000_000 }))
      .map(([m, n]) => ({ method: 'POST', path: ['Groups'], body: JSON.stringify({ schemas: [GROUP_URN], displayName: `Bounds ${n}`, members: m }) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(members, fc.nat(40))
      .map(([m, g]) => ({ method: 'PATCH', path: ['Groups', `@group:${g}`], body: patch([{ op: 'replace', path: 'members', value: m }]) })),
  },
);
