'use client';
// The IT admin chooses which groups the app receives: all of them, or only those ticked in a searchable list with
// member counts. A change is previewed (groups appearing and disappearing, roles moving) before it can be saved.
import { useState } from 'react';
import { useDebounced } from '@/lib/client/use-debounced';
import { useGroupSelection, usePreviewGroupSelection, useSaveGroupSelection } from '@/lib/client/use-group-selection';
import { useGroups } from '@/lib/client/use-people';
import { useRoles } from '@/lib/client/use-roles';
import { useUnsavedGuard } from '@/lib/client/use-unsaved-guard';
import type { GroupSelectionState } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Input, Label } from '../ui/field';
import { QueryState } from '../ui/query-state';
import { GroupSelectionPreviewPanel } from './group-selection-preview';

type Chosen = GroupSelectionState['groups'][number];
/** Groups the picker lists at once; a directory with more is searched by name. */
const PICKER_LIMIT = 50;

export function GroupSelectionCard({ directoryId }: { directoryId: string }) {
  const state = useGroupSelection(directoryId);
  return (
    <Card labelledBy="selection-title" className="mt-2">
      <CardHeader
        id="selection-title"
        title="Groups the app receives"
        description="Groups left out stay in sync with your identity provider, but the app sees none of them: no members, no roles."
      />
      <CardBody>
        <QueryState isPending={state.isPending} error={state.error} onRetry={() => void state.refetch()} label="Loading the group selection">
          {state.data ? <SelectionEditor directoryId={directoryId} saved={state.data} /> : null}
        </QueryState>
      </CardBody>
    </Card>
  );
}

function SelectionEditor({ directoryId, saved }: { directoryId: string; saved: GroupSelectionState }) {
  const [mode, setMode] = useState(saved.mode);
  const [chosen, setChosen] = useState<Chosen[]>(saved.groups);
  // A saved selection that changes replaces the draft, during render rather than in an effect.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setMode(saved.mode);
    setChosen(saved.groups);
  }
  const [find, setFind] = useState('');
  const q = useDebounced(find.trim());
  const groups = useGroups(directoryId, q, null, PICKER_LIMIT);
  const listed = groups.data?.data ?? [];
  const preview = usePreviewGroupSelection(directoryId);
  const save = useSaveGroupSelection(directoryId);
  const roles = useRoles(directoryId);
  const roleName = (k: string) => roles.data?.roles.find((r) => r.key === k)?.name ?? k;
  const ids = new Set(chosen.map((g) => g.id));
  const changed = mode !== saved.mode || (mode === 'selected' && (chosen.length !== saved.groups.length || saved.groups.some((g) => !ids.has(g.id))));
  useUnsavedGuard(changed);
  const input = { mode, groupIds: mode === 'selected' ? chosen.map((g) => g.id) : [] };

  const edit = (next: () => void) => {
    next();
    preview.reset();
    save.reset();
  };
  const toggle = (g: Chosen) => edit(() => setChosen(ids.has(g.id) ? chosen.filter((c) => c.id !== g.id) : [...chosen, g]));

  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Which groups does the app receive?</legend>
        {(['all', 'selected'] as const).map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="group-selection-mode"
              value={m}
              checked={mode === m}
              onChange={() => edit(() => setMode(m))}
              className="h-4 w-4 focus-ring"
            />
            {m === 'all' ? 'All groups' : 'Only these groups'}
          </label>
        ))}
      </fieldset>
      {mode === 'selected' ? (
        <div className="space-y-3">
          <div className="max-w-sm">
            <Label htmlFor="selection-find">Find a group</Label>
            <Input
              id="selection-find"
              type="search"
              placeholder="Name contains…"
              value={find}
              onChange={(e) => setFind(e.target.value)}
              aria-describedby="selection-count"
            />
          </div>
          <p id="selection-count" className="text-sm text-slate-700" aria-live="polite">
            {chosen.length === 0 ? 'No group chosen: the app will receive no groups.' : `${chosen.length} ${chosen.length === 1 ? 'group' : 'groups'} chosen.`}
            {groups.data?.nextCursor ? ` Showing the first ${PICKER_LIMIT} groups${q ? ` matching “${q}”` : ''}; type part of a name to find others.` : ''}
          </p>
          <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200" aria-label="Groups">
            {listed.length === 0 ? (
              <li className="p-3 text-sm text-slate-600">
                {q ? `No groups match “${q}”` : 'No groups yet: they appear once your identity provider pushes them.'}
              </li>
            ) : null}
            {listed.map((g) => (
              <li key={g.id}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                  <input
                    type="checkbox"
                    className="h-4 w-4 shrink-0 focus-ring"
                    checked={ids.has(g.id)}
                    onChange={() => toggle({ id: g.id, displayName: g.displayName, memberCount: g.memberCount })}
                  />
                  <span className="min-w-0 flex-1 break-words font-medium text-slate-900">{g.displayName}</span>
                  <span className="shrink-0 tabular-nums text-slate-600">
                    {g.memberCount.toLocaleString('en-US')} {g.memberCount === 1 ? 'member' : 'members'}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {saved.job?.status === 'running' ? <JobProgress job={saved.job} /> : null}
      {preview.data && changed ? <GroupSelectionPreviewPanel preview={preview.data} roleName={roleName} /> : null}
      {preview.isError ? <Alert tone="danger">{preview.error.message}</Alert> : null}
      {save.isError ? <Alert tone="danger">{save.error.message}</Alert> : null}
      {save.isSuccess && !changed && !(saved.job?.status === 'running') ? (
        <Alert tone="success">Group selection saved. The app has been told what changed.</Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={!changed} loading={preview.isPending} onClick={() => preview.mutate(input)}>
          Preview changes
        </Button>
        <Button
          disabled={!changed || !preview.data || saved.job?.status === 'running'}
          loading={save.isPending}
          onClick={() => save.mutate(input, { onSuccess: () => preview.reset() })}
        >
          Save selection
        </Button>
        {changed ? (
          <Button
            variant="ghost"
            onClick={() =>
              edit(() => {
                setMode(saved.mode);
                setChosen(saved.groups);
              })
            }
          >
            Discard changes
          </Button>
        ) : null}
      </div>
      {changed && !preview.data ? (
        <p className="text-sm text-slate-700">Unsaved changes. Preview them first: saving is enabled once you have seen what the app will receive.</p>
      ) : null}
    </div>
  );
}

/** A change too large for one transaction, moving in the background: how far it got. */
function JobProgress({ job }: { job: NonNullable<GroupSelectionState['job']> }) {
  const n = (v: number) => v.toLocaleString('en-US');
  return (
    <div role="status" className="space-y-2 rounded-md border border-slate-200 p-3 text-sm text-slate-800">
      <p>
        Applying the selection in the background: {n(job.done)} of {n(job.total)} memberships moved. The app is told as it goes; you can leave this page.
      </p>
      <progress className="h-2 w-full" max={Math.max(job.total, 1)} value={job.done} aria-label="Memberships moved" />
    </div>
  );
}
