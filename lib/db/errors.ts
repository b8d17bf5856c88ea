// Recognising database errors the same way on SQLite and PostgreSQL, from their drivers' codes (better-sqlite3's
// SqliteError.code, postgres.js's SQLSTATE): the one place a constraint error becomes a meaning.
interface CodedError {
  code?: unknown;
}

function code(e: unknown): string | undefined {
  const c = (e as CodedError | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

const UNIQUE = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** A unique-constraint violation, e.g. a second user with the same userName in a directory. */
export function isUniqueViolation(e: unknown): boolean {
  return UNIQUE.has(code(e) ?? '');
}

/** How long a write keeps trying while another SQLite connection holds the write lock (as busy_timeout would). */
export const SQLITE_BUSY_WAIT_MS = 10_000;

/**
 * SQLite's "database is locked" (SQLITE_BUSY and its extended codes): another connection (another process, the
 * WAL checkpointer's RESTART) holds the write lock. Never waited for inside SQLite (that would stall the event
 * loop): the write is tried again (transaction.ts).
 */
export function isSqliteBusy(e: unknown): boolean {
  return code(e)?.startsWith('SQLITE_BUSY') ?? false;
}

/**
 * A row referring to a parent that does not exist (PostgreSQL 23503, SQLite's SQLITE_CONSTRAINT_FOREIGNKEY): in a
 * SCIM write, a parent deleted meanwhile — the directory, or the group.
 */
export function isForeignKeyViolation(e: unknown): boolean {
  const c = code(e);
  return c === '23503' || c === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** A CHECK constraint's refusal (PostgreSQL 23514, SQLite's SQLITE_CONSTRAINT_CHECK): the seat limit's (lib/policy/seats.ts). */
export function isCheckViolation(e: unknown): boolean {
  const c = code(e);
  return c === '23514' || c === 'SQLITE_CONSTRAINT_CHECK';
}

/**
 * PostgreSQL's "program limit exceeded" (54000), e.g. an index entry over the B-tree's 2,704 bytes: a value too large
 * for the database, never a fault of the server. Values bound for indexes are checked first (lib/directory/indexable.ts);
 * this keeps any that slips past from becoming a 500.
 */
export function isValueTooLarge(e: unknown): boolean {
  return code(e) === '54000';
}
