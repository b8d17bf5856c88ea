// A stand-in for the host application: a page on its own origin that embeds a portal link in an iframe, sizes the
// iframe from portal.resize, and records every message the portal posts (window.__portalMessages).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

function page(src: string, appOrigin: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme HR settings</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #e2e8f0; color: #0f172a; }
  header { background: #0f172a; color: #fff; padding: 12px 20px; font-weight: 600; }
  main { max-width: 1200px; margin: 0 auto; padding: 16px; }
  h1 { font-size: 18px; margin: 4px 0 12px; }
  iframe { display: block; width: 100%; height: 640px; border: 1px solid #cbd5e1; border-radius: 8px; background: #fff; }
</style></head>
<body><header>Acme HR</header><main><h1>Settings · Directory sync</h1>
<iframe id="portal" title="Directory sync admin portal" src="${src.replace(/"/g, '&quot;')}"></iframe></main>
<script>
  window.__portalMessages = [];
  window.addEventListener('message', function (e) {
    if (e.origin !== ${JSON.stringify(appOrigin)}) return;
    window.__portalMessages.push({ origin: e.origin, data: e.data });
    if (e.data && e.data.type === 'portal.resize') document.getElementById('portal').style.height = Math.max(400, e.data.height) + 'px';
  });
</script></body></html>`;
}

export async function startHostServer(appOrigin: () => string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const src = url.searchParams.get('src') ?? '';
    if (url.pathname !== '/embed' || !src.startsWith(`${appOrigin()}/`)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(src, appOrigin()));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
