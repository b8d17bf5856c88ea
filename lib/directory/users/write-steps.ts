// What every write of a user shares (create.ts, rewrite.ts, delete.ts: together the one writer of DirectoryUser and
// UserEmail, whoever calls it: SCIM, portal, host API). Each change is one transaction: the row, its emails,
// recomputed roles and the events describing it; retried on a lost race, so concurrent writers never lose each
// other's changes. Here: its first trip (the locked user with the policy and roles), its last (seats and events).
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors';
import { insertOp } from '../../db/rows';
import type { DirectoryUserRow } from '../../db/schema';
import { together, type SqlEnv, type SqlOp, type SqlProgram } from '../../db/sql-program';
import { DomainError } from '../../domain-error';
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { writeEventsOps } from '../../events/write-events';
import { assertIndexedFields, mappedColumns, type MappingContext } from '../../attributes/mapping';
import { policyOfRow, policyOp, type ProvisioningPolicy } from '../../policy/policy-store';
import type { SeatChange } from '../../policy/seats';
import { roleConfigOf, roleConfigOp, type RoleConfig } from '../../roles/recompute-roles';
import { rolesSharedLockOps } from '../../roles/role-locks';
import type { ScimObject } from '../../scim/types';
import { assertIndexable } from '../indexable';
import type { WriteOptions } from '../write-options';
import { userColumns, type UserEmailColumns } from './columns';
import { userViewOp, viewOfRow, type PersonLookup, type UserView, type UserWithGroups } from './reads';

/** The host's fields and the directory's mapping, which a write maps the user's values with (none: no fields). */
export interface UserWriteOptions extends WriteOptions {
  mapping?: MappingContext | null;
}

/** A resource as a user write stores it: its columns (mapped host fields included), emails, raw JSON, warnings. */
export function split(resource: ScimObject, mapping: MappingContext | null | undefined) {
  const { emails, ...cols } = userColumns(resource);
  assertIndexable({ ...cols, ...Object.fromEntries(emails.map((e, i) => [`emails[${i}].value`, e.valueLower])) });
  if (mapping) assertIndexedFields(resource, mapping.schema);
  const mapped = mappedColumns(resource, mapping ?? null);
  return { cols: { ...cols, ...mapped.cols }, emails, raw: JSON.stringify(resource), warnings: mapped.warnings };
}

export function emailsOp(env: SqlEnv, userId: string, directoryId: string, emails: UserEmailColumns[]): SqlOp[] {
  return emails.length
    ? [
        insertOp(
          env.dialect,
          'UserEmail',
          emails.map((e) => ({ userId, directoryId, ...e })),
        ),
      ]
    : [];
}

/** A write's error as the caller's: the same userName (409), the directory gone meanwhile (404). */
export function duplicateUser(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A user with this userName already exists in the directory');
  // Still a foreign-key violation after the reruns (database.ts): the directory itself was deleted meanwhile.
  if (isForeignKeyViolation(e)) throw new DomainError('not_found', 'The directory was deleted meanwhile');
  throw e;
}

/** A user as written, and what the write did in plain words (the decision log: decision.ts). */
export interface WrittenUser extends UserWithGroups {
  row: DirectoryUserRow;
  outcome: string;
  /** A create that linked a user the directory had: one SCIM listed, or one kept for the host after a DELETE. */
  linked?: 'listed' | 'kept';
}

/** What every user write reads with its first lock: the organization's policy and the directory's role configuration. */
export interface WriteReads {
  policy: ProvisioningPolicy;
  roleConfig: RoleConfig;
}

/**
 * The user `by` finds, locked, with what every user write reads first, in one trip: the directory's shared role lock
 * (role-locks.ts), then the policy and the role configuration (not one a concurrent default-role change is
 * replacing), then the user's row.
 */
export function* lockedUser(
  env: SqlEnv,
  scope: DirectoryScope,
  by: { id: string } | { person: PersonLookup },
): SqlProgram<{ view: UserView | null; reads: WriteReads }> {
  const lock = rolesSharedLockOps(env, scope.directoryId);
  const results = yield* together([
    ...lock,
    policyOp(scope.organizationId),
    roleConfigOp(scope.directoryId),
    userViewOp(env, { directoryId: scope.directoryId, by, lock: true }),
  ]);
  const [policy, config, user] = results.slice(lock.length);
  return { view: viewOfRow(user[0]), reads: { policy: policyOfRow(policy[0]), roleConfig: roleConfigOf(config[0] ?? null) } };
}

/** The UPDATE's count: the row is locked (on SQLite, the whole database) since it was read, so it always matches. */
export function updated(count: unknown): void {
  if (count !== 1) throw new Error(`A locked user's UPDATE changed ${String(count)} rows`);
}

/** The last statement of a transaction marked final (PostgreSQL sends it with the COMMIT). */
export const finalOps = (ops: SqlOp[]): SqlOp[] => ops.map((op, i) => (i === ops.length - 1 ? { ...op, final: true } : op));

/**
 * A write's last statements: the seats count just before the events (so its row is locked for that trip and the
 * COMMIT only, and always before the events' lock), the events, then the last seat's event if this write took it.
 */
export const tailOps = (env: SqlEnv, scope: DirectoryScope, events: PendingEvent[], seat: SeatChange): SqlOp[] => [
  ...seat.before,
  ...writeEventsOps(env, scope, events, false),
  ...seat.after,
];
