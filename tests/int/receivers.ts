// Webhook receivers on loopback for the int tests: a listener handed each request's body, and the URL of a port
// that was just closed (connection refused).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Receiver {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

export async function listen(onBody: (body: string, res: http.ServerResponse) => void): Promise<Receiver> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => onBody(body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { server, url, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

export async function closedPortUrl(): Promise<string> {
  const r = await listen(() => {});
  await r.close();
  return r.url;
}
