// The client's address, as the custom server (scripts/serve.mjs) recorded it from the socket: a header a client
// sends itself under that name is overwritten there, so it can't be spoofed. X-Forwarded-For is used only when
// TRUST_PROXY=true (behind a reverse proxy that sets it).
export const CLIENT_ADDRESS_HEADER = 'x-scim-portal-client-ip';

export function clientAddress(get: (name: string) => string | null | undefined): string {
  if (process.env.TRUST_PROXY === 'true') {
    const fwd = get('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  return get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}
