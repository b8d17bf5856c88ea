// Global setup of the http tier: the built app on SQLite and on PostgreSQL, side by side, and a third on SQLite whose
// SCIM requests go through Next's own router to the route handler (SCIM_ROUTING=next), for the IdP flows.
import type { TestProject } from 'vitest/node';
import type { ChildProcess } from 'node:child_process';
import { freshPostgresDatabase, freshSqliteUrl, startApp, type AppTarget } from './app-server';
import { dumpRequestLogs } from './request-log-dump';
import { ensureHostFields } from '../http/host-fields-fixture';

declare module 'vitest' {
  export interface ProvidedContext {
    targets: AppTarget[];
    routerTargets: AppTarget[];
  }
}

const children: ChildProcess[] = [];

export default async function setup(project: TestProject) {
  const pgServer = process.env.TEST_PG_URL;
  if (!pgServer) throw new Error('TEST_PG_URL is not set: run the tests with `npm test` (it starts PostgreSQL)');
  // Sequential: the first start builds the app if needed, the second finds it built.
  const sqlite = await startApp('sqlite', freshSqliteUrl('http'));
  children.push(sqlite.child);
  const postgres = await startApp('postgres', await freshPostgresDatabase(pgServer, 'scim_portal_http'));
  children.push(postgres.child);
  const router = await startApp('sqlite', freshSqliteUrl('http-router'), { SCIM_ROUTING: 'next' });
  children.push(router.child);
  // The host's fields, declared before any file's users exist: a first declaration recomputes every directory's
  // users, which would otherwise send update events into files running at the same time.
  for (const t of [sqlite.target, postgres.target, router.target]) await ensureHostFields(t);
  project.provide('targets', [sqlite.target, postgres.target]);
  project.provide('routerTargets', [{ ...router.target, name: 'sqlite, Next router' }]);
  return async () => {
    // Stopped first: each flushes its request log on SIGTERM, and the rows are then scanned for secrets.
    await Promise.all(children.map((c) => new Promise((done) => (c.exitCode !== null ? done(null) : (c.once('exit', done), c.kill('SIGTERM'))))));
    await dumpRequestLogs([sqlite.target, postgres.target]);
  };
}
