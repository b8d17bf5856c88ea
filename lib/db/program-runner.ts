// Driving a SQL program (sql-program.ts): each statement it yields is run and its result handed back.
import { isBatch, type SqlBatch, type SqlOp, type SqlProgram } from './sql-program';

/** Synchronously (SQLite): a batch's statements one after another. */
export function drive<T>(program: SqlProgram<T>, exec: (op: SqlOp) => unknown): T {
  let step = program.next();
  while (!step.done) step = program.next(isBatch(step.value) ? step.value.batch.map(exec) : exec(step.value));
  return step.value;
}

/** Asynchronously (PostgreSQL): `exec` answers a statement, or a batch's statements as an array. */
export async function driveAsync<T>(program: SqlProgram<T>, exec: (step: SqlOp | SqlBatch) => Promise<unknown>): Promise<T> {
  let step = program.next();
  while (!step.done) step = program.next(await exec(step.value));
  return step.value;
}
