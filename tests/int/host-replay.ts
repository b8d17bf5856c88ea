// The host's view of a directory's groups and memberships, rebuilt from its events, checked at every step (no event
// names a group the host wasn't told of, none removes a member it never had, no group is deleted with members the
// host still holds) and at the end against the database: exactly the selected groups and their members.
import { expect } from 'vitest';
import { read } from '../../lib/db/database';
import { all, one } from '../../lib/db/sql-program';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed, toEnvelope } from '../../lib/events/feed';

type Data = { id?: string; group?: { id: string }; user?: { id: string } };

/** The last event's seq now: replay from there. */
export const eventSeq = async (): Promise<number> => Number((await read(() => one(`SELECT MAX("seq") AS "n" FROM "Event"`)))?.n ?? 0);

export async function expectReplayMatchesDatabase(dir: DirectoryScope, afterSeq: number): Promise<Map<string, Set<string>>> {
  const events = (await readFeed({ hostId: dir.hostId, afterSeq, limit: 100_000 })).filter((e) => e.directoryId === dir.directoryId).map(toEnvelope);
  const seen = new Map<string, Set<string>>();
  for (const e of events) {
    const d = e.data as Data;
    if (e.type === 'directory.group.created') seen.set(d.id!, new Set());
    if (e.type === 'directory.group.deleted') {
      expect(seen.get(d.id!)?.size, `${d.id} deleted with members the host still holds`).toBe(0);
      seen.delete(d.id!);
    }
    if (e.type === 'directory.group.user_added') {
      expect(seen.has(d.group!.id), `user_added to ${d.group!.id}, unknown to the host`).toBe(true);
      seen.get(d.group!.id)!.add(d.user!.id);
    }
    if (e.type === 'directory.group.user_removed') {
      expect(seen.get(d.group!.id)?.has(d.user!.id), `user_removed from ${d.group!.id} of a member the host never had`).toBe(true);
      seen.get(d.group!.id)!.delete(d.user!.id);
    }
  }
  const selected = await read(() => all(`SELECT "id" FROM "DirectoryGroup" WHERE "directoryId" = ? AND "selected" = ? ORDER BY "id"`, [dir.directoryId, true]));
  expect([...seen.keys()].sort()).toEqual(selected.map((g) => String(g.id)).sort());
  for (const g of selected) {
    const members = await read(() => all(`SELECT "userId" FROM "GroupMembership" WHERE "groupId" = ? ORDER BY "userId"`, [String(g.id)]));
    expect([...seen.get(String(g.id))!].sort(), `members of ${String(g.id)}`).toEqual(members.map((m) => String(m.userId)).sort());
  }
  return seen;
}
