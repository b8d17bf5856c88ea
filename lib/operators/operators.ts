// Operators: the host's own staff who sign in to the dashboard. An operator belongs to one host and sees only that
// host's organizations, keys, webhooks, roles and audit log. Emails are unique across the install and compared
// lower-cased, so "Admin@Example.com" and "admin@example.com" are one account.
import { z } from 'zod';
import { auditSql } from '../audit/audit-log';
import { read } from '../db/database';
import { columns, decode, decoder, insertOp } from '../db/rows';
import { changes, one, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import { defaultHost } from '../hosts/hosts';
import { newId } from '../ids';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './password';

export interface Operator {
  id: string;
  hostId: string;
  email: string;
}

const emailSchema = z.email().max(254);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Validates the input and hashes the password: slow on purpose (scrypt), so done before any transaction opens. */
export async function prepareOperator(input: { email: string; password: string }): Promise<{ email: string; passwordHash: string }> {
  const email = normalizeEmail(input.email);
  if (!emailSchema.safeParse(email).success) throw new DomainError('invalid', 'email: not a valid email address');
  const problem = passwordProblem(input.password, email);
  if (problem) throw new DomainError('invalid', `password: ${problem}`);
  return { email, passwordHash: await hashPassword(input.password) };
}

const OPERATOR = ['id', 'hostId', 'email'] as const;
const operatorOf = decoder('Operator', OPERATOR);

function* operatorByEmail(email: string): SqlProgram<Operator | null> {
  const r = yield* one(`SELECT ${columns('Operator', undefined, OPERATOR)} FROM "Operator" WHERE "email" = ?`, [email]);
  return r ? operatorOf(r) : null;
}

/** Inserts a prepared operator; a short transaction, so it doesn't hold SQLite's write lock through scrypt. */
export function* createOperator(env: SqlEnv, input: { email: string; passwordHash: string; hostId?: string }): SqlProgram<Operator> {
  const { email, passwordHash } = input;
  if (yield* operatorByEmail(email)) throw new DomainError('conflict', `An operator with email ${email} already exists`);
  const hostId = input.hostId ?? (yield* defaultHost(env)).id;
  const row = { id: newId('opr'), hostId, email, passwordHash };
  yield* changes(insertOp(env.dialect, 'Operator', [row]));
  return { id: row.id, hostId, email };
}

/** The operator with this email and password, or null. Unknown emails cost one scrypt too (no timing oracle). */
export async function verifyOperator(email: string, password: string): Promise<Operator | null> {
  const row = await read(function* () {
    const r = yield* one(`SELECT ${columns('Operator')} FROM "Operator" WHERE "email" = ?`, [normalizeEmail(email)]);
    return r ? decode('Operator', r) : null;
  });
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  return row && ok ? { id: row.id, hostId: row.hostId, email: row.email } : null;
}

/** Removes an operator; their dashboard sessions go with the row (cascade), so they are signed out at once. */
export function* removeOperator(env: SqlEnv, email: string): SqlProgram<Operator> {
  const operator = yield* operatorByEmail(normalizeEmail(email));
  if (!operator) throw new DomainError('not_found', `No operator has the email ${normalizeEmail(email)}`);
  yield* deleteOperator(operator.id);
  yield* auditSql(env, { hostId: operator.hostId, actor: 'cli', action: 'operator.removed', target: operator.id, details: { email: operator.email } });
  return operator;
}

export function* deleteOperator(id: string): SqlProgram<void> {
  yield* run(`DELETE FROM "Operator" WHERE "id" = ?`, [id]);
}

export function findOperatorByEmail(email: string): Promise<Operator | null> {
  return read(() => operatorByEmail(normalizeEmail(email)));
}

/** An operator of this host by id, or null. */
export function* findHostOperator({ hostId, id }: { hostId: string; id: string }): SqlProgram<Operator | null> {
  const r = yield* one(`SELECT ${columns('Operator', undefined, OPERATOR)} FROM "Operator" WHERE "id" = ? AND "hostId" = ?`, [id, hostId]);
  return r ? operatorOf(r) : null;
}

export async function countOperators(): Promise<number> {
  return Number((await read(() => one(`SELECT count(*) AS "n" FROM "Operator"`)))?.n ?? 0);
}
