// The bench's own PostgreSQL server, run as production runs it: every commit flushed to disk (fsync,
// synchronous_commit and full_page_writes on), sized for the machine. The portal and the peer each get a database
// of their own on it. (The tests' scripts/pg-temp.sh trades durability for speed; no figure here comes from it.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../tests/setup/app-server';
import { onCleanup } from './cleanup';
import { runScript } from './processes';
import { childrenByParent } from './proc';

/** Every setting the bench gives; everything else is PostgreSQL's default (the report lists what is not). */
const PG_SETTINGS: Record<string, string> = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  // Sized as a production server would be: the stock 128 MB of shared buffers is a minimum, not a setting.
  shared_buffers: '1GB',
  effective_cache_size: '4GB',
  // Room for a bulk import between checkpoints, as production servers are given.
  max_wal_size: '4GB',
  max_connections: '200',
};

/** Shown in the report whatever their source: the ones a reader asks about first. */
const ALWAYS_SHOWN = ['fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'wal_sync_method', 'checkpoint_timeout', 'work_mem'];
/** Set by initdb or the command line but saying nothing about speed or durability. */
const NOT_SHOWN =
  /^(lc_|datestyle|timezone|log_timezone|default_text_search_config|port|listen_addresses|unix_socket_directories|logging_collector|config_file|data_directory|hba_file|ident_file|dynamic_shared_memory_type|application_name|client_encoding|transaction_)/i;

export interface BenchPostgres {
  /** postgresql://postgres@127.0.0.1:port/<db> */
  url(database: string): string;
  /** An empty database of that name, dropped first if a previous run left it. */
  createDatabase(name: string): Promise<string>;
  /** The databases createDatabase made. */
  databases(): string[];
  /** Pids of the client backends connected to the database. */
  backends(database: string): Promise<number[]>;
  /** Pids of every server process (backends, WAL writer, checkpointer…). */
  serverPids(): number[];
  /** `VACUUM (ANALYZE)` of a whole database, as an operator (or autovacuum, a little later) does after a bulk load. */
  vacuumAnalyze(database: string): Promise<void>;
  /** The version and the settings in force, one line each. */
  describe(): Promise<string[]>;
  dataDir: string;
  stop(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL server binaries not found (apt-get install -y postgresql)');
  return path.join(root, versions[versions.length - 1], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: there it runs as the `postgres` user. */
function asPostgres(cmd: string, args: string[], timeoutMs: number): string {
  return isRoot() ? runScript('runuser', ['-u', 'postgres', '--', cmd, ...args], { cwd: '/', timeoutMs }) : runScript(cmd, args, { cwd: '/', timeoutMs });
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scim-portal-bench-pg-'));
  const data = path.join(dir, 'data');
  if (isRoot()) runScript('chown', ['postgres', dir], { cwd: '/', timeoutMs: 10_000 });
  const stopServer = async () => {
    if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
      try {
        asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop'], 60_000);
      } catch {
        /* already stopped */
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const unregister = onCleanup('postgres', stopServer);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${dir}`, '-h 127.0.0.1', ...Object.entries(PG_SETTINGS).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  let admin: pg.Client | null = null;
  try {
    asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'], 120_000);
    asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', options, 'start'], 120_000);
    const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    admin = client;
    const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const created = new Set<string>();
    return {
      url,
      dataDir: data,
      async createDatabase(name) {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.query(`CREATE DATABASE "${name}"`);
        created.add(name);
        return url(name);
      },
      databases: () => [...created],
      async backends(database) {
        const r = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`, [database]);
        return r.rows.map((row) => row.pid);
      },
      serverPids: () => [postmaster, ...(childrenByParent().get(postmaster) ?? [])],
      async vacuumAnalyze(database) {
        const c = new pg.Client({ connectionString: url(database) });
        await c.connect();
        try {
          await c.query('VACUUM (ANALYZE)');
        } finally {
          await c.end();
        }
      },
      async describe() {
        const version = (await client.query<{ v: string }>('SELECT version() AS v')).rows[0].v.split(' on ')[0];
        const rows = await client.query<{ name: string; setting: string }>(
          `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE source NOT IN ('default', 'override') OR name = ANY($1) ORDER BY name`,
          [ALWAYS_SHOWN],
        );
        const shown = rows.rows.filter((r) => !NOT_SHOWN.test(r.name)).map((r) => `${r.name}=${r.setting}`);
        return [`${version}, the bench's own server (data in ${data}, not the tests' scripts/pg-temp.sh)`, shown.join(', ')];
      },
      async stop() {
        await client.end().catch(() => {});
        unregister();
        await stopServer();
      },
    };
  } catch (e) {
    await admin?.end().catch(() => {});
    unregister();
    await stopServer();
    throw e;
  }
}
