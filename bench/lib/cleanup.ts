// Everything the benchmark starts (app, PostgreSQL, peer) registers its stop here, so it is stopped at the end,
// on error, and on Ctrl-C.

type Stop = () => Promise<void>;

const stops = new Map<number, { name: string; stop: Stop }>();
let nextId = 1;

/** Registers a stop function; the returned function unregisters it (after a normal stop). */
export function onCleanup(name: string, stop: Stop): () => void {
  const id = nextId++;
  stops.set(id, { name, stop });
  return () => {
    stops.delete(id);
  };
}

/** Runs every registered stop, newest first; one failing does not keep the others from running. */
export async function cleanupAll(): Promise<void> {
  const entries = [...stops.entries()].reverse();
  stops.clear();
  for (const [, { name, stop }] of entries) {
    try {
      await stop();
    } catch (e) {
      console.error(`cleanup ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

export function exitOnSignals(): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: stopping everything the benchmark started…`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}
