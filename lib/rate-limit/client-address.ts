// The client's address, as the custom server (scripts/serve.mjs) recorded it from the socket: a header a client
// sends itself under that name is overwritten there, so it can't be spoofed. X-Forwarded-For is used only when
// TRUST_PROXY=true (behind a reverse proxy that sets it).
import { rateLimitSettings } from '../env';

export const CLIENT_ADDRESS_HEADER = 'x-scim-portal-client-ip';

export function clientAddress(get: (name: string) => string | null | undefined): string {
  if (rateLimitSettings().trustProxy) {
    const fwd = get('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  return get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}

/**
 * The address a per-address limit counts: an IPv6 address by its /64, the smallest block one client is commonly
 * given (counting each address would give every client 2^64 budgets); IPv4, and IPv4-mapped IPv6, as they are.
 */
export function addressKey(ip: string): string {
  if (!ip.includes(':') || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.replace(/^::ffff:/i, '');
  const [head, tail = ''] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((x) => x.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
