'use client';
// Directories of the session's organization: list, one directory, configure, enable/disable.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { MintedToken, PortalDirectory, PortalDirectoryDetail, ProviderKey } from './types';

export function useDirectories() {
  return useQuery({
    queryKey: queryKeys.directories,
    queryFn: () => portalFetch<{ data: PortalDirectory[] }>('/directories').then((r) => r.data),
  });
}

export function useDirectory(directoryId: string) {
  return useQuery({
    queryKey: queryKeys.directory(directoryId),
    queryFn: () => portalFetch<PortalDirectoryDetail>(`/directories/${encodeURIComponent(directoryId)}`),
  });
}

export function useConfigureDirectory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (provider: ProviderKey) =>
      portalFetch<{ directory: PortalDirectory; token: MintedToken }>('/directories', { method: 'POST', body: { provider } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.directories }),
  });
}

export function useSetDirectoryStatus(directoryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (status: 'enabled' | 'disabled') =>
      portalFetch<PortalDirectory>(`/directories/${encodeURIComponent(directoryId)}`, { method: 'PATCH', body: { status } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.directory(directoryId) });
      void qc.invalidateQueries({ queryKey: queryKeys.directories });
    },
  });
}
