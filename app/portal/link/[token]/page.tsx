// GET /portal/link/{token}: the page a portal link opens. Loading it uses nothing, so a HEAD or a link unfurler's
// GET leaves the link usable; its script trades the link for a session (POST /api/portal/session). No Referer
// leaves it (lib/http/security-headers.mjs, and the meta tag here).
import type { Metadata } from 'next';
import { HostBridge } from '@/components/portal/host-bridge';
import { LinkOpener } from '@/components/portal/link-opener';
import { portalFrameOrigins } from '@/lib/portal/portal-config';

// Rendered per request: a cached copy per link URL would be a file per token.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Opening the admin portal', referrer: 'no-referrer', robots: { index: false, follow: false } };

export default function PortalLinkPage() {
  return (
    <HostBridge allowedOrigins={portalFrameOrigins()}>
      <LinkOpener />
    </HostBridge>
  );
}
