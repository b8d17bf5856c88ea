// PATCH /Users|Groups/{id}: RFC 7644 §3.5.2.1–3, plus what Okta and Entra send (see each comment).
// Pure: works on a deep copy and throws ScimError, so a caller that writes only on return is all-or-nothing.
import type { AttributeDefinition } from '../schemas/attribute-definition';
import { badRequest } from '../errors';
import { checkValueCount } from '../body-limits';
import type { PatchPath } from '../filter/ast';
import { parsePath } from '../filter/parse';
import { normalizeValue } from '../resources/normalize-value';
import { cloneValue, findKey, getValue, isScimObject, setValue, stripNulls, valueKey } from '../resources/scim-json';
import type { ResourceKind, ScimObject, ScimValue } from '../types';
import type { PatchOperation } from './parse-patch';
import { resolvePatchTarget, type PatchTarget } from './patch-target';
import { clearOtherPrimaries, elementFromFilter, matchingIndexes, memberKey, namedValues } from './value-path';

type AttributeTarget = Extract<PatchTarget, { kind: 'attribute' }>;
type WriteOp = 'add' | 'replace';

export function applyPatch(resource: ScimObject, ops: PatchOperation[], kind: ResourceKind): ScimObject {
  const doc = cloneValue(resource);
  for (const op of ops) {
    if (!op.path) {
      if (op.op !== 'remove') writeFragment(doc, kind, op.value ?? null, op.op);
      continue;
    }
    const target = resolvePatchTarget(kind, op.path, op.pathText ?? op.path.path.attr);
    if (op.op === 'remove') remove(doc, target, op.value);
    else write(doc, kind, target, op.value ?? null, op.op);
  }
  return doc;
}

/**
 * A path-less add/replace: the value is a resource fragment. Its keys may themselves be paths: Entra's
 * aadOptscim062020 flag sends {"name.givenName": …, "urn:…:enterprise:2.0:User:employeeNumber": …}.
 * Okta sends `id` with every group update and `password` for password sync; those keys are ignored.
 */
function writeFragment(doc: ScimObject, kind: ResourceKind, value: ScimValue, op: WriteOp, within?: string): void {
  if (!isScimObject(value)) throw badRequest('invalidValue', `A path-less "${op}" needs an object value`);
  for (const [key, v] of Object.entries(value)) {
    if (!within && key.toLowerCase() === 'schemas') continue;
    const text = within ? `${within}:${key}` : key;
    const parsed = tryParsePath(text);
    // A key that is no valid path at all is an unknown attribute: kept as sent, like in a PUT body.
    const target: PatchTarget = parsed
      ? resolvePatchTarget(kind, parsed, text, 'valueKey')
      : { kind: 'attribute', name: key, ...(within ? { extension: within } : {}) };
    write(doc, kind, target, v, op);
  }
}

function tryParsePath(text: string): PatchPath | undefined {
  try {
    return parsePath(text);
  } catch {
    return undefined;
  }
}

function container(doc: ScimObject, extension: string | undefined, create: boolean): ScimObject | undefined {
  if (!extension) return doc;
  const existing = getValue(doc, extension);
  if (isScimObject(existing)) return existing;
  if (!create) return undefined;
  const made: ScimObject = {};
  setValue(doc, findKey(doc, extension) ?? extension, made);
  return made;
}

function normalized(def: AttributeDefinition | undefined, value: ScimValue, label: string): ScimValue | undefined {
  if (def) return normalizeValue(def, value, label);
  // An attribute the schemas don't know, kept as sent: its values are bounded like a known one's.
  if (Array.isArray(value)) checkValueCount(label, value.length);
  return stripNulls(value);
}

/** One element of a multi-valued attribute, canonicalised (so "True" → true, "Primary" → primary). */
const element = (def: AttributeDefinition | undefined, value: ScimValue, label: string): ScimValue | undefined => {
  const list = normalized(def, [value], label);
  return Array.isArray(list) ? list[0] : undefined;
};

