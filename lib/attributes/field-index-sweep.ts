// Field indexes left unsettled: at start (instrumentation.ts) and then every minute, so an index whose build a
// stopped process left half done (on PostgreSQL an INVALID index) is rebuilt by whichever process comes next.
import { read, write } from '../db/database';
import { asBool } from '../db/rows';
import { all, rowsOf } from '../db/sql-program';
import { kickFieldIndexes } from './field-index-job';
import { declareFieldIndexes, FIELD_INDEX_TABLE, isFieldIndexName } from './field-indexes';
import { userSchemaOf } from './user-schema';

const SWEEP_MS = 60_000;

/**
 * Every index that needs work: a build under way when its process stopped (left `building`), one no host declares
 * any more, an INVALID one (an interrupted build's), one ready whose index is missing, and an index of
 * field-indexes.ts's naming that nothing declares (those named per host before hosts shared them). A failed build
 * waits for a host to declare it again.
 */
async function fieldIndexesToReconcile(): Promise<string[]> {
  const [rows, indexes] = await read(function* (env) {
    return [
      yield* all(`SELECT f."name", f."status", EXISTS (SELECT 1 FROM "HostFieldIndexUse" x WHERE x."name" = f."name") AS "used" FROM "HostFieldIndex" f`),
      yield* rowsOf(env.dialect.indexesOf(FIELD_INDEX_TABLE)),
    ];
  });
  const valid = new Map(indexes.map((r) => [String(r.name), asBool(r.valid)]));
  const out = new Set<string>();
  for (const r of rows) {
    const name = String(r.name);
    const index = valid.get(name); // undefined: none
    if (!asBool(r.used) || r.status === 'building' || r.status === 'dropping' || index === false || (r.status === 'ready' && index === undefined))
      out.add(name);
    valid.delete(name);
  }
  for (const name of valid.keys()) if (isFieldIndexName(name)) out.add(name);
  return [...out];
}

/** Records the indexes of declarations saved before they were recorded (a database migrated to 0026). */
async function recordDeclarations(): Promise<void> {
  const stored = await read(() => all(`SELECT s."hostId", s."slug", s."fields", s."updatedAt" FROM "HostUserSchema" s`));
  for (const s of stored) {
    if (!String(s.fields).includes('"indexed":true')) continue;
    const schema = userSchemaOf({ slug: String(s.slug), fields: String(s.fields), updatedAt: new Date() });
    await write((env) => declareFieldIndexes(env, String(s.hostId), schema, { retryFailed: false }));
  }
}

/** Settles what is left unsettled; resolves when this round is done. */
export async function sweepFieldIndexes(): Promise<void> {
  await kickFieldIndexes(await fieldIndexesToReconcile());
}

let timer: NodeJS.Timeout | null = null;

/** What a process does at start: records declarations saved before 0026, then settles every index. */
export async function resumeFieldIndexes(): Promise<void> {
  await recordDeclarations();
  await sweepFieldIndexes();
}

/** At start, then a sweep every minute. */
export function startFieldIndexJobs(): void {
  if (timer) return;
  timer = setInterval(() => void sweepFieldIndexes().catch(() => {}), SWEEP_MS);
  timer.unref();
  resumeFieldIndexes().catch(() => {});
}
