// Small helpers for SCIM JSON: attribute names are case-insensitive (RFC 7643 §2.1), null means "no value".
import type { ScimObject, ScimValue } from '../types';

export function isScimObject(value: unknown): value is ScimObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key an object actually uses for `name`, compared case-insensitively. */
export function findKey(obj: ScimObject, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

export function getValue(obj: ScimObject, name: string): ScimValue | undefined {
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
}

/** Sets `name` under its canonical spelling, dropping any differently-cased duplicate; undefined deletes. */
export function setValue(obj: ScimObject, name: string, value: ScimValue | undefined): void {
  const existing = findKey(obj, name);
  if (existing !== undefined) delete obj[existing];
  if (value !== undefined) obj[name] = value;
}

/** Drops nulls recursively: what an IdP sends as null is simply absent (Entra sends `"department": null`). */
export function stripNulls(value: ScimValue): ScimValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    return value.map(stripNulls).filter((v): v is ScimValue => v !== undefined);
  }
  if (isScimObject(value)) {
    const out: ScimObject = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = stripNulls(v);
      if (kept !== undefined) out[k] = kept;
    }
    return out;
  }
  return value;
}

export function cloneValue<T extends ScimValue>(value: T): T {
  return structuredClone(value);
}

/** Structural equality with case-insensitive keys, used for "identical value already present" checks. */
export function sameValue(a: ScimValue, b: ScimValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (isScimObject(a) || isScimObject(b)) {
    if (!isScimObject(a) || !isScimObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => {
      const other = getValue(b, k);
      return other !== undefined && sameValue(a[k], other);
    });
  }
  return a === b;
}
