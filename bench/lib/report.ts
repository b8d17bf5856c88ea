// The printed report: per database a table of 2xx answers a second (median and range of the rounds) with the ratio
// against the peer and PASS/FAIL, a table of CPU per request and latency, the imports, and the settings and
// ceilings the figures were measured under; then the portal's own checks and a closing count.
import type { Check } from './checks';
import type { Cell, ImportLine, Line } from './compare';
import type { Row } from './phase';
import type { Db, ServerId } from './servers';
import { rpsSpread } from './stats';
import { fmt, formatTable } from './table';

export interface TableInput {
  db: Db;
  columns: ServerId[];
  /** The database settings of both sides and what a commit costs here, one line each. */
  settings: string[];
  /** The machine's node:http ceiling and each portal's /healthz, measured with the reads. */
  ceilings: Row[];
  lines: Line[];
  imports: ImportLine[];
}

const TITLE: Record<Db, string> = {
  postgres: 'PostgreSQL: the portal and jackson on one durable server, each in its own database',
  sqlite: 'SQLite: the portal at NORMAL and at FULL, jackson on its default file',
};

const lineLabel = (l: Line) => (l.webhook ? `${l.label} + webhook` : l.label);

function judgedName(columns: ServerId[]): string {
  const portal = columns.find((c) => c.judged);
  const peer = columns.find((c) => c.side === 'peer');
  return portal && peer ? `${portal.name} ÷ ${peer.name}` : 'ratio';
}

/** The ceilings measured with the reads at each size: the machine's node:http and each portal's /healthz. */
function ceilingLines(ceilings: Row[]): string[] {
  return [...new Set(ceilings.map((r) => r.users))].map((users) => {
    const parts = ceilings
      .filter((r) => r.users === users)
      .map((r) => `${r.server.side === 'machine' ? "node:http (the bench's own server)" : `${r.server.name} GET /healthz`} ${fmt.spread(rpsSpread(r.rounds))}`);
    return `ceilings with the reads at ${fmt.int(users)} users, 2xx/s median (min-max): ${parts.join('; ')}`;
  });
}

/** The report's notes: one per distinct reason, numbered in order of first use. */
export class Notes {
  private readonly list: string[] = [];
  ref(why: string): string {
    if (!why) return '';
    let i = this.list.indexOf(why);
    if (i < 0) i = this.list.push(why) - 1;
    return ` [${i + 1}]`;
  }
  render(): string {
    return this.list.map((n, i) => `[${i + 1}] ${n}`).join('\n');
  }
}

/** The line's cell for a column; null where it was not measured (a peer that cannot answer). */
function cellAt(l: Line, c: ServerId): Cell | null {
  const cell = l.cells.find((x) => x.server.name === c.name);
  return !cell || (cell.cannotAnswer && c.side === 'peer') ? null : cell;
}

export function throughputTable(lines: Line[], columns: ServerId[], notes: Notes): string {
  const body = lines.map((l) => [
    lineLabel(l),
    l.idp,
    fmt.int(l.users),
    ...columns.flatMap((c) => {
      const cell = cellAt(l, c);
      if (cell) return [fmt.spread(cell.rps), fmt.int(cell.cpuUs?.median ?? Number.NaN)];
      return [l.cells.some((x) => x.server.name === c.name) ? 'cannot answer' : '-', '-'];
    }),
    fmt.ratioRange(l.ratio),
    l.verdict === 'no peer' || l.verdict === '-' ? '-' : '>= 2x',
    `${l.verdict}${notes.ref(l.why)}`,
  ]);
  return formatTable(
    ['workload', 'sent by', 'users', ...columns.flatMap((c) => [`${c.name} 2xx/s`, 'CPU µs/req']), `${judgedName(columns)} 2xx/s (range)`, 'target', 'verdict'],
    body,
    ['left', 'left', 'right', ...columns.flatMap(() => ['right', 'right'] as const), 'right', 'left', 'left'],
  );
}

