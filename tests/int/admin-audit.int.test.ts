// The audit log is complete for the admin actions issue 20 found missing: role creation and operator creation,
// each with its real actor; an operator cannot remove themselves.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { write } from '../../lib/db/database';
import { defaultHost } from '../../lib/hosts/hosts';
import { addOperator, listOperators, removeHostOperator } from '../../lib/operators/operator-admin';
import { createRole } from '../../lib/roles/roles';
import { firstOf } from './db-rows';

describe('admin audit', () => {
  it('records role and operator creation with their actors; refuses removing oneself; removes another', async () => {
    const hostId = (await write((env) => defaultHost(env))).id;
    const role = await createRole(hostId, { key: `r-${randomBytes(3).toString('hex')}`, name: 'Reviewer' }, 'api-key:key_test');
    expect((await firstOf('AuditLog', '"target" = ?', [role.id])).actor).toBe('api-key:key_test');

    const email = `colleague-${randomBytes(3).toString('hex')}@example.com`;
    const me = await addOperator({
      hostId,
      actor: 'cli',
      email: `me-${randomBytes(3).toString('hex')}@example.com`,
      password: `Long-enough-${randomBytes(8).toString('hex')}`,
    });
    const other = await addOperator({ hostId, actor: `operator:${me.id}`, email, password: `Long-enough-${randomBytes(8).toString('hex')}` });
    const created = await firstOf('AuditLog', '"target" = ? AND "action" = ?', [other.id, 'operator.created']);
    expect(created.actor).toBe(`operator:${me.id}`);
    expect(created.details).not.toContain('Long-enough');
    await expect(addOperator({ hostId, actor: `operator:${me.id}`, email: 'weak@example.com', password: 'passwordpassword' })).rejects.toThrow(/password/);

    await expect(removeHostOperator({ hostId, actor: `operator:${me.id}`, id: me.id })).rejects.toThrow(/yourself/);
    await removeHostOperator({ hostId, actor: `operator:${me.id}`, id: other.id });
    expect((await listOperators(hostId)).map((o) => o.email)).not.toContain(email);
    expect((await firstOf('AuditLog', '"target" = ? AND "action" = ?', [other.id, 'operator.removed'])).actor).toBe(`operator:${me.id}`);
  });
});
