// The SCIM hot path's PostgreSQL client: postgres.js, which pipelines — queries issued in the same tick go out in
// one socket write, and a busy connection takes the next query before the last answer is back — where node-postgres
// sends one query per connection and round trip. Values go to the server as node-postgres would send them (text,
// the server's own parsing), and come back as node-postgres would give them, so rows look the same on both.
import fs from 'node:fs';
import postgres from 'postgres';

export type PgJs = postgres.Sql;

/** A value as node-postgres sends it: booleans as true/false, Dates in ISO form, objects as JSON, the rest as text. */
export function pgText(x: unknown): string {
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  if (x instanceof Date) return x.toISOString();
  if (Buffer.isBuffer(x)) return `\\x${x.toString('hex')}`;
  if (typeof x === 'object' && x !== null) return JSON.stringify(x);
  return String(x);
}

const asUtc = (s: string) => new Date(`${s.replace(' ', 'T')}Z`);

// Every built-in postgres.js type gets node-postgres's serialisation (postgres.js would JSON-encode a string bound to
// a json parameter, and turn any non-`true` value bound to a boolean into false); `timestamp without time zone`
// holds UTC (Prisma writes UTC).
const TYPES = {
  string: { to: 25, from: [25], serialize: pgText, parse: (s: string) => s },
  number: { to: 0, from: [21, 23, 26, 700, 701], serialize: pgText, parse: (s: string) => +s },
  json: { to: 114, from: [114, 3802], serialize: pgText, parse: (s: string) => JSON.parse(s) as unknown },
  boolean: { to: 16, from: [16], serialize: pgText, parse: (s: string) => s === 't' },
  date: { to: 1184, from: [1082, 1184], serialize: pgText, parse: (s: string) => new Date(s) },
  timestamp: { to: 1114, from: [1114], serialize: pgText, parse: asUtc },
  bytea: { to: 17, from: [17], serialize: pgText, parse: (s: string) => Buffer.from(s.slice(2), 'hex') },
};

/**
 * URL parameters postgres.js reads itself; it would send any other (Prisma's `schema`, `connection_limit`…) to the
 * server as a startup setting, and the server refuses the connection.
 */
const URL_PARAMS = new Set(['sslmode', 'application_name', 'options', 'target_session_attrs']);

export interface PgJsTarget {
  url: string;
  options: { host?: string; port?: number; path?: string; ssl?: 'verify-full' | { ca: string } };
}

/**
 * Where postgres.js connects, from a URL as libpq (and node-postgres) read it: `host` and `port` parameters override
 * the URL's, and a `host` that is a directory names a Unix socket (`?host=/var/run/postgresql`, Cloud SQL's
 * `?host=/cloudsql/…`); `sslrootcert` is a CA file, or `system` for the system's CAs. postgres.js reads none of these
 * from the URL, so they become options.
 */
export function pgJsTarget(url: string, readFile: (path: string) => string = (f) => fs.readFileSync(f, 'utf8')): PgJsTarget {
  // libpq takes `postgresql://user@/db?host=/dir` (no host before the path); WHATWG URLs refuse a user without a host.
  const u = new URL(url.replace(/^([a-z]+:\/\/[^/?#]*@)(?=[/?#])/i, '$1localhost'));
  const q = u.searchParams;
  const host = q.get('host') || undefined;
  const port = Number(q.get('port') || u.port || 5432);
  const rootCert = q.get('sslrootcert');
  for (const k of [...q.keys()]) if (!URL_PARAMS.has(k)) q.delete(k);
  const options: PgJsTarget['options'] = host?.startsWith('/') ? { path: `${host}/.s.PGSQL.${port}` } : { ...(host ? { host } : {}), port };
  // As in libpq, sslmode=disable means no TLS, whatever the root certificate.
  if (rootCert && q.get('sslmode') !== 'disable') options.ssl = rootCert === 'system' ? 'verify-full' : { ca: readFile(rootCert) };
  return { url: u.toString(), options };
}

/** `settings`: server settings for the connection's session, sent when it starts (e.g. planner settings). */
export function openPgJs(url: string, max: number, settings: Record<string, string> = {}): PgJs {
  const target = pgJsTarget(url);
  return postgres(target.url, {
    ...target.options,
    max,
    connection: settings,
    prepare: true,
    // fetch_types stays on: array columns then parse as node-postgres parses them (and with it off, postgres.js
    // 3.4.9 never hands out a reserved connection opened for the reservation).
    idle_timeout: 60,
    onnotice: () => {},
    types: TYPES as unknown as Record<string, postgres.PostgresType>,
  });
}

const pgTexts = new Map<string, string>();

/** A statement as PostgreSQL takes it — `?` placeholders numbered `$1, $2, …` — computed once per statement text. */
export function pgPlaceholders(sql: string): string {
  let text = pgTexts.get(sql);
  if (text === undefined) {
    let i = 0;
    text = sql.replace(/\?/g, () => `$${++i}`);
    pgTexts.set(sql, text);
  }
  return text;
}

/** Parameters as node-postgres takes them (`undefined` is NULL). */
export const pgJsParams = (values: unknown[]): postgres.ParameterOrJSON<never>[] =>
  values.map((v) => (v === undefined ? null : v)) as postgres.ParameterOrJSON<never>[];
