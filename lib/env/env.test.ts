// Settings keep their names, defaults and rules: a value a setting cannot use keeps its default (a typo never
// switches a limit off), and every variable the README's table names is one lib/env (or the custom server) reads.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { env, jobSettings, portalLimitSettings, rateLimitSettings, resetEnv, webhookSettings } from '.';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  resetEnv();
});

function read<T>(vars: Record<string, string>, get: () => T): T {
  Object.assign(process.env, vars);
  resetEnv();
  return get();
}

describe('settings', () => {
  it.each<[string, Record<string, string>, () => unknown, unknown]>([
    ['a SCIM limit', { SCIM_MAX_VALUES: '7' }, () => env().scim.maxValues, 7],
    ['a SCIM limit that is not a positive integer', { SCIM_MAX_VALUES: '0' }, () => env().scim.maxValues, 100],
    ['a fractional SCIM limit', { SCIM_MAX_VALUES: '2.5' }, () => env().scim.maxValues, 100],
    ['a SCIM limit with a typo', { SCIM_MAX_DEPTH: '1O' }, () => env().scim.maxDepth, 16],
    ['an empty SCIM limit', { SCIM_MAX_DEPTH: '' }, () => env().scim.maxDepth, 16],
    ['PORT makes the default PUBLIC_URL', { PORT: '4100' }, () => env().publicUrl, 'http://localhost:4100'],
    ['PUBLIC_URL without its trailing slash', { PUBLIC_URL: 'https://sso.example/' }, () => env().publicUrl, 'https://sso.example'],
    [
      'frame origins trimmed',
      { PORTAL_ALLOWED_ORIGINS: ' https://a.example/, ,https://b.example' },
      () => env().portalAllowedOrigins,
      ['https://a.example', 'https://b.example'],
    ],
    ['the earlier pool name still counts', { FAST_READ_POOL_SIZE: '3' }, () => env().pgReadPoolSize, 3],
    ['SQLite synchronous in any case', { SQLITE_SYNCHRONOUS: 'full' }, () => env().sqliteSynchronous, 'FULL'],
    ['an unknown SQLite synchronous', { SQLITE_SYNCHRONOUS: 'OFF' }, () => env().sqliteSynchronous, 'NORMAL'],
    ['a webhook setting below its minimum', { WEBHOOK_POLL_MS: '5' }, () => webhookSettings().pollMs, 500],
    ['webhook disable hours may be 0', { WEBHOOK_DISABLE_AFTER_HOURS: '0' }, () => webhookSettings().disableAfterMs, 0],
    ['a retry schedule', { WEBHOOK_RETRY_SCHEDULE: '0, 1,2' }, () => webhookSettings().retrySchedule, [0, 1, 2]],
    ['a retry schedule with a negative delay', { WEBHOOK_RETRY_SCHEDULE: '0,-1' }, () => webhookSettings().retrySchedule.length, 8],
    ['rate limits off', { RATE_LIMITS: 'off' }, () => rateLimitSettings().enabled, false],
    ['a rate limit that is not a number', { RATE_LIMIT_SCIM_PER_MINUTE: 'many' }, () => rateLimitSettings().perMinute.scim, 6000],
    ['a portal cap rounded down', { PORTAL_MAX_LIVE_TOKENS: '3.9' }, () => portalLimitSettings().liveTokens, 3],
    ['a portal cap below one', { PORTAL_MAX_LIVE_TOKENS: '0.5' }, () => portalLimitSettings().liveTokens, 5],
    ['a retention of 0 days', { REQUEST_LOG_RETENTION_DAYS: '0' }, () => jobSettings().requestLogRetentionDays, 30],
  ])('%s', (_, vars, get, expected) => {
    expect(read(vars, get)).toEqual(expected);
  });

  it('are parsed once until reset', () => {
    expect(read({ SCIM_MAX_VALUES: '7' }, () => env().scim.maxValues)).toBe(7);
    process.env.SCIM_MAX_VALUES = '8';
    expect(env().scim.maxValues).toBe(7);
    resetEnv();
    expect(env().scim.maxValues).toBe(8);
  });

  it("are the ones the README's table names", () => {
    const table = fs
      .readFileSync('README.md', 'utf8')
      .split(/\|\s*variable\s*\|\s*default\s*\|\s*meaning\s*\|/)[1]
      .split('\n\n')[0];
    const firstCells = table.split('\n').map((row) => row.split('|')[1] ?? '');
    const named = firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThan(30);
    const readers = ['server', 'scim-limits', 'webhooks', 'limits', 'operations'].map((f) => fs.readFileSync(`lib/env/${f}.ts`, 'utf8'));
    const server = fs.readFileSync('scripts/serve.mjs', 'utf8');
    const unread = named.filter((name) => !readers.some((src) => src.includes(`${name}:`)) && !server.includes(`process.env.${name}`));
    expect(unread).toEqual([]);
  });
});
