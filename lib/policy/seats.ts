// An organization's seats (issue 19): its active users, counted in OrganizationSeats by every write that changes a
// user's standing, in that write's own transaction and last trip, never recounted. A seat taken past the policy's
// limit fails the row's CHECK (migration 0020): the limit costs no read and no lock held before the write's end.
import { isCheckViolation } from '../db/errors';
import { allOp, changes, rowsOf, runOp, type SqlEnv, type SqlOp, type SqlProgram } from '../db/sql-program';
import type { DirectoryScope } from '../events/event-types';
import { eventWhenOp } from '../events/write-events';
import { PolicyRefusal } from './admission';
import type { ProvisioningPolicy } from './policy-store';

const S = '"OrganizationSeats"';

/**
 * `delta` active users more (or fewer) in the organization. A user leaving gives back a seat held past a limit the
 * host lowered first (`overLimit`), so a lowered limit is reached again before anyone new comes in.
 */
export function seatsOps(organizationId: string, delta: number): SqlOp[] {
  if (delta === 0) return [];
  const giveBack = Math.min(delta, 0);
  return [
    runOp(
      `INSERT INTO ${S} ("organizationId", "activeUsers") VALUES (?, ?) ON CONFLICT ("organizationId") DO UPDATE
       SET "activeUsers" = ${S}."activeUsers" + excluded."activeUsers",
           "overLimit" = CASE WHEN ${S}."overLimit" + ? > 0 THEN ${S}."overLimit" + ? ELSE 0 END`,
      [organizationId, delta, giveBack, giveBack],
    ),
  ];
}

/** The policy's limit beside the count, and the seats in use past it (a lowered limit keeps the users it finds). */
export const seatLimitOp = (organizationId: string, limit: number | null): SqlOp =>
  runOp(
    `INSERT INTO ${S} ("organizationId", "seatLimit") VALUES (?, ?) ON CONFLICT ("organizationId") DO UPDATE
     SET "seatLimit" = excluded."seatLimit",
         "overLimit" = CASE WHEN excluded."seatLimit" IS NOT NULL AND ${S}."activeUsers" > excluded."seatLimit" THEN ${S}."activeUsers" - excluded."seatLimit" ELSE 0 END`,
    [organizationId, limit],
  );

/** What a write sends for a change of standing: the count before its events, and after them the event of the last seat. */
export interface SeatChange {
  before: SqlOp[];
  after: SqlOp[];
}

export const NO_SEAT_CHANGE: SeatChange = { before: [], after: [] };

/** A user coming in (+1: created active, reactivated) or leaving (-1: deactivated, deleted, retired while active). */
export function seatChange(env: SqlEnv, scope: DirectoryScope, policy: ProvisioningPolicy, delta: 1 | -1): SeatChange {
  const { organizationId } = scope;
  const limit = policy.seatLimit;
  if (delta < 0 || limit == null) return { before: seatsOps(organizationId, delta), after: [] };
  const event = { type: 'organization.seat_limit_reached' as const, data: { organizationId, seatLimit: limit, activeUsers: limit } };
  const last = {
    sql: `EXISTS (SELECT 1 FROM ${S} WHERE "organizationId" = ? AND "activeUsers" = ? AND "seatLimit" = ?)`,
    params: [organizationId, limit, limit],
  };
  return { before: seatsOps(organizationId, 1), after: [eventWhenOp(env, scope, event, last)] };
}

/** A write's error as the refusal it means when it is the seat limit's CHECK (`limit`: the policy the write read). */
export function seatRefusal(e: unknown, limit: number | null): unknown {
  if (!isCheckViolation(e)) return e;
  return new PolicyRefusal('seat_limit', `Refused by the organization's provisioning policy: its seat limit of ${limit ?? 0} active users is reached`);
}

/** Gives back the seats of a directory's active users (the directory is being deleted, its users with it). */
export function* returnDirectorySeats(organizationId: string, directoryId: string): SqlProgram<void> {
  const [counted] = yield* rowsOf(allOp(`SELECT COUNT(*) AS "n" FROM "DirectoryUser" WHERE "directoryId" = ? AND "active" = ?`, [directoryId, true]));
  for (const op of seatsOps(organizationId, -Number(counted?.n ?? 0))) yield* changes(op);
}

/** The seats in use: the organization's active users across its directories. */
export function* seatsUsed(organizationId: string): SqlProgram<number> {
  return Number((yield* rowsOf(allOp(`SELECT "activeUsers" FROM ${S} WHERE "organizationId" = ?`, [organizationId])))[0]?.activeUsers ?? 0);
}
