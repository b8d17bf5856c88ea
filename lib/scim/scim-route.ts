// The SCIM entry point: the route handler of app/scim/v2/[directoryId]/[[...path]], over Web Request/Response, and
// on it (`scimRoute.server`) the same core for node:http and the process's shutdown. The custom server
// (scripts/serve.mjs) loads this module from Next's own build and answers SCIM from node:http without Next's router,
// so lib/ exists once per process, whichever way a request came in.
import { shutdown } from '../shutdown';
import { handleScimNode } from './node-adapter';
import { httpResponse } from './scim-http';
import { MAX_BODY_BYTES } from './body-limits';
import { serveScim } from './serve-scim';

async function readBody(req: Request): Promise<{ text: string | null; bytes: number | null }> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE' || !req.body) return { text: null, bytes: 0 };
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return { text: null, bytes: null };
  const buf = await req.arrayBuffer();
  if (buf.byteLength > MAX_BODY_BYTES) return { text: null, bytes: null };
  return { text: new TextDecoder().decode(buf), bytes: buf.byteLength };
}

type Params = { params: Promise<{ directoryId: string; path?: string[] }> };

async function handle(req: Request, { params }: Params): Promise<Response> {
  const { directoryId, path } = await params;
  const url = new URL(req.url);
  const { text, bytes } = await readBody(req);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => {
    headers[k.toLowerCase()] = v;
  });
  const out = await serveScim({
    method: req.method,
    directoryId,
    // Next has already percent-decoded the segments; decoding again would turn `%2541` into `A` and throw on `%`.
    path: (path ?? []).filter((s) => s !== ''),
    query: url.searchParams,
    headers,
    body: text,
    bodyBytes: bytes,
  });
  const res = httpResponse(out);
  const body = out.stream ? webStream(out.stream) : (res.body as BodyInit | null);
  return new Response(body, { status: out.status, headers: res.headers });
}

/** A streamed body read as the client reads it; the client going away stops the reads. */
function webStream(stream: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

/** What the custom server reaches through the route handler: SCIM from node:http, and the shutdown. */
export interface ScimServer {
  handle: typeof handleScimNode;
  shutdown: typeof shutdown;
}

export const scimRoute = Object.assign(handle, { server: { handle: handleScimNode, shutdown } satisfies ScimServer });
