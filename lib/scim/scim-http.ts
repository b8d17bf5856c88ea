// What every SCIM HTTP response carries, whichever way it was served (scim-route.ts: Next's route handler or the
// custom server's node:http shortcut): one content type, and the security headers next.config.mjs sets on Next's
// other responses.
import type { ScimResponse } from './types';

export const SCIM_CONTENT_TYPE = 'application/scim+json';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** The response's headers and its body as bytes (none for 204, 304 and bodiless answers). */
export function httpResponse(out: ScimResponse): { headers: Record<string, string>; body: Buffer | null } {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...out.headers };
  if (out.body === undefined || out.status === 204 || out.status === 304) return { headers, body: null };
  // Encoded once: the length is the buffer's, and the socket gets bytes (a string would be measured, then encoded).
  const body = Buffer.from(JSON.stringify(out.body));
  headers['Content-Type'] = SCIM_CONTENT_TYPE;
  headers['Content-Length'] = String(body.length);
  return { headers, body };
}
