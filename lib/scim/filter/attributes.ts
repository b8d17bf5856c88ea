// The allow-list of filterable and sortable SCIM attributes, built from the SCIM schemas and what backs each one:
// a column of the resource's table, a related table (emails, members, groups), or (issue 18) a path in the stored
// `raw` JSON. Only what is here can reach the database: anything else is 400 invalidFilter, never a scan of `raw`
// in memory.
import { TABLES } from '../../db/schema';
import type { TableName } from '../../db/rows';
import { badRequest } from '../errors';
import type { SchemaDefinition } from '../schemas/attribute-definition';
import { lookupAttribute } from '../schemas/lookup';
import type { ResourceKind } from '../types';
import type { AttrPath } from './ast';
import { jsonBackings } from './json-attrs';

/** `complex`: a single-valued complex attribute kept in `raw` (`name`), which only `pr` and `eq null` test. */
export type ValueType = 'string' | 'boolean' | 'dateTime' | 'number' | 'complex';

/** A single value the database can compare: a column, or a path in the resource's `raw` JSON. */
export interface Operand {
  /**
   * `column`: a column of the table the query reads; `json`: `path` inside its `raw` column; `element`: `path`
   * inside an element of a JSON array (the sub-attributes of a multi-valued attribute kept in `raw`). `in` names
   * another JSON column than `raw` (the host API's mapped values, `customAttributes`).
   */
  source: { column: string } | { json: readonly string[]; in?: string } | { element: readonly string[] };
  type: ValueType;
  nullable: boolean;
  /** A case-insensitive attribute kept lower-cased: the operand is lower-cased to match. */
  lower: boolean;
}

/** A multi-valued complex attribute: rows of another table, or the elements of an array in `raw`. A filter on it
 *  is an IN or an EXISTS over them. */
export interface Related {
  /** `key`: the related table's column holding the resource's id. */
  rows: { table: TableName; key: string } | { json: readonly string[]; in?: string };
  /** By lower-cased sub-attribute name. */
  subs: Record<string, Operand>;
  /** The sub-attribute a bare reference means: `emails co "x"` is `emails.value co "x"` (RFC 7644 §3.4.2.2). */
  defaultSub: string;
}

export type Backing = Operand | Related;

/** How an entity declares a column behind an attribute; its type and nullability come from the generated schema. */
export interface ColumnBacking {
  column: string;
  lower?: boolean;
}

interface RelatedBacking {
  table: TableName;
  key: string;
  subs: Record<string, ColumnBacking>;
  defaultSub: string;
}

export interface ResourceBackings {
  resource: ResourceKind;
  table: TableName;
  coreUrn: string;
  /** Core attributes by name (`name.givenName` for a sub-attribute), in the order errors list them. */
  core: Record<string, ColumnBacking | RelatedBacking>;
  extensions: Record<string, Record<string, ColumnBacking>>;
  /** Attributes that sort by a column though filters answer them otherwise (a multi-valued one's primary value). */
  sortBy?: Record<string, ColumnBacking>;
}

/** Attributes every resource has (RFC 7643 §3.1), kept in the same columns on every resource's table. */
export const COMMON_BACKINGS = {
  id: { column: 'id' },
  externalId: { column: 'externalId' },
  'meta.created': { column: 'createdAt' },
  'meta.lastModified': { column: 'updatedAt' },
} satisfies Record<string, ColumnBacking>;

export interface ResourceAttrs {
  resource: ResourceKind;
  /** Lower-cased `attr` / `attr.sub` (with and without the URN prefix) → what backs it. */
  index: Map<string, Backing>;
  /** Canonical names, for the error message. */
  names: string[];
  /** The same keys → the column a sort reads, for every attribute a column backs. */
  sortable: Map<string, Operand>;
  sortNames: string[];
}

const KIND_TYPES: Record<string, ValueType> = { text: 'string', boolean: 'boolean', dateTime: 'dateTime' };

function operand(table: TableName, b: ColumnBacking): Operand {
  const def = (TABLES[table].columns as Record<string, { kind: string; nullable: boolean }>)[b.column];
  if (!def || !KIND_TYPES[def.kind]) throw new Error(`${table}.${b.column} cannot back a filter`);
  return { source: { column: b.column }, type: KIND_TYPES[def.kind], nullable: def.nullable, lower: b.lower ?? false };
}

const isRelatedBacking = (b: ColumnBacking | RelatedBacking): b is RelatedBacking => 'table' in b;

