// Dashboard sessions as rows: the next-auth cookie (an encrypted JWT) names one, and it is good only while its row
// exists and has not expired. Sign-out deletes the row, and so does removing the operator (cascade), so either
// ends the session at once in every app process, however long the cookie would have lived. The one reader and
// writer of OperatorSession.
import { read, write } from '../db/database';
import { asDate, asStr, insertOp } from '../db/rows';
import { changes, one, run, type SqlProgram } from '../db/sql-program';
import { newId } from '../ids';
import type { Operator } from './operators';

/** A dashboard session lasts 8 hours from sign-in, then the operator signs in again. */
export const DASHBOARD_SESSION_SECONDS = 8 * 60 * 60;

export async function openOperatorSession(operatorId: string): Promise<string> {
  const expiresAt = new Date(Date.now() + DASHBOARD_SESSION_SECONDS * 1000);
  const id = newId('osn');
  await write((env) => changes(insertOp(env.dialect, 'OperatorSession', [{ id, operatorId, expiresAt }])));
  return id;
}

/** The operator of a live session, or null: one lookup by the session's id, with its operator. */
export async function operatorOfSession(sessionId: string): Promise<Operator | null> {
  const r = await read(() =>
    one(`SELECT s."expiresAt", o."id", o."hostId", o."email" FROM "OperatorSession" s JOIN "Operator" o ON o."id" = s."operatorId" WHERE s."id" = ?`, [
      sessionId,
    ]),
  );
  return r && asDate(r.expiresAt).getTime() > Date.now() ? { id: asStr(r.id), hostId: asStr(r.hostId), email: asStr(r.email) } : null;
}

export async function endOperatorSession(sessionId: string): Promise<void> {
  await write(() => run(`DELETE FROM "OperatorSession" WHERE "id" = ?`, [sessionId]));
}

/** Every session of one operator (the CLI's `operators sign-out`); returns how many there were. */
export function* endOperatorSessions(operatorId: string): SqlProgram<number> {
  return yield* run(`DELETE FROM "OperatorSession" WHERE "operatorId" = ?`, [operatorId]);
}

export function deleteExpiredOperatorSessions(now = new Date()): Promise<number> {
  return write(() => run(`DELETE FROM "OperatorSession" WHERE "expiresAt" <= ?`, [now]));
}
