// Per-directory quotas: users, groups, and members per group (lib/env/scim-limits.ts). Past one, 400 tooMany naming its
// setting: RFC 7644 has no status for "full", and a 5xx would have IdPs retry what only an operator can change.
import { read, scan } from '../db/database';
import { ScansBusy, ScanTimedOut } from '../db/scan-gate';
import { countGroups } from '../directory/groups/reads';
import { countMembers } from '../directory/memberships';
import { countUsers } from '../directory/users/reads';
import { env } from '../env';
import { badRequest } from './errors';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Rows per directory without a COUNT(*) per create, which reads the directory's whole index (a million users: 130-160
 * ms on PostgreSQL): a count read at most REFRESH_MS ago plus this process's own additions since, or NEAR_REFRESH_MS
 * ago within 1% of the limit (to see room that deletions made). A directory's count reads all its rows, so it runs
 * as a scan (lib/db/scan-gate.ts), never on the read path every tenant shares; while every scan place is taken, the
 * count held serves. The check is exact but for requests racing a count, deletions since the last count (a create
 * near the limit may be refused until the next), and other processes' additions since it.
 */
const REFRESH_MS = 60_000;
export const NEAR_REFRESH_MS = 5_000;
const MAX_KEYS = 10_000;

interface Count {
  rows: number;
  at: number;
}
const counts = new Map<string, Count>();
/** Counts under way: requests arriving meanwhile share one, and their additions add up on it. */
const counting = new Map<string, Promise<Count>>();

/** How a quota's rows are counted when a count is due (the database's count; tests count their own). */
export type Counter = () => Promise<number>;

interface Quota {
  key: string;
  limit: number;
  count: Counter;
  /** How old a count may be within 1% of the limit: 0 where counting costs a lookup (a group's memberCount). */
  nearRefreshMs: number;
}

function due(q: Quota, known: Count, adding: number): boolean {
  const near = known.rows + adding + Math.max(100, Math.ceil(q.limit / 100)) > q.limit;
  return Date.now() - known.at >= (near ? q.nearRefreshMs : REFRESH_MS);
}

function counted(q: Quota, adding: number): Count | Promise<Count> {
  const inFlight = counting.get(q.key);
  if (inFlight) return inFlight;
  const known = counts.get(q.key);
  if (known && !due(q, known, adding)) return known;
  const fresh = q
    .count()
    .then((rows) => {
      if (counts.size >= MAX_KEYS && !counts.has(q.key)) counts.delete(counts.keys().next().value!);
      const c = { rows, at: Date.now() };
      counts.set(q.key, c);
      return c;
    })
    .catch((e: unknown) => {
      // No scan place, or the count ran past the scans' time limit: the count held serves until the next try.
      if (!known || !(e instanceof ScansBusy || e instanceof ScanTimedOut)) throw e;
      known.at = Date.now();
      return known;
    })
    .finally(() => counting.delete(q.key));
  counting.set(q.key, fresh);
  return fresh;
}

/** Counts `adding` rows in if they fit under the limit (else the count held, for the refusal's words). */
async function take(q: Quota, adding: number): Promise<{ taken: boolean; rows: number }> {
  const c = await counted(q, adding);
  if (c.rows + adding > q.limit) return { taken: false, rows: c.rows };
  // Counted as added before the write; the caller releases it when the write fails.
  c.rows += adding;
  return { taken: true, rows: c.rows };
}

async function reserve(q: Quota, adding: number, what: string, setting: string): Promise<void> {
  if (adding <= 0) return;
  const { taken, rows } = await take(q, adding);
  if (!taken) throw badRequest('tooMany', `${what} holds ${n(rows)} of its ${n(q.limit)}; adding ${n(adding)} would pass the limit (${setting})`);
}

export function reserveUsers(directoryId: string, adding = 1, count: Counter = () => scan(() => countUsers(directoryId, { scim: true }))): Promise<void> {
  const q = { key: `users:${directoryId}`, limit: env().scim.maxUsersPerDirectory, count, nearRefreshMs: NEAR_REFRESH_MS };
  return reserve(q, adding, 'This directory', 'SCIM_MAX_USERS_PER_DIRECTORY');
}

/**
 * Room to keep one more user the IdP deleted, for the host (a keeping leaving policy: users/retire.ts): such users
 * are out of SCIM_MAX_USERS_PER_DIRECTORY, so they have a bound of their own. False past it: the DELETE deletes.
 */
export async function roomToKeep(directoryId: string, count: Counter = () => scan(() => countUsers(directoryId, { kept: true }))): Promise<boolean> {
  const q = { key: `kept:${directoryId}`, limit: env().scim.maxKeptUsersPerDirectory, count, nearRefreshMs: NEAR_REFRESH_MS };
  return (await take(q, 1)).taken;
}

export function reserveGroups(directoryId: string, adding = 1, count: Counter = () => scan(() => countGroups(directoryId))): Promise<void> {
  const q = { key: `groups:${directoryId}`, limit: env().scim.maxGroupsPerDirectory, count, nearRefreshMs: NEAR_REFRESH_MS };
  return reserve(q, adding, 'This directory', 'SCIM_MAX_GROUPS_PER_DIRECTORY');
}

/** Rows this process removed make room at once; another process's removals are seen at the next count. */
function release(key: string, removed = 1): void {
  const c = counts.get(key);
  if (c) c.rows = Math.max(0, c.rows - removed);
}

/** A user gone from SCIM (deleted, kept for the host, or linked to one listed already), or a create that failed. */
export const releaseUsers = (directoryId: string): void => release(`users:${directoryId}`);
/** A kept user linked back into SCIM, or a place roomToKeep gave that the DELETE did not use. */
export const releaseKept = (directoryId: string): void => release(`kept:${directoryId}`);
/** A group deleted, or a create that failed. */
export const releaseGroups = (directoryId: string): void => release(`groups:${directoryId}`);

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
  const count = () => read(() => countMembers(scope.groupId, scope.directoryId));
  const q = { key: `members:${scope.groupId}`, limit: env().scim.maxMembersPerGroup, count, nearRefreshMs: 0 };
  return reserve(q, adding, 'This group', 'SCIM_MAX_MEMBERS_PER_GROUP');
}
