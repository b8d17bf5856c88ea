// Runs before each int test file: a fresh, migrated database of the project's kind (TEST_DB), named in
// DATABASE_URL before any module reads it.
import { randomBytes } from 'node:crypto';
import { migrate } from '../../lib/db/migrate';
import { freshPostgresDatabase, freshSqliteUrl } from './app-server';

const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
let url: string;
if (kind === 'postgres') {
  const server = process.env.TEST_PG_URL;
  if (!server) throw new Error('TEST_PG_URL is not set: run the tests with `npm test` (it starts PostgreSQL)');
  url = await freshPostgresDatabase(server, `scim_int_${randomBytes(6).toString('hex')}`);
} else {
  url = freshSqliteUrl('int');
}
process.env.DATABASE_URL = url;
// Tests run webhook receivers on loopback and retry quickly.
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'true';
process.env.WEBHOOK_RETRY_SCHEDULE ??= '0,0,0,0,0,0,0,0';
await migrate(url);
