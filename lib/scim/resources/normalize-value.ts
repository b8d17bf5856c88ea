// Canonicalises one attribute value against its definition: canonical sub-attribute names, nulls dropped,
// string booleans coerced, types checked. Shared by PUT/POST normalisation and PATCH.
import type { AttributeDefinition } from '../schemas/attribute-definition';
import { findDefinition } from '../schemas/lookup';
import { badRequest } from '../errors';
import { checkValueCount } from '../body-limits';
import type { ScimObject, ScimValue } from '../types';
import { findKey, isScimObject, setValue, stripNulls } from './scim-json';

const wrongType = (label: string, expected: string) => badRequest('invalidValue', `Attribute "${label}" must be ${expected}`);

function coerceBoolean(value: ScimValue, label: string): boolean {
  if (typeof value === 'boolean') return value;
  // Entra's default job sends "False"/"True" (e.g. active, roles[].primary) and expects real booleans back.
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw wrongType(label, 'a boolean');
}

function normalizeSimple(def: AttributeDefinition, value: ScimValue, label: string): ScimValue {
  switch (def.type) {
    case 'boolean':
      return coerceBoolean(value, label);
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      throw wrongType(label, 'an integer');
    case 'decimal':
      if (typeof value === 'number') return value;
      throw wrongType(label, 'a number');
    default:
      // string, reference, dateTime and binary are all JSON strings.
      if (typeof value === 'string') return value;
      throw wrongType(label, 'a string');
  }
}

/** Canonical sub-attribute names; unknown sub-attributes are kept as sent. */
function normalizeComplex(def: AttributeDefinition, value: ScimValue, label: string): ScimObject | undefined {
  let obj: ScimObject;
  if (isScimObject(value)) obj = value;
  // Entra's current engine sends the enterprise manager as a bare id string; RFC 7643 wants {value}.
  else if (typeof value === 'string' && findDefinition(def.subAttributes, 'value')) obj = { value };
  else throw wrongType(label, 'an object');
  const out: ScimObject = {};
  for (const [key, raw] of Object.entries(obj)) {
    const subDef = findDefinition(def.subAttributes, key);
    const normalized = raw === null ? undefined : subDef ? normalizeValue(subDef, raw, `${label}.${subDef.name}`) : stripNulls(raw);
    setValue(out, subDef?.name ?? findKey(out, key) ?? key, normalized);
  }
  if (Object.keys(out).length === 0) return undefined;
  // Entra removes the manager by sending "" or {"value": ""}: an empty single-valued reference means none.
  if (!def.multiValued && out.value === '') return undefined;
  return out;
}

function normalizeSingle(def: AttributeDefinition, value: ScimValue, label: string): ScimValue | undefined {
  if (value === null) return undefined;
  return def.type === 'complex' ? normalizeComplex(def, value, label) : normalizeSimple(def, value, label);
}

/** Returns undefined when the value amounts to "no value" (null, or a complex value left empty). */
export function normalizeValue(def: AttributeDefinition, value: ScimValue, label: string = def.name): ScimValue | undefined {
  if (value === null) return undefined;
  if (def.multiValued) {
    // Lenient: a single value where an array is expected (`"emails": {"value": …}`) is a one-element array.
    if (!Array.isArray(value) && !isScimObject(value) && def.type === 'complex') throw wrongType(label, 'an array');
    const items = Array.isArray(value) ? value : [value];
    checkValueCount(label, items.length);
    const out = items.map((item, i) => normalizeSingle(def, item, `${label}[${i}]`)).filter((v): v is ScimValue => v !== undefined);
    return keepOnePrimary(out);
  }
  if (Array.isArray(value)) {
    // Entra's legacy job sends the manager as a one-element array: [{"$ref": …, "value": …}].
    if (value.length === 0) return undefined;
    if (value.length > 1) throw wrongType(label, 'a single value, not an array');
    return normalizeSingle(def, value[0], label);
  }
  return normalizeSingle(def, value, label);
}

/**
 * RFC 7643 §2.4: at most one value may be primary. A body with several keeps the FIRST (the order an IdP
 * lists values in is its preference); PATCH clears the others itself before this runs, so its new primary wins.
 */
function keepOnePrimary(values: ScimValue[]): ScimValue[] {
  let seen = false;
  for (const v of values) {
    if (!isScimObject(v) || v.primary !== true) continue;
    if (seen) setValue(v, 'primary', false);
    seen = true;
  }
  return values;
}
