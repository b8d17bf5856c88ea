// Secrets the app must read back (webhook signing secrets) are encrypted at rest with AES-256-GCM. The key comes
// from SECRETS_ENCRYPTION_KEY (32 bytes, base64 or hex; required when several processes share a database) or,
// for a single local install, from data/secrets.key, created on first use.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { secretSettings } from '../env';

let cachedKey: Buffer | undefined;

function parseKey(raw: string): Buffer {
  const s = raw.trim();
  const buf = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (buf.length !== 32) throw new Error('SECRETS_ENCRYPTION_KEY must be 32 bytes (64 hex characters or base64)');
  return buf;
}

function key(): Buffer {
  if (cachedKey) return cachedKey;
  const { encryptionKey, encryptionKeyFile } = secretSettings();
  if (encryptionKey) return (cachedKey = parseKey(encryptionKey));
  const file = path.resolve(process.cwd(), encryptionKeyFile);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch {
      /* another process created it first */
    }
  }
  return (cachedKey = parseKey(fs.readFileSync(file, 'utf8')));
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptSecret(sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('unrecognised encrypted secret');
  const d = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
}

/** A 32-byte key for one purpose (event cursors), derived from the same key with HKDF, never the key itself. */
export function derivedKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key(), Buffer.alloc(0), `scim-portal ${purpose}`, 32));
}
