// Helpers for multi-valued attributes under PATCH: value filters, elements created from a filter, primary.
import type { AttributeDefinition } from '../schemas/attribute-definition';
import type { FilterNode } from '../filter/ast';
import { matchesFilter } from '../filter/evaluate';
import { findDefinition } from '../schemas/lookup';
import { getValue, isScimObject, setValue } from '../resources/scim-json';
import type { ScimObject, ScimValue } from '../types';

function caseExactSubAttributes(def: AttributeDefinition): Set<string> {
  return new Set((def.subAttributes ?? []).filter((s) => s.caseExact).map((s) => s.name.toLowerCase()));
}

/** Indexes of the elements of `values` that `filter` selects. */
export function matchingIndexes(values: ScimValue[], filter: FilterNode, def: AttributeDefinition | undefined): number[] {
  const exact = def ? caseExactSubAttributes(def) : new Set<string>();
  const hits: number[] = [];
  for (let i = 0; i < values.length; i++) if (matchesFilter(values[i], filter, exact)) hits.push(i);
  return hits;
}

/**
 * The element a filter describes, when it is only `eq` comparisons joined by `and`:
 * `type eq "work"` → {type: "work"}. Undefined for anything else (`co`, `or`, `not`, …).
 */
export function elementFromFilter(filter: FilterNode, def: AttributeDefinition | undefined): ScimObject | undefined {
  if (filter.kind === 'and') {
    const left = elementFromFilter(filter.left, def);
    const right = elementFromFilter(filter.right, def);
    return left && right ? { ...left, ...right } : undefined;
  }
  if (filter.kind !== 'compare' || filter.op !== 'eq' || filter.value === null || filter.path.sub) return undefined;
  const name = findDefinition(def?.subAttributes, filter.path.attr)?.name ?? filter.path.attr;
  return { [name]: filter.value };
}

/** RFC 7644 §3.5.2: setting `primary: true` on one value sets it to false on every other value. */
export function clearOtherPrimaries(values: ScimValue[], keep: ReadonlySet<ScimValue>): void {
  const newPrimary = [...keep].some((v) => isScimObject(v) && v.primary === true);
  if (!newPrimary) return;
  for (const v of values) {
    if (!keep.has(v) && isScimObject(v) && v.primary === true) setValue(v, 'primary', false);
  }
}

/** What names an element in a remove-with-value: its `value` (or itself, when plain); undefined when nothing does. */
export function memberKey(element: ScimValue): string | number | boolean | undefined {
  const key = isScimObject(element) ? getValue(element, 'value') : element;
  return key === undefined || key === null || typeof key === 'object' ? undefined : key;
}

/**
 * The values a remove-with-value names. Entra's default job removes members with
 * `{"op":"Remove","path":"members","value":[{"value":"u1"}]}`, meaning those values, not all of them.
 */
export function namedValues(value: ScimValue): Set<string | number | boolean | undefined> {
  const named = new Set((Array.isArray(value) ? value : [value]).map(memberKey));
  named.delete(undefined);
  return named;
}
