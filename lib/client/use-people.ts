'use client';
// Users, groups and members of a directory: server-side pages through keyset cursors.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { portalFetch, qs } from './portal-fetch';
import { queryKeys } from './query-keys';
import type { Page, PortalGroup, PortalGroupDetail, PortalUser, PortalUserDetail } from './types';

const dir = (id: string) => `/directories/${encodeURIComponent(id)}`;
const PAGE_SIZE = 25;

export function useUsers(directoryId: string, q: string, cursor: string | null) {
  return useQuery({
    queryKey: queryKeys.users(directoryId, q, cursor),
    queryFn: () => portalFetch<Page<PortalUser>>(`${dir(directoryId)}/users${qs({ q, cursor, limit: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
}

export function useUser(directoryId: string, userId: string) {
  return useQuery({
    queryKey: queryKeys.user(directoryId, userId),
    queryFn: () => portalFetch<PortalUserDetail>(`${dir(directoryId)}/users/${encodeURIComponent(userId)}`),
  });
}

export function useGroups(directoryId: string, q: string, cursor: string | null, limit = PAGE_SIZE) {
  return useQuery({
    queryKey: [...queryKeys.groups(directoryId, q, cursor), limit],
    queryFn: () => portalFetch<Page<PortalGroup>>(`${dir(directoryId)}/groups${qs({ q, cursor, limit })}`),
    placeholderData: keepPreviousData,
  });
}

export function useGroup(directoryId: string, groupId: string) {
  return useQuery({
    queryKey: queryKeys.group(directoryId, groupId),
    queryFn: () => portalFetch<PortalGroupDetail>(`${dir(directoryId)}/groups/${encodeURIComponent(groupId)}`),
  });
}

export function useMembers(directoryId: string, groupId: string, cursor: string | null) {
  return useQuery({
    queryKey: queryKeys.members(directoryId, groupId, cursor),
    queryFn: () => portalFetch<Page<PortalUser>>(`${dir(directoryId)}/groups/${encodeURIComponent(groupId)}/members${qs({ cursor, limit: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
}
