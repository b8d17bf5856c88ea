// Query parameters of list and search requests (RFC 7644 §3.4.2), from a query string or a SearchRequest body.
// Parameter names are matched case-insensitively: Entra's delta query sends `startindex=0`.
import { badRequest } from './errors';
import type { ScimObject } from './types';

const DEFAULT_COUNT = 100;
export const MAX_COUNT = 1000;
const MAX_START_INDEX = 2 ** 31 - 1;

export interface ListParams {
  filter: string | null;
  startIndex: number;
  count: number;
  sortBy: string | null;
  sortOrder: string | null;
  attributes: string | null;
  excludedAttributes: string | null;
}

/** A query parameter by name, case-insensitively. */
export function queryParam(query: URLSearchParams, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [k, v] of query) if (k.toLowerCase() === lower) return v;
  return null;
}

function integer(name: string, raw: unknown): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isFinite(n) || !Number.isInteger(n)) throw badRequest('invalidValue', `${name} must be an integer`);
  return n;
}

function build(get: (name: string) => unknown): ListParams {
  const str = (name: string) => {
    const v = get(name);
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) return v.map(String).join(',');
    return String(v);
  };
  // §3.4.2.4: startIndex < 1 is taken as 1; a negative count as 0; count is capped at filter.maxResults.
  // Beyond 2^31 there is nothing to page to; clamping keeps the database's 64-bit offset from overflowing.
  const startIndex = Math.min(MAX_START_INDEX, Math.max(1, integer('startIndex', get('startIndex')) ?? 1));
  const count = Math.min(MAX_COUNT, Math.max(0, integer('count', get('count')) ?? DEFAULT_COUNT));
  return {
    filter: str('filter'),
    startIndex,
    count,
    sortBy: str('sortBy'),
    sortOrder: str('sortOrder'),
    attributes: str('attributes'),
    excludedAttributes: str('excludedAttributes'),
  };
}

export function listParamsFromQuery(query: URLSearchParams): ListParams {
  return build((name) => queryParam(query, name));
}

export function listParamsFromSearch(body: ScimObject): ListParams {
  const lower = new Map(Object.entries(body).map(([k, v]) => [k.toLowerCase(), v]));
  return build((name) => lower.get(name.toLowerCase()) ?? null);
}