/** `extra`: extension schemas beyond the static ones (a host's user fields), answered from `raw`. */
export function buildAttrs(b: ResourceBackings, extra: SchemaDefinition[] = []): ResourceAttrs {
  const index = new Map<string, Backing>();
  const names: string[] = [];
  const add = (name: string, backing: Backing) => index.set(name.toLowerCase(), backing);
  const known = (name: string) => {
    if (!lookupAttribute(b.resource, name) && !/^meta\./.test(name)) throw new Error(`${b.resource} has no attribute ${name}`);
  };
  for (const [name, x] of Object.entries(b.core)) {
    known(name);
    const backing: Backing = isRelatedBacking(x)
      ? {
          rows: { table: x.table, key: x.key },
          defaultSub: x.defaultSub,
          subs: Object.fromEntries(Object.entries(x.subs).map(([s, c]) => [s, operand(x.table, c)])),
        }
      : operand(b.table, x);
    add(name, backing);
    add(`${b.coreUrn}:${name}`, backing);
    names.push(name);
  }
  for (const [urn, attrs] of Object.entries(b.extensions)) {
    for (const [name, x] of Object.entries(attrs)) {
      known(`${urn}:${name}`);
      add(`${urn}:${name}`, operand(b.table, x));
      // Entra sends extension attributes unprefixed too (`id eq X and manager eq Y`, E1).
      if (!index.has(name.toLowerCase())) add(name, operand(b.table, x));
      names.push(`${urn}:${name}`);
    }
  }
  // Everything else the schemas define, from `raw`: an unprefixed extension name too, as above.
  for (const [name, backing] of jsonBackings(b.resource, extra)) {
    const urn = name.startsWith('urn:') ? name.slice(0, name.lastIndexOf(':')) : b.coreUrn;
    const short = name.startsWith('urn:') ? name.slice(urn.length + 1) : name;
    if (index.has(`${urn}:${short}`.toLowerCase())) continue;
    add(`${urn}:${short}`, backing);
    if (!index.has(short.toLowerCase())) add(short, backing);
    names.push(name);
  }
  const sortable = new Map<string, Operand>();
  for (const [k, x] of index) if (!isRelated(x) && x.type !== 'complex') sortable.set(k, x);
  const sortNames = names.filter((n) => sortable.has(n.toLowerCase()));
  for (const [name, x] of Object.entries(b.sortBy ?? {})) {
    for (const key of [name, `${b.coreUrn}:${name}`]) sortable.set(key.toLowerCase(), operand(b.table, x));
    sortNames.push(name);
  }
  return { resource: b.resource, index, names, sortable, sortNames };
}

/** The index key of a path: lower-cased `[uri:]attr[.sub]`. */
export function pathKey(path: AttrPath): string {
  return show(path).toLowerCase();
}

const isRelated = (b: Backing): b is Related => 'rows' in b;

export type Resolved = { operand: Operand; related?: undefined } | { operand: Operand; related: Related };

/** What backs `path`, or 400 invalidFilter naming what is filterable. */
export function resolveAttr(attrs: ResourceAttrs, path: AttrPath): Resolved {
  const found = findAttr(attrs, path);
  if (!found) throw notFilterable(attrs, path);
  return found;
}

/** What backs `path`, or undefined when nothing does. */
export function findAttr(attrs: ResourceAttrs, path: AttrPath): Resolved | undefined {
  const whole = attrs.index.get(pathKey(path));
  if (whole && !isRelated(whole)) return { operand: whole };
  const top = whole ?? attrs.index.get(pathKey({ ...path, sub: undefined }));
  if (top && isRelated(top)) {
    // Found by its whole path (the host API's `customAttributes.skills`, a list): its elements are its values.
    const sub = top.subs[(whole ? top.defaultSub : (path.sub ?? top.defaultSub)).toLowerCase()];
    if (sub) return { operand: sub, related: top };
  }
  return undefined;
}

/** The related table behind a valuePath's attribute (`emails[...]`), or undefined for a single-valued complex one. */
export function resolveRelated(attrs: ResourceAttrs, path: AttrPath): Related | undefined {
  if (path.sub !== undefined) return undefined;
  const b = attrs.index.get(pathKey(path));
  return b && isRelated(b) ? b : undefined;
}

/** A sub-attribute of a related table, as paths inside `emails[...]` name it. */
export function resolveSub(attrs: ResourceAttrs, related: Related, path: AttrPath, name: string): Operand {
  const sub = path.uri === undefined && path.sub === undefined ? related.subs[path.attr.toLowerCase()] : undefined;
  if (sub) return sub;
  const subs = Object.keys(related.subs).join(', ');
  throw badRequest('invalidFilter', `attribute "${show(path)}" is not filterable inside ${attrs.resource} ${name}[...]; filterable: ${subs}`);
}

export function notFilterable(attrs: ResourceAttrs, path: AttrPath) {
  return badRequest('invalidFilter', `attribute "${show(path)}" is not filterable; filterable: ${attrs.names.join(', ')}`);
}

export function show(path: AttrPath): string {
  return (path.uri !== undefined ? `${path.uri}:` : '') + path.attr + (path.sub !== undefined ? `.${path.sub}` : '');
}
