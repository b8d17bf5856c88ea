'use client';
// The Groups tab: groups with member counts and mapped roles; server-side pages.
import Link from 'next/link';
import { useGroups } from '@/lib/client/use-people';
import { useSearchPages } from '@/lib/client/use-search-pages';
import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { PagedTable } from '../ui/paged-table';
import { SearchField } from '../ui/search-field';
import { Td, Th } from '../ui/table';
import { TagList } from '../users/user-cells';

export function GroupsTable({ directoryId }: { directoryId: string }) {
  const { text, setText, q, pager } = useSearchPages();
  const groups = useGroups(directoryId, q, pager.cursor);
  return (
    <Card labelledBy="groups-title" className="mt-2">
      <CardHeader
        id="groups-title"
        title="Groups"
        description="Groups your identity provider has pushed, with their members."
        actions={<SearchField id="group-search" label="Search groups" placeholder="Search groups" value={text} onChange={setText} />}
      />
      <PagedTable
        query={groups}
        pager={pager}
        loadingLabel="Loading groups"
        caption="Groups"
        empty={
          <EmptyState
            title={q ? `No groups match “${q}”` : 'No groups yet'}
            description={q ? undefined : 'Groups appear here once your identity provider pushes them.'}
          />
        }
        head={
          <>
            <Th>Name</Th>
            <Th className="text-right">Members</Th>
            <Th>Roles</Th>
          </>
        }
        row={(g) => (
          <tr key={g.id}>
            <Td>
              <Link
                href={`/portal/scim/${directoryId}/groups/${g.id}`}
                className="rounded font-medium text-slate-900 underline-offset-4 hover:underline focus-ring"
              >
                {g.displayName}
              </Link>
              {g.selected ? null : (
                <span className="ml-2">
                  <Badge>Not sent to the app</Badge>
                </span>
              )}
            </Td>
            <Td className="text-right tabular-nums">{g.memberCount.toLocaleString('en-US')}</Td>
            <Td>
              <TagList items={g.roles} empty="No role" />
            </Td>
          </tr>
        )}
      />
    </Card>
  );
}
