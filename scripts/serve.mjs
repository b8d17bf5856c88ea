// The HTTP server: Next.js's request handler in a plain node:http server (a custom server), so the app runs in
// one process that owns its port and its signals.
import './native-date.mjs'; // first: before Next.js wraps the global Date
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import next from 'next';
import { FAST_PATH_BUNDLE } from './fast-path-bundle.mjs';
import { GuardedRequest, answerExpectContinue, secureResponse, withinLimits } from '../lib/http/request-guard.mjs';

export async function serve({ root, port, hostname }) {
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The SCIM hot path skips Next's router: the same core the route handler calls, straight from node:http, bundled
  // by scripts/build-fast-path.mjs (SCIM_FAST_PATH=off sends it through Next like every other route).
  const scim = process.env.SCIM_FAST_PATH === 'off' ? null : await import(pathToFileURL(FAST_PATH_BUNDLE).href);
  // Every request passes lib/http/request-guard.mjs: security headers first, then path and body limits before Next.
  const server = http.createServer({ IncomingMessage: GuardedRequest }, (req, res) => {
    // The socket's address, for per-client rate limits (lib/rate-limit/client-address.ts); never a client's own value.
    req.headers['x-scim-portal-client-ip'] = req.socket.remoteAddress ?? 'unknown';
    secureResponse(req, res);
    // Liveness for load balancers and the benchmark's ceiling: answered here, before Next or any database.
    if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('ok');
      return;
    }
    if (scim?.handleScimNode(req, res)) return;
    withinLimits(req, res, () =>
      handle(req, res).catch((e) => {
        console.error(`request failed: ${e?.stack ?? e}`);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end('{"error":{"code":"internal_error","message":"Internal error"}}');
      }),
    );
  });
  answerExpectContinue(server);
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  console.log(`scim-portal listening on http://${hostname}:${port}`);
  // Where this server is reached, for the CLI's hints (lib/cli/served-url.ts) when it runs without PORT/PUBLIC_URL.
  try {
    fs.mkdirSync(path.join(root, 'data'), { recursive: true });
    fs.writeFileSync(path.join(root, 'data', 'served-url'), `${(process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '')}\n`);
  } catch {
    /* a read-only checkout: the CLI falls back to PORT and PUBLIC_URL */
  }
  const stop = () => {
    // Next's instrumentation flushes its copy of the request log; this flushes the fast path's.
    void Promise.resolve(scim?.flushRequestLog()).finally(() => server.close(() => process.exit(0)));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}
