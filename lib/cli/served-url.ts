// The URL the CLI names in its hints: PUBLIC_URL, else the port in PORT, else the address the server last started
// from this checkout wrote (scripts/serve.mjs: data/served-url), else the default port.
import fs from 'node:fs';
import path from 'node:path';

export function servedUrl(root = process.cwd()): string {
  const explicit = process.env.PUBLIC_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, '');
  if (process.env.PORT) return `http://localhost:${Number(process.env.PORT) || 3000}`;
  try {
    const written = fs.readFileSync(path.join(root, 'data', 'served-url'), 'utf8').trim();
    if (/^https?:\/\/\S+$/.test(written)) return written;
  } catch {
    /* no server has started from here yet */
  }
  return 'http://localhost:3000';
}
