'use client';
// Bearer tokens of a directory: list, mint, revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { MintedToken, PortalToken } from './types';

const base = (id: string) => `/directories/${encodeURIComponent(id)}/tokens`;

export function useTokens(directoryId: string) {
  return useQuery({
    queryKey: queryKeys.tokens(directoryId),
    queryFn: () => portalFetch<{ data: PortalToken[] }>(base(directoryId)).then((r) => r.data),
  });
}

export function useMintToken(directoryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => portalFetch<MintedToken>(base(directoryId), { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.tokens(directoryId) }),
  });
}

export function useRevokeToken(directoryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => portalFetch<void>(`${base(directoryId)}/${encodeURIComponent(tokenId)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.tokens(directoryId) }),
  });
}
