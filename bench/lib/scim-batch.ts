// Sends a numbered run of SCIM requests to one server over a few keep-alive connections and hands each answer to
// the caller: what seeds the peer and what runs the imports. node:http rather than fetch, so that the load
// generator takes less of the CPU it shares with the servers.
import http from 'node:http';
import type { ScimDirectory } from './scim-client';

export interface BatchRequest {
  method: string;
  /** Below the SCIM base URL, e.g. `/Users`. */
  path: string;
  body?: unknown;
}

export interface BatchResponse {
  /** 0 when the request failed before an answer (connection refused, reset, timed out). */
  status: number;
  body: string;
}

const TIMEOUT_MS = 60_000;

function send(agent: http.Agent, url: URL, token: string, req: BatchRequest): Promise<BatchResponse> {
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  return new Promise((resolve) => {
    const r = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: `${url.pathname.replace(/\/+$/, '')}${req.path}`,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/scim+json',
          ...(payload === undefined ? {} : { 'Content-Type': 'application/scim+json', 'Content-Length': Buffer.byteLength(payload) }),
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ status: 0, body: e.message }));
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    r.on('error', (e) => resolve({ status: 0, body: e.message }));
    r.end(payload);
  });
}

/**
 * Sends request(i) for every i < count, `concurrency` at a time; resolves once every answer is in. When onResponse
 * throws, no further request is sent, and the error is thrown once those in flight are answered.
 */
export async function sendBatch(
  dir: ScimDirectory,
  count: number,
  request: (i: number) => BatchRequest,
  onResponse: (i: number, res: BatchResponse) => void,
  concurrency: number,
): Promise<void> {
  const url = new URL(dir.endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const res = await send(agent, url, dir.token, request(i));
      try {
        onResponse(i, res);
      } catch (e) {
        next = count;
        throw e;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, count) }, worker));
  agent.destroy();
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}

export const isOk = (status: number) => status >= 200 && status < 300;

/** The `id` of a created resource, or null when the answer carries none. */
export function createdId(res: BatchResponse): string | null {
  try {
    const id = (JSON.parse(res.body) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
