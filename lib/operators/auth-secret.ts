// The key that signs and encrypts dashboard sessions (next-auth JWTs). NEXTAUTH_SECRET wins, as next-auth documents;
// without it we derive one from the install's file secret (lib/portal/portal-secret.ts: data/ file, mode 0600,
// created on first use) with HKDF under its own label, so dashboard and portal sessions never share a key.
import { hkdfSync } from 'node:crypto';
import { secretSettings } from '../env';
import { portalSecret } from '../portal/portal-secret';

let cached: string | undefined;

export function dashboardAuthSecret(): string {
  const fromEnv = secretSettings().dashboardSessionSecret;
  if (fromEnv) return fromEnv;
  cached ??= Buffer.from(hkdfSync('sha256', portalSecret(), '', 'scim-portal operator dashboard sessions', 32)).toString('base64url');
  return cached;
}
