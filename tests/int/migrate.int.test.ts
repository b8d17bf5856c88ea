// The migration runner on a real database: idempotent, and an edited applied migration is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../lib/db/migrate';
import { ROOT } from '../setup/app-server';

describe('migrate', () => {
  it('applies nothing the second time', async () => {
    expect(await migrate(process.env.DATABASE_URL!)).toEqual([]);
  });

  it('refuses a migration changed after it was applied', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'scim-mig-'));
    const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
    fs.cpSync(path.join(ROOT, 'prisma', kind), path.join(copy, 'prisma', kind), { recursive: true });
    const first = fs.readdirSync(path.join(copy, 'prisma', kind, 'migrations')).find((d) => /^\d{4}_/.test(d))!;
    fs.appendFileSync(path.join(copy, 'prisma', kind, 'migrations', first, 'migration.sql'), '\n-- edited\n');
    await expect(migrate(process.env.DATABASE_URL!, copy)).rejects.toThrow(/changed after it was applied/);
  });

  it('runs concurrently from several processes without applying twice', async () => {
    const results = await Promise.all([1, 2, 3].map(() => migrate(process.env.DATABASE_URL!)));
    expect(results.flat()).toEqual([]);
  });
});
