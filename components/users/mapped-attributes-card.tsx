'use client';
// A user's values for the app's fields as the directory's attribute mapping fills them, and what did not map cleanly.
import type { PortalUserDetail } from '@/lib/client/types';
import { showValue } from '../attributes/mapping-preview-table';
import { Card, CardBody, CardHeader } from '../ui/card';

export function MappedAttributesCard({ user }: { user: Pick<PortalUserDetail, 'customAttributes' | 'attributeWarnings'> }) {
  const entries = Object.entries(user.customAttributes);
  if (entries.length === 0 && user.attributeWarnings.length === 0) return null;
  return (
    <Card labelledBy="mapped-title">
      <CardHeader id="mapped-title" title="Attributes the app receives" description="Mapped from what your identity provider sent (the Attributes tab)." />
      <CardBody className="space-y-3">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{key}</dt>
              <dd className="mt-0.5 break-all text-sm text-slate-900">{showValue(value)}</dd>
            </div>
          ))}
        </dl>
        {user.attributeWarnings.length ? (
          <ul aria-label="Mapping warnings" className="space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {user.attributeWarnings.map((w, i) => (
              <li key={i}>
                <span className="font-medium">{w.field}</span>: {w.message}
                {w.value ? ` (sent ${w.value})` : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </CardBody>
    </Card>
  );
}
