// Command-line options of `npm run bench`, parsed once.
import { parseArgs } from 'node:util';

export type DbKind = 'sqlite' | 'postgres';

/** What one import writes through SCIM, on each server at each directory size. */
export interface ImportSize {
  users: number;
  groups: number;
  /** Memberships in all, spread evenly over the groups. */
  members: number;
}

export interface BenchOptions {
  dbs: DbKind[];
  duration: number;
  connections: number;
  usersSmall: number;
  usersLarge: number;
  /** Users written per database transaction while seeding. */
  batch: number;
  /** Seconds a seeding step may take before it batches harder. */
  seedBudget: number;
  /** Another SCIM endpoint to compare against instead of the Jackson peer. */
  target: { endpoint: string; token: string } | null;
  /** Start the Jackson peer (../shared/peers/start-jackson.sh) and compare against it. */
  peer: boolean;
  peerPort: number;
  import: ImportSize;
  out: string;
  /** Leave the app's rate limits at their defaults (6,000 SCIM requests a minute per token → 429s under load). */
  keepRateLimits: boolean;
}

export const USAGE = `npm run bench -- [options]
  --db sqlite|postgres|both   database(s) to run the app on (default both; postgres starts scripts/pg-temp.sh)
  --duration <s>              seconds per workload and server (default 8)
  --connections <n>           concurrent connections (default 10)
  --users-small <n>           first directory size (default 1000)
  --users-large <n>           second directory size (default 100000)
  --import-users <n>          users the import creates on each server at each size (default 10000)
  --import-groups <n>         groups the import creates (default 100)
  --import-members <n>        memberships the import adds, spread over its groups (default 50000)
  --batch <n>                 users per seeding transaction (default 2000)
  --seed-budget <s>           (accepted, unused: seeding always writes multi-row INSERTs)
  --no-peer                   measure the portal alone (by default the Jackson peer runs side by side)
  --peer-port <n>             port of the Jackson peer (default 4100)
  --target <endpoint>         compare against this SCIM base URL instead of the Jackson peer (needs --token)
  --token <token>             bearer token for --target
  --out <file>                JSON results (default bench/results/latest.json)
  --keep-rate-limits          keep the app's default rate limits (by default they are raised out of reach; the
                              limiter still counts every request)`;

function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
}

function importSize(users: string | undefined, groups: string | undefined, members: string | undefined): ImportSize {
  const size = {
    users: positiveInt('import-users', users, 10_000),
    groups: positiveInt('import-groups', groups, 100),
    members: positiveInt('import-members', members, 50_000),
  };
  if (size.members < size.groups) throw new Error('--import-members must be at least --import-groups (one member per group)');
  if (size.members / size.groups > size.users) throw new Error('--import-members / --import-groups must not exceed --import-users');
  return size;
}

export function parseBenchArgs(argv: string[], defaultOut: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowNegative: true,
    options: {
      db: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'users-small': { type: 'string' },
      'users-large': { type: 'string' },
      'import-users': { type: 'string' },
      'import-groups': { type: 'string' },
      'import-members': { type: 'string' },
      batch: { type: 'string' },
      'seed-budget': { type: 'string' },
      target: { type: 'string' },
      token: { type: 'string' },
      peer: { type: 'boolean' },
      'peer-port': { type: 'string' },
      out: { type: 'string' },
      'keep-rate-limits': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const db = values.db ?? 'both';
  const dbs: DbKind[] = db === 'both' ? ['sqlite', 'postgres'] : db === 'sqlite' || db === 'postgres' ? [db] : [];
  if (dbs.length === 0) throw new Error(`--db must be sqlite, postgres or both, got ${db}`);
  if (values.target !== undefined && values.token === undefined) throw new Error('--target needs --token');
  const usersSmall = positiveInt('users-small', values['users-small'], 1000);
  const usersLarge = positiveInt('users-large', values['users-large'], 100_000);
  if (usersLarge < usersSmall) throw new Error('--users-large must be at least --users-small');
  if (usersSmall < 100) throw new Error('--users-small must be at least 100 (the workloads need distinct users)');
  return {
    dbs,
    duration: positiveInt('duration', values.duration, 8),
    connections: positiveInt('connections', values.connections, 10),
    usersSmall,
    usersLarge,
    batch: positiveInt('batch', values.batch, 2000),
    seedBudget: positiveInt('seed-budget', values['seed-budget'], 120),
    target: values.target !== undefined ? { endpoint: values.target.replace(/\/+$/, ''), token: values.token ?? '' } : null,
    // --target replaces the Jackson peer.
    peer: values.target === undefined && (values.peer ?? true),
    peerPort: positiveInt('peer-port', values['peer-port'], 4100),
    import: importSize(values['import-users'], values['import-groups'], values['import-members']),
    out: values.out ?? defaultOut,
    keepRateLimits: values['keep-rate-limits'] ?? false,
  };
}
