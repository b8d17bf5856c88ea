/** @type {import('next').NextConfig} */

// Security headers on every response (HSTS is added at run time by scripts/serve.mjs when PUBLIC_URL is https). Pages outside the portal may not be framed at all; the portal's
// frame-ancestors allow-list is set per request in proxy.ts (PORTAL_ALLOWED_ORIGINS and operator settings).
const CSP = [
  "default-src 'self'",
  // Next's inline bootstrap scripts need 'unsafe-inline' without a nonce-based setup.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const everywhere = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

const nextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', 'postgres'],
  // SCIM clients call `/Users/` with a trailing slash (Microsoft's reference suite does); don't redirect them.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [
      { source: '/:path*', headers: everywhere },
      {
        source: '/((?!portal|scim|api).*)',
        headers: [
          { key: 'Content-Security-Policy', value: CSP },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
