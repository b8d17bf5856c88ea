'use client';
// "Create organization": name and optional external id (the host's own id for the customer).
import { useId } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input, Label } from '../ui/field';
import { FormError } from './form-result';
import { useFormAction, type FormAction } from './use-form-action';

export function CreateOrganizationForm({ action }: { action: FormAction<{ id: string; name: string }> }) {
  const id = useId();
  const { result, pending, onSubmit } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        Create organization
      </h2>
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div>
          <Label htmlFor={`${id}-name`}>Organization name</Label>
          <Input id={`${id}-name`} name="name" required maxLength={200} autoComplete="off" className="mt-1" />
        </div>
        <div>
          <Label htmlFor={`${id}-ext`}>External ID (optional)</Label>
          <Input id={`${id}-ext`} name="externalId" maxLength={200} autoComplete="off" className="mt-1" />
        </div>
        <Button type="submit" loading={pending}>
          Create organization
        </Button>
      </div>
      <FormError result={result} />
      {result?.ok ? <Alert tone="success">Created {result.data.name}.</Alert> : null}
    </form>
  );
}
