// What the benchmark asks of each server it measures: the portal (one per database, portal-bench.ts) or the peer
// (peer-bench.ts).
import type { Row, ServerId } from './phase';
import type { ScimDirectory } from './scim-client';
import type { Workload } from './workloads';

export interface SeedRecord extends ServerId {
  /** The directory size reached. */
  toUsers: number;
  /** Users added to get there. */
  users: number;
  seconds: number;
  /** How: the portal's batching tiers, or the peer's SCIM API. */
  method: string;
}

export interface UnderTest {
  id: ServerId;
  /** The server's process, for the memory samples; null for a server the benchmark did not start. */
  pid: number | null;
  /** The directory the workloads and the import run in. */
  dir: ScimDirectory;
  /** Seeds the directory up to `users` users (user{n}@example.com) and its two groups to their sizes. */
  growTo(users: number): Promise<SeedRecord>;
  /** The workloads at the size last grown to, in the order they run. */
  workloads(connections: number, runTag: string): Workload[];
  /** Puts the groups back to their seeded sizes after the workloads' PATCHes, where the remove workloads may not have. */
  afterPhase?(rows: Row[], connections: number): Promise<void>;
  stop(): Promise<void>;
}
