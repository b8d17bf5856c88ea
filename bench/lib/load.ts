// One measured workload: autocannon against one origin, with a request built per send, and latencies taken
// from every response at full resolution (autocannon's own histogram rounds to whole milliseconds).
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface LoadRequest {
  path: string;
  body?: string;
}

export interface LoadSpec {
  /** scheme://host:port */
  origin: string;
  method: string;
  headers: Record<string, string>;
  /** The i-th request of the run (i counts across all connections). */
  request: (i: number) => LoadRequest;
  seconds: number;
  connections: number;
  /** Stop early after this many requests (workloads that consume a finite pool of users). */
  maxRequests?: number;
}

export interface Measurement {
  responses: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** From the start to the last response. */
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  /** How many request numbers were handed out (>= responses: some are built but never sent). */
  built: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** One run of autocannon, before summing up; several of these can make one Measurement. */
export interface Sample {
  responses: number;
  ok: number;
  errors: number;
  seconds: number;
  okLatencies: number[];
  allLatencies: number[];
  statusCodes: Record<string, number>;
  built: number;
}

export async function sample(spec: LoadSpec): Promise<Sample> {
  let built = 0;
  const okLatencies: number[] = [];
  const allLatencies: number[] = [];
  let ok = 0;
  let responses = 0;
  let lastResponse = 0;
  const started = performance.now();
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 30,
    method: spec.method,
    headers: spec.headers,
    ...(spec.maxRequests !== undefined ? { maxOverallRequests: Math.max(spec.connections, spec.maxRequests) } : {}),
    requests: [
      {
        setupRequest: (req) => {
          const next = spec.request(built++);
          return { ...req, method: spec.method, path: next.path, ...(next.body !== undefined ? { body: next.body } : {}) };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    responses++;
    lastResponse = performance.now();
    allLatencies.push(responseTime);
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
    allLatencies,
    statusCodes,
    built,
  };
}

export function summarize(samples: Sample[]): Measurement {
  const sum = (f: (s: Sample) => number) => samples.reduce((a, s) => a + f(s), 0);
  const responses = sum((s) => s.responses);
  const ok = sum((s) => s.ok);
  const seconds = sum((s) => s.seconds);
  const latencies = ok > 0 ? samples.flatMap((s) => s.okLatencies) : samples.flatMap((s) => s.allLatencies);
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const s of samples) for (const [code, n] of Object.entries(s.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    responses,
    ok,
    non2xx: responses - ok,
    errors: sum((s) => s.errors),
    seconds,
    rps: seconds > 0 ? responses / seconds : 0,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    statusCodes,
    built: sum((s) => s.built),
  };
}

export async function measure(spec: LoadSpec): Promise<Measurement> {
  return summarize([await sample(spec)]);
}
