// A user's mapped values (issue 18, item 4): each host field filled from the first of its sources that has a value
// converting to the field's type, else its default. Computed inside the user write from the stored resource and
// kept on the user (DirectoryUser.customAttributes), so nothing recomputes them on read. A value that does not
// convert, or a required field left empty, is a warning on the user, never a failed request.
import type { DirectoryUserRow } from '../db/schema';
import type { FieldMapping } from '../schemas/attribute-mapping';
import type { ScimObject, ScimValue } from '../scim/types';
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
