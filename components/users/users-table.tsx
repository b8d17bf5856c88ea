'use client';
// The Users tab: search by name, email or userName; server-side pages of 25.
import { useUsers } from '@/lib/client/use-people';
import { useRoles } from '@/lib/client/use-roles';
import { useSearchPages } from '@/lib/client/use-search-pages';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { PagedTable } from '../ui/paged-table';
import { SearchField } from '../ui/search-field';
import { Td, Th } from '../ui/table';
import { PolicySummary } from './policy-summary';
import { ActiveBadge, TagList, UserNameCell } from './user-cells';

export function UsersTable({ directoryId }: { directoryId: string }) {
  const { text, setText, q, pager } = useSearchPages();
  const users = useUsers(directoryId, q, pager.cursor);
  // Roles by their names (the host's keys are for its code).
  const roles = useRoles(directoryId);
  const roleName = (k: string) => roles.data?.roles.find((r) => r.key === k)?.name ?? k;
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
      <PolicySummary />
      <PagedTable
        query={users}
        pager={pager}
        loadingLabel="Loading users"
        caption="Users"
        empty={
          <EmptyState
            title={q ? `No users match “${q}”` : 'No users yet'}
            description={
              q
                ? 'Search looks at the start of the userName, email, first and last name, and anywhere in the display name.'
                : 'Users appear here once your identity provider provisions them.'
            }
          />
        }
        head={
          <>
            <Th>Name</Th>
            <Th className="hidden md:table-cell">Email</Th>
            <Th className="hidden lg:table-cell">userName</Th>
            <Th>Status</Th>
            <Th>Groups</Th>
            <Th>Roles</Th>
          </>
        }
        row={(u) => (
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
              <TagList items={u.roles.map(roleName)} empty="No role" />
            </Td>
          </tr>
        )}
      />
    </Card>
  );
}
