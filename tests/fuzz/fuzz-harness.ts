// The fuzzing harness: sends one generated request through a trust boundary (serveScim, withApiKey), then checks
// the invariants every request must keep: no 5xx, nothing thrown, a well-formed error body for every 4xx, and a
// database untouched by every rejected request (and by every read), as counted by triggers on every table.
import { database, lookup, write } from '../../lib/db/database';
import { run } from '../../lib/db/sql-program';
import { ERROR_URN } from '../../lib/scim/errors';
import { serveScim } from '../../lib/scim/serve-scim';
import type { ScimResponse } from '../../lib/scim/types';

/** Requests sent by every property in this process (the final test checks the total). */
export const sent = { scim: 0, api: 0 };

/** FUZZ_SEED fixes every property's seed; otherwise each run draws one (fast-check prints it on failure). */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
/** FUZZ_SCALE multiplies every property's numRuns (default 1). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
export const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)), seed: SEED });

/**
 * Every table a request could change, and the columns whose update counts as a change. The request log's own
 * writes (ScimRequestLog, token lastUsedAt, directory lastRequestAt) and rate-limit counters are left out: every
 * request makes them, by design.
 */
const WATCHED: Record<string, string[] | null> = {
  Host: null,
  ApiKey: ['hostId', 'hash', 'revokedAt'],
  Organization: null,
  Directory: ['organizationId', 'provider', 'status', 'defaultRoleId'],
  DirectoryToken: ['directoryId', 'hash', 'expiresAt', 'revokedAt'],
  DirectoryUser: null,
  UserEmail: null,
  DirectoryGroup: null,
  GroupMembership: null,
  Role: null,
  RoleMapping: null,
  UserRole: null,
  Event: null,
  WebhookEndpoint: null,
  WebhookDelivery: null,
  WebhookAttempt: null,
  PortalLink: null,
  Operator: null,
  AuditLog: null,
};

/**
 * Installs row triggers that count committed inserts, updates and deletes per table in "FuzzChanges" (test
 * database only). A rolled-back write rolls its counts back too, so the fingerprint changes exactly when a request
 * committed a change, at the cost of one tiny read per request.
 */
export async function installChangeCounters(): Promise<void> {
  const pg = database().dialect.name === 'postgres';
  const exec = (sql: string) => write(() => run(sql));
  await exec('CREATE TABLE "FuzzChanges" ("tbl" TEXT PRIMARY KEY, "n" BIGINT NOT NULL DEFAULT 0)');
  if (pg) {
    await exec(
      'CREATE FUNCTION fuzz_count() RETURNS trigger AS $$ BEGIN UPDATE "FuzzChanges" SET "n" = "n" + 1 WHERE "tbl" = TG_TABLE_NAME; RETURN NULL; END $$ LANGUAGE plpgsql',
    );
  }
  for (const [table, columns] of Object.entries(WATCHED)) {
    await exec(`INSERT INTO "FuzzChanges" ("tbl", "n") VALUES ('${table}', 0)`);
    for (const op of ['INSERT', 'DELETE', 'UPDATE']) {
      const event = op === 'UPDATE' && columns ? `UPDATE OF ${columns.map((c) => `"${c}"`).join(', ')}` : op;
      const name = `fuzz_${table}_${op}`.toLowerCase();
      await exec(
        pg
          ? `CREATE TRIGGER ${name} AFTER ${event} ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_count()`
          : `CREATE TRIGGER ${name} AFTER ${event} ON "${table}" FOR EACH ROW BEGIN UPDATE "FuzzChanges" SET "n" = "n" + 1 WHERE "tbl" = '${table}'; END`,
      );
    }
  }
}

/** Committed changes per table since the counters were installed, e.g. "DirectoryUser=12 Event=30". */
async function fingerprint(): Promise<string> {
  const rows = await lookup('SELECT "tbl", "n" FROM "FuzzChanges" WHERE "n" > 0 ORDER BY "tbl"', []);
  return rows.map((r) => `${String(r.tbl)}=${String(r.n)}`).join(' ');
}

export const timing = { fingerprintMs: 0, fingerprints: 0 };
// The fingerprint after the last watched request: the next request's "before", so each costs one read.
let last: string | null = null;

