// DirectoryGroup.selected: which groups the host sees (issue 19). SCIM sees every group; the host API, events and
// roles only the selected ones. Written here and at a group's creation (./writes.ts) only.
import { columns, updateOp } from '../../db/rows';
import { all, allOp, rowsOf, type SqlEnv, type SqlOp, type SqlProgram, type SqlValue } from '../../db/sql-program';
import type { GroupSelectionMode } from '../directories';
import { groupOf, type DirectoryGroupRow } from './reads';

const RETURNING = columns('DirectoryGroup');

/** Whether the group is selected, as a statement to send with others: read after the directory's role lock. */
export const groupSelectedOp = (id: string): SqlOp => allOp(`SELECT "selected" FROM "DirectoryGroup" WHERE "id" = ?`, [id]);
export const isSelected = (rows: Record<string, unknown>[]): boolean => rows[0] !== undefined && Boolean(rows[0].selected);

/** The selected groups' ids, in id order. */
export function* selectedGroupIds(directoryId: string): SqlProgram<string[]> {
  return (yield* all(`SELECT "id" FROM "DirectoryGroup" WHERE "directoryId" = ? AND "selected" = ? ORDER BY "id"`, [directoryId, true])).map((r) =>
    String(r.id),
  );
}

/** The groups of the directory among `ids` that do not exist there. */
export function* unknownGroupIds(env: SqlEnv, directoryId: string, ids: string[]): SqlProgram<string[]> {
  if (ids.length === 0) return [];
  const [inIds, param] = env.dialect.inList('"id"', ids);
  const known = new Set((yield* all(`SELECT "id" FROM "DirectoryGroup" WHERE "directoryId" = ? AND ${inIds}`, [directoryId, param])).map((r) => String(r.id)));
  return ids.filter((id) => !known.has(id));
}

/**
 * Sets the selection: every group ("all"), or exactly `ids` ("selected"). Returns the groups that appear to the host
 * and those that disappear, as they are now.
 */
export function* applyGroupSelection(
  env: SqlEnv,
  directoryId: string,
  mode: GroupSelectionMode,
  ids: string[],
): SqlProgram<{ appearing: DirectoryGroupRow[]; disappearing: DirectoryGroupRow[] }> {
  // Not an edit of the group: its SCIM lastModified and version stay (bookkeeping), the IdP sees no change.
  const set = (selected: boolean, where: string, params: SqlValue[]) =>
    rowsOf(
      updateOp(
        env.dialect,
        'DirectoryGroup',
        { selected },
        `"directoryId" = ? AND "selected" = ?${where}`,
        [directoryId, !selected, ...params],
        RETURNING,
        true,
      ),
    );
  if (mode === 'all') return { appearing: (yield* set(true, '', [])).map(groupOf), disappearing: [] };
  const [inIds, param] = env.dialect.inList('"id"', ids);
  const disappearing = (yield* set(false, ` AND NOT ${inIds}`, [param])).map(groupOf);
  const appearing = ids.length ? (yield* set(true, ` AND ${inIds}`, [param])).map(groupOf) : [];
  return { appearing, disappearing };
}
