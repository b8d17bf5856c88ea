// A host field's indexes are built after the PUT that declares them, outside any transaction (PostgreSQL:
// CONCURRENTLY), shared by hosts declaring the same expression, and left consistent by a build that was cut short.
import { describe, expect, it } from 'vitest';
import { resumeFieldIndexes, sweepFieldIndexes } from '../../lib/attributes/field-index-sweep';
import { fieldIndexesOf } from '../../lib/attributes/field-indexes';
import { readUserSchemaWithIndexes } from '../../lib/attributes/user-schema';
import { database } from '../../lib/db/database';
import { exec, newHost, query } from './db-rows';
import { connection, declare, fieldIndexes, holdUsersWrite, buildsRunning, seedUsers, sleep, untilBuilding } from './field-index-helpers';
import { call, newDirectory, user } from './scim-helpers';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const onPg = () => database().dialect.name === 'postgres';
/** `p`, or a failure after `ms`: what used to wait for a build must not. */
const within = <T>(ms: number, p: Promise<T>, what: string) =>
  Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`${what}: no answer within ${ms} ms`)))]);

describe('building a host field index', () => {
  it('answers the PUT before the build, never holds a SCIM user write behind it, and goes building -> ready', async () => {
    const dir = await newDirectory();
    const urn = 'urn:ietf:params:scim:schemas:extension:blds:2.0:User';
    await seedUsers(dir.directoryId, 5000, urn);
    const withCode = (userName: string, code: string) => user(userName, { schemas: [CORE, urn], [urn]: { code } });
    const first = await call(dir, 'POST', 'Users', withCode('first@example.com', 'F-1'));
    expect(first.status).toBe(201);
    const release = onPg() ? await holdUsersWrite() : null;
    try {
      const saved = await within(5000, declare(dir.hostId, 'blds', ['code']), 'PUT /user-schema');
      expect(saved.indexes).toEqual([{ key: 'code', status: 'building', reason: null }]);
      if (onPg()) await untilBuilding();
      // Nothing built yet on SQLite (it runs after the answer); on PostgreSQL the build waits for the open write.
      expect((await fieldIndexes()).filter((i) => i.valid)).toEqual([]);

      const made = await within(5000, call(dir, 'POST', 'Users', withCode('during@example.com', 'D-1')), 'POST /Users');
      expect(made.status).toBe(201);
      const patched = await within(
        5000,
        call(dir, 'PATCH', `Users/${made.body.id}`, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: `${urn}:code`, value: 'D-2' }],
        }),
        'PATCH',
      );
      expect(patched.status).toBe(200);
      // Filters answer while the index is not there, without it.
      const found = await call(dir, 'GET', `Users?filter=${encodeURIComponent('code eq "d-2" or code eq "s-17"')}`);
      expect(found.body.totalResults).toBe(2);
      if (onPg()) {
        // The writes finished while the build still ran: it is concurrent.
        expect((await buildsRunning()).length).toBeGreaterThan(0);
        expect((await readUserSchemaWithIndexes(dir.hostId))?.indexes).toEqual([{ key: 'code', status: 'building', reason: null }]);
      }
    } finally {
      await release?.();
    }
    await sweepFieldIndexes();
    expect((await readUserSchemaWithIndexes(dir.hostId))?.indexes).toEqual([{ key: 'code', status: 'ready', reason: null }]);
    const built = await fieldIndexes();
    expect(built).toHaveLength(2);
    expect(built.every((i) => i.valid)).toBe(true);
    expect((await call(dir, 'GET', `Users?filter=${encodeURIComponent('code eq "d-2"')}`)).body.totalResults).toBe(1);
    await declare(dir.hostId, 'blds', []);
    await sweepFieldIndexes();
  });

  it('builds one index per distinct expression, shared by the hosts declaring it, dropped after the last one leaves', async () => {
    const [a, b, c] = [await newHost('A'), await newHost('B'), await newHost('C')];
    const count = async () => (await fieldIndexes()).length;
    await declare(a.id, 'shared', ['code']);
    await declare(b.id, 'shared', ['code']);
    // Another slug: its own index on the value sent, the same one on the mapped value (customAttributes.code).
    await declare(c.id, 'other', ['code']);
    await sweepFieldIndexes();
    expect(await count()).toBe(3);
    for (const h of [a, b, c]) expect((await readUserSchemaWithIndexes(h.id))?.indexes).toEqual([{ key: 'code', status: 'ready', reason: null }]);

    const kept = await fieldIndexes();
    await declare(a.id, 'shared', []);
    await sweepFieldIndexes();
    expect(await fieldIndexes()).toEqual(kept);
    expect((await readUserSchemaWithIndexes(b.id))?.indexes).toEqual([{ key: 'code', status: 'ready', reason: null }]);
    await declare(b.id, 'shared', []);
    await sweepFieldIndexes();
    expect(await count()).toBe(2);
    await declare(c.id, 'other', []);
    await sweepFieldIndexes();
    expect(await count()).toBe(0);
    expect(await query(`SELECT "name" FROM "HostFieldIndex"`)).toEqual([]);
  });

  it('builds after a PUT that asked for no index (nothing to do must not stop the builder)', async () => {
    const [none, some] = [await newHost('None'), await newHost('Some')];
    await declare(none.id, 'none', []);
    await sweepFieldIndexes();
    expect((await declare(some.id, 'some', ['code'])).indexes).toEqual([{ key: 'code', status: 'building', reason: null }]);
    await sweepFieldIndexes();
    expect((await readUserSchemaWithIndexes(some.id))?.indexes).toEqual([{ key: 'code', status: 'ready', reason: null }]);
    await declare(some.id, 'some', []);
    await sweepFieldIndexes();
  });

  it('rebuilds nothing for a PUT that changes nothing', async () => {
    const h = await newHost('Same');
    await declare(h.id, 'same', ['code']);
    await sweepFieldIndexes();
    const stamp = async () => (await query(`SELECT "name", "status", "updatedAt" FROM "HostFieldIndex" ORDER BY "name"`)).map((r) => JSON.stringify(r));
    const before = await stamp();
    const again = await declare(h.id, 'same', ['code']);
    expect(again.indexes).toEqual([{ key: 'code', status: 'ready', reason: null }]);
    await sweepFieldIndexes();
    expect(await stamp()).toEqual(before);
    await declare(h.id, 'same', []);
    await sweepFieldIndexes();
  });

  // What a process killed during a build leaves: its row `building` (or an index gone bad under a `ready` one) and,
  // on PostgreSQL, the INVALID index an interrupted CREATE INDEX CONCURRENTLY leaves behind.
  it.each(['building', 'ready'])('rebuilds an index a killed build left INVALID (row %s) at the next start', async (status) => {
    const h = await newHost('Killed');
    const schema = await declare(h.id, 'killed', ['code']);
    await sweepFieldIndexes();
    const target = fieldIndexesOf({ dialect: database().dialect }, schema)[0];
    await exec(`DROP INDEX "${target.name}"`);
    if (onPg()) {
      const release = await holdUsersWrite();
      const build = connection()
        .unsafe(`CREATE INDEX CONCURRENTLY "${target.name}" ON "DirectoryUser" (${target.keys})`)
        .then(
          () => 'built',
          () => 'killed',
        );
      const [pid] = await untilBuilding();
      await query('SELECT pg_terminate_backend(?)', [pid]);
      expect(await build).toBe('killed');
      await release();
      expect((await fieldIndexes()).find((i) => i.name === target.name)).toEqual({ name: target.name, valid: false });
    }
    await exec(`UPDATE "HostFieldIndex" SET "status" = ? WHERE "name" = ?`, [status, target.name]);

    await sweepFieldIndexes();
    expect((await fieldIndexes()).find((i) => i.name === target.name)).toEqual({ name: target.name, valid: true });
    expect((await readUserSchemaWithIndexes(h.id))?.indexes).toEqual([{ key: 'code', status: 'ready', reason: null }]);
    await declare(h.id, 'killed', []);
    await sweepFieldIndexes();
  });
});

