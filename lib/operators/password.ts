// Operator passwords: scrypt (memory-hard, in node:crypto, no native addon) with a random 16-byte salt per hash.
// The parameters are stored with each hash so they can be raised later without invalidating existing passwords.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const MIN_PASSWORD_LENGTH = 12;
// scrypt's cost does not depend on input length, but a cap keeps absurd request bodies out of the KDF.
export const MAX_PASSWORD_LENGTH = 1024;

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to check against when the email is unknown, so a wrong email takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString('base64url'));
  return decoy;
}

/**
 * Common passwords long enough to pass the length rule, and the words most of the rest are built on. A password is
 * refused when it is one of them, or one of the words with only digits and symbols around it (Password2024!).
 */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '098765432109',
  '111222333444',
  '123123123123',
  '147258369147',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'qwertyuiop12',
  'qwertyuiopas',
  'qwerty123456',
  '123456qwerty',
  'asdfghjkl123',
  'asdfasdfasdf',
  'zxcvbnm12345',
  'abcdefghijkl',
  'abc123abc123',
  'iloveyou1234',
  'trustno1trustno1',
  'passwordpassword',
  'correcthorsebatterystaple',
  'thequickbrownfox',
  'letmeinletmein',
  'administrator1',
]);
const WORDS = new Set([
  'password',
  'passwort',
  'qwerty',
  'qwertyuiop',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'changeme',
  'iloveyou',
  'secret',
  'login',
  'master',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'superman',
  'sunshine',
  'princess',
  'starwars',
  'whatever',
  'trustno',
  'default',
  'operator',
  'scimportal',
  'dashboard',
]);

/** Lower case, common letter-for-symbol swaps undone. */
function plain(s: string): string {
  return s.toLowerCase().replace(/[@4]/g, 'a').replace(/0/g, 'o').replace(/[1!|]/g, 'i').replace(/3/g, 'e').replace(/[$5]/g, 's');
}

/** Why a new password is refused, or null when it is acceptable. The rules are stated in the CLI's help and README. */
export function passwordProblem(password: string, email?: string): string | null {
  const trimmed = password.trim();
  if ([...trimmed].length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long, not counting spaces at either end`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  const lower = trimmed.toLowerCase();
  // One short run repeated (aaaaaaaaaaaa, abcabcabcabc, 121212121212).
  if (/^(.{1,4}?)\1+$/su.test(lower)) return 'The password must not be a few characters repeated';
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (COMMON.has(lower) || COMMON.has(plain(lower)) || WORDS.has(core) || WORDS.has(plain(core))) {
    return 'The password is too common; choose a longer phrase of your own';
  }
  const local = email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'The password must not contain the email address';
  return null;
}
