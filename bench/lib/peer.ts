// The Jackson peer (../shared/peers/start-jackson.sh): started in the background by its script, stopped by pid.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from '../../tests/setup/app-server';
import { onCleanup } from './cleanup';
import { runScript, stopPid } from './processes';

export interface RunningPeer {
  endpoint: string;
  token: string;
  /** The server's process (node jackson-scim-server.mjs, started by the script with nohup). */
  pid: number;
  stop(): Promise<void>;
}

const SCRIPT = path.resolve(ROOT, '../shared/peers/start-jackson.sh');
const PEER_DIR = process.env.PEER_DIR ?? '/tmp/scim-peer';

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

export async function startPeer(port: number): Promise<RunningPeer> {
  if (await portInUse(port)) throw new Error(`port ${port} is taken; pick another with --peer-port`);
  // First use installs @boxyhq/saml-jackson into PEER_DIR, hence the long timeout.
  const out = runScript('bash', [SCRIPT], { cwd: ROOT, env: { ...process.env, PORT: String(port), PEER_DIR }, timeoutMs: 10 * 60_000 });
  const pid = Number(fs.readFileSync(path.join(PEER_DIR, 'server.pid'), 'utf8').trim());
  const stop = () => stopPid(pid);
  const unregister = onCleanup('peer', stop);
  const ready = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { okta?: { endpoint?: string; token?: string } };
  if (!ready.okta?.endpoint || !ready.okta.token) {
    await stop();
    unregister();
    throw new Error(`peer printed no okta endpoint: ${out}`);
  }
  return {
    endpoint: ready.okta.endpoint,
    token: ready.okta.token,
    pid,
    stop: async () => {
      await stop();
      unregister();
    },
  };
}
