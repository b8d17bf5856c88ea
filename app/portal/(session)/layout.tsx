// Every page that needs a portal session: providers, the session gate, the host bridge and the portal frame.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { HostBridge } from '@/components/portal/host-bridge';
import { PortalProviders } from '@/components/portal/portal-providers';
import { PortalShell } from '@/components/portal/portal-shell';
import { SessionGate } from '@/components/portal/session-gate';

export const metadata: Metadata = { title: 'Admin Portal', robots: { index: false, follow: false } };

export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <PortalProviders>
      <HostBridge>
        <SessionGate>
          <PortalShell>{children}</PortalShell>
        </SessionGate>
      </HostBridge>
    </PortalProviders>
  );
}
