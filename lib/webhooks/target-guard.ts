// Webhook targets on loopback, private, link-local or otherwise internal addresses are refused (SSRF), unless
// WEBHOOK_ALLOW_PRIVATE_TARGETS=true. Checked when an endpoint is saved and again, after DNS, at each delivery.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { env } from '../env';

const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
}

export function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const n = v4ToInt(ip);
    return BLOCKED_V4.some(([base, bits]) => (n >>> (32 - bits)) === (v4ToInt(base) >>> (32 - bits)));
  }
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateAddress(mapped[1]);
  return lower === '::1' || lower === '::' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
}

export class TargetRefused extends Error {}

/** Throws TargetRefused for a URL that isn't http(s) or resolves to an internal address. */
export async function checkTarget(url: string): Promise<void> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new TargetRefused('url must be an absolute http(s) URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new TargetRefused('url must use http or https');
  if (u.username || u.password) throw new TargetRefused('url must not carry credentials');
  if (env().webhookAllowPrivateTargets) return;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new TargetRefused(`url host ${host} does not resolve`);
  if (addresses.some(isPrivateAddress)) {
    throw new TargetRefused('url points at a loopback or private address (set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow)');
  }
}
