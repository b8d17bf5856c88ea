'use client';
// Loads the tab's session (opened by the link page, lib/client/open-portal-link.ts) and renders the portal or the
// "session ended" page. It also watches the clock: the host hears session.expiring five minutes before the end
// and session.expired at the end.
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { postToHost } from '@/lib/client/host-messages';
import { forgetSession } from '@/lib/client/session-token';
import type { PortalSessionInfo } from '@/lib/client/types';
import { usePortalSession } from '@/lib/client/use-portal-session';
import { Spinner } from '../ui/spinner';
import { useSessionEnded } from './portal-providers';
import { SessionEnded } from './session-ended';

const SessionContext = createContext<PortalSessionInfo | null>(null);

export function useSession(): PortalSessionInfo {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionGate');
  return s;
}

const WARN_MS = 5 * 60_000;

export function SessionGate({ children }: { children: ReactNode }) {
  const { ended, end } = useSessionEnded();
  const session = usePortalSession();
  const expiresAt = session.data?.expiresAt;

  useEffect(() => {
    if (!session.data) return;
    postToHost({ type: 'portal.loaded' });
  }, [session.data]);

  useEffect(() => {
    if (!expiresAt) return;
    const left = new Date(expiresAt).getTime() - Date.now();
    // setTimeout cannot wait longer than ~24.8 days; sessions last 6 hours, so this is safe.
    const warn = setTimeout(() => postToHost({ type: 'session.expiring', expiresAt }), Math.max(0, left - WARN_MS));
    const stop = setTimeout(end, Math.max(0, left));
    return () => {
      clearTimeout(warn);
      clearTimeout(stop);
    };
  }, [expiresAt, end]);

  // The session ended while open (expired, signed out, ended by the host), or there was none: the host hears it once.
  const missing = session.isError;
  useEffect(() => {
    if (!ended && !missing) return;
    forgetSession();
    const reason = !expiresAt ? 'missing' : new Date(expiresAt).getTime() <= Date.now() ? 'expired' : 'ended';
    postToHost({ type: 'session.expired', reason });
  }, [ended, missing, expiresAt]);

  if (ended || session.isError) return <SessionEnded reason="ended" />;
  if (!session.data) {
    return (
      <div className="flex justify-center py-24">
        <Spinner label="Opening the admin portal" />
      </div>
    );
  }
  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}