export function costTable(lines: Line[], columns: ServerId[]): string {
  const body = lines.map((l) => [
    lineLabel(l),
    fmt.int(l.users),
    ...columns.flatMap((c) => {
      const cell = cellAt(l, c);
      return cell ? [cell.cpuUs ? `${fmt.int(cell.cpuUs.min)}-${fmt.int(cell.cpuUs.max)}` : '-', `${fmt.ms(cell.p50)} / ${fmt.ms(cell.p99)}`] : ['-', '-'];
    }),
    columns.map((c) => (cellAt(l, c) ? fmt.int(cellAt(l, c)?.failures ?? 0) : '-')).join(' / '),
  ]);
  return formatTable(
    ['workload', 'users', ...columns.flatMap((c) => [`${c.name} CPU µs/req range`, 'p50 / p99 ms']), `non-2xx (${columns.map((c) => c.name).join(' / ')})`],
    body,
    ['left', 'right', ...columns.flatMap(() => ['right', 'right'] as const), 'right'],
  );
}

function importTable(imports: ImportLine[], columns: ServerId[], notes: Notes): string {
  const body = imports.map((l) => [
    fmt.int(l.users),
    ...columns.map((c) => {
      const s = l.seconds.find((x) => x.server.name === c.name);
      return s ? `${s.seconds.toFixed(1)} s${s.failures ? ` (${s.failures} failed)` : ''}` : '-';
    }),
    l.ratio === null ? '-' : fmt.ratio(l.ratio),
    l.verdict === 'no peer' ? '-' : '>= 2x',
    `${l.verdict}${notes.ref(l.why)}`,
  ]);
  const portal = columns.find((c) => c.judged)?.name ?? 'portal';
  return formatTable(['users before', ...columns.map((c) => c.name), `time: jackson ÷ ${portal}`, 'target', 'verdict'], body, [
    'right',
    ...columns.map(() => 'right' as const),
    'right',
    'left',
    'left',
  ]);
}

export function renderTable(t: TableInput, opts: { rounds: number; connections: number; seconds: number; importLabel: string }): string {
  const notes = new Notes();
  const durability = t.columns.map((c) => `${c.name}: ${c.durability}`).join('; ');
  const out = [
    `## ${TITLE[t.db]}`,
    '',
    ...[...t.settings, `durability: ${durability}`, ...ceilingLines(t.ceilings)].map((s) => `  ${s}`),
    '',
    `2xx answers a second, median (min-max) of ${opts.rounds} alternating rounds of ${opts.seconds} s at ${opts.connections} connections, and the median server CPU per`,
    'request (its processes and its database backends, from /proc: far steadier than 2xx/s on a busy machine, as other work slows a server',
    "down but does not make it spend more per request); the ratio's range is the least and the most the rounds allow",
    '',
    throughputTable(t.lines, t.columns, notes),
    '',
    'The range of CPU per request over the rounds, the latency of the 2xx answers, and the failures',
    '',
    costTable(t.lines, t.columns),
  ];
  if (t.imports.length)
    out.push('', `Import through SCIM (${opts.importLabel}), the servers taking turns step by step`, '', importTable(t.imports, t.columns, notes));
  const rendered = notes.render();
  if (rendered) out.push('', rendered);
  return out.join('\n');
}

/** Every failed check in full; the passed ones counted per server. */
export function checkLines(checks: Check[]): string {
  const failed = checks.filter((c) => c.status === 'FAIL').map((c) => `FAIL [${c.server}] ${c.name}: ${c.detail}`);
  const passed = [...new Set(checks.map((c) => c.server))].flatMap((server) => {
    const n = checks.filter((c) => c.server === server && c.status === 'PASS').length;
    return n ? [`PASS [${server}] ${n} checks (each in the JSON results)`] : [];
  });
  return [...failed, ...passed].join('\n');
}

/** The closing count: every verdict against the peer, and the portal's own checks. */
export function summaryLine(lines: Line[], imports: ImportLine[], checks: Check[]): string {
  const verdicts = [...lines.map((l) => l.verdict), ...imports.map((l) => l.verdict)];
  const pass = verdicts.filter((v) => v === 'PASS').length;
  const fail = verdicts.filter((v) => v === 'FAIL').length;
  const only = verdicts.filter((v) => v === 'portal only').length;
  const own = { pass: checks.filter((c) => c.status === 'PASS').length, fail: checks.filter((c) => c.status === 'FAIL').length };
  return (
    `targets: ${pass + own.pass} PASS, ${fail + own.fail} FAIL (against the peer at equal durability: ${pass} PASS, ${fail} FAIL, ` +
    `${only} measured on the portal alone as the peer answers them wrongly; portal checks: ${own.pass} PASS, ${own.fail} FAIL)`
  );
}
