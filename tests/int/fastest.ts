/** The fastest of `runs` runs of `f` in ms (a shared machine: one slow run is noise), and the last run's answer. */
export async function fastest<T>(f: () => Promise<T>, runs = 5): Promise<{ ms: number; value: T }> {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, value };
}
