// The Jackson peer (../shared/peers/start-jackson.sh, unmodified) as a server under test: on its default SQLite file
// (rollback journal, synchronous FULL) or on a database of its own on the bench's PostgreSQL, beside the portal's.
// Its webhook is switched through Jackson's own directory setting (../peer/webhook-switch.cjs).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from '../../tests/setup/app-server';
import { onCleanup } from './cleanup';
import type { BenchPostgres } from './pg-server';
import { processTree } from './proc';
import { runScript, stopPid } from './processes';
import { POSTGRES_DURABILITY, type Server } from './servers';

const SCRIPT = path.resolve(ROOT, '../shared/peers/start-jackson.sh');
const SWITCH = path.resolve(ROOT, 'bench/peer/webhook-switch.cjs');
const PEER_DIR = process.env.PEER_DIR ?? '/tmp/scim-peer';
const PG_DATABASE = 'jackson_peer';

export type PeerVariant = { db: 'sqlite' } | { db: 'postgres'; pg: BenchPostgres };

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Byte 18 of an SQLite file's header: 1 for a rollback journal, 2 for WAL. */
function journalMode(file: string): string {
  try {
    const fd = fs.openSync(file, 'r');
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, 18);
    fs.closeSync(fd);
    return b[0] === 2 ? 'WAL' : b[0] === 1 ? 'rollback journal' : `unknown (${b[0]})`;
  } catch {
    return 'unknown (file unreadable)';
  }
}

export async function startPeer(variant: PeerVariant, port: number, log: (line: string) => void): Promise<Server> {
  if (await portInUse(port)) throw new Error(`port ${port} is taken; pick another with --peer-port`);
  const dbFile = path.join(PEER_DIR, `jackson-${port}.db`);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PEER_DIR, NODE_OPTIONS: `--require ${SWITCH}` };
  if (variant.db === 'postgres') Object.assign(env, { PEER_ENGINE: 'postgres', PEER_DB_URL: await variant.pg.createDatabase(PG_DATABASE) });
  else Object.assign(env, { PEER_ENGINE: 'sqlite', PEER_DB: dbFile });
  log(`[jackson ${variant.db}] starting on port ${port} (installs it into ${PEER_DIR} on first use)…`);
  // First use installs @boxyhq/saml-jackson into PEER_DIR, hence the long timeout. Peers start one at a time, so the
  // pid file the script writes is this one's.
  const out = runScript('bash', [SCRIPT], { cwd: ROOT, env, timeoutMs: 10 * 60_000 });
  const pid = Number(fs.readFileSync(path.join(PEER_DIR, 'server.pid'), 'utf8').trim());
  const stop = () => stopPid(pid);
  const unregister = onCleanup(`jackson (${variant.db})`, stop);
  const ready = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { okta?: { endpoint?: string; token?: string } };
  if (!ready.okta?.endpoint || !ready.okta.token) {
    await stop();
    unregister();
    throw new Error(`peer printed no okta endpoint: ${out}`);
  }
  log(`[jackson ${variant.db}] on ${ready.okta.endpoint}, pid ${pid} (log: ${path.join(PEER_DIR, `server-${port}.log`)})`);
  const own = () => processTree(pid);
  const settings =
    variant.db === 'sqlite'
      ? [
          `jackson: its default SQLite file (${dbFile}): ${journalMode(dbFile)} (from the file's header), synchronous=FULL (SQLite's default; Jackson sets neither): a 2xx is on disk`,
        ]
      : [`jackson: database ${PG_DATABASE} on the same server, Jackson's own pool settings`];
  let stopped = false;
  return {
    id: {
      side: 'peer',
      db: variant.db,
      name: 'jackson',
      durability: variant.db === 'sqlite' ? 'rollback journal, synchronous=FULL' : POSTGRES_DURABILITY,
      judged: false,
    },
    dir: { endpoint: ready.okta.endpoint, token: ready.okta.token, directoryId: null },
    pid,
    baseUrl: null,
    cpuPids: async () => (variant.db === 'sqlite' ? own() : [...own(), ...(await variant.pg.backends(PG_DATABASE))]),
    flushPids: async () => (variant.db === 'sqlite' ? own() : variant.pg.serverPids()),
    settings,
    async setWebhook(url) {
      const res = await fetch(`http://127.0.0.1:${port}/bench/webhook`, { method: 'PUT', body: JSON.stringify({ url }), signal: AbortSignal.timeout(30_000) });
      if (res.status !== 204) throw new Error(`jackson's webhook switch answered ${res.status}: ${await res.text()}`);
    },
    exited: () => {
      if (stopped) return null;
      try {
        process.kill(pid, 0);
        return null;
      } catch {
        return 'not running';
      }
    },
    async stop() {
      stopped = true;
      await stop();
      unregister();
      if (variant.db === 'sqlite') for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
    },
  };
}
