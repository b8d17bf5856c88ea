// Checks of one answer, for the probes that run before a workload is measured: each returns what is wrong with the
// answer in a few words, or null when it is right. A server that answers a shape wrongly is not measured on it.
import { scimCall, type Json, type JsonObject, type ScimDirectory } from './scim-client';

export interface Answer {
  status: number;
  body: Json;
}

export const ask = (dir: ScimDirectory, method: string, path: string, body?: unknown): Promise<Answer> => scimCall(dir, method, path, body);

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path (`name.givenName`); a key holding a colon (a schema URN) is one step. */
export function at(body: Json, path: string[]): Json | undefined {
  let v: Json | undefined = body;
  for (const step of path) v = isObject(v) ? v[step] : undefined;
  return v;
}

export function status(a: Answer, ...want: number[]): string | null {
  return want.includes(a.status)
    ? null
    : `answered ${a.status}${isObject(a.body) && typeof a.body.detail === 'string' ? ` (${a.body.detail.slice(0, 80)})` : ''}`;
}

/** A list answer holding exactly the resource `id`. */
export function foundOnly(a: Answer, id: string): string | null {
  const bad = status(a, 200);
  if (bad) return bad;
  const resources = at(a.body, ['Resources']);
  const total = at(a.body, ['totalResults']);
  if (!Array.isArray(resources) || total !== 1 || resources.length !== 1) return `found ${String(total)} resources, expected 1`;
  return at(resources[0], ['id']) === id ? null : 'found another resource';
}

/** A resource answer whose fields hold the given values (a string compared without case where `loose`). */
export function holds(a: Answer, fields: [string[], Json][], loose = false): string | null {
  const bad = status(a, 200);
  if (bad) return bad;
  for (const [path, want] of fields) {
    const got = at(a.body, path);
    const same =
      loose && typeof got === 'string' && typeof want === 'string' ? got.toLowerCase() === want.toLowerCase() : JSON.stringify(got) === JSON.stringify(want);
    if (!same) return `${path.join('.')} is ${JSON.stringify(got)?.slice(0, 60)}, expected ${JSON.stringify(want)}`;
  }
  return null;
}

/** The value Entra's `emails[type eq "work"].value` names. */
export function workEmail(body: Json): Json | undefined {
  const emails = at(body, ['emails']);
  return Array.isArray(emails) ? at(emails.find((e) => at(e, ['type']) === 'work') ?? null, ['value']) : undefined;
}

/** Answers 2xx, then a GET of the resource answers 404: it is gone. */
export async function deleted(dir: ScimDirectory, path: string): Promise<string | null> {
  const del = await ask(dir, 'DELETE', path);
  if (del.status < 200 || del.status > 299) return `DELETE ${status(del)}`;
  const get = await ask(dir, 'GET', path);
  return get.status === 404 ? null : `a GET after the DELETE answered ${get.status}`;
}

export const idOf = (body: Json): string | null => {
  const id = at(body, ['id']);
  return typeof id === 'string' ? id : null;
};
