'use client';
// The Users tab: search by name, email or userName; server-side pages of 25.
import { useState } from 'react';
import { useCursorPager } from '@/lib/client/use-cursor-pager';
import { useDebounced } from '@/lib/client/use-debounced';
import { useUsers } from '@/lib/client/use-people';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { SearchField } from '../ui/search-field';
import { Pager, Table, TBody, THead, Td, Th } from '../ui/table';
import { ActiveBadge, TagList, UserNameCell } from './user-cells';

export function UsersTable({ directoryId }: { directoryId: string }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const pager = useCursorPager(q);
  const users = useUsers(directoryId, q, pager.cursor);
  const rows = users.data?.data ?? [];
  return (
    <Card labelledBy="users-title" className="mt-2">
      <CardHeader
        id="users-title"
        title="Users"
        description="People your identity provider has provisioned."
        actions={
<SearchField
            id="user-search"
            label="Search users"
            placeholder="Search by name, email or userName"
            value={text}
            onChange={setText}
            className="w-full sm:w-72"
          />
        }
      />
      <QueryState isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()} label="Loading users">
        {rows.length === 0 ? (
          <EmptyState
            title={q ? `No users match “${q}”` : 'No users yet'}
            description={q ? 'Search looks at the start of the userName, email, first and last name, and anywhere in the display name.' : 'Users appear here once your identity provider provisions them.'}
          />
        ) : (
          <>
            <Table caption="Users">
              <THead>
                <Th>Name</Th>
                <Th className="hidden md:table-cell">Email</Th>
                <Th className="hidden lg:table-cell">userName</Th>
                <Th>Status</Th>
                <Th>Groups</Th>
                <Th>Roles</Th>
              </THead>
              <TBody>
                {rows.map((u) => (
                  <tr key={u.id}>
                    <Td>
                      <UserNameCell directoryId={directoryId} user={u} />
                      {/* Narrow screens fold email and userName under the name instead of squeezing columns. */}
                      <span className="block break-words text-xs text-slate-600 md:hidden">{u.email ?? u.userName}</span>
                    </Td>
                    <Td className="hidden break-words md:table-cell">{u.email ?? '—'}</Td>
                    <Td className="hidden break-words font-mono text-xs lg:table-cell">{u.userName}</Td>
                    <Td>
                      <ActiveBadge active={u.active} />
                    </Td>
                    <Td>
                      <TagList items={u.groups.map((g) => g.displayName)} />
                    </Td>
                    <Td>
                      <TagList items={u.roles} empty="No role" />
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            <Pager
              page={pager.page}
              hasPrevious={pager.hasPrevious}
              hasNext={Boolean(users.data?.nextCursor)}
              onPrevious={pager.previous}
              onNext={() => users.data?.nextCursor && pager.next(users.data.nextCursor)}
              busy={users.isFetching && users.isPlaceholderData}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
