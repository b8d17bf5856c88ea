// Where a used, expired or forged portal link lands: a plain explanation and what to do next; inside the host's
// iframe the host hears link.used, link.expired or link.invalid (link.error when the server failed).
import type { Metadata } from 'next';
import { HostBridge } from '@/components/portal/host-bridge';
import { HostEvent } from '@/components/portal/host-event';
import { SessionEnded } from '@/components/portal/session-ended';
import { linkRefusalMessage } from '@/lib/portal/host-events';
import { portalFrameOrigins } from '@/lib/portal/portal-config';

export const metadata: Metadata = { title: 'Portal link not valid', robots: { index: false, follow: false } };

export default async function LinkErrorPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason = 'invalid' } = await searchParams;
  return (
    <HostBridge allowedOrigins={portalFrameOrigins()}>
      <HostEvent message={linkRefusalMessage(reason)} />
      <SessionEnded reason={reason} />
    </HostBridge>
  );
}
