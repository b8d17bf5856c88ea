// One SCIM entry point and one instance of lib/ per process: the custom server answers SCIM straight from node:http
// through the route handler it loads from Next's build, while requests Next routes itself (HEAD) reach the same
// handler through Next. Both are logged by one request log, flushed once on SIGTERM by the process's one shutdown:
// were lib/ loaded twice, the entries of one copy would be lost.
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { freshSqliteUrl, startApp } from '../setup/app-server';
import { newDirectory } from './harness';
import type { ChildProcess } from 'node:child_process';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

it('requests served straight from node:http and through Next both reach the log flushed at SIGTERM', async () => {
  const url = freshSqliteUrl('entry-point');
  const app = await startApp('sqlite', url);
  children.push(app.child);
  const dir = await newDirectory(app.target);
  // Let the directory's own requests be written, so what is left in the buffer at SIGTERM is only what follows.
  await new Promise((r) => setTimeout(r, 600));
  const send = (method: string, i: number) =>
    fetch(`${dir.endpoint}/Users?count=${i}`, { method, headers: { Authorization: `Bearer ${dir.token}` } }).then((r) => r.status);
  const statuses = await Promise.all([...[1, 2, 3].map((i) => send('GET', i)), ...[4, 5, 6].map((i) => send('HEAD', i))]);
  // GET straight from node:http; HEAD goes through Next's router to the route handler (HEAD is GET's, without a body).
  expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
  expect(statuses.slice(3).every((s) => s < 500)).toBe(true);
  app.child.kill('SIGTERM');
  await once(app.child, 'exit');
  expect(app.child.exitCode).toBe(0);

  const db = new Database(url.replace(/^file:/, ''), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT "method", "path" FROM "ScimRequestLog" WHERE "directoryId" = ? AND "path" LIKE '/Users?count=%' ORDER BY "path"`)
      .all(dir.directoryId);
    expect(rows).toEqual([
      ...[1, 2, 3].map((i) => ({ method: 'GET', path: `/Users?count=${i}` })),
      ...[4, 5, 6].map((i) => ({ method: 'HEAD', path: `/Users?count=${i}` })),
    ]);
  } finally {
    db.close();
  }
});
