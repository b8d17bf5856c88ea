'use client';
// "Add an operator": their email and a first password, which they should change by asking for a new account if it
// was shared insecurely. The password rules are the CLI's (said here, before they are refused).
import { useId } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input, Label } from '../ui/field';
import { FormError } from './form-result';
import { useFormAction, type FormAction } from './use-form-action';

const PASSWORD_RULE =
  'At least 12 characters not counting spaces at either end; not a few characters repeated, a common password or one built on a common word (Password2024!), and not containing the email’s name.';

export function OperatorCreateForm({ action }: { action: FormAction<{ id: string; email: string }> }) {
  const id = useId();
  const { result, pending, onSubmit } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Add an operator">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor={`${id}-email`}>Email</Label>
          <Input id={`${id}-email`} name="email" type="email" required maxLength={254} autoComplete="off" className="mt-1" />
        </div>
        <div>
          <Label htmlFor={`${id}-password`}>Password</Label>
          <Input
            id={`${id}-password`}
            name="password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            aria-describedby={`${id}-rule`}
            className="mt-1"
          />
          <p id={`${id}-rule`} className="mt-1 text-xs text-slate-600">
            {PASSWORD_RULE}
          </p>
        </div>
      </div>
      <Button type="submit" loading={pending}>
        Add operator
      </Button>
      <FormError result={result} />
      {result?.ok ? <Alert tone="success">Added {result.data.email}. They sign in at /dashboard/signin.</Alert> : null}
    </form>
  );
}
