// A 'use client' module is shipped to the browser: it may import values only from the client side of lib/
// (lib/client, lib/schemas), components and packages meant for the browser. Type-only imports are erased, so
// they may name server modules. File globs cannot see the directive, hence this rule.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT_LIB = /^lib\/(client|schemas)\//;
const CLIENT_DIR = /^lib\/client\//;
const SERVER_PACKAGES = /^(node:|server-only$|next\/headers$|next\/server$|next-auth$|next-auth\/next|@prisma\/|better-sqlite3$|postgres$|pg$)/;

/** The import as a path from the repository root, or null for a package. */
function fromRoot(source, file) {
  if (source.startsWith('@/')) return source.slice(2);
  if (source.startsWith('.')) return path.relative(ROOT, path.resolve(path.dirname(file), source));
  return null;
}

const isClientModule = (program) => program.body.some((s) => s.type === 'ExpressionStatement' && s.directive === 'use client');

export default {
  meta: {
    type: 'problem',
    messages: { server: "A client module imports the server-only '{{source}}' (import types only, or move the value to lib/client or lib/schemas)." },
  },
  create(context) {
    const inLibClient = CLIENT_DIR.test(path.relative(ROOT, context.filename));
    let client = false;
    return {
      Program(node) {
        client = inLibClient || isClientModule(node);
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === 'type') return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) return;
        const source = node.source.value;
        const local = fromRoot(source, context.filename);
        const server = local === null ? SERVER_PACKAGES.test(source) : local.startsWith('lib/') && !CLIENT_LIB.test(`${local}/`);
        if (server) context.report({ node, messageId: 'server', data: { source } });
      },
    };
  },
};
