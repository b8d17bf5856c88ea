// Raw HTTP uploads for the edge tests: a body of any size, declared (Content-Length) or chunked, written until the
// server answers; what fetch cannot do (it would send the whole body first, or refuse a lying Content-Length).
import http from 'node:http';
import fs from 'node:fs';

export interface Upload {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from the first byte sent to the whole answer read. */
  ms: number;
  /** Body bytes written before the answer came. */
  sent: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

export function upload(
  baseUrl: string,
  path: string,
  opts: { bytes: number; chunked: boolean; method?: string; headers?: Record<string, string> },
): Promise<Upload> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...opts.headers };
    if (opts.chunked) headers['Transfer-Encoding'] = 'chunked';
    else headers['Content-Length'] = String(opts.bytes);
    const req = http.request(`${baseUrl}${path}`, { method: opts.method ?? 'POST', headers, agent: false });
    let answered = false;
    let sent = 0;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started, sent });
      });
    });
    // Once answered, a reset of the rest of the upload is expected; before that it is the test's failure.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const write = () => {
      while (!answered && sent < opts.bytes) {
        const n = Math.min(CHUNK.length, opts.bytes - sent);
        sent += n;
        if (!req.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

/** The process's resident set size in bytes (Linux), from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}
