// What a workload is: the requests it sends to one server, how it checks that the server answers them rightly
// before they are measured, and what it leaves for the workloads after it (created users, members to remove).
import type { Load } from './load';
import type { JsonObject } from './payloads';
import type { ScimDirectory } from './scim-client';
import type { SeededDirectory } from './seeder';

export type WorkloadKey =
  | 'node-http'
  | 'healthz'
  | 'get-user'
  | 'filter-username'
  | 'filter-externalid'
  | 'filter-email'
  | 'filter-work-email'
  | 'list-users'
  | 'filter-group-okta'
  | 'filter-group-entra'
  | 'get-group'
  | 'get-group-no-members'
  | 'post-user'
  | 'put-user'
  | 'patch-user-entra'
  | 'patch-user-okta'
  | 'patch-add-small'
  | 'patch-remove-small'
  | 'patch-add-big'
  | 'patch-remove-big'
  | 'post-group'
  | 'delete-group'
  | 'delete-user'
  | 'filter-title'
  | 'filter-field'
  | 'filter-custom';

export type Kind = 'ceiling' | 'read' | 'write';

/** One server's directory at one size, in one pass of the workloads (with or without a webhook endpoint). */
export interface Stage {
  dir: ScimDirectory;
  /** The portal's origin, for /healthz; null for the peer. */
  baseUrl: string | null;
  seeded: SeededDirectory;
  /** Unique to the run, server, size and pass: names created here never clash. */
  tag: string;
  connections: number;
  /** Users POST /Users created in this pass, as the server answered them. */
  createdUsers: JsonObject[];
  /** Ids of the groups POST /Groups created in this pass. */
  createdGroups: string[];
  /** The users an add-member workload handed out, in order, for its remove workload to take back. */
  added: Map<WorkloadKey, string[]>;
  /** Request numbers each workload handed out. */
  built: Map<WorkloadKey, number>;
}

export interface Workload {
  key: WorkloadKey;
  label: string;
  /** Who sends this request. */
  idp: string;
  kind: Kind;
  /** The load on one server, built when the workload starts (a write's pool is what earlier writes left). */
  load(stage: Stage): Load;
  /** Sends a request or two and says what is wrong with the answers, or null when they are right. */
  probe?(stage: Stage): Promise<string | null>;
  /** Unmeasured work after the rounds: a remove workload taking back what its add left. */
  finish?(stage: Stage): Promise<void>;
}

const SCIM = 'application/scim+json';

export function originAndBase(endpoint: string): { origin: string; base: string } {
  const u = new URL(endpoint);
  return { origin: u.origin, base: u.pathname.replace(/\/+$/, '') };
}

export const authHeaders = (dir: ScimDirectory, withBody: boolean): Record<string, string> => ({
  Authorization: `Bearer ${dir.token}`,
  Accept: SCIM,
  ...(withBody ? { 'Content-Type': SCIM } : {}),
});

/** A different index for each i, spread over 0..size. */
export function scatter(i: number, size: number): number {
  return (i * 7919 + Math.floor(i / size)) % size;
}
