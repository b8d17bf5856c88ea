// The import workload on one server, as an IdP's first sync does it through SCIM: new users (POST /Users, Okta's
// payload), new groups (POST /Groups), then memberships (PATCH add members, 100 a request) spread evenly over
// the new groups, a user joining several groups when there are more memberships than users; 10 requests at a
// time. Cut into steps so that the servers can take turns (import-phase.ts). Every answer must be 2xx; the
// others are counted as failures, not thrown.
import type { ImportSize } from './args';
import { addMembers, oktaCreateGroup, oktaCreateUser } from './payloads';
import { createdId, isOk, sendBatch, type BatchRequest, type BatchResponse } from './scim-batch';
import type { ScimDirectory } from './scim-client';

const CONCURRENCY = 10;
const MEMBERS_PER_PATCH = 100;

export type ImportStepKind = 'users' | 'groups' | 'memberships';

interface StepTally {
  requests: number;
  failures: number;
  statusCodes: Record<string, number>;
}

interface ImportStep {
  kind: ImportStepKind;
  run(): Promise<StepTally>;
}

export class ScimImport {
  private readonly userIds: (string | null)[];
  private readonly groupIds: (string | null)[];
  /** Members of each new group. */
  readonly perGroup: number;

  constructor(
    private readonly dir: ScimDirectory,
    private readonly size: ImportSize,
    /** Makes the userNames and group names unique to this run, server and directory size. */
    private readonly prefix: string,
    /** First number of the Okta payloads (their externalId and names), distinct from the seeded users'. */
    private readonly firstNumber: number,
  ) {
    this.userIds = new Array<string | null>(size.users).fill(null);
    this.groupIds = new Array<string | null>(size.groups).fill(null);
    this.perGroup = Math.floor(size.members / size.groups);
  }

  get memberships(): number {
    return this.perGroup * this.size.groups;
  }

  /** Users in `slices` steps, the groups in one, the memberships in `slices` steps. */
  steps(slices: number): ImportStep[] {
    const patchesPerGroup = Math.ceil(this.perGroup / MEMBERS_PER_PATCH);
    const patches = patchesPerGroup * this.size.groups;
    return [
      ...parts(this.size.users, slices).map(([from, to]): ImportStep => ({ kind: 'users', run: () => this.createUsers(from, to) })),
      { kind: 'groups', run: () => this.createGroups() },
      ...parts(patches, slices).map(([from, to]): ImportStep => ({ kind: 'memberships', run: () => this.patchMembers(from, to) })),
    ];
  }

  private userName(n: number): string {
    return `${this.prefix}-${n}@example.com`;
  }

  private async send(count: number, request: (i: number) => BatchRequest, created?: (i: number, res: BatchResponse) => void): Promise<StepTally> {
    const tally: StepTally = { requests: 0, failures: 0, statusCodes: {} };
    await sendBatch(
      this.dir,
      count,
      request,
      (i, res) => {
        tally.requests++;
        tally.statusCodes[res.status] = (tally.statusCodes[res.status] ?? 0) + 1;
        if (!isOk(res.status)) tally.failures++;
        else created?.(i, res);
      },
      CONCURRENCY,
    );
    return tally;
  }

  private createUsers(from: number, to: number): Promise<StepTally> {
    return this.send(
      to - from,
      (i) => ({ method: 'POST', path: '/Users', body: oktaCreateUser(this.userName(from + i), this.firstNumber + from + i) }),
      (i, res) => {
        this.userIds[from + i] = createdId(res);
      },
    );
  }

  private createGroups(): Promise<StepTally> {
    return this.send(
      this.size.groups,
      (g) => ({ method: 'POST', path: '/Groups', body: oktaCreateGroup(`${this.prefix}-group-${g}`) }),
      (g, res) => {
        this.groupIds[g] = createdId(res);
      },
    );
  }

  /**
   * PATCH p adds the p-th hundred of members to group p % groups, so that the requests in flight together go to
   * different groups, as an IdP pushing many groups at once sends them. A user whose POST failed is left out.
   */
  private patchMembers(from: number, to: number): Promise<StepTally> {
    const groups = this.size.groups;
    return this.send(to - from, (i) => {
      const p = from + i;
      const g = p % groups;
      const first = Math.floor(p / groups) * MEMBERS_PER_PATCH;
      const value = [];
      for (let j = first; j < Math.min(this.perGroup, first + MEMBERS_PER_PATCH); j++) {
        const n = (g * this.perGroup + j) % this.size.users;
        const id = this.userIds[n];
        if (id) value.push({ value: id, display: this.userName(n) });
      }
      return { method: 'PATCH', path: `/Groups/${this.groupIds[g] ?? 'not-created'}`, body: addMembers(value) };
    });
  }
}

/** [from, to) ranges cutting 0..count into `slices` near-equal parts (fewer when count is small). */
function parts(count: number, slices: number): [number, number][] {
  const n = Math.max(1, Math.min(slices, count));
  return Array.from({ length: n }, (_, k): [number, number] => [Math.floor((k * count) / n), Math.floor(((k + 1) * count) / n)]);
}
