// The performance targets, checked against the measured rows of one database.
import type { Row } from './phase';
import { SCIM_READS, type WorkloadKey } from './workloads';

export interface Check {
  db: string;
  name: string;
  pass: boolean;
  detail: string;
}

const READ_SHARE = 0.5;
const GROWTH = 1.5;

function find(rows: Row[], key: WorkloadKey, users: number): Row | undefined {
  return rows.find((r) => r.key === key && r.users === users);
}

export function checkTargets(rows: Row[], db: string, small: number, large: number): Check[] {
  const mine = rows.filter((r) => r.server === 'portal' && r.db === db);
  const checks: Check[] = [];
  for (const users of [...new Set([small, large])]) {
    const empty = find(mine, 'empty', users);
    for (const key of SCIM_READS) {
      const r = find(mine, key, users);
      if (!empty || !r) continue;
      const share = r.m.rps / empty.m.rps;
      checks.push({
        db,
        name: `${r.label} at ${users.toLocaleString('en-US')} users >= 50% of empty-route req/s`,
        pass: share >= READ_SHARE && r.m.non2xx === 0,
        detail: `${r.m.rps.toFixed(0)} / ${empty.m.rps.toFixed(0)} req/s = ${(share * 100).toFixed(0)}%${r.m.non2xx ? `, ${r.m.non2xx} non-2xx` : ''}`,
      });
    }
  }
  const fSmall = find(mine, 'filter-username', small);
  const fLarge = find(mine, 'filter-username', large);
  if (fSmall && fLarge && small !== large) {
    const k = fLarge.m.p50 / fSmall.m.p50;
    checks.push({
      db,
      name: `userName filter p50 at ${large.toLocaleString('en-US')} users within 1.5x of at ${small.toLocaleString('en-US')}`,
      pass: k <= GROWTH,
      detail: `${fLarge.m.p50.toFixed(2)} ms vs ${fSmall.m.p50.toFixed(2)} ms = ${k.toFixed(2)}x`,
    });
  }
  const addSmall = find(mine, 'patch-add-small', large);
  const addBig = find(mine, 'patch-add-big', large);
  if (addSmall && addBig) {
    const k = addBig.m.p50 / addSmall.m.p50;
    checks.push({
      db,
      name: `${addBig.label} p50 within 1.5x of ${addSmall.label}`,
      pass: k <= GROWTH && addBig.m.non2xx === 0 && addSmall.m.non2xx === 0,
      detail: `${addBig.m.p50.toFixed(2)} ms vs ${addSmall.m.p50.toFixed(2)} ms = ${k.toFixed(2)}x`,
    });
  }
  return checks;
}
