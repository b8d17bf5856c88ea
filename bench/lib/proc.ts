// What Linux says about a server's processes (/proc): the tree under a pid, CPU time and resident memory. Elsewhere
// every figure is empty.
import fs from 'node:fs';

/** /proc/<pid>/stat counts in USER_HZ, which Linux fixes at 100 a second whatever the kernel's own tick. */
const MS_PER_TICK = 10;

function stat(pid: number): string[] | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields are read after the last ')'.
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // exited meanwhile
  }
}

/** Children of every process, by parent pid. */
export function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  if (process.platform !== 'linux') return children;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = stat(Number(name));
    if (!fields) continue;
    const ppid = Number(fields[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  return children;
}

/** The pid and all its descendants. */
export function processTree(root: number, children = childrenByParent()): number[] {
  const out: number[] = [];
  for (const stack = [root]; stack.length > 0;) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** User and system CPU of the process, its threads and its reaped children, in milliseconds; null once gone. */
function cpuMs(pid: number): number | null {
  const f = stat(pid);
  if (!f) return null;
  // After the comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * MS_PER_TICK;
}

export function rssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU readings of a set of processes, to be subtracted: a process that started in between counts from zero. */
export type CpuReading = Map<number, number>;

export function readCpu(pids: number[]): CpuReading {
  const m: CpuReading = new Map();
  for (const pid of pids) {
    const ms = cpuMs(pid);
    if (ms !== null) m.set(pid, ms);
  }
  return m;
}

/** CPU used between two readings; a process that exited in between is lost (the servers keep theirs running). */
export function cpuBetween(before: CpuReading, after: CpuReading): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
