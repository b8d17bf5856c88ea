// Starts what a run measures, per table: for SQLite the portal at NORMAL, the peer on its default file and the portal
// at FULL; for PostgreSQL the bench's own durable server, the portal and the peer on it; the machine's node:http
// ceiling; and what the table says about them: settings, durability, the disk's flush latency.
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './args';
import { diskFlushMicros } from './durability';
import { startCeilingServer, type Helper } from './helpers';
import { startPeer } from './peer';
import { startBenchPostgres, type BenchPostgres } from './pg-server';
import { startPortal } from './portal-server';
import type { Db, Server, ServerId, Target } from './servers';

export interface Started {
  /** In the order the rounds visit them: each table's servers side by side. */
  servers: Server[];
  columns: Partial<Record<Db, ServerId[]>>;
  settings: Partial<Record<Db, string[]>>;
  machine: (Target & { origin: string }) | null;
  pg: BenchPostgres | null;
  /** Everything started, stopped in reverse. */
  stoppers: { name: string; stop(): Promise<void> }[];
}

function flushLine(dir: string): string {
  const f = diskFlushMicros(dir);
  return `disk: fdatasync of 8 KiB where the files live (${dir}): median ${f.median.toFixed(0)} µs, p99 ${f.p99.toFixed(0)} µs, max ${f.max.toFixed(0)} µs (${f.n} flushes): what one durable commit waits for at least`;
}

const MACHINE: ServerId = { side: 'machine', db: 'any', name: 'node:http', durability: '', judged: false };

export async function startServers(opts: BenchOptions, log: (line: string) => void, into: Started): Promise<void> {
  const ceiling: Helper = await startCeilingServer();
  into.stoppers.push({ name: 'node:http ceiling', stop: ceiling.stop });
  into.machine = { id: MACHINE, origin: ceiling.origin, cpuPids: async () => [ceiling.pid] };
  const add = (s: Server) => {
    into.stoppers.push({ name: s.id.name, stop: () => s.stop() });
    into.servers.push(s);
    return s;
  };
  if (opts.dbs.includes('sqlite')) {
    const cols: Server[] = [];
    cols.push(add(await startPortal({ db: 'sqlite', sync: 'NORMAL' }, opts, log)));
    if (opts.peer) cols.push(add(await startPeer({ db: 'sqlite' }, opts.peerPort, log)));
    cols.push(add(await startPortal({ db: 'sqlite', sync: 'FULL' }, opts, log)));
    into.columns.sqlite = cols.map((s) => s.id);
    into.settings.sqlite = [...cols.flatMap((s) => s.settings), flushLine(os.tmpdir())];
  }
  if (opts.dbs.includes('postgres')) {
    log("[postgres] starting the bench's own durable PostgreSQL server…");
    const pg = await startBenchPostgres();
    into.pg = pg;
    into.stoppers.push({ name: 'postgres', stop: () => pg.stop() });
    const cols: Server[] = [];
    cols.push(add(await startPortal({ db: 'postgres', pg }, opts, log)));
    if (opts.peer) cols.push(add(await startPeer({ db: 'postgres', pg }, opts.peerPort + 1, log)));
    into.columns.postgres = cols.map((s) => s.id);
    into.settings.postgres = [...(await pg.describe()), ...cols.flatMap((s) => s.settings), flushLine(path.dirname(pg.dataDir))];
  }
}
