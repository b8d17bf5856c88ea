// GET /dashboard/api-keys: host API keys (name, last four, created, last used, revoked); create and revoke.
import type { Metadata } from 'next';
import { ApiKeyCreateForm } from '@/components/dashboard/api-key-create-form';
import { ApiKeysTable } from '@/components/dashboard/api-keys-table';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { listApiKeys } from '@/lib/operators/api-key-admin';
import { requireOperator } from '@/lib/operators/session';
import { createApiKeyAction, revokeApiKeyAction } from '../../_actions/api-key-actions';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const operator = await requireOperator();
  const keys = await listApiKeys(operator.hostId);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys your application uses for the host API (Authorization: Bearer …). A revoked key fails from its next request on."
      />
      <Card className="mb-6">
        <CardBody>
          <ApiKeyCreateForm action={createApiKeyAction} />
        </CardBody>
      </Card>
      <Card labelledBy="keys-title">
        <CardHeader id="keys-title" title="Keys" description={`${keys.length} key${keys.length === 1 ? '' : 's'}, newest first`} />
        <ApiKeysTable keys={keys} revoke={revokeApiKeyAction} />
      </Card>
    </>
  );
}
