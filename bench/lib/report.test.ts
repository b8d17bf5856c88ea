// What the printed tables say: figures with their range, the ratio and verdict, "cannot answer" with its reason as a
// numbered note, and a closing count that tells the verdicts apart.
import { describe, expect, it } from 'vitest';
import type { Check } from './checks';
import type { Cell, Line } from './compare';
import { checkLines, costTable, Notes, summaryLine, throughputTable } from './report';
import type { ServerId } from './servers';
import { formatTable } from './table';

const PORTAL: ServerId = { side: 'portal', db: 'postgres', name: 'portal', durability: 'fsync=on', judged: true };
const PEER: ServerId = { side: 'peer', db: 'postgres', name: 'jackson', durability: 'fsync=on', judged: false };

const cell = (server: ServerId, median: number, extra: Partial<Cell> = {}): Cell => ({
  server,
  rps: { median, min: median - 100, max: median + 100, n: 3 },
  cpuUs: { median: 120, min: 110, max: 130, n: 3 },
  p50: 1.234,
  p99: 9.876,
  failures: 0,
  rounds: 3,
  cannotAnswer: null,
  ...extra,
});

function line(label: string, cells: Cell[], verdict: Line['verdict'], why = '', webhook = false): Line {
  const ratio = verdict === 'PASS' || verdict === 'FAIL' ? { median: 2.5, low: 2, high: 3 } : null;
  return { db: 'postgres', users: 100_000, key: 'get-user', label, idp: 'Okta', kind: 'read', webhook, cells, ratio, verdict, why };
}

describe('throughputTable', () => {
  it('gives each server its median and range, the ratio with its range, and notes the reason a peer is not measured', () => {
    const notes = new Notes();
    const text = throughputTable(
      [
        line('GET /Users/{id}', [cell(PORTAL, 5000), cell(PEER, 2000)], 'PASS'),
        line(
          'GET /Users?filter=externalId eq',
          [cell(PORTAL, 900), cell(PEER, 0, { cannotAnswer: 'found 0 resources, expected 1' })],
          'portal only',
          'jackson: found 0 resources, expected 1',
        ),
        line('POST /Users', [cell(PORTAL, 900), cell(PEER, 400)], 'PASS', '', true),
      ],
      [PORTAL, PEER],
      notes,
    );
    const rows = text.split('\n');
    expect(rows[0]).toMatch(
      /^workload +\| sent by \| +users \| +portal 2xx\/s \| CPU µs\/req \| +jackson 2xx\/s \| CPU µs\/req \| portal ÷ jackson 2xx\/s \(range\) \| target \| verdict/,
    );
    expect(rows[2]).toMatch(/5,000 \(4,900-5,100\) \| +120 \|/);
    expect(rows[2]).toContain('2.50x (2.00-3.00)');
    expect(rows[2]).toMatch(/>= 2x +\| PASS$/);
    expect(rows[3]).toContain('cannot answer');
    expect(rows[3]).toMatch(/portal only \[1\]$/);
    expect(rows[4]).toMatch(/^POST \/Users \+ webhook/);
    expect(notes.render()).toBe('[1] jackson: found 0 resources, expected 1');
  });

  it('numbers one note per reason, however many lines share it', () => {
    const notes = new Notes();
    expect([notes.ref('a'), notes.ref('b'), notes.ref('a'), notes.ref('')]).toEqual([' [1]', ' [2]', ' [1]', '']);
  });
});

describe('costTable', () => {
  it('shows the range of CPU per request, p50 / p99, and the non-2xx of every column', () => {
    const text = costTable([line('GET /Users/{id}', [cell(PORTAL, 5000), cell(PEER, 2000, { failures: 7 })], 'PASS')], [PORTAL, PEER]);
    expect(text).toContain('110-130');
    expect(text).toContain('1.23 / 9.88');
    expect(text.split('\n')[2]).toMatch(/0 \/ 7$/);
  });
});

describe('summaryLine', () => {
  it('counts PASS and FAIL against the peer and in the checks, and the portal-only lines apart', () => {
    const lines = [line('a', [], 'PASS'), line('b', [], 'FAIL'), line('c', [], 'portal only', 'x'), line('d', [], 'no peer')];
    const checks: Check[] = [
      { server: 'portal', name: 'x', status: 'PASS', detail: '' },
      { server: 'portal', name: 'y', status: 'FAIL', detail: 'too slow' },
    ];
    expect(summaryLine(lines, [], checks)).toBe(
      'targets: 2 PASS, 2 FAIL (against the peer at equal durability: 1 PASS, 1 FAIL, 1 measured on the portal alone as the peer answers them wrongly; portal checks: 1 PASS, 1 FAIL)',
    );
    expect(checkLines(checks)).toBe('FAIL [portal] y: too slow\nPASS [portal] 1 checks (each in the JSON results)');
  });
});

describe('formatTable', () => {
  it('pads every column to its widest cell, numbers to the right', () => {
    expect(
      formatTable(
        ['a', 'n'],
        [
          ['xyz', '1'],
          ['q', '1,000'],
        ],
        ['left', 'right'],
      ),
    ).toBe('a   |     n\n----|------\nxyz |     1\nq   | 1,000');
  });
});
