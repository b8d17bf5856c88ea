// No SCIM request stalls the process (finding 1): while the largest request of each shape the default limits accept
// runs against the built app, /healthz keeps answering within 100 ms. /healthz is pinged back to back for the whole
// request; a shape passes when one of three tries keeps every answer under 100 ms (the machine is shared: a lone slow
// answer is noise, a stall in the app is in every try).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from '../../lib/env';
import { recordSecret } from '../setup/app-server';
import { MAX_FALLBACKS } from '../../lib/schemas/attribute-mapping';
import { api, newDirectory, scim, targets, type ScimDirectory } from './harness';
import { ensureHostFields } from './host-fields-fixture';

const L = env().scim;
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const unique = () => randomBytes(6).toString('hex');
const patch = (ops: unknown[]) => ({ schemas: [PATCH], Operations: ops });
const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1), b: n });

interface Shape {
  method: string;
  path: (userId: string) => string;
  body?: () => unknown;
  status: number;
}

const shapes: Record<string, Shape> = {
  'many keys (POST, the attribute limit)': {
    method: 'POST',
    path: () => '/Users',
    status: 201,
    body: () => ({
      schemas: [USER],
      userName: `keys-${unique()}@example.com`,
      ...Object.fromEntries(range(L.maxAttributes - 2).map((i) => [`attribute${i}`, `value ${i}`])),
    }),
  },
  'many keys (path-less PATCH)': {
    method: 'PATCH',
    path: (id) => `/Users/${id}`,
    status: 200,
    body: () => patch([{ op: 'add', value: Object.fromEntries(range(L.maxAttributes).map((i) => [`k${i}`, `v${i}`])) }]),
  },
  'many values (emails)': {
    method: 'POST',
    path: () => '/Users',
    status: 201,
    body: () => ({
      schemas: [USER],
      userName: `values-${unique()}@example.com`,
      emails: range(L.maxValues).map((i) => ({ value: `e${i}@example.com`, type: 'work' })),
    }),
  },
  'many operations, each filtering a full list': {
    method: 'PATCH',
    path: (id) => `/Users/${id}`,
    status: 200,
    body: () =>
      patch([
        { op: 'replace', path: 'emails', value: range(L.maxValues).map((i) => ({ value: `e${i}@example.com`, type: 'work' })) },
        ...range(L.maxOperations - 1).map((i) => ({
          op: 'replace',
          path: i % 2 ? 'emails[type eq "work"].value' : 'emails[type eq "work"]',
          value: i % 2 ? `z${i}@example.com` : { value: `z${i}@example.com`, type: 'work' },
        })),
      ]),
  },
  'deep nesting, many branches': {
    method: 'POST',
    path: () => '/Users',
    status: 201,
    body: () => ({ schemas: [USER], userName: `deep-${unique()}@example.com`, ...Object.fromEntries(range(120).map((i) => [`d${i}`, deep(L.maxDepth - 2)])) }),
  },
  'big filter (100 comparisons, LIKE wildcards)': {
    method: 'GET',
    status: 200,
    path: () =>
      `/Users?filter=${encodeURIComponent(
        range(L.maxFilterLeaves / 2)
          .map((i) => `emails[type eq "work" and value co "_${i}%"]`)
          .join(' or '),
      )}`,
  },
  'many values kept only in raw (phoneNumbers)': {
    method: 'POST',
    path: () => '/Users',
    status: 201,
    body: () => ({
      schemas: [USER],
      userName: `phones-${unique()}@example.com`,
      phoneNumbers: range(L.maxValues).map((i) => ({ value: `555-${i}`, type: 'work' })),
    }),
  },
  // Issue 18: no index behind these; every element of every user's array is read in the database.
  'big filter on raw JSON (100 comparisons over array elements, LIKE wildcards)': {
    method: 'GET',
    status: 200,
    path: () =>
      `/Users?filter=${encodeURIComponent(
        range(L.maxFilterLeaves / 2)
          .map((i) => `phoneNumbers[type eq "work" and value co "_${i}%"]`)
          .join(' or '),
      )}&sortBy=nickName`,
  },
  'long strings (a 1 MB PATCH)': {
    method: 'PATCH',
    path: (id) => `/Users/${id}`,
    status: 200,
    body: () => patch(range(60).map(() => ({ op: 'replace', path: 'title', value: 't'.repeat(L.maxStringLength) }))),
  },
  'many members named (10,000, a 1 MB POST)': {
    method: 'POST',
    path: () => '/Groups',
    status: 201,
    body: () => ({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `members-${unique()}`,
      members: range(L.maxMembersPerRequest).map((i) => ({ value: `usr_notamember${String(i).padStart(8, '0')}`, display: `Someone ${i}` })),
    }),
  },
};

