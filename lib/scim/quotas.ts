// Per-directory quotas: users, groups, and members per group (lib/env/scim-limits.ts). Past one, 400 tooMany naming its
// setting: RFC 7644 has no status for "full", and a 5xx would have IdPs retry what only an operator can change.
import { read } from '../db/database';
import { countGroups } from '../directory/groups/reads';
import { countMembers } from '../directory/memberships';
import { countUsers } from '../directory/users/reads';
import { env } from '../env';
import { badRequest } from './errors';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Rows per directory (or group) without a COUNT(*) per create, which reads the directory's whole index (at 100,000
 * users, on every POST): a count read at most REFRESH_MS ago plus this process's own additions since, counted anew
 * whenever it comes within 1% of the limit. Near the limit the check is exact but for requests racing each other (one
 * count a key at a time in this process), and another process's additions within REFRESH_MS.
 */
const REFRESH_MS = 60_000;
const MAX_KEYS = 10_000;

interface Count {
  rows: number;
  at: number;
}
const counts = new Map<string, Count>();
/** Counts under way: requests arriving meanwhile share one, and their additions add up on it. */
const counting = new Map<string, Promise<Count>>();

function counted(key: string, limit: number, adding: number, read: () => Promise<number>): Count | Promise<Count> {
  const inFlight = counting.get(key);
  if (inFlight) return inFlight;
  const known = counts.get(key);
  const margin = Math.max(100, Math.ceil(limit / 100));
  if (known && Date.now() - known.at < REFRESH_MS && known.rows + adding + margin <= limit) return known;
  const fresh = read()
    .then((rows) => {
      if (counts.size >= MAX_KEYS && !counts.has(key)) counts.delete(counts.keys().next().value!);
      const c = { rows, at: Date.now() };
      counts.set(key, c);
      return c;
    })
    .finally(() => counting.delete(key));
  counting.set(key, fresh);
  return fresh;
}

/** Counts `adding` rows in if they fit under `limit` (else the count held, for the refusal's words). */
async function take(key: string, limit: number, adding: number, read: () => Promise<number>): Promise<{ taken: boolean; rows: number }> {
  const c = await counted(key, limit, adding, read);
  if (c.rows + adding > limit) return { taken: false, rows: c.rows };
  // Counted as added before the write: a write that fails leaves the count high until the next recount, never low.
  c.rows += adding;
  return { taken: true, rows: c.rows };
}

async function reserve(key: string, limit: number, adding: number, read: () => Promise<number>, what: string, setting: string): Promise<void> {
  if (adding <= 0) return;
  const { taken, rows } = await take(key, limit, adding, read);
  if (!taken) throw badRequest('tooMany', `${what} holds ${n(rows)} of its ${n(limit)}; adding ${n(adding)} would pass the limit (${setting})`);
}

/** How a quota's rows are counted when a count is due (the database's count; tests count their own). */
export type Counter = () => Promise<number>;

export function reserveUsers(directoryId: string, adding = 1, count: Counter = () => read(() => countUsers(directoryId, { scim: true }))): Promise<void> {
  const limit = env().scim.maxUsersPerDirectory;
  return reserve(`users:${directoryId}`, limit, adding, count, 'This directory', 'SCIM_MAX_USERS_PER_DIRECTORY');
}

/**
 * Room to keep one more user the IdP deleted, for the host (a keeping leaving policy: users/retire.ts): such users
 * are out of SCIM_MAX_USERS_PER_DIRECTORY, so they have a bound of their own. False past it: the DELETE deletes.
 */
export async function roomToKeep(directoryId: string, count: Counter = () => read(() => countUsers(directoryId, { kept: true }))): Promise<boolean> {
  return (await take(`kept:${directoryId}`, env().scim.maxKeptUsersPerDirectory, 1, count)).taken;
}

export function reserveGroups(directoryId: string, adding = 1, count: Counter = () => read(() => countGroups(directoryId))): Promise<void> {
  const limit = env().scim.maxGroupsPerDirectory;
  return reserve(`groups:${directoryId}`, limit, adding, count, 'This directory', 'SCIM_MAX_GROUPS_PER_DIRECTORY');
}

/** A group set to exactly `total` members (a POST, a PUT, a PATCH that replaces the list). */
export function checkMemberTotal(groupId: string | null, total: number): void {
  const limit = env().scim.maxMembersPerGroup;
  if (groupId) counts.delete(`members:${groupId}`);
  if (total > limit) throw badRequest('tooMany', `A group may hold ${n(limit)} members; the request sets ${n(total)} (SCIM_MAX_MEMBERS_PER_GROUP)`);
}

/**
 * `adding` members added to those a group has (some may be there already: an upper bound). Counted within the
 * directory, so a group id of another directory reads as empty, like an unknown one.
 */
export function reserveMembers(scope: { directoryId: string; groupId: string }, adding: number): Promise<void> {
  const limit = env().scim.maxMembersPerGroup;
  const count = () => read(() => countMembers(scope.groupId, scope.directoryId));
  return reserve(`members:${scope.groupId}`, limit, adding, count, 'This group', 'SCIM_MAX_MEMBERS_PER_GROUP');
}
