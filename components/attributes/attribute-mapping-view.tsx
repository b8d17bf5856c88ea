'use client';
// The Attributes tab: for each of the app's user fields, where its value comes from (a SCIM path that has arrived
// from the identity provider, then fallbacks), and a default. A draft is previewed over real users before it can be
// saved; saving recomputes every user's values in the background, with its progress shown here.
import { useState } from 'react';
import {
  useAttributeMapping,
  useAttributeSources,
  usePreviewAttributeMapping,
  useSaveAttributeMapping,
  type MappingInput,
} from '@/lib/client/use-attribute-mapping';
import { useUnsavedGuard } from '@/lib/client/use-unsaved-guard';
import type { AttributeMappingState, AttributeSources } from '@/lib/client/types';
import { MAX_FALLBACKS } from '@/lib/schemas/attribute-mapping';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { Input, Label, Select } from '../ui/field';
import { QueryState } from '../ui/query-state';
import { MappingPreviewTable } from './mapping-preview-table';

type Field = AttributeMappingState['fields'][number];
type Draft = Record<string, { sources: string[]; default: string }>;

const draftOf = (s: AttributeMappingState): Draft =>
  Object.fromEntries(s.fields.map((f) => [f.key, { sources: f.sources, default: f.default === null ? '' : String(f.default) }]));

/** The default as the field's type; '' is none. */
function defaultOf(f: Field, text: string): string | number | boolean | string[] | null {
  const t = text.trim();
  if (t === '') return null;
  if (f.type === 'number') return Number.isFinite(Number(t)) ? Number(t) : t;
  if (f.type === 'boolean') return t.toLowerCase() === 'true' ? true : t.toLowerCase() === 'false' ? false : t;
  if (f.type === 'stringList') return t.split(',').map((x) => x.trim());
  return t;
}

const inputOf = (fields: Field[], d: Draft): MappingInput => ({
  fields: Object.fromEntries(fields.map((f) => [f.key, { sources: d[f.key].sources, default: defaultOf(f, d[f.key].default) }])),
});

export function AttributeMappingView({ directoryId }: { directoryId: string }) {
  const state = useAttributeMapping(directoryId);
  const sources = useAttributeSources(directoryId);
  return (
    <Card labelledBy="attributes-title" className="mt-2">
      <CardHeader
        id="attributes-title"
        title="Attributes the app receives"
        description="Choose where each of the app's user fields comes from in what your identity provider sends. Preview on real users, then save: every user is updated."
      />
      <CardBody>
        <QueryState
          isPending={state.isPending || sources.isPending}
          error={state.error ?? sources.error}
          onRetry={() => void state.refetch()}
          label="Loading attributes"
        >
          {state.data && sources.data ? (
            state.data.fields.length === 0 ? (
              <EmptyState title="No user fields yet" description="The app has not declared any user fields to fill in." />
            ) : (
              <MappingEditor directoryId={directoryId} saved={state.data} seen={sources.data} />
            )
          ) : null}
        </QueryState>
      </CardBody>
    </Card>
  );
}

