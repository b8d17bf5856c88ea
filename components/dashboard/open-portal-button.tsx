'use client';
// "Open portal": mints a single-use portal link on the server and opens it in a new tab. The tab is opened
// synchronously in the click (popup blockers allow that) and pointed at the link once the server answers; if the
// browser blocked it anyway, the link is offered to click instead.
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/operators/operator-action';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

type OpenPortal = (organizationId: string) => Promise<ActionResult<{ url: string; expiresAt: string }>>;

export function OpenPortalButton({ organizationId, organizationName, action }: { organizationId: string; organizationName: string; action: OpenPortal }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fallbackUrl, setFallbackUrl] = useState<string | null>(null);

  const onClick = () => {
    setError(null);
    setFallbackUrl(null);
    const tab = window.open('', '_blank');
    // Cut the new tab's handle on this page (what rel=noopener does for links); we keep ours to navigate it.
    if (tab) tab.opener = null;
    startTransition(async () => {
      const r = await action(organizationId).catch(() => ({ ok: false as const, error: 'The request failed. Try again.' }));
      if (!r.ok) {
        tab?.close();
        setError(r.error);
      } else if (tab && !tab.closed) {
        tab.location.href = r.data.url;
      } else {
        setFallbackUrl(r.data.url);
      }
    });
  };

  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="secondary" size="sm" loading={pending} onClick={onClick} aria-label={`Open portal for ${organizationName} (opens in a new tab)`}>
        Open portal
        <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
          <path d="M11 4h5v5M16 4l-7 7M8 5H5v10h10v-3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Button>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {fallbackUrl ? (
        <a href={fallbackUrl} target="_blank" rel="noopener noreferrer" className="text-sm font-medium text-slate-900 underline focus-ring rounded">
          Your browser blocked the new tab: open the portal (link valid for 5 minutes, once)
        </a>
      ) : null}
    </div>
  );
}
