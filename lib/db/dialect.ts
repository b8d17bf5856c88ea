// Everything SQLite and PostgreSQL do differently, in one place: the clock, locks, JSON, LIKE escaping, lists of
// values, index hints and how values cross the driver. Programs and queries ask their `env.dialect`; nothing else
// branches on the database.
import { createHash } from 'node:crypto';
import { all, allOp, changes, marks, one, runOp, together, type SqlOp, type SqlProgram, type SqlRow, type SqlScalar, type SqlValue } from './sql-program';
import { pgPlaceholders } from './pg-js';
import type { ColumnKind } from './table-def';

type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  name: DialectName;
  /** The current time as a dateTime column stores it (SQLite: ISO text with an offset; PostgreSQL: timestamp(3), UTC). */
  now: string;
  /** A timestamp parameter where nothing gives it a type (a CASE branch): PostgreSQL needs the cast. */
  timestampParam: string;
  /** ` FOR UPDATE` where other writers must queue for the rows read (SQLite's write transaction excludes them all). */
  forUpdate: string;
  /**
   * ` FOR KEY SHARE OF alias` on PostgreSQL: a row a concurrent writer changed is re-read and its conditions checked
   * again, and the row can't change under the reader (SQLite's write transaction excludes other writers).
   */
  keyShareOf(alias: string): string;
  /** `expr` compared and ordered byte by byte (ids are ASCII: as JavaScript compares them). */
  bytewise(expr: string): string;
  /** Statements taking a transaction-scoped lock on (lockClass, key) before what follows; none on SQLite. */
  lock(mode: 'shared' | 'exclusive', lockClass: number, key: string): SqlOp[];
  /** Statements locking the rows of `table` with these ids, in id order; none on SQLite. */
  lockRows(table: string, ids: readonly string[]): SqlOp[];
  /** `column IN (…)` over a list of text values, as one parameter: one statement text whatever the count. */
  inList(column: string, values: readonly string[]): [sql: string, param: SqlValue];
  /** A JSON array of one row's values, and the rows' arrays aggregated in `orderBy` order ('[]' for none). */
  jsonArray(...values: string[]): string;
  jsonAgg(value: string, orderBy: string): string;
  /** The text at a path of a JSON column (issue 18's attributes kept only in `raw`). */
  jsonText(column: string, path: readonly string[]): string;
  /** A FROM item over the elements of the array at `path` in a JSON column (none when it is absent or not an array). */
  jsonEach(column: string, path: readonly string[], alias: string): string;
  /** The text at `path` inside an element `jsonEach` yields (the element itself for an empty path). */
  jsonElementText(alias: string, path: readonly string[]): string;
  /** A boolean from the text of a JSON value (`true`, and Entra's `"True"`), NULL for anything else. */
  jsonBoolean(text: string): string;
  /** A number from a JSON value read by jsonText/jsonElementText, NULL for anything else (never an error). */
  jsonNumber(text: string): string;
  /** An ISO 8601 timestamp's text from a JSON value (as toISOString writes it), NULL for any other text. */
  jsonDateTime(text: string): string;
  /** A column compared without its index where SQLite's statistics-less planner would pick the wrong one. */
  noIndex(column: string): string;
  /** SQLite's `INDEXED BY` hint naming the index a table must be read by; nothing on PostgreSQL. */
  indexedBy(index: string): string;
  /**
   * Statements giving an index the app creates while running the statistics of a large directory (`stat`: rows, then
   * rows per key prefix), as migrate.ts gives those of the migrations: SQLite would otherwise plan with defaults that
   * make it the best way to walk a directory. None on PostgreSQL (it has real statistics).
   */
  indexShape(table: string, index: string, stat: string): SqlOp[];
  /**
   * Building and dropping an index the app creates while running, without blocking the table's writers: PostgreSQL's
   * CONCURRENTLY, which refuses a transaction (run them through `Database.session`); SQLite's hold the write lock, in
   * the session's worker thread (sqlite-session-worker.ts).
   */
  buildIndex(table: string, index: string, keys: string): SqlOp;
  dropIndex(index: string): SqlOp;
  /** `{ name, valid }` of the indexes on `table`: an interrupted concurrent build leaves one INVALID (valid false). */
  indexesOf(table: string): SqlOp;
  /** A lock held by a `Database.session` until released or closed, tried without waiting (`{ got }`); SQLite's one process needs none. */
  trySessionLock(lockClass: number, key: string): SqlOp;
  sessionUnlock(lockClass: number, key: string): SqlOp;
  /**
   * Rows given as values, as a FROM item `… AS v("a", "b", …)` an INSERT … SELECT can filter; one statement text
   * whatever the number of rows. PostgreSQL: one array parameter per column; SQLite: the rows as one JSON parameter.
   */
  rowsFrom(columns: readonly [name: string, kind: ColumnKind][], rows: readonly SqlValue[][]): { sql: string; params: SqlValue[] };
  /** Rows inserted in their order under a transaction lock, after an optional lead write (see OrderedInsert). */
  orderedInsert(insert: OrderedInsert): SqlProgram<SqlRow | null>;
  /** The statements of an ordered insert without a lead write, to send in one batch with others. */
  orderedInsertOps(insert: Omit<OrderedInsert, 'lead'>): SqlOp[];
  /**
   * A statement answering `{ w }`: the value of `maxSql` (the highest ordered-insert column under `lock`) such that
   * every row at or below it is settled, committed or rolled back, when the statement returns: a reader paging up
   * to it never skips a row that commits late (see OrderedInsert).
   */
  settledMax(lock: string, maxSql: string, params: SqlValue[]): SqlOp;
  /** A FROM clause taking an ordered insert's lock, for a single-row `INSERT … SELECT` outside orderedInsert. */
  orderedLock(lock: string): { from: string; params: SqlValue[] };
  /** A parameter as the driver takes it. */
  param(v: SqlValue): unknown;
  /** A statement's text as the driver takes it: programs write `?` placeholders, PostgreSQL numbers them. */
  text(sql: string): string;
}

