// Issue 18's filter figures: `title eq`, the host field through SCIM (`urn:…:bench:2.0:User:costCenter eq`) and
// through the host API (`customAttributes.costCenter eq`), each against `userName eq` in the same rounds, each a
// read of a user that exists (probed: exactly that user). Measured without the field's index, then with it
// (`indexed: true` through PUT /user-schema: the app creates the indexes).
import { costCenterOf, declareField, FIELD, FIELD_URN, titleOf } from './attribute-fields';
import type { Load } from './load';
import { query, seededUserName } from './payloads';
import { runRounds, type Job, type RoundOptions, type Row } from './phase';
import { foundOnly } from './probe';
import { hostApi, type HostApi, type Json } from './scim-client';
import type { SeededDirectory } from './seeder';
import type { Server } from './servers';
import { rpsSpread } from './stats';
import { authHeaders, originAndBase, scatter, type WorkloadKey } from './workload';

export interface FilterFigure {
  server: string;
  users: number;
  indexed: boolean;
  key: WorkloadKey;
  label: string;
  p50: number;
  rps: number | null;
  /**
   * p50 over `userName eq`'s p50 in the same rounds, through the same interface (SCIM, or the host API); the host
   * API's own `userName eq` over SCIM's.
   */
  vsUserName: number;
  /** Whose `userName eq` vsUserName divides by. */
  versus: 'SCIM' | 'the host API';
}

const PROBE_N = 4242;

function scimFilter(server: Server, seeded: SeededDirectory, key: WorkloadKey, label: string, attr: string, value: (n: number) => string): Job {
  const size = seeded.users;
  const path = (n: number) => `/Users${query.eq(attr, value(n), '&startIndex=1&count=100')}`;
  const load = (): Load => {
    const { origin, base } = originAndBase(server.dir.endpoint);
    return { origin, method: 'GET', headers: authHeaders(server.dir, false), request: (i) => ({ path: base + path(scatter(i, size)) }) };
  };
  const probe = async () => {
    const n = scatter(PROBE_N, size);
    const r = await fetch(`${server.dir.endpoint}${path(n)}`, { headers: authHeaders(server.dir, false) });
    return foundOnly({ status: r.status, body: (await r.json()) as Json }, seeded.userIds[n]);
  };
  return { target: server, key, label, idp: 'host', kind: 'read', webhook: false, load, probe };
}

/** A filter on the host API's user list; `userName eq` there is the baseline of `customAttributes.<key> eq`. */
function hostFilter(server: Server, host: HostApi, seeded: SeededDirectory, key: WorkloadKey, attr: string, value: (n: number) => string): Job {
  const size = seeded.users;
  const dirId = server.dir.directoryId ?? '';
  const path = (n: number) => `/api/v1/directories/${dirId}/users?limit=100&filter=${encodeURIComponent(`${attr} eq "${value(n)}"`)}`;
  const load = (): Load => ({
    origin: host.baseUrl,
    method: 'GET',
    headers: { Authorization: `Bearer ${host.apiKey}` },
    request: (i) => ({ path: path(scatter(i, size)) }),
  });
  const probe = async () => {
    const n = scatter(PROBE_N, size);
    const body = await hostApi(host, 'GET', path(n).replace('/api/v1', ''));
    const data = Array.isArray(body.data) ? body.data : [];
    const ids = data.map((u) => (u && typeof u === 'object' && !Array.isArray(u) ? u.id : null));
    return ids.length === 1 && ids[0] === seeded.userIds[n] ? null : `answered ${ids.length} users, not exactly ${seededUserName(n)}`;
  };
  return { target: server, key, label: `host API ${attr} eq`, idp: 'host', kind: 'read', webhook: false, load, probe };
}

/** The filters at one size on one portal, without then with the field's index. */
export async function filterFigures(
  server: Server,
  host: HostApi,
  seeded: SeededDirectory,
  only: ReadonlySet<string>,
  rounds: RoundOptions,
): Promise<FilterFigure[]> {
  const out: FilterFigure[] = [];
  for (const indexed of [false, true]) {
    await declareField(host, indexed);
    const jobs: Job[] = [scimFilter(server, seeded, 'filter-username', 'userName eq', 'userName', seededUserName)];
    if (only.has('filter-title')) jobs.push(scimFilter(server, seeded, 'filter-title', 'title eq', 'title', titleOf));
    if (only.has('filter-field')) jobs.push(scimFilter(server, seeded, 'filter-field', `${FIELD_URN}:${FIELD} eq`, `${FIELD_URN}:${FIELD}`, costCenterOf));
    if (only.has('filter-custom'))
      jobs.push(
        hostFilter(server, host, seeded, 'filter-username', 'userName', seededUserName),
        hostFilter(server, host, seeded, 'filter-custom', `customAttributes.${FIELD}`, costCenterOf),
      );
    rounds.log(`  ${server.id.name} on ${server.id.db}: the filters, field ${indexed ? 'indexed' : 'not indexed'}`);
    const rows: Row[] = await runRounds(jobs, seeded.users, rounds);
    for (const r of rows) {
      const host = r.label.startsWith('host API') && r.key !== 'filter-username';
      const base = rows.find((x) => x.key === 'filter-username' && x.label.startsWith('host API') === host)?.p50 ?? Number.NaN;
      const f = { server: `${r.server.name} on ${r.server.db}`, users: r.users, indexed, key: r.key, label: r.label, p50: r.p50 };
      out.push({ ...f, rps: rpsSpread(r.rounds)?.median ?? null, vsUserName: r.p50 / base, versus: host ? 'the host API' : 'SCIM' });
    }
  }
  return out;
}

export const filterLine = (f: FilterFigure) =>
  `${f.server}, ${f.users.toLocaleString('en-US')} users, field ${f.indexed ? 'indexed' : 'not indexed'}: ${f.label}: p50 ${f.p50.toFixed(2)} ms ` +
  `(${f.vsUserName.toFixed(2)}x userName eq through ${f.versus}; target <= 3x: ${f.vsUserName <= 3 ? 'PASS' : 'FAIL'}), ` +
  `${f.rps?.toFixed(0) ?? '-'} 2xx/s`;
