// The printed report: one table per portal database, the side-by-side tables against the peer, the imports, the
// memory peaks, the portal's checks and a closing count of the targets met.
import type { Check } from './checks';
import type { Comparison, Side } from './compare';
import type { ImportResult } from './import-phase';
import { serverLabel, type Row } from './phase';
import type { RssPeak } from './rss';
import { fmt, formatTable } from './table';

export function portalTable(rows: Row[], db: string): string {
  const mine = rows.filter((r) => r.server === 'portal' && r.db === db);
  const share = (r: Row, key: 'empty' | 'healthz') => {
    const ceiling = mine.find((c) => c.key === key && c.users === r.users);
    return ceiling ? fmt.pct((100 * r.m.rps) / ceiling.m.rps) : '-';
  };
  const body = mine.map((r) => [
    r.label,
    fmt.int(r.users),
    fmt.int(r.m.rps),
    fmt.ms(r.m.p50),
    fmt.ms(r.m.p99),
    fmt.int(r.m.non2xx + r.m.errors),
    share(r, 'empty'),
    share(r, 'healthz'),
  ]);
  return formatTable(
    ['workload', 'users', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', '% of /api/empty req/s', '% of /healthz req/s'],
    body,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

/** The import is timed as a whole: its wall time stands where the others' p50 does. */
const p50Cell = (s: Side | null) => (!s ? '-' : s.seconds !== null ? `${s.seconds.toFixed(1)} s total` : fmt.ms(s.p50 ?? Number.NaN));

export function comparisonTable(comparisons: Comparison[], peerName: string): string {
  const body = comparisons.map((c) => [
    c.label,
    fmt.int(c.users),
    fmt.int(c.portal.rps),
    p50Cell(c.portal),
    c.peer ? fmt.int(c.peer.rps) : '-',
    p50Cell(c.peer),
    c.ratio === null ? '-' : fmt.ratio(c.ratio),
    c.minimum === null ? '-' : `>= ${c.minimum.toFixed(1)}x${c.key === 'import' ? ' (peer time / portal time)' : ''}`,
    c.status ?? '-',
    c.peer ? `${c.portal.failures}/${c.peer.failures}` : String(c.portal.failures),
  ]);
  return formatTable(
    ['workload', 'users', 'portal req/s', 'portal p50 ms', `${peerName} req/s`, `${peerName} p50 ms`, 'portal÷peer req/s', 'target', 'PASS/FAIL', 'non-2xx portal/peer'],
    body,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left', 'right'],
  );
}

export function importTable(imports: ImportResult[]): string {
  const body = imports.map((r) => [
    serverLabel(r),
    fmt.int(r.users),
    r.seconds.toFixed(1),
    r.stepSeconds.users.toFixed(1),
    r.stepSeconds.groups.toFixed(1),
    r.stepSeconds.memberships.toFixed(1),
    fmt.int(r.requests),
    fmt.int(r.rps),
    fmt.int(r.failures),
  ]);
  return formatTable(
    ['server', 'users', 'total s', 'POST /Users s', 'POST /Groups s', 'PATCH members s', 'requests', 'req/s', 'failures'],
    body,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

export function memoryTable(peaks: RssPeak[]): string {
  const body = peaks.map((p) => [serverLabel(p), fmt.int(p.users), String(p.pid), fmt.int(p.firstMb), fmt.int(p.peakMb), fmt.int(p.samples)]);
  return formatTable(
    ['server', 'users', 'pid', 'RSS before MB', 'peak RSS MB', 'samples'],
    body,
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
}

export function checkLines(checks: Check[]): string {
  return checks.map((c) => `${c.status} [${c.db}] ${c.name}: ${c.detail}`).join('\n');
}

export function summaryLine(comparisons: Comparison[], checks: Check[]): string {
  const tally = (statuses: (string | null)[]) => {
    const pass = statuses.filter((s) => s === 'PASS').length;
    const fail = statuses.filter((s) => s === 'FAIL').length;
    return { pass, fail };
  };
  const side = tally(comparisons.map((c) => c.status));
  const own = tally(checks.map((c) => c.status));
  return (
    `targets: ${side.pass + own.pass} PASS, ${side.fail + own.fail} FAIL ` +
    `(against the peer: ${side.pass} PASS, ${side.fail} FAIL; portal checks: ${own.pass} PASS, ${own.fail} FAIL)`
  );
}
