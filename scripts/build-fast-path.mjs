#!/usr/bin/env node
// Bundles the SCIM fast path (lib/scim/node-adapter.ts and what it imports) into one ES module for the custom
// server (scripts/serve.mjs), so production runs plain JavaScript: no TypeScript loader thread, no esbuild service
// process, ~80 MB less memory. Packages stay external (resolved from node_modules at run time, like Next's
// serverExternalPackages), so better-sqlite3, pg and Prisma's runtime are the very copies Next loads.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAST_PATH_BUNDLE } from './fast-path-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildFastPath() {
  // Loaded only when building, so the server process that imports this module never carries esbuild.
  const { build, stop } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'lib/scim/node-adapter.ts')],
    outfile: FAST_PATH_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS helpers may call require(); give the ES module one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  // esbuild keeps a service process for further builds; there are none.
  await stop();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildFastPath();
