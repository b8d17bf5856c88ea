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
}

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
  };
  return cached;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
