'use client';
// Tells the embedding page how tall the portal is, so it can size its iframe without scrollbars. The portal's own
// root is measured (not <body>, whose min-height follows the iframe's height and would never shrink).
import { useEffect, useRef, type ReactNode } from 'react';
import { postToHost } from '@/lib/client/host-messages';

export function HostBridge({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || window.parent === window) return;
    let last = 0;
    let frame = 0;
    const report = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const height = Math.ceil(el.getBoundingClientRect().height);
        if (height !== last) {
          last = height;
          postToHost({ type: 'portal.resize', height });
        }
      });
    };
    const ro = new ResizeObserver(report);
    ro.observe(el);
    report();
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  return <div ref={ref}>{children}</div>;
}
