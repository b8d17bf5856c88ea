#!/usr/bin/env node
// npm start: build if needed, apply migrations, seed on first run, serve.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = '1';
const bin = (name) => path.join(root, 'node_modules/.bin', name);

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`npm start: ${what} failed`);
    process.exit(r.status ?? 1);
  }
}

/** A fingerprint of everything the build reads, so a changed checkout is rebuilt and an unchanged one is not. */
function sourceStamp() {
  const h = createHash('sha256');
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(fs.readFileSync(p));
    }
  };
  for (const d of ['app', 'components', 'lib', 'public', 'prisma']) walk(path.join(root, d));
  for (const f of ['next.config.mjs', 'package.json', 'postcss.config.mjs', 'tsconfig.json']) {
    if (fs.existsSync(f)) h.update(f).update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

const stampFile = path.join(root, '.next/scim-portal-source-stamp');
const isBuilt = (stamp) => fs.existsSync(path.join(root, '.next/BUILD_ID')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;

/** One build at a time: several `npm start`s (tests start more than one app) wait for the first to finish. */
async function withBuildLock(fn) {
  const lock = path.join(root, '.build-lock');
  for (const started = Date.now(); ;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 20 * 60_000) throw new Error('timed out waiting for another build');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (!isBuilt(sourceStamp()) || process.env.FORCE_BUILD === '1') {
  await withBuildLock(async () => {
    const stamp = sourceStamp();
    if (isBuilt(stamp) && process.env.FORCE_BUILD !== '1') return;
    console.log('npm start: building the app (first run or changed sources)…');
    run(bin('next'), ['build'], 'next build');
    fs.writeFileSync(stampFile, stamp);
  });
}
run(bin('tsx'), ['lib/db/migrate-cli.ts'], 'database migration');
run(bin('tsx'), ['lib/db/seed-cli.ts'], 'seeding');

// Serve in this process (not a child), so a signal to `npm start`'s node process reaches the server itself.
const { serve } = await import('./serve.mjs');
await serve({ root, port: Number(process.env.PORT || 3000), hostname: process.env.HOST || '0.0.0.0' });
