// Rate limits (shared across processes), the portal's caps, and where a client's address comes from.
import { z } from 'zod';
import { atLeast, is, number, positiveCount, settings } from './setting';

/** Requests per minute: 0 still lets one through per window; a value that is not a number keeps the default. */
const perMinute = (fallback: number) => atLeast(fallback, 0);

export const rateLimitSettings = settings(
  z
    .object({
      RATE_LIMITS: is('off'),
      RATE_LIMIT_SCIM_PER_MINUTE: perMinute(6000),
      RATE_LIMIT_API_PER_MINUTE: perMinute(3000),
      RATE_LIMIT_IP_PER_MINUTE: perMinute(12000),
      RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: perMinute(60),
      RATE_LIMIT_SYNC_MS: number(1000, z.number().positive()),
      TRUST_PROXY: is('true'),
    })
    .transform((e) => ({
      enabled: !e.RATE_LIMITS,
      perMinute: {
        scim: e.RATE_LIMIT_SCIM_PER_MINUTE,
        api: e.RATE_LIMIT_API_PER_MINUTE,
        ip: e.RATE_LIMIT_IP_PER_MINUTE,
        authfail: e.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
      },
      /** How often a process adds its counts to the shared rows. */
      syncMs: e.RATE_LIMIT_SYNC_MS,
      /** Take the client's address from X-Forwarded-For (only behind a proxy that sets it). */
      trustProxy: e.TRUST_PROXY,
    })),
);

export const portalLimitSettings = settings(
  z
    .object({
      RATE_LIMIT_PORTAL_SESSION_WRITES_PER_MINUTE: positiveCount(30),
      RATE_LIMIT_PORTAL_ORG_WRITES_PER_MINUTE: positiveCount(60),
      PORTAL_MAX_DIRECTORIES: positiveCount(10),
      PORTAL_MAX_LIVE_TOKENS: positiveCount(5),
    })
    .transform((e) => ({
      sessionWrites: e.RATE_LIMIT_PORTAL_SESSION_WRITES_PER_MINUTE,
      organizationWrites: e.RATE_LIMIT_PORTAL_ORG_WRITES_PER_MINUTE,
      directories: e.PORTAL_MAX_DIRECTORIES,
      liveTokens: e.PORTAL_MAX_LIVE_TOKENS,
    })),
);
