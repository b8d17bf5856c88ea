// Prisma CLI configuration. The CLI's native schema engine can't be downloaded offline, so it runs its
// JavaScript engine through a driver adapter. PRISMA_PROVIDER picks which generated schema (sqlite | postgres).
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

const provider = process.env.PRISMA_PROVIDER === 'postgres' ? 'postgres' : 'sqlite';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: `prisma/${provider}/schema.prisma`,
  async adapter() {
    if (provider === 'postgres') {
      return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://127.0.0.1/unused' });
    }
    return new PrismaBetterSQLite3({ url: ':memory:' });
  },
});
