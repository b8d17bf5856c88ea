'use client';
// The portal session as the UI knows it; a 401 anywhere means it has ended.
import { useQuery } from '@tanstack/react-query';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import { setCsrf } from './session-token';
import type { PortalSessionInfo } from './types';

export function usePortalSession(enabled = true) {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: async () => {
      const s = await portalFetch<PortalSessionInfo>('/session');
      setCsrf(s.csrf);
      return s;
    },
    staleTime: Infinity,
    retry: false,
    enabled,
  });
}
