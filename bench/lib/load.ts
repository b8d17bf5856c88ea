// One slice of load: autocannon against one origin for a few seconds, a request built per send, latencies taken
// from every response at full resolution (autocannon's own histogram rounds to whole milliseconds).
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

interface LoadRequest {
  path: string;
  body?: string;
}

/** What a workload sends to one server. */
export interface Load {
  /** scheme://host:port */
  origin: string;
  method: string;
  headers: Record<string, string>;
  /** The i-th request (i counts across the slices of a workload; some are built and never sent). */
  request: (i: number) => LoadRequest;
  /** Requests in all, for workloads that consume a finite pool (users to delete, members to remove). */
  maxRequests?: number;
  /** Sees every answer, e.g. to keep the ids of created resources. */
  onAnswer?: (status: number, body: string) => void;
}

export interface Slice {
  responses: number;
  ok: number;
  errors: number;
  seconds: number;
  okLatencies: number[];
  /** The slowest answer, 2xx or not (0 when none came). */
  maxLatency: number;
  statusCodes: Record<string, number>;
  /** Request numbers handed out (>= responses). */
  built: number;
}

/**
 * Sends load.request(first + i) for `seconds`, or until load.maxRequests in all have been handed out; a finite pool
 * is shared out between the slices left (`slicesLeft`), so that every round gets its part.
 */
export async function runSlice(load: Load, first: number, seconds: number, connections: number, slicesLeft = 1): Promise<Slice | null> {
  const remaining = load.maxRequests === undefined ? undefined : Math.ceil((load.maxRequests - first) / slicesLeft);
  if (remaining !== undefined && remaining <= 0) return null;
  // autocannon shares maxOverallRequests out between connections, and a connection given none would run unbounded.
  const conns = remaining === undefined ? connections : Math.min(connections, remaining);
  let built = 0;
  const okLatencies: number[] = [];
  let ok = 0;
  let responses = 0;
  let lastResponse = 0;
  let maxLatency = 0;
  const started = performance.now();
  const instance = autocannon({
    url: load.origin,
    connections: conns,
    duration: seconds,
    // autocannon ends a run only on its sampling tick (1 s by default): a 0.25 s slice would last a whole second.
    sampleInt: 50,
    timeout: 30,
    method: load.method,
    headers: load.headers,
    ...(remaining !== undefined ? { maxOverallRequests: remaining } : {}),
    requests: [
      {
        setupRequest: (req) => {
          const next = load.request(first + built++);
          return { ...req, method: load.method, path: next.path, ...(next.body !== undefined ? { body: next.body } : {}) };
        },
        ...(load.onAnswer ? { onResponse: load.onAnswer } : {}),
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    responses++;
    lastResponse = performance.now();
    maxLatency = Math.max(maxLatency, responseTime);
    if (statusCode >= 200 && statusCode < 300) {
      ok++;
      okLatencies.push(responseTime);
    }
  });
  const result = await instance;
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
  return {
    responses,
    ok,
    errors: result.errors,
    seconds: responses > 0 ? (lastResponse - started) / 1000 : result.duration,
    okLatencies,
    maxLatency,
    statusCodes,
    built,
  };
}
