'use client';
// The SCIM request log, newest first, filtered server side; refreshed every few seconds while on its first page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { portalFetch, qs } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { Page, PortalRequest, RequestTotals } from './types';

export interface RequestFilter {
  status: '' | '2xx' | '4xx' | '5xx';
  resource: '' | 'Users' | 'Groups';
  /** A person: the start of a userName or email, or an exact user id or externalId. */
  person: string;
}

export function useRequestLog(directoryId: string, filter: RequestFilter, cursor: string | null) {
  return useQuery({
    queryKey: queryKeys.requests(directoryId, filter, cursor),
    queryFn: () =>
      portalFetch<Page<PortalRequest> & { totals: RequestTotals | null }>(
        `/directories/${encodeURIComponent(directoryId)}/requests${qs({ status: filter.status, resource: filter.resource, q: filter.person, cursor, limit: 25 })}`,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: cursor ? false : 5000,
  });
}
