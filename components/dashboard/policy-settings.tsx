'use client';
// The organization's provisioning policy (issue 19): accepted domains, seat limit, what a deactivation does. The
// IdP's refusals answer 403 with the reason, and the portal shows the IT admin the same policy.
import { useId, useState } from 'react';
import type { ApiPolicy } from '@/lib/schemas/policy';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Input, Label, Select } from '../ui/field';
import { FormError } from './form-result';
import { useFormAction, type FormAction } from './use-form-action';

export function PolicySettings({ policy, update }: { policy: ApiPolicy; update: FormAction<{ id: string }> }) {
  const id = useId();
  const { result, pending, onSubmit } = useFormAction(update);
  const [mode, setMode] = useState(policy.leaving.mode);
  return (
    <Card labelledBy={`${id}-title`}>
      <CardHeader
        id={`${id}-title`}
        title="Provisioning policy"
        description={`Seats used: ${policy.seatsUsed.toLocaleString('en-US')}${policy.seatLimit !== null ? ` of ${policy.seatLimit.toLocaleString('en-US')}` : ''}. Creates and reactivations outside the policy are refused with the reason.`}
      />
      <CardBody>
        <form key={policy.updatedAt ?? 'defaults'} onSubmit={onSubmit} className="space-y-3" aria-label="Provisioning policy">
          <input type="hidden" name="organizationId" value={policy.organizationId} />
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <Label htmlFor={`${id}-domains`}>Accepted domains</Label>
              <Input
                id={`${id}-domains`}
                name="domains"
                defaultValue={policy.domains.join(', ')}
                placeholder="Any domain"
                className="mt-1"
                aria-describedby={`${id}-domains-hint`}
              />
              <p id={`${id}-domains-hint`} className="mt-1 text-xs text-slate-600">
                Comma-separated; each covers its subdomains.
              </p>
            </div>
            <div>
              <Label htmlFor={`${id}-seats`}>Seat limit (active users)</Label>
              <Input id={`${id}-seats`} name="seatLimit" type="number" min={0} defaultValue={policy.seatLimit ?? ''} placeholder="No limit" className="mt-1" />
            </div>
            <div>
              <Label htmlFor={`${id}-leaving`}>When the IdP deactivates a user</Label>
              <Select
                id={`${id}-leaving`}
                name="leavingMode"
                value={mode}
                onChange={(e) => setMode(e.target.value as ApiPolicy['leaving']['mode'])}
                className="mt-1 w-full"
              >
                <option value="deactivate">Keep it, without roles</option>
                <option value="delete_after">Delete it after some days</option>
                <option value="delete">Delete it at once</option>
              </Select>
            </div>
            {mode === 'delete_after' ? (
              <div>
                <Label htmlFor={`${id}-days`}>Days before deletion</Label>
                <Input
                  id={`${id}-days`}
                  name="deleteAfterDays"
                  type="number"
                  min={1}
                  max={3650}
                  required
                  defaultValue={policy.leaving.deleteAfterDays ?? 30}
                  className="mt-1"
                />
              </div>
            ) : null}
          </div>
          <Button type="submit" variant="secondary" loading={pending}>
            Save policy
          </Button>
          <FormError result={result} />
          {result?.ok ? <Alert tone="success">Policy saved.</Alert> : null}
        </form>
      </CardBody>
    </Card>
  );
}
