// A new user: POST /Users, the host API, the portal. A person the directory already has is linked, not duplicated.
import { write } from '../../db/database';
import { insertOp } from '../../db/rows';
import type { DirectoryUserRow } from '../../db/schema';
import { together, type SqlProgram } from '../../db/sql-program';
import { DomainError } from '../../domain-error';
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { toApiUser } from '../../host-api/serialize';
import { warningsText } from '../../attributes/mapping';
import { newId } from '../../ids';
import { checkDomains } from '../../policy/admission';
import { NO_SEAT_CHANGE, seatChange, seatRefusal } from '../../policy/seats';
import { recomputeRolesSql, rolesIdle } from '../../roles/recompute-roles';
import type { ScimObject } from '../../scim/types';
import { rewriteLocked } from './rewrite';
import { duplicateUser, emailsOp, finalOps, lockedUser, split, tailOps, type UserWriteOptions, type WrittenUser } from './write-steps';

/**
 * A new user, its emails and its roles (the default role, if any: a new user is in no group), with its event. A
 * person the directory already has under the same externalId (re-provisioned under a renamed userName, or after
 * a deactivation), or one the IdP deleted under the same userName and the leaving policy kept, is linked instead:
 * that user is rewritten, never duplicated; the same active userName is a 409.
 */
export function createDirectoryUser(scope: DirectoryScope, resource: ScimObject, { mapping }: UserWriteOptions = {}): Promise<WrittenUser> {
  const { directoryId } = scope;
  let limit: number | null = null;
  return write(function* (env): SqlProgram<WrittenUser> {
    const { cols, emails, raw, warnings } = split(resource, mapping);
    const person = { externalId: cols.externalId ?? null, userNameLower: cols.userNameLower };
    const { view: known, reads } = yield* lockedUser(env, scope, { person });
    limit = reads.policy.seatLimit;
    if (known && !known.row.removedAt && known.row.userNameLower === cols.userNameLower && known.row.active)
      throw new DomainError('conflict', 'A user with this userName already exists in the directory');
    if (known) {
      const linked = yield* rewriteLocked(env, scope, known, JSON.parse(known.row.raw) as ScimObject, resource, reads, mapping);
      const same = person.externalId !== null && known.row.externalId === person.externalId ? 'same externalId' : 'same userName';
      const outcome = `linked (${same})${linked.outcome === 'unchanged' ? '' : `, ${linked.outcome}`}`;
      return { ...linked, outcome, linked: known.row.removedAt ? 'kept' : 'listed' };
    }
    checkDomains(reads.policy, cols);
    const id = newId('usr');
    const now = new Date();
    const active = cols.active ?? true;
    const seat = active ? seatChange(env, scope, reads.policy, 1) : NO_SEAT_CHANGE;
    const row: DirectoryUserRow = {
      id,
      directoryId,
      ...cols,
      active,
      raw,
      deactivatedAt: active ? null : now,
      removedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const inserts = [insertOp(env.dialect, 'DirectoryUser', [row]), ...emailsOp(env, id, directoryId, emails)];
    const created = (roles: string[]): PendingEvent[] => [{ type: 'directory.user.created', data: toApiUser(row, [], roles) }];
    if (rolesIdle(reads.roleConfig)) {
      // Nobody holds a role in this directory: the rows and the events in one trip, with the COMMIT.
      yield* together(finalOps([...inserts, ...tailOps(env, scope, created([]), seat)]));
    } else {
      yield* together(inserts);
      const [roles] = yield* recomputeRolesSql(env, directoryId, [id], reads.roleConfig);
      yield* together(finalOps(tailOps(env, scope, created(roles?.after ?? []), seat)));
    }
    return { row, groups: [], outcome: `created${warningsText(warnings)}` };
  }).catch((e) => duplicateUser(seatRefusal(e, limit)));
}
