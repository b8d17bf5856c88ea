'use client';
// A read-only value with its label and a copy button; the copied state is announced to screen readers.
import { useId, useState } from 'react';
import { cx } from './cx';

export function CopyField({ label, value, hint, mono = true }: { label: string; value: string; hint?: string; mono?: boolean }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard access can be denied inside an iframe without the clipboard-write permission: select instead.
      const el = document.getElementById(id) as HTMLInputElement | null;
      el?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          // 13px: Chromium on Linux drops underscores of 14px DejaVu Sans Mono in inputs, and tokens are full of them.
          className={cx(
            'h-10 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 text-slate-900 focus-ring',
            mono ? 'font-mono text-[13px]' : 'text-sm',
          )}
        />
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={`Copy ${label}`}
          className="inline-flex h-10 shrink-0 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-ring"
        >
          <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
            {copied ? <path d="M5 12l5 5L20 7" strokeLinecap="round" strokeLinejoin="round" /> : <path d="M9 9h10v10H9zM5 15V5h10" strokeLinejoin="round" />}
          </svg>
          <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
        </button>
        <span className="sr-only" aria-live="polite">
          {copied ? `${label} copied` : ''}
        </span>
      </div>
      {hint ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
    </div>
  );
}
