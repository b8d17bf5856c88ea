// Operators: the host's own staff who sign in to the dashboard. An operator belongs to one host and sees only that
// host's organizations, keys, webhooks, roles and audit log. Emails are unique across the install and compared
// lower-cased, so "Admin@Example.com" and "admin@example.com" are one account.
import { z } from 'zod';
import { audit } from '../audit/audit-log';
import type { Tx } from '../db/client';
import { DomainError } from '../domain-error';
import { defaultHost } from '../host-api/api-keys';
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

/** Inserts a prepared operator; a short transaction, so it doesn't hold SQLite's write lock through scrypt. */
export async function createOperator(tx: Tx, input: { email: string; passwordHash: string; hostId?: string }): Promise<Operator> {
  const { email, passwordHash } = input;
  if (await tx.operator.findUnique({ where: { email }, select: { id: true } })) {
    throw new DomainError('conflict', `An operator with email ${email} already exists`);
  }
  const hostId = input.hostId ?? (await defaultHost(tx)).id;
  return tx.operator.create({ data: { id: newId('opr'), hostId, email, passwordHash }, select: { id: true, hostId: true, email: true } });
}

/** The operator with this email and password, or null. Unknown emails cost one scrypt too (no timing oracle). */
export async function verifyOperator(db: Tx, email: string, password: string): Promise<Operator | null> {
  const row = await db.operator.findUnique({ where: { email: normalizeEmail(email) } });
  const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
  return row && ok ? { id: row.id, hostId: row.hostId, email: row.email } : null;
}

/** Removes an operator; their dashboard sessions go with the row (cascade), so they are signed out at once. */
export async function removeOperator(tx: Tx, email: string): Promise<Operator> {
  const operator = await tx.operator.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, hostId: true, email: true } });
  if (!operator) throw new DomainError('not_found', `No operator has the email ${normalizeEmail(email)}`);
  await tx.operator.delete({ where: { id: operator.id } });
  await audit(tx, { hostId: operator.hostId, actor: 'cli', action: 'operator.removed', target: operator.id, details: { email: operator.email } });
  return operator;
}

export function findOperatorByEmail(db: Tx, email: string): Promise<Operator | null> {
  return db.operator.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, hostId: true, email: true } });
}

export function countOperators(db: Tx): Promise<number> {
  return db.operator.count();
}
