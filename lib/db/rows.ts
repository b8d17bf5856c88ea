// Column lists, INSERTs, UPDATEs and row decoding, all from the generated column table (schema.ts): no column is
// listed by hand, and a column added to the schema but not supplied where rows are built fails the type check.
import type { Dialect } from './dialect';
import { TABLES, type Inserts, type Rows } from './schema';
import { allOp, runOp, type SqlOp, type SqlRow, type SqlValue } from './sql-program';
import type { ColumnDef, ColumnKind } from './table-def';

export type TableName = keyof typeof TABLES;
export type ColumnOf<N extends TableName> = keyof Rows[N] & string;

const def = (name: TableName) => TABLES[name] as { name: string; columns: Record<string, ColumnDef> };

/**
 * `"a", "b"`, or `u."a", u."b"` with an alias; every column of the table, or those named. With a prefix, each is
 * returned as `"<prefix>a"` (to read two tables' same-named columns in one row: decode with the same prefix).
 */
export function columns<N extends TableName>(name: N, alias?: string, only?: readonly ColumnOf<N>[], prefix?: string): string {
  const list = only ?? (Object.keys(def(name).columns) as ColumnOf<N>[]);
  return list.map((c) => `${alias ? `${alias}.` : ''}"${c}"${prefix ? ` AS "${prefix}${c}"` : ''}`).join(', ');
}

// SQLite gives 0/1 and ISO text; PostgreSQL booleans, Dates (timestamps) and text for 64-bit counts.
const CONVERT: Record<ColumnKind, (v: unknown) => unknown> = {
  text: (v) => String(v),
  int: (v) => Number(v),
  float: (v) => Number(v),
  bigint: (v) => BigInt(v as string),
  boolean: (v) => v === true || v === 1 || v === 1n,
  dateTime: (v) => (v instanceof Date ? v : new Date(String(v))),
};

/** One value of a row outside the column table (an aggregate, a computed column), as its kind reads it. */
export const asDate = CONVERT.dateTime as (v: unknown) => Date;
export const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
export const asBool = CONVERT.boolean as (v: unknown) => boolean;
export const asInt = CONVERT.int as (v: unknown) => number;
export const asStr = CONVERT.text as (v: unknown) => string;
export const asStrOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * A decoder of rows holding the table's columns (those named, or all), each read as `<prefix>column`, as the row
 * type has them; columns absent from a row are left out. Keys and conversions are worked out once, not per row.
 */
export function decoder<N extends TableName, C extends ColumnOf<N> = ColumnOf<N>>(name: N, only?: readonly C[], prefix = ''): (r: SqlRow) => Pick<Rows[N], C> {
  const cols = def(name).columns;
  const list = (only ?? (Object.keys(cols) as C[])).map((c) => [prefix + c, c, CONVERT[cols[c].kind]] as const);
  return (r) => {
    const out: Record<string, unknown> = {};
    for (const [key, c, convert] of list) {
      const v = r[key];
      if (v !== undefined) out[c] = v === null ? null : convert(v);
    }
    return out as Pick<Rows[N], C>;
  };
}

const decoders = new Map<string, (r: SqlRow) => unknown>();

/** The table's columns present in `r` (as `<prefix>column`), as the row type has them; other keys are left out. */
export function decode<N extends TableName>(name: N, r: SqlRow, prefix = ''): Rows[N] {
  const key = `${name} ${prefix}`;
  let d = decoders.get(key);
  if (!d) decoders.set(key, (d = decoder(name, undefined, prefix)));
  return d(r) as Rows[N];
}

/** A value for a column: the supplied one, or its default (the database clock for `now` and `updatedAt`). */
function valueSql(d: Dialect, col: ColumnDef, v: unknown, params: SqlValue[]): string | null {
  if (v !== undefined) {
    params.push(v as SqlValue);
    return '?';
  }
  const dflt = col.default;
  if (dflt === 'now' || dflt === 'updatedAt') return d.now;
  if (dflt === 'autoincrement') return null;
  params.push(dflt === undefined ? null : dflt.value);
  return '?';
}

export interface InsertOptions {
  /** Columns to return (RETURNING), or none. */
  returning?: string;
  /** Rows whose key exists already are skipped (ON CONFLICT DO NOTHING). */
  skipExisting?: boolean;
}

