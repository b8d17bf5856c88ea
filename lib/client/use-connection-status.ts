'use client';
// Connection status, polled while the page is open so "Waiting for the first request" turns to "Connected" by itself.
import { useQuery } from '@tanstack/react-query';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { ConnectionStatus } from './types';

export function useConnectionStatus(directoryId: string) {
  return useQuery({
    queryKey: queryKeys.connection(directoryId),
    queryFn: () => portalFetch<{ status: 'enabled' | 'disabled'; connection: ConnectionStatus }>(`/directories/${encodeURIComponent(directoryId)}/status`),
    refetchInterval: 5000,
  });
}
