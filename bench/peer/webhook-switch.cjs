// Preloaded into the Jackson peer by the bench (NODE_OPTIONS=--require), so that its writes can be measured with one
// webhook endpoint subscribed through Jackson's own directory webhook setting. The shared shim
// (../shared/peers/jackson-scim-server.mjs) passes a no-op event callback, so Jackson never sends a webhook; this
// keeps that no-op while the switch is off and, while it is on, hands each event to Jackson's own hosted-mode
// callback (it reads the directory and POSTs the signed event to the directory's webhook before answering).
// PUT /bench/webhook {"url": "..."} sets the webhook of the shim's directories through Jackson's API
// (directories.update with webhook_url and webhook_secret) and turns the switch on; {"url": null} undoes both.
// Nothing else of the shim or of Jackson changes.
'use strict';
const Module = require('node:module');
const http = require('node:http');

if (/jackson-scim-server\.mjs$/.test(process.argv[1] || '')) {
  let dsync = null;
  let on = false;

  const load = Module._load;
  Module._load = function (request, ...rest) {
    const mod = load.call(this, request, ...rest);
    if (request === '@boxyhq/saml-jackson' && typeof mod.controllers === 'function' && !mod.controllers.benchWrapped) {
      const controllers = mod.controllers;
      mod.controllers = async (opts) => {
        const noop = opts.dsync && opts.dsync.callback;
        // Without a callback of its own, Jackson builds its hosted-mode one and hands it to the request handler.
        if (opts.dsync) delete opts.dsync.callback;
        const jackson = await controllers(opts);
        dsync = jackson.directorySyncController;
        const hosted = dsync.requests.eventCallback;
        dsync.requests.eventCallback = (event) => (on ? hosted(event) : noop ? noop(event) : undefined);
        return jackson;
      };
      mod.controllers.benchWrapped = true;
    }
    return mod;
  };

  async function setWebhook(url) {
    const tenant = process.env.PEER_TENANT || 'peer-tenant';
    const product = process.env.PEER_PRODUCT || 'scim-peer';
    const { data, error } = await dsync.directories.getByTenantAndProduct(tenant, product);
    if (error) throw new Error(error.message);
    for (const directory of data) {
      const r = await dsync.directories.update(directory.id, { webhook_url: url || '', webhook_secret: url ? 'bench-webhook-secret' : '' });
      if (r.error) throw new Error(r.error.message);
    }
    on = Boolean(url);
  }

  function control(req, res) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve()
        .then(() => setWebhook(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}').url))
        .then(
          () => res.writeHead(204).end(),
          (e) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String((e && e.message) || e)),
        );
    });
  }

  const createServer = http.createServer;
  http.createServer = function (...args) {
    const i = args.findIndex((a) => typeof a === 'function');
    if (i >= 0) {
      const handler = args[i];
      args[i] = (req, res) => (req.method === 'PUT' && req.url === '/bench/webhook' ? control(req, res) : handler(req, res));
    }
    return createServer.apply(this, args);
  };
}
