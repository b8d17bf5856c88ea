import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from 'react';
import { cx } from './cx';

/** A scrollable table: wide tables scroll inside their card on a 360 px screen instead of widening the page. */
export function Table({ caption, children, className }: { caption: string; children: ReactNode; className?: string }) {
  return (
    // relative: a visually hidden header cell (absolutely positioned) stays inside the scrolling box, not the page.
    <div className={cx('relative overflow-x-auto', className)} tabIndex={0} role="region" aria-label={caption}>
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50">
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({ className, children, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="col" className={cx('whitespace-nowrap px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600', className)} {...rest}>
      {children}
    </th>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>;
}

export function Td({ className, children, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td className={cx('px-4 py-3 align-middle text-slate-700', className)} {...rest}>
      {children}
    </td>
  );
}

/** Previous/next for keyset pages: no page count, which would mean counting the whole table. */
export function Pager({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  busy,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  busy?: boolean;
}) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
      <span aria-live="polite">
        Page {page}
        {busy ? ' · loading…' : ''}
      </span>
      <span className="flex gap-2">
        <button type="button" className="pager-btn focus-ring" onClick={onPrevious} disabled={!hasPrevious}>
          Previous
        </button>
        <button type="button" className="pager-btn focus-ring" onClick={onNext} disabled={!hasNext}>
          Next
        </button>
      </span>
    </nav>
  );
}
