// Where a used, expired or forged portal link lands: a plain explanation and what to do next.
import type { Metadata } from 'next';
import { HostBridge } from '@/components/portal/host-bridge';
import { SessionEnded } from '@/components/portal/session-ended';

export const metadata: Metadata = { title: 'Portal link not valid', robots: { index: false, follow: false } };

export default async function LinkErrorPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  return (
    <HostBridge>
      <SessionEnded reason={reason ?? 'invalid'} />
    </HostBridge>
  );
}
