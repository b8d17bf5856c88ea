'use client';
// The host's roles, which customers' admins map their IdP groups to in the portal: each renamed or re-described in
// place (the key never changes: the host's code reads it) or deleted after a confirmation.
import { useState } from 'react';
import type { ActionResult } from '@/lib/operators/operator-action';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { Input, Label } from '../ui/field';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { ConfirmAction } from './confirm-action';
import { FormError } from './form-result';
import { TimeText } from './time-text';
import { useFormAction, type FormAction } from './use-form-action';

export interface RoleView {
  id: string;
  key: string;
  name: string;
  description: string | null;
  createdAt: string;
}

function EditRow({ role, update, done }: { role: RoleView; update: FormAction<{ key: string }>; done: () => void }) {
  const { result, pending, onSubmit } = useFormAction(async (prev: ActionResult<{ key: string }> | null, form: FormData) => {
    const r = await update(prev, form);
    if (r.ok) done();
    return r;
  });
  return (
    <tr>
      <td colSpan={4} className="bg-slate-50 px-4 py-3">
        <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end" aria-label={`Edit ${role.name}`}>
          <input type="hidden" name="key" value={role.key} />
          <div>
            <Label htmlFor={`role-name-${role.id}`}>Name</Label>
            <Input id={`role-name-${role.id}`} name="name" defaultValue={role.name} required maxLength={200} />
          </div>
          <div>
            <Label htmlFor={`role-desc-${role.id}`}>Description</Label>
            <Input id={`role-desc-${role.id}`} name="description" defaultValue={role.description ?? ''} maxLength={1000} />
          </div>
          <span className="flex gap-2">
            <Button type="submit" size="sm" loading={pending}>
              Save role
            </Button>
            <Button size="sm" variant="ghost" onClick={done}>
              Cancel
            </Button>
          </span>
          <FormError result={result} />
        </form>
      </td>
    </tr>
  );
}

export function RolesTable({
  roles,
  update,
  remove,
}: {
  roles: RoleView[];
  update: FormAction<{ key: string }>;
  remove: (key: string) => Promise<ActionResult<unknown>>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (roles.length === 0)
    return <EmptyState title="No roles yet" description="Create the roles your app understands; organizations then map their groups to them." />;
  return (
    <Table caption="Roles">
      <THead>
        <Th>Role</Th>
        <Th className="hidden sm:table-cell">Description</Th>
        <Th className="hidden md:table-cell">Created</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {roles.flatMap((r) => [
          <tr key={r.id}>
            <Td>
              <span className="font-medium text-slate-900">{r.name}</span>
              <code className="block font-mono text-xs text-slate-600">{r.key}</code>
            </Td>
            <Td className="hidden sm:table-cell">{r.description ?? <span className="text-slate-500">—</span>}</Td>
            <Td className="hidden md:table-cell">
              <TimeText iso={r.createdAt} />
            </Td>
            <Td>
              <span className="flex flex-wrap justify-end gap-2">
                <Button size="sm" variant="secondary" onClick={() => setEditing(r.id)} aria-label={`Edit ${r.name}`}>
                  Edit
                </Button>
                <ConfirmAction label="Delete" confirmLabel={`Delete ${r.name}`} run={() => remove(r.key)} />
              </span>
            </Td>
          </tr>,
          editing === r.id ? <EditRow key={`${r.id}-edit`} role={r} update={update} done={() => setEditing(null)} /> : null,
        ])}
      </TBody>
    </Table>
  );
}
