// What every SCIM HTTP response carries, whichever way it was served (scim-route.ts: Next's route handler or the
// custom server's node:http shortcut). The security headers are not here: scripts/serve.mjs sets them on every
// response first (lib/http/security-headers.mjs).
import type { ScimResponse } from './types';

const SCIM_CONTENT_TYPE = 'application/scim+json';

/** The response's headers and its body as bytes (none for 204, 304 and bodiless answers, nor for a stream). */
export function httpResponse(out: ScimResponse): { headers: Record<string, string>; body: Buffer | null } {
  const headers: Record<string, string> = { ...out.headers };
  // A streamed body's length is known once it is written: chunked.
  if (out.stream) return { headers: { ...headers, 'Content-Type': SCIM_CONTENT_TYPE }, body: null };
  if (out.body === undefined || out.status === 204 || out.status === 304) return { headers, body: null };
  // Encoded once: the length is the buffer's, and the socket gets bytes (a string would be measured, then encoded).
  const body = Buffer.from(JSON.stringify(out.body));
  headers['Content-Type'] = SCIM_CONTENT_TYPE;
  headers['Content-Length'] = String(body.length);
  return { headers, body };
}
