// Small helpers for SCIM JSON: attribute names are case-insensitive (RFC 7643 §2.1), null means "no value".
import type { ScimObject, ScimValue } from '../types';

export function isScimObject(value: unknown): value is ScimObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lower-cased key → the key an object uses, for objects past a few keys: a lookup per key must not scan the keys
 * added so far (10,000 keys cost 10 s that way). Built on first lookup, kept current by setValue, the only writer
 * of keys into objects that get looked up. An object holding case-duplicates (as an IdP may send it) is not
 * indexed: which duplicate a lookup finds must stay the first one left.
 */
const indexes = new WeakMap<ScimObject, Map<string, string>>();
const SCAN_UP_TO = 8;

function indexOf(obj: ScimObject): Map<string, string> | undefined {
  const known = indexes.get(obj);
  if (known) return known;
  const keys = Object.keys(obj);
  if (keys.length <= SCAN_UP_TO) return undefined;
  const index = new Map<string, string>();
  for (const k of keys) {
    const lower = k.toLowerCase();
    if (index.has(lower)) return undefined;
    index.set(lower, k);
  }
  indexes.set(obj, index);
  return index;
}

/** The key an object actually uses for `name`, compared case-insensitively. */
export function findKey(obj: ScimObject, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name;
  const lower = name.toLowerCase();
  const index = indexOf(obj);
  if (!index) return Object.keys(obj).find((k) => k.toLowerCase() === lower);
  const key = index.get(lower);
  // A key deleted directly (not through setValue) leaves its entry behind.
  return key !== undefined && Object.hasOwn(obj, key) ? key : undefined;
}

export function getValue(obj: ScimObject, name: string): ScimValue | undefined {
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
}

/** Sets `name` under its canonical spelling, dropping any differently-cased duplicate; undefined deletes. */
export function setValue(obj: ScimObject, name: string, value: ScimValue | undefined): void {
  keyCache.delete(obj);
  if (value !== undefined && Object.hasOwn(obj, name)) {
    // Spelled alike: assigned in place (deleting a key would make the object a slow dictionary).
    obj[name] = value;
    return;
  }
  const existing = findKey(obj, name);
  if (existing !== undefined) delete obj[existing];
  const index = indexes.get(obj);
  if (value !== undefined) {
    obj[name] = value;
    index?.set(name.toLowerCase(), name);
  } else if (existing !== undefined) index?.delete(existing.toLowerCase());
}

/** Drops nulls recursively: what an IdP sends as null is simply absent (Entra sends `"department": null`). A copy. */
export function stripNulls(value: ScimValue): ScimValue | undefined {
  return value === null ? undefined : withoutNulls(value);
}

/**
 * stripNulls for a body's unknown attributes, kept as sent: the value itself when it holds no null (no copy of a
 * large one). Not for PATCH values, which later operations of the same request may change in place.
 */
export function keptAsSent(value: ScimValue): ScimValue | undefined {
  if (value === null) return undefined;
  return holdsNull(value) ? withoutNulls(value) : value;
}

function holdsNull(value: ScimValue): boolean {
  const stack: ScimValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v === null) return true;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (isScimObject(v)) for (const k in v) stack.push(v[k]);
  }
  return false;
}

function withoutNulls(value: ScimValue): ScimValue {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (!isScimObject(value)) return value;
  const out: ScimObject = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}

export function cloneValue<T extends ScimValue>(value: T): T {
  return structuredClone(value);
}

/**
 * A value's identity for "identical value already present" checks (RFC 7644 §3.5.2.1): structural, keys compared
 * case-insensitively, so two values are the same exactly when their keys are equal. A set of keys answers "is it
 * present" without comparing the value against every element (which made 5,000 `add emails` quadratic).
 */
export function valueKey(value: ScimValue): string {
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (!isScimObject(value)) return JSON.stringify(value);
  const known = keyCache.get(value);
  if (known !== undefined) return known;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k.toLowerCase())}:${valueKey(v)}`);
  const key = `{${entries.sort().join(',')}}`;
  keyCache.set(value, key);
  return key;
}

// A list's elements are compared by every `add` of a PATCH: their keys are kept until setValue changes them.
// Elements are only changed through setValue (one level deep: a PATCH path goes no deeper than attr.sub).
const keyCache = new WeakMap<ScimObject, string>();
