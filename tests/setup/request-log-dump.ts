// After the http tier: every SCIM request-log row the apps stored, written as a .log file beside the apps' own logs,
// so scripts/scan-logs-for-secrets.mjs looks for secrets in what the portal would show too.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { logDir, type AppTarget } from './app-server';

const COLUMNS = '"createdAt", "method", "path", "status", "error", "requestBody"';

async function rows(t: AppTarget): Promise<Record<string, unknown>[]> {
  if (t.name === 'postgres') {
    const c = new pg.Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      return (await c.query(`SELECT ${COLUMNS} FROM "ScimRequestLog" ORDER BY "createdAt"`)).rows;
    } finally {
      await c.end();
    }
  }
  const db = new Database(t.databaseUrl.replace(/^file:/, ''), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT ${COLUMNS} FROM "ScimRequestLog" ORDER BY "createdAt"`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

export async function dumpRequestLogs(targets: AppTarget[]): Promise<void> {
  for (const t of targets) {
    const lines = (await rows(t)).map((r) => [r.createdAt, r.method, r.path, r.status, r.error ?? '', r.requestBody ?? ''].join(' '));
    fs.writeFileSync(path.join(logDir(), `request-log-${t.name}.log`), `${lines.join('\n')}\n`);
  }
}
