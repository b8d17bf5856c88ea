// ESLint: typescript-eslint, Next's rules, React hooks, and the import boundaries that hold the architecture
// (STYLE.md): routes and components never touch the database, the SCIM core never imports its boundary, and
// client modules never import server code.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import clientImports from './eslint/client-imports.mjs';

const DATABASE = ['@/lib/db/*', '**/lib/db/*', '@prisma/*', 'better-sqlite3', 'postgres', 'pg'];
const database = { group: DATABASE, message: 'Only lib/ reaches the database: call a function in lib/ that reads or writes it.' };
const ui = { group: ['@/app/*', '@/components/*', '**/app/*', '**/components/*'], message: 'lib/ never imports the UI or the routes.' };
const frameworks = {
  group: ['next', 'next/*', 'react', 'react-dom', 'react/*'],
  message: 'The SCIM core is framework-free: a plain request in, {status, body} out.',
};
const scimBoundary = {
  group: ['**/serve-scim', '**/node-adapter', '**/scim-route'],
  message: 'The SCIM core never imports its boundary (serveScim and the adapters call the core, not the other way round).',
};
const restrict = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: true })) }],
});

export default tseslint.config(
  {
    ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**', 'next-env.d.ts', 'bench/.peer/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Type-aware, the rules that catch real bugs: a promise nobody awaits, or one handed to a void callback. The
      // no-unsafe-* family stays off (about 850 findings, nearly all tests reading JSON bodies as any).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['app/**', 'components/**', 'lib/client/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks, 'scim-portal': { rules: { 'client-imports': clientImports } } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...reactHooks.configs.flat.recommended.rules,
      'scim-portal/client-imports': 'error',
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Plain JavaScript (scripts, the guard the custom server loads) is outside tsconfig: syntax rules only.
  { files: ['**/*.mjs', '**/*.cjs'], extends: [tseslint.configs.disableTypeChecked] },
  // Settings are read in one place, validated (lib/env); everything else asks it. Tests, scripts and configs set
  // them; lib/http/*.mjs is plain JavaScript the custom server loads before any TypeScript, and reads its own.
  {
    ignores: ['lib/env/**', 'lib/http/*.mjs', 'scripts/**', 'bench/**', 'tests/**', 'e2e/**', '**/*.test.ts', '*.config.{ts,mjs}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through lib/env (parsed once, with zod).' },
      ],
    },
  },
  // The layers. Type-only imports are erased at build time, so they may cross (a client type from a server module).
  { files: ['app/**', 'components/**'], rules: restrict(database) },
  { files: ['lib/**'], rules: restrict(ui) },
  { files: ['lib/schemas/**'], rules: restrict(database, ui, frameworks) },
  {
    files: ['lib/scim/**'],
    ignores: ['lib/scim/serve-scim.ts', 'lib/scim/scim-route.ts', 'lib/scim/node-adapter.ts'],
    rules: restrict(ui, frameworks, scimBoundary),
  },
);
