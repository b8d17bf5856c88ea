'use client';
// The Attributes tab's data: the mapping with its recompute (polled while it runs), the paths that arrived, preview
// and save. A finished recompute changes users' mapped values, so the users' queries are refetched then.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { FieldMapping } from '../schemas/attribute-mapping';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { AttributeMappingState, AttributeSources, MappingValuesPreview } from './types';

const base = (id: string) => `/directories/${encodeURIComponent(id)}/attribute-mapping`;
export type MappingInput = { fields: Record<string, FieldMapping> };

export function useAttributeMapping(directoryId: string) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: queryKeys.attributeMapping(directoryId),
    queryFn: () => portalFetch<AttributeMappingState>(base(directoryId)),
    refetchInterval: (query) => (query.state.data?.job?.status === 'running' ? 1000 : false),
  });
  const finished = q.data?.job?.status === 'done' ? q.data.job.finishedAt : null;
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: ['portal', 'directory', directoryId, 'user'] });
  }, [finished, directoryId, qc]);
  return q;
}

export function useAttributeSources(directoryId: string) {
  return useQuery({ queryKey: queryKeys.attributeSources(directoryId), queryFn: () => portalFetch<AttributeSources>(`${base(directoryId)}/sources`) });
}

export function usePreviewAttributeMapping(directoryId: string) {
  return useMutation({
    mutationFn: (input: MappingInput) => portalFetch<MappingValuesPreview>(`${base(directoryId)}/preview`, { method: 'POST', body: { ...input, limit: 10 } }),
  });
}

export function useSaveAttributeMapping(directoryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MappingInput) => portalFetch<AttributeMappingState>(base(directoryId), { method: 'PUT', body: input }),
    onSuccess: (data) => qc.setQueryData(queryKeys.attributeMapping(directoryId), data),
  });
}
