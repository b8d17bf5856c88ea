// Operators as the dashboard manages them: list the host's operators, add one (the same password rules as the CLI,
// hashed before any transaction opens), remove one (their sessions end at once). An operator cannot remove
// themselves, so a host always keeps someone who can sign in.
import { audit } from '../audit/audit-log';
import type { Db, Tx } from '../db/client';
import { transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import { createOperator, prepareOperator, type Operator } from './operators';

export interface OperatorSummary {
  id: string;
  email: string;
  createdAt: string;
  activeSessions: number;
}

export async function listOperators(db: Tx, hostId: string): Promise<OperatorSummary[]> {
  const rows = await db.operator.findMany({
    where: { hostId },
    orderBy: [{ email: 'asc' }],
    select: { id: true, email: true, createdAt: true, _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } } },
  });
  return rows.map((r) => ({ id: r.id, email: r.email, createdAt: r.createdAt.toISOString(), activeSessions: r._count.sessions }));
}

export async function addOperator(
  db: Db,
  { hostId, actor, email, password }: { hostId: string; actor: string; email: string; password: string },
): Promise<Operator> {
  const prepared = await prepareOperator({ email, password });
  return transaction(db, async (tx) => {
    const operator = await createOperator(tx, { ...prepared, hostId });
    await audit(tx, { hostId, actor, action: 'operator.created', target: operator.id, details: { email: operator.email } });
    return operator;
  });
}

export async function removeHostOperator(db: Db, { hostId, actor, id }: { hostId: string; actor: string; id: string }): Promise<void> {
  if (actor === `operator:${id}`) throw new DomainError('invalid', 'You cannot remove yourself; ask another operator');
  await transaction(db, async (tx) => {
    const operator = await tx.operator.findFirst({ where: { id, hostId }, select: { id: true, email: true } });
    if (!operator) throw new DomainError('not_found', 'That operator does not exist');
    await tx.operator.delete({ where: { id: operator.id } });
    await audit(tx, { hostId, actor, action: 'operator.removed', target: operator.id, details: { email: operator.email } });
  });
}
