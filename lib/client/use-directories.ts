'use client';
// Directories of the session's organization: list, one directory, configure, rename, enable/disable, delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { MintedToken, PortalDirectory, PortalDirectoryDetail, ProviderKey, SetupCheck } from './types';

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

export function useRenameDirectory(directoryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => portalFetch<PortalDirectory>(`/directories/${encodeURIComponent(directoryId)}`, { method: 'PATCH', body: { name } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.directory(directoryId) });
      void qc.invalidateQueries({ queryKey: queryKeys.directories });
    },
  });
}

/** `confirm` is the directory's name as the admin typed it; the server checks it too. */
export function useDeleteDirectory(directoryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => portalFetch<void>(`/directories/${encodeURIComponent(directoryId)}`, { method: 'DELETE', body: { confirm } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.directories }),
  });
}

/** The live setup check, polled until every step is done (then only on a visit). */
export function useSetupCheck(directoryId: string) {
  return useQuery({
    queryKey: queryKeys.setup(directoryId),
    queryFn: () => portalFetch<SetupCheck>(`/directories/${encodeURIComponent(directoryId)}/setup`),
    refetchInterval: (q) => (q.state.data && Object.values(q.state.data.steps).every((s) => s.done) ? false : 5000),
  });
}
