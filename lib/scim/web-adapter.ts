// Web-standard Request/Response ↔ the framework-free core, for the Next.js route handlers.
import { MAX_BODY_BYTES } from './body-limits';
import { serveScim } from './serve-scim';
import type { ScimResponse } from './types';

export const SCIM_CONTENT_TYPE = 'application/scim+json';

async function readBody(req: Request): Promise<{ text: string | null; bytes: number | null }> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE' || !req.body) return { text: null, bytes: 0 };
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return { text: null, bytes: null };
  const buf = await req.arrayBuffer();
  if (buf.byteLength > MAX_BODY_BYTES) return { text: null, bytes: null };
  return { text: new TextDecoder().decode(buf), bytes: buf.byteLength };
}

export function toWebResponse(res: ScimResponse): Response {
  const headers = new Headers(res.headers);
  if (res.body === undefined || res.status === 204 || res.status === 304) return new Response(null, { status: res.status, headers });
  headers.set('Content-Type', SCIM_CONTENT_TYPE);
  return new Response(JSON.stringify(res.body), { status: res.status, headers });
}

export async function handleScimWebRequest(req: Request, directoryId: string, path: string[]): Promise<Response> {
  const url = new URL(req.url);
  const { text, bytes } = await readBody(req);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => {
    headers[k.toLowerCase()] = v;
  });
  const res = await serveScim({
    method: req.method,
    directoryId,
    path: path.filter((s) => s !== ''),
    query: url.searchParams,
    headers,
    body: text,
    bodyBytes: bytes,
  });
  return toWebResponse(res);
}
