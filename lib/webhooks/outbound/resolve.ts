// Resolving a webhook target's host once, and judging every address it resolves to. The delivery connects to an
// address returned here (outbound-agent.ts), never to a second resolution that DNS rebinding could change.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { env } from '../../env';
import { isPublicAddress } from './public-address';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** The resolver: the system's (getaddrinfo, as any client would use); tests pass their own. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Thrown for a target that may not be reached; its message is the same whatever the cause (see GENERIC_REFUSAL). */
export class TargetRefused extends Error {}

// One message for "does not resolve" and "resolves to a private address": a host must not learn which internal
// names exist by registering them.
export const GENERIC_REFUSAL = 'url must resolve to public addresses only (set WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow private ones)';

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/** A URL hostname that is an IP address (`[…]` for IPv6): connected to without any lookup. */
export const isIpLiteral = (hostname: string): boolean => net.isIP(bare(hostname)) !== 0;

/**
 * The addresses to connect to for `hostname`: resolved once, each one checked. Refused when it resolves to none,
 * or to any that is not public (a name with one private address among public ones is not to be trusted).
 */
export async function resolveTarget(
  hostname: string,
  resolve: Resolver = systemResolver,
  allowPrivate = env().webhookAllowPrivateTargets,
): Promise<ResolvedAddress[]> {
  const host = bare(hostname);
  const literal = net.isIP(host);
  const addresses = literal ? [{ address: host, family: literal as 4 | 6 }] : await resolve(host).catch(() => []);
  if (addresses.length === 0) throw new TargetRefused(GENERIC_REFUSAL);
  if (!allowPrivate && !addresses.every((a) => isPublicAddress(a.address))) throw new TargetRefused(GENERIC_REFUSAL);
  return addresses;
}

/** The save-time check of a webhook URL: http(s), no credentials, and a host that resolves to public addresses. */
export async function checkTargetUrl(url: string, resolve: Resolver = systemResolver, allowPrivate = env().webhookAllowPrivateTargets): Promise<URL> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new TargetRefused('url must be an absolute http(s) URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new TargetRefused('url must use http or https');
  if (u.username || u.password) throw new TargetRefused('url must not carry credentials');
  await resolveTarget(u.hostname, resolve, allowPrivate);
  return u;
}
