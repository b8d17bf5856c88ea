// The client's address, as the custom server (scripts/serve.mjs) recorded it from the socket: a header a client
// sends itself under that name is overwritten there, so it can't be spoofed. X-Forwarded-For is used only when
// TRUST_PROXY=true (behind a reverse proxy that sets it).
export const CLIENT_ADDRESS_HEADER = 'x-scim-portal-client-ip';

/** Read once, at the first request (a running server's environment does not change). */
let trustProxy: boolean | undefined;

export function clientAddress(get: (name: string) => string | null | undefined): string {
  if ((trustProxy ??= process.env.TRUST_PROXY === 'true')) {
    const fwd = get('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  return get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}
