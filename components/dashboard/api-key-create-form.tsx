'use client';
// "Create API key": the secret comes back once and is shown here with a warning and a copy button; it is never
// stored in plaintext, so leaving this page loses it.
import { useId } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { CopyField } from '../ui/copy-field';
import { Input, Label } from '../ui/field';
import { FormError } from './form-result';
import { useFormAction, type FormAction } from './use-form-action';

export function ApiKeyCreateForm({ action }: { action: FormAction<{ id: string; name: string; key: string }> }) {
  const id = useId();
  const { result, pending, onSubmit } = useFormAction(action);
  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end" aria-label="Create API key">
        <div className="flex-1">
          <Label htmlFor={`${id}-name`}>Key name</Label>
          <Input id={`${id}-name`} name="name" required maxLength={100} autoComplete="off" placeholder="e.g. production backend" className="mt-1" />
        </div>
        <Button type="submit" loading={pending}>
          Create API key
        </Button>
      </form>
      <FormError result={result} />
      {result?.ok ? (
        <Alert tone="warning" title={`Copy the secret of "${result.data.name}" now`}>
          <p>This is the only time it is shown. Store it in your secret manager; if it is lost, create a new key and revoke this one.</p>
          <div className="pt-2">
            <CopyField label="API key secret" value={result.data.key} />
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
