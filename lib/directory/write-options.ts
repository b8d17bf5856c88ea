// What every write of a versioned resource (users, groups) takes besides its change: the version a caller saw.
import { DomainError } from '../domain-error';

/** `ifMatch`: the version the caller saw (If-Match); a different current version is a precondition failure. */
export interface WriteOptions {
  ifMatch?: number | null;
}

export function checkVersion(row: { version: number }, ifMatch: number | null | undefined, what: string): void {
  if (ifMatch != null && ifMatch !== row.version) {
    throw new DomainError('precondition_failed', `The ${what} changed since the version given in If-Match`);
  }
}
