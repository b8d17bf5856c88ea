'use client';
// A search box's text, the debounced query it sends, and pages over the results that start over when it changes.
import { useState } from 'react';
import { useCursorPager } from './use-cursor-pager';
import { useDebounced } from './use-debounced';

export function useSearchPages() {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const pager = useCursorPager(q);
  return { text, setText, q, pager };
}
