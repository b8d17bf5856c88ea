// Host API additions of issue 20, through the route handlers on a real database: an organization's externalId is
// unique per host (also under concurrent creates) and a lookup key, PATCH renames, directories created and deleted
// emit their events with audit entries, roles are edited and deleted (users lose the role, with events).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listOrgs, POST as postOrg } from '../../app/api/v1/organizations/route';
import { DELETE as deleteOrg, PATCH as patchOrg } from '../../app/api/v1/organizations/[orgId]/route';
import { POST as postDirectory } from '../../app/api/v1/organizations/[orgId]/directories/route';
import { DELETE as deleteDirectory, PATCH as patchDirectory } from '../../app/api/v1/directories/[dirId]/route';
import { PUT as putMappings } from '../../app/api/v1/directories/[dirId]/role-mappings/route';
import { POST as postRole } from '../../app/api/v1/roles/route';
import { DELETE as deleteRole, GET as getRole, PATCH as patchRole } from '../../app/api/v1/roles/[roleKey]/route';
import { write } from '../../lib/db/database';
import { createApiKey } from '../../lib/host-api/api-keys';
import { call, user } from './scim-helpers';
import { countOf, firstOf, newHost, rowsOf } from './db-rows';

process.env.RATE_LIMITS = 'off';

type Handler = (req: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>;
let key: string;
let otherKey: string;
let keyId: string;

async function api(handler: Handler, method: string, path: string, body?: unknown, params: Record<string, string> = {}, k = key) {
  const res = await handler(
    new Request(`http://x/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const ext = () => `cust-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  const created = await write((env) => createApiKey(env, { name: 'orgs' }));
  key = created.key;
  keyId = created.id;
  const other = await newHost('Other host');
  otherKey = (await write((env) => createApiKey(env, { name: 'other', hostId: other.id }))).key;
});

describe('organizations: externalId', () => {
  it('is unique per host: a second organization with it is 409; another host may use it', async () => {
    const id = ext();
    expect((await api(postOrg, 'POST', '/organizations', { name: 'First', externalId: id })).status).toBe(201);
    const clash = await api(postOrg, 'POST', '/organizations', { name: 'Second', externalId: id });
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringContaining(id) } } });
    expect((await api(postOrg, 'POST', '/organizations', { name: 'Elsewhere', externalId: id }, {}, otherKey)).status).toBe(201);
  });

  it('holds under concurrent creates: one 201, the rest 409, one row', async () => {
    const id = ext();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => api(postOrg, 'POST', '/organizations', { name: `Race ${i}`, externalId: id })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(await countOf('Organization', '"externalId" = ?', [id])).toBe(1);
  });

  it('is a lookup key: GET /organizations?externalId= lists that one organization, or none', async () => {
    const id = ext();
    const created = (await api(postOrg, 'POST', '/organizations', { name: 'Findable', externalId: id })).body;
    expect((await api(listOrgs, 'GET', `/organizations?externalId=${id}`)).body).toEqual({ data: [created], nextCursor: null });
    expect((await api(listOrgs, 'GET', `/organizations?externalId=${id}`, undefined, {}, otherKey)).body.data).toEqual([]);
    expect((await api(listOrgs, 'GET', '/organizations?externalId=nope')).body.data).toEqual([]);
  });

  it('PATCH renames and sets or clears the externalId; a taken one is 409; bad input is 400; unknown is 404', async () => {
    const taken = ext();
    await api(postOrg, 'POST', '/organizations', { name: 'Holder', externalId: taken });
    const org = (await api(postOrg, 'POST', '/organizations', { name: 'Old name' })).body;
    const p = { orgId: org.id };
    expect((await api(patchOrg, 'PATCH', `/organizations/${org.id}`, { name: 'New name' }, p)).body).toMatchObject({
      id: org.id,
      name: 'New name',
      externalId: null,
    });
    const mine = ext();
    expect((await api(patchOrg, 'PATCH', `/organizations/${org.id}`, { externalId: mine }, p)).body.externalId).toBe(mine);
    expect((await api(patchOrg, 'PATCH', `/organizations/${org.id}`, { externalId: taken }, p)).status).toBe(409);
    expect((await api(patchOrg, 'PATCH', `/organizations/${org.id}`, { externalId: null }, p)).body.externalId).toBeNull();
    for (const bad of [{}, { name: '' }, { name: 'x', other: 1 }, '{"name":', { externalId: 5 }]) {
      const r = await api(patchOrg, 'PATCH', `/organizations/${org.id}`, bad, p);
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await api(patchOrg, 'PATCH', '/organizations/org_unknown', { name: 'x' }, { orgId: 'org_unknown' })).status).toBe(404);
    expect((await api(patchOrg, 'PATCH', `/organizations/${org.id}`, { name: 'Theirs' }, p, otherKey)).status).toBe(404);
    const audit = await rowsOf('AuditLog', '"organizationId" = ?', [org.id], 'ORDER BY "createdAt"');
    expect(audit.map((a) => [a.action, a.actor])).toContainEqual(['organization.updated', `api-key:${keyId}`]);
    expect(audit.map((a) => a.action)).toContain('organization.created');
  });
});

