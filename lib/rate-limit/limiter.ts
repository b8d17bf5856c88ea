// Fixed-window rate limits that hold across app processes: each process counts hits locally (no I/O on the
// request path) and about once a second adds its new hits to a shared row per (key, window) and reads back the
// total, so every process sees the others' traffic within a second. Overshoot is bounded by one sync interval.
import { write } from '../db/database';
import { one, run } from '../db/sql-program';
import { rateLimitSettings } from '../env';

export interface Rule {
  /** Requests allowed per window. */
  limit: number;
  windowSec: number;
}

interface Entry {
  window: number;
  local: number;
  synced: number;
  global: number;
}

const entries = new Map<string, Entry>();
let timer: NodeJS.Timeout | null = null;

/** `authfail`: SCIM requests from one address that failed authentication (a valid token is never counted). */
type Kind = 'scim' | 'api' | 'ip' | 'authfail';

let settings: { enabled: boolean; rules: Record<Kind, Rule> } | null = null;

/** Limits per minute, checked in 10-second windows. */
function limitSettings() {
  if (settings) return settings;
  const { enabled, perMinute } = rateLimitSettings();
  const rule = (n: number): Rule => ({ limit: Math.max(1, Math.ceil(n / 6)), windowSec: 10 });
  settings = { enabled, rules: { scim: rule(perMinute.scim), api: rule(perMinute.api), ip: rule(perMinute.ip), authfail: rule(perMinute.authfail) } };
  return settings;
}

export function rateLimitsEnabled(): boolean {
  return limitSettings().enabled;
}

export interface Verdict {
  ok: boolean;
  retryAfterSec: number;
}

export function hit(key: string, rule: Rule, now = Date.now()): Verdict {
  const window = Math.floor(now / 1000 / rule.windowSec);
  const k = `${key}@${rule.windowSec}`;
  let e = entries.get(k);
  if (!e || e.window !== window) {
    e = { window, local: 0, synced: 0, global: 0 };
    entries.set(k, e);
  }
  e.local++;
  startSync();
  const total = e.global + (e.local - e.synced);
  const retryAfterSec = Math.max(1, Math.ceil((window + 1) * rule.windowSec - now / 1000));
  return { ok: total <= rule.limit, retryAfterSec };
}

function startSync(): void {
  if (timer) return;
  timer = setInterval(() => void sync(), rateLimitSettings().syncMs);
  timer.unref();
}

let syncing: Promise<void> | null = null;

/** Adds this process's counts to the shared rows; a call during a sync waits for it, then syncs what it missed. */
export async function sync(now = Date.now()): Promise<void> {
  while (syncing) await syncing;
  syncing = syncOnce(now).finally(() => {
    syncing = null;
  });
  return syncing;
}

async function syncOnce(now: number): Promise<void> {
  try {
    for (const [k, e] of entries) {
      const windowSec = Number(k.slice(k.lastIndexOf('@') + 1));
      if (e.window < Math.floor(now / 1000 / windowSec) - 1) {
        entries.delete(k);
        continue;
      }
      const delta = e.local - e.synced;
      const key = k.slice(0, k.lastIndexOf('@'));
      const windowStart = e.window * windowSec;
      const row = await write(() =>
        one(
          `INSERT INTO "RateLimitWindow" ("key", "windowStart", "count") VALUES (?, ?, ?)
           ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + ?
           RETURNING "count"`,
          [key, windowStart, delta, delta],
        ),
      );
      e.synced += delta;
      e.global = Number(row?.count ?? e.synced);
    }
    if (Math.random() < 0.01) {
      await write(() => run(`DELETE FROM "RateLimitWindow" WHERE "windowStart" < ?`, [Math.floor(now / 1000) - 3600]));
    }
  } catch (e) {
    console.error(`rate limit sync: ${(e as Error).message}`);
  }
}

/** The first key that is over its limit, or null: checks every key (so each counts the hit). */
export function checkLimits(keys: [kind: Kind, id: string][]): Verdict | null {
  const { enabled, rules } = limitSettings();
  if (!enabled) return null;
  let refused: Verdict | null = null;
  for (const [kind, id] of keys) {
    const v = hit(`${kind}:${id}`, rules[kind]);
    if (!v.ok && !refused) refused = v;
  }
  return refused;
}
