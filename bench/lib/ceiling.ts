// The Next.js ceiling the SCIM reads are held against: bench/ceiling, an app of one route that does nothing, built
// on first use and served once for the whole run (`next start`), apart from the portal.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, freePort } from '../../tests/setup/app-server';
import { onCleanup } from './cleanup';
import { runScript, sleep, stopChild } from './processes';

const DIR = path.join(ROOT, 'bench/ceiling');
const next = path.join(ROOT, 'node_modules/.bin/next');

let started: Promise<string> | null = null;

async function start(): Promise<string> {
  if (!fs.existsSync(path.join(DIR, '.next/BUILD_ID'))) runScript(next, ['build', DIR], { cwd: ROOT, timeoutMs: 15 * 60_000 });
  const port = await freePort();
  const child = spawn(next, ['start', DIR, '-p', String(port), '-H', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', detached: true });
  onCleanup('ceiling app', () => stopChild(child));
  const origin = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(300)) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${origin}/api/empty`)).ok) return origin;
    } catch {
      /* not listening yet */
    }
  }
  throw new Error(`the ceiling app (${DIR}) did not start`);
}

/** The ceiling app's origin, started (and built) on the first call. */
export function ceilingOrigin(): Promise<string> {
  started ??= start();
  return started;
}
