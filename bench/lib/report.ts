// The printed report: one table per portal database, the target checks, and the side-by-side peer comparison.
import type { Check } from './checks';
import type { Row } from './phase';
import { fmt, formatTable } from './table';

export function portalTable(rows: Row[], db: string): string {
  const mine = rows.filter((r) => r.server === 'portal' && r.db === db);
  const body = mine.map((r) => {
    const empty = mine.find((e) => e.key === 'empty' && e.users === r.users);
    return [
      r.label,
      fmt.int(r.users),
      fmt.int(r.m.rps),
      fmt.ms(r.m.p50),
      fmt.ms(r.m.p99),
      fmt.int(r.m.non2xx + r.m.errors),
      empty ? fmt.pct((100 * r.m.rps) / empty.m.rps) : '-',
    ];
  });
  return formatTable(
    ['workload', 'users', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', '% of empty-route req/s'],
    body,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

export function checkLines(checks: Check[]): string {
  return checks.map((c) => `${c.pass ? 'PASS' : 'FAIL'} [${c.db}] ${c.name}: ${c.detail}`).join('\n');
}

/** Each peer row beside the portal row of the same workload at the directory size nearest the peer's. */
export function comparisonTable(rows: Row[], db: string, peerName: string): string {
  const peer = rows.filter((r) => r.server === 'peer');
  const mine = rows.filter((r) => r.server === 'portal' && r.db === db);
  const body = peer.map((p) => {
    const candidates = mine.filter((r) => r.key === p.key);
    const r = candidates.sort((a, b) => Math.abs(a.users - p.users) - Math.abs(b.users - p.users))[0];
    return [
      r ? r.label : p.label,
      r ? fmt.int(r.users) : '-',
      r ? fmt.int(r.m.rps) : '-',
      r ? fmt.ms(r.m.p50) : '-',
      r ? fmt.int(r.m.non2xx + r.m.errors) : '-',
      fmt.int(p.users),
      fmt.int(p.m.rps),
      fmt.ms(p.m.p50),
      fmt.int(p.m.non2xx + p.m.errors),
      r ? fmt.ratio(r.m.rps / p.m.rps) : '-',
      r ? fmt.ratio(p.m.p50 / r.m.p50) : '-',
    ];
  });
  return formatTable(
    [
      'workload',
      `portal/${db} users`,
      'req/s',
      'p50 ms',
      'non-2xx',
      `${peerName} users`,
      'req/s',
      'p50 ms',
      'non-2xx',
      'req/s portal÷peer',
      'p50 peer÷portal',
    ],
    body,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}
