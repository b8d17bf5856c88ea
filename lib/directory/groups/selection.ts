// DirectoryGroup.selected: which groups the host sees (issue 19). SCIM sees every group; the host API, events and
// roles only the selected ones. Written here, at a group's creation (./writes.ts) and by a selection job
// (../selection-job.ts), which moves a group's memberships in batches behind its syncCursor.
import type { Dialect } from '../../db/dialect';
import { columns, updateOp } from '../../db/rows';
import { all, allOp, rowsOf, type SqlEnv, type SqlOp, type SqlProgram, type SqlValue } from '../../db/sql-program';
import type { GroupSelectionMode } from '../directories';
import { groupOf, type DirectoryGroupRow } from './reads';

const RETURNING = columns('DirectoryGroup');
const RETURNING_OF_G = columns('DirectoryGroup', 'g');

/** What the host sees of a group: `selected`, and while a selection job moves it, how far it got. */
export interface GroupVisibility {
  selected: boolean;
  syncCursor: string | null;
}

/** The group's visibility, as a statement to send with others: read after the directory's role lock. */
export const groupSelectedOp = (id: string): SqlOp => allOp(`SELECT "selected", "syncCursor" FROM "DirectoryGroup" WHERE "id" = ?`, [id]);
export const visibilityOf = (rows: Record<string, unknown>[]): GroupVisibility => ({
  selected: rows[0] !== undefined && Boolean(rows[0].selected),
  syncCursor: rows[0]?.syncCursor == null ? null : String(rows[0].syncCursor),
});

/** Whether the host knows the group: selected, or being moved (created already, or not deleted yet). */
export const groupVisible = (v: GroupVisibility): boolean => v.selected || v.syncCursor !== null;

/** Whether the host sees a membership: the group's, or while a job moves it, up to the cursor (appearing) or after it. */
export const memberVisible = (v: GroupVisibility, userId: string): boolean =>
  v.syncCursor === null ? v.selected : v.selected ? userId <= v.syncCursor : userId > v.syncCursor;

/** memberVisible in SQL, for group `g` and membership `m`. */
export const memberVisibleSql = (d: Dialect, g = 'g', m = 'm'): string =>
  `(CASE WHEN ${g}."syncCursor" IS NULL THEN ${g}."selected" = true WHEN ${g}."selected" = true THEN ${d.bytewise(`${m}."userId"`)} <= ${g}."syncCursor"
    ELSE ${d.bytewise(`${m}."userId"`)} > ${g}."syncCursor" END)`;

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

/** The groups a selection would make appear and disappear, with their member counts, changing nothing. */
export function* planGroupSelection(
  env: SqlEnv,
  directoryId: string,
  mode: GroupSelectionMode,
  ids: string[],
): SqlProgram<{ appearing: DirectoryGroupRow[]; disappearing: DirectoryGroupRow[]; members: Map<string, number> }> {
  const [inIds, param] = env.dialect.inList('g."id"', ids);
  const appear = mode === 'all' ? 'true' : inIds;
  const rows = yield* all(
    `SELECT ${RETURNING_OF_G} FROM "DirectoryGroup" g
     WHERE g."directoryId" = ? AND (g."selected" = ? AND NOT (${appear}) OR g."selected" = ? AND ${appear}) ORDER BY g."id"`,
    mode === 'all' ? [directoryId, true, false] : [directoryId, true, param, false, param],
  );
  const groups = rows.map(groupOf);
  return {
    appearing: groups.filter((g) => !g.selected),
    disappearing: groups.filter((g) => g.selected),
    members: new Map(groups.map((g) => [g.id, g.memberCount])),
  };
}
