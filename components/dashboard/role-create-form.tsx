'use client';
// "Create role": roles are the host's vocabulary (key used by the app, name shown to customers' admins).
import { useId } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input, Label } from '../ui/field';
import { FormError } from './form-result';
import { useFormAction, type FormAction } from './use-form-action';

export function RoleCreateForm({ action }: { action: FormAction<{ id: string; key: string }> }) {
  const id = useId();
  const { result, pending, onSubmit } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Create role">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor={`${id}-key`}>Key</Label>
          <Input
            id={`${id}-key`}
            name="key"
            required
            maxLength={100}
            pattern="[A-Za-z0-9][A-Za-z0-9_.:\-]*"
            autoComplete="off"
            aria-describedby={`${id}-key-hint`}
            className="mt-1 font-mono"
          />
          <p id={`${id}-key-hint`} className="mt-1 text-xs text-slate-600">
            What your app receives, e.g. <code>admin</code>. Letters, digits and _ . : -
          </p>
        </div>
        <div>
          <Label htmlFor={`${id}-name`}>Name</Label>
          <Input id={`${id}-name`} name="name" required maxLength={200} autoComplete="off" className="mt-1" />
        </div>
      </div>
      <div>
        <Label htmlFor={`${id}-desc`}>Description (optional)</Label>
        <Input id={`${id}-desc`} name="description" maxLength={1000} autoComplete="off" className="mt-1" />
      </div>
      <Button type="submit" loading={pending}>
        Create role
      </Button>
      <FormError result={result} />
      {result?.ok ? <Alert tone="success">Created role {result.data.key}.</Alert> : null}
    </form>
  );
}
