// The URL the CLI names in its hints: PUBLIC_URL, else the port in PORT, else the address the server last started
// from this checkout wrote (scripts/serve.mjs: data/served-url), else the default port.
import fs from 'node:fs';
import path from 'node:path';
import { cliSettings } from '../env';

export function servedUrl(root = process.cwd()): string {
  const { publicUrl, port } = cliSettings();
  if (publicUrl) return publicUrl;
  if (port) return `http://localhost:${port}`;
  try {
    const written = fs.readFileSync(path.join(root, 'data', 'served-url'), 'utf8').trim();
    if (/^https?:\/\/\S+$/.test(written)) return written;
  } catch {
    /* no server has started from here yet */
  }
  return 'http://localhost:3000';
}
