// Samples the resident memory (RSS) of each server under test every 250 ms while the workloads run: its process
// and every descendant. The peak is kept per server and directory size.
import { childrenByParent, processTree, rssBytes } from './proc';
import type { ServerId } from './servers';

const INTERVAL_MS = 250;
const MB = 1024 * 1024;

interface RssTarget {
  id: ServerId;
  pid: number;
}

export interface RssPeak extends ServerId {
  /** The directory size the workloads ran at. */
  users: number;
  pid: number;
  /** RSS at the first sample, before the load. */
  firstMb: number;
  peakMb: number;
  samples: number;
}

export class RssSampler {
  private readonly peaks: RssPeak[];
  private timer: NodeJS.Timeout | null = null;

  constructor(targets: RssTarget[], users: number) {
    this.peaks = targets.map((t) => ({ ...t.id, users, pid: t.pid, firstMb: 0, peakMb: 0, samples: 0 }));
  }

  start(): void {
    if (process.platform !== 'linux') return;
    this.sample();
    this.timer = setInterval(() => this.sample(), INTERVAL_MS);
  }

  /** Stops sampling; the peak of each server since start(). */
  stop(): RssPeak[] {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.peaks;
  }

  private sample(): void {
    const children = childrenByParent();
    for (const p of this.peaks) {
      const mb = processTree(p.pid, children).reduce((a, pid) => a + rssBytes(pid), 0) / MB;
      if (mb === 0) continue;
      if (p.samples === 0) p.firstMb = mb;
      p.peakMb = Math.max(p.peakMb, mb);
      p.samples++;
    }
  }
}
