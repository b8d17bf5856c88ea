// What a durable commit costs on this machine and whether each server really makes one: the disk's flush latency
// (fdatasync of an 8 KiB write, where the databases keep their files), and the flushes each server makes per write
// request, counted with strace while a few POST /Users are sent one at a time. The portal's SQLite durability is an
// environment setting the bench cannot see from outside: this is how the report knows it took effect.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { oktaCreateUser } from './payloads';
import { scimCall } from './scim-client';
import type { Server } from './servers';
import { percentile, type Spread } from './stats';

const FLUSHES = 200;
const PROBE_WRITES = 20;

/** fdatasync latency in µs of 8 KiB written at a new offset each time, as a log grows. */
export function diskFlushMicros(dir: string): Spread & { p99: number } {
  const file = path.join(dir, `.bench-flush-${process.pid}`);
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(8192, 1);
  const us: number[] = [];
  try {
    for (let i = 0; i < FLUSHES; i++) {
      fs.writeSync(fd, block, 0, block.length, i * block.length);
      const t = performance.now();
      fs.fdatasyncSync(fd);
      us.push((performance.now() - t) * 1000);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  const sorted = Float64Array.from(us).sort();
  return { median: percentile(sorted, 50), min: sorted[0], max: sorted[sorted.length - 1], n: us.length, p99: percentile(sorted, 99) };
}

/** The fsync and fdatasync calls in strace -c's summary; null when strace attached to nothing. */
export function flushCalls(straceOutput: string): number | null {
  if (!/attached/.test(straceOutput)) return null;
  const rows = straceOutput.matchAll(/^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(?:fsync|fdatasync)\s*$/gm);
  return [...rows].reduce((a, m) => a + Number(m[1]), 0);
}

/** Counts fsync and fdatasync calls of the processes while `work` runs; null when strace cannot attach. */
async function countFlushes(pids: number[], work: () => Promise<void>): Promise<number | null> {
  if (pids.length === 0) return null;
  const strace = spawn('strace', ['-f', '-c', '-e', 'trace=fsync,fdatasync', ...pids.flatMap((p) => ['-p', String(p)])], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  strace.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => {
    strace.once('error', () => resolve(null));
    strace.once('exit', () => resolve(flushCalls(err)));
  });
  // strace says "Process N attached" for each process it has taken hold of.
  for (const deadline = Date.now() + 5_000; Date.now() < deadline && (err.match(/attached/g)?.length ?? 0) < pids.length;) {
    if (strace.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    await work();
  } finally {
    strace.kill('SIGINT');
  }
  return exited;
}

export interface FlushCount {
  server: Server['id'];
  /** Flush calls per write request, or null when strace is missing or may not attach. */
  perWrite: number | null;
}

/** PROBE_WRITES POST /Users one at a time on the server, its flushes counted. */
export async function flushesPerWrite(server: Server, tag: string): Promise<FlushCount> {
  const pids = await server.flushPids();
  const calls = await countFlushes(pids, async () => {
    for (let i = 0; i < PROBE_WRITES; i++) await scimCall(server.dir, 'POST', '/Users', oktaCreateUser(`flush-${tag}-${i}@example.com`, 9_000_000 + i));
  });
  return { server: server.id, perWrite: calls === null ? null : calls / PROBE_WRITES };
}

/** Servers held to a durable 2xx (the judged portal, the peer) that made fewer flushes than writes. */
export function durabilityWarnings(flushes: FlushCount[]): string[] {
  return flushes
    .filter((f) => (f.server.judged || f.server.side === 'peer') && f.perWrite !== null && f.perWrite < 0.9)
    .map(
      (f) =>
        `WARNING: ${f.server.name} on ${f.server.db} made ${f.perWrite?.toFixed(1)} flushes per write: its 2xx is not on disk, so its column is not at the durability it claims ` +
        `(on SQLite: the app ignored SQLITE_SYNCHRONOUS)`,
    );
}