describe('directories: events and audit', () => {
  it('created (with a name), renamed and deleted through the API: directory.created and directory.deleted events, audit entries', async () => {
    const org = (await api(postOrg, 'POST', '/organizations', { name: 'Events' })).body;
    const dir = await api(postDirectory, 'POST', `/organizations/${org.id}/directories`, { provider: 'okta' }, { orgId: org.id });
    expect(dir.body).toMatchObject({ name: 'Okta', health: 'waiting', connectedAt: null });
    const second = await api(postDirectory, 'POST', `/organizations/${org.id}/directories`, { provider: 'okta', name: 'Okta EU' }, { orgId: org.id });
    expect(second.body.name).toBe('Okta EU');
    const renamed = await api(patchDirectory, 'PATCH', `/directories/${dir.body.id}`, { name: 'Okta US' }, { dirId: dir.body.id });
    expect(renamed.body).toMatchObject({ name: 'Okta US', status: 'enabled' });
    expect((await api(patchDirectory, 'PATCH', `/directories/${dir.body.id}`, {}, { dirId: dir.body.id })).status).toBe(400);
    expect((await api(deleteDirectory, 'DELETE', `/directories/${dir.body.id}`, undefined, { dirId: dir.body.id })).status).toBe(204);
    const events = await rowsOf('Event', '"directoryId" = ?', [dir.body.id], 'ORDER BY "seq"');
    expect(events.map((e) => e.type)).toEqual(['directory.created', 'directory.deleted']);
    expect(JSON.parse(events[0].data)).toMatchObject({ id: dir.body.id, name: 'Okta', provider: 'okta' });
    const audit = await rowsOf('AuditLog', '"target" = ?', [dir.body.id], 'ORDER BY "createdAt"');
    expect(audit.map((a) => a.action)).toEqual(['directory.created', 'directory.renamed', 'directory.deleted']);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([`api-key:${keyId}`]));
    expect((await api(deleteOrg, 'DELETE', `/organizations/${org.id}`, undefined, { orgId: org.id })).status).toBe(204);
    expect((await firstOf('AuditLog', '"target" = ? AND "action" = ?', [org.id, 'organization.deleted'])).actor).toBe(`api-key:${keyId}`);
  });
});

describe('roles: edit and delete', () => {
  it('PATCH changes the name (never the key); DELETE takes the role from every user, with directory.user.updated events', async () => {
    const roleKey = `del-${randomBytes(3).toString('hex')}`;
    expect((await api(postRole, 'POST', '/roles', { key: roleKey, name: 'Doomed' })).status).toBe(201);
    const p = { roleKey };
    expect((await api(patchRole, 'PATCH', `/roles/${roleKey}`, { name: 'Renamed', description: 'd' }, p)).body).toMatchObject({
      key: roleKey,
      name: 'Renamed',
      description: 'd',
    });
    expect((await api(patchRole, 'PATCH', `/roles/${roleKey}`, { key: 'other' }, p)).status).toBe(400);
    expect((await api(patchRole, 'PATCH', '/roles/nope', { name: 'x' }, { roleKey: 'nope' })).status).toBe(404);

    const org = (await api(postOrg, 'POST', '/organizations', { name: 'Roles' })).body;
    const dir = (await api(postDirectory, 'POST', `/organizations/${org.id}/directories`, { provider: 'okta' }, { orgId: org.id })).body;
    const scope = {
      hostId: (await firstOf('Organization', '"id" = ?', [org.id])).hostId,
      organizationId: org.id,
      directoryId: dir.id,
    };
    const u = await call(scope, 'POST', 'Users', user(`holder-${randomBytes(3).toString('hex')}@example.com`));
    const g = await call(scope, 'POST', 'Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Holders',
      members: [{ value: u.body.id }],
    });
    expect(
      (
        await api(
          putMappings,
          'PUT',
          `/directories/${dir.id}/role-mappings`,
          { mappings: [{ groupId: g.body.id, roleKey }], defaultRoleKey: roleKey },
          { dirId: dir.id },
        )
      ).status,
    ).toBe(200);
    expect(await countOf('UserRole', '"userId" = ?', [u.body.id])).toBe(1);

    expect((await api(deleteRole, 'DELETE', `/roles/${roleKey}`, undefined, p)).status).toBe(204);
    expect((await api(getRole, 'GET', `/roles/${roleKey}`, undefined, p)).status).toBe(404);
    expect(await countOf('UserRole', '"userId" = ?', [u.body.id])).toBe(0);
    expect(await countOf('RoleMapping', '"directoryId" = ?', [dir.id])).toBe(0);
    expect((await firstOf('Directory', '"id" = ?', [dir.id])).defaultRoleId).toBeNull();
    const updated = await firstOf('Event', '"directoryId" = ? AND "type" = ?', [dir.id, 'directory.user.updated'], 'ORDER BY "seq" DESC');
    expect(JSON.parse(updated.previousAttributes!)).toEqual({ roles: [roleKey] });
    expect(JSON.parse(updated.data).roles).toEqual([]);
    expect((await api(deleteRole, 'DELETE', `/roles/${roleKey}`, undefined, p)).status).toBe(404);
  });
});
