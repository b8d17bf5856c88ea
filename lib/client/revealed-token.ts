'use client';
// A freshly minted token's plaintext lives only in this tab's memory, keyed by directory, so the setup page can show
// it once after "Configure" or "Generate new token"; a reload forgets it, as the warning says.
import { useSyncExternalStore } from 'react';

const tokens = new Map<string, string>();
const listeners = new Set<() => void>();

export function revealToken(directoryId: string, token: string | null): void {
  if (token) tokens.set(directoryId, token);
  else tokens.delete(directoryId);
  for (const l of listeners) l();
}

export function useRevealedToken(directoryId: string): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => tokens.get(directoryId) ?? null,
    () => null,
  );
}
