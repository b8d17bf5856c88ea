'use client';
// The host's user fields as one editable list (add, edit, remove), saved at once with the host API's validation.
import { useId, useState, useTransition } from 'react';
import type { FieldIndexState } from '@/lib/attributes/field-indexes';
import type { ActionResult } from '@/lib/operators/operator-action';
import type { UserField } from '@/lib/schemas/user-schema';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Input, Label, Select } from '../ui/field';
import { FormError } from './form-result';

type Row = { key: string; label: string; type: UserField['type']; required: boolean; indexed: boolean; default: string };
const TYPES: [UserField['type'], string][] = [
  ['string', 'Text'],
  ['number', 'Number'],
  ['boolean', 'Yes / no'],
  ['dateTime', 'Date and time'],
  ['stringList', 'List of text'],
];

const rowOf = (f: UserField): Row => ({
  ...f,
  default: f.default === undefined || f.default === null ? '' : Array.isArray(f.default) ? f.default.join(', ') : String(f.default),
});

/** The default as the type wants it; what does not fit is sent as typed, for the server to refuse by name. */
function defaultOf(r: Row): unknown {
  const t = r.default.trim();
  if (t === '') return null;
  if (r.type === 'number') return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
  if (r.type === 'boolean') return t === 'true' ? true : t === 'false' ? false : t;
  if (r.type === 'stringList') return t.split(',').map((x) => x.trim());
  return t;
}

/** An indexed field's index as saved: built in the background after a save (the page shows it as of its last load). */
function IndexState({ state }: { state: FieldIndexState | undefined }) {
  if (!state) return null;
  if (state.status === 'ready') return <Badge tone="success">Index ready</Badge>;
  if (state.status === 'building') return <Badge tone="warning">Index building</Badge>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge tone="danger">Index failed</Badge>
      {state.reason ? <span className="break-words text-xs text-red-800">{state.reason}</span> : null}
    </span>
  );
}

export function UserFieldsForm({
  initial,
  indexes,
  save,
}: {
  initial: { slug: string; fields: UserField[] };
  indexes: FieldIndexState[];
  save: (input: unknown) => Promise<ActionResult<{ fields: number }>>;
}) {
  const id = useId();
  const [slug, setSlug] = useState(initial.slug);
  const [rows, setRows] = useState<Row[]>(initial.fields.map(rowOf));
  const [result, setResult] = useState<ActionResult<{ fields: number }> | null>(null);
  const [pending, start] = useTransition();
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = () =>
    start(async () => {
      const fields = rows.map((r) => ({ key: r.key.trim(), label: r.label, type: r.type, required: r.required, indexed: r.indexed, default: defaultOf(r) }));
      try {
        setResult(await save({ slug: slug.trim(), fields }));
      } catch {
        setResult({ ok: false, error: 'The request failed. Check your connection and try again.' });
      }
    });
  return (
    <form
      aria-label="User fields"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="max-w-sm">
        <Label htmlFor={`${id}-slug`}>Extension name</Label>
        <Input
          id={`${id}-slug`}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          required
          className="mt-1 font-mono"
          aria-describedby={`${id}-slug-hint`}
        />
        <p id={`${id}-slug-hint`} className="mt-1 break-all text-xs text-slate-600">
          IdPs send the fields under urn:ietf:params:scim:schemas:extension:<strong>{slug || 'name'}</strong>:2.0:User
        </p>
      </div>
      <ul className="space-y-3" aria-label="Fields">
        {rows.map((r, i) => (
          <li key={i} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
            <div>
              <Label htmlFor={`${id}-key-${i}`}>Key of field {i + 1}</Label>
              <Input id={`${id}-key-${i}`} value={r.key} onChange={(e) => set(i, { key: e.target.value })} required className="mt-1 font-mono" />
            </div>
            <div>
              <Label htmlFor={`${id}-label-${i}`}>Label of field {i + 1}</Label>
              <Input id={`${id}-label-${i}`} value={r.label} onChange={(e) => set(i, { label: e.target.value })} required className="mt-1" />
            </div>
            <div>
              <Label htmlFor={`${id}-type-${i}`}>Type of field {i + 1}</Label>
              <Select id={`${id}-type-${i}`} value={r.type} onChange={(e) => set(i, { type: e.target.value as Row['type'] })} className="mt-1 w-full">
                {TYPES.map(([t, name]) => (
                  <option key={t} value={t}>
                    {name}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor={`${id}-default-${i}`}>Default of field {i + 1}</Label>
              <Input id={`${id}-default-${i}`} value={r.default} onChange={(e) => set(i, { default: e.target.value })} className="mt-1" placeholder="None" />
            </div>
            <div className="flex flex-wrap items-center gap-4 text-sm text-slate-800 sm:col-span-2">
              <label className="flex items-center gap-2">
                <input type="checkbox" className="h-4 w-4 focus-ring" checked={r.required} onChange={(e) => set(i, { required: e.target.checked })} />
                Required
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" className="h-4 w-4 focus-ring" checked={r.indexed} onChange={(e) => set(i, { indexed: e.target.checked })} />
                Indexed (fast filters)
              </label>
              {r.indexed ? <IndexState state={indexes.find((x) => x.key === r.key.trim())} /> : null}
              <Button variant="ghost" size="sm" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                Remove field {i + 1}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setRows([...rows, { key: '', label: '', type: 'string', required: false, indexed: false, default: '' }])}>
          Add a field
        </Button>
        <Button type="submit" loading={pending}>
          Save fields
        </Button>
      </div>
      <FormError result={result} />
      {result?.ok ? <Alert tone="success">Saved {result.data.fields} fields.</Alert> : null}
    </form>
  );
}
