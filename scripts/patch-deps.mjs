// Fixes and small additions in installed dependencies, applied by `npm install` (postinstall) and checked by tests/unit/postgres-queue.test.ts.
// Each fix names the exact text it replaces: if a new release changes that text, this stops with a message instead of
// guessing, so the fix is reviewed again (dropped if upstream fixed it).
//
// postgres (postgres.js) 3.4.9, src/queue.js: a pool whose connections are all busy hands a query to `busy.shift()`
// and pushes that connection back on `busy`; `shift` leaves an `undefined` slot behind and only empties its array when
// the queue drains completely. Under steady load it never drains, so the array grows by one slot per query, and every
// `remove` (a connection going idle) runs `indexOf` over all of it: the SCIM hot path's reads fell from 22,000 to
// 7,300 queries a second over 400,000 queries in one process. The fixed queue drops the consumed head once it is half
// the array, and searches only the live part.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');

const QUEUE_FROM = `    remove: (x) => {
      const index = xs.indexOf(x)
      return index === -1
        ? null
        : (xs.splice(index, 1), x)
    },
    push: (x) => (xs.push(x), x),
    shift: () => {
      const out = xs[index++]

      if (index === xs.length) {
        index = 0
        xs = []
      } else {
        xs[index - 1] = undefined
      }

      return out
    }`;

const QUEUE_TO = `    remove: (x) => {
      const at = xs.indexOf(x, index)
      return at === -1
        ? null
        : (xs.splice(at, 1), x)
    },
    push: (x) => (xs.push(x), x),
    shift: () => {
      const out = xs[index++]

      if (index === xs.length) {
        index = 0
        xs = []
      } else if (index >= 32 && index * 2 >= xs.length) {
        xs = xs.slice(index) // scim-portal: drop the consumed head (scripts/patch-deps.mjs)
        index = 0
      } else {
        xs[index - 1] = undefined
      }

      return out
    }`;

// postgres (postgres.js) 3.4.9, src/connection.js: a query's messages wait in a buffer until `setImmediate` (or 1 KB),
// so the queries of one turn go out in one write. The SCIM hot path's batched reads (lib/db/pg-read-batch.ts) are
// themselves sent at the end of the turn, from a `setImmediate`; postgres.js's would then wait for the next turn,
// after every I/O callback that is ready by then, while the server could already be working on them. A query with
// the option `flush: true` writes the buffer at once (as postgres.js already does when it has a callback to pass).
const EXECUTE_FROM = `      build(q)
      return write(toBuffer(q))
`;
const EXECUTE_TO = `      build(q)
      return write(toBuffer(q), q.options.flush ? flushed : undefined) // scim-portal: flush option (scripts/patch-deps.mjs)
`;
const WRITE_FROM = `  function write(x, fn) {`;
const WRITE_TO = `  function flushed() {} // scim-portal: flush option (scripts/patch-deps.mjs)

  function write(x, fn) {`;

const FIXES = [
  ...['src', 'cjs/src', 'cf/src'].map((dir) => ({
    file: `node_modules/postgres/${dir}/queue.js`,
    from: QUEUE_FROM,
    to: QUEUE_TO,
  })),
  ...['src', 'cjs/src', 'cf/src'].flatMap((dir) => [
    { file: `node_modules/postgres/${dir}/connection.js`, from: EXECUTE_FROM, to: EXECUTE_TO },
    { file: `node_modules/postgres/${dir}/connection.js`, from: WRITE_FROM, to: WRITE_TO },
  ]),
];

/** Applies every fix; returns one line per file. Throws when a file holds neither the old nor the fixed text. */
export function applyFixes(base = root) {
  return FIXES.map(({ file, from, to }) => {
    const full = path.join(base, file);
    if (!fs.existsSync(full)) return `${file}: not installed, skipped`;
    const text = fs.readFileSync(full, 'utf8');
    if (text.includes(to)) return `${file}: already fixed`;
    if (!text.includes(from)) throw new Error(`${file} changed upstream; review the fix in scripts/patch-deps.mjs`);
    // A new file, renamed over the old: never writes through a hard link into another checkout's node_modules.
    const tmp = `${full}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text.replace(from, to));
    fs.renameSync(tmp, full);
    return `${file}: fixed`;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  for (const line of applyFixes()) console.log(`patch-deps: ${line}`);
}
