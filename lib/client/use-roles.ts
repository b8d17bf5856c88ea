'use client';
// Group-to-role mappings: read, preview, save, default role. Saving moves users' roles, so user and group
// tables are refetched too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { MappingPreview, RoleMapping, RolesState } from './types';

const base = (id: string) => `/directories/${encodeURIComponent(id)}/roles`;

export function useRoles(directoryId: string) {
  return useQuery({ queryKey: queryKeys.roles(directoryId), queryFn: () => portalFetch<RolesState>(base(directoryId)) });
}

export function usePreviewMappings(directoryId: string) {
  return useMutation({
    mutationFn: (mappings: RoleMapping[]) => portalFetch<MappingPreview>(`${base(directoryId)}/preview`, { method: 'POST', body: { mappings } }),
  });
}

export function usePreviewDefaultRole(directoryId: string) {
  return useMutation({
    mutationFn: (defaultRoleKey: string | null) => portalFetch<MappingPreview>(`${base(directoryId)}/preview`, { method: 'POST', body: { defaultRoleKey } }),
  });
}

function useRefreshAfterRoles(directoryId: string) {
  const qc = useQueryClient();
  return (data: RolesState) => {
    qc.setQueryData(queryKeys.roles(directoryId), data);
    void qc.invalidateQueries({ queryKey: queryKeys.usersAll(directoryId) });
    void qc.invalidateQueries({ queryKey: queryKeys.groupsAll(directoryId) });
    void qc.invalidateQueries({ queryKey: ['portal', 'directory', directoryId, 'user'] });
    void qc.invalidateQueries({ queryKey: ['portal', 'directory', directoryId, 'group'] });
  };
}

export function useSaveMappings(directoryId: string) {
  const refresh = useRefreshAfterRoles(directoryId);
  return useMutation({
    mutationFn: (mappings: RoleMapping[]) => portalFetch<RolesState>(base(directoryId), { method: 'PUT', body: { mappings } }),
    onSuccess: refresh,
  });
}

export function useSaveDefaultRole(directoryId: string) {
  const refresh = useRefreshAfterRoles(directoryId);
  return useMutation({
    mutationFn: (roleKey: string | null) => portalFetch<RolesState>(`${base(directoryId)}/default`, { method: 'PUT', body: { roleKey } }),
    onSuccess: refresh,
  });
}
