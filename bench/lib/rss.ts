// Samples the resident memory (RSS) of each server under test every 250 ms while the workloads run: its process
// and every descendant, found by walking the parent pids in /proc/*/stat. Linux only; elsewhere nothing is sampled.
import fs from 'node:fs';
import type { ServerId } from './phase';

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

/** Children of every process, by parent pid. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  return children;
}

function rssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

function treeRssBytes(root: number, children: Map<number, number[]>): number {
  let total = 0;
  for (const stack = [root]; stack.length > 0; ) {
    const pid = stack.pop() as number;
    total += rssBytes(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
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
      const mb = treeRssBytes(p.pid, children) / MB;
      if (mb === 0) continue;
      if (p.samples === 0) p.firstMb = mb;
      p.peakMb = Math.max(p.peakMb, mb);
      p.samples++;
    }
  }
}