function MappingEditor({ directoryId, saved, seen }: { directoryId: string; saved: AttributeMappingState; seen: AttributeSources }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [shown, setShown] = useState(saved.version);
  // A newly saved mapping replaces the draft, during render rather than in an effect.
  if (shown !== saved.version) {
    setShown(saved.version);
    setDraft(draftOf(saved));
  }
  const preview = usePreviewAttributeMapping(directoryId);
  const save = useSaveAttributeMapping(directoryId);
  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(saved));
  useUnsavedGuard(changed);
  const input = inputOf(saved.fields, draft);
  const previewed = preview.isSuccess && JSON.stringify(preview.variables) === JSON.stringify(input);
  const edit = (key: string, next: Draft[string]) => {
    setDraft({ ...draft, [key]: next });
    save.reset();
  };
  const counts = new Map(seen.paths.map((p) => [p.path, p.users]));
  const options = (f: Field, current: string) => {
    const own = `${saved.extension}:${f.key}`;
    const paths = [own, ...seen.paths.map((p) => p.path).filter((p) => p !== own)];
    if (!paths.includes(current)) paths.push(current);
    return paths.map((p) => (
      <option key={p} value={p}>
        {p === own ? `${f.key} (the app's own SCIM attribute)` : p} · {counts.get(p) ?? 0} of {seen.sampled} users
      </option>
    ));
  };

  return (
    <div className="space-y-6">
      {saved.job ? <JobProgress job={saved.job} /> : null}
      {saved.fields.map((f) => {
        const d = draft[f.key];
        return (
          <fieldset key={f.key} className="min-w-0 space-y-3 rounded-md border border-slate-200 p-4">
            <legend className="max-w-full break-words px-1 text-sm font-semibold text-slate-900">
              {f.label}{' '}
              <span className="font-normal text-slate-600">
                ({f.key}, {f.type === 'dateTime' ? 'date and time' : f.type === 'stringList' ? 'list of text' : f.type}
                {f.required ? ', required' : ''})
              </span>
            </legend>
            {d.sources.map((s, i) => (
              <div key={i} className="flex flex-wrap items-end gap-2">
                <div className="w-full min-w-0 sm:w-auto sm:flex-1">
                  <Label htmlFor={`src-${f.key}-${i}`}>{i === 0 ? `Source of ${f.label}` : `Fallback ${i} for ${f.label}`}</Label>
                  <Select
                    className="w-full min-w-0 text-ellipsis"
                    id={`src-${f.key}-${i}`}
                    value={s}
                    onChange={(e) => edit(f.key, { ...d, sources: d.sources.map((x, j) => (j === i ? e.target.value : x)) })}
                  >
                    {options(f, s)}
                  </Select>
                </div>
                {i > 0 ? (
                  <Button variant="ghost" size="sm" onClick={() => edit(f.key, { ...d, sources: d.sources.filter((_, j) => j !== i) })}>
                    Remove fallback {i}
                  </Button>
                ) : null}
              </div>
            ))}
            <div className="flex flex-wrap items-end gap-3">
              {d.sources.length <= MAX_FALLBACKS ? (
                <Button variant="secondary" size="sm" onClick={() => edit(f.key, { ...d, sources: [...d.sources, seen.paths[0]?.path ?? d.sources[0]] })}>
                  Add a fallback for {f.label}
                </Button>
              ) : null}
              <div className="max-w-xs">
                <Label htmlFor={`default-${f.key}`}>Default for {f.label}</Label>
                <Input
                  id={`default-${f.key}`}
                  value={d.default}
                  placeholder={f.fieldDefault === null ? 'None' : `App default: ${String(f.fieldDefault)}`}
                  onChange={(e) => edit(f.key, { ...d, default: e.target.value })}
                />
              </div>
            </div>
          </fieldset>
        );
      })}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" loading={preview.isPending} onClick={() => preview.mutate(input)}>
          Preview
        </Button>
        <Button disabled={!previewed || save.isPending} loading={save.isPending} onClick={() => save.mutate(input)}>
          Save and apply to all users
        </Button>
        {!previewed ? <span className="text-sm text-slate-600">Preview the mapping before saving it.</span> : null}
      </div>
      {preview.error ? (
        <Alert tone="danger" title="The preview failed">
          {preview.error.message}
        </Alert>
      ) : null}
      {save.error ? (
        <Alert tone="danger" title="The mapping was not saved">
          {save.error.message}
        </Alert>
      ) : null}
      {previewed && preview.data ? (
        <section aria-labelledby="preview-title" className="space-y-2">
          <h3 id="preview-title" className="text-sm font-semibold text-slate-900">
            Preview
          </h3>
          <MappingPreviewTable fields={saved.fields} preview={preview.data} />
        </section>
      ) : null}
    </div>
  );
}

function JobProgress({ job }: { job: NonNullable<AttributeMappingState['job']> }) {
  if (job.status === 'done')
    return (
      <Alert tone="success" title="Mapping applied">
        All {job.total.toLocaleString('en-US')} users updated; {job.changed.toLocaleString('en-US')} got new values.
      </Alert>
    );
  return (
    <div role="status" className="space-y-1 text-sm text-slate-800">
      <p>
        Applying the mapping: {job.done.toLocaleString('en-US')} of {job.total.toLocaleString('en-US')} users
      </p>
      <progress className="h-2 w-full" max={Math.max(job.total, 1)} value={job.done} aria-label="Users updated" />
    </div>
  );
}
