// The PASS/FAIL rules against the peer, and how a table's lines are put together from the rows of a run.
import { describe, expect, it } from 'vitest';
import { importLines, judge, linesOf, type Cell } from './compare';
import type { ImportResult } from './import-phase';
import type { Row } from './phase';
import type { ServerId } from './servers';
import type { WorkloadKey } from './workload';

const NORMAL: ServerId = { side: 'portal', db: 'sqlite', name: 'portal NORMAL', durability: 'NORMAL', judged: false };
const FULL: ServerId = { ...NORMAL, name: 'portal FULL', durability: 'FULL', judged: true };
const PEER: ServerId = { side: 'peer', db: 'sqlite', name: 'jackson', durability: 'FULL', judged: false };
const COLUMNS = [NORMAL, PEER, FULL];

const spreadOf = (median: number) => ({ median, min: median * 0.9, max: median * 1.1, n: 3 });
const cell = (server: ServerId, rps: number | null, extra: Partial<Cell> = {}): Cell => ({
  server,
  rps: rps === null ? null : spreadOf(rps),
  cpuUs: null,
  p50: 1,
  p99: 2,
  failures: 0,
  rounds: 3,
  cannotAnswer: null,
  ...extra,
});

describe('judge', () => {
  it.each([
    ['2x the peer passes', cell(FULL, 2000), cell(PEER, 1000), 'PASS', ''],
    ['just under 2x fails', cell(FULL, 1990), cell(PEER, 1000), 'FAIL', ''],
    ['a failed request fails it however fast', cell(FULL, 5000, { failures: 1 }), cell(PEER, 1000), 'FAIL', 'the portal failed 1 requests'],
    [
      'a wrong portal answer fails it',
      cell(FULL, 5000, { cannotAnswer: 'found 0 resources' }),
      cell(PEER, 1000),
      'FAIL',
      'the portal answered wrongly: found 0 resources',
    ],
    ['no 2xx from the portal fails it', cell(FULL, 0), cell(PEER, 1000), 'FAIL', 'the portal gave no 2xx answer'],
    [
      'a peer that answers wrongly leaves the portal alone',
      cell(FULL, 100),
      cell(PEER, null, { cannotAnswer: 'a page of 100 held 50 users' }),
      'portal only',
      'jackson: a page of 100 held 50 users',
    ],
    ['no peer in the run', cell(FULL, 100), undefined, 'no peer', ''],
    ['the portal not measured', undefined, cell(PEER, 100), 'FAIL', 'the portal was not measured'],
  ] as const)('%s', (_name, portal, peer, verdict, why) => {
    const j = judge(portal, peer);
    expect(j.verdict).toBe(verdict);
    expect(j.why).toBe(why);
  });

  it('judges on the medians and reports the range the rounds allow', () => {
    const j = judge(cell(FULL, 3000), cell(PEER, 1000));
    expect(j.ratio?.median).toBeCloseTo(3);
    expect(j.ratio?.low).toBeCloseTo(2700 / 1100);
    expect(j.ratio?.high).toBeCloseTo(3300 / 900);
  });
});

function row(server: ServerId, key: WorkloadKey, users: number, okPerSecond: number, webhook = false): Row {
  return {
    server,
    users,
    key,
    label: key,
    idp: 'Okta',
    kind: key === 'healthz' ? 'ceiling' : 'write',
    webhook,
    rounds: [1, 1, 1].map(() => ({ responses: okPerSecond, ok: okPerSecond, non2xx: 0, errors: 0, seconds: 1, cpuMs: 100 })),
    p50: 1,
    p99: 2,
    statusCodes: {},
    cannotAnswer: null,
    load1: 0,
  };
}

describe('linesOf', () => {
  it('makes a line per workload and size in run order, a webhook line after its plain one, the FULL column judged', () => {
    const rows = [
      ...COLUMNS.map((c) => row(c, 'healthz', 1000, 9000)),
      ...COLUMNS.map((c) => row(c, 'post-user', 1000, c === PEER ? 100 : 300)),
      ...COLUMNS.map((c) => row(c, 'put-user', 1000, c === PEER ? 100 : 150)),
      ...COLUMNS.map((c) => row(c, 'post-user', 1000, c === PEER ? 10 : 40, true)),
      ...COLUMNS.map((c) => row(c, 'post-user', 100_000, c === PEER ? 100 : 250)),
      row({ ...PEER, db: 'postgres' }, 'post-user', 1000, 1),
    ];
    const lines = linesOf(rows, 'sqlite', COLUMNS);
    expect(lines.map((l) => [l.users, l.key, l.webhook, l.verdict])).toEqual([
      [1000, 'post-user', false, 'PASS'],
      [1000, 'post-user', true, 'PASS'],
      [1000, 'put-user', false, 'FAIL'],
      [100_000, 'post-user', false, 'PASS'],
    ]);
    expect(lines[0].cells.map((c) => c.server.name)).toEqual(['portal NORMAL', 'jackson', 'portal FULL']);
    expect(lines[0].ratio?.median).toBeCloseTo(3);
  });
});

describe('importLines', () => {
  const run = (id: ServerId, users: number, seconds: number, failures = 0): ImportResult => ({
    ...id,
    users,
    created: { users: 10, groups: 1, memberships: 10 },
    seconds,
    requests: 10,
    rps: 10 / seconds,
    failures,
    statusCodes: {},
    stepSeconds: { users: seconds, groups: 0, memberships: 0 },
  });

  it("holds the peer's time over the judged portal's to 2x, and fails a portal that failed requests", () => {
    const imports = [run(NORMAL, 1000, 1), run(FULL, 1000, 2), run(PEER, 1000, 5), run(FULL, 100_000, 2, 3), run(PEER, 100_000, 9)];
    const lines = importLines(imports, 'sqlite', COLUMNS, [1000, 100_000]);
    expect(lines.map((l) => [l.users, l.ratio, l.verdict])).toEqual([
      [1000, 2.5, 'PASS'],
      [100_000, 4.5, 'FAIL'],
    ]);
    expect(lines[1].why).toBe('the portal failed 3 requests');
  });
});
