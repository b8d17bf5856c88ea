// npm run db:migrate: applies pending migrations to DATABASE_URL.
import { env } from '../env';
import { migrate } from './migrate';

migrate(env().databaseUrl)
  .then((applied) => {
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
  })
  .catch((e: Error) => {
    console.error(`migration failed: ${e.message}`);
    process.exit(1);
  });
