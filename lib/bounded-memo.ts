// A memo keyed by text that stays bounded whatever arrives: the `max` most recently added keys are kept, the oldest
// forgotten first. For work done per declaration or per source text (a schema built, a mapping or path parsed), not
// per request.
export function boundedMemo<T>(max: number): (key: string, make: () => T) => T {
  const kept = new Map<string, T>();
  return (key, make) => {
    const known = kept.get(key);
    if (known !== undefined || kept.has(key)) return known as T;
    const made = make();
    if (kept.size >= max) kept.delete(kept.keys().next().value!);
    kept.set(key, made);
    return made;
  };
}
