'use client';
// Which groups the app receives: read, preview, save. Saving changes what the app sees of groups, users and roles,
// so those tables are refetched too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { GroupSelectionPreview, GroupSelectionState } from './types';

const base = (id: string) => `/directories/${encodeURIComponent(id)}/group-selection`;
type Input = { mode: 'all' | 'selected'; groupIds: string[] };

export function useGroupSelection(directoryId: string) {
  return useQuery({
    queryKey: queryKeys.groupSelection(directoryId),
    queryFn: () => portalFetch<GroupSelectionState>(base(directoryId)),
    // A change moving in the background: its progress, every two seconds until it is done.
    refetchInterval: (q) => (q.state.data?.job?.status === 'running' ? 2_000 : false),
  });
}

export function usePreviewGroupSelection(directoryId: string) {
  return useMutation({ mutationFn: (input: Input) => portalFetch<GroupSelectionPreview>(`${base(directoryId)}/preview`, { method: 'POST', body: input }) });
}

export function useSaveGroupSelection(directoryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => portalFetch<GroupSelectionState>(base(directoryId), { method: 'PUT', body: input }),
    onSuccess: (data) => {
      qc.setQueryData(queryKeys.groupSelection(directoryId), data);
      void qc.invalidateQueries({ queryKey: queryKeys.usersAll(directoryId) });
      void qc.invalidateQueries({ queryKey: queryKeys.groupsAll(directoryId) });
      void qc.invalidateQueries({ queryKey: ['portal', 'directory', directoryId, 'user'] });
    },
  });
}
