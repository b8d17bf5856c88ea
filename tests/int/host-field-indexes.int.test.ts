// A host field declared `indexed` gets an expression index holding exactly what the filter compiler writes for it,
// used by a filter on it (SQLite plans it without statistics), and dropped when the declaration no longer asks.
import { describe, expect, it } from 'vitest';
import { extensionOf } from '../../lib/attributes/host-attrs';
import { saveUserSchema } from '../../lib/attributes/user-schema';
import { database, read } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import { parseFilter } from '../../lib/scim/filter/parse';
import { filterToSql } from '../../lib/scim/filter/to-sql';
import { putUserSchemaInputSchema } from '../../lib/schemas/user-schema';
import { call, newDirectory, user } from './scim-helpers';

const fieldIndexes = async () => {
  const sql =
    database().dialect.name === 'sqlite'
      ? `SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'DirectoryUser_field_%'`
      : `SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'DirectoryUser_field_%'`;
  return (await read(() => all(sql))).map((r) => String(r.name));
};

describe('indexed host fields', () => {
  it('creates an index per indexed field, answers filters through it, and drops it when no longer declared', async () => {
    const dir = await newDirectory();
    const before = await fieldIndexes();
    const declare = (indexed: boolean) =>
      saveUserSchema(
        dir.hostId,
        putUserSchemaInputSchema.parse({
          slug: 'idx',
          fields: [
            { key: 'code', label: 'Code', type: 'string', indexed },
            { key: 'n', label: 'N', type: 'number', indexed },
          ],
        }),
        'cli',
      );
    const schema = await declare(true);
    const added = (await fieldIndexes()).filter((n) => !before.includes(n));
    expect(added).toHaveLength(2);

    const urn = schema.urn;
    for (let i = 0; i < 3; i++)
      expect(
        (
          await call(
            dir,
            'POST',
            'Users',
            user(`idx${i}@example.com`, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', urn], [urn]: { code: `C-${i}`, n: String(i) } }),
          )
        ).status,
      ).toBe(201);
    const found = await call(dir, 'GET', `Users?filter=${encodeURIComponent('code eq "c-1" or n gt 1')}`);
    expect(found.body.totalResults).toBe(2);

    if (database().dialect.name === 'sqlite') {
      const where = filterToSql(parseFilter('code eq "c-1"'), {
        attrs: extensionOf(schema)!.attrs,
        alias: 'u',
        directoryId: dir.directoryId,
        dialect: database().dialect,
      });
      const plan = await read(() =>
        all(`EXPLAIN QUERY PLAN SELECT u."id" FROM "DirectoryUser" u WHERE u."directoryId" = ? AND ${where.sql}`, [dir.directoryId, ...where.params]),
      );
      expect(plan.map((r) => String(r.detail)).join('\n')).toMatch(
        new RegExp(`SEARCH u USING INDEX ${added.find((n) => plan.some((r) => String(r.detail).includes(n)))} \\(directoryId=\\? AND <expr>=\\?\\)`),
      );
    }

    await declare(false);
    expect((await fieldIndexes()).filter((n) => !before.includes(n))).toEqual([]);
    expect((await call(dir, 'GET', `Users?filter=${encodeURIComponent('code eq "c-1"')}`)).body.totalResults).toBe(1);
  });
});
