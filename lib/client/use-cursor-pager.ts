'use client';
// Previous/next over keyset cursors: a stack of the cursors of the pages seen, reset when the filter changes.
import { useCallback, useState } from 'react';

export interface CursorPager {
  /** The cursor of the page shown (null: the first). */
  cursor: string | null;
  /** 1-based number of the page shown. */
  page: number;
  next: (cursor: string) => void;
  previous: () => void;
  hasPrevious: boolean;
}

export function useCursorPager(resetKey: string): CursorPager {
  const [state, setState] = useState<{ key: string; stack: (string | null)[] }>({ key: resetKey, stack: [null] });
  const stack = state.key === resetKey ? state.stack : [null];
  const cursor = stack[stack.length - 1];
  const next = useCallback((c: string) => setState({ key: resetKey, stack: [...stack, c] }), [resetKey, stack]);
  const previous = useCallback(() => setState({ key: resetKey, stack: stack.length > 1 ? stack.slice(0, -1) : stack }), [resetKey, stack]);
  return { cursor, page: stack.length, next, previous, hasPrevious: stack.length > 1 };
}
