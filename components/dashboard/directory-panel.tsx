'use client';
// One directory on the organization page: health (the portal's definition), counts, its tokens and their last
// use; rename, disable (asks first), delete (the name typed).
import { useId } from 'react';
import { formatRelative } from '@/lib/client/format';
import type { ActionResult } from '@/lib/operators/operator-action';
import type { OrganizationDetail } from '@/lib/operators/organization-detail';
import { HealthBadge } from '../scim/health-badge';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Input, Label } from '../ui/field';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { ConfirmAction } from './confirm-action';
import { TimeText } from './time-text';

export type ChangeDirectory = (
  directoryId: string,
  change: { name?: string; status?: 'enabled' | 'disabled'; confirm?: string },
) => Promise<ActionResult<{ organizationId: string }>>;

type Directory = OrganizationDetail['directories'][number];

const EXPLAIN: Record<string, string> = {
  auth_failures: 'Requests without a valid token since the last accepted one: the IdP holds a wrong, revoked or expired token.',
  errors: 'The newest requests were all refused: see the portal’s request log.',
  no_requests: 'No request for longer than the provider’s sync cycle.',
};

export function DirectoryPanel({ directory: d, change }: { directory: Directory; change: ChangeDirectory }) {
  const id = useId();
  const c = d.connection;
  return (
    <Card labelledBy={`${id}-title`}>
      <CardHeader
        id={`${id}-title`}
        title={d.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{d.providerName}</span>
            {d.status === 'enabled' ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
            <HealthBadge state={c.state} />
          </span>
        }
        actions={
          d.status === 'enabled' ? (
            <ConfirmAction label="Disable" confirmLabel={`Disable ${d.name}`} run={() => change(d.id, { status: 'disabled' })} />
          ) : (
            <Button size="sm" variant="secondary" onClick={() => void change(d.id, { status: 'enabled' })}>
              Enable
            </Button>
          )
        }
      />
      <CardBody className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Users</dt>
            <dd className="font-semibold text-slate-900">{d.users.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Groups</dt>
            <dd className="font-semibold text-slate-900">{d.groups.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Last request</dt>
            <dd className="text-slate-900">{c.lastRequestAt ? formatRelative(c.lastRequestAt) : 'Never'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Without a valid token</dt>
            <dd className="text-slate-900">
              {c.unauthenticated
                ? `${c.unauthenticated.count.toLocaleString('en-US')}, ${c.unauthenticated.sinceLastAccepted} since the last accepted request`
                : '0'}
            </dd>
          </div>
        </dl>
        {c.reason ? <p className="text-sm text-slate-700">{EXPLAIN[c.reason]}</p> : null}
        <p className="break-all font-mono text-xs text-slate-600">{d.endpoint}</p>
      </CardBody>
      <Table caption={`Tokens of ${d.name}`}>
        <THead>
          <Th>Token</Th>
          <Th>Last used</Th>
          <Th className="hidden sm:table-cell">Created</Th>
          <Th>Status</Th>
        </THead>
        <TBody>
          {d.tokens.map((t) => (
            <tr key={t.id}>
              <Td className="font-mono text-xs">…{t.lastFour}</Td>
              <Td>
                <TimeText iso={t.lastUsedAt} empty="Never" />
              </Td>
              <Td className="hidden sm:table-cell">
                <TimeText iso={t.createdAt} />
              </Td>
              <Td>{t.revokedAt ? <Badge>Revoked</Badge> : <Badge tone="success">Active</Badge>}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <CardBody className="flex flex-wrap items-end justify-between gap-3 border-t border-slate-200">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
            if (name) void change(d.id, { name });
          }}
        >
          <div>
            <Label htmlFor={`${id}-name`}>Directory name</Label>
            <Input id={`${id}-name`} name="name" defaultValue={d.name} maxLength={100} className="sm:w-60" />
          </div>
          <Button type="submit" size="sm" variant="secondary">
            Rename
          </Button>
        </form>
        <ConfirmAction label="Delete directory" confirmLabel="Delete directory" typeToConfirm={d.name} run={(typed) => change(d.id, { confirm: typed })} />
      </CardBody>
    </Card>
  );
}
