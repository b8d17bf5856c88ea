// What an event stores: its data and previousAttributes as JSON, within EVENT_MAX_BYTES (default 32 KiB). A
// resource may be far larger (a SCIM resource of ~64 KB, a user in thousands of groups); such an event leaves out
// the bulky parts, largest kind first, with a `<key>Omitted: true` marker where each was: the host reads the
// resource itself through the host API. Without a bound, 50 PATCHes of a 900 KB attribute stored 89 MB of events.
import { eventMaxBytes } from '../env';

/** Where large values live in event data: the top level, and the user/group of a membership event. */
const BULKY = ['attributes', 'groups'] as const;
const HOLDERS = ['', 'user', 'group'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function omit(o: unknown, key: string): unknown {
  if (!isObj(o)) return o;
  let out: Obj = o;
  for (const h of HOLDERS) {
    const holder = h ? out[h] : out;
    if (!isObj(holder) || !(key in holder)) continue;
    const { [key]: _dropped, ...rest } = holder;
    const replaced = { ...rest, [`${key}Omitted`]: true };
    out = h ? { ...out, [h]: replaced } : replaced;
  }
  return out;
}

// UTF-16 length is at most the UTF-8 byte count and a third of it at least: count bytes only when it could matter.
const bytes = (s: string) => (s.length * 3 <= eventMaxBytes() ? s.length : Buffer.byteLength(s));

export interface StoredPayload {
  data: string;
  previousAttributes: string | null;
}

export function eventPayload(data: unknown, previousAttributes?: Record<string, unknown>): StoredPayload {
  let d = JSON.stringify(data);
  let p = previousAttributes ? JSON.stringify(previousAttributes) : null;
  const max = eventMaxBytes();
  for (const key of BULKY) {
    if (bytes(d) + (p ? bytes(p) : 0) <= max) break;
    d = JSON.stringify((data = omit(data, key)));
    if (previousAttributes && key in previousAttributes) p = JSON.stringify((previousAttributes = omit(previousAttributes, key) as Obj));
  }
  if (bytes(d) + (p ? bytes(p) : 0) > max) {
    const id = isObj(data) ? (data.id ?? (isObj(data.user) ? data.user.id : undefined)) : undefined;
    d = JSON.stringify({ id: id ?? null, dataOmitted: true });
    p = null;
  }
  return { data: d, previousAttributes: p };
}
