// The servers a run measures, as the rest of the bench sees them: the portal on SQLite (at NORMAL and at FULL) and on
// PostgreSQL, and the Jackson peer on SQLite and on PostgreSQL. Each table pairs the servers of one database.
import type { HostApi, ScimDirectory } from './scim-client';

export type Db = 'sqlite' | 'postgres';
/** `machine`: the bench's own node:http server, the ceiling of every table. */
type Side = 'portal' | 'peer' | 'machine';

export interface ServerId {
  side: Side;
  /** `any` for the machine's ceiling, which every table shows. */
  db: Db | 'any';
  /** The column heading in its table: `portal FULL`, `jackson`… */
  name: string;
  /** What a 2xx write promises, in the table's words. */
  durability: string;
  /** The portal column held to the targets: the one at the peer's durability. The others are shown beside it. */
  judged: boolean;
}

export const serverLabel = (id: ServerId) => (id.db === 'any' ? id.name : `${id.name} on ${id.db}`);

/** What the round runner measures: a server, or the machine's ceiling. */
export interface Target {
  id: ServerId;
  /** Every process whose CPU serves this target's requests: its own tree and its database backends. */
  cpuPids(): Promise<number[]>;
}

export interface Server extends Target {
  dir: ScimDirectory;
  /** The server's own process; its descendants count with it. */
  pid: number;
  /** The portal's origin (its /healthz is a ceiling); null for the peer. */
  baseUrl: string | null;
  /** The portal's host API and key; absent for the peer. */
  host?: HostApi;
  /** The processes that would flush a commit to disk: watched by the durability probe. */
  flushPids(): Promise<number[]>;
  /** Lines stating the server's database settings, for its table. */
  settings: string[];
  /** The portal with its policies on: only these groups (the seeded ones) selected; absent for the peer and --no-policies. */
  selectGroups?(groupIds: string[]): Promise<void>;
  /** Subscribes one webhook endpoint at `url` through the server's own setting; null removes it. */
  setWebhook(url: string | null): Promise<void>;
  /** Why the server stopped during the run (a signal or exit code), or null while it runs. */
  exited(): string | null;
  stop(): Promise<void>;
}

export const POSTGRES_DURABILITY = 'fsync=on, synchronous_commit=on, full_page_writes=on';
