// Typed environment, parsed once on first use (tests set process.env before that).
export interface Env {
  databaseUrl: string;
  port: number;
  publicUrl: string;
  portalAllowedOrigins: string[];
  webhookAllowPrivateTargets: boolean;
  authSecret: string | undefined;
  /** SQLite's `synchronous` setting for every connection: NORMAL (default) or FULL. */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** PostgreSQL connections per process: reads (every one a lookup or a bounded page) and write transactions. */
  pgReadPoolSize: number;
  pgWritePoolSize: number;
  scim: ScimLimits;
}

/**
 * What one SCIM request may ask of the server, and what a directory may hold: each bound is a setting, named in
 * the error that enforces it. Defaults are generous for real IdPs (Entra and Okta send a few dozen attributes and
 * values per user) while keeping a request's work small.
 */
export interface ScimLimits {
  /** Attributes (keys) in one JSON object of a body: the resource, a complex value, an extension, an operation. */
  maxAttributes: number;
  /** Values of one multi-valued attribute (members excepted), and elements of any other array in a body. */
  maxValues: number;
  /** Group members one request names (POST/PUT members, or all of a PATCH's member operations together). */
  maxMembersPerRequest: number;
  /** Operations of one PATCH. */
  maxOperations: number;
  /** Nesting depth of a body's JSON. */
  maxDepth: number;
  /** Characters of one string (a value or a key) in a body. */
  maxStringLength: number;
  /** Comparisons (leaves) in one filter or PATCH path. */
  maxFilterLeaves: number;
  /** Bytes of a resource as stored (its normalised JSON, members excepted). */
  maxResourceBytes: number;
  maxUsersPerDirectory: number;
  maxGroupsPerDirectory: number;
  maxMembersPerGroup: number;
}

/** A positive integer setting, else its default (a typo must not switch a limit off). */
function limit(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

function scimLimits(): ScimLimits {
  return {
    maxAttributes: limit('SCIM_MAX_ATTRIBUTES', 500),
    maxValues: limit('SCIM_MAX_VALUES', 100),
    maxMembersPerRequest: limit('SCIM_MAX_MEMBERS_PER_REQUEST', 10_000),
    maxOperations: limit('SCIM_MAX_OPERATIONS', 200),
    maxDepth: limit('SCIM_MAX_DEPTH', 16),
    maxStringLength: limit('SCIM_MAX_STRING_LENGTH', 16_384),
    maxFilterLeaves: limit('SCIM_MAX_FILTER_LEAVES', 100),
    maxResourceBytes: limit('SCIM_MAX_RESOURCE_BYTES', 65_536),
    maxUsersPerDirectory: limit('SCIM_MAX_USERS_PER_DIRECTORY', 1_000_000),
    maxGroupsPerDirectory: limit('SCIM_MAX_GROUPS_PER_DIRECTORY', 100_000),
    maxMembersPerGroup: limit('SCIM_MAX_MEMBERS_PER_GROUP', 1_000_000),
  };
}

const count = (value: string | undefined, fallback: number) => (Number(value) > 0 ? Math.floor(Number(value)) : fallback);

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const port = Number(process.env.PORT ?? 3000) || 3000;
  cached = {
    databaseUrl: process.env.DATABASE_URL || 'file:./data/portal.db',
    port,
    publicUrl: (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    portalAllowedOrigins: (process.env.PORTAL_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    webhookAllowPrivateTargets: process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
    authSecret: process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET,
    sqliteSynchronous: process.env.SQLITE_SYNCHRONOUS?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL',
    // The earlier names still count, so a deployment's settings keep their meaning.
    pgReadPoolSize: count(process.env.PG_READ_POOL_SIZE ?? process.env.FAST_READ_POOL_SIZE, 1),
    pgWritePoolSize: count(process.env.PG_WRITE_POOL_SIZE ?? process.env.SQL_WRITE_POOL_SIZE, 5),
    scim: scimLimits(),
  };
  return cached;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
