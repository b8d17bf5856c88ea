'use client';
// The time left in the session, always visible, refreshed every 30 seconds; amber in the last five minutes.
import { useEffect, useState } from 'react';
import { formatRemaining } from '@/lib/client/format';
import { cx } from '../ui/cx';

export function SessionTimer({ expiresAt }: { expiresAt: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const left = new Date(expiresAt).getTime() - now;
  return (
    <p className={cx('text-xs', left < 5 * 60_000 ? 'font-semibold text-amber-800' : 'text-slate-600')}>
      <span className="sr-only">Session </span>
      <span aria-hidden="true">Session </span>ends in <time dateTime={expiresAt}>{formatRemaining(left)}</time>
    </p>
  );
}
