'use client';
// A mapping's preview: the values it gives a page of real users, and per field how many sampled users get none or
// send a value that does not convert to the field's type.
import type { AttributeMappingState, MappingValuesPreview } from '@/lib/client/types';
import { Table, TBody, Td, Th, THead } from '../ui/table';

type Field = AttributeMappingState['fields'][number];

export const showValue = (v: unknown) => (v === undefined || v === null ? '—' : Array.isArray(v) ? v.join(', ') : String(v));

export function MappingPreviewTable({ fields, preview }: { fields: Field[]; preview: MappingValuesPreview }) {
  const stats = new Map(preview.fields.map((f) => [f.key, f]));
  return (
    <div className="space-y-3">
      <ul className="space-y-1 text-sm text-slate-700" aria-label="Preview summary">
        {fields.map((f) => {
          const s = stats.get(f.key);
          return (
            <li key={f.key}>
              <span className="font-medium text-slate-900">{f.label}</span>: {s?.missing ?? 0} of {preview.sampled} users without a value
              {s?.failed ? `, ${s.failed} with a value that is not a ${f.type}` : ''}
            </li>
          );
        })}
      </ul>
      <div className="overflow-x-auto">
        <Table caption="Values the mapping gives the most recently changed users">
          <THead>
            <tr>
              <Th scope="col">User</Th>
              {fields.map((f) => (
                <Th key={f.key} scope="col">
                  {f.label}
                </Th>
              ))}
            </tr>
          </THead>
          <TBody>
            {preview.users.map((u) => (
              <tr key={u.id}>
                <Td className="break-all font-medium text-slate-900">{u.userName}</Td>
                {fields.map((f) => {
                  const warning = u.warnings.find((w) => w.field === f.key);
                  return (
                    <Td key={f.key}>
                      {showValue(u.values[f.key])}
                      {warning ? <span className="block text-xs text-amber-800">{warning.message}</span> : null}
                    </Td>
                  );
                })}
              </tr>
            ))}
          </TBody>
        </Table>
      </div>
    </div>
  );
}