describe('a database migrated to 0026', () => {
  it('replaces the indexes named per host by the shared ones at the next start', async () => {
    const h = await newHost('Before');
    const schema = await declare(h.id, 'before', ['code']);
    await sweepFieldIndexes();
    const shared = fieldIndexesOf({ dialect: database().dialect }, schema);
    // As 0025 left it: the declaration, its indexes under per-host names, no record of them.
    const old = shared.map((i) => i.name.replace(/_[0-9a-f]{16}$/, '_00000000000000aa'));
    for (const [n, i] of shared.entries()) {
      await exec(`DROP INDEX "${i.name}"`);
      await exec(`CREATE INDEX "${old[n]}" ON "DirectoryUser" (${i.keys})`);
    }
    await exec(`DELETE FROM "HostFieldIndexUse"`);
    await exec(`DELETE FROM "HostFieldIndex"`);

    await resumeFieldIndexes();
    const now = (await fieldIndexes()).map((i) => i.name);
    expect(now).toEqual(expect.arrayContaining(shared.map((i) => i.name)));
    expect(now.filter((n) => old.includes(n))).toEqual([]);
    expect((await readUserSchemaWithIndexes(h.id))?.indexes).toEqual([{ key: 'code', status: 'ready', reason: null }]);
    await declare(h.id, 'before', []);
    await sweepFieldIndexes();
  });
});
