import type { Db } from '../db/client';

/** What the core needs besides the request: the database and the directory the token was checked against. */
export interface ScimContext {
  db: Db;
  directoryId: string;
  /** `{PUBLIC_URL}/scim/v2/{directoryId}`, for meta.location and $ref. */
  baseUrl: string;
}
