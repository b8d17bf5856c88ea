// The one way webhooks leave the process: node:http(s) through a keep-alive agent per endpoint whose DNS lookup is
// resolveTarget, so a connection goes to an address that was checked in the same lookup (no DNS rebinding between
// check and connect). IP literals never reach a lookup; they are checked before the request. Redirects are not
// followed, and every failure without an HTTP answer is recorded as the same UNREACHABLE text with no latency, so
// the delivery log can't be used to tell closed ports, refused addresses and silent hosts apart.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIpLiteral, resolveTarget, systemResolver, type Resolver } from './resolve';

export const UNREACHABLE = 'no HTTP response (refused, unreachable or timed out)';

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  latencyMs: number | null;
}

export interface OutboundTarget {
  url: URL;
  agent: http.Agent;
  /** Tests only: the setting's value for this target (the setting itself otherwise). */
  allowPrivate?: boolean;
}

function guardedLookup(resolve: Resolver, allowPrivate?: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveTarget(hostname, resolve, allowPrivate).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return (callback as unknown as (e: null, a: typeof wanted) => void)(null, wanted);
        callback(null, wanted[0].address, wanted[0].family);
      },
      (e: Error) => callback(Object.assign(e, { code: 'ENOTALLOWED' }), '', 0),
    );
  };
}

/** A target with its own keep-alive agent: at most `maxSockets` connections to it at once. */
export function outboundTarget(url: string, maxSockets: number, resolve: Resolver = systemResolver, allowPrivate?: boolean): OutboundTarget {
  const u = new URL(url);
  const Agent = u.protocol === 'https:' ? https.Agent : http.Agent;
  // timeout: idle kept-alive sockets close after 4 s, before the 5 s most servers keep them (a Keep-Alive hint wins).
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 4_000, lookup: guardedLookup(resolve, allowPrivate) });
  return { url: u, agent, allowPrivate };
}

function once(t: OutboundTarget, headers: Record<string, string>, body: string, deadline: number): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = (t.url.protocol === 'https:' ? https : http).request(t.url, {
      method: 'POST',
      agent: t.agent,
      headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
    });
    const timer = setTimeout(() => req.destroy(new Error('timed out')), Math.max(1, deadline - Date.now()));
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(Object.assign(e, { reused: req.reusedSocket }));
    });
    req.on('response', (res) => {
      res.on('error', () => {});
      res.on('end', () => clearTimeout(timer));
      res.resume(); // the body is not read, only drained so the socket can be kept
      resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket });
    });
    req.end(body);
  });
}

/** POSTs `body` to the target; a stale kept-alive socket (reset before any answer) is retried once on a new one. */
export async function postToTarget(t: OutboundTarget, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SendResult> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  // An IP literal is connected to without a lookup: check it here (a name is checked by the agent's lookup).
  const unreachable: SendResult = { ok: false, status: null, error: UNREACHABLE, latencyMs: null };
  if (isIpLiteral(t.url.hostname)) {
    try {
      await resolveTarget(t.url.hostname, systemResolver, t.allowPrivate);
    } catch {
      return unreachable;
    }
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const { status } = await once(t, headers, body, deadline);
      const latencyMs = Math.round(performance.now() - started);
      const ok = status >= 200 && status < 300;
      return { ok, status, error: ok ? null : `HTTP ${status}`, latencyMs };
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { reused?: boolean };
      if (attempt === 0 && err.reused && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) continue;
      return unreachable;
    }
  }
}
