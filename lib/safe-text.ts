// Text the databases can store and index: PostgreSQL refuses NUL characters, and both drivers refuse lone UTF-16
// surrogates. Input carrying either is refused at the edge (400), never passed on to fail as a 500.
export function isSafeText(s: string): boolean {
  return !s.includes('\u0000') && s.isWellFormed();
}

/** For logs: the same text with NULs and lone surrogates replaced by U+FFFD. */
export function toSafeText(s: string): string {
  return s.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

const MAX_JSON_DEPTH = 64;

export type JsonProblem = 'too_deep' | 'unsafe_text' | null;

/** Walks a parsed JSON value without recursion: too deep, or holding unsafe text in a key or a string. */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isSafeText(v)) return 'unsafe_text';
    } else if (v !== null && typeof v === 'object') {
      if (depth >= maxDepth) return 'too_deep';
      for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
        if (typeof k === 'string' && !isSafeText(k)) return 'unsafe_text';
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}
