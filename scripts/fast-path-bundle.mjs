// Where scripts/build-fast-path.mjs writes the SCIM fast path's bundle and scripts/serve.mjs loads it from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAST_PATH_BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.next/scim-fast-path.mjs');
