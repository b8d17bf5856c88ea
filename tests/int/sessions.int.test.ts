// Server-side sessions on both databases: a portal session is found by its token's hash until it expires, is
// ended, or its organization is deleted; a dashboard session until sign-out, expiry or the operator's removal;
// retention removes what has expired.
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { transaction } from '../../lib/db/transaction';
import { deleteOrganization } from '../../lib/directory/delete-directory';
import { applyRetention } from '../../lib/maintenance/retention';
import { endOperatorSession, endOperatorSessions, openOperatorSession, operatorOfSession } from '../../lib/operators/operator-sessions';
import { createOperator, prepareOperator, removeOperator } from '../../lib/operators/operators';
import { consumePortalLink, createPortalLink } from '../../lib/portal/portal-links';
import { endOrganizationPortalSessions, endPortalSession, findPortalSession, openPortalSession } from '../../lib/portal/portal-session';
import { newDirectory } from './scim-helpers';

async function portalSession(organizationId: string) {
  const db = await getDb();
  return transaction(db, async (tx) => {
    const link = await createPortalLink(tx, { organizationId, features: ['scim'], returnUrl: null });
    const used = await consumePortalLink(tx, link.token);
    if (!used.ok) throw new Error(used.reason);
    return openPortalSession(tx, used.link);
  });
}

describe('portal sessions', () => {
  it('are found by token until ended, and only by their own token', async () => {
    const { organizationId, hostId } = await newDirectory();
    const db = await getDb();
    const { token, session } = await portalSession(organizationId);
    const found = await findPortalSession(db, token);
    expect(found).toMatchObject({ sessionId: session.sessionId, organizationId, hostId, csrf: session.csrf });
    expect(await db.portalSession.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    expect(await findPortalSession(db, `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`)).toBeNull();
    expect(await findPortalSession(db, 'scimp_ps_short')).toBeNull();
    await endPortalSession(db, session.sessionId);
    expect(await findPortalSession(db, token)).toBeNull();
  });

  it("end with their organization's deletion and with the host's call", async () => {
    const a = await newDirectory();
    const b = await newDirectory();
    const db = await getDb();
    const [one, two, other] = [await portalSession(a.organizationId), await portalSession(a.organizationId), await portalSession(b.organizationId)];
    expect(await endOrganizationPortalSessions(db, a.organizationId)).toBe(2);
    expect(await findPortalSession(db, one.token)).toBeNull();
    expect(await findPortalSession(db, two.token)).toBeNull();
    expect(await findPortalSession(db, other.token)).not.toBeNull();
    await deleteOrganization({ hostId: b.hostId, organizationId: b.organizationId });
    expect(await findPortalSession(db, other.token)).toBeNull();
    expect(await db.portalSession.count({ where: { organizationId: b.organizationId } })).toBe(0);
  });

  it('expire, and retention removes the expired rows', async () => {
    const { organizationId } = await newDirectory();
    const db = await getDb();
    const { token, session } = await portalSession(organizationId);
    const live = await portalSession(organizationId);
    await db.portalSession.update({ where: { id: session.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findPortalSession(db, token)).toBeNull();
    expect((await applyRetention(db)).sessions).toBeGreaterThanOrEqual(1);
    expect(await db.portalSession.count({ where: { id: session.sessionId } })).toBe(0);
    expect(await findPortalSession(db, live.token)).not.toBeNull();
  });
});

describe('dashboard sessions', () => {
  const newOperator = async () => {
    const db = await getDb();
    const email = `op-${Math.random().toString(36).slice(2)}@example.com`;
    const prepared = await prepareOperator({ email, password: 'a long and unusual phrase' });
    return transaction(db, (tx) => createOperator(tx, prepared));
  };

  it('end with sign-out, leaving the operator’s other sessions', async () => {
    const db = await getDb();
    const op = await newOperator();
    const [a, b] = [await openOperatorSession(db, op.id), await openOperatorSession(db, op.id)];
    expect(await operatorOfSession(db, a)).toEqual(op);
    await endOperatorSession(db, a);
    expect(await operatorOfSession(db, a)).toBeNull();
    expect(await operatorOfSession(db, b)).toEqual(op);
    expect(await endOperatorSessions(db, op.id)).toBe(1);
    expect(await operatorOfSession(db, b)).toBeNull();
  });

  it("end with the operator's removal, and expire", async () => {
    const db = await getDb();
    const op = await newOperator();
    const s = await openOperatorSession(db, op.id);
    const expiring = await openOperatorSession(db, op.id);
    await db.operatorSession.update({ where: { id: expiring }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await operatorOfSession(db, expiring)).toBeNull();
    await transaction(db, (tx) => removeOperator(tx, op.email));
    expect(await operatorOfSession(db, s)).toBeNull();
    expect(await db.operatorSession.count({ where: { operatorId: op.id } })).toBe(0);
  });
});
