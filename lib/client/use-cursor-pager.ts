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
  // From the latest state, so two clicks before a render move two pages, and the callbacks stay stable.
  const stackOf = useCallback((s: typeof state) => (s.key === resetKey ? s.stack : [null]), [resetKey]);
  const next = useCallback((c: string) => setState((s) => ({ key: resetKey, stack: [...stackOf(s), c] })), [resetKey, stackOf]);
  const previous = useCallback(
    () =>
      setState((s) => {
        const st = stackOf(s);
        return { key: resetKey, stack: st.length > 1 ? st.slice(0, -1) : st };
      }),
    [resetKey, stackOf],
  );
  return { cursor, page: stack.length, next, previous, hasPrevious: stack.length > 1 };
}
