// The targets against the peer: each workload on the portal (per database) beside the same workload on the peer
// at the same directory size. Every SCIM workload at least 2x the peer's req/s (the import: the peer's time over
// the portal's), the reads also at least as fast as the peer. The ceilings are listed beside them, without a
// target: they say how fast this machine answers a request that does nothing.
import type { Status } from './checks';
import type { ImportResult } from './import-phase';
import type { Row } from './phase';
import { CEILINGS, SCIM_READS, type WorkloadKey } from './workloads';

const FASTER = 2;
const READS_AT_LEAST = 1;

export interface Side {
  rps: number;
  /** null for the import, which is timed as a whole. */
  p50: number | null;
  /** The import's wall time; null for the other workloads. */
  seconds: number | null;
  /** Non-2xx answers and network errors. */
  failures: number;
}

export interface Comparison {
  /** The portal's database. */
  db: string;
  users: number;
  key: WorkloadKey | 'import';
  label: string;
  portal: Side;
  peer: Side | null;
  /** portal÷peer req/s; for the import, peer÷portal time. */
  ratio: number | null;
  minimum: number | null;
  status: Exclude<Status, 'INFO'> | null;
}

const rowSide = (r: Row): Side => ({ rps: r.m.rps, p50: r.m.p50, seconds: null, failures: r.m.non2xx + r.m.errors });
const importSide = (r: ImportResult): Side => ({ rps: r.rps, p50: null, seconds: r.seconds, failures: r.failures });

function judged(base: Omit<Comparison, 'minimum' | 'status'>, minimum: number): Comparison {
  const ok = base.ratio !== null && base.ratio >= minimum && base.portal.failures === 0;
  return { ...base, minimum, status: ok ? 'PASS' : 'FAIL' };
}

function importLabel(r: ImportResult): string {
  const c = (n: number) => n.toLocaleString('en-US');
  return `import ${c(r.created.users)} users, ${c(r.created.groups)} groups, ${c(r.created.memberships)} memberships`;
}

/** The comparisons for one portal database, size by size; empty when no peer ran. */
export function compareWithPeer(rows: Row[], imports: ImportResult[], db: string, sizes: number[]): Comparison[] {
  if (!rows.some((r) => r.server === 'peer')) return [];
  const out: Comparison[] = [];
  for (const users of sizes) {
    const mine = rows.filter((r) => r.server === 'portal' && r.db === db && r.users === users);
    for (const r of mine) {
      const base = { db, users, key: r.key, label: r.label, portal: rowSide(r) };
      if (CEILINGS.includes(r.key)) {
        out.push({ ...base, peer: null, ratio: null, minimum: null, status: null });
        continue;
      }
      const p = rows.find((x) => x.server === 'peer' && x.key === r.key && x.users === users);
      const withPeer = { ...base, peer: p ? rowSide(p) : null, ratio: p ? r.m.rps / p.m.rps : null };
      out.push(judged(withPeer, FASTER));
      if (SCIM_READS.includes(r.key)) out.push(judged(withPeer, READS_AT_LEAST));
    }
    const portalImport = imports.find((r) => r.server === 'portal' && r.db === db && r.users === users);
    const peerImport = imports.find((r) => r.server === 'peer' && r.users === users);
    if (portalImport) {
      out.push(
        judged(
          {
            db,
            users,
            key: 'import',
            label: importLabel(portalImport),
            portal: importSide(portalImport),
            peer: peerImport ? importSide(peerImport) : null,
            ratio: peerImport ? peerImport.seconds / portalImport.seconds : null,
          },
          FASTER,
        ),
      );
    }
  }
  return out;
}
