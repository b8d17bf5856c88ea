'use client';
// Tabs that are links (each tab has its own URL), with the ARIA tab roles and arrow-key movement between them.
import Link from 'next/link';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { cx } from './cx';

export interface TabItem {
  href: string;
  label: string;
  active: boolean;
  id: string;
}

export function Tabs({ items, label }: { items: TabItem[]; label: string }) {
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  const list = useRef<HTMLDivElement>(null);
  const active = items.findIndex((t) => t.active);
  // On a phone the tabs scroll sideways: the current one is brought into view (the page itself does not scroll).
  useEffect(() => {
    const el = refs.current[active];
    const box = list.current;
    if (el && box && box.scrollWidth > box.clientWidth) box.scrollLeft = el.offsetLeft - (box.clientWidth - el.offsetWidth) / 2;
  }, [active]);
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      refs.current[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (step) {
      e.preventDefault();
      refs.current[(i + step + items.length) % items.length]?.focus();
    }
  };
  return (
    <div ref={list} role="tablist" aria-label={label} className="relative -mb-px flex gap-1 overflow-x-auto">
      {items.map((t, i) => (
        <Link
          key={t.href}
          id={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          href={t.href}
          role="tab"
          aria-selected={t.active}
          tabIndex={t.active ? 0 : -1}
          onKeyDown={(e) => onKeyDown(e, i)}
          className={cx(
            'whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium focus-ring rounded-t-md',
            t.active ? 'border-accent text-slate-900' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
          )}
        >
          {t.label}
        </Link>
      ))}
    </div>
  );
}
