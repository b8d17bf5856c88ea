// Okta's import walks a directory by startIndex (1, 101, 201, …). Read as written, each page counted every user and
// walked past `startIndex - 1` of them on the read path every tenant shares (200,000 users: 20-110 ms on SQLite,
// 60-146 ms on PostgreSQL, a page). Instead each page's last key and the walk's total are kept, so the page that
// follows starts after that key (a range of the (directoryId, createdAt, id) index) and shows the total its walk
// began with. A walk's first page counts its rows to COUNT_READ_MAX on the read path and, past it, all of them as a
// scan; a page no page before it led to reads past its offset as a scan when that is far.
import type { Keyset } from '../schemas/pagination';

/** Rows a page may skip on the shared read path before it is read as a scan. */
export const OFFSET_READ_MAX = 1_000;
/** Rows a list is counted to on the shared read path: past it, its total is counted as a scan. */
export const COUNT_READ_MAX = 10_000;
const MAX_WALKS = 1_000;
const TTL_MS = 10 * 60_000;

export interface PageStart {
  /** The last key of the page before. */
  key: Keyset;
  /** The total the walk began with. */
  total: number;
}

const ends = new Map<string, PageStart & { at: number }>();

/** Where the page at `offset` of `walk` (a resource's unfiltered list in one directory) starts, when a page led there. */
export function pageStart(walk: string, offset: number): PageStart | null {
  const known = ends.get(`${walk}:${offset}`);
  return known && Date.now() - known.at < TTL_MS ? known : null;
}

/** The page that ends before `nextOffset` ended at `key`, in a walk of `total` rows: for the page that follows. */
export function pageEnded(walk: string, nextOffset: number, start: PageStart): void {
  if (ends.size >= MAX_WALKS) ends.delete(ends.keys().next().value!);
  ends.set(`${walk}:${nextOffset}`, { ...start, at: Date.now() });
}
