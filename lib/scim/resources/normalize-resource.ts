// The shared half of normalizeUser / normalizeGroup: one canonical shape for whatever an IdP PUTs or POSTs.
// Known attributes get their schema spelling; unknown ones are kept as sent (STYLE: never lose IdP data).
import { badRequest } from '../errors';
import { checkStoredSize } from '../storage-bounds';
import { extensionNamedBy, lookupAttribute, RESOURCE_SCHEMAS, schemaForUrn, splitAttributeName } from '../schemas/lookup';
import type { SchemaDefinition } from '../schemas/attribute-definition';
import type { ResourceKind, ScimObject, ScimValue } from '../types';
import { normalizeValue } from './normalize-value';
import { findKey, getValue, isScimObject, keptAsSent, setValue } from './scim-json';

function mergeSet(target: ScimObject, key: string, value: ScimValue | undefined): void {
  if (value === undefined) return;
  const existing = getValue(target, key);
  setValue(target, key, isScimObject(existing) && isScimObject(value) ? { ...existing, ...value } : value);
}

function extensionObject(out: ScimObject, urn: string): ScimObject {
  const existing = getValue(out, urn);
  if (isScimObject(existing)) return existing;
  const created: ScimObject = {};
  setValue(out, urn, created);
  return created;
}

/** Places one `key: value` pair, where key may be plain, dotted or URN-qualified. */
function place(kind: ResourceKind, out: ScimObject, key: string, value: ScimValue, within?: SchemaDefinition): void {
  const path = splitAttributeName(within ? `${within.id}:${key}` : key);
  const named = within ? undefined : extensionNamedBy(kind, path);
  if (named) {
    if (value === null) return;
    if (!isScimObject(value)) throw badRequest('invalidValue', `"${named.id}" must be an object`);
    for (const [k, v] of Object.entries(value)) place(kind, out, k, v, named);
    return;
  }
  const known = path.uri ? schemaForUrn(kind, path.uri) : undefined;
  const resolved = !path.uri || known ? lookupAttribute(kind, path) : undefined;
  const container = resolved?.extension ? extensionObject(out, resolved.schemaUrn) : out;
  const def = resolved?.definition;
  if (!def || (resolved.sub && (def.type !== 'complex' || def.multiValued))) {
    // Unknown (or an unknown extension's) attribute: kept exactly as sent, minus nulls.
    const target = within ? extensionObject(out, within.id) : out;
    setValue(target, findKey(target, key) ?? key, keptAsSent(value));
    return;
  }
  // RFC 7643 §3.1 / §4.1: readOnly input (id, meta, groups) is ignored. `password` is writeOnly and never
  // stored: Okta sends a placeholder one on every create, even without password sync.
  if (def.mutability === 'readOnly' || def.mutability === 'writeOnly') return;
  if (!resolved.sub) {
    mergeSet(container, def.name, normalizeValue(def, value, def.name));
    return;
  }
  // Dotted key, e.g. Entra's "name.givenName" or "urn:…:User:manager.value".
  mergeSet(container, def.name, normalizeValue(def, { [resolved.sub]: value }, def.name));
}

function normalizeSchemas(kind: ResourceKind, raw: ScimValue | undefined, out: ScimObject): string[] {
  const { core, extensions } = RESOURCE_SCHEMAS[kind];
  const listed = (Array.isArray(raw) ? raw : [raw ?? null]).filter((s): s is string => typeof s === 'string');
  const result = [core.id];
  const seen = new Set([core.id.toLowerCase()]);
  for (const urn of listed) {
    const known = schemaForUrn(kind, urn);
    if (known) continue; // re-added below in canonical spelling, and only when its data is present
    // Unknown URNs are tolerated (Entra adds "http://schemas.microsoft.com/…/ADSCIM/2.0/Group").
    if (!seen.has(urn.toLowerCase())) result.push(urn);
    seen.add(urn.toLowerCase());
  }
  for (const ext of extensions) {
    if (findKey(out, ext.id) !== undefined) result.splice(1, 0, ext.id);
  }
  return result;
}

/** Validates and canonicalises a resource body; the caller checks the kind's required attributes. */
export function normalizeResource(kind: ResourceKind, body: unknown): ScimObject {
  if (!isScimObject(body)) throw badRequest('invalidSyntax', `The request body must be a JSON object (a SCIM ${kind})`);
  const out: ScimObject = {};
  let schemas: ScimValue | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') schemas = value;
    else place(kind, out, key, value);
  }
  for (const ext of RESOURCE_SCHEMAS[kind].extensions) {
    const key = findKey(out, ext.id);
    if (key !== undefined && isScimObject(out[key]) && Object.keys(out[key]).length === 0) delete out[key];
  }
  const resource = { schemas: normalizeSchemas(kind, schemas, out), ...out };
  checkStoredSize(kind, resource);
  return resource;
}
