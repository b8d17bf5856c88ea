// A user's mapped values (issue 18, item 4): each host field filled from the first of its sources that has a value
// converting to the field's type, else its default. Computed inside the user write from the stored resource and
// kept on the user (DirectoryUser.customAttributes), so nothing recomputes them on read. A value that does not
// convert, or a required field left empty, is a warning on the user, never a failed request.
import type { DirectoryUserRow } from '../db/schema';
import type { FieldMapping } from '../schemas/attribute-mapping';
import type { ScimObject, ScimValue } from '../scim/types';
import { fitsIndex, MAX_INDEXED_BYTES, MAX_INDEXED_LENGTH } from '../directory/indexable';
import { DomainError } from '../domain-error';
import { convertValue, type FieldWarning } from './convert';
import { readSource } from './source-paths';
import type { UserSchema } from './user-schema';

/** A directory's mapping as stored (AttributeMapping); version 0 is the default one, with no row. */
export interface MappingConfig {
  version: number;
  fields: Record<string, FieldMapping>;
}

export const DEFAULT_MAPPING: MappingConfig = { version: 0, fields: {} };

/** What a user write maps with: the host's fields and the directory's mapping. */
export interface MappingContext {
  schema: UserSchema;
  mapping: MappingConfig;
}

export interface MappedValues {
  values: Record<string, ScimValue>;
  warnings: FieldWarning[];
}

/** The sources of `key`: as mapped, else the host extension's own attribute. */
export const sourcesOf = (ctx: MappingContext, key: string): FieldMapping => ctx.mapping.fields[key] ?? { sources: [`${ctx.schema.urn}:${key}`] };

const shorten = (v: ScimValue) => JSON.stringify(v).slice(0, 100);

export function mapAttributes(resource: ScimObject, ctx: MappingContext): MappedValues {
  const values: Record<string, ScimValue> = {};
  const warnings: FieldWarning[] = [];
  for (const field of ctx.schema.fields) {
    const m = sourcesOf(ctx, field.key);
    for (const source of m.sources) {
      const v = readSource(resource, source);
      if (v === undefined) continue;
      const c = convertValue(field.type, v);
      // An indexed field's mapped value is an index entry (field-indexes.ts): one too long for it is not mapped.
      if (c.ok && field.indexed && typeof c.value === 'string' && !fitsIndex(c.value.toLowerCase())) {
        warnings.push({ field: field.key, value: shorten(v), message: `${source} is too long for the field's index` });
        continue;
      }
      if (c.ok) {
        values[field.key] = c.value;
        break;
      }
      warnings.push({ field: field.key, value: shorten(v), message: `${source} is not a ${field.type}` });
    }
    if (field.key in values) continue;
    const fallback = m.default ?? field.default;
    if (fallback !== undefined && fallback !== null) values[field.key] = fallback;
    else if (field.required) warnings.push({ field: field.key, value: '', message: 'required, and no source has a value' });
  }
  return { values, warnings };
}

/** The DirectoryUser columns holding a user's mapped values; none of them when the host declared no fields. */
export type MappedColumns = Pick<DirectoryUserRow, 'customAttributes' | 'attributeWarnings' | 'mappingVersion'>;

/**
 * Refuses a value sent under an indexed host field that no index entry can hold (the field's own index is on the
 * value as sent: it can't be left out of it, as a mapped value is).
 */
export function assertIndexedFields(resource: ScimObject, schema: UserSchema): void {
  for (const field of schema.fields) {
    if (!field.indexed) continue;
    const v = readSource(resource, `${schema.urn}:${field.key}`);
    if (typeof v === 'string' && !(fitsIndex(v) && fitsIndex(v.toLowerCase()))) {
      throw new DomainError(
        'invalid',
        `${schema.urn}:${field.key} is indexed: at most ${MAX_INDEXED_LENGTH} characters and ${MAX_INDEXED_BYTES} bytes in UTF-8`,
      );
    }
  }
}

export function mappedColumns(resource: ScimObject, ctx: MappingContext | null): { cols: MappedColumns; warnings: FieldWarning[] } {
  if (!ctx) return { cols: { customAttributes: null, attributeWarnings: null, mappingVersion: 0 }, warnings: [] };
  const { values, warnings } = mapAttributes(resource, ctx);
  return {
    cols: {
      customAttributes: JSON.stringify(values),
      attributeWarnings: warnings.length ? JSON.stringify(warnings) : null,
      mappingVersion: ctx.mapping.version,
    },
    warnings,
  };
}

/** The request log's words for a write's warnings: "; warnings: seats (title is not a number)". */
export const warningsText = (warnings: FieldWarning[]) => (warnings.length ? `; warnings: ${warnings.map((w) => `${w.field} (${w.message})`).join(', ')}` : '');
