// Issue 18's remap figure: a SCIM mix (GET /Users/{id} and Okta's PUT /Users/{id}, over the seeded users, half the
// connections each) measured alone, then while the directory's mapping of the host field changes source (the host
// API's PUT …/attribute-mapping: every user's value changes, so every user is rewritten and gets an event), then
// alone again. Prints the remap's duration (the job's own start and finish) and the mix's throughput kept.
import { costCenterOf, FIELD, FIELD_URN, fieldExtras, titleOf } from './attribute-fields';
import { runSlice, type Load } from './load';
import { oktaCreateUser, oktaPutUser, seededUserName } from './payloads';
import { sleep } from './processes';
import { hostApi, type HostApi } from './scim-client';
import type { SeededDirectory } from './seeder';
import type { Server } from './servers';
import { median } from './stats';
import { authHeaders, originAndBase, scatter } from './workload';

export interface RemapFigure {
  server: string;
  users: number;
  /** The job's own duration (startedAt to finishedAt), seconds. */
  seconds: number;
  /** Users whose values changed (each got an event). */
  changed: number;
  /** The mix's 2xx/s: median of the slices before and after, and of the slices during the remap. */
  alone: number;
  during: number;
  kept: number;
  failed: number;
}

function mixLoads(server: Server, seeded: SeededDirectory): [Load, Load] {
  const { origin, base } = originAndBase(server.dir.endpoint);
  const n = (i: number) => scatter(i, seeded.users);
  const get: Load = { origin, method: 'GET', headers: authHeaders(server.dir, false), request: (i) => ({ path: `${base}/Users/${seeded.userIds[n(i)]}` }) };
  const put: Load = {
    origin,
    method: 'PUT',
    headers: authHeaders(server.dir, true),
    request: (i) => {
      const k = n(i + 7);
      // The user as seeded (its field and title kept), renamed: a real change that leaves its mapped values alone.
      const returned = { ...oktaCreateUser(seededUserName(k), k), ...fieldExtras(k), id: seeded.userIds[k] };
      return { path: `${base}/Users/${seeded.userIds[k]}`, body: JSON.stringify(oktaPutUser(returned, i)) };
    },
  };
  return [get, put];
}

interface MixSlice {
  rps: number;
  failed: number;
}

async function mixSlice(loads: [Load, Load], offset: number, seconds: number, connections: number): Promise<MixSlice> {
  const half = Math.max(1, Math.floor(connections / 2));
  const [a, b] = await Promise.all([runSlice(loads[0], offset, seconds, half), runSlice(loads[1], offset, seconds, connections - half)]);
  const ok = (a?.ok ?? 0) + (b?.ok ?? 0);
  return { rps: ok / Math.max(a?.seconds ?? seconds, b?.seconds ?? seconds), failed: (a?.responses ?? 0) - (a?.ok ?? 0) + (b?.responses ?? 0) - (b?.ok ?? 0) };
}

interface Job {
  status: string;
  done: number;
  total: number;
  changed: number;
  startedAt: string;
  finishedAt: string | null;
  version: number;
}

const jobOf = async (host: HostApi, dirId: string) => (await hostApi(host, 'GET', `/directories/${dirId}/attribute-mapping`)).job as unknown as Job | null;

/** One remap of the field over every seeded user, with the mix measured around and during it. */
export async function remapFigure(
  server: Server,
  host: HostApi,
  seeded: SeededDirectory,
  opts: { seconds: number; rounds: number; connections: number; log: (line: string) => void },
): Promise<RemapFigure> {
  const dirId = server.dir.directoryId ?? '';
  const loads = mixLoads(server, seeded);
  let offset = 0;
  const slices = async (count: number) => {
    const out: MixSlice[] = [];
    for (let r = 0; r < count; r++) {
      out.push(await mixSlice(loads, offset, opts.seconds, opts.connections));
      offset += 100_000;
    }
    return out;
  };
  await slices(1); // warm-up
  const before = await slices(opts.rounds);
  // Each run flips the field's source between the extension (cc-{n}) and the title (Title {n}): every value changes.
  const current = await hostApi(host, 'GET', `/directories/${dirId}/attribute-mapping`);
  const fields = (current.fields as { key: string; sources: string[] }[] | undefined) ?? [];
  const fromTitle = fields.find((f) => f.key === FIELD)?.sources[0] === 'title';
  const sources = fromTitle ? [`${FIELD_URN}:${FIELD}`] : ['title'];
  opts.log(
    `  ${server.id.name} on ${server.id.db}: remapping ${FIELD} over ${seeded.users.toLocaleString('en-US')} users to ${sources[0]} (${fromTitle ? costCenterOf(0) : titleOf(0)}…)`,
  );
  await hostApi(host, 'PUT', `/directories/${dirId}/attribute-mapping`, { fields: { [FIELD]: { sources } } });
  const during: MixSlice[] = [];
  let job = await jobOf(host, dirId);
  for (const deadline = Date.now() + 600_000; job?.status !== 'done' && Date.now() < deadline; job = await jobOf(host, dirId)) {
    during.push(await mixSlice(loads, offset, 1, opts.connections));
    offset += 100_000;
  }
  if (job?.status !== 'done') throw new Error(`remap not done after 600 s (${job?.done}/${job?.total})`);
  await sleep(500);
  const after = await slices(opts.rounds);
  const alone = median([...before, ...after].map((s) => s.rps));
  const dur = median(during.map((s) => s.rps));
  const seconds = (Date.parse(job.finishedAt ?? '') - Date.parse(job.startedAt)) / 1000;
  const failed = [...before, ...during, ...after].reduce((n, s) => n + s.failed, 0);
  return { server: `${server.id.name} on ${server.id.db}`, users: seeded.users, seconds, changed: job.changed, alone, during: dur, kept: dur / alone, failed };
}

export const remapLine = (f: RemapFigure) =>
  `${f.server}, ${f.users.toLocaleString('en-US')} users: remap of one field in ${f.seconds.toFixed(1)} s (${f.changed.toLocaleString('en-US')} changed; ` +
  `target < 60 s at 100,000: ${f.seconds < 60 ? 'PASS' : 'FAIL'}); GET /Users/{id} + PUT mix ${f.alone.toFixed(0)} 2xx/s alone, ${f.during.toFixed(0)} during: ` +
  `${(f.kept * 100).toFixed(0)}% kept (target >= 80%: ${f.kept >= 0.8 ? 'PASS' : 'FAIL'})${f.failed ? `, ${f.failed} non-2xx` : ''}`;
