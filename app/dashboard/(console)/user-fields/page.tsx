// GET /dashboard/user-fields: the host's user fields (issue 18), which every directory advertises as its extension.
import type { Metadata } from 'next';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { UserFieldsForm } from '@/components/dashboard/user-fields-form';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { readUserSchemaWithIndexes } from '@/lib/attributes/user-schema';
import { requireOperator } from '@/lib/operators/session';
import { saveUserFieldsAction } from '../../_actions/user-field-actions';

export const metadata: Metadata = { title: 'User fields' };

export default async function UserFieldsPage() {
  const operator = await requireOperator();
  const schema = await readUserSchemaWithIndexes(operator.hostId);
  return (
    <>
      <PageHeader
        title="User fields"
        description="The user fields your app needs. Every directory advertises them as a SCIM extension, and each organization's IT admin maps their identity provider's attributes to them in the portal's Attributes tab."
      />
      <Card labelledBy="fields-title">
        <CardHeader
          id="fields-title"
          title="Fields"
          description={
            schema ? (
              <>
                SCIM extension: <span className="break-all">{schema.urn}</span>
              </>
            ) : (
              'No fields declared yet.'
            )
          }
        />
        <CardBody>
          <UserFieldsForm initial={{ slug: schema?.slug ?? '', fields: schema?.fields ?? [] }} indexes={schema?.indexes ?? []} save={saveUserFieldsAction} />
        </CardBody>
      </Card>
    </>
  );
}
