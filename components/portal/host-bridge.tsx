'use client';
// Tells the embedding page how tall the portal is, on every page (error pages too), so it can size its iframe
// without scrollbars. The portal's own root is measured (not <body>, whose min-height follows the iframe's height
// and would never shrink). Growth is posted at once; a shrink only once the height has held for a moment, so a
// page that briefly shows a spinner between two screens does not make the host's iframe jump.
import { useEffect, useRef, type ReactNode } from 'react';
import { postToHost, setAllowedOrigins } from '@/lib/client/host-messages';
import { rememberParentOrigin } from '@/lib/client/session-token';

const SHRINK_AFTER_MS = 400;

export function HostBridge({ allowedOrigins, children }: { allowedOrigins: string[]; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // During render, not in an effect: children's effects (an error page's event) run before their parent's.
  if (typeof window !== 'undefined') {
    rememberParentOrigin();
    setAllowedOrigins(allowedOrigins);
  }
  useEffect(() => {
    const el = ref.current;
    if (!el || window.parent === window) return;
    let last = 0;
    let frame = 0;
    let shrink: ReturnType<typeof setTimeout> | undefined;
    const post = (height: number) => {
      last = height;
      postToHost({ type: 'portal.resize', height });
    };
    const report = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const height = Math.ceil(el.getBoundingClientRect().height);
        clearTimeout(shrink);
        if (height > last) post(height);
        else if (height < last) shrink = setTimeout(() => post(Math.ceil(el.getBoundingClientRect().height)), SHRINK_AFTER_MS);
      });
    };
    const ro = new ResizeObserver(report);
    ro.observe(el);
    report();
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(shrink);
    };
  }, []);
  return <div ref={ref}>{children}</div>;
}
