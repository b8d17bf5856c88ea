// The server's own settings: the database, the origin it serves, the frame origins and the SCIM limits.
import { z } from 'zod';
import { scimLimitsSchema } from './scim-limits';
import { is, number, positiveCount, raw, settings } from './setting';

const serverSchema = z
  .object({
    DATABASE_URL: raw(),
    PORT: number(3000, z.number().int().min(1).max(65_535)),
    PUBLIC_URL: raw(),
    PORTAL_ALLOWED_ORIGINS: z.string().default(''),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: is('true'),
    NEXTAUTH_SECRET: raw(),
    AUTH_SECRET: raw(),
    SQLITE_SYNCHRONOUS: z.string().optional(),
    // The earlier names still count, so a deployment's settings keep their meaning.
    PG_READ_POOL_SIZE: z.string().optional(),
    FAST_READ_POOL_SIZE: z.string().optional(),
    PG_WRITE_POOL_SIZE: z.string().optional(),
    SQL_WRITE_POOL_SIZE: z.string().optional(),
    PG_SCAN_POOL_SIZE: positiveCount(2),
    SCAN_QUEUE_LIMIT: number(8, z.number().int().min(0)),
    SCAN_TIMEOUT_MS: positiveCount(10_000),
  })
  .transform((e) => ({
    databaseUrl: e.DATABASE_URL ?? 'file:./data/portal.db',
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    portalAllowedOrigins: e.PORTAL_ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    webhookAllowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    authSecret: e.NEXTAUTH_SECRET ?? e.AUTH_SECRET,
    /** SQLite's `synchronous` setting for every connection: NORMAL (default) or FULL. */
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS?.toUpperCase() === 'FULL' ? ('FULL' as const) : ('NORMAL' as const),
    /** PostgreSQL connections per process: reads (every one a lookup or a bounded page) and write transactions. */
    pgReadPoolSize: positiveCount(1).parse(e.PG_READ_POOL_SIZE ?? e.FAST_READ_POOL_SIZE),
    pgWritePoolSize: positiveCount(5).parse(e.PG_WRITE_POOL_SIZE ?? e.SQL_WRITE_POOL_SIZE),
    /** Reads that may scan (lib/db/scan-gate.ts): PostgreSQL connections of their own, how many may wait, for how long. */
    pgScanPoolSize: e.PG_SCAN_POOL_SIZE,
    scanQueueLimit: e.SCAN_QUEUE_LIMIT,
    scanTimeoutMs: e.SCAN_TIMEOUT_MS,
  }));

type Env = z.output<typeof serverSchema> & { scim: z.output<typeof scimLimitsSchema> };
export type ScimLimits = Env['scim'];

/** Typed environment, parsed once on first use (tests set process.env before that, or call resetEnv). */
export const env = settings<Env>({ parse: (source) => ({ ...serverSchema.parse(source), scim: scimLimitsSchema.parse(source) }) });

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
