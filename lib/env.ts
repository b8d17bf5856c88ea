// Typed environment, parsed once on first use (tests set process.env before that).
export interface Env {
  databaseUrl: string;
  port: number;
  publicUrl: string;
  portalAllowedOrigins: string[];
  webhookAllowPrivateTargets: boolean;
  authSecret: string | undefined;
  /** SQLite's `synchronous` setting for every connection: NORMAL (default) or FULL. */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** PostgreSQL connections per process: reads (every one a lookup or a bounded page) and write transactions. */
  pgReadPoolSize: number;
  pgWritePoolSize: number;
}

const count = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Math.floor(Number(value)) : fallback);

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const port = Number(process.env.PORT ?? 3000) || 3000;
  cached = {
    databaseUrl: process.env.DATABASE_URL || 'file:./data/portal.db',
    port,
    publicUrl: (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    portalAllowedOrigins: (process.env.PORTAL_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    webhookAllowPrivateTargets: process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
    authSecret: process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET,
    sqliteSynchronous: process.env.SQLITE_SYNCHRONOUS?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL',
    // The earlier names still count, so a deployment's settings keep their meaning.
    pgReadPoolSize: count(process.env.PG_READ_POOL_SIZE ?? process.env.FAST_READ_POOL_SIZE, 1),
    pgWritePoolSize: count(process.env.PG_WRITE_POOL_SIZE ?? process.env.SQL_WRITE_POOL_SIZE, 5),
  };
  return cached;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
