// The HTTP server: Next.js's request handler in a plain node:http server (a custom server), so the app runs in
// one process that owns its port, its signals and its shutdown.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import next from 'next';
import { GuardedRequest, answerExpectContinue, secureResponse, withinLimits } from '../lib/http/request-guard.mjs';

/** The SCIM route handler as Next built it, and on it the node:http handler and the shutdown (lib/scim/scim-route.ts). */
async function scimServer(root) {
  const require = createRequire(import.meta.url);
  // Required from Next's build, through its runtime: the same module instances Next's own routing uses.
  const route = require(path.join(root, '.next/server/app/scim/v2/[directoryId]/[[...path]]/route.js'));
  await route.routeModule.ensureUserland();
  return route.routeModule.userland.GET.server;
}

/** Liveness for load balancers and the benchmark's ceiling: answered before Next or any database. */
function healthz(req, res) {
  if (req.url !== '/healthz' || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('ok');
  return true;
}

/** Stops taking requests, lets those under way finish (10 s at most), then the app's own shutdown, then exits. */
function stopOnSignals(server, scim) {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      scim
        .shutdown()
        .catch((e) => console.error(`shutdown: ${e?.stack ?? e}`))
        .finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

export async function serve({ root, port, hostname }) {
  const app = next({ dev: false, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const scim = await scimServer(root);
  // SCIM requests skip Next's router unless SCIM_ROUTING=next: the same route handler either way.
  const direct = process.env.SCIM_ROUTING !== 'next';
  // Every request passes lib/http/request-guard.mjs: security headers first, then path and body limits before Next.
  const server = http.createServer({ IncomingMessage: GuardedRequest }, (req, res) => {
    // The socket's address, for per-client rate limits (lib/rate-limit/client-address.ts); never a client's own value.
    req.headers['x-scim-portal-client-ip'] = req.socket.remoteAddress ?? 'unknown';
    secureResponse(req, res);
    if (healthz(req, res)) return;
    if (direct && scim.handle(req, res)) return;
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
  stopOnSignals(server, scim);
  return server;
}