/** Call after changing the database outside sendScim / sendApi. */
export function invalidateFingerprint(): void {
  last = null;
}

async function current(): Promise<string> {
  const t0 = performance.now();
  last = await fingerprint();
  timing.fingerprintMs += performance.now() - t0;
  timing.fingerprints++;
  return last;
}

/** Where SCIM requests go unless they name another directory. */
export class DbWatch {
  constructor(readonly directoryId: string) {}

  async before(): Promise<string> {
    return last ?? current();
  }

  after(): Promise<string> {
    return current();
  }
}

class FuzzFailure extends Error {}

/**
 * FUZZ_COLLECT=1: record failures and keep going (to list every distinct bug in one run) instead of stopping at
 * the first one and shrinking it. The final test fails when anything was recorded.
 */
export const COLLECT = process.env.FUZZ_COLLECT === '1';
export const failures: string[] = [];

/** Runs one property step; in collect mode a failure is recorded instead of thrown. */
export async function step(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!COLLECT) throw e;
    failures.push(String((e as Error)?.message ?? e).slice(0, 4000));
  }
}

function fail(what: string, request: unknown, status: number, body: unknown): never {
  const show = (v: unknown) => {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 2000 ? `${s.slice(0, 2000)}…(${s.length} chars)` : s;
  };
  throw new FuzzFailure(`${what}\n  request: ${show(request)}\n  status: ${status}\n  body: ${show(body)}`);
}

export interface FuzzScimRequest {
  method: string;
  /** Path segments after /scim/v2/{directoryId}, already decoded. */
  path: string[];
  query?: string;
  body?: string | null;
  headers?: Record<string, string>;
  /** Overrides the byte length handed to serveScim (null: too large to read). */
  bodyBytes?: number | null;
  /** Sends to this directory instead of the watched one (token checks). */
  directoryId?: string;
}

/** The resolved request as it would appear on the wire, for failure messages. */
function describeScim(r: FuzzScimRequest): Record<string, unknown> {
  const body = r.body ?? null;
  return {
    method: r.method,
    path: `/${r.path.map(encodeURIComponent).join('/')}`,
    query: r.query ?? '',
    headers: r.headers,
    body: body !== null && body.length > 300 ? `${body.slice(0, 300)}…(${body.length} chars)` : body,
  };
}

const isReadOnlyScim = (r: FuzzScimRequest) => {
  const m = r.method.toUpperCase();
  return m === 'GET' || (m === 'POST' && r.path.some((s) => s.toLowerCase() === '.search'));
};

export interface ScimOutcome {
  res: ScimResponse;
  body: Record<string, unknown>;
}

/** Sends a request through serveScim with the watched directory's token (unless the request sets its own). */
export async function sendScim(watch: DbWatch, token: string, r: FuzzScimRequest): Promise<ScimOutcome> {
  const before = await watch.before();
  const body = r.body ?? null;
  let res: ScimResponse;
  try {
    res = await serveScim({
      method: r.method,
      directoryId: r.directoryId ?? watch.directoryId,
      path: r.path,
      query: new URLSearchParams(r.query ?? ''),
      headers: { authorization: `Bearer ${token}`, ...r.headers },
      body,
      bodyBytes: r.bodyBytes !== undefined ? r.bodyBytes : body === null ? 0 : Buffer.byteLength(body),
    });
  } catch (e) {
    fail(`serveScim threw ${(e as Error)?.stack ?? String(e)}`, describeScim(r), -1, null);
  }
  sent.scim++;
  const after = await watch.after();
  const rb = (res.body ?? {}) as Record<string, unknown>;
  const first = (r.path[0] ?? '').toLowerCase();
  // RFC 7644 §3.11/§3.7: /Me and /Bulk are answered 501 Not Implemented by design.
  const notImplemented = res.status === 501 && (first === 'me' || first === 'bulk');
  if (res.status >= 500 && !notImplemented) fail(`5xx from the SCIM server`, describeScim(r), res.status, rb);
  if (res.status < 200) fail('status below 200', describeScim(r), res.status, rb);
  try {
    JSON.stringify(res.body);
  } catch (e) {
    fail(`response body does not serialise: ${(e as Error).message}`, describeScim(r), res.status, '(unserialisable)');
  }
  if (res.status >= 400) {
    const schemas = rb.schemas;
    if (!Array.isArray(schemas) || !schemas.includes(ERROR_URN) || rb.status !== String(res.status) || typeof rb.detail !== 'string') {
      fail('a 4xx without a SCIM error body (schemas Error URN, status string, detail)', describeScim(r), res.status, rb);
    }
    if (before !== after) fail(`a rejected request changed the database:\n  before ${before}\n  after  ${after}`, describeScim(r), res.status, rb);
  } else if (isReadOnlyScim(r) && before !== after) {
    fail(`a read changed the database:\n  before ${before}\n  after  ${after}`, describeScim(r), res.status, rb);
  }
  return { res, body: rb };
}

