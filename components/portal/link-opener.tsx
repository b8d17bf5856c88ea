'use client';
// What a portal link's page does in the browser: takes the link from the address bar, removes it from there, trades
// it for a session once, and goes on to the portal or to the page that says why not.
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { openPortalLink } from '@/lib/client/open-portal-link';
import { rememberParentOrigin } from '@/lib/client/session-token';
import { Spinner } from '../ui/spinner';

const LINK_PATH = '/portal/link/';

function linkFromAddress(): string {
  try {
    return decodeURIComponent(window.location.pathname.slice(LINK_PATH.length));
  } catch {
    return '';
  }
}

export function LinkOpener() {
  const router = useRouter();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const link = linkFromAddress();
    rememberParentOrigin();
    window.history.replaceState(window.history.state, '', '/portal/link');
    void openPortalLink(link).then((r) => router.replace(r.ok ? '/portal/scim' : `/portal/link-error?reason=${r.reason}`));
  }, [router]);
  return (
    <main className="flex justify-center py-24">
      <Spinner label="Opening the admin portal" />
      <noscript>
        <p className="mt-4 text-sm text-slate-700">The admin portal needs JavaScript. Turn it on and open the link again: it has not been used.</p>
      </noscript>
    </main>
  );
}
