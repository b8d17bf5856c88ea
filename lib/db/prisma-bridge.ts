// Until Prisma Client is gone (issue 17, M3): runs a SQL program inside a Prisma transaction its caller holds, so
// a table has one writer (the program) whether the caller is on this layer yet or not.
import type { Tx } from './client';
import { database } from './database';
import { driveAsync } from './program-runner';
import { isBatch, type SqlEnv, type SqlOp, type SqlProgram } from './sql-program';

export function inPrismaTx<T>(tx: Tx, make: (env: SqlEnv) => SqlProgram<T>): Promise<T> {
  const d = database().dialect;
  const exec = (op: SqlOp) => {
    const text = d.text(op.sql);
    const params = op.params.map(d.param);
    return op.mode === 'all' ? tx.$queryRawUnsafe<unknown[]>(text, ...params) : tx.$executeRawUnsafe(text, ...params);
  };
  return driveAsync(make({ dialect: d }), async (step) => {
    if (!isBatch(step)) return exec(step);
    const out: unknown[] = [];
    for (const op of step.batch) out.push(await exec(op));
    return out;
  });
}
