'use client';
// The SCIM request log, newest first, filtered server side; refreshed every few seconds while on its first page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { portalFetch, qs } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { Page, PortalRequest } from './types';

export interface RequestFilter {
  status: '' | '2xx' | '4xx' | '5xx';
  resource: '' | 'Users' | 'Groups';
}

export function useRequestLog(directoryId: string, filter: RequestFilter, cursor: string | null) {
  return useQuery({
    queryKey: queryKeys.requests(directoryId, filter, cursor),
    queryFn: () =>
      portalFetch<Page<PortalRequest>>(
        `/directories/${encodeURIComponent(directoryId)}/requests${qs({ status: filter.status, resource: filter.resource, cursor, limit: 25 })}`,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: cursor ? false : 5000,
  });
}
