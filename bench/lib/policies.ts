// The portal's provisioning policy (issue 19), every part on, as the bench runs it by default: the bench's user
// domains accepted, a seat limit above any user count it reaches, only the bench's groups selected, and leaving
// "delete after 30 days". `--no-policies` leaves the defaults, for comparison.
import { hostApi, type HostApi, type ScimDirectory } from './scim-client';

/** Every userName and email the bench sends is on one of these (payloads.ts: example.com, Entra's example.org). */
const DOMAINS = ['example.com', 'example.org'];
/** Above the users any bench run creates (seeding, the create workload, the import), so no create is refused. */
const SEAT_LIMIT = 10_000_000;

export const POLICIES_SETTING = `provisioning policy on: domains ${DOMAINS.join(', ')}; seat limit ${SEAT_LIMIT.toLocaleString('en-US')}; group selection "only these groups" with the seeded groups (the first 1,000); leaving "delete after 30 days" (--no-policies: none)`;

export async function setPolicies(app: HostApi, dir: ScimDirectory): Promise<void> {
  const body = { domains: DOMAINS, seatLimit: SEAT_LIMIT, leaving: { mode: 'delete_after', deleteAfterDays: 30 } };
  await hostApi(app, 'PATCH', `/organizations/${dir.organizationId}/policy`, body);
}

/** Groups one selection names at most (lib/schemas/group-selection.ts). */
const MAX_SELECTED = 1000;

/**
 * Only these groups selected: the groups seeded so far, the first 1,000 (at 100,000 users two of the 1,000 teams are
 * left out); groups the workloads push later start unselected.
 */
export async function groupSelection(app: HostApi, dir: ScimDirectory, groupIds: string[]): Promise<void> {
  await hostApi(app, 'PUT', `/directories/${dir.directoryId}/group-selection`, { mode: 'selected', groupIds: groupIds.slice(0, MAX_SELECTED) });
}
