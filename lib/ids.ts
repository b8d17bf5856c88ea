import { randomBytes } from 'node:crypto';
import { customAlphabet, customRandom } from 'nanoid';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix =
  'hst' | 'key' | 'org' | 'dir' | 'usr' | 'grp' | 'tok' | 'evt' | 'req' | 'rol' | 'whk' | 'psn' | 'opr' | 'dlv' | 'att' | 'aud' | 'lnk' | 'pss' | 'osn';

// Ids (not secrets) come from nanoid's pool of random bytes: one getrandom call per many ids.
const idBody = customAlphabet(ALPHABET, 20);

/** For secrets (tokens, keys, CSRF values): fresh bytes from the OS for each, never from the shared pool. */
export function randomBase62(length: number): string {
  return customRandom(ALPHABET, length, randomBytes)();
}

/** Prefixed ids such as `usr_4kX9…`: 20 base62 characters (119 bits). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${idBody()}`;
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
  return `${prefix}_${base62Time(now)}${idBody(12)}`;
}
