// Writers of one host's events do not wait for each other's commits (on PostgreSQL they share the events lock), so a
// later `seq` can commit first. A reader of the feed must still never step over an event that commits late: it
// reads only up to the settled end (lib/events/feed.ts settledEventSeq), waiting for the writes under way. On SQLite,
// where writes commit one at a time, that is a plain read: a feed poll never queues behind (or delays) the writes.
import { describe, expect, it } from 'vitest';
import { database, read, write } from '../../lib/db/database';
import { one } from '../../lib/db/sql-program';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed, settledEventSeq } from '../../lib/events/feed';
import { sqliteFilePath } from '../../lib/db/sqlite-settings';
import { env } from '../../lib/env';
import { getEvents } from '../../lib/host-api/events-api';
import type { ApiContext } from '../../lib/host-api/with-api-key';
import { writeEventsSql } from '../../lib/events/write-events';
import { newDirectory } from './scim-helpers';
import { query } from './db-rows';
import { holdWriteLock } from './write-lock-holder';

const event = (name: string) => ({ type: 'directory.enabled' as const, data: { name } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function lastSeq(hostId: string): Promise<number> {
  return Number((await query(`SELECT max("seq") AS "seq" FROM "Event" WHERE "hostId" = ?`, [hostId]))[0]?.seq ?? 0);
}

describe('the events feed while writes commit out of order', () => {
  it('a reader never gets a later event before an earlier one still committing', async () => {
    const dir: DirectoryScope = await newDirectory();
    const start = await lastSeq(dir.hostId);
    const slow = database().dialect.name === 'postgres';
    // A: its event takes the lower seq, then the transaction stays open (on SQLite writes run one at a time).
    const a = write(function* (env) {
      yield* writeEventsSql(env, dir, [event('first')]);
      if (slow) yield* one(`SELECT pg_sleep(0.8)`);
    });
    await sleep(slow ? 200 : 0);
    // B: a later seq, committed while A is still open.
    await write((env) => writeEventsSql(env, dir, [event('second')], { final: true }));
    let aDone = false;
    void a.then(() => (aDone = true));
    const page = await readFeed({ hostId: dir.hostId, afterSeq: start, limit: 100 });
    // The reader waited for A: it sees both, in seq order, so a cursor at the last one skips nothing.
    expect(aDone).toBe(true);
    expect(page.map((e) => (JSON.parse(e.data) as { name: string }).name)).toEqual(['first', 'second']);
    expect(page[0].seq).toBeLessThan(page[1].seq);
    expect(await read((env) => settledEventSeq(env, dir.hostId))).toBe(page[1].seq);
  });

  it('writers of one host do not wait for each other', async () => {
    if (database().dialect.name !== 'postgres') return; // SQLite has one writer at a time by design
    const dir: DirectoryScope = await newDirectory();
    // A holds its events' lock for 0.8 s; B's events must commit meanwhile.
    const a = write(function* (env) {
      yield* writeEventsSql(env, dir, [event('slow')]);
      yield* one(`SELECT pg_sleep(0.8)`);
    });
    await sleep(200);
    const t0 = performance.now();
    await write((env) => writeEventsSql(env, dir, [event('fast')], { final: true }));
    expect(performance.now() - t0).toBeLessThan(400);
    await a;
  });

  it('on SQLite a feed poll stays off the write path: it answers while another connection holds the write lock', async () => {
    if (database().dialect.name !== 'sqlite') return; // PostgreSQL's settled end is a transaction of its own, by design
    const dir: DirectoryScope = await newDirectory();
    const start = await lastSeq(dir.hostId);
    await write((env) => writeEventsSql(env, dir, [event('polled')], { final: true }));
    const holdMs = 4_000;
    const holder = await holdWriteLock(sqliteFilePath(env().databaseUrl), holdMs);
    try {
      const t0 = Date.now();
      // Through the write path each would wait for the lock (BEGIN IMMEDIATE), and answer only once it is let go.
      const page = await readFeed({ hostId: dir.hostId, afterSeq: start, limit: 100 });
      const ctx = { hostId: dir.hostId, keyId: 'key_test', params: {}, url: new URL('http://x/api/v1/events?limit=100') } as ApiContext;
      const polled = (await (await getEvents(ctx)).json()) as { data: { type: string; data: { name: string } }[] };
      expect(Date.now() - t0).toBeLessThan(holdMs);
      expect(page.map((e) => (JSON.parse(e.data) as { name: string }).name)).toEqual(['polled']);
      expect(polled.data.at(-1)).toMatchObject({ type: 'directory.enabled', data: { name: 'polled' } });
    } finally {
      await holder.terminate();
    }
  });
});