/**
 * Rows to insert in their order, so an identity column (the events' `seq`) follows it. Concurrent writers may
 * commit out of that order (on PostgreSQL, where they take the transaction lock named `lock` in shared mode: writers
 * never wait for each other's commit, so their commits share a disk flush); readers paging by the column therefore
 * read only up to `settledMax`, below which nothing is still to commit. With a lead write (an `UPDATE … RETURNING`
 * of the row the inserts are about), its row is returned, and when it matched none, null and nothing inserted.
 * `stamp` is set to the clock.
 */
export interface OrderedInsert {
  table: string;
  columns: readonly string[];
  stamp: string;
  rows: readonly SqlValue[][];
  lock: string;
  lead?: { sql: string; params: SqlValue[] };
  /** The transaction's last step: PostgreSQL sends its last statement with the COMMIT (SqlOp.final). */
  final: boolean;
}

/** Rows per INSERT statement of an ordered insert. */
const PART = 100;

/** `\`, `%` and `_` escaped for `LIKE … ESCAPE '\'` (the same on both databases). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const LIKE_ESCAPE = `ESCAPE '\\'`;

/** A 64-bit lock key from text (PostgreSQL's advisory locks take bigints). */
const advisoryKey = (name: string): bigint => createHash('sha256').update(name).digest().readBigInt64BE(0);
const lockKey = (lockClass: number, key: string): bigint => advisoryKey(`${lockClass}:${key}`);
const columnList = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

const sqliteValue = (x: SqlScalar): string | number | bigint | null =>
  x === true ? 1 : x === false ? 0 : x instanceof Date ? x.toISOString().replace('Z', '+00:00') : x;
/** A value inside a JSON parameter: as bound, 64-bit integers as text (the column's affinity makes them integers). */
const jsonValue = (x: SqlScalar): string | number | null => {
  const v = sqliteValue(x);
  return typeof v === 'bigint' ? v.toString() : v;
};

