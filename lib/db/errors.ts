// Recognising database errors the same way on SQLite and PostgreSQL, from their drivers or through Prisma's codes.
interface CodedError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

function code(e: unknown): string | undefined {
  const c = (e as CodedError | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/** A unique-constraint violation (P2002), e.g. a second user with the same userName in a directory. */
export function isUniqueViolation(e: unknown): boolean {
  if (code(e) === 'P2002') return true;
  const msg = String((e as CodedError | null)?.message ?? '');
  return /Unique constraint failed|UNIQUE constraint failed|duplicate key value violates unique constraint/i.test(msg);
}

/** How long a write keeps trying while another SQLite connection holds the write lock (as busy_timeout would). */
export const SQLITE_BUSY_WAIT_MS = 10_000;

/**
 * SQLite's "database is locked", as better-sqlite3 throws it or wrapped by Prisma's adapter (P1008 "Operation has
 * timed out", the driver's code in meta). A Prisma transaction meets it without waiting when it upgrades from
 * reader to writer while another connection holds the write lock (the WAL checkpointer's RESTART, another
 * process): SQLite cannot let a reader wait for a writer whose commit would make the reader's snapshot stale.
 */
export function isSqliteBusy(e: unknown): boolean {
  const err = e as { cause?: { originalCode?: unknown }; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  const original = err?.meta?.driverAdapterError?.cause?.originalCode ?? err?.cause?.originalCode ?? code(e);
  return typeof original === 'string' && original.startsWith('SQLITE_BUSY');
}

/** A transaction that lost a write conflict or deadlock and may simply be tried again (PostgreSQL). */
export function isRetryableConflict(e: unknown): boolean {
  if (code(e) === 'P2034') return true;
  const msg = String((e as CodedError | null)?.message ?? '');
  return /could not serialize access|deadlock detected|write conflict|SQLITE_BUSY|database is locked/i.test(msg);
}

/**
 * A row referring to a parent that does not exist (PostgreSQL 23503, SQLite's SQLITE_CONSTRAINT_FOREIGNKEY): in a
 * SCIM write, a parent deleted meanwhile — the directory, or the group.
 */
export function isForeignKeyViolation(e: unknown): boolean {
  const c = code(e);
  if (c === '23503' || c === 'SQLITE_CONSTRAINT_FOREIGNKEY' || c === 'P2003') return true;
  return /violates foreign key constraint|FOREIGN KEY constraint failed/i.test(String((e as CodedError | null)?.message ?? ''));
}
