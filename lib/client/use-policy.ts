'use client';
// The organization's provisioning policy as the host set it (read-only here), with the seats used now.
import { useQuery } from '@tanstack/react-query';
import type { ApiPolicy } from '../schemas/policy';
import { portalFetch } from './portal-fetch';
import { queryKeys } from './query-keys';

export function usePolicy() {
  return useQuery({ queryKey: queryKeys.policy, queryFn: () => portalFetch<ApiPolicy>('/policy') });
}
