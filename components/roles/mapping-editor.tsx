'use client';
// Edit group-to-role mappings as a draft, preview what the draft would do, then save it in one go. Leaving with an
// unsaved draft asks first. Roles show by name, their keys secondary.
import { useMemo, useState } from 'react';
import { useDebounced } from '@/lib/client/use-debounced';
import { useGroups } from '@/lib/client/use-people';
import { usePreviewMappings, useSaveMappings } from '@/lib/client/use-roles';
import { useUnsavedGuard } from '@/lib/client/use-unsaved-guard';
import type { RoleMapping, RolesState } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { Input, Label, Select } from '../ui/field';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { MappingPreviewPanel } from './mapping-preview-panel';

const key = (m: RoleMapping) => `${m.groupId} ${m.roleKey}`;
/** Groups the picker lists at once; a directory with more is searched by name. */
const PICKER_LIMIT = 100;

export function MappingEditor({ directoryId, state }: { directoryId: string; state: RolesState }) {
  const [find, setFind] = useState('');
  const q = useDebounced(find.trim());
  const groups = useGroups(directoryId, q, null, PICKER_LIMIT);
  const listed = groups.data?.data ?? [];
  const more = Boolean(groups.data?.nextCursor);
  const [draft, setDraft] = useState<RoleMapping[]>(state.mappings);
  // Saved mappings that change (this tab or another) replace the draft, during render rather than in an effect.
  const [shown, setShown] = useState(state.mappings);
  if (shown !== state.mappings) {
    setShown(state.mappings);
    setDraft(state.mappings);
  }
  const [groupId, setGroupId] = useState('');
  const [roleKey, setRoleKey] = useState(state.roles[0]?.key ?? '');
  const preview = usePreviewMappings(directoryId);
  const save = useSaveMappings(directoryId);

  const names = useMemo(() => {
    const m = new Map(state.mappings.map((x) => [x.groupId, x.groupName]));
    for (const g of groups.data?.data ?? []) m.set(g.id, g.displayName);
    return m;
  }, [state.mappings, groups.data]);
  const changed = useMemo(() => {
    const a = new Set(draft.map(key));
    const b = new Set(state.mappings.map(key));
    return a.size !== b.size || [...a].some((k) => !b.has(k));
  }, [draft, state.mappings]);

  useUnsavedGuard(changed);
  const roleName = (k: string) => state.roles.find((r) => r.key === k)?.name ?? k;

  const edit = (next: RoleMapping[]) => {
    setDraft(next);
    preview.reset();
    save.reset();
  };
  const add = () => {
    if (!groupId || !roleKey || draft.some((m) => m.groupId === groupId && m.roleKey === roleKey)) return;
    edit([...draft, { groupId, roleKey }]);
  };
  const noGroups = !q && groups.data && listed.length === 0 && state.mappings.length === 0;

  return (
    <Card labelledBy="map-title" className="mt-2">
      <CardHeader
        id="map-title"
        title="Group to role mappings"
        description="People get the roles of every group they belong to. Preview a change to see who it affects before you save it."
      />
      <CardBody className="space-y-5">
        {noGroups ? (
          <EmptyState title="No groups yet" description="Push groups from your identity provider first; then map them to roles here." />
        ) : (
          // One field a line on a phone; side by side from sm up.
          <div className="grid gap-3 sm:flex sm:flex-wrap sm:items-end">
            <div className="min-w-0">
              <Label htmlFor="map-group-find">Find a group</Label>
              <Input
                id="map-group-find"
                type="search"
                className="w-full sm:w-44"
                placeholder="Name contains…"
                value={find}
                aria-describedby="map-group-count"
                onChange={(e) => {
                  setFind(e.target.value);
                  setGroupId('');
                }}
              />
            </div>
            <div className="min-w-0">
              <Label htmlFor="map-group">Group</Label>
              <Select id="map-group" className="w-full sm:w-52" value={groupId} onChange={(e) => setGroupId(e.target.value)} aria-describedby="map-group-count">
                <option value="">{q && listed.length === 0 ? `No groups match “${q}”` : 'Choose a group'}</option>
                {listed.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.displayName}
                  </option>
                ))}
              </Select>
            </div>
            <div className="min-w-0">
              <Label htmlFor="map-role">Role</Label>
              <Select id="map-role" className="w-full sm:w-56" value={roleKey} onChange={(e) => setRoleKey(e.target.value)}>
                {state.roles.map((r) => (
                  <option key={r.key} value={r.key}>
                    {r.name} ({r.key})
                  </option>
                ))}
              </Select>
            </div>
            <Button variant="secondary" onClick={add} disabled={!groupId || !roleKey}>
              Add mapping
            </Button>
            <p id="map-group-count" className={more ? 'basis-full text-xs text-slate-600' : 'sr-only'} aria-live="polite">
              {more ? `Showing the first ${PICKER_LIMIT} groups${q ? ` matching “${q}”` : ''}; type part of a name to find others.` : ''}
            </p>
          </div>
        )}
        {draft.length > 0 ? (
          <Table caption="Mappings">
            <THead>
              <Th>Group</Th>
              <Th>Role</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </THead>
            <TBody>
              {draft.map((m) => (
                <tr key={key(m)}>
                  <Td className="font-medium text-slate-900">{names.get(m.groupId) ?? m.groupId}</Td>
                  <Td>
                    {roleName(m.roleKey)} <span className="font-mono text-xs text-slate-600">{m.roleKey}</span>
                  </Td>
                  <Td className="text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => edit(draft.filter((x) => key(x) !== key(m)))}
                      aria-label={`Remove mapping ${names.get(m.groupId) ?? m.groupId} to ${roleName(m.roleKey)}`}
                    >
                      Remove
                    </Button>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">No mappings yet.</p>
        )}
        {preview.data && changed ? <MappingPreviewPanel preview={preview.data} roleName={roleName} /> : null}
        {preview.isError ? <Alert tone="danger">{preview.error.message}</Alert> : null}
        {save.isError ? <Alert tone="danger">{save.error.message}</Alert> : null}
        {save.isSuccess && !changed ? <Alert tone="success">Mappings saved. Users&apos; roles are updated.</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={!changed} loading={preview.isPending} onClick={() => preview.mutate(draft)}>
            Preview changes
          </Button>
          <Button disabled={!changed || !preview.data} loading={save.isPending} onClick={() => save.mutate(draft, { onSuccess: () => preview.reset() })}>
            Save mappings
          </Button>
          {changed ? (
            <Button variant="ghost" onClick={() => edit(state.mappings)}>
              Discard changes
            </Button>
          ) : null}
        </div>
        {changed && !preview.data ? (
          <p className="text-sm text-slate-700" id="save-hint">
            Unsaved changes. Preview them first: saving is enabled once you have seen whose roles change.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
