// Portal writes of issue 20 through the route handlers: the default role is audited with its real actor (it was
// "system"), a session an operator opened from the dashboard is audited as that operator, and a directory is
// deleted only with its name typed; bad input is a clear 400.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteDirectory, PATCH as patchDirectory } from '../../app/api/portal/directories/[directoryId]/route';
import { PUT as putDefault } from '../../app/api/portal/directories/[directoryId]/roles/default/route';
import type { DirectoryScope } from '../../lib/events/event-types';
import { openPortalSession } from '../../lib/portal/portal-session';
import { createRole } from '../../lib/roles/roles';
import { write } from '../../lib/db/database';
import { countOf, firstOf, insertRows } from './db-rows';
import { newDirectory } from './scim-helpers';

process.env.RATE_LIMITS = 'off';

type Handler = (req: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>;
let dir: DirectoryScope;

async function session(operatorId: string | null = null) {
  const s = await write((env) =>
    openPortalSession(env, { organizationId: dir.organizationId, hostId: dir.hostId, features: ['scim'], returnUrl: null, operatorId }),
  );
  return { token: s.token, csrf: s.session.csrf };
}

async function portal(handler: Handler, method: string, body: unknown, who: { token: string; csrf: string }) {
  const res = await handler(
    new Request(`http://x/api/portal/directories/${dir.directoryId}`, {
      method,
      headers: { authorization: `Bearer ${who.token}`, 'x-portal-csrf': who.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ directoryId: dir.directoryId }) },
  );
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

const lastAudit = (action: string) => firstOf('AuditLog', '"target" = ? AND "action" = ?', [dir.directoryId, action], 'ORDER BY "createdAt" DESC');

beforeAll(async () => {
  dir = await newDirectory();
  await createRole(dir.hostId, { key: `member-${randomBytes(2).toString('hex')}`, name: 'Member' });
});

describe('portal actors and typed deletion', () => {
  it("audits the default role as the organization's admin, and as the operator who opened the portal", async () => {
    const role = await firstOf('Role', '"hostId" = ?', [dir.hostId]);
    expect((await portal(putDefault, 'PUT', { roleKey: role.key }, await session())).status).toBe(200);
    expect((await lastAudit('role_mappings.changed')).actor).toBe(`portal:${dir.organizationId}`);
    const operator = {
      id: `opr_${randomBytes(10).toString('hex')}`,
      hostId: dir.hostId,
      email: `op-${randomBytes(3).toString('hex')}@example.com`,
      passwordHash: 'x',
    };
    await insertRows('Operator', [operator]);
    expect((await portal(putDefault, 'PUT', { roleKey: null }, await session(operator.id))).status).toBe(200);
    expect((await lastAudit('role_mappings.changed')).actor).toBe(`operator:${operator.id}`);
    expect((await portal(patchDirectory, 'PATCH', { name: 'Renamed by an operator' }, await session(operator.id))).body.name).toBe('Renamed by an operator');
    expect((await lastAudit('directory.renamed')).actor).toBe(`operator:${operator.id}`);
  });

  it.each([[{}], [{ confirm: 'Okta' }], [{ confirm: 5 }], [{ confirm: 'Renamed by an operator', extra: 1 }]])(
    'refuses deletion without the exact name: %j',
    async (body) => {
      const r = await portal(deleteDirectory, 'DELETE', body, await session());
      expect(r.status).toBe(400);
      expect(await countOf('Directory', '"id" = ?', [dir.directoryId])).toBe(1);
    },
  );

  it('deletes with the name typed: the directory, its data, a directory.deleted event', async () => {
    expect((await portal(deleteDirectory, 'DELETE', { confirm: ' Renamed by an operator ' }, await session())).status).toBe(204);
    expect(await countOf('Directory', '"id" = ?', [dir.directoryId])).toBe(0);
    expect(await countOf('Event', '"directoryId" = ? AND "type" = ?', [dir.directoryId, 'directory.deleted'])).toBe(1);
    expect((await lastAudit('directory.deleted')).actor).toBe(`portal:${dir.organizationId}`);
  });
});
