// The portal as a server under test: the built app on a fresh SQLite file (at the durability it is given) or on its
// own database of the bench's PostgreSQL, with one Okta directory made through the host API, as a host app does.
import fs from 'node:fs';
import path from 'node:path';
import { freshSqliteUrl } from '../../tests/setup/app-server';
import { startApp } from './app';
import type { BenchPostgres } from './pg-server';
import { processTree } from './proc';
import { groupSelection, POLICIES_SETTING, setPolicies } from './policies';
import { hostApi, newOktaDirectory } from './scim-client';
import { POSTGRES_DURABILITY, type Server } from './servers';

/** The app's durability settings on SQLite (SQLITE_SYNCHRONOUS); NORMAL is its default. */
type SqliteSync = 'NORMAL' | 'FULL';

const SQLITE_PROMISE: Record<SqliteSync, string> = {
  NORMAL: 'WAL, synchronous=NORMAL: a 2xx survives the process crashing, not the machine losing power',
  FULL: 'WAL, synchronous=FULL: a 2xx is on disk (fsync per commit), as the peer promises',
};

/**
 * The app limits each directory token to 6,000 SCIM requests a minute, which a throughput benchmark passes in
 * seconds; the limits are raised out of reach rather than switched off, so the limiter's work stays measured.
 */
const NO_LIMITS = { RATE_LIMIT_SCIM_PER_MINUTE: '1000000000', RATE_LIMIT_API_PER_MINUTE: '1000000000', RATE_LIMIT_IP_PER_MINUTE: '1000000000' };
/** The webhook receiver listens on loopback. */
const WEBHOOKS = { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };

export type PortalVariant = { db: 'sqlite'; sync: SqliteSync } | { db: 'postgres'; pg: BenchPostgres };

const PG_DATABASE = 'scim_portal_bench';

export async function startPortal(variant: PortalVariant, opts: { keepRateLimits: boolean; policies: boolean }, log: (line: string) => void): Promise<Server> {
  const name = variant.db === 'sqlite' ? `sqlite-${variant.sync.toLowerCase()}` : 'postgres';
  const databaseUrl = variant.db === 'sqlite' ? freshSqliteUrl('bench') : await variant.pg.createDatabase(PG_DATABASE);
  const env: Record<string, string> = { ...(opts.keepRateLimits ? {} : NO_LIMITS), ...WEBHOOKS };
  if (variant.db === 'sqlite') env.SQLITE_SYNCHRONOUS = variant.sync;
  log(`[portal ${name}] starting the app (builds it first if the sources changed)…`);
  const app = await startApp(name, databaseUrl, env, log);
  log(`[portal ${name}] app on ${app.baseUrl}, pid ${app.pid} (log: ${app.logFile})`);
  const removeFile = () => {
    if (variant.db === 'sqlite') fs.rmSync(path.dirname(databaseUrl.replace(/^file:/, '')), { recursive: true, force: true });
  };
  try {
    const dir = await newOktaDirectory(app);
    if (opts.policies) await setPolicies(app, dir);
    let endpointId: string | null = null;
    const own = () => processTree(app.pid);
    return {
      id:
        variant.db === 'sqlite'
          ? { side: 'portal', db: 'sqlite', name: `portal ${variant.sync}`, durability: SQLITE_PROMISE[variant.sync], judged: variant.sync === 'FULL' }
          : { side: 'portal', db: 'postgres', name: 'portal', durability: POSTGRES_DURABILITY, judged: true },
      dir,
      pid: app.pid,
      baseUrl: app.baseUrl,
      host: app,
      cpuPids: async () => (variant.db === 'sqlite' ? own() : [...own(), ...(await variant.pg.backends(PG_DATABASE))]),
      flushPids: async () => (variant.db === 'sqlite' ? own() : variant.pg.serverPids()),
      settings: [
        variant.db === 'sqlite'
          ? `portal ${variant.sync}: SQLITE_SYNCHRONOUS=${variant.sync}; ${SQLITE_PROMISE[variant.sync]}; file ${databaseUrl.replace(/^file:/, '')}`
          : `portal: database ${PG_DATABASE}, the app's pool sizes at their defaults`,
        ...(opts.policies ? [POLICIES_SETTING] : []),
      ],
      ...(opts.policies ? { selectGroups: (ids: string[]) => groupSelection(app, dir, ids) } : {}),
      async setWebhook(url) {
        if (url) endpointId = String((await hostApi(app, 'POST', '/webhook-endpoints', { url })).id);
        else if (endpointId) {
          await hostApi(app, 'DELETE', `/webhook-endpoints/${endpointId}`);
          endpointId = null;
        }
      },
      exited: () => app.exitedUnexpectedly(),
      async stop() {
        await app.stop();
        removeFile();
      },
    };
  } catch (e) {
    await app.stop();
    removeFile();
    throw e;
  }
}
