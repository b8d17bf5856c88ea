'use client';
// An organization's name and external ID, and its deletion (everything it holds goes, with the events a host that
// mirrors users needs): the name typed to confirm.
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import type { ActionResult } from '@/lib/operators/operator-action';
import type { OrganizationDetail } from '@/lib/operators/organization-detail';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Input, Label } from '../ui/field';
import { ConfirmAction } from './confirm-action';
import { FormError } from './form-result';
import { useFormAction, type FormAction } from './use-form-action';

export function OrganizationSettings({
  org,
  update,
  remove,
}: {
  org: Pick<OrganizationDetail, 'id' | 'name' | 'externalId'>;
  update: FormAction<{ id: string; name: string }>;
  remove: (organizationId: string, confirm: string) => Promise<ActionResult<{ id: string }>>;
}) {
  const id = useId();
  const router = useRouter();
  const { result, pending, onSubmit } = useFormAction(update);
  return (
    <Card labelledBy={`${id}-title`}>
      <CardHeader id={`${id}-title`} title="Organization settings" />
      <CardBody className="space-y-6">
        <form onSubmit={onSubmit} className="space-y-3" aria-label="Organization settings">
          <input type="hidden" name="id" value={org.id} />
          <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <div>
              <Label htmlFor={`${id}-name`}>Organization name</Label>
              <Input id={`${id}-name`} name="name" defaultValue={org.name} required maxLength={200} className="mt-1" />
            </div>
            <div>
              <Label htmlFor={`${id}-ext`}>External ID</Label>
              <Input id={`${id}-ext`} name="externalId" defaultValue={org.externalId ?? ''} maxLength={200} className="mt-1" />
            </div>
            <Button type="submit" variant="secondary" loading={pending}>
              Save
            </Button>
          </div>
          <FormError result={result} />
          {result?.ok ? <Alert tone="success">Saved.</Alert> : null}
        </form>
        <div className="rounded-md border border-red-200 p-4">
          <h3 className="text-sm font-semibold text-red-900">Delete this organization</h3>
          <p className="mb-3 mt-1 text-sm text-slate-700">Removes its directories with their users, groups and tokens, and ends its portal sessions.</p>
          <ConfirmAction
            label="Delete organization"
            confirmLabel="Delete organization"
            typeToConfirm={org.name}
            run={(typed) => remove(org.id, typed)}
            onDone={() => router.push('/dashboard')}
          />
        </div>
      </CardBody>
    </Card>
  );
}
