import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix = 'hst' | 'key' | 'org' | 'dir' | 'usr' | 'grp' | 'tok' | 'evt' | 'req' | 'rol' | 'whk' | 'psn' | 'opr' | 'dlv' | 'att' | 'aud' | 'lnk';

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
