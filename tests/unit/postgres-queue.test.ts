// postgres.js's pool queue, as patches/postgres+3.4.9.patch (applied by patch-package at `npm install`) leaves it: a
// pool that stays busy must not grow the queue's array by a slot per query (the array `remove` scans whenever a
// connection goes idle).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Queue<T> {
  readonly length: number;
  push(x: T): T;
  shift(): T | undefined;
  remove(x: T): T | null;
}

const root = path.resolve(__dirname, '../..');

async function loadQueue(dir: 'src' | 'cjs/src'): Promise<<T>(initial?: T[]) => Queue<T>> {
  const mod = (await import(pathToFileURL(path.join(root, 'node_modules/postgres', dir, 'queue.js')).href)) as {
    default: <T>(initial?: T[]) => Queue<T>;
  };
  return mod.default;
}

/** Lengths of the arrays `indexOf` runs over while `fn` runs. */
function scannedLengths(fn: () => void): number[] {
  const lengths: number[] = [];
  const original = Array.prototype.indexOf;
  Array.prototype.indexOf = function (this: unknown[], ...args: Parameters<typeof original>) {
    lengths.push(this.length);
    return original.apply(this, args);
  };
  try {
    fn();
  } finally {
    Array.prototype.indexOf = original;
  }
  return lengths;
}

describe.each(['src', 'cjs/src'] as const)('postgres.js queue (%s)', (dir) => {
  it('stays small under a pool that never drains: busy.shift() then busy.push() for every query', async () => {
    const Queue = await loadQueue(dir);
    const connections = ['c1', 'c2', 'c3'];
    const busy = Queue(connections);
    for (let i = 0; i < 100_000; i++) busy.push(busy.shift()!);
    let removed: string | null = null;
    const lengths = scannedLengths(() => (removed = busy.remove('c2')));
    expect(removed).toBe('c2');
    // Unfixed, this scan covers ~100,000 slots left behind by shift().
    expect(Math.max(...lengths)).toBeLessThan(100);
    expect(busy.length).toBe(2);
  });

  it('keeps first-in-first-out order and removal exact across compactions (against a plain array)', async () => {
    const Queue = await loadQueue(dir);
    const q = Queue<number>();
    const model: number[] = [];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 50_000; i++) {
      const op = rand(10);
      if (op < 5) {
        q.push(i);
        model.push(i);
      } else if (op < 9 && model.length > 0) {
        expect(q.shift()).toBe(model.shift());
      } else if (op === 9 && model.length > 0) {
        const x = model[rand(model.length)];
        model.splice(model.indexOf(x), 1);
        expect(q.remove(x)).toBe(x);
        expect(q.remove(x)).toBeNull();
      }
      expect(q.length).toBe(model.length);
    }
    while (model.length) expect(q.shift()).toBe(model.shift());
  });
});
