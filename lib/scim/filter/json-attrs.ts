// The third backing of the filter allow-list (./attributes): every attribute of a resource's schemas that no
// column or related table backs is read from the stored `raw` JSON, where normalisation has put it under its
// canonical name (and an extension's under its URN). Slower than a column (no index) but paged in the database
// like every filter.
import type { AttributeDefinition, SchemaDefinition } from '../schemas/attribute-definition';
import { RESOURCE_SCHEMAS } from '../schemas/lookup';
import type { ResourceKind } from '../types';
import type { Backing, Operand, ValueType } from './attributes';

/** The schema types a JSON value compares as (binary is not filterable). A dateTime compares as the ISO 8601 text
 *  host fields are stored in (lib/attributes/convert.ts). */
const JSON_TYPES: Partial<Record<AttributeDefinition['type'], ValueType>> = {
  string: 'string',
  reference: 'string',
  boolean: 'boolean',
  decimal: 'number',
  integer: 'number',
  dateTime: 'dateTime',
};

/** Never filterable: a write-only value (password) would let a filter probe what was sent. */
const filterable = (d: AttributeDefinition) => d.returned !== 'never' && (d.type === 'complex' || JSON_TYPES[d.type] !== undefined);

function simple(d: AttributeDefinition, source: Operand['source']): Operand {
  return { source, type: JSON_TYPES[d.type]!, nullable: true, lower: d.type === 'string' && !d.caseExact };
}

/** Canonical names (`nickName`, `name.familyName`, `urn:…:User:department`) and what backs each in `raw`. */
export function jsonBackings(kind: ResourceKind, extra: SchemaDefinition[] = []): [name: string, backing: Backing][] {
  const { core } = RESOURCE_SCHEMAS[kind];
  const extensions = [...RESOURCE_SCHEMAS[kind].extensions, ...extra];
  const out: [string, Backing][] = [];
  const visit = (schema: SchemaDefinition, prefix: string, base: string[]) => {
    for (const d of schema.attributes.filter(filterable)) {
      const name = `${prefix}${d.name}`;
      const path = [...base, d.name];
      const subs = (d.subAttributes ?? []).filter((s) => s.type !== 'complex' && filterable(s));
      if (d.multiValued && d.type === 'complex') {
        // A bare reference means `value` (RFC 7644 §3.4.2.2); `addresses` has none, so its first, `formatted`.
        const defaultSub = (subs.find((s) => s.name === 'value') ?? subs[0]).name.toLowerCase();
        out.push([
          name,
          { rows: { json: path }, subs: Object.fromEntries(subs.map((s) => [s.name.toLowerCase(), simple(s, { element: [s.name] })])), defaultSub },
        ]);
      } else if (d.type === 'complex') {
        out.push([name, { source: { json: path }, type: 'complex', nullable: true, lower: false }]);
        for (const s of subs) out.push([`${name}.${s.name}`, simple(s, { json: [...path, s.name] })]);
      } else if (!d.multiValued) {
        out.push([name, simple(d, { json: path })]);
      } else {
        // A multi-valued simple attribute (a host's string list): its elements are the values.
        out.push([name, { rows: { json: path }, subs: { value: simple(d, { element: [] }) }, defaultSub: 'value' }]);
      }
    }
  };
  visit(core, '', []);
  for (const ext of extensions) visit(ext, `${ext.id}:`, [ext.id]);
  return out;
}
