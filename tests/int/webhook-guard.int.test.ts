// The outbound guard against a real loopback listener that must receive nothing: every notation of a loopback or
// private address is refused when an endpoint is saved and when a delivery is sent, a name is resolved once and
// the checked address is the one connected to (DNS rebinding simulated with a resolver), and every failure without
// an HTTP answer reads the same (no port scanning through the delivery log).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboundTarget, postToTarget, UNREACHABLE } from '../../lib/webhooks/outbound/outbound-agent';
import { checkTargetUrl, GENERIC_REFUSAL, systemResolver, type Resolver } from '../../lib/webhooks/outbound/resolve';
import { PRIVATE_TARGET_HOSTS } from '../../e2e/fixtures/private-targets';

let server: http.Server;
let port = 0;
let hits = 0;
let answer = 204;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(answer, answer === 302 ? { Location: '/elsewhere' } : {}).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  hits = 0;
  answer = 204;
});

const send = (url: string, resolve: Resolver = systemResolver, allowPrivate = false, timeoutMs = 2_000) =>
  postToTarget(outboundTarget(url, 1, resolve, allowPrivate), { 'Content-Type': 'application/json' }, '{}', timeoutMs);

const fixed =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const);

describe('the outbound guard (private targets not allowed)', () => {
  it('the listener is reachable when private targets are allowed (so "received nothing" below means something)', async () => {
    expect(await send(`http://127.0.0.1:${port}/`, systemResolver, true)).toMatchObject({ ok: true, status: 204 });
    expect(hits).toBe(1);
  });

  it.each(PRIVATE_TARGET_HOSTS)('refuses http://%s:PORT/ when saved and when sent; the listener receives nothing', async (host) => {
    const url = `http://${host}:${port}/hook`;
    await expect(checkTargetUrl(url, systemResolver, false)).rejects.toThrow(GENERIC_REFUSAL);
    expect(await send(url)).toEqual({ ok: false, status: null, error: UNREACHABLE, latencyMs: null });
    expect(hits).toBe(0);
  });

  it.each([
    ['a name resolving to loopback', fixed('127.0.0.1')],
    ['a name resolving to IPv4-mapped loopback', fixed('::ffff:127.0.0.1')],
    ['a name with one private address among public ones', fixed('93.184.216.34', '127.0.0.1')],
    ['a name that does not resolve', fixed()],
  ])('refuses %s, with the same message as any other refusal', async (_, resolve) => {
    const url = `http://hooks.example.test:${port}/`;
    await expect(checkTargetUrl(url, resolve, false)).rejects.toThrow(GENERIC_REFUSAL);
    expect(await send(url, resolve)).toMatchObject({ ok: false, error: UNREACHABLE, latencyMs: null });
    expect(hits).toBe(0);
  });

  it('DNS rebinding: public when saved, loopback when sent: refused at delivery', async () => {
    const url = `http://rebind.example.test:${port}/`;
    await expect(checkTargetUrl(url, fixed('93.184.216.34'), false)).resolves.toBeInstanceOf(URL);
    expect(await send(url, fixed('127.0.0.1'))).toMatchObject({ ok: false, error: UNREACHABLE });
    expect(hits).toBe(0);
  });

  it('resolves once per connection and connects to the address it checked, never to a second answer', async () => {
    let calls = 0;
    // First answer public (checked, connected to: unroutable here), any later one loopback.
    const flipping: Resolver = async () => [{ address: calls++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    const r = await send(`http://flip.example.test:${port}/`, flipping, false, 300);
    expect(r).toMatchObject({ ok: false, error: UNREACHABLE, latencyMs: null });
    expect(calls).toBe(1);
    expect(hits).toBe(0);
  });

  it('tells an HTTP answer from no answer, and nothing more: closed port, refused address and timeout read the same', async () => {
    answer = 401;
    expect(await send(`http://127.0.0.1:${port}/`, systemResolver, true)).toMatchObject({ ok: false, status: 401, error: 'HTTP 401' });
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const silent = http.createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const silentPort = (silent.address() as AddressInfo).port;
    const outcomes = [
      await send(`http://127.0.0.1:${closedPort}/`, systemResolver, true),
      await send(`http://127.0.0.1:${silentPort}/`, systemResolver, true, 300),
      await send(`http://127.0.0.1:${port}/`),
    ];
    silent.closeAllConnections();
    silent.close();
    for (const o of outcomes) expect(o).toEqual({ ok: false, status: null, error: UNREACHABLE, latencyMs: null });
  });

  it('follows no redirect: a 302 is a failed attempt, and nothing is requested from its Location', async () => {
    answer = 302;
    expect(await send(`http://127.0.0.1:${port}/`, systemResolver, true)).toMatchObject({ ok: false, status: 302, error: 'HTTP 302' });
    expect(hits).toBe(1);
  });

  it('refuses URLs that are not plain http(s) or that carry credentials', async () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'http://user:pw@example.com/', 'not a url']) {
      await expect(checkTargetUrl(url, fixed('93.184.216.34'), false)).rejects.toThrow();
    }
  });
});
