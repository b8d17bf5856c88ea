// Secrets (directory tokens, API keys) are 32+ random bytes behind a recognisable prefix, so secret scanners and
// people can tell what a leaked string is. Only a SHA-256 hash is stored; the plaintext is shown once.
import { createHash, timingSafeEqual } from 'node:crypto';
import { randomBase62 } from '../ids';

export type SecretKind = 'scim' | 'key';

const PREFIX: Record<SecretKind, string> = { scim: 'scimp_tok_', key: 'scimp_key_' };

export interface MintedSecret {
  plaintext: string;
  hash: string;
  lastFour: string;
}

/** 43 base62 characters ≈ 256 bits. */
export function mintSecret(kind: SecretKind): MintedSecret {
  const plaintext = PREFIX[kind] + randomBase62(43);
  return { plaintext, hash: hashSecret(plaintext), lastFour: plaintext.slice(-4) };
}

export function hashSecret(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function looksLike(kind: SecretKind, value: string): boolean {
  return value.startsWith(PREFIX[kind]) && value.length === PREFIX[kind].length + 43;
}

/** `Authorization: Bearer <x>` → x; anything else → null. Scheme is case-insensitive (RFC 6750 §2.1). */
export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}
