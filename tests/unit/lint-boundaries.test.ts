// The import boundaries of eslint.config.mjs, on real files of each layer with one import added: each forbidden
// import is reported, and the allowed neighbours (type-only imports, lib/client, the SCIM boundary itself) are not.
import { ESLint } from 'eslint';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Rule ids ESLint reports for `file` with `line` put after its imports. */
async function ruleIdsWith(file: string, line: string): Promise<string[]> {
  const text = fs.readFileSync(file, 'utf8');
  const lastImport = text.lastIndexOf('\nimport ');
  const at = text.indexOf('\n', lastImport + 1) + 1;
  const [result] = await eslint.lintText(`${text.slice(0, at)}${line}\n${text.slice(at)}`, { filePath: file });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const BOUNDARY = '@typescript-eslint/no-restricted-imports';
const CLIENT = 'scim-portal/client-imports';

const cases: { what: string; file: string; line: string; rule: string | null }[] = [
  { what: 'a route importing the database', file: 'app/api/v1/roles/route.ts', line: "import { read } from '@/lib/db/database';", rule: BOUNDARY },
  { what: 'a page importing Prisma', file: 'app/dashboard/(console)/roles/page.tsx', line: "import { Prisma } from '@prisma/client';", rule: BOUNDARY },
  { what: 'a component importing a driver', file: 'components/ui/card.tsx', line: "import Database from 'better-sqlite3';", rule: BOUNDARY },
  { what: 'a component importing the PostgreSQL driver', file: 'components/ui/card.tsx', line: "import postgres from 'postgres';", rule: BOUNDARY },
  { what: 'a route importing a database type only', file: 'app/api/v1/roles/route.ts', line: "import type { Database } from '@/lib/db/database';", rule: null },
  { what: 'lib importing a component', file: 'lib/roles/roles.ts', line: "import { Card } from '../../components/ui/card';", rule: BOUNDARY },
  { what: 'the SCIM core importing its boundary', file: 'lib/scim/handle-request.ts', line: "import { serveScim } from './serve-scim';", rule: BOUNDARY },
  { what: 'the SCIM core importing an adapter', file: 'lib/scim/filter/parse.ts', line: "import { handleScimNode } from '../node-adapter';", rule: BOUNDARY },
  { what: 'the SCIM core importing Next', file: 'lib/scim/handle-request.ts', line: "import { NextResponse } from 'next/server';", rule: BOUNDARY },
  {
    what: 'an adapter importing the boundary',
    file: 'lib/scim/node-adapter.ts',
    line: "import { serveScim as again } from './serve-scim';\nvoid again;",
    rule: null,
  },
  {
    what: 'a client component importing a server module',
    file: 'components/ui/copy-field.tsx',
    line: "import { requireOperator } from '@/lib/operators/session';\nvoid requireOperator;",
    rule: CLIENT,
  },
  {
    what: 'a client component importing a server module relatively',
    file: 'components/roles/mapping-editor.tsx',
    line: "import { listRoles } from '../../lib/roles/roles';\nvoid listRoles;",
    rule: CLIENT,
  },
  { what: 'a client component importing node:', file: 'components/ui/copy-field.tsx', line: "import fs from 'node:fs';\nvoid fs;", rule: CLIENT },
  {
    what: 'a client component importing a server type',
    file: 'components/ui/copy-field.tsx',
    line: "import type { Operator } from '@/lib/operators/operators';\nexport type X = Operator;",
    rule: null,
  },
  {
    what: 'a client component importing lib/client',
    file: 'components/ui/copy-field.tsx',
    line: "import { formatDateTime as f } from '@/lib/client/format';\nvoid f;",
    rule: null,
  },
  { what: 'lib/client importing a server module', file: 'lib/client/format.ts', line: "import { newId } from '../ids';\nvoid newId;", rule: CLIENT },
  { what: 'a server component importing a server module', file: 'components/ui/card.tsx', line: "import { newId } from '@/lib/ids';\nvoid newId;", rule: null },
];

describe('import boundaries (eslint.config.mjs)', () => {
  it.each(cases)('$what: $rule', { timeout: 60_000 }, async ({ file, line, rule }) => {
    const ids = await ruleIdsWith(file, line);
    if (rule) expect(ids).toContain(rule);
    else expect(ids.filter((id) => id === BOUNDARY || id === CLIENT || id.startsWith('fatal'))).toEqual([]);
  });

  it('app, components and the client side of lib cross no boundary today', { timeout: 120_000 }, async () => {
    const results = await eslint.lintFiles(['app', 'components', 'lib/client', 'lib/schemas']);
    const found = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === BOUNDARY || m.ruleId === CLIENT).map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(found).toEqual([]);
  });
});
