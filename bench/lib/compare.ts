// The targets: every SCIM workload at least 2x the peer's 2xx answers a second at equal durability (PostgreSQL
// against PostgreSQL; SQLite at FULL against the peer's SQLite), judged on the medians of the rounds, and the import
// at least 2x faster. A workload the peer answers wrongly is shown for the portal alone and not judged.
import type { ImportResult } from './import-phase';
import type { Row } from './phase';
import type { Db, ServerId } from './servers';
import { cpuSpread, failures, ratio, rpsSpread, type Ratio, type Spread } from './stats';
import type { Kind, WorkloadKey } from './workload';

const TARGET = 2;

type Verdict = 'PASS' | 'FAIL' | 'portal only' | 'no peer' | '-';

/** One server's figures for one workload at one size. */
export interface Cell {
  server: ServerId;
  rps: Spread | null;
  cpuUs: Spread | null;
  p50: number;
  p99: number;
  failures: number;
  rounds: number;
  cannotAnswer: string | null;
}

export interface Line {
  db: Db;
  users: number;
  key: WorkloadKey;
  label: string;
  idp: string;
  kind: Kind;
  webhook: boolean;
  /** In the table's column order. */
  cells: Cell[];
  ratio: Ratio | null;
  verdict: Verdict;
  why: string;
}

function cellOf(row: Row): Cell {
  return {
    server: row.server,
    rps: rpsSpread(row.rounds),
    cpuUs: cpuSpread(row.rounds),
    p50: row.p50,
    p99: row.p99,
    failures: failures(row.rounds),
    rounds: row.rounds.length,
    cannotAnswer: row.cannotAnswer,
  };
}

/** The rule itself: the judged portal column against the peer's. */
export function judge(portal: Cell | undefined, peer: Cell | undefined): Pick<Line, 'ratio' | 'verdict' | 'why'> {
  if (!portal) return { ratio: null, verdict: 'FAIL', why: 'the portal was not measured' };
  if (portal.cannotAnswer) return { ratio: null, verdict: 'FAIL', why: `the portal answered wrongly: ${portal.cannotAnswer}` };
  if (!portal.rps || portal.rps.median <= 0) return { ratio: null, verdict: 'FAIL', why: 'the portal gave no 2xx answer' };
  const r = peer ? ratio(portal.rps, peer.rps) : null;
  if (portal.failures > 0) return { ratio: r, verdict: 'FAIL', why: `the portal failed ${portal.failures} requests` };
  if (!peer) return { ratio: null, verdict: 'no peer', why: '' };
  if (peer.cannotAnswer) return { ratio: null, verdict: 'portal only', why: `jackson: ${peer.cannotAnswer}` };
  if (!r) return { ratio: null, verdict: 'portal only', why: 'jackson gave no 2xx answer' };
  return { ratio: r, verdict: r.median >= TARGET ? 'PASS' : 'FAIL', why: '' };
}

/** The table of one database: a line per workload and size (webhook lines right after their plain ones). */
export function linesOf(rows: Row[], db: Db, columns: ServerId[]): Line[] {
  const mine = rows.filter((r) => r.server.db === db && r.kind !== 'ceiling');
  const lines: Line[] = [];
  const seen = new Set<string>();
  for (const r of mine) {
    const id = `${r.users} ${r.key} ${r.webhook}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const same = mine.filter((x) => x.users === r.users && x.key === r.key && x.webhook === r.webhook);
    const cells = columns.flatMap((c) => same.filter((x) => x.server.name === c.name).map(cellOf));
    const judged = cells.find((c) => c.server.judged);
    const peer = cells.find((c) => c.server.side === 'peer');
    lines.push({ db, users: r.users, key: r.key, label: r.label, idp: r.idp, kind: r.kind, webhook: r.webhook, cells, ...judge(judged, peer) });
  }
  // Each size's lines in run order, a webhook line after its plain one.
  const order = (l: Line) => mine.findIndex((r) => r.users === l.users && r.key === l.key && !r.webhook);
  return lines.sort((a, b) => a.users - b.users || order(a) - order(b) || Number(a.webhook) - Number(b.webhook));
}

export interface ImportLine {
  db: Db;
  users: number;
  /** Seconds per server, in column order. */
  seconds: { server: ServerId; seconds: number; failures: number }[];
  /** The peer's time over the judged portal's. */
  ratio: number | null;
  verdict: Verdict;
  why: string;
}

export function importLines(imports: ImportResult[], db: Db, columns: ServerId[], sizes: number[]): ImportLine[] {
  return sizes.flatMap((users): ImportLine[] => {
    const mine = columns.flatMap((c) =>
      imports.filter((i) => i.users === users && i.db === db && i.name === c.name).map((i) => ({ server: c, seconds: i.seconds, failures: i.failures })),
    );
    if (mine.length === 0) return [];
    const portal = mine.find((m) => m.server.judged);
    const peer = mine.find((m) => m.server.side === 'peer');
    const r = portal && peer && portal.seconds > 0 ? peer.seconds / portal.seconds : null;
    const base = { db, users, seconds: mine, ratio: r };
    if (!portal || portal.failures > 0)
      return [{ ...base, verdict: 'FAIL', why: portal ? `the portal failed ${portal.failures} requests` : 'the portal was not measured' }];
    if (r === null) return [{ ...base, verdict: 'no peer', why: '' }];
    return [{ ...base, verdict: r >= TARGET ? 'PASS' : 'FAIL', why: peer && peer.failures > 0 ? `jackson failed ${peer.failures} requests` : '' }];
  });
}
