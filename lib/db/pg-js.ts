// The SCIM hot path's PostgreSQL client: postgres.js, which pipelines — queries issued in the same tick go out in
// one socket write, and a busy connection takes the next query before the last answer is back — where node-postgres
// sends one query per connection and round trip. Values go to the server as node-postgres would send them (text,
// the server's own parsing), and come back as node-postgres would give them, so rows look the same on both.
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

/** libpq parameters postgres.js understands; anything else in the URL (Prisma's `schema`, `connection_limit`…) would go to the server as a startup parameter and be refused. */
const URL_PARAMS = new Set(['sslmode', 'sslrootcert', 'host', 'port', 'application_name', 'options', 'target_session_attrs']);

export function pgJsUrl(url: string): string {
  const u = new URL(url);
  for (const k of [...u.searchParams.keys()]) if (!URL_PARAMS.has(k)) u.searchParams.delete(k);
  return u.toString();
}

export function openPgJs(url: string, max: number): PgJs {
  return postgres(pgJsUrl(url), {
    max,
    prepare: true,
    // fetch_types stays on: array columns then parse as node-postgres parses them (and with it off, postgres.js
    // 3.4.9 never hands out a reserved connection opened for the reservation).
    idle_timeout: 60,
    onnotice: () => {},
    types: TYPES as unknown as Record<string, postgres.PostgresType>,
  });
}

/** Parameters as node-postgres takes them (`undefined` is NULL). */
export const pgJsParams = (values: unknown[]): postgres.ParameterOrJSON<never>[] =>
  values.map((v) => (v === undefined ? null : v)) as postgres.ParameterOrJSON<never>[];
