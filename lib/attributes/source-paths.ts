// SCIM paths as mapping sources: reading one from a stored user (`title`, `name.givenName`,
// `urn:…:enterprise:2.0:User:department`, `manager.value`, `emails[type eq "work"].value`), and listing the paths a
// user holds, which the portal offers as sources.
import { boundedMemo } from '../bounded-memo';
import { parsePath } from '../scim/filter/parse';
import type { PatchPath } from '../scim/filter/ast';
import { matchesFilter } from '../scim/filter/evaluate';
import { getValue, isScimObject } from '../scim/resources/scim-json';
import { USER_URN, type ScimObject, type ScimValue } from '../scim/types';

// Parsed once per source text.
const parsed = boundedMemo<PatchPath>(2000);

/** The parsed path; throws a SCIM 400 (invalidPath) for one that is not a SCIM path. */
export const sourcePath = (source: string): PatchPath => parsed(source, () => parsePath(source));

const empty = (v: ScimValue | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function sub(v: ScimValue | undefined, name: string): ScimValue | undefined {
  if (Array.isArray(v)) {
    // A multi-valued attribute's sub-attribute is its primary element's (RFC 7644 §3.4.2.3), else the first one's.
    const objs = v.filter(isScimObject);
    return getValue(objs.find((o) => o.primary === true) ?? objs[0] ?? {}, name);
  }
  return isScimObject(v) ? getValue(v, name) : undefined;
}

/** The value `source` names in `resource`, or undefined when it has none (absent, null, "" or []). */
export function readSource(resource: ScimObject, source: string): ScimValue | undefined {
  const { path, filter, subAttr } = sourcePath(source);
  const container = !path.uri || path.uri.toLowerCase() === USER_URN.toLowerCase() ? resource : getValue(resource, path.uri);
  if (!isScimObject(container)) return undefined;
  let v = getValue(container, path.attr);
  if (filter) {
    v = Array.isArray(v) ? v.find((e) => matchesFilter(e, filter)) : undefined;
    if (subAttr !== undefined) v = sub(v, subAttr);
  } else if (path.sub !== undefined) {
    v = sub(v, path.sub);
  } else if (Array.isArray(v) && v.some(isScimObject)) {
    // `emails` alone: the values of its elements (a string list), as `emails.value` of each.
    v = v.flatMap((e) => (isScimObject(e) ? [e.value ?? null].filter((x) => !empty(x)) : [e]));
  }
  return empty(v) ? undefined : v;
}

const SKIPPED = new Set(['schemas', 'id', 'meta', 'groups', 'password']);
const scalar = (v: ScimValue) => v !== null && typeof v !== 'object';
const quote = (s: string) => JSON.stringify(s);

function objectPaths(prefix: string, obj: ScimObject, out: Set<string>): void {
  for (const [k, v] of Object.entries(obj)) {
    if (scalar(v) || (Array.isArray(v) && v.length > 0 && v.every(scalar))) {
      out.add(`${prefix}${k}`);
    } else if (isScimObject(v)) {
      for (const [s, sv] of Object.entries(v)) if (scalar(sv)) out.add(`${prefix}${k}.${s}`);
    } else if (Array.isArray(v)) {
      for (const e of v.filter(isScimObject)) {
        const selector = typeof e.type === 'string' && e.type !== '' ? `[type eq ${quote(e.type)}]` : '';
        for (const [s, sv] of Object.entries(e)) if (scalar(sv) && s !== 'type' && s !== 'primary') out.add(`${prefix}${k}${selector}.${s}`);
      }
    }
  }
}

/** The source paths `resource` has a value at: core attributes as they are, extension ones under their URN. */
export function pathsOf(resource: ScimObject): Set<string> {
  const out = new Set<string>();
  const core: ScimObject = {};
  for (const [k, v] of Object.entries(resource)) {
    if (SKIPPED.has(k)) continue;
    if (k.includes(':') && isScimObject(v)) objectPaths(`${k}:`, v, out);
    else core[k] = v;
  }
  objectPaths('', core, out);
  return out;
}
