// The portal's own targets, checked per portal server: latency growth from the small directory to the large one,
// the big group against the small one, and memory under load. (The targets against the peer are in compare.ts.)
import type { ImportResult } from './import-phase';
import type { Row } from './phase';
import type { RssPeak } from './rss';
import { serverLabel, type ServerId } from './servers';
import { SMALL_GROUP_SIZE } from './sizes';
import { failures } from './stats';

type Status = 'PASS' | 'FAIL';

export interface Check {
  server: string;
  name: string;
  status: Status;
  detail: string;
}

const GROWTH = 1.5;
const RSS_LIMIT_MB = 400;

const count = (n: number) => n.toLocaleString('en-US');
const passIf = (ok: boolean): Status => (ok ? 'PASS' : 'FAIL');

/** How the machine's own speed moved between the two sizes (the node:http ceiling), to read a growth figure by. */
function ceilingMove(rows: Row[], small: number, large: number): string {
  const at = (users: number) => rows.find((r) => r.key === 'node-http' && r.users === users);
  const rate = (r: Row | undefined) => (r ? r.rounds.reduce((a, x) => a + x.ok, 0) / r.rounds.reduce((a, x) => a + x.seconds, 0) : Number.NaN);
  const [s, l] = [rate(at(small)), rate(at(large))];
  return Number.isFinite(s) && Number.isFinite(l) ? ` (the machine's node:http ceiling: ${s.toFixed(0)} → ${l.toFixed(0)} req/s)` : '';
}

function growth(rows: Row[], mine: Row[], imports: ImportResult[], server: string, small: number, large: number): Check[] {
  const checks: Check[] = [];
  const machine = ceilingMove(rows, small, large);
  for (const l of mine.filter((r) => r.users === large && r.kind !== 'ceiling' && !r.webhook)) {
    const s = mine.find((r) => r.key === l.key && r.users === small && !r.webhook);
    if (!s || !Number.isFinite(s.p50) || !Number.isFinite(l.p50)) continue;
    const k = l.p50 / s.p50;
    checks.push({
      server,
      name: `${l.label} p50 at ${count(large)} users within 1.5x of at ${count(small)}`,
      status: passIf(k <= GROWTH && failures(s.rounds) + failures(l.rounds) === 0),
      detail: `${l.p50.toFixed(2)} ms vs ${s.p50.toFixed(2)} ms = ${k.toFixed(2)}x${machine}`,
    });
  }
  const s = imports.find((r) => r.users === small);
  const l = imports.find((r) => r.users === large);
  if (s && l) {
    const k = l.seconds / s.seconds;
    checks.push({
      server,
      name: `import time at ${count(large)} users within 1.5x of at ${count(small)}`,
      status: passIf(k <= GROWTH && s.failures + l.failures === 0),
      detail: `${l.seconds.toFixed(1)} s vs ${s.seconds.toFixed(1)} s = ${k.toFixed(2)}x`,
    });
  }
  return checks;
}

function bigVersusSmallGroup(mine: Row[], server: string, large: number): Check[] {
  const addSmall = mine.find((r) => r.key === 'patch-add-small' && r.users === large && !r.webhook);
  const addBig = mine.find((r) => r.key === 'patch-add-big' && r.users === large && !r.webhook);
  if (!addSmall || !addBig) return [];
  const k = addBig.p50 / addSmall.p50;
  return [
    {
      server,
      name: `PATCH add member to the big group p50 within 1.5x of the ${SMALL_GROUP_SIZE}-member group's at ${count(large)} users`,
      status: passIf(k <= GROWTH && failures(addBig.rounds) + failures(addSmall.rounds) === 0),
      detail: `${addBig.p50.toFixed(2)} ms vs ${addSmall.p50.toFixed(2)} ms = ${k.toFixed(2)}x`,
    },
  ];
}

function memory(peaks: RssPeak[], id: ServerId, server: string): Check[] {
  const mine = peaks.filter((p) => p.side === id.side && p.db === id.db && p.name === id.name && p.samples > 0);
  if (mine.length === 0) return [];
  const peak = mine.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
  return [
    {
      server,
      name: `RSS under load < ${RSS_LIMIT_MB} MB`,
      status: passIf(peak.peakMb < RSS_LIMIT_MB),
      detail: `peak ${peak.peakMb.toFixed(0)} MB (${mine.map((p) => `${p.peakMb.toFixed(0)} MB at ${count(p.users)} users`).join(', ')})`,
    },
  ];
}

export function checkPortal(rows: Row[], imports: ImportResult[], peaks: RssPeak[], id: ServerId, small: number, large: number): Check[] {
  const same = (x: ServerId) => x.side === id.side && x.db === id.db && x.name === id.name;
  const mine = rows.filter((r) => same(r.server));
  const myImports = imports.filter(same);
  const server = serverLabel(id);
  return [
    ...(small !== large ? growth(rows, mine, myImports, server, small, large) : []),
    ...bigVersusSmallGroup(mine, server, large),
    ...memory(peaks, id, server),
  ];
}
