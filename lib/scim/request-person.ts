// The person a SCIM request concerns, as the request log records it (indexed columns): the user id it resolved to,
// and the userName, email and externalId it named, from the path, the body, a filter or the answer. So "what
// happened to alice@…" finds her creates (refused ones too, which never made a user), reads, changes and lookups.
import type { ScimResponse } from './types';

export interface LoggedPerson {
  userId: string | null;
  userNameLower: string | null;
  emailLower: string | null;
  externalId: string | null;
}

/** Longer values are not a person's name: they are not recorded (and an index entry stays small). */
const MAX_KEY = 256;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_KEY && !v.includes('\u0000') && v.isWellFormed() ? v : null;
}

/** A key of an object whatever its case (SCIM attribute names are case-insensitive). */
function field(o: Record<string, unknown>, name: string): unknown {
  if (name in o) return o[name];
  const k = Object.keys(o).find((key) => key.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : o[k];
}

function primaryEmail(o: Record<string, unknown>): string | null {
  const emails = field(o, 'emails');
  if (!Array.isArray(emails)) return null;
  const objects = emails.filter(isObject);
  const e = objects.find((x) => field(x, 'primary') === true) ?? objects[0];
  return e ? text(field(e, 'value')) : null;
}

/** `attr eq "value"` anywhere in a filter: what Okta and Entra look people up by. */
function filterValue(filter: string | null, attr: RegExp): string | null {
  if (!filter) return null;
  const m = new RegExp(`(?:^|[\\s(])${attr.source}\\s+eq\\s+"((?:[^"\\\\]|\\\\.){1,${MAX_KEY}})"`, 'i').exec(filter);
  if (!m) return null;
  try {
    return text(JSON.parse(`"${m[1]}"`));
  } catch {
    return null;
  }
}

function fromResource(o: unknown): Partial<LoggedPerson> {
  if (!isObject(o)) return {};
  return {
    userId: text(field(o, 'id')),
    userNameLower: text(field(o, 'userName'))?.toLowerCase() ?? null,
    emailLower: primaryEmail(o)?.toLowerCase() ?? null,
    externalId: text(field(o, 'externalId')),
  };
}

export function requestPerson(req: { method: string; path: string[]; query: URLSearchParams }, json: unknown, res: ScimResponse): LoggedPerson | null {
  if (req.path[0]?.toLowerCase() !== 'users') return null;
  const filter = req.query.get('filter');
  const list = isObject(res.body) && Array.isArray(res.body.Resources) ? res.body.Resources : null;
  const answer = res.status < 300 ? fromResource(list ? (list.length === 1 ? list[0] : null) : res.body) : {};
  const sent = req.method === 'POST' || req.method === 'PUT' ? fromResource(json) : {};
  const person: LoggedPerson = {
    userId: text(req.path[1]) ?? answer.userId ?? null,
    userNameLower: (sent.userNameLower ?? filterValue(filter, /userName/)?.toLowerCase() ?? answer.userNameLower) || null,
    emailLower: (sent.emailLower ?? filterValue(filter, /emails(?:\[[^\]]*\])?(?:\.value)?/)?.toLowerCase() ?? answer.emailLower) || null,
    externalId: (sent.externalId ?? filterValue(filter, /externalId/) ?? answer.externalId) || null,
  };
  return Object.values(person).some((v) => v !== null) ? person : null;
}
