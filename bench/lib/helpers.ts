// The bench's own small servers, each a child process: the node:http ceiling and the webhook receiver
// (bench/servers/). Stopped with everything else the bench started.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../tests/setup/app-server';
import { onCleanup } from './cleanup';
import { stopChild } from './processes';

export interface Helper {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

async function startHelper(file: string, env: Record<string, string> = {}): Promise<Helper> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/servers', file)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
    env: { ...process.env, ...env },
  });
  const stop = () => stopChild(child);
  const unregister = onCleanup(file, stop);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before listening`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: async () => {
      await stop();
      unregister();
    },
  };
}

export const startCeilingServer = () => startHelper('node-http-ceiling.mjs');

/** A bare server doing only what one request shape must (bench/floors.ts): `floor-put.mjs` or `floor-get.mjs`. */
export const startFloorServer = (file: 'floor-put.mjs' | 'floor-get.mjs', env: Record<string, string>) => startHelper(file, env);

export interface WebhookReceiver extends Helper {
  /** Deliveries received so far on each path. */
  counts(): Promise<Record<string, number>>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const h = await startHelper('webhook-receiver.mjs');
  return {
    ...h,
    counts: async () => (await (await fetch(`${h.origin}/counts`)).json()) as Record<string, number>,
  };
}
