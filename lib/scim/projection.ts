// `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9) on any User or Group response.
import { extensionNamedBy, lookupAttribute, schemaForUrn, splitAttributeName } from './schemas/lookup';
import { isScimObject } from './resources/scim-json';
import type { ResourceKind, ScimObject, ScimValue } from './types';

/** A selection tree over lower-cased keys: `all` keeps (or drops) the whole value at that level. */
interface Node {
  all: boolean;
  children: Map<string, Node>;
}

const newNode = (): Node => ({ all: false, children: new Map() });

// `returned: "always"` (RFC 7643 §7) in our schemas is only `id`; `schemas` frames every resource.
const ALWAYS = new Set(['id', 'schemas']);

/** Commas inside a bracketed filter or a quoted string don't separate names. */
function splitList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') depth++;
    else if (!quoted && ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0 && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  // Microsoft's reference suite asks for `emails[type eq "work"]` (not RFC syntax): read it as `emails`.
  return out.map((s) => s.replace(/\[[^\]]*\]?/g, '').trim()).filter((s) => s !== '');
}

/** The key path of one requested name: [attr, sub?] or [extensionUrn, attr?, sub?]. */
function segments(kind: ResourceKind, name: string): string[] {
  const path = splitAttributeName(name);
  const extension = extensionNamedBy(kind, path);
  if (extension) return [extension.id];
  const tail = [path.attr, ...(path.sub ? [path.sub] : [])];
  if (path.uri && !schemaForUrn(kind, path.uri)) return [path.uri, ...tail]; // an extension we have no schema for
  const resolved = lookupAttribute(kind, path, { extensionFallback: true });
  return resolved?.extension ? [resolved.schemaUrn, ...tail] : tail;
}

function selection(kind: ResourceKind, list: string): Node {
  const root = newNode();
  const add = (segs: string[]) => {
    let node = root;
    for (const seg of segs) {
      const key = seg.toLowerCase();
      const next = node.children.get(key) ?? newNode();
      node.children.set(key, next);
      node = next;
    }
    node.all = true;
  };
  for (const name of splitList(list)) {
    add(segments(kind, name));
    // A URN may also be a whole key the resource carries as sent: an extension we have no schema for.
    if (/^urn:/i.test(name)) add([name]);
  }
  return root;
}

function keep(value: ScimValue, node: Node): ScimValue | undefined {
  if (node.all) return value;
  if (Array.isArray(value)) {
    const kept = value.map((v) => keep(v, node)).filter((v): v is ScimValue => v !== undefined);
    return kept.length > 0 ? kept : undefined;
  }
  if (!isScimObject(value)) return undefined;
  const out: ScimObject = {};
  for (const [k, v] of Object.entries(value)) {
    const child = node.children.get(k.toLowerCase());
    const kept = child ? keep(v, child) : undefined;
    if (kept !== undefined) out[k] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function drop(value: ScimValue, node: Node): ScimValue | undefined {
  if (node.all) return undefined;
  if (Array.isArray(value)) return value.map((v) => drop(v, node) ?? {});
  if (!isScimObject(value)) return value;
  const out: ScimObject = {};
  for (const [k, v] of Object.entries(value)) {
    const child = node.children.get(k.toLowerCase());
    const kept = child ? drop(v, child) : v;
    if (kept !== undefined) out[k] = kept;
  }
  return out;
}

/**
 * Names are comma-separated, case-insensitive, optionally URN-qualified, and may name sub-attributes
 * (`name.givenName`, `emails.value`). `id` and `schemas` are always returned. `attributes` wins when both
 * are given. Unknown names select nothing rather than failing the request.
 */
export function projectAttributes(resource: ScimObject, kind: ResourceKind, attributes?: string | null, excludedAttributes?: string | null): ScimObject {
  const include = attributes?.trim() ? selection(kind, attributes) : undefined;
  const exclude = !include && excludedAttributes?.trim() ? selection(kind, excludedAttributes) : undefined;
  const out: ScimObject = {};
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (lower === 'password') continue; // returned: "never", should it ever reach a response
    let result: ScimValue | undefined = value;
    if (!ALWAYS.has(lower)) {
      const node = (include ?? exclude)?.children.get(lower);
      if (include) result = node ? keep(value, node) : undefined;
      else if (exclude && node) result = drop(value, node);
    }
    if (result !== undefined) out[key] = result;
  }
  return out;
}
