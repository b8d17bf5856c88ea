// npm run db:migrate: applies pending migrations to DATABASE_URL, then fills in columns derived from stored
// resources whose derivation changed (lib/directory/users/recompute.ts).
import { recomputeUserColumns } from '../directory/users/recompute';
import { env } from '../env';
import { closeDatabase } from './database';
import { migrate } from './migrate';

async function main(): Promise<void> {
  const applied = await migrate(env().databaseUrl);
  console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
  const users = await recomputeUserColumns();
  if (users) console.log(`recomputed the derived columns of ${users} users`);
  await closeDatabase();
}

main().catch((e: Error) => {
  console.error(`migration failed: ${e.message}`);
  process.exit(1);
});
