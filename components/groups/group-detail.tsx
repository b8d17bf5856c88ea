'use client';
// One group: its roles and its members, a page at a time (a group can have 50,000 members).
import Link from 'next/link';
import { useCursorPager } from '@/lib/client/use-cursor-pager';
import { useGroup, useMembers } from '@/lib/client/use-people';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { PagedTable } from '../ui/paged-table';
import { QueryState } from '../ui/query-state';
import { Td, Th } from '../ui/table';
import { ActiveBadge, TagList, UserNameCell } from '../users/user-cells';

export function GroupDetail({ directoryId, groupId }: { directoryId: string; groupId: string }) {
  const group = useGroup(directoryId, groupId);
  const pager = useCursorPager(groupId);
  const members = useMembers(directoryId, groupId, pager.cursor);
  const g = group.data;
  return (
    <div className="mt-2 space-y-4">
      <Link href={`/portal/scim/${directoryId}/groups`} className="inline-flex rounded text-sm font-medium text-slate-600 hover:text-slate-900 focus-ring">
        <span aria-hidden="true">←&nbsp;</span>All groups
      </Link>
      <QueryState isPending={group.isPending} error={group.error} onRetry={() => void group.refetch()} label="Loading group">
        {g ? (
          <Card labelledBy="group-title">
            <CardHeader
              id="group-title"
              title={g.displayName}
              description={`${g.memberCount.toLocaleString('en-US')} member${g.memberCount === 1 ? '' : 's'}${g.externalId ? ` · External ID ${g.externalId}` : ''}`}
              actions={<TagList items={g.roles} empty="No role mapped" />}
            />
            <PagedTable
              query={members}
              pager={pager}
              loadingLabel="Loading members"
              caption={`Members of ${g.displayName}`}
              empty={<EmptyState title="No members" description="Members appear here when your identity provider adds people to this group." />}
              head={
                <>
                  <Th>Name</Th>
                  <Th className="hidden md:table-cell">Email</Th>
                  <Th>Status</Th>
                  <Th>Roles</Th>
                </>
              }
              row={(u) => (
                <tr key={u.id}>
                  <Td>
                    <UserNameCell directoryId={directoryId} user={u} />
                  </Td>
                  <Td className="hidden break-words md:table-cell">{u.email ?? '—'}</Td>
                  <Td>
                    <ActiveBadge active={u.active} />
                  </Td>
                  <Td>
                    <TagList items={u.roles} empty="No role" />
                  </Td>
                </tr>
              )}
            />
          </Card>
        ) : null}
      </QueryState>
    </div>
  );
}
