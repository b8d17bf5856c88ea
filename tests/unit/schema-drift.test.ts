// The SQLite and PostgreSQL schemas come from one source; neither may drift from it, and each must have a
// migration for its current state (the snapshot written with the last migration equals the schema).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { providers, renderSchema, schemaPath } from '../../scripts/db-schemas.mjs';
import { renderTables, tablesPath } from '../../scripts/db-tables.mjs';

const root = path.resolve(import.meta.dirname, '../..');

describe('database schemas', () => {
  for (const p of providers as string[]) {
    it(`${p}: generated schema equals what prisma/schema.base.prisma gives`, () => {
      expect(fs.readFileSync(schemaPath(p), 'utf8')).toBe(renderSchema(p));
    });

    it(`${p}: the last migration was made from the current schema`, () => {
      const snapshot = path.join(root, 'prisma', p, 'migrations', 'schema.snapshot.prisma');
      expect(fs.readFileSync(snapshot, 'utf8')).toBe(fs.readFileSync(schemaPath(p), 'utf8'));
    });
  }

  it('the column table (lib/db/schema.ts) equals what prisma/schema.base.prisma gives', () => {
    expect(fs.readFileSync(tablesPath, 'utf8')).toBe(renderTables());
  });

  it('both databases have the same migrations, by name', () => {
    const names = (p: string) => fs.readdirSync(path.join(root, 'prisma', p, 'migrations')).filter((d) => /^\d{4}_/.test(d));
    expect(names('postgres')).toEqual(names('sqlite'));
    expect(names('sqlite').length).toBeGreaterThan(0);
  });
});
