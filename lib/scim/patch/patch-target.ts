// What a PATCH path (or a key of a path-less value object) points at, resolved against the schemas.
import type { AttributeDefinition } from '../schemas/attribute-definition';
import { badRequest } from '../errors';
import type { FilterNode, PatchPath } from '../filter/ast';
import { extensionNamedBy, findDefinition, lookupAttribute, schemaForUrn } from '../schemas/lookup';
import type { ResourceKind } from '../types';

export type PatchTarget =
  /** readOnly/writeOnly keys inside a path-less value (Okta's `id`, password sync's `password`). */
  | { kind: 'ignored' }
  /** The whole extension object: path `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`. */
  | { kind: 'extension'; urn: string }
  | {
      kind: 'attribute';
      /** The extension object holding the attribute; absent for top-level attributes. */
      extension?: string;
      /** Canonical name when known, else as written. */
      name: string;
      /** Absent for attributes the schemas don't know (kept as sent). */
      def?: AttributeDefinition;
      sub?: string;
      subDef?: AttributeDefinition;
      filter?: FilterNode;
    };

/**
 * `mode: 'path'` is an operation's `path`: unknown core attributes are 400 invalidPath and readOnly ones
 * 400 mutability. `mode: 'valueKey'` is a key of a path-less value object, which is a resource fragment:
 * unknown keys are kept like unknown body attributes, and readOnly/writeOnly keys are ignored.
 */
export function resolvePatchTarget(kind: ResourceKind, patchPath: PatchPath, text: string, mode: 'path' | 'valueKey' = 'path'): PatchTarget {
  const { path, filter, subAttr } = patchPath;
  const extension = extensionNamedBy(kind, path);
  if (extension && !filter) return { kind: 'extension', urn: extension.id };
  const sub = path.sub ?? subAttr;
  const extra = { ...(sub ? { sub } : {}), ...(filter ? { filter } : {}) };
  // Okta's profile push names an extension this server has no schema for as a whole, a key of a path-less value:
  // {"urn:…:extension:acme:2.0:User": {…}}. A URN ending in the resource type is such an extension's id.
  if (path.uri && !path.sub && !filter && path.attr.toLowerCase() === kind.toLowerCase() && !schemaForUrn(kind, path.uri)) {
    return { kind: 'extension', urn: `${path.uri}:${path.attr}` };
  }
  if (path.uri && !schemaForUrn(kind, path.uri)) {
    // An extension this server has no schema for (custom Okta/Entra attributes): stored under its URN as sent.
    return { kind: 'attribute', extension: path.uri, name: path.attr, ...extra };
  }
  // Entra's legacy job PATCHes path "manager" for the enterprise manager, hence the extension fallback.
  const resolved = lookupAttribute(kind, path, { extensionFallback: true });
  if (!resolved) {
    if (mode === 'valueKey' && !filter) return { kind: 'attribute', name: path.attr, ...extra };
    throw badRequest('invalidPath', `"${text}" names an attribute the ${kind} schema does not define`);
  }
  const def = resolved.definition;
  const subDef = sub ? findDefinition(def.subAttributes, sub) : undefined;
  if (sub && !subDef) {
    if (mode === 'path') throw badRequest('invalidPath', `"${text}": ${def.name} has no sub-attribute "${sub}"`);
    // Inside a value object an unknown sub-attribute is kept as sent, under its parent.
    return { kind: 'attribute', ...(resolved.extension ? { extension: resolved.schemaUrn } : {}), name: def.name, def, sub };
  }
  if (filter && !(def.multiValued && def.type === 'complex')) {
    throw badRequest('invalidPath', `"${text}": a value filter needs a multi-valued complex attribute`);
  }
  const mutability = subDef?.mutability === 'readOnly' ? 'readOnly' : def.mutability;
  if (mutability === 'writeOnly') return { kind: 'ignored' }; // password: never stored (Okta password sync)
  if (mutability === 'readOnly') {
    if (mode === 'valueKey') return { kind: 'ignored' };
    throw badRequest('mutability', `"${text}" is readOnly`);
  }
  return {
    kind: 'attribute',
    ...(resolved.extension ? { extension: resolved.schemaUrn } : {}),
    name: def.name,
    def,
    ...(subDef ? { sub: subDef.name, subDef } : {}),
    ...(filter ? { filter } : {}),
  };
}
