// Renders lib/db/schema.ts, the column table of every model in prisma/schema.base.prisma: its table, its columns
// (kind, nullability, default) and the TypeScript types of a row and of what an INSERT must supply. The data layer
// builds column lists, INSERTs and row decoding from it (lib/db/rows.ts); scripts/db-schemas.mjs writes it and
// `--check` (and tests/unit/schema-drift.test.ts) fails when it drifts from the base schema.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const tablesPath = path.join(root, 'lib/db/schema.ts');

const KINDS = { String: 'text', Int: 'int', BigInt: 'bigint', Float: 'float', Boolean: 'boolean', DateTime: 'dateTime' };
const TS = { text: 'string', int: 'number', bigint: 'bigint', float: 'number', boolean: 'boolean', dateTime: 'Date' };

function defaultOf(attrs) {
  if (/@updatedAt\b/.test(attrs)) return "'updatedAt'";
  const m = /@default\((.*?)\)(?:\s|$)/.exec(attrs);
  if (!m) return null;
  const v = m[1];
  if (v === 'now()') return "'now'";
  if (v === 'autoincrement()') return "'autoincrement'";
  if (/^".*"$/.test(v)) return `{ value: ${v} }`;
  if (v === 'true' || v === 'false' || /^-?\d+(\.\d+)?$/.test(v)) return `{ value: ${v} }`;
  throw new Error(`unsupported default ${v}`);
}

/** The models of a Prisma schema: name and scalar fields in order (relation fields are not columns). */
export function parseModels(text) {
  const models = [];
  for (const m of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const fields = [];
    for (const line of m[2].split('\n')) {
      const f = /^\s+(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
      if (!f || line.trim().startsWith('//') || line.trim().startsWith('@@')) continue;
      const [, name, type, mod, attrs] = f;
      if (!(type in KINDS) || mod === '[]') continue;
      fields.push({ name, kind: KINDS[type], nullable: mod === '?', def: defaultOf(attrs), id: /@id\b/.test(attrs) });
    }
    models.push({ name: m[1], fields });
  }
  return models;
}

export function renderTables() {
  const models = parseModels(fs.readFileSync(path.join(root, 'prisma/schema.base.prisma'), 'utf8'));
  const out = [
    '// GENERATED from prisma/schema.base.prisma by scripts/db-schemas.mjs (scripts/db-tables.mjs): do not edit.',
    "// Every model's table and columns, and the types of its row and of an INSERT (columns with a default optional).",
    "import type { TableDef } from './table-def';",
    '',
  ];
  for (const { name, fields } of models) {
    out.push(`export const ${name} = {`, `  name: '${name}',`, '  columns: {');
    for (const f of fields) {
      const def = f.def ? `, default: ${f.def}` : '';
      out.push(`    ${f.name}: { kind: '${f.kind}', nullable: ${f.nullable}${def} },`);
    }
    out.push('  },', '} as const satisfies TableDef;', '');
    out.push(`export interface ${name}Row {`);
    for (const f of fields) out.push(`  ${f.name}: ${TS[f.kind]}${f.nullable ? ' | null' : ''};`);
    out.push('}', '');
    out.push(`export interface ${name}Insert {`);
    for (const f of fields) out.push(`  ${f.name}${f.def ? '?' : ''}: ${TS[f.kind]}${f.nullable ? ' | null' : ''};`);
    out.push('}', '');
  }
  out.push(`export const TABLES = { ${models.map((m) => m.name).join(', ')} } as const;`, '');
  out.push("/** Each table's row type, by table name. */", 'export interface Rows {', ...models.map((m) => `  ${m.name}: ${m.name}Row;`), '}', '');
  out.push(
    '/** What an INSERT into each table supplies, by table name. */',
    'export interface Inserts {',
    ...models.map((m) => `  ${m.name}: ${m.name}Insert;`),
    '}',
    '',
  );
  return out.join('\n');
}
