// Values sent for a host's fields, converted to each field's type (issue 18, item 3): "42" → 42 for a number,
// Entra's "False" → false, a date in any ISO 8601 form → its toISOString text (what filters compare), a single
// string → a one-element list. A value that does not convert is kept as sent and reported as a warning: an IdP's
// odd value never fails a sync. The extension's and fields' names are put in their declared spelling.
import { findKey, isScimObject } from '../scim/resources/scim-json';
import { parseScimDate } from '../scim/filter/dates';
import type { ScimObject, ScimValue } from '../scim/types';
import type { UserField } from '../schemas/user-schema';
import type { UserSchema } from './user-schema';

export interface FieldWarning {
  field: string;
  /** What was sent, shortened. */
  value: string;
  message: string;
}

export type Converted = { ok: true; value: ScimValue } | { ok: false };

export function convertValue(type: UserField['type'], v: ScimValue): Converted {
  switch (type) {
    case 'number': {
      if (typeof v === 'number') return { ok: true, value: v };
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case 'boolean':
      if (typeof v === 'boolean') return { ok: true, value: v };
      return typeof v === 'string' && /^\s*(true|false)\s*$/i.test(v) ? { ok: true, value: v.trim().toLowerCase() === 'true' } : { ok: false };
    case 'dateTime': {
      const t = typeof v === 'string' ? parseScimDate(v) : null;
      return t === null ? { ok: false } : { ok: true, value: new Date(t).toISOString() };
    }
    case 'stringList': {
      const list = Array.isArray(v) ? v : [v];
      return list.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')
        ? { ok: true, value: list.map(String) }
        : { ok: false };
    }
    default:
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? { ok: true, value: String(v) } : { ok: false };
  }
}

/** The resource with the host's fields converted in place of what was sent, and a warning per value that did not. */
export function convertHostFields(resource: ScimObject, schema: UserSchema): { resource: ScimObject; warnings: FieldWarning[] } {
  const key = findKey(resource, schema.urn);
  const ext = key === undefined ? undefined : resource[key];
  if (!isScimObject(ext)) return { resource, warnings: [] };
  const out: ScimObject = {};
  const warnings: FieldWarning[] = [];
  for (const [name, v] of Object.entries(ext)) {
    const field = schema.fields.find((f) => f.key.toLowerCase() === name.toLowerCase());
    if (!field || v === null) {
      out[name] = v;
      continue;
    }
    const c = convertValue(field.type, v);
    out[field.key] = c.ok ? c.value : v;
    if (!c.ok) warnings.push({ field: field.key, value: JSON.stringify(v).slice(0, 100), message: `not a ${field.type}; kept as sent` });
  }
  const rest = { ...resource };
  delete rest[key!];
  return { resource: { ...rest, [schema.urn]: out }, warnings };
}