export interface FuzzApiRequest {
  method: string;
  /** For messages only: the route with its parameters filled in. */
  path: string;
  params: Record<string, string>;
  query?: string;
  body?: string | null;
  headers?: Record<string, string>;
}

export type ApiRoute = (req: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ApiOutcome {
  status: number;
  text: string;
  json: unknown;
}

/**
 * Sends a request through a route handler: a withApiKey-wrapped host-API handler (errors `{error:{code,message}}`)
 * or the Next.js SCIM route (SCIM errors). `forbidden` strings must never appear in an answer.
 */
export async function sendApi(
  watch: DbWatch,
  key: string,
  route: ApiRoute,
  r: FuzzApiRequest,
  forbidden: string[] = [],
  kind: 'api' | 'scim' = 'api',
): Promise<ApiOutcome> {
  const before = await watch.before();
  const hasBody = r.body !== undefined && r.body !== null && r.method !== 'GET' && r.method !== 'HEAD';
  const url = `http://localhost${kind === 'api' ? '/api/v1' : ''}${r.path}${r.query ? `?${r.query}` : ''}`;
  let res: Response;
  let text: string;
  try {
    const req = new Request(url, {
      method: r.method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...r.headers },
      body: hasBody ? r.body : undefined,
    });
    res = await route(req, { params: Promise.resolve(r.params) });
    text = await res.text();
  } catch (e) {
    fail(`route handler threw ${(e as Error)?.stack ?? String(e)}`, r, -1, null);
  }
  if (kind === 'api') sent.api++;
  else sent.scim++;
  const after = await watch.after();
  let json: unknown = null;
  if (text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      fail(`the ${kind === 'api' ? 'host API' : 'SCIM route'} answered something that is not JSON`, r, res.status, text);
    }
  }
  // RFC 7644 §3.11/§3.7: /Me and /Bulk are answered 501 Not Implemented by design.
  const notImplemented = kind === 'scim' && res.status === 501 && /^(me|bulk)$/i.test(r.params.first ?? '');
  if (res.status >= 500 && !notImplemented) fail(`5xx from the ${kind === 'api' ? 'host API' : 'SCIM route'}`, r, res.status, json);
  if (res.status >= 400 && kind === 'api') {
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof err?.code !== 'string' || typeof err.message !== 'string') {
      fail('a 4xx without {error:{code,message}}', r, res.status, json);
    }
  }
  if (res.status >= 400 && kind === 'scim') {
    const b = json as { schemas?: unknown; status?: unknown; detail?: unknown } | null;
    if (!Array.isArray(b?.schemas) || !b.schemas.includes(ERROR_URN) || b.status !== String(res.status) || typeof b.detail !== 'string') {
      fail('a 4xx without a SCIM error body (schemas Error URN, status string, detail)', r, res.status, json);
    }
  }
  if (res.status >= 400) {
    if (before !== after) fail(`a rejected request changed the database:\n  before ${before}\n  after  ${after}`, r, res.status, json);
  } else if (r.method === 'GET' && before !== after) {
    fail(`a read changed the database:\n  before ${before}\n  after  ${after}`, r, res.status, json);
  }
  for (const f of forbidden) if (text.includes(f)) fail(`the answer leaks another host's data (${f})`, r, res.status, json);
  return { status: res.status, text, json };
}