/** The slowest /healthz answer while `work` runs, pinged back to back. */
async function slowestHealthz(baseUrl: string, work: () => Promise<void>): Promise<number> {
  let done = false;
  let slowest = 0;
  const ping = async () => {
    while (!done) {
      const t = performance.now();
      const r = await fetch(`${baseUrl}/healthz`);
      await r.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - t);
    }
  };
  const pinging = ping();
  await new Promise((r) => setTimeout(r, 30));
  try {
    await work();
  } finally {
    done = true;
    await pinging;
  }
  return slowest;
}

describe.each(targets())('bounded requests against $name', (t) => {
  let dir: ScimDirectory;
  let userId: string;

  beforeAll(async () => {
    dir = await newDirectory(t, 'generic');
    const r = await scim(dir, 'POST', '/Users', { body: { schemas: [USER], userName: `target-${unique()}@example.com` } });
    expect(r.status).toBe(201);
    userId = r.body.id;
    // A password through a PATCH path: its secret is recorded, so the log scan looks for it in the request log.
    const secret = `Pw-${randomBytes(12).toString('hex')}`;
    recordSecret(secret);
    expect((await scim(dir, 'PATCH', `/Users/${userId}`, { body: patch([{ op: 'replace', path: 'password', value: secret }]) })).status).toBe(200);
  });

  it.each(Object.entries(shapes))('%s: accepted, and /healthz answers within 100 ms meanwhile', async (_, shape) => {
    const tries: number[] = [];
    for (let i = 0; i < 3; i++) {
      let status = 0;
      tries.push(
        await slowestHealthz(t.baseUrl, async () => {
          const body = shape.body?.();
          status = (await scim(dir, shape.method, shape.path(userId), body === undefined ? {} : { body })).status;
        }),
      );
      expect(status).toBe(shape.status);
      if (tries.at(-1)! < 100) break;
    }
    expect(Math.min(...tries), `slowest /healthz answer of each try: ${tries.map((x) => x.toFixed(0)).join(', ')} ms`).toBeLessThan(100);
  });

  it('the worst accepted attribute mapping on a 64 KiB user: accepted, and /healthz answers within 100 ms meanwhile', async () => {
    await ensureHostFields(t);
    const schema = await (await api(t, 'GET', '/user-schema')).json();
    // Every field but the one host-fields.test.ts removes for a moment, each with the most sources accepted: value
    // filters over the user's full list of emails that match nothing, then the extension's own attribute.
    const keys = (schema.fields as { key: string }[]).map((f) => f.key).filter((k) => k !== 'seats');
    const sources = (k: string) => [
      ...range(MAX_FALLBACKS).map((i) => `emails[type eq "t${L.maxValues - 1 - i}" and value ew "@none"].value`),
      `${schema.schema}:${k}`,
    ];
    const mapped = await api(t, 'PUT', `/directories/${dir.directoryId}/attribute-mapping`, {
      fields: Object.fromEntries(keys.map((k) => [k, { sources: sources(k) }])),
    });
    expect(mapped.status, await mapped.clone().text()).toBe(200);
    const body = () => ({
      schemas: [USER],
      userName: `mapped-${unique()}@example.com`,
      emails: range(L.maxValues).map((i) => ({ value: `person.${i}@example.com`, type: `t${i}` })),
      [schema.schema]: Object.fromEntries(keys.map((k) => [k, 'not of its type'])),
      title: 'x'.repeat(L.maxStringLength - 1),
      nickName: 'y'.repeat(L.maxStringLength - 1),
      profileUrl: 'z'.repeat(L.maxStringLength - 1),
      userType: 'w'.repeat(L.maxResourceBytes - 3 * L.maxStringLength - 10_000),
    });
    expect(JSON.stringify(body()).length).toBeGreaterThan(L.maxResourceBytes - 8192);
    const tries: number[] = [];
    for (let i = 0; i < 3; i++) {
      let status = 0;
      tries.push(await slowestHealthz(t.baseUrl, async () => void (status = (await scim(dir, 'POST', '/Users', { body: body() })).status)));
      expect(status).toBe(201);
      if (tries.at(-1)! < 100) break;
    }
    expect(Math.min(...tries), `slowest /healthz answer of each try: ${tries.map((x) => x.toFixed(0)).join(', ')} ms`).toBeLessThan(100);
  });
});
