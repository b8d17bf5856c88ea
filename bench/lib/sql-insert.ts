// The hardest batching: one INSERT … SELECT per table per batch, the rows passed as a single JSON parameter
// (SQLite json_each, PostgreSQL json_populate_recordset), through the app's Prisma client. Prisma's createMany
// spends about a millisecond per row; this spends microseconds. Column names come from the row objects, which
// are built from userColumns exactly as insertUser writes them.
import type { Dialect, Tx } from '../../lib/db/client';

type Value = string | number | boolean | null;

const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;

/** Prisma keeps SQLite DateTimes as ISO text with an explicit offset. */
export function sqlTimestamp(d: Date, dialect: Dialect): string {
  return dialect === 'sqlite' ? d.toISOString().replace('Z', '+00:00') : d.toISOString();
}

export async function insertRows(db: Tx, dialect: Dialect, table: string, rows: Record<string, Value>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const list = columns.map(quote).join(', ');
  const json = JSON.stringify(rows);
  if (dialect === 'sqlite') {
    const picks = columns.map((c) => `json_extract(value, '$.${c}')`).join(', ');
    await db.$executeRawUnsafe(`INSERT INTO ${quote(table)} (${list}) SELECT ${picks} FROM json_each(?)`, json);
  } else {
    await db.$executeRawUnsafe(`INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, json);
  }
}
