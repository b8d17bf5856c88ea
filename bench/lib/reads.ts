// The reads Okta and Entra send (../shared/scim/idp-behaviour.md §1.4, §2.1), each over many users or groups of the
// seeded directory, each probed first: a server that answers a shape wrongly is not measured on it.
import { externalIdOf, query, seededUserName } from './payloads';
import { ask, at, foundOnly, holds, idOf, status } from './probe';
import type { Json } from './scim-client';
import { TEAM_SIZE } from './sizes';
import { authHeaders, originAndBase, scatter, type Stage, type Workload, type WorkloadKey } from './workload';

const PAGE = 100;
/** The user and team the probes look up (any seeded one would do). */
const PROBE_I = 4242;

/** What is wrong with the answer about the n-th user or team, or null. */
type Check = (s: Stage, n: number, body: Json) => string | null;

/** A GET over the seeded users (`over: 'users'`) or teams, the i-th request to the scatter(i)-th of them. */
function read(key: WorkloadKey, label: string, idp: string, over: 'users' | 'teams', path: (s: Stage, n: number) => string, check: Check): Workload {
  const size = (s: Stage) => (over === 'users' ? s.seeded.users : s.seeded.teams.length);
  return {
    key,
    label,
    idp,
    kind: 'read',
    load: (s) => {
      const { origin, base } = originAndBase(s.dir.endpoint);
      return { origin, method: 'GET', headers: authHeaders(s.dir, false), request: (i) => ({ path: base + path(s, scatter(i, size(s))) }) };
    },
    probe: async (s) => {
      const n = scatter(PROBE_I, size(s));
      const a = await ask(s.dir, 'GET', path(s, n));
      return status(a, 200) ?? check(s, n, a.body);
    },
  };
}

const userFound: Check = (s, n, body) => foundOnly({ status: 200, body }, s.seeded.userIds[n]);
const userRead = (key: WorkloadKey, label: string, idp: string, path: (s: Stage, n: number) => string) => read(key, label, idp, 'users', path, userFound);
const teamRead = (key: WorkloadKey, label: string, idp: string, path: (s: Stage, t: number) => string, check: Check) =>
  read(key, label, idp, 'teams', path, check);

const teamFound: Check = (s, t, body) => foundOnly({ status: 200, body }, s.seeded.teams[t].id);

function membersCheck(want: 'all' | 'none'): Check {
  return (s, t, body) => {
    if (idOf(body) !== s.seeded.teams[t].id) return 'answered another group';
    const members = at(body, ['members']);
    const count = Array.isArray(members) ? members.length : 0;
    if (want === 'all') return count === TEAM_SIZE ? null : `members holds ${count} of the group's ${TEAM_SIZE}`;
    // Entra ignores members here; an empty list is as good as none.
    return count === 0 ? null : `members holds ${count} though excluded`;
  };
}

export function readWorkloads(): Workload[] {
  return [
    read(
      'get-user',
      'GET /Users/{id}',
      'Okta, Entra',
      'users',
      (s, n) => `/Users/${s.seeded.userIds[n]}`,
      (s, n, body) =>
        holds(
          { status: 200, body },
          [
            [['id'], s.seeded.userIds[n]],
            [['userName'], seededUserName(n)],
          ],
          true,
        ),
    ),
    userRead('filter-username', 'GET /Users?filter=userName eq', 'Okta, Entra', (_s, n) => `/Users${query.oktaUserName(seededUserName(n))}`),
    userRead('filter-externalid', 'GET /Users?filter=externalId eq', 'Entra', (_s, n) => `/Users${query.eq('externalId', externalIdOf(n))}`),
    userRead('filter-email', 'GET /Users?filter=emails.value eq', 'other IdPs', (_s, n) => `/Users${query.eq('emails.value', seededUserName(n))}`),
    userRead(
      'filter-work-email',
      'GET /Users?filter=emails[type eq "work"].value eq',
      'Entra',
      (_s, n) => `/Users${query.eq('emails[type eq "work"].value', seededUserName(n))}`,
    ),
    {
      key: 'list-users',
      label: `GET /Users?startIndex&count=${PAGE} (import pages)`,
      idp: 'Okta',
      kind: 'read',
      load: (s) => {
        const { origin, base } = originAndBase(s.dir.endpoint);
        const pages = Math.ceil(s.seeded.users / PAGE);
        return {
          origin,
          method: 'GET',
          headers: authHeaders(s.dir, false),
          request: (i) => ({ path: `${base}/Users${query.page((i % pages) * PAGE + 1, PAGE)}` }),
        };
      },
      probe: async (s) => {
        const a = await ask(s.dir, 'GET', `/Users${query.page(PAGE + 1, PAGE)}`);
        const resources = at(a.body, ['Resources']);
        const total = at(a.body, ['totalResults']);
        return (
          status(a, 200) ??
          (Array.isArray(resources) && resources.length === PAGE
            ? null
            : `a page of ${PAGE} held ${Array.isArray(resources) ? resources.length : 'no'} users`) ??
          (typeof total === 'number' && total >= s.seeded.users ? null : `totalResults ${String(total)} in a directory of ${s.seeded.users} or more`)
        );
      },
    },
    teamRead('filter-group-okta', 'GET /Groups?filter=displayName eq', 'Okta', (s, t) => `/Groups${query.oktaGroupName(s.seeded.teams[t].name)}`, teamFound),
    teamRead(
      'filter-group-entra',
      'GET /Groups?excludedAttributes=members&filter=displayName eq',
      'Entra',
      (s, t) => `/Groups${query.eq('displayName', s.seeded.teams[t].name, '&excludedAttributes=members')}`,
      teamFound,
    ),
    teamRead('get-group', `GET /Groups/{id} (${TEAM_SIZE} members)`, 'Okta', (s, t) => `/Groups/${s.seeded.teams[t].id}`, membersCheck('all')),
    teamRead(
      'get-group-no-members',
      'GET /Groups/{id}?excludedAttributes=members',
      'Entra',
      (s, t) => `/Groups/${s.seeded.teams[t].id}?excludedAttributes=members`,
      membersCheck('none'),
    ),
  ];
}
