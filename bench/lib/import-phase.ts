// The import workload (scim-import.ts) on every server at one directory size, the servers taking turns step by
// step (a tenth of the users on the portal on SQLite, on the peer, on the portal on PostgreSQL, the next tenth…),
// so that a busy moment on the shared machine weighs on each of them alike. A server's import time is the sum of
// the wall times of its steps.
import { performance } from 'node:perf_hooks';
import type { ImportSize } from './args';
import { serverLabel, type ServerId } from './servers';
import { ScimImport, type ImportStepKind } from './scim-import';
import type { ScimDirectory } from './scim-client';
import { fmt } from './table';

/** Steps the users (and the memberships) are cut into. */
const SLICES = 10;
/** The import's Okta payloads number their users from here on: past the seeded users and POST /Users's. */
const FIRST_NUMBER = 20_000_000;

export interface ImportResult extends ServerId {
  /** The directory size the import ran at. */
  users: number;
  created: { users: number; groups: number; memberships: number };
  seconds: number;
  requests: number;
  rps: number;
  failures: number;
  statusCodes: Record<string, number>;
  stepSeconds: Record<ImportStepKind, number>;
}

interface ImportServer {
  id: ServerId;
  dir: ScimDirectory;
}

export async function runImports(
  servers: ImportServer[],
  users: number,
  size: ImportSize,
  runTag: string,
  log: (line: string) => void,
): Promise<ImportResult[]> {
  const plans = servers.map((s) => {
    const importer = new ScimImport(s.dir, size, `import-${runTag}-${s.id.side}-${s.id.db}-${s.id.name.replace(/\W+/g, '')}-${users}`, FIRST_NUMBER + users);
    const result: ImportResult = {
      ...s.id,
      users,
      created: { users: size.users, groups: size.groups, memberships: importer.memberships },
      seconds: 0,
      requests: 0,
      rps: 0,
      failures: 0,
      statusCodes: {},
      stepSeconds: { users: 0, groups: 0, memberships: 0 },
    };
    return { steps: importer.steps(SLICES), result };
  });
  const stepCount = Math.max(...plans.map((p) => p.steps.length));
  for (let k = 0; k < stepCount; k++) {
    for (const { steps, result } of plans) {
      const step = steps[k];
      if (!step) continue;
      const started = performance.now();
      const tally = await step.run();
      const seconds = (performance.now() - started) / 1000;
      result.seconds += seconds;
      result.stepSeconds[step.kind] += seconds;
      result.requests += tally.requests;
      result.failures += tally.failures;
      for (const [code, n] of Object.entries(tally.statusCodes)) result.statusCodes[code] = (result.statusCodes[code] ?? 0) + n;
    }
  }
  for (const { result: r } of plans) {
    r.rps = r.requests / r.seconds;
    const steps = Object.entries(r.stepSeconds)
      .map(([kind, s]) => `${kind} ${s.toFixed(1)} s`)
      .join(', ');
    log(
      `  ${serverLabel(r)} ${fmt.int(users)} users: import in ${r.seconds.toFixed(1)} s (${steps}), ${fmt.int(r.requests)} requests, ` +
        `${fmt.int(r.rps)} req/s, ${r.failures} failures`,
    );
  }
  return plans.map((p) => p.result);
}
