// What the tests read and change in the database directly, through lib/db (never Prisma): rows of a table as its
// row type has them, counts, and a statement run as its own transaction.
import { lookup, write } from '../../lib/db/database';
import { decode, insertOp, type TableName } from '../../lib/db/rows';
import type { Inserts, Rows } from '../../lib/db/schema';
import { changes, chunked, run, type SqlRow, type SqlValue } from '../../lib/db/sql-program';
import { createHost } from '../../lib/hosts/hosts';

/** `SELECT *` of a table, `where` and `tail` (ORDER BY, LIMIT) as SQL with `?` parameters, decoded. */
export async function rowsOf<N extends TableName>(table: N, where = '', params: SqlValue[] = [], tail = ''): Promise<Rows[N][]> {
  const rows = await lookup(`SELECT * FROM "${table}"${where ? ` WHERE ${where}` : ''}${tail ? ` ${tail}` : ''}`, params);
  return rows.map((r) => decode(table, r));
}

/** The first row `rowsOf` finds; throws when there is none. */
export async function firstOf<N extends TableName>(table: N, where = '', params: SqlValue[] = [], tail = ''): Promise<Rows[N]> {
  const [row] = await rowsOf(table, where, params, `${tail} LIMIT 1`);
  if (!row) throw new Error(`no ${table} row where ${where}`);
  return row;
}

export async function countOf(table: TableName, where = '', params: SqlValue[] = []): Promise<number> {
  const [r] = await lookup(`SELECT count(*) AS "n" FROM "${table}"${where ? ` WHERE ${where}` : ''}`, params);
  return Number(r.n);
}

/** Any statement's rows, outside a transaction. */
export const query = (sql: string, params: SqlValue[] = []): Promise<SqlRow[]> => lookup(sql, params);

/** One statement as its own transaction; the number of rows it changed. */
export const exec = (sql: string, params: SqlValue[] = []): Promise<number> => write(() => run(sql, params));

/** A host of its own (tenant-isolation tests). */
export const newHost = (name: string): Promise<{ id: string }> => write((env) => createHost(env, { name }));

/** Rows inserted as given, as one transaction; columns left out take their default, or NULL. */
export const insertRows = <N extends TableName>(table: N, rows: Partial<Inserts[N]>[]): Promise<void> =>
  write(function* (env) {
    for (const part of chunked(rows, 500)) yield* changes(insertOp(env.dialect, table, part as Inserts[N][]));
  });
