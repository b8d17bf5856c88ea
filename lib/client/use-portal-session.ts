'use client';
// The portal session as the UI knows it; a 401 anywhere means it has ended.
import { useQuery } from '@tanstack/react-query';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';
import { rememberParentOrigin, setCsrf } from './session-token';
import type { PortalSessionInfo } from './types';

export function usePortalSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: async () => {
      // Before the first request: a missing session is reported to the host page, so its origin must be known.
      rememberParentOrigin();
      const s = await portalFetch<PortalSessionInfo>('/session');
      setCsrf(s.csrf);
      return s;
    },
    staleTime: Infinity,
    retry: false,
  });
}
