// Dashboard sessions as rows: the next-auth cookie (an encrypted JWT) names one, and it is good only while its row
// exists and has not expired. Sign-out deletes the row, and so does removing the operator (cascade), so either
// ends the session at once in every app process, however long the cookie would have lived.
import type { Tx } from '../db/client';
import { newId } from '../ids';
import type { Operator } from './operators';

/** A dashboard session lasts 8 hours from sign-in, then the operator signs in again. */
export const DASHBOARD_SESSION_SECONDS = 8 * 60 * 60;

export async function openOperatorSession(db: Tx, operatorId: string): Promise<string> {
  const expiresAt = new Date(Date.now() + DASHBOARD_SESSION_SECONDS * 1000);
  const row = await db.operatorSession.create({ data: { id: newId('osn'), operatorId, expiresAt }, select: { id: true } });
  return row.id;
}

/** The operator of a live session, or null: one lookup by the session's id, with its operator. */
export async function operatorOfSession(db: Tx, sessionId: string): Promise<Operator | null> {
  const row = await db.operatorSession.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, operator: { select: { id: true, hostId: true, email: true } } },
  });
  return row && row.expiresAt.getTime() > Date.now() ? row.operator : null;
}

export async function endOperatorSession(db: Tx, sessionId: string): Promise<void> {
  await db.operatorSession.deleteMany({ where: { id: sessionId } });
}

/** Every session of one operator (the CLI's `operators sign-out`); returns how many there were. */
export async function endOperatorSessions(db: Tx, operatorId: string): Promise<number> {
  return (await db.operatorSession.deleteMany({ where: { operatorId } })).count;
}

export async function deleteExpiredOperatorSessions(db: Tx, now = new Date()): Promise<number> {
  return (await db.operatorSession.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