/** One INSERT of `rows` (keep them few enough for the statement's parameters: SQLite allows 32,766). */
export function insertOp<N extends TableName>(d: Dialect, name: N, rows: readonly Inserts[N][], opts: InsertOptions = {}): SqlOp {
  const t = def(name);
  const first = rows[0] as unknown as Record<string, unknown>;
  // An autoincrement column is left to the database unless the rows give it.
  const cols = Object.entries(t.columns).filter(([c, col]) => col.default !== 'autoincrement' || first[c] !== undefined);
  const params: SqlValue[] = [];
  const values = rows.map((r) => `(${cols.map(([c, col]) => valueSql(d, col, (r as unknown as Record<string, unknown>)[c], params)).join(', ')})`);
  const sql =
    `INSERT INTO "${t.name}" (${cols.map(([c]) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}` +
    (opts.skipExisting ? ' ON CONFLICT DO NOTHING' : '') +
    (opts.returning ? ` RETURNING ${opts.returning}` : '');
  return opts.returning ? allOp(sql, params) : runOp(sql, params);
}

/**
 * `UPDATE … SET` the given columns (and `updatedAt` to the clock, for tables that have one, unless `bookkeeping`:
 * a stamp such as "last used" is no edit) `WHERE` the condition (with `?` parameters `whereParams`). Column values
 * may be `sql()` expressions such as `"version" + 1`.
 */
export function updateOp<N extends TableName>(
  d: Dialect,
  name: N,
  set: Partial<{ [C in keyof Inserts[N]]: Inserts[N][C] | SqlExpr }>,
  where: string,
  whereParams: SqlValue[],
  returning?: string,
  bookkeeping = false,
): SqlOp {
  const t = def(name);
  const params: SqlValue[] = [];
  const parts: string[] = [];
  for (const [c, v] of Object.entries(set)) {
    if (v === undefined) continue;
    if (v instanceof SqlExpr) parts.push(`"${c}" = ${v.sql}`);
    else {
      parts.push(`"${c}" = ?`);
      params.push(v as SqlValue);
    }
  }
  for (const [c, col] of Object.entries(t.columns)) if (col.default === 'updatedAt' && !(c in set) && !bookkeeping) parts.push(`"${c}" = ${d.now}`);
  const sql = `UPDATE "${t.name}" SET ${parts.join(', ')} WHERE ${where}${returning ? ` RETURNING ${returning}` : ''}`;
  return returning ? allOp(sql, [...params, ...whereParams]) : runOp(sql, [...params, ...whereParams]);
}

/** A SQL expression as a column's new value (`sql('"version" + 1')`). */
export class SqlExpr {
  constructor(readonly sql: string) {}
}
export const sql = (text: string): SqlExpr => new SqlExpr(text);

/** A JSON value a query computed: SQLite hands it back as text, PostgreSQL already parsed. */
export const jsonOf = <T>(v: unknown, empty: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T | null) ?? empty));

/**
 * INSERT … SELECT of many rows given as values (dialect.rowsFrom), keeping those for which `where` holds (a
 * condition on them, aliased `v`): e.g. only rows whose parent still exists. One statement, none for no rows.
 */
export function insertSelectOps<N extends TableName>(d: Dialect, name: N, rows: readonly Inserts[N][], where?: string): SqlOp[] {
  if (rows.length === 0) return [];
  const t = def(name);
  const cols = Object.entries(t.columns).filter(([c]) => (rows[0] as unknown as Record<string, unknown>)[c] !== undefined);
  const values = rows.map((r) => cols.map(([c]) => (r as unknown as Record<string, unknown>)[c] as SqlValue));
  const list = cols.map(([c]) => `"${c}"`).join(', ');
  const from = d.rowsFrom(
    cols.map(([c, col]) => [c, col.kind]),
    values,
  );
  return [
    runOp(
      `INSERT INTO "${t.name}" (${list}) SELECT ${cols.map(([c]) => `v."${c}"`).join(', ')} FROM ${from.sql}${where ? ` WHERE ${where}` : ''}`,
      from.params,
    ),
  ];
}
