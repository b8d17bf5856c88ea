import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

// Tiers (see STYLE): unit (*.test.ts, no I/O); int (*.int.test.ts, a fresh real database per file, once on SQLite
// and once on PostgreSQL); http (tests/http: the built app over HTTP, on SQLite and PostgreSQL at once).
const intProject = (db: 'sqlite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `int-${db}`,
    include: ['lib/**/*.int.test.ts', 'tests/int/**/*.int.test.ts', 'tests/fuzz/**/*.int.test.ts'],
    env: { TEST_DB: db },
    setupFiles: ['tests/setup/int-db.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      intProject('sqlite'),
      intProject('postgres'),
      {
        extends: true,
        test: {
          name: 'http',
          include: ['tests/http/**/*.test.ts'],
          globalSetup: ['tests/setup/http-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