// JSON paths are written into the statement (they come from the schemas, never from a request); quotes and the
// characters that would end the literal are dropped.
const sqlitePath = (path: readonly string[]) => `$${path.map((p) => `."${p.replace(/["'?]/g, '')}"`).join('')}`;
const pgPath = (path: readonly string[]) => `{${path.map((p) => `"${p.replace(/["'{},\\?]/g, '')}"`).join(',')}}`;

export const sqlite: Dialect = {
  name: 'sqlite',
  now: `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`,
  forUpdate: '',
  keyShareOf: () => '',
  bytewise: (expr) => expr,
  timestampParam: '?',
  lock: () => [],
  lockRows: () => [],
  inList: (column, values) => [`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values)],
  jsonArray: (...values) => `json_array(${values.join(', ')})`,
  jsonAgg: (value, orderBy) => `json_group_array(${value} ORDER BY ${orderBy})`,
  jsonText: (column, path) => `json_extract(${column}, '${sqlitePath(path)}')`,
  jsonEach: (column, path, alias) =>
    `json_each(CASE json_type(${column}, '${sqlitePath(path)}') WHEN 'array' THEN json_extract(${column}, '${sqlitePath(path)}') ELSE '[]' END) ${alias}`,
  // `value` is JSON text only for objects and arrays: json_extract on a string element would fail as malformed JSON.
  jsonElementText: (alias, path) =>
    path.length === 0 ? `${alias}."atom"` : `(CASE ${alias}."type" WHEN 'object' THEN json_extract(${alias}."value", '${sqlitePath(path)}') END)`,
  // json_extract reads JSON true/false as 1/0.
  jsonBoolean: (text) => `(CASE lower(${text}) WHEN 'true' THEN 1 WHEN '1' THEN 1 WHEN 'false' THEN 0 WHEN '0' THEN 0 END)`,
  // json_extract gives JSON numbers as SQL numbers and JSON strings as text.
  jsonNumber: (text) => `(CASE WHEN typeof(${text}) IN ('integer', 'real') THEN ${text} END)`,
  jsonDateTime: (text) => `(CASE WHEN ${text} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:*' THEN ${text} END)`,
  noIndex: (column) => `(${column} || '')`,
  indexedBy: (index) => ` INDEXED BY "${index}"`,
  // In the index's own transaction: the schema change makes the other connections reload the statistics with it;
  // `ANALYZE sqlite_schema` reloads them on this one (it analyses nothing).
  indexShape: (table, index, stat) => [
    runOp(`DELETE FROM sqlite_stat1 WHERE "idx" = ?`, [index]),
    runOp(`INSERT INTO sqlite_stat1 ("tbl", "idx", "stat") VALUES (?, ?, ?)`, [table, index, stat]),
    runOp('ANALYZE sqlite_schema'),
  ],
  buildIndex: (table, index, keys) => runOp(`CREATE INDEX IF NOT EXISTS "${index}" ON "${table}" (${keys})`),
  dropIndex: (index) => runOp(`DROP INDEX IF EXISTS "${index}"`),
  indexesOf: (table) => allOp(`SELECT "name", 1 AS "valid" FROM sqlite_schema WHERE "type" = 'index' AND "tbl_name" = ?`, [table]),
  trySessionLock: () => allOp('SELECT 1 AS "got"'),
  sessionUnlock: () => allOp('SELECT 1 AS "released"'),
  // The rows as one JSON parameter: one statement text (one prepared statement) whatever the number of rows.
  rowsFrom: (columns, rows) => ({
    sql: `(SELECT ${columns.map(([n], i) => `j.value ->> ${i} AS "${n}"`).join(', ')} FROM json_each(?) j) AS v`,
    params: [JSON.stringify(rows.map((r) => r.map((x) => jsonValue(x as SqlScalar))))],
  }),
  // One writer at a time: no lock; several rows per statement, in order.
  *orderedInsert(insert) {
    const led = insert.lead ? yield* one(insert.lead.sql, insert.lead.params) : null;
    if (insert.lead && !led) return null;
    for (const op of sqlite.orderedInsertOps(insert)) yield* changes(op);
    return led;
  },
  // Writes commit one after another, in the order they took their values: all committed is all settled.
  settledMax: (_lock, maxSql, params) => allOp(`SELECT (${maxSql}) AS "w"`, params),
  orderedLock: () => ({ from: '', params: [] }),
  orderedInsertOps({ table, columns, stamp, rows }) {
    const ops: SqlOp[] = [];
    for (let i = 0; i < rows.length; i += PART) {
      const part = rows.slice(i, i + PART);
      const values = part.map(() => `(${marks(columns.length)}, ${sqlite.now})`).join(', ');
      ops.push(runOp(`INSERT INTO "${table}" (${columnList(columns)}, "${stamp}") VALUES ${values}`, part.flat()));
    }
    return ops;
  },
  param(v) {
    if (Array.isArray(v)) throw new Error('SQLite takes no array parameters');
    return sqliteValue(v as SqlScalar);
  },
  text: (sql) => sql,
};

const PG_ARRAY: Record<ColumnKind, string> = {
  text: 'text[]',
  int: 'int[]',
  bigint: 'bigint[]',
  float: 'float8[]',
  boolean: 'boolean[]',
  dateTime: 'timestamp(3)[]',
};

const pgValue = (x: SqlScalar): unknown => (typeof x === 'bigint' ? x.toString() : x instanceof Date ? x.toISOString() : x);

const PG_NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * PostgreSQL's ordered insert, a statement per PART rows: each takes the transaction lock in shared mode first
 * (after the lead write's row lock, when there is one) and inserts its rows in order; the last is final when the
 * insert is. The identity values are drawn under that lock, so a writer holding a value not yet settled holds it.
 */
function pgOrderedParts({ table, columns, stamp, rows, lock, final }: Omit<OrderedInsert, 'lead'>, lead: OrderedInsert['lead'] | null): SqlOp[] {
  const picked = columns.map((_, c) => `v.column${c + 1}`).join(', ');
  const ops: SqlOp[] = [];
  for (let i = 0; i < rows.length; i += PART) {
    const part = rows.slice(i, i + PART);
    const first = lead && i === 0 ? lead : null;
    ops.push({
      ...allOp(
        `WITH ${first ? `led AS (${first.sql}), l AS (SELECT pg_advisory_xact_lock_shared(?::bigint) FROM led)` : 'l AS (SELECT pg_advisory_xact_lock_shared(?::bigint))'},
         ins AS (
           INSERT INTO "${table}" (${columnList(columns)}, "${stamp}")
           SELECT ${picked}, ${PG_NOW}
           FROM (VALUES ${part.map(() => `(${marks(columns.length)}, ?::int)`).join(', ')}) AS v CROSS JOIN l ORDER BY v.column${columns.length + 1}
           RETURNING 1)
         SELECT ${first ? 'led.*, ' : ''}(SELECT count(*) FROM ins) AS "inserted"${first ? ' FROM led' : ''}`,
        [...(first ? first.params : []), advisoryKey(lock), ...part.flatMap((r, n) => [...r, n])],
      ),
      ...(final && i + PART >= rows.length ? { final: true } : {}),
    });
  }
  return ops;
}

export const postgres: Dialect = {
  name: 'postgres',
  now: PG_NOW,
  forUpdate: ' FOR UPDATE',
  keyShareOf: (alias) => ` FOR KEY SHARE OF ${alias}`,
  bytewise: (expr) => `${expr} COLLATE "C"`,
  timestampParam: 'CAST(? AS timestamp(3))',
  lock: (mode, lockClass, key) => [
    allOp(`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock${mode === 'shared' ? '_shared' : ''}(?::bigint)) l`, [lockKey(lockClass, key)]),
  ],
  lockRows: (table, ids) =>
    ids.length ? [allOp(`SELECT 1 FROM "${table}" WHERE "id" = ANY(?::text[]) ORDER BY "id" COLLATE "C" FOR NO KEY UPDATE`, [ids])] : [],
  inList: (column, values) => [`${column} = ANY(?::text[])`, values],
  jsonArray: (...values) => `json_build_array(${values.join(', ')})`,
  jsonAgg: (value, orderBy) => `COALESCE(json_agg(${value} ORDER BY ${orderBy}), '[]'::json)`,
  jsonText: (column, path) => `(${column}::jsonb #>> '${pgPath(path)}')`,
  jsonEach: (column, path, alias) =>
    `jsonb_array_elements(CASE jsonb_typeof(${column}::jsonb #> '${pgPath(path)}') WHEN 'array' THEN ${column}::jsonb #> '${pgPath(path)}' ELSE '[]'::jsonb END) AS ${alias}("value")`,
  jsonElementText: (alias, path) => `(${alias}."value" #>> '${pgPath(path)}')`,
  jsonBoolean: (text) => `(CASE lower(${text}) WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE END)`,
  // #>> gives text; only a JSON number's text is cast (a cast of anything else would fail the statement). No `?`
  // in the pattern: it would read as a placeholder.
  jsonNumber: (text) => `(CASE WHEN ${text} ~ '^-{0,1}[0-9]+(\\.[0-9]+){0,1}([eE][-+]{0,1}[0-9]+){0,1}$' THEN CAST(${text} AS double precision) END)`,
  jsonDateTime: (text) => `(CASE WHEN ${text} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:' THEN ${text} END)`,
  // PostgreSQL has statistics: the expression's default selectivity would mislead it.
  noIndex: (column) => column,
  indexedBy: () => '',
  indexShape: () => [],
  buildIndex: (table, index, keys) => runOp(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "${index}" ON "${table}" (${keys})`),
  dropIndex: (index) => runOp(`DROP INDEX CONCURRENTLY IF EXISTS "${index}"`),
  indexesOf: (table) =>
    allOp(
      `SELECT c."relname" AS "name", i."indisvalid" AS "valid" FROM pg_index i JOIN pg_class c ON c."oid" = i."indexrelid" WHERE i."indrelid" = to_regclass(?)`,
      [`"${table}"`],
    ),
  trySessionLock: (lockClass, key) => allOp('SELECT pg_try_advisory_lock(?::bigint) AS "got"', [lockKey(lockClass, key)]),
  sessionUnlock: (lockClass, key) => allOp('SELECT pg_advisory_unlock(?::bigint) AS "released"', [lockKey(lockClass, key)]),
  rowsFrom: (columns, rows) => ({
    sql: `unnest(${columns.map(([, kind]) => `?::${PG_ARRAY[kind]}`).join(', ')}) AS v(${columns.map(([n]) => `"${n}"`).join(', ')})`,
    params: columns.map((_, c) => rows.map((r) => r[c] as SqlScalar)),
  }),
  // The lead, the lock and the rows in ONE statement, so the lock is held for that statement and the COMMIT after
  // it, not for several round trips: writers of one lock queue on it. A lead write goes first: the lock is taken
  // per row it returned, so none means no lock and no rows.
  *orderedInsert({ lead, ...insert }) {
    if (!lead) {
      yield* together(postgres.orderedInsertOps(insert));
      return null;
    }
    const [first, ...rest] = pgOrderedParts(insert, lead);
    const [result] = yield* all(first.sql, first.params, first.final);
    if (!result) return null;
    if (rest.length) yield* together(rest);
    return result;
  },
  orderedInsertOps: (insert) => pgOrderedParts(insert, null),
  // The lock taken exclusively waits for every writer holding it shared, that is every value drawn and not settled;
  // the statement's snapshot predates the wait, so `w` is at most the highest value settled when it returns. Outside
  // a transaction the lock goes with the statement: writers wait for a moment, not for the reader's work.
  settledMax: (lock, maxSql, params) => allOp(`SELECT (${maxSql}) AS "w" FROM (SELECT pg_advisory_xact_lock(?::bigint)) l`, [...params, advisoryKey(lock)]),
  orderedLock: (lock) => ({ from: ' FROM (SELECT pg_advisory_xact_lock_shared(?::bigint)) l', params: [advisoryKey(lock)] }),
  param: (v) => (Array.isArray(v) ? v.map(pgValue) : pgValue(v as SqlScalar)),
  text: (sql) => pgPlaceholders(sql),
};
