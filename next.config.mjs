/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg'],
  // SCIM clients call `/Users/` with a trailing slash (Microsoft's reference suite does); don't redirect them.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
