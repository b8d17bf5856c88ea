'use client';
// Every bearer token of the directory by its last four characters, with when it was created and last used.
import { useState } from 'react';
import { formatDateTime, formatRelative } from '@/lib/client/format';
import { useRevokeToken, useTokens } from '@/lib/client/use-tokens';
import type { PortalToken } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardHeader } from '../ui/card';
import { QueryState } from '../ui/query-state';
import { Table, TBody, THead, Td, Th } from '../ui/table';

function RevokeButton({ directoryId, token }: { directoryId: string; token: PortalToken }) {
  const revoke = useRevokeToken(directoryId);
  const [confirm, setConfirm] = useState(false);
  if (token.revokedAt) return <span className="text-sm text-slate-600">Revoked {formatRelative(token.revokedAt)}</span>;
  return confirm ? (
    <span className="flex flex-wrap gap-2">
      <Button
        size="sm"
        variant="danger"
        loading={revoke.isPending}
        onClick={() => revoke.mutate(token.id)}
        aria-label={`Confirm revoking token ending ${token.lastFour}`}
      >
        Confirm revoke
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirm(false)}>
        Cancel
      </Button>
    </span>
  ) : (
    <Button size="sm" variant="secondary" onClick={() => setConfirm(true)} aria-label={`Revoke token ending ${token.lastFour}`}>
      Revoke
    </Button>
  );
}

export function TokenList({ directoryId }: { directoryId: string }) {
  const q = useTokens(directoryId);
  const active = (q.data ?? []).filter((t) => !t.revokedAt).length;
  return (
    <Card labelledBy="tokens-title">
      <CardHeader
        id="tokens-title"
        title="Bearer tokens"
        description="Rotate without downtime: generate a new token, update your identity provider, then revoke the old one."
      />
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} label="Loading tokens">
        {active === 0 ? (
          <Alert tone="warning" className="m-4">
            No active token: your identity provider cannot connect until you generate one.
          </Alert>
        ) : null}
        <Table caption="Bearer tokens">
          <THead>
            <Th>Token</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {(q.data ?? []).map((t) => (
              <tr key={t.id}>
                <Td className="font-mono text-slate-900">••••{t.lastFour}</Td>
                <Td className="whitespace-nowrap">{formatDateTime(t.createdAt)}</Td>
                <Td className="whitespace-nowrap">{t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'Never'}</Td>
                <Td>{t.revokedAt ? <Badge>Revoked</Badge> : <Badge tone="success">Active</Badge>}</Td>
                <Td className="text-right">
                  <RevokeButton directoryId={directoryId} token={t} />
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </QueryState>
    </Card>
  );
}
