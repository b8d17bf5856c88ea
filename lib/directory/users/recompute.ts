// Users' derived columns (columns.ts) recomputed from their stored resource when their derivation changes: a
// column added to the schema is filled in for the users already there, before the app serves (migrate-cli.ts).
// Each derivation version is done once per database, recorded beside the migrations.
import { read, write } from '../../db/database';
import { insertOp, updateOp } from '../../db/rows';
import { all, changes, one, runOp } from '../../db/sql-program';
import type { ScimObject } from '../../scim/types';
import { USER_COLUMNS_VERSION, userColumns } from './columns';

const BATCH = 500;

/** Recomputes every user's columns unless this version was done already; returns how many users it rewrote. */
export async function recomputeUserColumns(): Promise<number> {
  const marker = `derived DirectoryUser columns v${USER_COLUMNS_VERSION}`;
  if (await read(() => one(`SELECT 1 AS "done" FROM "_scim_portal_migrations" WHERE "name" = ?`, [marker]))) return 0;
  let done = 0;
  for (let after = ''; ;) {
    const rows = await read(() => all(`SELECT "id", "directoryId", "raw" FROM "DirectoryUser" WHERE "id" > ? ORDER BY "id" LIMIT ${BATCH}`, [after]));
    if (rows.length === 0) break;
    await write(function* (env) {
      for (const r of rows) {
        const [id, directoryId] = [String(r.id), String(r.directoryId)];
        // Stored resources were normalised when written: derived the way they are now, columns only (no new version).
        const { emails, ...cols } = userColumns(JSON.parse(String(r.raw)) as ScimObject);
        yield* changes(updateOp(env.dialect, 'DirectoryUser', cols, '"id" = ?', [id], undefined, true));
        yield* changes(runOp(`DELETE FROM "UserEmail" WHERE "userId" = ?`, [id]));
        if (emails.length)
          yield* changes(
            insertOp(
              env.dialect,
              'UserEmail',
              emails.map((e) => ({ ...e, userId: id, directoryId })),
            ),
          );
      }
    });
    done += rows.length;
    after = String(rows[rows.length - 1].id);
  }
  const record = `INSERT INTO "_scim_portal_migrations" ("name", "checksum", "applied_at") VALUES (?, '', ?) ON CONFLICT DO NOTHING`;
  await write(() => changes(runOp(record, [marker, new Date()])));
  return done;
}
