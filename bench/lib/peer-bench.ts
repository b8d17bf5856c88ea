// The same SCIM workloads against another SCIM server (--target, or the Jackson peer with --peer), seeded through
// its own API, for a side-by-side comparison.
import type { BenchOptions } from './args';
import { startPeer, type RunningPeer } from './peer';
import { runPhase, type Row } from './phase';
import { seedThroughScim } from './scim-seeder';
import { scimWorkloads } from './workloads';

export async function benchPeer(opts: BenchOptions, runTag: string, log: (line: string) => void): Promise<{ rows: Row[]; name: string }> {
  let peer: RunningPeer | null = null;
  try {
    let endpoint: string;
    let token: string;
    let name: string;
    if (opts.peer) {
      log(`[peer] starting Jackson on port ${opts.peerPort} (installs it into /tmp/scim-peer on first use)…`);
      peer = await startPeer(opts.peerPort);
      ({ endpoint, token } = peer);
      name = 'jackson';
    } else if (opts.target) {
      ({ endpoint, token } = opts.target);
      name = new URL(endpoint).host;
    } else {
      return { rows: [], name: '' };
    }
    log(`[peer] ${name}: ${endpoint}; seeding ${opts.peerUsers} users through its SCIM API…`);
    const started = Date.now();
    const target = await seedThroughScim({ endpoint, token, directoryId: null }, opts.peerUsers, runTag, log);
    log(`[peer] seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const workloads = scimWorkloads(target, { connections: opts.connections, runTag: `${runTag}-peer` });
    const rows = await runPhase(workloads, { server: 'peer', db: name, users: opts.peerUsers }, { seconds: opts.duration, connections: opts.connections, log });
    return { rows, name };
  } finally {
    await peer?.stop();
  }
}
