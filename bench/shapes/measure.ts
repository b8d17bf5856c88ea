// One measured run: n requests of a shape, 10 connections; the app's CPU time (every thread) per request.
import fs from 'node:fs';
import autocannon from 'autocannon';
import type { ShapeApp } from './app';
import type { Shape } from './list';

/** Nanoseconds of CPU time the process's threads have used (first field of each task's schedstat). */
function cpuNs(pid: number): number {
  let total = 0;
  for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      /* a thread that ended meanwhile */
    }
  }
  return total;
}

/** The PostgreSQL backends serving one database (their command lines read `postgres: <user> <db> …`). */
function backendsCpuNs(dbName: string | null): number {
  if (!dbName) return 0;
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${dbName} `)) total += cpuNs(Number(pid));
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

export interface Result {
  rps: number;
  cpuUsPerRequest: number;
  /** PostgreSQL's CPU time (the app's backends) per request; 0 on SQLite. */
  dbUsPerRequest: number;
  non2xx: number;
}

export async function measure(app: ShapeApp, shape: Shape, n: number): Promise<Result> {
  await shape.prepare?.(app, n);
  // Let the request log of the previous run be written (a quarter of a second behind) before counting.
  await new Promise((r) => setTimeout(r, 400));
  let i = 0;
  let last = 0;
  const headers = { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/scim+json' };
  const before = cpuNs(app.pid);
  const dbBefore = backendsCpuNs(app.dbName);
  const started = performance.now();
  const result = await autocannon({
    url: app.origin,
    connections: 10,
    amount: n,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const r = shape.request(app, i++);
          return { ...req, method: r.method, path: app.base + r.path, headers, ...(r.body ? { body: r.body } : {}) };
        },
        // autocannon's own duration ends on its one-second tick: the last answer's time is the run's end.
        onResponse: () => {
          last = performance.now();
        },
      },
    ],
  } as unknown as autocannon.Options);
  const seconds = (last - started) / 1000;
  await new Promise((r) => setTimeout(r, 300));
  const cpu = cpuNs(app.pid) - before;
  const db = backendsCpuNs(app.dbName) - dbBefore;
  const responses = result.requests.total;
  return { rps: responses / seconds, cpuUsPerRequest: cpu / 1000 / responses, dbUsPerRequest: db / 1000 / responses, non2xx: result.non2xx + result.errors };
}
