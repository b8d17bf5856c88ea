// Operators as the dashboard manages them: list the host's operators, add one (the same password rules as the CLI,
// hashed before any transaction opens), remove one (their sessions end at once). An operator cannot remove
// themselves, so a host always keeps someone who can sign in.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { asDate, asInt, asStr } from '../db/rows';
import { all } from '../db/sql-program';
import { DomainError } from '../domain-error';
import { createOperator, deleteOperator, findHostOperator, prepareOperator, type Operator } from './operators';

export interface OperatorSummary {
  id: string;
  email: string;
  createdAt: string;
  activeSessions: number;
}

export async function listOperators(hostId: string): Promise<OperatorSummary[]> {
  const rows = await read(() =>
    all(
      `SELECT o."id", o."email", o."createdAt",
         (SELECT count(*) FROM "OperatorSession" s WHERE s."operatorId" = o."id" AND s."expiresAt" > ?) AS "activeSessions"
       FROM "Operator" o WHERE o."hostId" = ? ORDER BY o."email"`,
      [new Date(), hostId],
    ),
  );
  return rows.map((r) => ({ id: asStr(r.id), email: asStr(r.email), createdAt: asDate(r.createdAt).toISOString(), activeSessions: asInt(r.activeSessions) }));
}

export async function addOperator({ hostId, actor, email, password }: { hostId: string; actor: string; email: string; password: string }): Promise<Operator> {
  const prepared = await prepareOperator({ email, password });
  return write(function* (env) {
    const operator = yield* createOperator(env, { ...prepared, hostId });
    yield* auditSql(env, { hostId, actor, action: 'operator.created', target: operator.id, details: { email: operator.email } });
    return operator;
  });
}

export async function removeHostOperator({ hostId, actor, id }: { hostId: string; actor: string; id: string }): Promise<void> {
  if (actor === `operator:${id}`) throw new DomainError('invalid', 'You cannot remove yourself; ask another operator');
  await write(function* (env) {
    const operator = yield* findHostOperator({ hostId, id });
    if (!operator) throw new DomainError('not_found', 'That operator does not exist');
    yield* deleteOperator(operator.id);
    yield* auditSql(env, { hostId, actor, action: 'operator.removed', target: operator.id, details: { email: operator.email } });
  });
}
