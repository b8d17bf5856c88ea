// Resolves attribute names the way RFC 7643 §2.1 and RFC 7644 §3.10 say clients may write them:
// case-insensitively, optionally prefixed with the schema URN ("urn:…:core:2.0:User:name.givenName").
import type { AttrPath } from '../filter/ast';
import type { ResourceKind } from '../types';
import type { AttributeDefinition, SchemaDefinition } from './attribute-definition';
import { COMMON_ATTRIBUTES } from './common-attributes';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user';
import { GROUP_SCHEMA } from './group';
import { USER_SCHEMA } from './user';

export interface ResourceSchemas {
  core: SchemaDefinition;
  extensions: SchemaDefinition[];
}

export const RESOURCE_SCHEMAS: Record<ResourceKind, ResourceSchemas> = {
  User: { core: USER_SCHEMA, extensions: [ENTERPRISE_USER_SCHEMA] },
  Group: { core: GROUP_SCHEMA, extensions: [] },
};

export interface ResolvedAttribute {
  /** The schema the attribute belongs to: the core URN for core and common attributes. */
  schemaUrn: string;
  /** True when the attribute lives inside the extension object keyed by `schemaUrn`. */
  extension: boolean;
  definition: AttributeDefinition;
  /** The sub-attribute as written, when the path names one. */
  sub?: string;
  /** Its definition; absent when the schema doesn't know the sub-attribute. */
  subDefinition?: AttributeDefinition;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function findDefinition(list: AttributeDefinition[] | undefined, name: string): AttributeDefinition | undefined {
  return list?.find((d) => same(d.name, name));
}

/** The core or extension schema a URN names for this resource kind, compared case-insensitively. */
export function schemaForUrn(kind: ResourceKind, urn: string): SchemaDefinition | undefined {
  const { core, extensions } = RESOURCE_SCHEMAS[kind];
  return [core, ...extensions].find((s) => same(s.id, urn));
}

/** `urn:a:b:attr.sub` → {uri: 'urn:a:b', attr, sub}; `name.givenName` → {attr: 'name', sub: 'givenName'}. */
export function splitAttributeName(name: string): AttrPath {
  let uri: string | undefined;
  let rest = name;
  if (/^urn:/i.test(name)) {
    const colon = name.lastIndexOf(':');
    uri = name.slice(0, colon);
    rest = name.slice(colon + 1);
  }
  const dot = rest.indexOf('.');
  const attr = dot < 0 ? rest : rest.slice(0, dot);
  const sub = dot < 0 ? undefined : rest.slice(dot + 1);
  return { ...(uri ? { uri } : {}), attr, ...(sub ? { sub } : {}) };
}

/** When a path names a whole extension (`urn:…:enterprise:2.0:User`, split as uri `…:2.0` + attr `User`). */
export function extensionNamedBy(kind: ResourceKind, path: AttrPath): SchemaDefinition | undefined {
  const full = path.uri ? `${path.uri}:${path.attr}` : path.attr;
  const schema = schemaForUrn(kind, full);
  return schema && schema !== RESOURCE_SCHEMAS[kind].core && !path.sub ? schema : undefined;
}

export interface LookupOptions {
  /**
   * Let an unqualified name fall back to the extensions when the core schema lacks it. RFC 7644 §3.10 says
   * unqualified names are core, but Entra's legacy job PATCHes path "manager" for the enterprise manager.
   */
  extensionFallback?: boolean;
}

/** The canonical definition a name or path refers to; undefined for unknown attributes and unknown URNs. */
export function lookupAttribute(kind: ResourceKind, path: AttrPath | string, options: LookupOptions = {}): ResolvedAttribute | undefined {
  const p = typeof path === 'string' ? splitAttributeName(path) : path;
  const { core, extensions } = RESOURCE_SCHEMAS[kind];
  const candidates: SchemaDefinition[] = p.uri
    ? [schemaForUrn(kind, p.uri)].filter((s): s is SchemaDefinition => s !== undefined)
    : options.extensionFallback
      ? [core, ...extensions]
      : [core];
  for (const schema of candidates) {
    const isCore = schema === core;
    const definition = findDefinition(schema.attributes, p.attr) ?? (isCore ? findDefinition(COMMON_ATTRIBUTES, p.attr) : undefined);
    if (!definition) continue;
    const subDefinition = p.sub ? findDefinition(definition.subAttributes, p.sub) : undefined;
    return {
      schemaUrn: schema.id,
      extension: !isCore,
      definition,
      ...(p.sub ? { sub: p.sub } : {}),
      ...(subDefinition ? { subDefinition } : {}),
    };
  }
  return undefined;
}
