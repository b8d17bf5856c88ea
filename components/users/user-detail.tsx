'use client';
// One user: the normalised fields, groups and roles, the app's mapped fields, and every attribute the IdP sent (the
// raw SCIM resource).
import Link from 'next/link';
import { formatDateTime } from '@/lib/client/format';
import { useUser } from '@/lib/client/use-people';
import { Card, CardBody, CardHeader } from '../ui/card';
import { QueryState } from '../ui/query-state';
import { MappedAttributesCard } from './mapped-attributes-card';
import { ActiveBadge, TagList, displayName } from './user-cells';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-0.5 break-all text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function UserDetail({ directoryId, userId }: { directoryId: string; userId: string }) {
  const q = useUser(directoryId, userId);
  const u = q.data;
  return (
    <div className="mt-2 space-y-4">
      <Link href={`/portal/scim/${directoryId}/users`} className="inline-flex rounded text-sm font-medium text-slate-600 hover:text-slate-900 focus-ring">
        <span aria-hidden="true">←&nbsp;</span>All users
      </Link>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} label="Loading user">
        {u ? (
          <>
            <Card labelledBy="user-title">
              <CardHeader id="user-title" title={displayName(u)} description={u.email ?? u.userName} actions={<ActiveBadge active={u.active} />} />
              <CardBody>
                <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                  <Field label="userName">{u.userName}</Field>
                  <Field label="Email">{u.email ?? '—'}</Field>
                  <Field label="External ID">{u.externalId ?? '—'}</Field>
                  <Field label="Groups">
                    <TagList items={u.groups.map((g) => g.displayName)} />
                  </Field>
                  <Field label="Roles">
                    <TagList items={u.roles} empty="No role" />
                  </Field>
                  <Field label="Last updated">{formatDateTime(u.updatedAt)}</Field>
                </dl>
              </CardBody>
            </Card>
            <MappedAttributesCard user={u} />
            <Card labelledBy="attrs-title">
              <CardHeader id="attrs-title" title="Attributes from your identity provider" description="The SCIM resource exactly as it was last sent." />
              <CardBody>
                <pre
                  tabIndex={0}
                  aria-labelledby="attrs-title"
                  className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-4 text-xs leading-5 text-slate-100 focus-ring"
                >
                  {JSON.stringify(u.attributes, null, 2)}
                </pre>
              </CardBody>
            </Card>
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
