// Several app processes on one PostgreSQL: the builds' session lock keeps them from building at once (two concurrent
// builds on one table deadlock) or dropping an index under a build; a build that fails says why.
import { describe, expect, it } from 'vitest';
import { reconcileFieldIndexes } from '../../lib/attributes/field-index-job';
import { sweepFieldIndexes } from '../../lib/attributes/field-index-sweep';
import { fieldIndexesOf } from '../../lib/attributes/field-indexes';
import { readUserSchemaWithIndexes } from '../../lib/attributes/user-schema';
import { database, write } from '../../lib/db/database';
import { insertSelectOps } from '../../lib/db/rows';
import { changes } from '../../lib/db/sql-program';
import { newId } from '../../lib/ids';
import { exec, query } from './db-rows';
import { buildsRunning, declare, fieldIndexes, holdUsersWrite, untilBuilding } from './field-index-helpers';
import { bulkUserRow, call, newDirectory, user } from './scim-helpers';

describe.runIf(process.env.TEST_DB === 'postgres')('several processes on one PostgreSQL', () => {
  it('never runs two builds at once, nor drops an index while it is being built', async () => {
    const dir = await newDirectory();
    expect((await call(dir, 'POST', 'Users', user('procs@example.com'))).status).toBe(201);
    const release = await holdUsersWrite();
    let schema;
    try {
      schema = await declare(dir.hostId, 'procs', ['code']);
      await untilBuilding();
      // Another process's attempt (a session of its own) finds the builds' lock taken and builds nothing: two
      // concurrent builds on one table would deadlock.
      const names = fieldIndexesOf({ dialect: database().dialect }, schema).map((i) => i.name);
      expect(await reconcileFieldIndexes(() => names.shift())).toBe(false);
      expect(names).toHaveLength(2);
      expect(await buildsRunning()).toHaveLength(1);
      // The host undeclares it meanwhile: nobody drops it under the build; the builder drops it once done.
      await declare(dir.hostId, 'procs', []);
      expect(await reconcileFieldIndexes(() => names.shift())).toBe(false);
    } finally {
      await release();
    }
    await sweepFieldIndexes();
    expect(await fieldIndexes()).toEqual([]);
    expect(await query(`SELECT "name" FROM "HostFieldIndex"`)).toEqual([]);
  });

  it('says why a build failed, leaves no INVALID index behind, and tries again when the host declares it again', async () => {
    const dir = await newDirectory();
    const urn = 'urn:ietf:params:scim:schemas:extension:fails:2.0:User';
    // A value past the B-tree's limit for one entry (2,704 bytes), incompressible: the build cannot index it.
    const huge = Array.from({ length: 6000 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');
    await write(function* (e) {
      const row = bulkUserRow(dir.directoryId, newId('usr'), 'huge@example.com', { userName: 'huge@example.com', [urn]: { code: huge } });
      for (const op of insertSelectOps(e.dialect, 'DirectoryUser', [row])) yield* changes(op);
    });
    await declare(dir.hostId, 'fails', ['code']);
    await sweepFieldIndexes();
    const [state] = (await readUserSchemaWithIndexes(dir.hostId))!.indexes;
    expect(state).toMatchObject({ key: 'code', status: 'failed' });
    expect(state.reason).toMatch(/index row/);
    expect((await fieldIndexes()).every((i) => i.valid)).toBe(true);

    await exec(`DELETE FROM "DirectoryUser" WHERE "userName" = 'huge@example.com'`);
    expect((await declare(dir.hostId, 'fails', ['code'])).indexes[0].status).toBe('building');
    await sweepFieldIndexes();
    expect((await readUserSchemaWithIndexes(dir.hostId))?.indexes).toEqual([{ key: 'code', status: 'ready', reason: null }]);
    await declare(dir.hostId, 'fails', []);
    await sweepFieldIndexes();
  });
});
