// Every page that needs a portal session: providers, the session gate, the host bridge and the portal frame.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { HostBridge } from '@/components/portal/host-bridge';
import { PortalProviders } from '@/components/portal/portal-providers';
import { PortalShell } from '@/components/portal/portal-shell';
import { SessionGate } from '@/components/portal/session-gate';
import { portalFrameOrigins } from '@/lib/portal/portal-config';

export const metadata: Metadata = { title: 'Admin Portal', robots: { index: false, follow: false } };
// Rendered per request: the frame origins are the running server's settings, not the build's.
export const dynamic = 'force-dynamic';

export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <PortalProviders>
      <HostBridge allowedOrigins={portalFrameOrigins()}>
        <SessionGate>
          <PortalShell>{children}</PortalShell>
        </SessionGate>
      </HostBridge>
    </PortalProviders>
  );
}
