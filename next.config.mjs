/** @type {import('next').NextConfig} */
import { BODY_LIMITS } from './lib/http/route-families.mjs';
import { headerSets, headerSettings } from './lib/http/security-headers.mjs';

// Security headers: scripts/serve.mjs sets them on every response (lib/http/security-headers.mjs). `next dev` has no
// custom server, so there the same sets are served as Next headers, read from the environment it starts with; a
// build gets none, so a production response never carries two sources of them.
function devHeaders() {
  if (process.env.NODE_ENV === 'production') return [];
  const sets = headerSets({ ...headerSettings(process.env), dev: true });
  const h = (set) => set.map(([key, value]) => ({ key, value }));
  return [
    { source: '/((?!portal|api/v1/|api/portal/|scim/).*)', headers: h(sets.page) },
    { source: '/(api/v1|api/portal|scim)/:path*', headers: h(sets.api) },
    { source: '/portal/:path*', headers: h(sets.portal) },
    { source: '/portal', headers: h(sets.portal) },
    { source: '/portal/link/:token', headers: h(sets.portalLink) },
  ];
}

const nextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', 'postgres'],
  // SCIM clients call `/Users/` with a trailing slash (Microsoft's reference suite does); don't redirect them.
  skipTrailingSlashRedirect: true,
  // Next reads server-action bodies as a stream and stops at this size (the custom server's guard stops first).
  experimental: { serverActions: { bodySizeLimit: BODY_LIMITS.page } },
  async headers() {
    return devHeaders();
  },
};

export default nextConfig;
