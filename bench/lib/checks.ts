// The portal's own targets, checked per database: SCIM reads against the ceilings, latency growth from the small
// to the large directory, the big group against the small one, and memory under load. (The targets against the
// peer are in compare.ts.)
import type { DbKind } from './args';
import type { ImportResult } from './import-phase';
import type { Row } from './phase';
import type { RssPeak } from './rss';
import { SCIM_READS, type WorkloadKey } from './workloads';

export type Status = 'PASS' | 'FAIL' | 'INFO';

export interface Check {
  db: string;
  name: string;
  status: Status;
  detail: string;
}

const READ_SHARE = 0.5;
const GROWTH = 1.5;
const RSS_LIMIT_MB = 400;
/** The SCIM workloads whose p50 may grow at most GROWTH-fold from the small directory to the large one. */
const GROWTH_KEYS: WorkloadKey[] = ['get-user', 'filter-username', 'patch-add-small', 'patch-remove-small', 'patch-add-big', 'patch-remove-big', 'post-user'];

const count = (n: number) => n.toLocaleString('en-US');
const passIf = (ok: boolean): Status => (ok ? 'PASS' : 'FAIL');
const non2xx = (r: Row) => r.m.non2xx + r.m.errors;

function readShares(mine: Row[], db: string, users: number): Check[] {
  const find = (key: WorkloadKey) => mine.find((r) => r.key === key && r.users === users);
  const empty = find('empty');
  const healthz = find('healthz');
  const checks: Check[] = [];
  for (const key of SCIM_READS) {
    const r = find(key);
    if (!r) continue;
    const errors = non2xx(r) ? `, ${non2xx(r)} non-2xx` : '';
    if (empty) {
      const share = r.m.rps / empty.m.rps;
      checks.push({
        db,
        name: `${r.label} at ${count(users)} users >= 50% of /api/empty req/s`,
        status: passIf(share >= READ_SHARE && non2xx(r) === 0),
        detail: `${r.m.rps.toFixed(0)} / ${empty.m.rps.toFixed(0)} req/s = ${(share * 100).toFixed(0)}%${errors}`,
      });
    }
    if (healthz) {
      const share = r.m.rps / healthz.m.rps;
      checks.push({
        db,
        name: `${r.label} at ${count(users)} users, share of /healthz req/s`,
        status: 'INFO',
        detail: `${r.m.rps.toFixed(0)} / ${healthz.m.rps.toFixed(0)} req/s = ${(share * 100).toFixed(0)}%`,
      });
    }
  }
  return checks;
}

/** How the machine's own speed moved between the two sizes (the /healthz ceiling), to read a growth figure by. */
function ceilingMove(mine: Row[], small: number, large: number): string {
  const s = mine.find((r) => r.key === 'healthz' && r.users === small);
  const l = mine.find((r) => r.key === 'healthz' && r.users === large);
  if (!s || !l || l.m.rps <= 0) return '';
  return ` (the machine's own /healthz ceiling: ${s.m.rps.toFixed(0)} → ${l.m.rps.toFixed(0)} req/s)`;
}

function growth(mine: Row[], imports: ImportResult[], db: string, small: number, large: number): Check[] {
  const checks: Check[] = [];
  const machine = ceilingMove(mine, small, large);
  for (const key of GROWTH_KEYS) {
    const s = mine.find((r) => r.key === key && r.users === small);
    const l = mine.find((r) => r.key === key && r.users === large);
    if (!s || !l) continue;
    const k = l.m.p50 / s.m.p50;
    // The big group grows with the directory, so its label (with its member count) differs between the sizes.
    const of = s.label === l.label ? '' : `${s.label} `;
    checks.push({
      db,
      name: `${l.label} p50 at ${count(large)} users within 1.5x of ${of}at ${count(small)}`,
      status: passIf(k <= GROWTH && non2xx(s) + non2xx(l) === 0),
      detail: `${l.m.p50.toFixed(2)} ms vs ${s.m.p50.toFixed(2)} ms = ${k.toFixed(2)}x${machine}`,
    });
  }
  const s = imports.find((r) => r.users === small);
  const l = imports.find((r) => r.users === large);
  if (s && l) {
    const k = l.seconds / s.seconds;
    checks.push({
      db,
      name: `import time at ${count(large)} users within 1.5x of at ${count(small)}`,
      status: passIf(k <= GROWTH && s.failures + l.failures === 0),
      detail: `${l.seconds.toFixed(1)} s vs ${s.seconds.toFixed(1)} s = ${k.toFixed(2)}x`,
    });
  }
  return checks;
}

function bigVersusSmallGroup(mine: Row[], db: string, large: number): Check[] {
  const addSmall = mine.find((r) => r.key === 'patch-add-small' && r.users === large);
  const addBig = mine.find((r) => r.key === 'patch-add-big' && r.users === large);
  if (!addSmall || !addBig) return [];
  const k = addBig.m.p50 / addSmall.m.p50;
  return [
    {
      db,
      name: `${addBig.label} p50 within 1.5x of ${addSmall.label}`,
      status: passIf(k <= GROWTH && non2xx(addBig) + non2xx(addSmall) === 0),
      detail: `${addBig.m.p50.toFixed(2)} ms vs ${addSmall.m.p50.toFixed(2)} ms = ${k.toFixed(2)}x`,
    },
  ];
}

function memory(peaks: RssPeak[], db: string): Check[] {
  const mine = peaks.filter((p) => p.server === 'portal' && p.db === db && p.samples > 0);
  if (mine.length === 0) return [];
  const peak = mine.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
  return [
    {
      db,
      name: `portal RSS under load < ${RSS_LIMIT_MB} MB`,
      status: passIf(peak.peakMb < RSS_LIMIT_MB),
      detail: `peak ${peak.peakMb.toFixed(0)} MB (at ${count(peak.users)} users; ${mine.map((p) => `${p.peakMb.toFixed(0)} MB at ${count(p.users)}`).join(', ')})`,
    },
  ];
}

export function checkTargets(rows: Row[], imports: ImportResult[], peaks: RssPeak[], db: DbKind, small: number, large: number): Check[] {
  const mine = rows.filter((r) => r.server === 'portal' && r.db === db);
  const myImports = imports.filter((r) => r.server === 'portal' && r.db === db);
  return [
    ...[...new Set([small, large])].flatMap((users) => readShares(mine, db, users)),
    ...(small !== large ? growth(mine, myImports, db, small, large) : []),
    ...bigVersusSmallGroup(mine, db, large),
    ...memory(peaks, db),
  ];
}
