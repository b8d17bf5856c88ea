// Command-line options of `npm run bench`, parsed once.
import { parseArgs } from 'node:util';
import type { Db } from './servers';

/** What one import writes through SCIM, on each server at each directory size. */
export interface ImportSize {
  users: number;
  groups: number;
  /** Memberships in all, spread evenly over the groups. */
  members: number;
}

type WebhookSizes = 'large' | 'all' | 'none';

export interface BenchOptions {
  dbs: Db[];
  quick: boolean;
  /** Organizations the dashboard phase seeds (bench/dashboard.ts); 0: no dashboard phase. */
  dashboardOrgs: number;
  /** Alternating rounds per workload and server. */
  rounds: number;
  /** Seconds of one slice: one workload on one server in one round. */
  seconds: number;
  connections: number;
  usersSmall: number;
  usersLarge: number;
  /** null: no import. */
  import: ImportSize | null;
  /** Start the Jackson peer (../shared/peers/start-jackson.sh) on each database and compare against it. */
  peer: boolean;
  /** The peer on SQLite listens here, the one on PostgreSQL on the next port. */
  peerPort: number;
  /** At which sizes the writes run again with one webhook endpoint subscribed. */
  webhooks: WebhookSizes;
  out: string;
  /** Leave the app's rate limits at their defaults (6,000 SCIM requests a minute per token → 429s under load). */
  keepRateLimits: boolean;
  /** Only these workloads (their keys, bench/lib/workload.ts), with the ceilings; null: every one. */
  workloads: string[] | null;
  /** Every provisioning policy on in the portal (bench/lib/policies.ts); --no-policies for comparison. */
  policies: boolean;
}

const FULL = { usersSmall: 1000, usersLarge: 100_000, seconds: 2, import: { users: 2000, groups: 20, members: 10_000 } };
// One size, short slices: every workload, the webhook pass and the import run, in a few minutes.
const QUICK = { usersSmall: 500, usersLarge: 500, seconds: 0.25, import: { users: 200, groups: 4, members: 400 } };

export const USAGE = `npm run bench -- [options]
  --quick                     one size of ${QUICK.usersSmall} users, slices of ${QUICK.seconds} s: every workload, in a few minutes
  --db sqlite|postgres|both   which tables (default both; postgres starts the bench's own durable server)
  --rounds <n>                alternating rounds per workload and server (default 3)
  --seconds <s>               seconds per slice (default ${FULL.seconds}; --quick ${QUICK.seconds})
  --connections <n>           concurrent connections (default 10)
  --users-small <n>           first directory size (default ${FULL.usersSmall}; --quick ${QUICK.usersSmall})
  --users-large <n>           second directory size (default ${FULL.usersLarge}; --quick ${QUICK.usersLarge})
  --import-users <n>          users the import creates on each server at each size (default ${FULL.import.users})
  --import-groups <n>         groups the import creates (default ${FULL.import.groups})
  --import-members <n>        memberships the import adds, spread over its groups (default ${FULL.import.members})
  --no-import                 no import
  --webhooks large|all|none   sizes at which the writes run again with one webhook endpoint subscribed (default large)
  --no-dashboard              skip the dashboard phase (10,000 organizations on SQLite, first page and searches
                              under 300 ms: bench/dashboard.ts, also npm run bench:dashboard)
  --no-peer                   measure the portal alone (by default the Jackson peer runs on each database)
  --peer-port <n>             port of the Jackson peer on SQLite; the one on PostgreSQL takes the next (default 4100)
  --out <file>                JSON results (default bench/results/latest.json)
  --keep-rate-limits          keep the app's default rate limits (by default they are raised out of reach; the
                              limiter still counts every request)
  --workloads <keys>          only these workloads, comma-separated keys (post-user, get-user, filter-username…);
                              the attribute workloads (filter-title, filter-field, filter-custom, remap) run only
                              when named here: they declare a host field before seeding
  --no-policies               the portal without its provisioning policy (by default every policy is on: the
                              bench's domains, a seat limit above its users, only the bench's groups selected,
                              leaving "delete after 30 days")`;

function positive(name: string, v: string | undefined, dflt: number, integer = true): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!(n > 0) || (integer && !Number.isInteger(n))) throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got ${v}`);
  return n;
}

function importSize(values: Record<string, string | boolean | undefined>, dflt: ImportSize): ImportSize | null {
  if (values.import === false) return null;
  const str = (k: string) => values[k] as string | undefined;
  const size = {
    users: positive('import-users', str('import-users'), dflt.users),
    groups: positive('import-groups', str('import-groups'), dflt.groups),
    members: positive('import-members', str('import-members'), dflt.members),
  };
  if (size.members < size.groups) throw new Error('--import-members must be at least --import-groups (one member per group)');
  if (size.members / size.groups > size.users) throw new Error('--import-members / --import-groups must not exceed --import-users');
  return size;
}

export function parseBenchArgs(argv: string[], defaultOut: string): BenchOptions | 'help' {
  const str = { type: 'string' } as const;
  const bool = { type: 'boolean' } as const;
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowNegative: true,
    options: {
      quick: bool,
      db: str,
      rounds: str,
      seconds: str,
      connections: str,
      'users-small': str,
      'users-large': str,
      'import-users': str,
      'import-groups': str,
      'import-members': str,
      import: bool,
      webhooks: str,
      peer: bool,
      dashboard: bool,
      'peer-port': str,
      out: str,
      'keep-rate-limits': bool,
      policies: bool,
      workloads: str,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const base = values.quick ? QUICK : FULL;
  const db = values.db ?? 'both';
  const dbs: Db[] = db === 'both' ? ['sqlite', 'postgres'] : db === 'sqlite' || db === 'postgres' ? [db] : [];
  if (dbs.length === 0) throw new Error(`--db must be sqlite, postgres or both, got ${db}`);
  const webhooks = values.webhooks ?? 'large';
  if (webhooks !== 'large' && webhooks !== 'all' && webhooks !== 'none') throw new Error(`--webhooks must be large, all or none, got ${webhooks}`);
  const usersSmall = positive('users-small', values['users-small'], base.usersSmall);
  const usersLarge = positive('users-large', values['users-large'], base.usersLarge);
  if (usersLarge < usersSmall) throw new Error('--users-large must be at least --users-small');
  if (usersSmall < 100) throw new Error('--users-small must be at least 100 (a page of 100 and distinct users for every connection)');
  return {
    dbs,
    quick: values.quick ?? false,
    dashboardOrgs: values.dashboard === false ? 0 : 10_000,
    rounds: positive('rounds', values.rounds, 3),
    seconds: positive('seconds', values.seconds, base.seconds, false),
    connections: positive('connections', values.connections, 10),
    usersSmall,
    usersLarge,
    import: importSize(values, base.import),
    peer: values.peer ?? true,
    peerPort: positive('peer-port', values['peer-port'], 4100),
    webhooks,
    out: values.out ?? defaultOut,
    keepRateLimits: values['keep-rate-limits'] ?? false,
    policies: values.policies ?? true,
    workloads: values.workloads ? values.workloads.split(',').map((k) => k.trim()) : null,
  };
}
