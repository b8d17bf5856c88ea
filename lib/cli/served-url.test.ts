// The CLI's hints name the URL the server serves: PUBLIC_URL, else PORT, else what the server wrote when it last
// started from this checkout, else the default port (it used to say 3000 whatever the server ran on).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnv } from '../env';
import { servedUrl } from './served-url';

const saved = { PUBLIC_URL: process.env.PUBLIC_URL, PORT: process.env.PORT };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function checkout(written?: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'served-url-'));
  if (written !== undefined) {
    fs.mkdirSync(path.join(root, 'data'));
    fs.writeFileSync(path.join(root, 'data', 'served-url'), written);
  }
  return root;
}

describe('servedUrl', () => {
  it.each<[string, { PUBLIC_URL?: string; PORT?: string }, string | undefined, string]>([
    ['PUBLIC_URL first', { PUBLIC_URL: 'https://scim.example.com/', PORT: '4000' }, 'http://localhost:5000\n', 'https://scim.example.com'],
    ['then PORT', { PORT: '4000' }, 'http://localhost:5000\n', 'http://localhost:4000'],
    ['then what the server wrote', {}, 'http://localhost:5000\n', 'http://localhost:5000'],
    ['a garbled file is ignored', {}, 'not a url', 'http://localhost:3000'],
    ['else the default port', {}, undefined, 'http://localhost:3000'],
  ])('%s', (_, env, written, expected) => {
    delete process.env.PUBLIC_URL;
    delete process.env.PORT;
    Object.assign(process.env, env);
    resetEnv();
    expect(servedUrl(checkout(written))).toBe(expected);
  });
});
