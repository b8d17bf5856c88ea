'use client';
// The Roles tab: the host's roles, mapped from this directory's groups.
import { useRoles } from '@/lib/client/use-roles';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { QueryState } from '../ui/query-state';
import { DefaultRoleCard } from './default-role-card';
import { MappingEditor } from './mapping-editor';

export function RolesView({ directoryId }: { directoryId: string }) {
  const q = useRoles(directoryId);
  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} label="Loading roles">
      {q.data && q.data.roles.length === 0 ? (
        <Card className="mt-2">
          <EmptyState title="No roles defined" description="Your application has not defined any roles yet. Once it does, you can map groups to them here." />
        </Card>
      ) : q.data ? (
        <div className="space-y-6">
          <MappingEditor directoryId={directoryId} state={q.data} />
          <DefaultRoleCard directoryId={directoryId} state={q.data} />
        </div>
      ) : null}
    </QueryState>
  );
}
