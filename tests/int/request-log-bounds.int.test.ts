// The request log's reads over a directory with half a million logged requests cost what they cost over a few: the
// portal asks for its first page and totals every 5 s while the log is open, on the read path every tenant shares.
// Before, the totals counted every row (60-84 ms a million), a 2xx page read and sorted every 2xx row (440 ms a
// million on SQLite), and the setup check read the whole log when it held no user write.
import { beforeAll, describe, expect, it } from 'vitest';
import { database, write } from '../../lib/db/database';
import { run } from '../../lib/db/sql-program';
import { readHostDirectory } from '../../lib/directory/directories';
import type { DirectoryScope } from '../../lib/events/event-types';
import { requestLogPage, requestTotals, TOTALS_CAP } from '../../lib/portal/request-log-page';
import { setupCheck } from '../../lib/portal/setup-check';
import { fastest } from './fastest';
import { secondsAfter, series } from './large-directory';
import { newDirectory } from './scim-helpers';

const ROWS = 500_000;
/** Every 50,000th request was refused (409): 10 of them. */
const REFUSED_EVERY = 50_000;
const db = process.env.TEST_DB ?? 'sqlite';

let dir: DirectoryScope;

const requestId = (i: number) => `req_${String(i).padStart(7, '0')}`;

beforeAll(async () => {
  dir = await newDirectory();
  // Reads and creates only (no user PATCH or PUT); one request about groups, the oldest but four.
  await write(() =>
    run(
      `INSERT INTO "ScimRequestLog" ("id", "directoryId", "method", "path", "status", "durationMs", "resource", "createdAt")
       SELECT 'req_' || substr('0000000' || s.i, length('0000000' || s.i) - 6), ?, CASE WHEN s.i % 2 = 0 THEN 'GET' ELSE 'POST' END, '/Users',
         CASE WHEN s.i % ${REFUSED_EVERY} = 7 THEN 409 ELSE 200 END, 1, CASE WHEN s.i = 4 THEN 'Groups' ELSE 'Users' END, ${secondsAfter('2026-12-01')}
       FROM ${series(ROWS)}`,
      [dir.directoryId],
    ),
  );
  if (database().dialect.name === 'postgres') await write(() => run('ANALYZE "ScimRequestLog"'));
}, 300_000);

describe(`the request log of a directory with ${ROWS.toLocaleString('en-US')} requests`, () => {
  let firstPageMs = 0;
  /** What a read may cost beside the first page (a few ms): a multiple of it, never the log's length. */
  const bound = () => 3 * firstPageMs + 5;

  beforeAll(async () => {
    const first = await fastest(() => requestLogPage({ directoryId: dir.directoryId, limit: 50 }), 3);
    expect(first.value.rows[0].id).toBe(requestId(ROWS - 1));
    firstPageMs = first.ms;
  });

  it('totals: exact up to TOTALS_CAP an outcome, "at least" past it, at the cost of a page', async () => {
    const { ms, value } = await fastest(() => requestTotals(dir.directoryId), 3);
    console.log(`[${db}] totals: ${ms.toFixed(1)} ms; first page ${firstPageMs.toFixed(1)} ms`);
    expect(value).toEqual({
      total: TOTALS_CAP + ROWS / REFUSED_EVERY,
      succeeded: TOTALS_CAP,
      refused: ROWS / REFUSED_EVERY,
      failed: 0,
      capped: { succeeded: true, refused: false, failed: false },
    });
    expect(ms).toBeLessThan(bound());
  });

  it('a page of one outcome, common or rare, is a range in page order', async () => {
    const ok = await fastest(() => requestLogPage({ directoryId: dir.directoryId, statusClass: '2xx', limit: 50 }), 3);
    const refused = await fastest(() => requestLogPage({ directoryId: dir.directoryId, statusClass: '4xx', limit: 50 }), 3);
    console.log(`[${db}] 2xx page: ${ok.ms.toFixed(1)} ms, 4xx page: ${refused.ms.toFixed(1)} ms`);
    expect(ok.value.rows.map((r) => r.id).slice(0, 2)).toEqual([requestId(ROWS - 1), requestId(ROWS - 2)]);
    expect(refused.value.rows.map((r) => r.status)).toEqual(Array(ROWS / REFUSED_EVERY).fill(409));
    expect(refused.value.rows[0].id).toBe(requestId(ROWS - REFUSED_EVERY + 7));
    const next = await requestLogPage({ directoryId: dir.directoryId, statusClass: '2xx', limit: 50, before: ok.value.next });
    expect(next.rows[0].id).toBe(requestId(ROWS - 51));
    expect(Math.max(ok.ms, refused.ms)).toBeLessThan(bound());
  });

  it('a resource no index holds is found, read as a scan', async () => {
    const groups = await requestLogPage({ directoryId: dir.directoryId, resource: 'Groups', limit: 50 });
    expect(groups.rows.map((r) => r.id)).toEqual([requestId(4)]);
  });

  it('the setup check reads the newest requests only, though none of them is a user write', async () => {
    const d = await readHostDirectory({ hostId: dir.hostId, id: dir.directoryId });
    const { ms, value } = await fastest(() => setupCheck(d!), 3);
    console.log(`[${db}] setup check: ${ms.toFixed(1)} ms`);
    expect(value.steps.credentials.done).toBe(true);
    expect(value.diagnoses).not.toContain('password_sync');
    expect(ms).toBeLessThan(bound());
    // Still read from the log: a password in the newest user write is diagnosed.
    await write(() =>
      run(
        `INSERT INTO "ScimRequestLog" ("id", "directoryId", "method", "path", "status", "durationMs", "resource", "requestBody", "createdAt") VALUES (?, ?, 'PUT', '/Users/x', 200, 1, 'Users', ?, ?)`,
        [requestId(ROWS), dir.directoryId, '{"password":"[redacted]"}', new Date(Date.UTC(2027, 0, 1))],
      ),
    );
    expect((await setupCheck(d!)).diagnoses).toContain('password_sync');
  });
});
