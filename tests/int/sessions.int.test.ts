// Server-side sessions on both databases: a portal session is found by its token's hash until it expires, is
// ended, or its organization is deleted; a dashboard session until sign-out, expiry or the operator's removal;
// retention removes what has expired.
import { describe, expect, it } from 'vitest';
import { write } from '../../lib/db/database';
import { deleteOrganization } from '../../lib/directory/delete-directory';
import { applyRetention } from '../../lib/maintenance/retention';
import { endOperatorSession, endOperatorSessions, openOperatorSession, operatorOfSession } from '../../lib/operators/operator-sessions';
import { createOperator, prepareOperator, removeOperator } from '../../lib/operators/operators';
import { consumePortalLink, createPortalLink } from '../../lib/portal/portal-links';
import { endOrganizationPortalSessions, endPortalSession, findPortalSession, openPortalSession } from '../../lib/portal/portal-session';
import { countOf, exec } from './db-rows';
import { newDirectory } from './scim-helpers';

async function portalSession(organizationId: string) {
  return write(function* (env) {
    const link = yield* createPortalLink(env, { organizationId, features: ['scim'], returnUrl: null });
    const used = yield* consumePortalLink(env, link.token);
    if (!used.ok) throw new Error(used.reason);
    return yield* openPortalSession(env, used.link);
  });
}

describe('portal sessions', () => {
  it('are found by token until ended, and only by their own token', async () => {
    const { organizationId, hostId } = await newDirectory();
    const { token, session } = await portalSession(organizationId);
    const found = await findPortalSession(token);
    expect(found).toMatchObject({ sessionId: session.sessionId, organizationId, hostId, csrf: session.csrf });
    expect(await countOf('PortalSession', '"tokenHash" = ?', [token])).toBe(0); // only the hash is stored
    expect(await findPortalSession(`${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`)).toBeNull();
    expect(await findPortalSession('scimp_ps_short')).toBeNull();
    await endPortalSession(session.sessionId);
    expect(await findPortalSession(token)).toBeNull();
  });

  it("end with their organization's deletion and with the host's call", async () => {
    const a = await newDirectory();
    const b = await newDirectory();
    const [one, two, other] = [await portalSession(a.organizationId), await portalSession(a.organizationId), await portalSession(b.organizationId)];
    expect(await write(() => endOrganizationPortalSessions(a.organizationId))).toBe(2);
    expect(await findPortalSession(one.token)).toBeNull();
    expect(await findPortalSession(two.token)).toBeNull();
    expect(await findPortalSession(other.token)).not.toBeNull();
    await deleteOrganization({ hostId: b.hostId, organizationId: b.organizationId });
    expect(await findPortalSession(other.token)).toBeNull();
    expect(await countOf('PortalSession', '"organizationId" = ?', [b.organizationId])).toBe(0);
  });

  it('expire, and retention removes the expired rows', async () => {
    const { organizationId } = await newDirectory();
    const { token, session } = await portalSession(organizationId);
    const live = await portalSession(organizationId);
    await exec('UPDATE "PortalSession" SET "expiresAt" = ? WHERE "id" = ?', [new Date(Date.now() - 1000), session.sessionId]);
    expect(await findPortalSession(token)).toBeNull();
    expect((await applyRetention()).sessions).toBeGreaterThanOrEqual(1);
    expect(await countOf('PortalSession', '"id" = ?', [session.sessionId])).toBe(0);
    expect(await findPortalSession(live.token)).not.toBeNull();
  });
});

describe('dashboard sessions', () => {
  const newOperator = async () => {
    const email = `op-${Math.random().toString(36).slice(2)}@example.com`;
    const prepared = await prepareOperator({ email, password: 'a long and unusual phrase' });
    return write((env) => createOperator(env, prepared));
  };

  it('end with sign-out, leaving the operator’s other sessions', async () => {
    const op = await newOperator();
    const [a, b] = [await openOperatorSession(op.id), await openOperatorSession(op.id)];
    expect(await operatorOfSession(a)).toEqual(op);
    await endOperatorSession(a);
    expect(await operatorOfSession(a)).toBeNull();
    expect(await operatorOfSession(b)).toEqual(op);
    expect(await write(() => endOperatorSessions(op.id))).toBe(1);
    expect(await operatorOfSession(b)).toBeNull();
  });

  it("end with the operator's removal, and expire", async () => {
    const op = await newOperator();
    const s = await openOperatorSession(op.id);
    const expiring = await openOperatorSession(op.id);
    await exec('UPDATE "OperatorSession" SET "expiresAt" = ? WHERE "id" = ?', [new Date(Date.now() - 1), expiring]);
    expect(await operatorOfSession(expiring)).toBeNull();
    await write((env) => removeOperator(env, op.email));
    expect(await operatorOfSession(s)).toBeNull();
    expect(await countOf('OperatorSession', '"operatorId" = ?', [op.id])).toBe(0);
  });
});
