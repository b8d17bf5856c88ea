// Online guessing of operator passwords. Failures are counted per (email, client address) and per address; past a
// few, each key must wait before its next attempt, 1 s doubling to 15 minutes. The wait holds back only attempts
// from that address, so nobody elsewhere can lock an operator out, and an attempt refused for waiting costs no
// password hash. Counts are rows (SignInThrottle), so every app process sees them; a key is forgotten after a day
// without failures, and a successful sign-in clears its (email, address) key.
import { createHash } from 'node:crypto';
import { read, write } from '../db/database';
import { columns, decode } from '../db/rows';
import { all, one, run } from '../db/sql-program';

const FREE_FAILURES = { pair: 5, address: 20 };
const MAX_WAIT_SECONDS = 15 * 60;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

type Kind = keyof typeof FREE_FAILURES;

/** Keys are hashed: the table holds no email addresses. */
function keysOf(email: string, address: string): [Kind, string][] {
  const h = (s: string) => createHash('sha256').update(s).digest('base64url');
  return [
    ['pair', `pair:${h(`${email}\0${address}`)}`],
    ['address', `address:${h(address)}`],
  ];
}

/** Seconds of wait a key owes after `failures` failures. */
export function waitAfter(failures: number, kind: Kind): number {
  const over = failures - FREE_FAILURES[kind];
  return over <= 0 ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (over - 1));
}

/** Seconds this attempt must still wait (0: it may go ahead). */
export async function signInWait(email: string, address: string, now = new Date()): Promise<number> {
  const rows = await read(function* (env) {
    const [inKeys, keys] = env.dialect.inList(
      '"key"',
      keysOf(email, address).map(([, k]) => k),
    );
    return (yield* all(`SELECT ${columns('SignInThrottle')} FROM "SignInThrottle" WHERE ${inKeys}`, [keys])).map((r) => decode('SignInThrottle', r));
  });
  const live = rows.filter((r) => now.getTime() - r.lastFailedAt.getTime() < FORGET_AFTER_MS);
  return Math.max(0, ...live.map((r) => Math.ceil((r.blockedUntil.getTime() - now.getTime()) / 1000)));
}

export async function recordSignInFailure(email: string, address: string, now = new Date()): Promise<void> {
  for (const [kind, key] of keysOf(email, address)) {
    await write(function* () {
      // A key quiet for a day starts again from nothing; the increment itself is one atomic statement.
      yield* run(`DELETE FROM "SignInThrottle" WHERE "key" = ? AND "lastFailedAt" < ?`, [key, new Date(now.getTime() - FORGET_AFTER_MS)]);
      const row = yield* one(
        `INSERT INTO "SignInThrottle" ("key", "failures", "lastFailedAt", "blockedUntil") VALUES (?, 1, ?, ?)
         ON CONFLICT ("key") DO UPDATE SET "failures" = "SignInThrottle"."failures" + 1, "lastFailedAt" = excluded."lastFailedAt"
         RETURNING "failures"`,
        [key, now, now],
      );
      const wait = waitAfter(Number(row?.failures ?? 1), kind);
      // Only ever raised: of two racing failures, the one that counted last may write first.
      const until = new Date(now.getTime() + wait * 1000);
      if (wait > 0) yield* run(`UPDATE "SignInThrottle" SET "blockedUntil" = ? WHERE "key" = ? AND "blockedUntil" < ?`, [until, key, until]);
    });
  }
}

export async function clearSignInFailures(email: string, address: string): Promise<void> {
  const [[, pair]] = keysOf(email, address);
  await write(() => run(`DELETE FROM "SignInThrottle" WHERE "key" = ?`, [pair]));
}

export function forgetOldSignInFailures(now = new Date()): Promise<number> {
  return write(() => run(`DELETE FROM "SignInThrottle" WHERE "lastFailedAt" < ?`, [new Date(now.getTime() - FORGET_AFTER_MS)]));
}
