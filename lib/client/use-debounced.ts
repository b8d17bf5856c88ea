'use client';
// A value that follows its input after a pause, so a search queries once per pause rather than per keystroke.
import { useEffect, useState } from 'react';

export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
