'use client';
// The role of people who are in no mapped group.
import { useEffect, useState } from 'react';
import { useSaveDefaultRole } from '@/lib/client/use-roles';
import type { RolesState } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Label, Select } from '../ui/field';

export function DefaultRoleCard({ directoryId, state }: { directoryId: string; state: RolesState }) {
  const [value, setValue] = useState(state.defaultRoleKey ?? '');
  const save = useSaveDefaultRole(directoryId);
  useEffect(() => setValue(state.defaultRoleKey ?? ''), [state.defaultRoleKey]);
  const dirty = value !== (state.defaultRoleKey ?? '');
  return (
    <Card labelledBy="default-title">
      <CardHeader id="default-title" title="Default role" description="Given to everyone who belongs to no mapped group." />
      <CardBody className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1 sm:flex-none">
            <Label htmlFor="default-role">Default role</Label>
            <Select id="default-role" className="w-full sm:w-56" value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">No default role</option>
              {state.roles.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.name} ({r.key})
                </option>
              ))}
            </Select>
          </div>
          <Button variant="secondary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(value || null)}>
            Save default role
          </Button>
        </div>
        {save.isError ? <Alert tone="danger">{save.error.message}</Alert> : null}
        {save.isSuccess && !dirty ? <Alert tone="success">Default role saved.</Alert> : null}
      </CardBody>
    </Card>
  );
}
