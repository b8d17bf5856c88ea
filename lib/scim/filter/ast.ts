// The RFC 7644 §3.4.2.2 filter grammar as data. Attribute names are kept as written; resolving them
// (case-insensitively, against a schema or an allow-list) is the consumer's job.

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

export type CompValue = string | number | boolean | null;

/** `[URI ":"] ATTRNAME *1("." ATTRNAME)`, e.g. {uri: 'urn:…:enterprise:2.0:User', attr: 'manager', sub: 'value'}. */
export interface AttrPath {
  uri?: string;
  attr: string;
  sub?: string;
}

export type FilterNode =
  | { kind: 'and'; left: FilterNode; right: FilterNode }
  | { kind: 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode }
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: CompValue }
  | { kind: 'present'; path: AttrPath }
  /** `emails[type eq "work" and value co "@x"]`: the inner filter's paths are relative to the complex attribute. */
  | { kind: 'valuePath'; path: AttrPath; filter: FilterNode };

/** A PATCH `path` (RFC 7644 §3.5.2): `attrPath` or `attrPath "[" valFilter "]" ["." subAttr]`. */
export interface PatchPath {
  path: AttrPath;
  filter?: FilterNode;
  /** Only with `filter`: `emails[type eq "work"].value` → 'value'. */
  subAttr?: string;
}