function write(doc: ScimObject, kind: ResourceKind, target: PatchTarget, value: ScimValue, op: WriteOp): void {
  if (target.kind === 'ignored') return;
  // Null means "no value" (the Logic App's null update); "" stays "", as the IdP sent it.
  if (value === null) return remove(doc, target, undefined);
  if (target.kind === 'extension') return writeFragment(doc, kind, value, op, target.urn);
  const box = container(doc, target.extension, true) as ScimObject;
  const { name, def, sub, subDef } = target;
  const current = getValue(box, name);
  if (target.filter) return writeFiltered(box, target, value, op);
  if (def?.multiValued) {
    const list = Array.isArray(current) ? current : [];
    if (sub) {
      // `emails.value` without a filter addresses every value; with none yet, it creates one.
      if (list.length === 0) return setValue(box, name, normalized(def, [{ [sub]: value }], name));
      const subValue = normalized(subDef, value, `${name}.${sub}`);
      for (const el of list) if (isScimObject(el)) setValue(el, sub, subValue);
      return;
    }
    const incoming = normalized(def, value, name);
    const items = Array.isArray(incoming) ? incoming : [];
    // add appends unless an identical value is present; replace without a filter replaces them all.
    const present = op === 'add' ? new Set(list.map(valueKey)) : undefined;
    const fresh = present ? items.filter((i) => !present.has(valueKey(i))) : items;
    const next = op === 'add' ? [...list, ...fresh] : fresh;
    // Bounded as it grows, not only once the PATCH is done: each later operation's work is in its length.
    checkValueCount(name, next.length);
    clearOtherPrimaries(next, new Set(fresh));
    return setValue(box, name, next);
  }
  if (sub) {
    const obj = isScimObject(current) ? current : {};
    setValue(obj, sub, normalized(subDef, value, `${name}.${sub}`));
    return setValue(box, name, obj);
  }
  const next = normalized(def, value, name);
  // Complex add/replace merges sub-attributes (§3.5.2.1, §3.5.2.3). A complex value that normalises to
  // nothing, e.g. Entra's manager "" or {"value": ""}, removes the attribute.
  if (def?.type === 'complex' && isScimObject(current) && isScimObject(next)) {
    return setValue(box, name, { ...current, ...next });
  }
  setValue(box, name, next);
}

/**
 * `emails[type eq "work"].value`. RFC 7644 §3.5.2.3 answers 400 noTarget when nothing matches; we follow
 * Entra's validator instead, which sends exactly that for a user without a work email (or phone, or address)
 * and expects the element {type: "work", value: …} to be created. Only when the filter isn't a plain
 * `eq`/`and` description of an element do we fall back to the RFC's noTarget.
 */
function writeFiltered(box: ScimObject, target: AttributeTarget, value: ScimValue, op: WriteOp): void {
  const { name, def, sub, subDef, filter } = target;
  if (!filter) return;
  const current = getValue(box, name);
  const list = Array.isArray(current) ? current : [];
  const hits = matchingIndexes(list, filter, def);
  const changed = new Set<ScimValue>();
  if (hits.length === 0) {
    const base = elementFromFilter(filter, def);
    if (!base) throw badRequest('noTarget', `No value of ${name} matches the filter`);
    const raw: ScimValue = sub ? { ...base, [sub]: value } : isScimObject(value) ? { ...base, ...value } : value;
    const made = element(def, raw, name);
    if (made !== undefined) changed.add(made);
    checkValueCount(name, list.length + changed.size);
    return setValue(box, name, [...list, ...changed]);
  }
  const next = [...list];
  // Normalised once, not once per match: an operation may match every value of the attribute.
  const subValue = sub ? normalized(subDef, value, `${name}.${sub}`) : undefined;
  const whole = sub ? undefined : element(def, value, name);
  for (const i of hits) {
    const el = next[i];
    let updated: ScimValue | undefined;
    if (sub && isScimObject(el)) {
      // In place: the document is applyPatch's own copy, and every element in it is too.
      updated = el;
      setValue(updated, sub, subValue);
    } else if (isScimObject(whole)) {
      // No sub-attribute: replace swaps each matching value (§3.5.2.3); add merges into it.
      updated = op === 'add' && isScimObject(el) ? { ...el } : {};
      for (const [k, v] of Object.entries(whole)) setValue(updated, k, v);
    } else {
      updated = whole;
    }
    if (updated !== undefined) {
      next[i] = updated;
      changed.add(updated);
    }
  }
  clearOtherPrimaries(next, changed);
  setValue(box, name, next);
}

function remove(doc: ScimObject, target: PatchTarget, value: ScimValue | undefined): void {
  if (target.kind === 'ignored') return;
  if (target.kind === 'extension') return setValue(doc, target.urn, undefined);
  const box = container(doc, target.extension, false);
  if (!box) return;
  const { name, sub, filter } = target;
  const current = getValue(box, name);
  if (Array.isArray(current) && (filter || sub || value !== undefined)) {
    const hits = new Set(filter ? matchingIndexes(current, filter, target.def) : current.map((_, i) => i));
    // A remove with a value list removes just those values (Entra's default job: members, see isNamedBy).
    const named = !filter && !sub && value !== undefined && value !== null ? namedValues(value) : undefined;
    const next = current.flatMap((el, i): ScimValue[] => {
      if (named) return named.has(memberKey(el)) ? [] : [el];
      if (!hits.has(i)) return [el];
      if (!sub || !isScimObject(el)) return [];
      const copy = { ...el };
      setValue(copy, sub, undefined);
      return [copy];
    });
    return setValue(box, name, next.length > 0 ? next : undefined);
  }
  if (sub && isScimObject(current)) {
    const copy = { ...current };
    setValue(copy, sub, undefined);
    return setValue(box, name, Object.keys(copy).length > 0 ? copy : undefined);
  }
  if (!filter) setValue(box, name, undefined);
}
