// The install's session secret, from which the dashboard's session key is derived (lib/operators/auth-secret.ts).
// NEXTAUTH_SECRET (or AUTH_SECRET) wins; without one, a random secret is created once under data/ and reused, so
// restarts keep sessions valid and no secret is ever hard-coded. (Portal sessions are database rows: no key.)
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { env } from '../env';

let cached: string | undefined;

export function portalSecret(): string {
  if (cached) return cached;
  cached = env().authSecret || fileSecret(path.join(process.cwd(), 'data', 'portal-session-secret'));
  return cached;
}

function fileSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    /* first run: create it below */
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fresh = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails if another process created it meanwhile; then that one's secret is the one to share.
    fs.writeFileSync(file, fresh, { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch {
    return fs.readFileSync(file, 'utf8').trim();
  }
}
