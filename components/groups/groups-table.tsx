'use client';
// The Groups tab: groups with member counts and mapped roles; server-side pages.
import Link from 'next/link';
import { useState } from 'react';
import { useCursorPager } from '@/lib/client/use-cursor-pager';
import { useDebounced } from '@/lib/client/use-debounced';
import { useGroups } from '@/lib/client/use-people';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { SearchField } from '../ui/search-field';
import { Pager, Table, TBody, THead, Td, Th } from '../ui/table';
import { TagList } from '../users/user-cells';

export function GroupsTable({ directoryId }: { directoryId: string }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const pager = useCursorPager(q);
  const groups = useGroups(directoryId, q, pager.cursor);
  const rows = groups.data?.data ?? [];
  return (
    <Card labelledBy="groups-title" className="mt-2">
      <CardHeader
        id="groups-title"
        title="Groups"
        description="Groups your identity provider has pushed, with their members."
        actions={
<SearchField id="group-search" label="Search groups" placeholder="Search groups" value={text} onChange={setText} />
        }
      />
      <QueryState isPending={groups.isPending} error={groups.error} onRetry={() => void groups.refetch()} label="Loading groups">
        {rows.length === 0 ? (
          <EmptyState title={q ? `No groups match “${q}”` : 'No groups yet'} description={q ? undefined : 'Groups appear here once your identity provider pushes them.'} />
        ) : (
          <>
            <Table caption="Groups">
              <THead>
                <Th>Name</Th>
                <Th className="text-right">Members</Th>
                <Th>Roles</Th>
              </THead>
              <TBody>
                {rows.map((g) => (
                  <tr key={g.id}>
                    <Td>
                      <Link href={`/portal/scim/${directoryId}/groups/${g.id}`} className="rounded font-medium text-slate-900 underline-offset-4 hover:underline focus-ring">
                        {g.displayName}
                      </Link>
                    </Td>
                    <Td className="text-right tabular-nums">{g.memberCount.toLocaleString('en-US')}</Td>
                    <Td>
                      <TagList items={g.roles} empty="No role" />
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            <Pager
              page={pager.page}
              hasPrevious={pager.hasPrevious}
              hasNext={Boolean(groups.data?.nextCursor)}
              onPrevious={pager.previous}
              onNext={() => groups.data?.nextCursor && pager.next(groups.data.nextCursor)}
              busy={groups.isFetching && groups.isPlaceholderData}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
