// A host field declared `indexed` gets an expression index holding exactly what the filter compiler writes for it,
// used by a filter on it (SQLite plans it without statistics), and dropped when the declaration no longer asks.
import { describe, expect, it } from 'vitest';
import { extensionOf } from '../../lib/attributes/host-attrs';
import { mappedUserAttrs } from '../../lib/attributes/mapped-attrs';
import { pageUsers, userViewsOp } from '../../lib/directory/users/reads';
import type { ResourceAttrs } from '../../lib/scim/filter/attributes';
import { sweepFieldIndexes } from '../../lib/attributes/field-index-sweep';
import { saveUserSchema } from '../../lib/attributes/user-schema';
import { database, read } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import { parseFilter } from '../../lib/scim/filter/parse';
import { filterToSql } from '../../lib/scim/filter/to-sql';
import { putUserSchemaInputSchema } from '../../lib/schemas/user-schema';
import { call, newDirectory, user } from './scim-helpers';

const fieldIndexes = async (kind = 'field') => {
  const sql =
    database().dialect.name === 'sqlite'
      ? `SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'DirectoryUser_${kind}_%'`
      : `SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'DirectoryUser_${kind}_%'`;
  return (await read(() => all(sql))).map((r) => String(r.name));
};

/** SQLite's plan of a filter compiled with `attrs` (it has no statistics: the plan shows what the index allows). */
async function planOf(attrs: ResourceAttrs, directoryId: string, filter: string): Promise<string> {
  const where = filterToSql(parseFilter(filter), { attrs, alias: 'u', directoryId, dialect: database().dialect });
  const plan = await read(() =>
    all(`EXPLAIN QUERY PLAN SELECT u."id" FROM "DirectoryUser" u WHERE u."directoryId" = ? AND ${where.sql}`, [directoryId, ...where.params]),
  );
  return plan.map((r) => String(r.detail)).join('\n');
}

describe('indexed host fields', () => {
  it('creates an index per indexed field, answers filters through it, and drops it when no longer declared', async () => {
    const dir = await newDirectory();
    const before = await fieldIndexes();
    const mappedBefore = await fieldIndexes('mapped');
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
    await sweepFieldIndexes(); // built after the PUT, in the background
    const added = (await fieldIndexes()).filter((n) => !before.includes(n));
    expect(added).toHaveLength(2);
    const mapped = (await fieldIndexes('mapped')).filter((n) => !mappedBefore.includes(n));
    expect(mapped).toHaveLength(2);

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

    // The host API's filter on the mapped value, through its own index.
    const ext = extensionOf(schema);
    const byMapped = await read((env) =>
      pageUsers(env, {
        directoryId: dir.directoryId,
        where: filterToSql(parseFilter('customAttributes.code eq "c-1"'), {
          attrs: mappedUserAttrs(ext),
          alias: 'u',
          directoryId: dir.directoryId,
          dialect: env.dialect,
        }),
        limit: 10,
      }),
    );
    expect(byMapped.rows.map((v) => v.row.userName)).toEqual(['idx1@example.com']);

    if (database().dialect.name === 'sqlite') {
      const search = (names: string[], plan: string) => new RegExp(`SEARCH u USING INDEX (${names.join('|')}) \\(directoryId=\\? AND <expr>=\\?\\)`).test(plan);
      expect(search(added, await planOf(ext!.attrs, dir.directoryId, 'code eq "c-1"'))).toBe(true);
      expect(search(mapped, await planOf(mappedUserAttrs(ext), dir.directoryId, 'customAttributes.code eq "c-1"'))).toBe(true);
      expect(search(mapped, await planOf(mappedUserAttrs(ext), dir.directoryId, 'customAttributes.n eq 2'))).toBe(true);
      // Created while the app runs, the indexes get a large directory's statistics with them: without, SQLite took
      // one to walk the whole directory for reads by id (4.7 s a remap batch at 100,000 users).
      const op = userViewsOp({ dialect: database().dialect }, dir.directoryId, ['usr_a', 'usr_b']);
      const views = (await read(() => all(`EXPLAIN QUERY PLAN ${op.sql}`, op.params))).map((r) => String(r.detail));
      expect(views[0]).toMatch(/^SEARCH u USING INDEX sqlite_autoindex_DirectoryUser_1 \(id=\?\)/);
    }

    await declare(false);
    await sweepFieldIndexes();
    expect((await fieldIndexes()).filter((n) => !before.includes(n))).toEqual([]);
    expect((await fieldIndexes('mapped')).filter((n) => !mappedBefore.includes(n))).toEqual([]);
    expect((await call(dir, 'GET', `Users?filter=${encodeURIComponent('code eq "c-1"')}`)).body.totalResults).toBe(1);
  });
});
