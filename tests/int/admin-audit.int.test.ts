// The audit log is complete for the admin actions issue 20 found missing: role creation and operator creation,
// each with its real actor; an operator cannot remove themselves.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { transaction } from '../../lib/db/transaction';
import { defaultHost } from '../../lib/host-api/api-keys';
import { addOperator, listOperators, removeHostOperator } from '../../lib/operators/operator-admin';
import { createRole } from '../../lib/roles/roles';

describe('admin audit', () => {
  it('records role and operator creation with their actors; refuses removing oneself; removes another', async () => {
    const db = await getDb();
    const hostId = (await transaction(db, (tx) => defaultHost(tx))).id;
    const role = await createRole(hostId, { key: `r-${randomBytes(3).toString('hex')}`, name: 'Reviewer' }, 'api-key:key_test');
    expect((await db.auditLog.findFirstOrThrow({ where: { target: role.id } })).actor).toBe('api-key:key_test');

    const email = `colleague-${randomBytes(3).toString('hex')}@example.com`;
    const me = await addOperator(db, {
      hostId,
      actor: 'cli',
      email: `me-${randomBytes(3).toString('hex')}@example.com`,
      password: `Long-enough-${randomBytes(8).toString('hex')}`,
    });
    const other = await addOperator(db, { hostId, actor: `operator:${me.id}`, email, password: `Long-enough-${randomBytes(8).toString('hex')}` });
    const created = await db.auditLog.findFirstOrThrow({ where: { target: other.id, action: 'operator.created' } });
    expect(created.actor).toBe(`operator:${me.id}`);
    expect(created.details).not.toContain('Long-enough');
    await expect(addOperator(db, { hostId, actor: `operator:${me.id}`, email: 'weak@example.com', password: 'passwordpassword' })).rejects.toThrow(/password/);

    await expect(removeHostOperator(db, { hostId, actor: `operator:${me.id}`, id: me.id })).rejects.toThrow(/yourself/);
    await removeHostOperator(db, { hostId, actor: `operator:${me.id}`, id: other.id });
    expect((await listOperators(db, hostId)).map((o) => o.email)).not.toContain(email);
    expect((await db.auditLog.findFirstOrThrow({ where: { target: other.id, action: 'operator.removed' } })).actor).toBe(`operator:${me.id}`);
  });
});
