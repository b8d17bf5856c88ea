// The request shapes Okta and Entra send (../shared/scim/idp-behaviour.md), each as a request per number.
import type { ShapeApp } from './app';
import { oktaUser, scim } from './seed';

const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const q = (s: string) => encodeURIComponent(s);

interface Req {
  method: string;
  path: string;
  body?: string;
}

export interface Shape {
  name: string;
  /** A share of --amount (slow shapes run fewer requests). */
  scale?: number;
  /** Run before each measured run (not measured), e.g. to create the users a DELETE run removes. */
  prepare?: (app: ShapeApp, n: number) => Promise<void>;
  request: (app: ShapeApp, i: number) => Req;
}

const pick = <T>(list: T[], i: number): T => list[(i * 7919) % list.length];
let run = 0;
const deletable = new Map<string, string[]>();

export const SHAPES: Shape[] = [
  { name: 'GET /Users/{id}', request: (a, i) => ({ method: 'GET', path: `/Users/${pick(a.data.userIds, i)}` }) },
  {
    name: 'GET userName eq',
    request: (a, i) => ({ method: 'GET', path: `/Users?filter=${q(`userName eq "${pick(a.data.userNames, i)}"`)}&startIndex=1&count=100` }),
  },
  { name: 'GET externalId eq', request: (a, i) => ({ method: 'GET', path: `/Users?filter=${q(`externalId eq "${pick(a.data.externalIds, i)}"`)}` }) },
  {
    name: 'GET emails[type eq work].value eq',
    request: (a, i) => ({ method: 'GET', path: `/Users?filter=${q(`emails[type eq "work"].value eq "${pick(a.data.userNames, i)}"`)}` }),
  },
  { name: 'GET emails.value eq', request: (a, i) => ({ method: 'GET', path: `/Users?filter=${q(`emails.value eq "${pick(a.data.userNames, i)}"`)}` }) },
  { name: 'GET title eq (page of 50)', scale: 0.3, request: () => ({ method: 'GET', path: `/Users?filter=${q('title eq "Engineer"')}&count=50` }) },
  {
    name: 'GET /Users page of 50',
    scale: 0.5,
    request: (a, i) => ({ method: 'GET', path: `/Users?startIndex=${1 + ((i * 50) % Math.max(1, a.data.userIds.length - 50))}&count=50` }),
  },
  {
    name: 'GET /Users page of 100 (Okta)',
    scale: 0.3,
    request: (a, i) => ({ method: 'GET', path: `/Users?startIndex=${1 + ((i * 100) % Math.max(1, a.data.userIds.length - 100))}&count=100` }),
  },
  {
    name: 'GET /Groups displayName eq (Entra)',
    request: (a, i) => ({ method: 'GET', path: `/Groups?excludedAttributes=members&filter=${q(`displayName eq "${pick(a.data.groupNames, i)}"`)}` }),
  },
  {
    name: 'GET /Groups displayName eq (Okta)',
    request: (a, i) => ({ method: 'GET', path: `/Groups?filter=${q(`displayName eq "${pick(a.data.groupNames.slice(2), i)}"`)}&startIndex=1&count=100` }),
  },
  { name: 'GET /Groups/{id} no members', request: (a, i) => ({ method: 'GET', path: `/Groups/${pick(a.data.groupIds, i)}?excludedAttributes=members` }) },
  { name: 'GET /Groups/{id} 10 members', request: (a) => ({ method: 'GET', path: `/Groups/${a.data.smallGroupId}` }) },
  { name: 'GET /Groups/{id} big group', scale: 0.02, request: (a) => ({ method: 'GET', path: `/Groups/${a.data.bigGroupId}` }) },
  { name: 'GET /Groups page of 100 (Okta)', scale: 0.05, request: () => ({ method: 'GET', path: '/Groups?startIndex=1&count=100' }) },
  {
    name: 'PUT /Users/{id}',
    request: (a, i) => {
      const n = (i * 7919) % a.data.userIds.length;
      return {
        method: 'PUT',
        path: `/Users/${a.data.userIds[n]}`,
        body: JSON.stringify({ ...oktaUser(n), name: { givenName: `G${i}`, familyName: `Family${n}` } }),
      };
    },
  },
  {
    name: 'PATCH /Users/{id} active',
    request: (a, i) => ({
      method: 'PATCH',
      path: `/Users/${pick(a.data.userIds, i)}`,
      body: JSON.stringify({ schemas: [PATCH_URN], Operations: [{ op: 'replace', value: { active: i % 2 === 0 } }] }),
    }),
  },
  {
    name: 'PATCH /Groups/{id} add+remove',
    request: (a, i) => {
      const id = a.data.spareUserIds[Math.floor(i / 2) % a.data.spareUserIds.length];
      const op = i % 2 === 0 ? { op: 'add', path: 'members', value: [{ value: id, display: id }] } : { op: 'remove', path: `members[value eq "${id}"]` };
      return { method: 'PATCH', path: `/Groups/${a.data.smallGroupId}`, body: JSON.stringify({ schemas: [PATCH_URN], Operations: [op] }) };
    },
  },
  {
    name: 'PATCH /Groups/{id} rename',
    request: (a, i) => ({
      method: 'PATCH',
      path: `/Groups/${a.data.groupIds[49]}`,
      body: JSON.stringify({ schemas: [PATCH_URN], Operations: [{ op: 'replace', path: 'displayName', value: `Renamed ${i % 2}` }] }),
    }),
  },
  {
    name: 'POST /Users',
    scale: 0.5,
    request: (_a, i) => ({ method: 'POST', path: '/Users', body: JSON.stringify(oktaUser(i, `post${run}x`)) }),
    prepare: async () => void run++,
  },
  {
    name: 'DELETE /Users/{id}',
    scale: 0.1,
    prepare: async (a, n) => {
      run++;
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(String((await scim(a, 'POST', '/Users', oktaUser(i, `del${run}x`))).id));
      deletable.set(a.label, ids);
    },
    request: (a, i) => ({ method: 'DELETE', path: `/Users/${deletable.get(a.label)![i]}` }),
  },
];
