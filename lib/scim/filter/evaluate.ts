// In-memory filter evaluation against one value of a multi-valued complex attribute: what the PATCH engine
// needs for `emails[type eq "work"]` or `members[value eq "x"]` (RFC 7644 §3.5.2). Listing never comes here;
// list filters go to the database through ./to-where.
//
// Semantics, kept in line with ./to-where so the same filter means the same thing in both places:
// - attribute names match case-insensitively (RFC 7643 §2.1); a `uri` prefix on an inner path is ignored,
//   since inside brackets paths are relative to the element;
// - an absent, null or "" attribute: `eq null` is true, `ne <anything but null>` is true, everything else
//   false, so `not (type eq "work")` matches an element without a type (two-valued logic, as in SCIM);
// - a multi-valued attribute matches if any of its values matches (RFC 7644 §3.4.2.2);
// - strings compare case-insensitively unless the attribute is in `caseExactAttrs`;
// - "True"/"False" strings count as booleans (Entra's default job sends them), and two ISO dates compare
//   chronologically.
import type { ScimValue } from '../types';
import { badRequest } from '../errors';
import type { AttrPath, CompValue, CompareOp, FilterNode } from './ast';
import { parseScimDate } from './dates';
import { getValue } from '../resources/scim-json';

/**
 * Whether `value`, one element of a multi-valued attribute, matches `node`. A primitive element (Entra's
 * `"value":"string id 1"` member) stands for `{value: element}`. `caseExactAttrs` holds lower-cased
 * sub-attribute names to compare case-exactly: pass `new Set(['value'])` for `members`, whose values are
 * resource ids, which are case-exact (RFC 7643 §3.1).
 */
export function matchesFilter(value: ScimValue, node: FilterNode, caseExactAttrs?: Set<string>): boolean {
  const element = isObject(value) ? value : { value };
  return evaluate(element, node, caseExactAttrs ?? new Set());
}

type Obj = { [key: string]: ScimValue };

function evaluate(element: Obj, node: FilterNode, exact: Set<string>): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(element, node.left, exact) && evaluate(element, node.right, exact);
    case 'or':
      return evaluate(element, node.left, exact) || evaluate(element, node.right, exact);
    case 'not':
      return !evaluate(element, node.expr, exact);
    case 'present':
      return isPresent(lookup(element, node.path));
    case 'valuePath':
      return values(lookup(element, node.path)).some((v) => matchesFilter(v, node.filter, exact));
    case 'compare': {
      const actual = lookup(element, node.path);
      const caseExact = exact.has((node.path.sub ?? node.path.attr).toLowerCase());
      return compareAny(actual, node.op, node.value, caseExact);
    }
  }
}

function compareAny(actual: ScimValue | undefined, op: CompareOp, expected: CompValue, caseExact: boolean): boolean {
  if (typeof expected === 'boolean' && !['eq', 'ne'].includes(op)) {
    throw badRequest('invalidFilter', `operator '${op}' is not defined for booleans; use eq or ne`);
  }
  // `eq null` is "not present" and `ne null` "present", as in ./to-where; an empty string counts as absent.
  if (expected === null) {
    if (op === 'eq' || op === 'ne') return isPresent(actual) === (op === 'ne');
    throw badRequest('invalidFilter', `operator '${op}' needs a value, not null`);
  }
  const all = values(actual);
  if (all.length === 0) return op === 'ne';
  // `ne` keeps its meaning of "not eq" for multi-valued attributes: no value equals the operand.
  if (op === 'ne') return !all.some((v) => compareOne(v, 'eq', expected, caseExact));
  return all.some((v) => compareOne(v, op, expected, caseExact));
}

function compareOne(element: ScimValue, op: CompareOp, expected: Exclude<CompValue, null>, caseExact: boolean): boolean {
  // A complex value compared with a plain one stands for its `value` (`emails co "x"`, `manager eq "id"`).
  const actual = isObject(element) ? (get(element, 'value') ?? null) : element;
  if (typeof actual === 'boolean' || typeof expected === 'boolean') {
    const a = asBoolean(actual);
    return a !== null && a === asBoolean(expected) && op === 'eq';
  }
  if (typeof actual === 'number' && typeof expected === 'number') return order(op, actual - expected);
  if (typeof actual !== 'string' && typeof actual !== 'number') return false; // null, or complex without value
  let a = String(actual);
  let e = String(expected);
  // Parsed only when both could be dates: every PATCH operation with a filter compares each value of an attribute.
  const dates = op === 'co' || op === 'sw' || op === 'ew' || !DATE_LIKE.test(e) || !DATE_LIKE.test(a) ? null : [parseScimDate(a), parseScimDate(e)];
  if (dates && dates[0] !== null && dates[1] !== null) return order(op, dates[0] - dates[1]);
  if (!caseExact) {
    a = a.toLowerCase();
    e = e.toLowerCase();
  }
  if (op === 'co') return a.includes(e);
  if (op === 'sw') return a.startsWith(e);
  if (op === 'ew') return a.endsWith(e);
  return order(op, a < e ? -1 : a > e ? 1 : 0);
}

/** eq/gt/ge/lt/le from a three-way comparison; `ne` is handled by the caller as "not eq". */
function order(op: CompareOp, diff: number): boolean {
  switch (op) {
    case 'eq':
      return diff === 0;
    case 'gt':
      return diff > 0;
    case 'ge':
      return diff >= 0;
    case 'lt':
      return diff < 0;
    case 'le':
      return diff <= 0;
    default:
      return false;
  }
}

const DATE_LIKE = /^\s*\d{4}-/;

function asBoolean(v: ScimValue | undefined): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  return null;
}

function lookup(element: Obj, path: AttrPath): ScimValue | undefined {
  const top = get(element, path.attr);
  if (path.sub === undefined) return top;
  const subs = values(top).map((v) => (isObject(v) ? get(v, path.sub!) : undefined));
  const found = subs.filter((v): v is ScimValue => v !== undefined);
  return Array.isArray(top) ? found : found[0];
}

/** Case-insensitive, through scim-json's key index: elements may carry many keys, looked up once per operation. */
const get = (obj: Obj, name: string): ScimValue | undefined => getValue(obj, name);

/** The values of a possibly multi-valued attribute; absent and null give none. */
function values(v: ScimValue | undefined): ScimValue[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.filter((x) => x !== null) : [v];
}

/** RFC 7644 `pr`: a non-empty value, or a complex/multi-valued one with some non-empty part. */
function isPresent(v: ScimValue | undefined): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.some(isPresent);
  if (isObject(v)) return Object.values(v).some(isPresent);
  return true;
}

function isObject(v: ScimValue | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
