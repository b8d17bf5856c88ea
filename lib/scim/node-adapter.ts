// node:http ↔ the framework-free core: the custom server (scripts/serve.mjs) answers /scim/v2/* through this,
// without Next's routing and Web Request/Response copies in between, reaching it through the route handler
// (scim-route.ts); both hand the same IncomingScimRequest to serveScim.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ScimError, scimErrorBody } from './errors';
import { httpResponse } from './scim-http';
import { MAX_BODY_BYTES } from './body-limits';
import { serveScim } from './serve-scim';
import type { ScimResponse } from './types';

const PREFIX = '/scim/v2/';
const NO_BODY = new Set(['GET', 'DELETE']);
/** Methods answered here; anything else (HEAD, OPTIONS) goes on to Next as before. */
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

type Body = { text: string | null; bytes: number | null };
const NO_BODY_READ: Body = { text: null, bytes: 0 };

function readBody(req: IncomingMessage): Promise<Body> {
  if (NO_BODY.has(req.method ?? 'GET')) {
    req.resume();
    return Promise.resolve(NO_BODY_READ);
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve({ text: null, bytes: null });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (over) return resolve({ text: null, bytes: null });
      resolve({ text: size === 0 ? null : Buffer.concat(chunks, size).toString('utf8'), bytes: size });
    });
    req.on('error', reject);
  });
}

/** The security headers are already on `res` (scripts/serve.mjs sets them first, lib/http/security-headers.mjs). */
function send(res: ServerResponse, out: ScimResponse): void {
  const { headers, body } = httpResponse(out);
  res.writeHead(out.status, headers).end(body ?? undefined);
}

/** Until the socket takes more, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((go) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      go();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes a streamed body (member-stream.ts) as the client reads it; stops reading when the client goes away. */
async function sendStream(res: ServerResponse, out: ScimResponse, stream: AsyncIterable<string>): Promise<void> {
  res.writeHead(out.status, httpResponse(out).headers);
  try {
    for await (const chunk of stream) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await drained(res);
    }
    res.end();
  } catch (e) {
    // The status line has gone: cutting the connection is how the client learns the body is not whole.
    console.error(`SCIM streamed response failed: ${(e as Error)?.stack ?? String(e)}`);
    res.destroy();
  }
}

/** Segments after /scim/v2/, percent-decoded once; null when one is not valid percent-encoding. */
function segments(pathname: string): string[] | null {
  try {
    return pathname
      .slice(PREFIX.length)
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** Answers the request when it is for /scim/v2/{directoryId}/…; returns false (untouched) otherwise. */
export function handleScimNode(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  if (!url.startsWith(PREFIX) || !METHODS.has(req.method ?? '')) return false;
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  const parts = segments(pathname);
  if (parts !== null && parts.length === 0) return false;
  void (async () => {
    try {
      if (parts === null) {
        req.resume();
        send(res, { status: 400, headers: {}, body: scimErrorBody(new ScimError(400, 'invalidPath', 'The URL path is not valid percent-encoding')) });
        return;
      }
      const { text, bytes } = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const out = await serveScim({
        method: req.method ?? 'GET',
        directoryId: parts[0],
        path: parts.slice(1),
        query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
        headers,
        body: text,
        bodyBytes: bytes,
      });
      if (out.stream) await sendStream(res, out, out.stream);
      else send(res, out);
    } catch (e) {
      console.error(`SCIM ${req.method} ${pathname} failed: ${(e as Error)?.stack ?? String(e)}`);
      if (!res.headersSent)
        send(res, { status: 500, headers: {}, body: scimErrorBody(new ScimError(500, undefined, 'Internal error; the request was not applied')) });
      else res.end();
    }
  })();
  return true;
}
