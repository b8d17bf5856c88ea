// Plain-text tables: a header, a rule, and columns padded to their widest cell (numbers right-aligned).
import type { Ratio, Spread } from './stats';

export type Align = 'left' | 'right';

export function formatTable(headers: string[], rows: string[][], align: Align[]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join(' | ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');

export const fmt = {
  int,
  ms: (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-'),
  ratio: (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-'),
  /** `1,234 (1,100-1,310)`: the median and the range of the rounds. */
  spread: (s: Spread | null) => (s ? `${int(s.median)} (${int(s.min)}-${int(s.max)})` : '-'),
  /** `2.45x (2.10-2.80)`: median over median, and the least and most the rounds allow. */
  ratioRange: (r: Ratio | null) => (r ? `${r.median.toFixed(2)}x (${r.low.toFixed(2)}-${r.high.toFixed(2)})` : '-'),
};
