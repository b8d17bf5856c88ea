import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix = 'hst' | 'key' | 'org' | 'dir' | 'usr' | 'grp' | 'tok' | 'evt' | 'req' | 'rol' | 'whk' | 'psn' | 'opr' | 'dlv' | 'att' | 'aud' | 'lnk';

/** Random base62 string; 248 of 256 byte values are used so every character is equally likely. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248) out += ALPHABET[b % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Prefixed ids such as `usr_4kX9…`: 20 base62 characters (119 bits). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(20)}`;
}
