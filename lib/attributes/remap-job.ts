// Recomputing a directory's mapped values after its mapping changed (issue 18, item 3): one job row per directory
// (a new mapping restarts it), users taken in (createdAt, id) order in paced batches (remap-batch.ts), each one transaction
// that moves the job's cursor, so a restart resumes where the last committed batch ended. A user whose values
// changed gets a `directory.user.updated` event with `previousAttributes.customAttributes`; the others none. A last
// sweep takes the users a concurrent SCIM write stamped with the mapping it read before the change.
import { read } from '../db/database';
import { columns, decode } from '../db/rows';
import { all, one, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { BATCH, remapBatch } from './remap-batch';

/** Starts (or restarts) the directory's job for mapping `version`, inside the transaction that saved it. */
export function* startRemapSql(env: SqlEnv, directoryId: string, version: number): SqlProgram<void> {
  const counted = yield* one(`SELECT COUNT(*) AS "n" FROM "DirectoryUser" WHERE "directoryId" = ?`, [directoryId]);
  const now = env.dialect.now;
  yield* run(
    `INSERT INTO "AttributeRemapJob" ("directoryId", "version", "status", "total", "done", "changed", "cursorAt", "cursorId", "startedAt", "updatedAt", "finishedAt")
     VALUES (?, ?, 'running', ?, 0, 0, NULL, '', ${now}, ${now}, NULL)
     ON CONFLICT ("directoryId") DO UPDATE SET "version" = excluded."version", "status" = 'running', "total" = excluded."total", "done" = 0,
       "changed" = 0, "cursorAt" = NULL, "cursorId" = '', "startedAt" = excluded."startedAt", "updatedAt" = excluded."updatedAt", "finishedAt" = NULL`,
    [directoryId, version, Number(counted?.n ?? 0)],
  );
}

/**
 * Restarts the job of every directory of the host whose users have values (the host's fields changed): each
 * directory's mapping gets a new version (a row with no field mapped where it had none), so its users are stale.
 * Set-based: two statements whatever the number of directories. Returns the directories to kick.
 */
export function* restartHostRemapsSql(env: SqlEnv, hostId: string): SqlProgram<string[]> {
  const now = env.dialect.now;
  const ofHost = `FROM "Directory" d JOIN "Organization" o ON o."id" = d."organizationId" WHERE o."hostId" = ?`;
  yield* run(
    `INSERT INTO "AttributeMapping" ("directoryId", "fields", "version", "updatedAt") SELECT d."id", '{}', 1, ${now} ${ofHost}
     ON CONFLICT ("directoryId") DO UPDATE SET "version" = "AttributeMapping"."version" + 1, "updatedAt" = excluded."updatedAt"`,
    [hostId],
  );
  const rows = yield* all(
    `INSERT INTO "AttributeRemapJob" ("directoryId", "version", "status", "total", "done", "changed", "cursorAt", "cursorId", "startedAt", "updatedAt", "finishedAt")
     SELECT m."directoryId", m."version", 'running', (SELECT COUNT(*) FROM "DirectoryUser" u WHERE u."directoryId" = m."directoryId"), 0, 0, NULL, '', ${now}, ${now}, NULL
     FROM "AttributeMapping" m JOIN "Directory" d ON d."id" = m."directoryId" JOIN "Organization" o ON o."id" = d."organizationId" WHERE o."hostId" = ?
     ON CONFLICT ("directoryId") DO UPDATE SET "version" = excluded."version", "status" = 'running', "total" = excluded."total", "done" = 0,
       "changed" = 0, "cursorAt" = NULL, "cursorId" = '', "startedAt" = excluded."startedAt", "updatedAt" = excluded."updatedAt", "finishedAt" = NULL
     RETURNING "directoryId"`,
    [hostId],
  );
  return rows.map((r) => String(r.directoryId));
}

/** Runs the jobs of these directories one after another in the background (a host may have thousands). */
export function kickRemaps(directoryIds: string[]): void {
  void (async () => {
    for (const id of directoryIds) await kickRemap(id).catch(() => {});
  })();
}

// A steady pace: 100,000 users in 50 s, whatever the directory's size, the batches spread out so SCIM requests keep
// most of the process (a batch is a few milliseconds of work every 100 ms).
const USERS_PER_SECOND = 2000;
// A function, not a constant: user-schema.ts imports this module, and remap-batch.ts (through the mapping) imports it.
const batchIntervalMs = () => (BATCH / USERS_PER_SECOND) * 1000;

// Directories whose job runs in this process: one loop each; a restarted job is picked up by the loop's next batch.
const running = new Set<string>();

/** Runs the directory's job to its end in the background (or lets the loop already running here pick it up). */
export function kickRemap(directoryId: string): Promise<void> {
  if (running.has(directoryId)) return Promise.resolve();
  running.add(directoryId);
  return (async () => {
    try {
      for (;;) {
        const started = performance.now();
        if (!(await remapBatch(directoryId))) break;
        await new Promise((r) => setTimeout(r, Math.max(0, started + batchIntervalMs() - performance.now())));
      }
    } finally {
      running.delete(directoryId);
    }
  })();
}

/** Resumes the jobs a stopped process left unfinished (at start, instrumentation.ts); settles when they are done. */
export async function resumeRemapJobs(): Promise<void> {
  const rows = await read(() => all(`SELECT "directoryId" FROM "AttributeRemapJob" WHERE "status" IN ('running', 'sweep')`));
  await Promise.all(rows.map((r) => kickRemap(String(r.directoryId))));
}

export interface RemapJobStatus {
  status: 'running' | 'done';
  version: number;
  total: number;
  done: number;
  changed: number;
  startedAt: string;
  finishedAt: string | null;
}

export async function readRemapJob(directoryId: string): Promise<RemapJobStatus | null> {
  const r = await read(() => one(`SELECT ${columns('AttributeRemapJob')} FROM "AttributeRemapJob" WHERE "directoryId" = ?`, [directoryId]));
  if (!r) return null;
  const j = decode('AttributeRemapJob', r);
  return {
    status: j.status === 'done' ? 'done' : 'running',
    version: j.version,
    total: j.total,
    done: j.status === 'done' ? j.total : j.done,
    changed: j.changed,
    startedAt: j.startedAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
