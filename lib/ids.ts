import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix = 'hst' | 'key' | 'org' | 'dir' | 'usr' | 'grp' | 'tok' | 'evt' | 'req' | 'rol' | 'whk' | 'psn' | 'opr' | 'dlv' | 'att' | 'aud' | 'lnk' | 'pss' | 'osn';

// Ids (not secrets) draw random bytes 4 KiB at a time: one getrandom call per ~190 ids instead of one per id.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let used = 0;

function nextByte(): number {
  if (used === POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  const b = pool[used];
  pool[used++] = 0; // a byte is never handed out twice, even if this buffer leaked
  return b;
}

/** Random base62 string; 248 of 256 byte values are used so every character is equally likely. */
function base62(length: number, byte: () => number): string {
  let out = '';
  while (out.length < length) {
    const b = byte();
    if (b < 248) out += ALPHABET[b % 62];
  }
  return out;
}

/** For secrets (tokens, keys, CSRF values): fresh bytes from the OS for each, never from the shared pool. */
export function randomBase62(length: number): string {
  const bytes = randomBytes(length * 2);
  let i = 0;
  return base62(length, () => (i < bytes.length ? bytes[i++] : randomBytes(1)[0]));
}

/** Prefixed ids such as `usr_4kX9…`: 20 base62 characters (119 bits). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${base62(20, nextByte)}`;
}

/** `ms` as 8 base62 digits: fixed width, so these strings sort (bytewise) as the numbers do, until the year 8,900. */
function base62Time(ms: number): string {
  let out = '';
  for (let i = 0, n = Math.floor(ms); i < 8; i++, n = Math.floor(n / 62)) out = ALPHABET[n % 62] + out;
  return out;
}

/**
 * Ids of append-only log rows (request log, events, audit): the creation time in the first 8 characters, then 12
 * random ones (71 bits). New rows land at the end of the primary-key index instead of on a random page of it, so
 * a busy log dirties a few pages per commit, not one per row. Not for users or groups: it would show when they
 * were created.
 */
export function newLogId(prefix: 'req' | 'evt' | 'aud', now = Date.now()): string {
  return `${prefix}_${base62Time(now)}${base62(12, nextByte)}`;
}
