'use client';
// The role of people who are in no mapped group. Like a mapping, a new default is previewed before it is saved
// (it can move everyone's roles), and leaving with it unsaved asks first.
import { useState } from 'react';
import { usePreviewDefaultRole, useSaveDefaultRole } from '@/lib/client/use-roles';
import { useUnsavedGuard } from '@/lib/client/use-unsaved-guard';
import type { RolesState } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Label, Select } from '../ui/field';
import { MappingPreviewPanel } from './mapping-preview-panel';

export function DefaultRoleCard({ directoryId, state }: { directoryId: string; state: RolesState }) {
  const saved = state.defaultRoleKey ?? '';
  const [value, setValue] = useState(saved);
  // A new saved default (this tab or another) replaces the choice, during render rather than in an effect.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setValue(saved);
  }
  const save = useSaveDefaultRole(directoryId);
  const preview = usePreviewDefaultRole(directoryId);
  const dirty = value !== saved;
  useUnsavedGuard(dirty);
  const roleName = (k: string) => state.roles.find((r) => r.key === k)?.name ?? k;
  return (
    <Card labelledBy="default-title">
      <CardHeader id="default-title" title="Default role" description="Given to everyone who belongs to no mapped group." />
      <CardBody className="space-y-3">
        <div className="grid gap-3 sm:flex sm:flex-wrap sm:items-end">
          <div className="min-w-0">
            <Label htmlFor="default-role">Default role</Label>
            <Select
              id="default-role"
              className="w-full sm:w-56"
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                preview.reset();
                save.reset();
              }}
            >
              <option value="">No default role</option>
              {state.roles.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.name} ({r.key})
                </option>
              ))}
            </Select>
          </div>
          <Button variant="secondary" disabled={!dirty} loading={preview.isPending} onClick={() => preview.mutate(value || null)}>
            Preview default role
          </Button>
          <Button disabled={!dirty || !preview.data} loading={save.isPending} onClick={() => save.mutate(value || null, { onSuccess: () => preview.reset() })}>
            Save default role
          </Button>
        </div>
        {dirty && !preview.data ? (
          <p className="text-sm text-slate-700">Unsaved change. Preview it first: saving is enabled once you have seen whose roles change.</p>
        ) : null}
        {preview.data && dirty ? <MappingPreviewPanel preview={preview.data} roleName={roleName} /> : null}
        {preview.isError ? <Alert tone="danger">{preview.error.message}</Alert> : null}
        {save.isError ? <Alert tone="danger">{save.error.message}</Alert> : null}
        {save.isSuccess && !dirty ? <Alert tone="success">Default role saved.</Alert> : null}
      </CardBody>
    </Card>
  );
}
