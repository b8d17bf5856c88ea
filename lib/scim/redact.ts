// What the request log keeps of a SCIM request: the parsed body without any value the schemas call writeOnly
// (`password`), wherever a request can carry one, and nothing of a body that does not parse. Redaction by meaning,
// not by spelling: keys are read as attribute names (any case, URN-qualified, dotted, JSON-escaped), a PATCH
// operation by the attribute its path names.
import { toSafeText } from '../safe-text';
import { RESOURCE_SCHEMAS } from './schemas/lookup';
import type { AttributeDefinition } from './schemas/attribute-definition';

/** Characters of a logged body; what is past this is cut. */
const MAX_LOGGED_BODY = 16_384;
/** Characters of a logged answer: a user whole, a large group or error cut (the buffer holds up to 500 a flush). */
const MAX_LOGGED_RESPONSE = 4_096;
const MAX_LOGGED_DEPTH = 32;

/** Lower-cased names of every writeOnly attribute and sub-attribute of every resource schema. */
const WRITE_ONLY: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  const visit = (defs: AttributeDefinition[] | undefined) => {
    for (const d of defs ?? []) {
      if (d.mutability === 'writeOnly') names.add(d.name.toLowerCase());
      visit(d.subAttributes);
    }
  };
  for (const { core, extensions } of Object.values(RESOURCE_SCHEMAS)) for (const s of [core, ...extensions]) visit(s.attributes);
  return names;
})();

/**
 * Whether a key, a PATCH path, a filter or a message names a writeOnly attribute as one of its words: `password`,
 * `PASSWORD`, `urn:ietf:params:scim:schemas:core:2.0:User:password`, `password[…]`, `password eq "…"`. Errs towards yes.
 */
function namesWriteOnly(text: string): boolean {
  // Beyond the schemas, any word holding "password" (an extension's `userPassword`): the log can do without it.
  return text.split(/[^A-Za-z0-9$_-]+/).some((word) => WRITE_ONLY.has(word.toLowerCase()) || /password/i.test(word));
}

/** The verdict on an object key: the same few attribute names recur in every body and answer logged. */
const keyVerdicts = new Map<string, boolean>();
const MAX_KEY_VERDICTS = 4096;

function keyNamesWriteOnly(key: string): boolean {
  let v = keyVerdicts.get(key);
  if (v === undefined) {
    v = namesWriteOnly(key);
    if (keyVerdicts.size >= MAX_KEY_VERDICTS) keyVerdicts.clear();
    keyVerdicts.set(key, v);
  }
  return v;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A PATCH operation whose path names a writeOnly attribute: its value is the secret. */
function writesWriteOnly(op: Record<string, unknown>): boolean {
  const pathKey = Object.keys(op).find((k) => k.toLowerCase() === 'path');
  const path = pathKey === undefined ? undefined : op[pathKey];
  return typeof path === 'string' && namesWriteOnly(path);
}

/** JSON text of a parsed body, cut at `max` characters, writeOnly values left out. */
export function redactedBody(body: unknown, max = MAX_LOGGED_BODY): string {
  const out: string[] = [];
  let length = 0;
  const emit = (s: string): boolean => {
    out.push(s);
    length += s.length;
    return length <= max;
  };
  /** False once the budget is spent: every caller stops there. */
  const write = (v: unknown, depth: number, operations: boolean): boolean => {
    if (typeof v === 'string') return emit(JSON.stringify(toSafeText(v)));
    if (!isObject(v) && !Array.isArray(v)) return emit(JSON.stringify(v) ?? 'null');
    if (depth >= MAX_LOGGED_DEPTH) return emit('"…"');
    if (Array.isArray(v)) {
      if (!emit('[')) return false;
      for (let i = 0; i < v.length; i++) {
        if ((i > 0 && !emit(',')) || !write(v[i], depth + 1, false)) return false;
      }
      return emit(']');
    }
    // Inside a PATCH's Operations, an operation on a writeOnly path keeps its op and path, not its value.
    const dropValue = operations && writesWriteOnly(v);
    if (!emit('{')) return false;
    let first = true;
    for (const [k, child] of Object.entries(v)) {
      if (dropValue && k.toLowerCase() === 'value') continue;
      if ((!first && !emit(',')) || !emit(`${JSON.stringify(toSafeText(k))}:`)) return false;
      first = false;
      // The key stays, so the log shows that a password was sent (the portal diagnoses password sync from it).
      if (keyNamesWriteOnly(k)) {
        if (!emit('"[redacted]"')) return false;
        continue;
      }
      const top = depth === 0 ? k.toLowerCase() : '';
      // A SearchRequest's filter on a writeOnly attribute (`password eq "…"`) holds its value.
      if (top === 'filter' && typeof child === 'string' && namesWriteOnly(child)) {
        if (!emit('"[redacted]"')) return false;
        continue;
      }
      const ok = top === 'operations' && Array.isArray(child) ? writeOperations(child, depth + 1) : write(child, depth + 1, false);
      if (!ok) return false;
    }
    return emit('}');
  };
  const writeOperations = (ops: unknown[], depth: number): boolean => {
    if (!emit('[')) return false;
    for (let i = 0; i < ops.length; i++) {
      if ((i > 0 && !emit(',')) || !write(ops[i], depth + 1, true)) return false;
    }
    return emit(']');
  };
  if (write(body, 0, false)) return out.join('');
  // Cut where it may: a half escape is dropped, half a surrogate pair becomes U+FFFD (the databases refuse it).
  return `${toSafeText(out.join('').slice(0, max)).replace(/\\u[0-9a-fA-F]{0,3}$/, '')}…[truncated]`;
}

/** What is logged of a body that does not parse as JSON: nothing of it (no pattern can tell where a password is). */
export function unparsedBody(bytes: number): string {
  return `[not stored: the body is not valid JSON (${bytes.toLocaleString('en-US')} bytes)]`;
}

/** A logged query string: the value of a parameter that names a writeOnly attribute (a filter on it) is left out. */
export function redactedQuery(query: URLSearchParams): string {
  if (![...query.values()].some(namesWriteOnly)) return query.toString();
  return new URLSearchParams([...query].map(([k, v]) => [k, namesWriteOnly(v) ? '[redacted]' : v])).toString();
}

/** An error detail for the log: quoted text is left out of one that mentions a writeOnly attribute. */
export function redactedDetail(detail: string): string {
  return namesWriteOnly(detail) ? detail.replace(/"(?:[^"\\]|\\.)*"/g, '"[redacted]"') : detail;
}

/** A logged answer: redacted like a request body, and an error's detail like a logged error (it may quote input). */
export function redactedResponse(body: unknown): string {
  const detail = isObject(body) && typeof body.detail === 'string' ? body.detail : null;
  return redactedBody(detail === null ? body : { ...(body as Record<string, unknown>), detail: redactedDetail(detail) }, MAX_LOGGED_RESPONSE);
}
